/* Forgive one wrong, missing or extra letter in longer search words, so
 * "vertebroplasy", "osteoperosis" and "anaesthesia" still find their page.
 *
 * Material 8 let sites set __search.transform for this. Material 9 moved its
 * query transform into the search worker and dropped that hook, so this file
 * rewrites the query on its way to the worker instead. It only adds Lunr's
 * own fuzzy syntax (word~1) next to each word the patient typed; the worker
 * still applies Material's transform, and exact words keep ranking first
 * because they match both forms. Works with the real Worker and with the
 * iframe-worker shim used when the site is opened from disk.
 */
(function () {
  var QUERY = 2 // Material's SearchMessageType.QUERY
  var MIN_LENGTH = 5 // shorter words have too many one-letter neighbours

  function transform(query) {
    if (/["+\-~^*:]/.test(query)) return query // the patient wrote Lunr syntax
    return query.split(/\s+/).map(function (word) {
      // Any letters, accented ones too: "vertebroplastía" is one letter from "vertebroplastia".
      return /^\p{L}+$/u.test(word) && word.length >= MIN_LENGTH
        ? word + " " + word + "~1"
        : word
    }).join(" ")
  }

  var proto = window.Worker && window.Worker.prototype
  if (!proto || proto.postMessage.__typos) return
  var send = proto.postMessage
  proto.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string")
      message = { type: QUERY, data: transform(message.data) }
    return send.apply(this, [message].concat([].slice.call(arguments, 1)))
  }
  proto.postMessage.__typos = true
})()
