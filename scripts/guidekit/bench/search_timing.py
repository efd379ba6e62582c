"""Time from the last keystroke of a query to its results on screen, in Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

INSTRUMENT = """() => {
  window.__timing = {lastKey: 0, lastRender: 0};
  document.addEventListener("keydown", () => { window.__timing.lastKey = performance.now(); }, true);
  const list = document.querySelector(".md-search-result");
  new MutationObserver(() => { window.__timing.lastRender = performance.now(); })
    .observe(list, {childList: true, subtree: true});
}"""


def open_search(page: Page) -> None:
    page.keyboard.press("s")
    page.wait_for_selector(".md-search__input:focus")


def time_query(page: Page, query: str) -> float:
    """Milliseconds from the query's last keydown to the last change of the results (list or count)."""
    page.fill(".md-search__input", "")
    page.evaluate(INSTRUMENT)
    page.keyboard.type(query, delay=60)
    page.wait_for_timeout(600)  # let the results settle; only the final render counts
    timing: dict[str, float] = page.evaluate("window.__timing")
    return round(max(0.0, timing["lastRender"] - timing["lastKey"]), 1)


def search_latencies(browser: Browser, base_url: str, queries: list[str]) -> dict[str, float]:
    page = browser.new_page()
    page.goto(f"{base_url}/index.html", wait_until="networkidle")
    open_search(page)
    results = {query: time_query(page, query) for query in queries}
    page.close()
    return results
