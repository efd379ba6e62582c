"""The search helper (search_dialog.py) reaches Material's search field however early a test calls it."""

from __future__ import annotations

from browser.search_dialog import open_search

# Each request answered this late, so the page's scripts run well after the
# document has arrived; a busy machine does the same to goto(wait_until="networkidle").
LATENCY_MS = 800


def test_open_search_right_after_the_document_arrives(new_page, site_url):
    page = new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": LATENCY_MS, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.goto(site_url + "recovery.html", wait_until="commit")
    assert page.evaluate("typeof window.keyboard$") == "undefined", "Material had already started: nothing tested"
    open_search(page)
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
