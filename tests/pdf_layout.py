"""Where things are on a printed page, read from the PDF Chromium wrote: each character's size and
place (PDFium's text boxes), and the box each tagged element (H2, H3, Figure, ...) covers on each
page, from the PDF's structure tree (Chromium tags every PDF it prints: `tagged=True`).

An element's box is the union of the bounds of the page objects whose marked-content IDs the
element (or an element inside it) owns on that page: an element split across pages has a box on
each. Coordinates are PDF points, y upwards from the foot of the page."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from guidekit.pdf_text import PDFIUM


@dataclass(frozen=True)
class Box:
    page: int  # from 1
    kind: str  # the structure type: H2, Figure, ...
    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class Char:
    page: int
    text: str
    size: float  # points, as printed: the font's size scaled by the character's matrix
    baseline: float
    left: float
    bottom: float
    right: float
    top: float
    # Drawn inside marked content (the page's tagged body); the footer Chromium draws in the
    # bottom margin is not.
    tagged: bool = True

    def inside(self, box: Box, slack: float = 1.0) -> bool:
        return (
            self.page == box.page
            and box.left - slack <= self.left
            and self.right <= box.right + slack
            and box.bottom - slack <= self.bottom
            and self.top <= box.top + slack
        )


def _type(element) -> str:
    size = pdfium_c.FPDF_StructElement_GetType(element, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_StructElement_GetType(element, buffer, size)
    return buffer.raw[:size].decode("utf-16-le").rstrip("\x00")


def _children(element) -> list:
    found = []
    for index in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
        child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, index)
        if child:
            found.append(child)
    return found


def _mcids(element) -> set[int]:
    """The marked-content IDs of the element and of every element inside it."""
    own = {
        pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(element, index)
        for index in range(pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(element))
    }
    for child in _children(element):
        own |= _mcids(child)
    return {mcid for mcid in own if mcid >= 0}


def _object_bounds(page) -> dict[int, list[tuple[float, float, float, float]]]:
    """Each marked-content ID's page objects' bounds, form objects' insides included."""
    found: dict[int, list[tuple[float, float, float, float]]] = {}

    def visit(objects) -> None:
        for obj in objects:
            mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(obj)
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and mcid >= 0:
                found.setdefault(mcid, []).append((left.value, bottom.value, right.value, top.value))
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
                visit([pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))])

    visit([pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))])
    return found


def tagged_boxes(pdf: Path, kinds: set[str]) -> list[Box]:
    """The box of each element of those structure types, on each page it is drawn on, page by page
    in the order of the document's structure (the order it is read in)."""
    boxes = []
    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf))
        try:
            for number, page in enumerate(document, start=1):
                bounds = _object_bounds(page)
                tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
                try:
                    stack = [
                        pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i)
                        for i in reversed(range(pdfium_c.FPDF_StructTree_CountChildren(tree)))
                    ]
                    while stack:
                        element = stack.pop()
                        if not element:
                            continue
                        if _type(element) in kinds:
                            parts = [b for mcid in _mcids(element) for b in bounds.get(mcid, [])]
                            if parts:
                                boxes.append(
                                    Box(
                                        number,
                                        _type(element),
                                        min(p[0] for p in parts),
                                        min(p[1] for p in parts),
                                        max(p[2] for p in parts),
                                        max(p[3] for p in parts),
                                    )
                                )
                        stack.extend(reversed(_children(element)))
                finally:
                    pdfium_c.FPDF_StructTree_Close(tree)
        finally:
            document.close()
    return boxes


def chars(pdf: Path) -> list[Char]:
    """Every printed character but spaces and the line breaks PDFium adds."""
    found = []
    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf))
        try:
            for number, page in enumerate(document, start=1):
                textpage = page.get_textpage()
                matrix = pdfium_c.FS_MATRIX()
                x, y = ctypes.c_double(), ctypes.c_double()
                for index in range(textpage.count_chars()):
                    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
                    if pdfium_c.FPDFText_IsGenerated(textpage, index) or chr(code).isspace() or code < 32:
                        continue
                    pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
                    size = pdfium_c.FPDFText_GetFontSize(textpage, index) * math.hypot(matrix.c, matrix.d)
                    pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
                    left, bottom, right, top = textpage.get_charbox(index)
                    drawn = pdfium_c.FPDFText_GetTextObject(textpage, index)
                    tagged = bool(drawn) and pdfium_c.FPDFPageObj_GetMarkedContentID(drawn) >= 0
                    found.append(Char(number, chr(code), size, y.value, left, bottom, right, top, tagged))
        finally:
            document.close()
    return found
