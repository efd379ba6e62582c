"""The guide as a host serves it: a real nginx with the config the build wrote, seen
by Chromium under the real headers, and by an HTTP client.

Both builds are `make build`'s (PDFs included): the neutral guide and the fictional
example clinic's. Every page of both editions and the print page must work with
zero Content-Security-Policy violations, and a script the build did not hash must
be blocked, so the check can fail.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import yaml
from playwright.sync_api import Error as PlaywrightError

from browser.csp_watch import ViolationLog, csp_context, poll, search_results, toggle_palette
from browser.nginx import nginx_serving
from browser.pages import ALL_PAGES
from guidekit.security_policy import CACHE_IMMUTABLE, CACHE_REVALIDATE, security_headers
from guidekit.site_policy import site_code
from helpers import ROOT, replace_once

SITES = ["neutral", "clinic"]
QUERIES = {"en": "cement", "es": "cemento"}


@dataclass
class Host:
    base_url: str  # where the browser reads the guide
    folder: Path  # the built site
    nginx_url: str  # where nginx serves it

    def open_context(self, browser, **options):
        """A context that keeps the policy. A clinic's guide is read at its own address
        (its pages name it, and Material fetches that host's sitemap.xml for the language
        selector): every request to it is answered by nginx, headers and all."""
        context = csp_context(browser, **options)
        if self.base_url != self.nginx_url:

            def forward(route):
                try:
                    route.fulfill(response=route.fetch(url=self.nginx_url + route.request.url[len(self.base_url) :]))
                except PlaywrightError:
                    # The document that asked went away (the reader moved on): its answer
                    # is thrown away. A request a page needed and lost still fails its test:
                    # the browser logs it, and every console error fails the page.
                    with contextlib.suppress(PlaywrightError):
                        route.abort()

            context.route(re.compile("^" + re.escape(self.base_url) + "/"), forward)
        return context


@pytest.fixture(scope="module")
def hosted(default_site, clinic_site, tmp_path_factory):
    """Each build behind its own nginx."""
    clinic_url = yaml.safe_load((ROOT / "mkdocs.example-clinic.yml").read_text())["extra"]["clinic"]["url"]
    with (
        nginx_serving(default_site, tmp_path_factory.mktemp("nginx-neutral")) as neutral,
        nginx_serving(clinic_site, tmp_path_factory.mktemp("nginx-clinic")) as clinic,
    ):
        yield {
            "neutral": Host(neutral, default_site, neutral),
            "clinic": Host(clinic_url.rstrip("/"), clinic_site, clinic),
        }


def counterpart(name: str) -> str:
    return name.removeprefix("es/") if name.startswith("es/") else "es/" + name


@pytest.mark.parametrize("name", ALL_PAGES)
@pytest.mark.parametrize("site", SITES)
def test_every_page_works_with_no_policy_violation(browser, hosted, browser_report, site, name):
    host = hosted[site]
    base_url = host.base_url
    context = host.open_context(browser, color_scheme="light")
    try:
        page = context.new_page()
        log = ViolationLog(page)
        response = page.goto(f"{base_url}/{name}", wait_until="load")
        assert "script-src" in response.headers["content-security-policy"]
        if not name.endswith("print_page.html"):  # print-site hides search on the print page
            lang = "es" if name.startswith("es/") else "en"
            results = search_results(page, QUERIES[lang])
            assert all(urlsplit(url).path.startswith("/es/") == (lang == "es") for url in results), results
            page.keyboard.press("Escape")
        assert toggle_palette(page) == ("default", "slate")
        log.collect(page)
        page.locator(".md-select > button").focus()  # the list opens on focus
        with page.expect_navigation():
            page.locator(".md-select__link[hreflang=%s]" % ("en" if name.startswith("es/") else "es")).click()
        assert page.url == f"{base_url}/{counterpart(name)}"
        page.wait_for_load_state("load")
        log.collect(page)
        browser_report.setdefault("csp_violations", {}).setdefault(site, {})[name] = len(log.all)
        assert log.all == []
    finally:
        context.close()


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("name", ["before.html", "es/recovery.html"])
def test_pdf_links_bring_the_pdfs_as_pdfs(desktop_browser, hosted, site, name):
    """Each "Print or download" link, clicked: Chromium gets the file as application/pdf
    (and opens it in its viewer; it saves it when the reader asks), under the policy.
    The headless shell has no viewer (it downloads the file), so the full browser opens it."""
    host = hosted[site]
    context = host.open_context(desktop_browser)
    try:
        page = context.new_page()
        log = ViolationLog(page)
        page.goto(f"{host.base_url}/{name}")
        hrefs = page.locator(".guide-print-links a").evaluate_all("links => links.map(a => a.href)")
        # This handout, its large print, the whole guide, the card for the fridge.
        assert len(hrefs) == 4 and all(href.endswith(".pdf") for href in hrefs)
        log.collect(page)
        for index, href in enumerate(hrefs):
            with page.expect_navigation() as navigation:
                page.locator(".guide-print-links a").nth(index).click()
            assert (navigation.value.status, navigation.value.headers["content-type"]) == (200, "application/pdf")
            assert page.url == href
            pdf = requests.get(host.nginx_url + urlsplit(href).path, timeout=10)
            assert pdf.content[:5] == b"%PDF-" and pdf.headers["Content-Type"] == "application/pdf"
            page.go_back(wait_until="load")
        # The PDF viewer asks for /favicon.ico, which the guide has not got: only the policy counts here.
        assert [line for line in log.all if "favicon" not in line and "404" not in line] == []
    finally:
        context.close()


@pytest.mark.parametrize("site", SITES)
def test_a_script_the_build_did_not_hash_is_blocked_and_reported(browser, hosted, site):
    """The same page from nginx, with one inline script slipped in: it must not run,
    and the violation must be seen, or the zero counts above prove nothing."""
    host = hosted[site]
    base_url = host.base_url
    context = host.open_context(browser)
    try:
        page = context.new_page()
        log = ViolationLog(page)

        def add_script(route):
            served = route.fetch(url=host.nginx_url + "/during.html")  # nginx's answer, headers and all
            body = replace_once(served.text(), "</body>", "<script>window.__unhashed = true</script></body>")
            route.fulfill(response=served, body=body)

        page.route(f"{base_url}/during.html", add_script)  # a page's route comes before its context's
        page.goto(f"{base_url}/during.html", wait_until="load")
        poll(page, "window.__cspViolations.length > 0", "the violation to be reported")
        log.collect(page)
        assert page.evaluate("window.__unhashed") is None
        assert page.evaluate("document.body.dataset.mdColorScheme")  # the hashed palette script ran
        assert [v for v in log.events if v.startswith("script-src-elem blocked inline")], log.events
        assert any("inline script violates" in line for line in log.console), log.console
    finally:
        context.close()


@pytest.mark.parametrize("site", SITES)
def test_every_response_carries_the_headers_the_build_wrote(hosted, browser_report, site):
    base_url, folder = hosted[site].nginx_url, hosted[site].folder
    expected = security_headers(site_code(folder))
    hashed = next(folder.glob("assets/javascripts/bundle.*.min.js")).relative_to(folder).as_posix()
    own_script = next(
        src
        for src in re.findall(r'<script src="([^"]+)"', (folder / "index.html").read_text("utf-8"))
        if "iframe-worker" not in src and not re.search(r"\.[0-9a-f]{8}\.min\.js$", src)
    )  # extra_javascript
    paths = {  # path: (status, Content-Type, Cache-Control)
        "index.html": (200, "text/html; charset=utf-8", CACHE_REVALIDATE),
        "": (200, "text/html; charset=utf-8", CACHE_REVALIDATE),
        "es/faq.html": (200, "text/html; charset=utf-8", CACHE_REVALIDATE),
        "print_page.html": (200, "text/html; charset=utf-8", CACHE_REVALIDATE),
        "search/search_index.json": (200, "application/json; charset=utf-8", CACHE_REVALIDATE),
        "es/search/search_index.json": (200, "application/json; charset=utf-8", CACHE_REVALIDATE),
        "pdf/vertebroplasty-guide.pdf": (200, "application/pdf", CACHE_REVALIDATE),
        "es/pdf/vertebroplastia-antes.pdf": (200, "application/pdf", CACHE_REVALIDATE),
        "assets/css/guide.css": (200, "text/css; charset=utf-8", CACHE_REVALIDATE),
        own_script: (200, "application/javascript; charset=utf-8", CACHE_REVALIDATE),
        hashed: (200, "application/javascript; charset=utf-8", CACHE_IMMUTABLE),
        "es/" + hashed: (200, "application/javascript; charset=utf-8", CACHE_IMMUTABLE),
        "no-such-page.html": (404, "text/html; charset=utf-8", CACHE_REVALIDATE),
        "_headers": (404, "text/html; charset=utf-8", CACHE_REVALIDATE),
    }
    for path, (status, content_type, cache) in paths.items():
        response = requests.get(f"{base_url}/{path}", timeout=10)
        assert (response.status_code, response.headers["Content-Type"]) == (status, content_type), path
        assert response.headers["Cache-Control"] == cache, path
        for name, value in expected.items():
            assert response.headers.get(name) == value, (path, name)
        if status == 200 and cache == CACHE_REVALIDATE:  # so a revalidation is a cheap 304
            again = requests.get(f"{base_url}/{path}", headers={"If-None-Match": response.headers["ETag"]}, timeout=10)
            assert again.status_code == 304, path
    report = browser_report.setdefault("served_headers", {}).setdefault(site, {})
    for path in ["index.html", hashed]:
        report[path] = dict(requests.get(f"{base_url}/{path}", timeout=10).headers)


def readme_recipe(marker: str) -> str:
    """The ```sh block that follows `marker` in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(re.escape(marker) + r"[^\n]*\n```sh\n(.*?)\n```", readme, re.S)
    assert block, f"README.md has no ```sh block after {marker}"
    return block.group(1)


