"""A list of warning signs is read whole: it is never split across pages of a PDF.

A patient who turns the page in the middle of "Call 911 now" may stop at the foot of the first
page and miss the sign they have. The print stylesheets keep each list on one page (a box that
does not fit starts on a new page, and breaks, if it must, before its list); this check reads the
printed PDF back and fails a handout whose warning list still runs over a page break.

The boxes come from the page the handout was printed from: each danger or warning box whose list
holds a shared warning sign (`docs/includes/warning-signs*.md`, through the manifest), in page
order. Each list item is then found in the PDF's body text, in that order, and the pages its
characters lie on are the list's pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .manifest import Manifest
from .pdf_text import FOOTER_MM, page_texts
from .warning_signs import shared_items

BOX = re.compile(
    r'<div class="admonition (?:danger|warning)\b[^"]*">\s*<p class="admonition-title">(.*?)</p>(.*?)</ul>', re.S
)
ITEM = re.compile(r"<li>(.*?)</li>", re.S)
# Paper's source note numbers (guidekit/plugin/parts/print_sources.py) are not the sign's words.
SOURCE_REF = re.compile(r"<sup[^>]*guide-source-ref[^>]*>.*?</sup>", re.S)
TAG = re.compile(r"<[^>]+>")
FIX = (
    "keep each list of warning signs on one page: the page-break rules of the warning boxes are in "
    "docs/assets/css/print.css (standard handouts) and docs/assets/css/large-print.css (large print)"
)


@dataclass(frozen=True)
class WarningBox:
    title: str
    items: tuple[str, ...]


def squeezed(text: str) -> str:
    """Text as matched against a PDF's: no spaces or line breaks (PDFium marks a hyphen that ends a
    line with \\x02)."""
    return "".join(text.replace("\x02", "-").split())


def plain(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", SOURCE_REF.sub("", fragment))).split())


def warning_boxes(page_html: str, signs: set[str]) -> list[WarningBox]:
    """The page's danger and warning boxes whose list names a shared sign, in page order."""
    boxes = []
    for match in BOX.finditer(page_html):
        items = tuple(plain(item) for item in ITEM.findall(match[2]))
        if any(item in signs for item in items):
            boxes.append(WarningBox(plain(match[1]), items))
    return boxes


def list_pages(pdf: Path, boxes: list[WarningBox], footer_mm: float = FOOTER_MM) -> list[tuple[WarningBox, list[int]]]:
    """Each box with the pages its list is printed on (from 1; empty: its list was not found)."""
    texts = [squeezed(text) for text in page_texts(pdf, footer_mm)]
    stream = "".join(texts)
    page_at = [number for number, text in enumerate(texts, start=1) for _ in text]
    found = []
    start = 0
    for box in boxes:
        pages: set[int] = set()
        for item in box.items:
            words = squeezed(item)
            at = stream.find(words, start)
            if at < 0:
                pages = set()
                break
            pages |= {page_at[at], page_at[at + len(words) - 1]}
            start = at + len(words)
        found.append((box, sorted(pages)))
    return found


def split_lists(manifest: Manifest, pdf: Path, page_html: Path, lang: str, footer_mm: float = FOOTER_MM) -> list[str]:
    """A message for each warning list of the page that the PDF splits across pages (or lost)."""
    if manifest.warning_signs is None or not page_html.is_file():
        return []
    boxes = warning_boxes(page_html.read_text(encoding="utf-8"), set(shared_items(manifest, lang)))
    problems = []
    for box, pages in list_pages(pdf, boxes, footer_mm):
        where = f'the {lang} handout {pdf.name}: the list of signs in the box "{box.title}"'
        if not pages:
            problems.append(f"{where} was not found in the PDF's text, so no one can tell whether it is whole")
        elif len(pages) > 1:
            problems.append(f"{where} is split across pages {pages[0]} to {pages[-1]}. Fix: {FIX}")
    return problems
