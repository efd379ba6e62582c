"""The printed page's margins are written once, in print.css's @page rule, and the build reads them from there:
Chromium obeys that rule first, and the PDF footer (and the checks that read it) sit in its bottom margin."""

from __future__ import annotations

import pytest

from guidekit.handouts import LARGE_PRINT_MARGINS, MARGINS
from guidekit.page_margins import LARGE_PRINT_CSS_FILE, PRINT_CSS, PageMarginsError, page_margins, read_page_margins
from guidekit.pdf_text import FOOTER_MM, LARGE_PRINT_FOOTER_MM
from helpers import replace_once


def test_the_build_uses_print_css_margins():
    assert MARGINS == read_page_margins(PRINT_CSS)
    assert FOOTER_MM == float(MARGINS["bottom"].removesuffix("mm")) + 1
    assert all(value.endswith("mm") and float(value[:-2]) > 0 for value in MARGINS.values())


def test_large_print_uses_large_print_css_margins():
    assert LARGE_PRINT_MARGINS == read_page_margins(LARGE_PRINT_CSS_FILE)
    assert LARGE_PRINT_FOOTER_MM == float(LARGE_PRINT_MARGINS["bottom"].removesuffix("mm")) + 1
    assert float(LARGE_PRINT_MARGINS["bottom"][:-2]) > float(MARGINS["bottom"][:-2])


def test_a_change_in_print_css_reaches_the_build():
    css = PRINT_CSS.read_text(encoding="utf-8")
    old = f"margin: {MARGINS['top']} {MARGINS['right']} {MARGINS['bottom']}"
    assert old in css, "print.css's @page margin is no longer written as top, sides, bottom: update this test"
    changed = page_margins(replace_once(css, old, "margin: 12mm 13mm 20mm 14mm"))
    assert changed == {"top": "12mm", "right": "13mm", "bottom": "20mm", "left": "14mm"}


@pytest.mark.parametrize(
    "margin, sides",
    [
        ("7mm", ("7mm", "7mm", "7mm", "7mm")),
        ("7mm 9mm", ("7mm", "9mm", "7mm", "9mm")),
        ("7mm 9mm 15mm", ("7mm", "9mm", "15mm", "9mm")),
        ("7mm 9mm 15mm 10.5mm", ("7mm", "9mm", "15mm", "10.5mm")),
    ],
)
def test_the_shorthand_as_css_reads_it(margin, sides):
    css = f"@page :first {{ margin: 1mm }}\n@page {{\n  margin: {margin};\n  @bottom-center {{ content: none; }}\n}}"
    assert page_margins(css) == dict(zip(("top", "right", "bottom", "left"), sides, strict=True))


@pytest.mark.parametrize(
    "css, problem",
    [
        ("@page { size: A4; }", "0 margin declarations"),
        ("/* @page { margin: 10mm } */", "0 margin declarations"),
        ("@page { margin: 10mm } @media print { @page { margin: 12mm } }", "2 margin declarations"),
        ("@page { margin: 10mm; margin-bottom: 20mm }", "one side's margin"),
        ("@page { margin: 1in }", "is not 1 to 4 lengths in mm"),
        ("@page { margin: 1mm 2mm 3mm 4mm 5mm }", "is not 1 to 4 lengths in mm"),
    ],
)
def test_margins_the_build_cannot_follow_are_refused(css, problem):
    with pytest.raises(PageMarginsError, match=problem):
        page_margins(css)
