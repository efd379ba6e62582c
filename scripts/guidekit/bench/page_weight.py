"""What a visit to each page downloads, recorded by Chromium itself.

Sizes come from the response bodies, so they are the same on every run; the
compressed figures are what a static host serves with gzip or brotli on.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import brotli

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Response

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@dataclass
class Resource:
    url: str
    content_type: str
    raw: int
    gzip: int
    brotli: int


@dataclass
class Visit:
    page: str
    resources: dict[str, Resource] = field(default_factory=dict)

    def total(self, kind: str, skip: AbstractSet[str] = frozenset()) -> int:
        return sum(getattr(r, kind) for url, r in self.resources.items() if url not in skip)


@functools.cache  # every page loads the same theme files: compress each once (brotli at 11 is slow)
def compressed_sizes(body: bytes) -> tuple[int, int]:
    return len(gzip.compress(body, 9)), len(brotli.compress(body, quality=11))


def measure(body: bytes, url: str, content_type: str) -> Resource:
    if content_type.startswith(TEXT_TYPES):
        return Resource(url, content_type, len(body), *compressed_sizes(body))
    return Resource(url, content_type, len(body), len(body), len(body))  # already compressed formats


# Material's search worker script. The page starts it after its load event
# (overrides/partials/javascripts/search-worker.html), and a first visit pays for it.
SEARCH_WORKER = "/assets/javascripts/workers/search."


def visit(browser: Browser, base_url: str, page_path: str) -> Visit:
    """Load one page with an empty cache and wait until the search index and
    the search worker have arrived too."""
    context = browser.new_context()
    record = Visit(page_path)
    pending: list[Response] = []

    def on_response(response: Response) -> None:
        pending.append(response)

    context.on("response", on_response)
    page = context.new_page()
    page.goto(f"{base_url}/{page_path}", wait_until="networkidle")
    if not any(SEARCH_WORKER in response.url for response in pending):
        with page.expect_response(lambda response: SEARCH_WORKER in response.url):
            pass  # it starts at the first idle moment after load
    for response in pending:
        if response.status != 200 or response.url.startswith("data:"):
            continue
        body = response.body()
        kind = (response.headers.get("content-type") or "").split(";")[0]
        record.resources[response.url] = measure(body, response.url, kind)
    context.close()
    return record
