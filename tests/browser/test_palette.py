"""The light/dark palette: chosen before the page shows, kept when the reader picks one.

Material's own palette component is not mounted (see overrides/partials/palette.html):
it restyled every page twice at start-up. These tests hold what replaces it.
"""

from __future__ import annotations

import pytest

from browser.pages import PAGES

SCHEMES = {"light": "default", "dark": "slate"}

# Every change to <body>'s colour attributes after the parser made <body>, and
# whether the article had been parsed by then (a change after it restyles the page).
WATCH_BODY = """
window.__bodyChanges = []
new MutationObserver(records => {
  for (const record of records)
    if (record.target === document.body && record.attributeName.startsWith('data-md-color'))
      window.__bodyChanges.push({name: record.attributeName,
                                 articleParsed: !!document.querySelector('article')})
}).observe(document, {attributes: true, subtree: true})
"""


# Material's bundle names its streams on window as the last step of its set-up.
BUNDLE_DONE = "window.component$ !== undefined"
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Counts the changes of the system's colour scheme the page has been told of: a listener added
# after the page's own, so when it has run, the page's has too (the same change, the same task).
COUNT_SCHEME_CHANGES = """() => {
  window.__schemeChanges = 0
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => window.__schemeChanges++)
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ["index.html", "es/before.html"])
def test_system_palette_is_set_before_the_article_so_nothing_restyles(new_page, site_url, name, scheme):
    page = new_page(color_scheme=scheme)
    page.add_init_script(WATCH_BODY)
    page.goto(site_url + name)
    page.wait_for_load_state("load")
    page.wait_for_function(BUNDLE_DONE)
    page.evaluate(NEXT_FRAMES)  # and what it put off to the next frame has run
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    changes = page.evaluate("window.__bodyChanges")
    assert not [c for c in changes if c["articleParsed"]], f"palette changed after the article was parsed: {changes}"
    assert "data-md-color-switching" not in [c["name"] for c in changes]


def test_the_toggle_offers_the_other_palette_and_the_scrollbars_follow(new_page, site_url):
    page = new_page(color_scheme="light")
    page.goto(site_url + "before.html")
    toggle = page.locator("form[data-guide-palette] label:visible")
    assert toggle.count() == 1 and toggle.get_attribute("title") == "Switch to dark mode"
    assert page.get_attribute("meta[name=color-scheme]", "content") == "light"
    toggle.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.locator("form[data-guide-palette] label:visible").get_attribute("title") == "Switch to light mode"
    assert page.get_attribute("meta[name=color-scheme]", "content") == "dark"


HEADER_AND_TINT = """() => [getComputedStyle(document.querySelector('.md-header')).backgroundColor,
                            document.querySelector('meta[name=theme-color]')?.content]"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_phones_address_bar_takes_the_headers_colour(new_page, site_url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(site_url + "during.html", wait_until="load")
    page.wait_for_function(f"(({HEADER_AND_TINT})())[1] !== undefined")
    header, tint = page.evaluate(HEADER_AND_TINT)
    assert tint == header
    page.locator("form[data-guide-palette] label:visible").click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{SCHEMES[scheme]}'")
    header, tint = page.evaluate(HEADER_AND_TINT)
    assert tint == header


def test_a_readers_choice_is_kept_on_every_page_over_the_system_setting(new_page, site_url):
    page = new_page(color_scheme="light")
    page.goto(site_url + "index.html")
    page.locator("form[data-guide-palette] label:visible").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    for name in PAGES:
        page.goto(site_url + name)
        assert page.get_attribute("body", "data-md-color-scheme") == "slate", name
    page.evaluate(COUNT_SCHEME_CHANGES)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("window.__schemeChanges === 1")  # the page has heard of it
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(color_scheme="light")
    page.wait_for_function("window.__schemeChanges === 2")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"


def test_without_a_choice_an_open_page_follows_the_system_when_it_switches(new_page, site_url):
    page = new_page(color_scheme="light")
    page.goto(site_url + "recovery.html")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
