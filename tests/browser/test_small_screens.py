"""Phones and browsers without JavaScript: every page still fits and reads."""

from __future__ import annotations

import pytest

from browser.pages import ALL_PAGES

PHONE = {"width": 360, "height": 740}
MIN_FONT_PX = 16

# Size of the body text, and of the smallest paragraph, list item or table cell
# in the article (notes and admonitions included).
FONT_SIZES = """() => {
  const px = e => parseFloat(getComputedStyle(e).fontSize)
  const text = [...document.querySelectorAll('article p, article li, article td')]
  return { base: px(document.querySelector('article.md-typeset')), smallest: Math.min(...text.map(px)) }
}"""

# Headings, paragraphs, list items and figures of the article that a reader
# cannot see: display:none, visibility:hidden or no size. (The print page's
# table of contents, the handout header and the write-in lines are for paper only;
# a closed details block shows its text when its summary is clicked, script or not.)
UNSEEN = """() => [...document.querySelectorAll('article :is(h1, h2, h3, p, li, figure img)')]
  .filter(e => !e.closest('#print-page-toc, .guide-print-only, details:not([open])'))
  .filter(e => !e.checkVisibility({visibilityProperty: true, opacityProperty: true})
               || e.getBoundingClientRect().height === 0)
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("name", ALL_PAGES)
def test_phone_width_needs_no_sideways_scroll_and_no_zoom(new_page, site_url, browser_report, name):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(site_url + name)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    sizes = page.evaluate(FONT_SIZES)
    browser_report.setdefault("phone", {})[name] = {"scrollWidth": width, **sizes}
    assert width <= PHONE["width"], f"{name} scrolls sideways: {width}px wide"
    assert sizes["base"] >= MIN_FONT_PX and sizes["smallest"] >= MIN_FONT_PX, sizes


@pytest.mark.parametrize("name", ALL_PAGES)
def test_every_page_reads_without_javascript(new_page, site_url, name):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + name)
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    assert page.locator("article h1").first.is_visible()
    assert page.evaluate("document.querySelectorAll('article p').length") >= 3
    assert page.evaluate(UNSEEN) == []
