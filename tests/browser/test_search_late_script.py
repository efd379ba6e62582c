"""Search keeps its patient-friendly queries when search-query.js arrives late.

Material hands its search worker the index's setup as soon as the index has
loaded; on a slow network (or when a page's <meta> policy makes the browser's
preload scanner wait) that can happen before search-query.js runs. The file
must still read the setup, or Spanish stop words ("de") become required
prefixes and "senales de alarma" no longer finds the recovery page."""

from __future__ import annotations

import re

from browser.search_dialog import search

# The index has come in (Material fetches it as soon as its bundle runs): its resource entry is
# written once the whole response is in.
INDEX_IN = """() => performance.getEntriesByType("resource")
  .some(entry => entry.name.endsWith("/search/search_index.json") && entry.responseEnd > 0)"""


def test_spanish_stop_words_hold_when_the_query_script_comes_late(new_page, site_url):
    page = new_page()

    def late(route):
        page.wait_for_function(INDEX_IN, polling=50)  # the index arrives first
        route.continue_()

    page.route(re.compile(r".*/search-query\.js$"), late)
    page.goto(site_url + "es/index.html")
    assert "recovery.html" in search(page, "senales de alarma")[:3]
