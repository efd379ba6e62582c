"""The complete guide's table of contents shows the page each section starts on."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from guidekit.toc_pages import PASSES, TocPagesError, entry_pages, print_with_toc_pages
from helpers import EDITIONS, pdf_path

TOC_TITLES = {"en": "Table of Contents", "es": "Índice"}
ENTRY = re.compile(r"(?P<title>\D.*?)\s+(?P<page>\d+)")


def section_starts(reader: PdfReader, lang: str) -> tuple[int, list[int]]:
    """The page of the table of contents and the first page of each section after it, from the
    PDF's bookmarks: each section's heading is a bookmark of the top level."""
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert TOC_TITLES[lang] in titles, titles
    at = titles.index(TOC_TITLES[lang])
    pages = [reader.get_destination_page_number(item) + 1 for item in top]
    return pages[at], pages[at + 1 :]


def toc_entries(pdf: Path, page: int) -> list[tuple[str, int]]:
    """The entries of the table of contents on that page, top to bottom: the text of each
    entry's link (its title and number) and the page the link leads to."""
    reader = PdfReader(str(pdf))
    destinations = reader.named_destinations
    links = sorted(
        (annotation.get_object() for annotation in reader.pages[page - 1].get("/Annots", [])),
        key=lambda link: -float(link["/Rect"][3]),
    )
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        text = document[page - 1].get_textpage()
        return [
            (
                " ".join(text.get_text_bounded(*(float(edge) for edge in link["/Rect"])).split()),
                reader.get_destination_page_number(destinations[str(link["/Dest"])]) + 1,
            )
            for link in links
        ]
    finally:
        document.close()


@pytest.mark.parametrize("site", ["default_site", "clinic_site"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_table_of_contents_shows_where_each_section_starts(request, site, lang):
    pdf = pdf_path(request.getfixturevalue(site), lang, EDITIONS[lang].guide)
    toc_page, starts = section_starts(PdfReader(str(pdf)), lang)
    assert len(starts) >= 6, starts
    entries = toc_entries(pdf, toc_page)
    # An entry for each section, in order, each leading to the page where its section's heading is.
    assert [linked for _, linked in entries] == starts, entries
    unnumbered = [text for text, _ in entries if not ENTRY.fullmatch(text)]
    assert not unnumbered, f"entries without a page number: {unnumbered}"
    # The number printed is that page.
    assert [int(ENTRY.fullmatch(text)["page"]) for text, _ in entries] == starts, entries


class FakeTab:
    """A tab whose table of contents has two entries; records the numbers written into it."""

    def __init__(self, targets: list[str]):
        self.targets = targets
        self.written: list[list[int]] = []

    async def eval_on_selector_all(self, selector, expression, arg=None):
        if arg is None:
            return self.targets
        self.written.append(arg)


def print_numbered(tab: FakeTab, found: list[list[int]]) -> tuple[bytes, int]:
    """Prints (the nth printout reads found[n]) until the numbers settle: the PDF kept and the printouts."""
    printouts: list[bytes] = []

    async def print_pdf() -> bytes:
        printouts.append(f"printout {len(printouts) + 1}".encode())
        return printouts[-1]

    def read(pdf: bytes, targets: list[str]) -> list[int]:
        return found[int(pdf.split()[-1]) - 1]

    # A thread of its own: a sync Playwright test that ran earlier in this worker keeps an event
    # loop running in the main thread, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(1) as thread:
        result = thread.submit(asyncio.run, print_with_toc_pages(tab, print_pdf, read)).result()
    return result, len(printouts)


def test_numbers_that_move_nothing_take_two_printouts():
    tab = FakeTab(["index", "before"])
    assert print_numbered(tab, [[3, 6], [3, 6]]) == (b"printout 2", 2)
    assert tab.written == [[3, 6]]


def test_numbers_that_move_a_section_are_written_again():
    tab = FakeTab(["index", "before"])
    assert print_numbered(tab, [[3, 6], [4, 7], [4, 7]]) == (b"printout 3", 3)
    assert tab.written == [[3, 6], [4, 7]]


def test_numbers_that_never_settle_fail_the_build():
    tab = FakeTab(["index", "before"])
    with pytest.raises(TocPagesError, match=f"did not settle in {PASSES} printouts"):
        print_numbered(tab, [[3, 6], [4, 7], [5, 8], [5, 8]])
    assert len(tab.written) == PASSES - 1


def test_a_page_without_a_table_of_contents_prints_once():
    assert print_numbered(FakeTab([]), []) == (b"printout 1", 1)


def test_an_entry_without_a_destination_is_named(default_site):
    path = pdf_path(default_site, "en", EDITIONS["en"].guide)
    pdf = path.read_bytes()
    assert entry_pages(pdf, ["index"]) == section_starts(PdfReader(path), "en")[1][:1]
    with pytest.raises(TocPagesError, match="#no-such-section"):
        entry_pages(pdf, ["index", "no-such-section"])
