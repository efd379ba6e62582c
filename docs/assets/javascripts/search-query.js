/* Turn what a patient types into Lunr queries that find their page.
 *
 * Material 9 has no hook for its query transform (it lives in the search
 * worker), so this file rewrites each query on its way to the worker, and
 * when a strict query finds nothing it asks the next, looser one. It works
 * through the worker stand-in of overrides/partials/javascripts/search-worker.html,
 * in front of the real Worker and of the iframe-worker shim (pages opened
 * from disk). For each word the patient typed, the query holds:
 *
 * - the word without accents ("después" -> "despues"): the index holds that
 *   spelling too (the guide plugin's search_spellings part);
 * - Lunr's fuzzy form (word~1) for words of 5+ letters, so one wrong, missing
 *   or extra letter is forgiven ("vertebroplasy", "anestecia");
 * - the word and its neighbour written as one ("x ray", "pain killers"), as
 *   the index holds hyphenated words joined too ("x-ray" -> "xray").
 *
 * Stop words ("the", "de", "la"; search-stop-words.<lang>.js) are not in the
 * index, yet Material matches every word as a prefix, so "de" found
 * "después" and "debe" everywhere and outranked the passage that has all the
 * words. They go as exact words only. Two or more other words are first all
 * required (+word), so the sections that have every one of them come first;
 * then each two neighbours as one word; then the loose query, if still none.
 */
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var MIN_FUZZY = 5 // shorter words have too many one-letter neighbours
  var SYNTAX = /(^|\s)[+\-]|["~^*:]/ // the patient wrote Lunr syntax: leave it alone

  var separator = /[\s\-]+/ // Material's default, until the index's own arrives
  var stopWords = new Set()
  var langs = null // the index's languages, once its setup message has gone by

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "")
  }

  // The forms of one word that may match the index: as typed, without accents, near misses.
  function forms(word) {
    var folded = fold(word), out = []
    ;(word === folded ? [word] : [word, folded]).forEach(function (form) {
      out.push(form)
      if (form.length >= MIN_FUZZY && /^\p{L}+$/u.test(form)) out.push(form + "~1")
    })
    return out
  }

  // What must match in a strict query: the word or a near miss, without accents.
  function required(word) {
    var folded = fold(word)
    return "+" + (folded.length >= MIN_FUZZY && /^\p{L}+$/u.test(folded) ? folded + "~1" : folded + "*")
  }

  // { queries: strictest first, the loose one last; words: those the patient typed that count }
  function rewrite(query) {
    if (SYNTAX.test(query)) return { queries: [query], words: null }
    if (langs && !stopWords.size) stopWords = stopWordsOf(langs) // their file may have come after the setup
    var words = query.toLowerCase().split(separator).filter(Boolean)
    var isContent = function (word) { return !stopWords.has(fold(word)) }
    var content = words.filter(isContent)
    var terms = []
    words.forEach(function (word, i) {
      if (content.length && !isContent(word)) terms.push(word + "~0") // exact: no prefix
      else terms.push.apply(terms, forms(word))
      if (i > 0) terms.push.apply(terms, forms(fold(words[i - 1] + word)))
    })
    // Every word required; then, in turn, each two neighbours as one word.
    var strict = content.length > 1 ? [content.map(required)] : []
    words.forEach(function (word, i) {
      var before = words[i - 1]
      if (i === 0 || !(isContent(before) || isContent(word))) return
      strict.push(content.filter(function (other) { return other !== before && other !== word })
        .map(required).concat(required(before + word)))
    })
    var counted = content.length ? content : words
    return {
      queries: strict.map(function (must) { return must.concat(terms).join(" ") }).concat(terms.join(" ")),
      words: new Set(counted.concat(counted.map(fold))),
    }
  }

  // Material lists a result's unmatched words as "Missing"; keep that to the
  // words the patient typed, not the spellings and joined words added here.
  function keepTypedTerms(result, words) {
    if (!words || !result || !result.items) return
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) {
          if (!words.has(term)) delete item.terms[term]
        })
      })
    })
  }

  var proto = window.Worker && window.Worker.prototype
  if (!proto || proto.postMessage.__patientQuery) return
  var send = proto.postMessage, dispatch = proto.dispatchEvent
  // For each query in flight: the queries left to try if it finds nothing,
  // and the words typed. The worker answers in order.
  var waiting = []
  // Only the stand-in of search-worker.html hands the answers to dispatchEvent,
  // so only with it can an answer be swapped for the next query's.
  var canRetry = !!window.Worker.startsWhenNeeded

  function stopWordsOf(languages) {
    var lists = window.searchStopWords || {}
    return new Set([].concat.apply([], languages.map(function (lang) { return lists[lang] || [] })))
  }

  function readSetup(message) {
    if (message && message.type === SETUP && message.data && message.data.config) {
      var config = message.data.config
      separator = new RegExp(config.separator)
      langs = config.lang
      stopWords = stopWordsOf(langs)
    }
  }

  // Material hands the worker its setup as soon as the index has loaded. On a
  // slow network that can be before this file runs: the stand-in of
  // search-worker.html has then queued it, so it is read from there on start.
  if (typeof proto.start === "function") {
    var start = proto.start
    proto.start = function () {
      ;(this.queue || []).forEach(function (args) { readSetup(args[0]) })
      return start.apply(this, arguments)
    }
  }

  proto.postMessage = function (message) {
    readSetup(message)
    if (message && message.type === QUERY && typeof message.data === "string") {
      var query = rewrite(message.data), queries = query.queries
      if (canRetry) waiting.push({ next: queries.slice(1), words: query.words })
      message = { type: QUERY, data: canRetry ? queries[0] : queries[queries.length - 1] }
    }
    return send.apply(this, [message].concat([].slice.call(arguments, 1)))
  }
  proto.postMessage.__patientQuery = true

  if (canRetry) proto.dispatchEvent = function (event) {
    var data = event.type === "message" && event.data
    if (data && data.type === RESULT && waiting.length) {
      var query = waiting.shift(), found = data.data && data.data.items && data.data.items.length
      // Nothing found, and no newer query on its way: try the next, looser query.
      if (!found && query.next.length && !waiting.length) {
        waiting.push({ next: query.next.slice(1), words: query.words })
        send.call(this, { type: QUERY, data: query.next[0] })
        return true
      }
      keepTypedTerms(data.data, query.words)
    }
    return dispatch.call(this, event)
  }
})()