def test_the_readmes_recipe_serves_the_built_server_block_without_nginx_version(default_site, tmp_path):
    """The server block the build writes, as the README tries it: a self-signed certificate and
    ports of one's own. Port 80's redirect names no nginx version, as port 443 does not."""
    import os
    import socket
    import subprocess

    from browser.nginx import nginx_binary

    ports = []
    for _ in range(2):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    recipe = readme_recipe("<!-- try-nginx:")
    first, rest = recipe.split("\n", 1)
    assert first.startswith("SITE=site HTTP_PORT=8080 HTTPS_PORT=8443 ")
    setup = f'SITE="{default_site}" HTTP_PORT={ports[0]} HTTPS_PORT={ports[1]} T="{tmp_path}/try-nginx"\n'
    if os.geteuid() == 0:  # as root, nginx's workers would run as nobody, who cannot read the test's folder
        rest = replace_once(rest, "pid $T/nginx.pid;", "user root;\npid $T/nginx.pid;")
    binary_folder = str(Path(nginx_binary()).parent)
    result = subprocess.run(
        ["bash", "-ec", setup + rest],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": f"{binary_folder}:/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line.strip().lower() for line in result.stdout.splitlines()]
    assert "http/1.1 301 moved permanently" in lines
    assert f"location: https://localhost:{ports[1]}/before.html" in lines
    assert any(line.startswith(("http/1.1 200", "http/2 200")) for line in lines)
    assert [line for line in lines if line.startswith("server:")] == ["server: nginx", "server: nginx"]
    assert any(line.startswith("content-security-policy: default-src 'self'") for line in lines)
