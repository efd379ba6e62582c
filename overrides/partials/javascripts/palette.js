(function () {
  var form = document.querySelector("[data-guide-palette]")
  if (!form) return
  var inputs = [].slice.call(form.querySelectorAll("input[name=__palette]"))
  var keys = ["media", "scheme", "primary", "accent"]
  var current = 0

  function chosen() {
    try {
      var saved = __md_get("__palette")
      return saved && saved.chosen && inputs[saved.index] ? saved.index : -1
    } catch (error) {
      return -1 // storage switched off: follow the system
    }
  }

  function colors(input) {
    var color = {}
    keys.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key) })
    return color
  }

  function bySystem() {
    for (var i = 0; i < inputs.length; i++)
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i
    return 0
  }

  function apply(index) {
    current = index
    var input = inputs[index], color = colors(input)
    for (var key in color) document.body.setAttribute("data-md-color-" + key, color[key])
    input.checked = true
    inputs.forEach(function (each, i) {
      var label = each.nextElementSibling
      if (label && label.tagName === "LABEL") label.hidden = i !== index
    })
    // The phone's address bar takes the header's colour, read once styles are due anyway.
    requestAnimationFrame(function () {
      var style = getComputedStyle(document.querySelector("[data-md-component=header]"))
      meta("color-scheme").content = style.colorScheme
      meta("theme-color").content = style.backgroundColor
    })
  }

  function meta(name) {
    return document.head.querySelector("meta[name=" + name + "]")
      || document.head.appendChild(Object.assign(document.createElement("meta"), { name: name }))
  }

  apply(chosen() >= 0 ? chosen() : bySystem())

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target)
    if (index < 0) return
    // Material's CSS turns transitions off while this attribute is set.
    document.body.setAttribute("data-md-color-switching", "")
    apply(index)
    __md_set("__palette", { index: index, chosen: true, color: colors(inputs[index]) })
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching") })
  })

  // As Material does: Enter on the focused toggle moves to the next palette.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return
    var next = inputs[(current + 1) % inputs.length]
    next.click()
    next.focus()
  })

  // A reader who has not chosen follows the system when it switches.
  inputs.forEach(function (input) {
    matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", function () {
      if (chosen() < 0) apply(bySystem())
    })
  })
})()
