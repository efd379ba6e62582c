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
    assert page.url.endswith("#before-the-procedure")


# Every element that takes keyboard focus and is part of the page (not hidden
# with display:none, visibility:hidden or the hidden attribute, as Material's
# back-to-top button is until you scroll up). Of a radio group, only the
# checked radio, or the first when none is checked, is a Tab stop. Each gets a number so the Tab walk can tick it off.
MARK_CONTROLS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
  const controls = [...document.querySelectorAll(sel)].filter(e =>
    e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]') && e.checkVisibility({visibilityProperty: true})
    && !(e.type === 'radio' && e !== (document.querySelector(`input[name="${e.name}"]:checked`)
                                      || document.querySelector(`input[name="${e.name}"]`))))
  controls.forEach((e, i) => e.dataset.kb = i)
  return controls.map(e => e.outerHTML.slice(0, 100))
}"""

# The focused element, or for Material's hidden palette radio the button-like
# label beside it, is on screen and shows a focus ring (or, for the search
# field, opens the search dialog).
FOCUS_VISIBLE = """() => {
  const el = document.activeElement
  const shown = el.matches('.md-option') ? el.nextElementSibling : el
  const r = shown.getBoundingClientRect()
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight && shown.checkVisibility({visibilityProperty: true})
  const s = getComputedStyle(shown)
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
  const search = el.matches('.md-search__input') && document.getElementById('__search').checked
  return onScreen && (ring || search)
}"""


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("name", PAGES)
def test_tab_reaches_every_control_with_visible_focus(new_page, site_url, name, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + name)
    controls = page.evaluate(MARK_CONTROLS)
    reached, hidden = set(), []
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        where = page.evaluate("(e => e.dataset.kb ?? e.outerHTML.slice(0, 100))(document.activeElement)")
        reached.add(where)
        try:  # the menu drawer slides in on small screens: give it its transition time
            page.wait_for_function(FOCUS_VISIBLE, timeout=1000)
        except Exception:
            hidden.append(page.evaluate("document.activeElement.outerHTML.slice(0, 100)"))
    missed = [html for i, html in enumerate(controls) if str(i) not in reached]
    assert not missed, f"Tab never reaches: {missed}"
    assert not hidden, f"focus not visible on: {hidden}"


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
