"""Privacy and offline use: what the browser itself fetched, stored and could do from disk."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser.pages import ALL_PAGES
from browser.search_dialog import search


@pytest.mark.parametrize("name", ALL_PAGES)
def test_page_loads_nothing_from_other_hosts_and_sets_no_cookie(browser, any_build, name):
    site_url = any_build.url
    context = browser.new_context()
    requests, failures = [], []
    context.on("request", lambda r: requests.append(r.url))  # pages and the search worker
    context.on("requestfailed", lambda r: failures.append(r.url))
    context.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
    try:
        page = context.new_page()
        page.goto(site_url + name, wait_until="networkidle")
        if not name.endswith("print_page.html"):  # print-site hides search on the print page
            search(page, "cement")  # the search worker and index load, too
            page.wait_for_load_state("networkidle")
            page.hover(".md-select__link >> nth=-1", force=True)  # the language selector
            page.wait_for_load_state("networkidle")
        own = urlsplit(site_url).netloc
        elsewhere = [url for url in requests if urlsplit(url).netloc != own and not url.startswith("data:")]
        assert requests and not elsewhere, f"requests to other hosts: {elsewhere}"
        assert not failures, f"failed requests: {failures}"
        assert context.cookies() == []
        assert page.evaluate("document.cookie") == ""
    finally:
        context.close()


def test_site_works_opened_from_disk_search_included(browser, any_build):
    built_site = any_build.folder
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.goto((built_site / "index.html").as_uri())
        assert search(page, "numb legs")[:3].count("recovery.html") == 1
        assert "index.html" in search(page, "vertebroplasy")[:3]  # typo help works from disk too
        # the strict query finds nothing, so a looser one runs: that works from disk too
        assert "index.html" in search(page, "non surgical care")[:3]
        page.keyboard.press("Escape")
        with page.expect_navigation():
            page.click("a.md-footer__link--next")  # flat .html links work without a server
        assert page.url.endswith("/before.html")
        assert "Before the procedure" in page.inner_text("h1")
        not_local = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
        assert not not_local, f"opened from disk, it still asked the network for: {not_local}"
    finally:
        context.close()
