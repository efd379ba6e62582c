"""The QR code from paper to phone: on the first page of every example-clinic handout and of
the complete guide, read back from the rendered PDF page as a phone's camera would read it,
beside the address it stands for; and none at all in the neutral guide."""

from __future__ import annotations

import ctypes
import math
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from guidekit.qr_code import breakable, edition_address

SITE = "https://guide.example.org/"  # mkdocs.example-clinic.yml's url
# Each PDF of the example clinic, and the page its code must open: the same page in the
# same language; for the complete guide, that edition's home page.
ADDRESSES = {
    "pdf/vertebroplasty-guide.pdf": SITE,
    "pdf/vertebroplasty-before.pdf": SITE + "before.html",
    "pdf/vertebroplasty-during.pdf": SITE + "during.html",
    "pdf/vertebroplasty-recovery.pdf": SITE + "recovery.html",
    "pdf/vertebroplasty-faq.pdf": SITE + "faq.html",
    "es/pdf/vertebroplastia-guia.pdf": SITE + "es/",
    "es/pdf/vertebroplastia-antes.pdf": SITE + "es/before.html",
    "es/pdf/vertebroplastia-durante.pdf": SITE + "es/during.html",
    "es/pdf/vertebroplastia-recuperacion.pdf": SITE + "es/recovery.html",
    "es/pdf/vertebroplastia-preguntas.pdf": SITE + "es/faq.html",
}
DPI = 150  # about what a phone's camera resolves of a sheet held 20 cm away
MM = 72 / 25.4  # PDF points in a millimetre
QUIET_ZONE = 4  # modules of blank paper the QR standard asks for around the code


def first_page(pdf: Path):
    return pdfium.PdfDocument(str(pdf))[0]


def qr_codes(page) -> list:
    image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    return image, zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)


def box_of(code) -> tuple[float, float, float, float]:
    """The code's symbol (without its quiet zone) in pixels: left, top, right, bottom."""
    corners = [code.position.top_left, code.position.top_right, code.position.bottom_right, code.position.bottom_left]
    return (min(p.x for p in corners), min(p.y for p in corners), max(p.x for p in corners), max(p.y for p in corners))


def found_chars(page, text: str) -> tuple:
    """The text page, and the indices of the characters of the first place `text` is printed."""
    textpage = page.get_textpage()
    found = textpage.search(text, match_case=True).get_next()
    assert found, f"{text!r} is not printed on the page"
    start, count = found
    return textpage, range(start, start + count)


def text_box(page, text: str) -> tuple[float, float, float, float]:
    """Where the text is printed, in PDF points from the page's bottom left: left, bottom, right, top."""
    textpage, chars = found_chars(page, text)
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects(chars.start, len(chars)))]
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


def font_sizes(page, text: str) -> set[float]:
    """The size in points of each character of the text as printed (its font's size, scaled
    by the character's transformation on the page)."""
    textpage, chars = found_chars(page, text)
    matrix = pdfium_c.FS_MATRIX()
    sizes = set()
    for index in chars:
        pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
        sizes.add(pdfium_c.FPDFText_GetFontSize(textpage, index) * math.hypot(matrix.c, matrix.d))
    return sizes


@pytest.mark.parametrize("pdf,address", ADDRESSES.items())
def test_the_code_opens_the_same_page_online_in_its_language(clinic_site, pdf, address):
    _, codes = qr_codes(first_page(clinic_site / pdf))
    assert [code.text for code in codes] == [address]
    parts = urlsplit(codes[0].text)
    assert parts.scheme == "https" and not parts.query and not parts.fragment  # nothing that tracks the reader


@pytest.mark.parametrize("pdf,address", ADDRESSES.items())
def test_the_code_can_be_scanned_from_paper(clinic_site, pdf, address):
    """Modules of at least 0.4 mm, and a quiet zone of blank paper all around (no rule,
    no text inside it)."""
    image, codes = qr_codes(first_page(clinic_site / pdf))
    (code,) = codes
    left, top, right, bottom = box_of(code)
    modules = 17 + 4 * int(code.extra["Version"])
    module_px = (right - left) / modules
    assert module_px * 72 / DPI / MM >= 0.4
    zone = int(QUIET_ZONE * module_px) - 1  # the corners found may be a pixel off
    x0, y0 = max(0, left - zone), max(0, top - zone)  # at the page's edge, the paper is blank anyway
    x1, y1 = min(image.width, right + zone), min(image.height, bottom + zone)
    strips = [(x0, y0, x1, top - 1), (x0, bottom + 2, x1, y1), (x0, y0, left - 1, y1), (right + 2, y0, x1, y1)]
    darkest = min(image.crop(strip).getextrema()[0] for strip in strips if strip[1] < strip[3] and strip[0] < strip[2])
    assert darkest > 160, f"something is printed inside the code's quiet zone (darkest pixel {darkest})"


@pytest.mark.parametrize("pdf,address", ADDRESSES.items())
def test_the_address_is_printed_beside_its_code_in_readable_type(clinic_site, pdf, address):
    page = first_page(clinic_site / pdf)
    _, (code,) = qr_codes(page)
    height = page.get_size()[1]
    left, top, right, bottom = (value * 72 / DPI for value in box_of(code))
    code_left, code_bottom, code_right, code_top = left, height - bottom, right, height - top
    text_left, text_bottom, text_right, text_top = text_box(page, address)
    assert text_bottom < code_top and text_top > code_bottom, "the address is not level with the code"
    gap = code_left - text_right if text_right <= code_left else text_left - code_right
    assert 0 <= gap <= 10 * MM, f"the address is {gap / MM:.1f} mm from the code"
    assert min(font_sizes(page, address)) >= 9


def test_the_neutral_guide_has_no_code(default_site):
    """No web address set: no code, no address, on paper or on any page."""
    for pdf in ADDRESSES:
        document = pdfium.PdfDocument(str(default_site / pdf))
        for page in document:
            assert qr_codes(page)[1] == [], f"{pdf} carries a QR code"
    for html in default_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "guide-qr" not in text and "guide-online" not in text, html.relative_to(default_site)


@pytest.mark.parametrize("url", ["https://clinic.example.org/guide", "https://clinic.example.org/guide/"])
def test_an_address_without_its_last_slash_still_names_the_guide_folder(url):
    assert edition_address(url, "es/") == "https://clinic.example.org/guide/es/"
    assert edition_address(url, "") == "https://clinic.example.org/guide/"


def test_a_long_address_wraps_after_a_slash_or_a_dot_of_its_host_not_inside_a_word():
    assert breakable("https://clinic.example.org/spine&pain/es/before.html") == (
        "https://<wbr>clinic.<wbr>example.<wbr>org/<wbr>spine&amp;pain/<wbr>es/<wbr>before.html"
    )
    assert breakable("https://clinic.example.org") == "https://<wbr>clinic.<wbr>example.<wbr>org"
