"""Source notes: links on screen, one list at the end on paper (the guide plugin's print_sources part)."""

from __future__ import annotations

import pytest

PAGES = {
    "en": ("recovery.html", "about.html#where-does-this-information-come-from"),
    "es": ("es/recovery.html", "es/about.html#de-donde-viene-esta-informacion"),
}


@pytest.mark.parametrize("lang", PAGES)
def test_source_links_on_screen_a_list_on_paper(browser, site_url, lang):
    page_path, about = PAGES[lang]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + page_path)
        links = page.locator(f'article a[href$="{about.split("/")[-1]}"]')
        count = links.count()
        assert count >= 3
        for i in range(count):
            assert links.nth(i).is_visible()
        assert not page.locator("article .guide-sources").is_visible()

        page.emulate_media(media="print")
        assert all(not links.nth(i).is_visible() for i in range(count))
        assert page.locator("article .guide-sources").is_visible()
        page.emulate_media(media="screen")
        links.first.click()
        page.wait_for_url("**/" + about)
    finally:
        context.close()


STYLES = """() => [...document.querySelectorAll('article a, article abbr')]
    .filter(e => e.getClientRects().length)
    .map(e => { const s = getComputedStyle(e), p = getComputedStyle(e.parentElement);
      return [e.tagName, e.textContent, s.textDecorationLine, s.borderBottomStyle, s.color === p.color]; })"""


@pytest.mark.parametrize("folder", ["", "es/"])
def test_nothing_on_paper_is_drawn_as_a_link(browser, site_url, folder):
    """On paper a link reads as the text around it, and an abbreviation has no dotted line."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        shown = []
        for name in ("before.html", "during.html", "index.html"):
            page.goto(site_url + folder + name)
            shown += page.evaluate(STYLES)
        assert {"A", "ABBR"} <= {tag for tag, *_ in shown}, shown
        drawn = [s for s in shown if s[2] != "none" or s[3] != "none" or not s[4]]
        assert drawn == []
    finally:
        context.close()
