"""The header's language selector opens the same page in the other edition, the printable page too."""

from __future__ import annotations

import pytest

SPANISH_SITEMAP_READ = """() => performance.getEntriesByType('resource')
  .some(e => e.name.endsWith('/es/sitemap.xml') && e.responseEnd > 0)"""


@pytest.mark.parametrize("name", ["print_page.html", "before.html"])
def test_language_link_opens_the_same_page_in_the_other_edition(new_page, site_url, name):
    """Material's bundle fetches the sitemap of each `<link rel="alternate">` in a page and, with
    them in hand, takes over clicks on links into those editions. Where the print page's "Español"
    went depended on which sitemap came first: the Spanish home page when the Spanish one did (the
    print page is in no sitemap). Here the English sitemap is held back until after the click."""
    page = new_page()
    held = []

    def spanish_sitemap_first(route):
        if "/es/" in route.request.url:
            route.continue_()
        else:
            held.append(route)  # never answered: the context closes with it

    page.route("**/sitemap.xml", spanish_sitemap_first)
    page.goto(site_url + name)
    if page.locator("link[rel=alternate]").count():  # Material asks for a sitemap for each
        page.wait_for_function(SPANISH_SITEMAP_READ)
        page.wait_for_timeout(100)  # and reads it as soon as it is in
    page.locator(".md-select > button").focus()  # the list opens on focus
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=es]").click()
    assert page.url == site_url + "es/" + name
