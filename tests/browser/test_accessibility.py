"""Accessibility, checked in Chromium: axe-core, the keyboard, text size and alt text."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.pages import ALL_PAGES, PAGES
from browser.search_dialog import search

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette

axe = Axe()  # axe-core as bundled by axe-playwright-python


def violations(page, options=AXE_OPTIONS) -> list[str]:
    result = axe.run(page, options=options).response
    return [f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'][:5])}" for v in result["violations"]]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ALL_PAGES)
def test_axe_finds_no_violations(new_page, any_build, browser_report, name, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(any_build.url + name)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    found = violations(page)
    browser_report.setdefault("axe", {})[f"{name} ({scheme}, {any_build.kind})"] = found
    assert found == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_with_search_open(new_page, site_url, browser_report, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(site_url + "index.html")
    assert search(page, "vertebroplasy risks")  # results, highlights and a "missing" line
    found = violations(page)
    # aria-dialog-name is a best-practice rule, outside the WCAG tags: ask for it by name.
    found += violations(page, {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    browser_report.setdefault("axe", {})[f"index.html, search open ({scheme})"] = found
    assert found == []


def test_skip_link_comes_first_shows_and_jumps_to_the_content(new_page, site_url):
    page = new_page()
    page.goto(site_url + "before.html")
    page.keyboard.press("Tab")
    skip = page.evaluate_handle("document.activeElement")
    assert skip.evaluate("e => e.matches('a.md-skip')"), "the first Tab stop is not the skip link"
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0, f"skip link not on screen: {box}"
    assert "Skip to content" in skip.inner_text()
    page.keyboard.press("Enter")
    # The jump is a navigation within the page; Playwright learns of it from an event that may
    # come after the key press returns, so wait for the address rather than read it at once.
    page.wait_for_url(re.compile(r"/before\.html#before-the-procedure$"), timeout=5000)


# Every element that takes keyboard focus and is part of the page (not hidden
# with display:none, visibility:hidden or the hidden attribute). Of a radio
# group, only the checked radio, or the first when none is checked, is a Tab
# stop. Each gets a number so the Tab walk can tick it off.
MARK_CONTROLS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
  const controls = [...document.querySelectorAll(sel)].filter(e =>
    e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]') && e.checkVisibility({visibilityProperty: true})
    && !(e.type === 'radio' && e !== (document.querySelector(`input[name="${e.name}"]:checked`)
                                      || document.querySelector(`input[name="${e.name}"]`))))
  controls.forEach((e, i) => e.dataset.kb = i)
  return controls.map(e => e.outerHTML.slice(0, 100))
}"""

# Every element that receives focus, in order, as the browser moves it.
FOLLOW_FOCUS = "() => { window.focusLog = []; document.addEventListener('focusin', e => focusLog.push(e.target)) }"

# Why the focused element (for Material's hidden palette radio, the button-like
# label beside it) cannot be seen, or "" when it is on screen, opaque (its
# ancestors too; Material dims a focused footer link to 0.7 on purpose), and
# drawn with a focus ring; the search field instead opens the search dialog.
FOCUS_PROBLEM = r"""el => {
  const shown = el.matches('.md-option') ? el.nextElementSibling : el
  const r = shown.getBoundingClientRect()
  if (!(r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight))
    return 'off screen'
  let opacity = 1
  for (let e = shown; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity)
  if (opacity < 0.5 || !shown.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    return `not visible (opacity ${opacity.toFixed(2)})`
  if (el.matches('.md-search__input')) return document.getElementById('__search').checked ? '' : 'search not open'
  const s = getComputedStyle(shown)
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor)
  return ring ? '' : 'no focus ring'
}"""


def tab_to_next(page) -> None:
    """Press Tab until focus lands on an element (once round the end, focus visits the
    browser itself, where no element has it)."""
    for _ in range(2):
        count = page.evaluate("focusLog.length")
        page.keyboard.press("Tab")
        try:
            page.wait_for_function(f"focusLog.length > {count}", timeout=2000)
            return
        except Exception:
            assert page.evaluate("document.activeElement === document.body"), "Tab moved focus nowhere"
    raise AssertionError("Tab found no element to focus")


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("name", PAGES)
def test_tab_reaches_every_control_with_visible_focus(new_page, site_url, name, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + name)
    page.evaluate(FOLLOW_FOCUS)
    controls = page.evaluate(MARK_CONTROLS)
    reached, unseen = set(), []
    for step in range(len(controls) + 10):
        tab_to_next(page)
        focused = page.evaluate_handle("focusLog[focusLog.length - 1]")
        if step > 0 and focused.evaluate("e => e.matches('a.md-skip')"):
            break  # round the whole page, back to the skip link
        reached.add(focused.evaluate("e => e.dataset.kb ?? e.outerHTML.slice(0, 100)"))
        try:  # the menu drawer slides in on small screens: give it its transition time
            page.wait_for_function(f"el => !({FOCUS_PROBLEM})(el)", arg=focused, timeout=1000)
        except Exception:
            unseen.append(f"{focused.evaluate(FOCUS_PROBLEM)}: {focused.evaluate('e => e.outerHTML.slice(0, 100)')}")
    else:
        raise AssertionError("Tab never came back round to the skip link")
    missed = [html for i, html in enumerate(controls) if str(i) not in reached]
    assert not missed, f"Tab never reaches: {missed}"
    assert not unseen, f"focus not visible on: {unseen}"


TAKES_FOCUS = "e => { e.focus(); return document.activeElement === e }"


@pytest.mark.parametrize("width", [1280, 360])
def test_hidden_back_to_top_button_takes_no_focus(new_page, site_url, width):
    # Material fades it out (opacity 0) while it is hidden; it must leave the Tab order too.
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + "before.html")
    assert page.get_attribute(".md-top", "hidden") is not None
    assert not page.evaluate(TAKES_FOCUS, page.query_selector(".md-top"))
    page.mouse.wheel(0, 1500)
    page.mouse.wheel(0, -300)  # scrolling up shows it: then it takes focus
    page.wait_for_function("!document.querySelector('.md-top').hidden")
    assert page.evaluate(TAKES_FOCUS, page.query_selector(".md-top"))


@pytest.mark.parametrize("width", [1280, 360])
def test_palette_toggle_and_search_results_work_by_keyboard(new_page, site_url, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + "before.html")
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert search(page, "glue")[0] == "index.html"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/index\.html\?h=glue$", page.url)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_image_says_what_it_shows(new_page, site_url, name):
    page = new_page()
    page.goto(site_url + name)
    images = page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('src'), e.getAttribute('alt')])")
    assert images
    for src, alt in images:
        words = re.findall(r"[A-Za-z]+", alt or "")
        assert len(words) >= 3 and not re.search(r"\.(svg|png|jpe?g)$", alt), f"{src}: alt {alt!r}"
        assert (alt or "").strip().lower() not in {"logo", "image", "icon", "picture"}, src
