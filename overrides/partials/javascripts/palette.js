(function () {
  var form = document.querySelector("[data-guide-palette]")
  if (!form) return
  var inputs = [].slice.call(form.querySelectorAll("input[name=__palette]"))
  var keys = ["media", "scheme", "primary", "accent"]
  var current = 0

  // The palette the reader picked with the toggle, or -1 if none.
  function chosen() {
    try {
      var saved = __md_get("__palette")
      return saved && saved.chosen && inputs[saved.index] ? saved.index : -1
    } catch (error) {
      return -1 // storage switched off: follow the system
    }
  }

  function bySystem() {
    for (var i = 0; i < inputs.length; i++)
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i
    return 0
  }

  function colors(input) {
    var color = {}
    keys.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key) })
    return color
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
    // The page's own scrollbars follow the palette. (Material's component read
    // this from the header's style, which forces a restyle while the page loads.)
    setMeta("color-scheme", color.scheme === "slate" ? "dark" : "light")
  }

  function setMeta(name, content) {
    var meta = document.head.querySelector("meta[name=" + name + "]")
      || document.head.appendChild(Object.assign(document.createElement("meta"), { name: name }))
    meta.content = content
  }

  // Phones tint their address bar with this colour; it matches the header, as
  // with Material's component. Read only once the page has loaded, since
  // reading a style while the page starts forces a restyle.
  function tint() {
    var header = document.querySelector("[data-md-component=header]")
    if (!header) return
    setMeta("theme-color", getComputedStyle(header).backgroundColor)
  }

  var picked = chosen()
  apply(picked >= 0 ? picked : bySystem())
  addEventListener("load", function () { setTimeout(tint) })

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target)
    if (index < 0) return
    // Material's CSS turns transitions off while this attribute is set.
    document.body.setAttribute("data-md-color-switching", "")
    apply(index)
    tint()
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

  // A reader who has not picked a palette follows the system when it switches.
  inputs.forEach(function (input) {
    matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", function () {
      if (chosen() < 0) { apply(bySystem()); tint() }
    })
  })
})()
