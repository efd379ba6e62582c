"""The 404 page works at the server's root, under a sub-path, at any depth, and in Spanish."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from guidekit.bench.local_server import QuietHandler

HEADINGS = {"en": "Page not found", "es": "Página no encontrada"}


class SubPathHandler(QuietHandler):
    """A static host serving the site under `prefix`, answering a missing page with its edition's 404.html."""

    prefix = ""

    def translate_path(self, path):
        if not path.startswith(self.prefix + "/"):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path(path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        edition = "es" if self.path.startswith(self.prefix + "/es/") else ""
        body = (Path(self.directory) / edition / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_under(site: Path, prefix: str):
    handler = functools.partial(type("Handler", (SubPathHandler,), {"prefix": prefix}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}/"
    finally:
        server.shutdown()
        server.server_close()


CASES = {
    "at the root": ("neutral", "", "nope.html", "en"),
    "under a sub-path": ("neutral", "/guide", "nope.html", "en"),
    "in Spanish under a sub-path": ("neutral", "/guide", "es/nope.html", "es"),
    "in Spanish at the root": ("neutral", "", "es/nope.html", "es"),
    "of a clinic at the root": ("clinic", "", "nope.html", "en"),
    # A host answers a deeper address with the same page: it finds its edition's top first.
    "a folder deep under a sub-path": ("neutral", "/guide", "recovery/", "en"),
    "two folders deep under a sub-path": ("neutral", "/guide", "a/b/missing.html", "en"),
    "in Spanish a folder deep under a sub-path": ("neutral", "/guide", "es/recuperacion/", "es"),
    "of a clinic a folder deep": ("clinic", "", "recovery/", "en"),
}


@pytest.mark.parametrize("case", CASES)
def test_not_found_page_is_styled_linked_and_in_its_language(new_page, request, case):
    build, prefix, missing, lang = CASES[case]
    site = request.getfixturevalue("clinic_site" if build == "clinic" else "built_site")
    with serve_under(site, prefix) as base:
        page = new_page()
        failed = []
        # The page's own look for its edition's top (HEAD .../404.html) may miss: not a dead link.
        page.on(
            "response",
            lambda r: (
                r.status >= 400 and r.url != base + missing and r.request.method != "HEAD" and failed.append(r.url)
            ),
        )
        page.on("requestfailed", lambda r: failed.append(r.url))
        response = page.goto(base + missing, wait_until="networkidle")
        assert response.status == 404
        assert failed == [], f"dead links on the 404 page: {failed}"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.get_attribute("html", "lang") == lang
        assert page.inner_text("article h1") == HEADINGS[lang]
        with page.expect_navigation():
            page.click("article a")
        assert page.url == base + ("es/" if lang == "es" else "") + "index.html"
        assert page.inner_text("article h1")
