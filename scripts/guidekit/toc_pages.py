"""Page numbers in the complete guide's table of contents.

Chromium has no target-counter(): a table of contents cannot ask where its sections land.
So the guide is printed once, and each section's first page is read from that PDF: Chromium
writes a named destination for every anchor a link of the page points to, the table's own
links ("#before") among them. The numbers go into the table's entries in the tab (a span
in each link, set out by docs/assets/css/print.css), and the guide is printed again.

The numbers could move what they number (a table that grows onto another page with them):
the guide is printed until the numbers in its table are the pages the PDF has, at most
PASSES times in all, and the build fails otherwise.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from io import BytesIO
from typing import TYPE_CHECKING

from pypdf import PdfReader

if TYPE_CHECKING:
    from playwright.async_api import Page

# Printouts in all, the first one without numbers: the second is the last one as a rule.
PASSES = 3
NUMBER_CLASS = "guide-toc-page"
TOC_LINKS = '#print-page-toc a[href^="#"]'

# The target of each entry: its link's fragment, as the element's id.
READ_TARGETS = "links => links.map(a => decodeURIComponent(a.hash.slice(1)))"
# Each entry's number, in a span at the end of its link (the same span on the next pass).
WRITE_NUMBERS = f"""(links, numbers) => links.forEach((link, i) => {{
  let number = link.querySelector(".{NUMBER_CLASS}");
  if (!number) {{
    number = document.createElement("span");
    number.className = "{NUMBER_CLASS}";
    link.append(number);
  }}
  number.textContent = String(numbers[i]);
}})"""


class TocPagesError(Exception):
    """The table's page numbers could not be set: no page for an entry, or numbers that do not settle."""


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of each named destination of the PDF, by the name of the anchor."""
    reader = PdfReader(BytesIO(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        if (index := reader.get_destination_page_number(destination)) is not None:
            pages[str(name).removeprefix("/")] = index + 1
    return pages


def entry_pages(pdf: bytes, targets: list[str]) -> list[int]:
    """Where each entry's section starts in the PDF."""
    pages = destination_pages(pdf)
    if missing := [target for target in targets if target not in pages]:
        raise TocPagesError(
            f"no page in the PDF for the table of contents' entries {', '.join(f'#{t}' for t in missing)}"
            " (Chromium wrote no destination for them). Fix: check that each entry links to a section of the page"
        )
    return [pages[target] for target in targets]


async def print_with_toc_pages(
    page: Page, print_pdf: Callable[[], Awaitable[bytes]], read: Callable[[bytes, list[str]], list[int]] = entry_pages
) -> bytes:
    """The page printed with the page numbers in its table of contents, right in the PDF returned."""
    targets = await page.eval_on_selector_all(TOC_LINKS, READ_TARGETS)
    if not targets:
        return await print_pdf()
    written: list[int] | None = None  # the numbers in the table being printed
    for printout in range(1, PASSES + 1):
        pdf = await print_pdf()
        found = read(pdf, targets)
        if found == written:
            return pdf
        if printout == PASSES:
            raise TocPagesError(
                f"the page numbers in the table of contents did not settle in {PASSES} printouts: the last one"
                f" shows {written} for sections that start on pages {found}. Fix: keep the table of contents"
                " from running onto another page when the numbers are added (fewer entries: toc_depth in"
                " mkdocs.yml; or shorter titles)"
            )
        await page.eval_on_selector_all(TOC_LINKS, WRITE_NUMBERS, found)
        written = found
    raise AssertionError("unreachable")
