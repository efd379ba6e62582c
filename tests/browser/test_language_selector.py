"""The header's language selector opens the same page in the other edition, the printable page too."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["print_page.html", "before.html"])
def test_language_link_opens_the_same_page_in_the_other_edition(new_page, site_url, name):
    """Material's bundle fetches the sitemap of each `<link rel="alternate">` in a page and, with
    them in hand, takes over clicks on links into those editions. Where the print page's "Español"
    went depended on which sitemap came first: the Spanish home page when the Spanish one did (the
    print page is in no sitemap). The pages hold no such links (guidekit/plugin/parts/hreflang.py puts the
    alternates in the sitemap), so Material fetches no sitemap and the link stays the page's own."""
    page = new_page()
    sitemaps = []
    page.on("request", lambda request: sitemaps.append(request.url) if "sitemap.xml" in request.url else None)
    page.goto(site_url + name, wait_until="load")
    assert page.locator("link[rel=alternate]").count() == 0, "alternate links are back: Material fetches sitemaps"
    page.locator(".md-select > button").focus()  # the list opens on focus
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=es]").click()
    assert page.url == site_url + "es/" + name
    assert sitemaps == [], "Material fetched a sitemap, and with it can take the click elsewhere"
