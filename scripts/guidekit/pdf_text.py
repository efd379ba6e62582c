"""The text of a PDF as units the fact patterns can be matched against.

A PDF keeps no paragraphs, so a unit is a window of consecutive lines: wide
enough for a wrapped list item or short list, narrow enough that phrases far
apart do not count as one fact. The window is measured in characters, not
lines, so it holds the same amount of text in a one-column page and in a
two-column handout. The page footer, in the bottom margin, is left out.

The text comes from PDFium (pypdfium2): the build checks every PDF it makes,
and PDFium reads them about fifteen times faster than pypdf.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2

from .handouts import LARGE_PRINT_MARGINS, MARGINS, mm
from .markdown_text import Unit

# About ten full lines of a one-column page.
WINDOW_CHARS = 850
# The page footer (who to call, "Page X of Y", the edition) is drawn in the
# bottom margin; only text above it is the page's body.
MM = 72 / 25.4
# A character counts as body text when any of it is above this line: 1 mm above the margin,
# so the footer's tallest letters stay out and every line of the body stays in.
FOOTER_MM = mm(MARGINS["bottom"]) + 1
# The same for a large-print handout, whose footer's margin is taller.
LARGE_PRINT_FOOTER_MM = mm(LARGE_PRINT_MARGINS["bottom"]) + 1


# PDFium is not thread-safe, and the build reads each PDF in a thread while Chromium prints the
# next: two reads at once crashed the build (SIGSEGV) now and then. One read at a time.
PDFIUM = threading.Lock()


def page_texts(path: Path, footer_mm: float = FOOTER_MM) -> list[str]:
    """The body text of each page of the PDF, above the footer's margin, as PDFium reads it."""
    with PDFIUM:
        document = pypdfium2.PdfDocument(str(path))
        try:
            texts = []
            for page in document:
                width, height = page.get_size()
                textpage = page.get_textpage()
                texts.append(textpage.get_text_bounded(left=0, bottom=footer_mm * MM, right=width, top=height))
        finally:
            document.close()
    return texts


def pdf_lines(path: Path, footer_mm: float = FOOTER_MM) -> list[tuple[int, str]]:
    """(page number, line) for every body line of the PDF, above the footer's margin."""
    lines = []
    for number, text in enumerate(page_texts(path, footer_mm), start=1):
        # PDFium marks a hyphen that ends a line, as in "X-" + "ray", with \x02, and joins the lines.
        for line in text.replace("\x02", "-").splitlines():
            line = " ".join(line.split())
            if line:
                lines.append((number, line))
    return lines


def pdf_units(path: Path, footer_mm: float = FOOTER_MM) -> list[Unit]:
    lines = pdf_lines(path, footer_mm)
    units = []
    for start in range(len(lines)):
        end, size = start, 0
        while end < len(lines) and (end == start or size + len(lines[end][1]) <= WINDOW_CHARS):
            size += len(lines[end][1]) + 1
            end += 1
        window = lines[start:end]
        text = " ".join(line for _, line in window).replace("- ", "-")
        units.append(Unit("window", text, window[0][0], window[-1][0]))
    return units
