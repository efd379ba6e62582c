// Stands in for window.Worker until search is needed (see search-worker.html).
(function () {
  var RealWorker = window.Worker
  if (!RealWorker || RealWorker.startsWhenNeeded) return

  var waiting = []
  function startWaiting() {
    var workers = waiting
    waiting = []
    workers.forEach(function (worker) { worker.start() })
  }

  class WorkerWhenNeeded extends EventTarget {
    constructor(url, options) {
      super()
      this.url = url
      this.options = options
      this.worker = null
      this.queue = [] // messages sent before the real worker exists
      this.onmessage = null
      this.onerror = null
      waiting.push(this)
    }

    start() {
      if (this.worker || !this.queue) return
      var self = this
      var worker = this.worker = new RealWorker(this.url, this.options)
      worker.addEventListener("message", function (event) {
        self.relay(new MessageEvent("message", { data: event.data }), self.onmessage)
      })
      worker.addEventListener("error", function (event) {
        self.relay(new ErrorEvent("error", event), self.onerror)
      })
      this.queue.forEach(function (args) { worker.postMessage.apply(worker, args) })
      this.queue = []
    }

    relay(event, handler) {
      this.dispatchEvent(event)
      if (typeof handler === "function") handler.call(this, event)
    }

    postMessage() {
      if (this.worker) this.worker.postMessage.apply(this.worker, arguments)
      else if (this.queue) this.queue.push([].slice.call(arguments))
    }

    terminate() {
      if (this.worker) this.worker.terminate()
      this.queue = null
    }
  }
  WorkerWhenNeeded.startsWhenNeeded = true
  window.Worker = WorkerWhenNeeded

  // Material focuses the field when search opens, by tap, click or the s, f
  // and / keys; a tap on the search icon changes its toggle (#__search).
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-md-component=search-query]")) startWaiting()
  })
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") startWaiting()
  })
  // Otherwise once the page is up and quiet, so a first search is instant.
  addEventListener("load", function () {
    var idle = window.requestIdleCallback || function (callback) { setTimeout(callback, 1) }
    setTimeout(function () { idle(startWaiting, { timeout: 2000 }) }, 500)
  })
})()
