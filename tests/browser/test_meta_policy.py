"""The policy each page carries in its <meta>: all that protects it on GitHub Pages
(no custom headers) and opened from disk, where it must not break anything."""

from __future__ import annotations

import re

import pytest

from browser.csp_watch import ViolationLog, csp_context, poll, search_results, toggle_palette
from browser.pages import ALL_PAGES
from guidekit.security_policy import sha256_source
from helpers import replace_once

QUERIES = {"en": "cement", "es": "cemento"}
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@pytest.mark.parametrize("name", ALL_PAGES)
def test_opened_from_disk_every_page_works_under_its_policy(browser, built_site, name):
    context = csp_context(browser, color_scheme="light")
    try:
        page = context.new_page()
        log = ViolationLog(page)
        page.goto((built_site / name).as_uri(), wait_until="load")
        policy = META_POLICY.search((built_site / name).read_text(encoding="utf-8")).group(1)
        if not name.endswith("print_page.html"):
            results = search_results(page, QUERIES["es" if name.startswith("es/") else "en"])
            assert all(url.startswith("file:") for url in results)
            # Search ran in the iframe-worker shim's frame, whose inline script the build
            # hashed from the shim's source: that is the script the frame holds.
            frame_script = page.evaluate("document.querySelector('iframe').contentDocument.scripts[0].textContent")
            assert sha256_source(frame_script) in re.findall(r"'sha256-[^']+'", policy)
            page.keyboard.press("Escape")
        assert toggle_palette(page) == ("default", "slate")
        log.collect(page)
        # Opened from disk, the print page's own scripts ask for sitemap.xml, which a
        # browser refuses from file:// (not a policy matter): only policy messages count.
        assert [line for line in log.all if "Content Security Policy" in line or not line.startswith("console")] == []
    finally:
        context.close()


def test_the_meta_policy_alone_blocks_a_script_the_build_did_not_hash(browser, site_url):
    """Served with no header at all (as GitHub Pages serves it)."""
    context = csp_context(browser)
    try:
        page = context.new_page()

        def add_script(route):
            served = route.fetch()
            assert "content-security-policy" not in served.headers
            body = replace_once(served.text(), "</body>", "<script>window.__unhashed = true</script></body>")
            route.fulfill(response=served, body=body)

        page.route(site_url + "recovery.html", add_script)
        page.goto(site_url + "recovery.html", wait_until="load")
        violations = poll(
            page, "window.__cspViolations.length && window.__cspViolations", "the violation to be reported"
        )
        assert page.evaluate("window.__unhashed") is None
        assert [v for v in violations if v.startswith("script-src-elem blocked inline")] == violations
    finally:
        context.close()
