"""Material's search worker waits until the page has started (building the index would take the
CPU from the page's start-up), yet a reader who goes straight to search gets results without waiting for it."""

from __future__ import annotations

from browser.search_dialog import search

# Where Material's search worker is fetched from (its file name carries a content hash).
SEARCH_WORKER = "/assets/javascripts/workers/search."
# during.html's drawing: holding it back holds back the page's load event.
IMAGE = "**/procedure.svg"


# Material's bundle names its streams on window as the last step of its set-up.
BUNDLE_DONE = "window.component$ !== undefined"
# Every worker the page really starts, recorded as it starts (the stand-in in front of Material's
# starts the browser's Worker, as it found it, only when search is needed).
RECORD_WORKERS = """(() => {
  const Real = window.Worker
  window.__workersStarted = []
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options)
      window.__workersStarted.push(String(url))
    }
  }
})()"""


def worker_requests(page) -> list[str]:
    found = []
    page.on("request", lambda request: found.append(request.url) if SEARCH_WORKER in request.url else None)
    return found


def test_worker_starts_after_the_page_has_loaded(new_page, site_url):
    page = new_page()
    requests = worker_requests(page)
    page.goto(site_url + "during.html", wait_until="load")
    assert requests == [], "the search worker started during the page's start-up"
    with page.expect_request(lambda request: SEARCH_WORKER in request.url, timeout=5000):
        pass  # it starts at an idle moment after load
    assert len(requests) == 1, "the search worker started more than once"


def test_search_before_the_page_has_loaded_starts_the_worker(new_page, site_url):
    page = new_page()
    requests = worker_requests(page)
    held = []
    page.route(IMAGE, lambda route: held.append(route))  # never answered: the context closes first
    page.add_init_script(RECORD_WORKERS)
    page.goto(site_url + "during.html", wait_until="domcontentloaded")
    page.wait_for_function(BUNDLE_DONE)  # Material has set search up, its worker included
    assert page.evaluate("document.readyState") != "complete"
    started = page.evaluate("window.__workersStarted")
    assert not [url for url in started if SEARCH_WORKER in url], "the search worker started before the reader asked"
    assert requests == [], "the search worker started before the reader asked for search"
    assert "during.html" in search(page, "fluoroscopy")[:3]
    assert page.evaluate("document.readyState") != "complete", "the load event came first: nothing tested"
    assert len(requests) == 1


# A worker of the page's own, from its own script: it answers as soon as it runs.
OTHER_WORKER = """() => new Promise(resolve => {
    const script = new Blob(["postMessage('started')"], {type: "text/javascript"})
    const worker = new Worker(URL.createObjectURL(script))
    worker.onmessage = event => resolve(event.data)
    setTimeout(() => resolve("still waiting"), 3000)
})"""


def test_only_materials_search_worker_waits(new_page, site_url):
    page = new_page()
    requests = worker_requests(page)
    held = []
    page.route(IMAGE, lambda route: held.append(route))  # the load event never comes
    page.goto(site_url + "during.html", wait_until="domcontentloaded")
    assert page.evaluate(OTHER_WORKER) == "started", "another worker was held back with the search worker"
    assert page.evaluate("document.readyState") != "complete", "the load event came first: nothing tested"
    assert requests == [], "the search worker started before the page had loaded"
