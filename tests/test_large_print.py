"""Large-print handouts and the "when to call" card, measured character by character as printed
(PDFium: each character's size and place on the page), in both languages, neutral and example clinic."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from guidekit.pdf_text import LARGE_PRINT_FOOTER_MM, MM
from helpers import LARGE_PRINT, ROOT, SCRIPTS
from pdf_layout import Char, chars

SITES = ["default_site", "clinic_site"]
LARGE = [(lang, pdf) for lang, pdfs in LARGE_PRINT.items() for pdf in pdfs]
STANDARD = [(lang, pdf) for lang, pdfs in LARGE_PRINT.items() for pdf in pdfs.values()]
CARDS = {"en": "pdf/vertebroplasty-when-to-call.pdf", "es": "es/pdf/vertebroplastia-cuando-llamar.pdf"}
RECOVERY = {"en": "recovery.html", "es": "es/recovery.html"}
PHONES = ["(412) 555-0142", "(412) 555-0199"]  # the example clinic's day and after-hours numbers
WRITE_IN = {"en": "Your care team's phone", "es": "Teléfono de su equipo médico"}
SOURCES = {"en": "Sources:", "es": "Fuentes:"}
SITE = "https://guide.example.org/"  # mkdocs.example-clinic.yml's url

BODY_PT, FOOTER_PT, CARD_PT, MAX_LINE = 18, 14, 16, 70
TOLERANCE = 0.05  # points: PDFium's sizes are floats


def in_footer(char: Char, footer_mm: float) -> bool:
    return char.baseline < footer_mm * MM


def lines(body: list[Char]) -> list[list[Char]]:
    """The body's lines: characters on one baseline of one page, split where a gap wider than two
    characters' size parts them (the columns of a two-column page, the cells of a table)."""
    rows: dict[tuple[int, int], list[Char]] = {}
    for char in body:
        rows.setdefault((char.page, round(char.baseline)), []).append(char)
    found = []
    for row in rows.values():
        row.sort(key=lambda c: c.left)
        line = [row[0]]
        for char in row[1:]:
            if char.left - line[-1].right > 2 * max(char.size, line[-1].size):
                found.append(line)
                line = []
            line.append(char)
        found.append(line)
    return found


def line_length(line: list[Char]) -> int:
    """Characters in the line, each space between words counted as one."""
    spaces = sum(1 for a, b in zip(line, line[1:], strict=False) if b.left - a.right > 0.2 * a.size)
    return len(line) + spaces


@dataclass
class Measure:
    body_min: float
    footer_min: float
    longest_line: int
    column_share: float  # the share of body lines in a second column (see `measure`)
    pages: int
    body_text: str


def measure(pdf: Path, footer_mm: float = LARGE_PRINT_FOOTER_MM) -> Measure:
    found = chars(pdf)
    body = [c for c in found if not in_footer(c, footer_mm)]
    footer = [c for c in found if in_footer(c, footer_mm)]
    width = PdfReader(str(pdf)).pages[0].mediabox.width
    body_lines = lines(body)
    # A second column: lines that start right of the page's middle, at a left edge five lines or
    # more share (a drawing's labels or a table's headings start here and there, a column's lines
    # all at one place).
    starts: dict[int, int] = {}
    for line in body_lines:
        starts[round(line[0].left)] = starts.get(round(line[0].left), 0) + 1
    right = sum(1 for line in body_lines if line[0].left > float(width) / 2 and starts[round(line[0].left)] >= 5)
    return Measure(
        min(c.size for c in body),
        min((c.size for c in footer), default=0.0),
        max(line_length(line) for line in body_lines),
        right / len(body_lines),
        max(c.page for c in found),
        " ".join(
            "".join(c.text for c in line)
            for line in sorted(body_lines, key=lambda li: (li[0].page, -li[0].baseline, li[0].left))
        ),
    )


def large_print_problems(m: Measure, phones: list[str]) -> list[str]:
    """What makes a PDF not large print, as issue 22 measures it."""
    problems = []
    if m.body_min < BODY_PT - TOLERANCE:
        problems.append(f"body text at {m.body_min:.1f} pt, below {BODY_PT}")
    if m.footer_min < FOOTER_PT - TOLERANCE:
        problems.append(f"footer at {m.footer_min:.1f} pt, below {FOOTER_PT}")
    if m.longest_line > MAX_LINE:
        problems.append(f"a line of {m.longest_line} characters, over {MAX_LINE}")
    if m.column_share > 0.05:
        problems.append(f"{m.column_share:.0%} of the lines are in a second column")
    body = m.body_text.replace(" ", "")
    problems += [f"{phone} is not in the body" for phone in phones if phone.replace(" ", "") not in body]
    return problems


def phones_for(site: str, lang: str) -> list[str]:
    return PHONES if site == "clinic_site" else [WRITE_IN[lang]]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf", LARGE)
def test_large_print_handouts_measure_as_large_print(request, site, lang, pdf):
    """Every body character at 18 pt or more, the footer at 14 pt or more, one column, no line
    over 70 characters, and the numbers to call in the body (lines to write them on, neutral)."""
    m = measure(request.getfixturevalue(site) / pdf)
    assert large_print_problems(m, phones_for(site, lang)) == [], (pdf, m.body_min, m.footer_min, m.longest_line)


@pytest.mark.parametrize("lang,pdf", STANDARD)
def test_the_same_measure_fails_todays_standard_handouts(clinic_site, lang, pdf):
    from guidekit.pdf_text import FOOTER_MM

    problems = large_print_problems(measure(clinic_site / pdf, FOOTER_MM), PHONES)
    assert any("body text at" in p for p in problems) and any("footer at" in p for p in problems), problems


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf", LARGE)
def test_large_print_is_set_in_atkinson_hyperlegible_embedded(request, site, lang, pdf):
    reader = PdfReader(str(request.getfixturevalue(site) / pdf))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    assert any("AtkinsonHyperlegible-Regular" in f for f in fonts) and any(
        "AtkinsonHyperlegible-Bold" in f for f in fonts
    )
    assert len(reader.pages) > 2  # long, not squeezed: no page budget


@pytest.mark.parametrize("lang", LARGE_PRINT)
def test_large_print_handouts_carry_their_facts(default_site, lang):
    """The build's own check (pdf_problems) passed on them; here the same check, by hand, on one."""
    import subprocess
    import sys

    pdf = next(p for p in LARGE_PRINT[lang] if "recuperacion" in p or "recovery" in p)
    args = [sys.executable, str(SCRIPTS / "check_content.py"), "--pdf", str(default_site / pdf), "--lang", lang]
    result = subprocess.run([*args, "--phase", "recovery"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def recovery_signs(site: Path, lang: str, kind: str) -> list[str]:
    """The items of the Recovery page's 'Call 911' (danger) or care-team (warning) box, as text."""
    page = (site / RECOVERY[lang]).read_text(encoding="utf-8")
    box = re.search(rf'<div class="admonition {kind}">(.*?)</ul>', page, re.S)
    assert box, f"no {kind} box on {RECOVERY[lang]}"
    # Without the print-only source note numbers (the guide plugin's print_sources part).
    items = re.findall(r"<li>(.*?)</li>", re.sub(r"<sup[^>]*guide-source-ref[^>]*>.*?</sup>", "", box[1]), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]


def card_text(pdf: Path) -> str:
    document = pdfium.PdfDocument(str(pdf))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    return " ".join(text.replace("\x02", "-").split())


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang", CARDS)
def test_the_card_is_one_page_of_16_pt_with_the_recovery_pages_signs(request, site, lang):
    built = request.getfixturevalue(site)
    pdf = built / CARDS[lang]
    found = chars(pdf)
    assert max(c.page for c in found) == 1
    small = [c for c in found if c.size < CARD_PT - TOLERANCE]
    large = [c for c in found if c.size >= CARD_PT - TOLERANCE]
    # Only the sources line is smaller, and it is the last thing on the card.
    assert "".join(c.text for c in small).startswith(SOURCES[lang].replace(" ", ""))
    assert max(c.top for c in small) < min(c.bottom for c in large)
    text = card_text(pdf)
    emergency, care_team = recovery_signs(built, lang, "danger"), recovery_signs(built, lang, "warning")
    assert len(emergency) >= 4 and len(care_team) >= 4
    care_start = min(text.index(sign) for sign in care_team)
    for sign in emergency:  # word for word, and in the 911 box, above the care team's
        assert text.index(sign) < care_start, sign
    phones = PHONES if site == "clinic_site" else [WRITE_IN[lang]]
    assert all(phone in text for phone in phones)
    assert sum(1 for c in large if c.size >= 26 - TOLERANCE) >= 3  # the emergency number and the phones, in large type


@pytest.mark.parametrize("lang", CARDS)
def test_the_cards_code_opens_the_recovery_page_in_its_language(clinic_site, default_site, lang):
    page = pdfium.PdfDocument(str(clinic_site / CARDS[lang]))[0]
    image = page.render(scale=150 / 72, grayscale=True).to_pil()
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [SITE + RECOVERY[lang]]
    neutral = pdfium.PdfDocument(str(default_site / CARDS[lang]))[0].render(scale=150 / 72).to_pil()
    assert zxingcpp.read_barcodes(neutral, formats=zxingcpp.BarcodeFormat.QRCode) == []


def test_the_card_says_the_clinics_emergency_number():
    """In process: a clinic's emergency number replaces 911 in the card's titles and signs."""
    from guidekit.card import card_html, sign_facts
    from guidekit.manifest import load_manifest
    from helpers import example_config

    config = example_config("en")
    config.extra["emergency_number"] = "999"
    manifest = load_manifest(SCRIPTS / "required_content.yml", "999")
    page = card_html(config, manifest, "en")
    assert "Call 999 now" in page and "call 999" in page and "911" not in page
    assert {"SAFE-NERVE-RULE", "SAFE-RETENTION", "CALL-FEVER", "SAFE-NERVE-MILD"} <= {
        f.id for f in sign_facts(manifest, "en")
    }


@pytest.mark.parametrize("lang", LARGE_PRINT)
def test_each_page_and_the_print_page_link_the_large_print_handouts_and_the_card(default_site, lang):
    folder = default_site / ("es" if lang == "es" else "")
    card = Path(CARDS[lang]).name
    print_page = (folder / "print_page.html").read_text(encoding="utf-8")
    for large in LARGE_PRINT[lang]:
        name = Path(large).name
        phase = next(p for p in ("before", "during", "recovery", "faq") if p in name or ES.get(p, "-") in name)
        page = (folder / f"{phase}.html").read_text(encoding="utf-8")
        assert f'href="./pdf/{name}"' in page and f'href="./pdf/{card}"' in page
        assert f'href="pdf/{name}"' in print_page
    assert f'href="pdf/{card}"' in print_page


ES = {"before": "antes", "during": "durante", "recovery": "recuperacion", "faq": "preguntas"}


def test_no_page_of_the_site_loads_the_large_print_font_or_styles(default_site):
    """The first visit's budget and the CSP hold: only the build's printouts use them."""
    for page in default_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for name in ("large-print.css", "card.css", "atkinson-hyperlegible", ".woff2"):
            assert name not in text, (page.relative_to(default_site), name)
    assert not list(default_site.rglob("guide-card.html")), "the card's page is printed, then removed"
    assert (default_site / "assets" / "fonts" / "OFL.txt").is_file()


FONTS = ROOT / "docs" / "assets" / "fonts"
PACKAGE = ROOT / "node_modules" / "@fontsource" / "atkinson-hyperlegible"


def test_the_fonts_are_the_pinned_packages_own():
    """docs/assets/fonts/ holds @fontsource/atkinson-hyperlegible's files (package.json pins it),
    unchanged, with its licence."""
    import json

    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert pinned["@fontsource/atkinson-hyperlegible"] == "5.3.0"
    woff2 = sorted(FONTS.glob("*.woff2"))
    assert [p.name for p in woff2] == [
        f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2"
        for subset in ("latin", "latin-ext")
        for weight in (400, 700)
    ]
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    if not PACKAGE.is_dir():
        pytest.skip("node_modules not installed (make test installs it)")
    for path in woff2:
        package_file = PACKAGE / "files" / path.name
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(package_file.read_bytes()).digest()
    assert (FONTS / "OFL.txt").read_bytes() == (PACKAGE / "LICENSE").read_bytes()


def zero_centres(pdf: Path, first_page_only: bool = False) -> list[int]:
    """For each printed zero, the dark pixels in the middle fifth of its glyph: a slashed zero's
    stroke crosses there, a plain zero's middle is empty paper."""
    scale = 4
    found = [c for c in chars(pdf) if c.text == "0" and c.size >= CARD_PT - TOLERANCE]
    counts = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = {c.page for c in found}
        for number in sorted(pages)[:1] if first_page_only else sorted(pages):
            page = document[number - 1]
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
            height = page.get_height()
            for c in (c for c in found if c.page == number):
                middle_x, middle_y = (c.left + c.right) / 2, height - (c.bottom + c.top) / 2
                half_w, half_h = (c.right - c.left) / 10, (c.top - c.bottom) / 10
                counts.append(
                    sum(
                        1
                        for x in range(int((middle_x - half_w) * scale), int((middle_x + half_w) * scale) + 1)
                        for y in range(int((middle_y - half_h) * scale), int((middle_y + half_h) * scale) + 1)
                        if image.getpixel((x, y)) < 128
                    )
                )
    finally:
        document.close()
    return counts


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang", CARDS)
def test_the_card_prints_a_plain_zero_as_the_handouts_do(request, site, lang):
    """Atkinson Hyperlegible's zero is slashed ("1Ø0.Ø °F"); the card prints the standard handouts' zero."""
    counts = zero_centres(request.getfixturevalue(site) / CARDS[lang])
    assert len(counts) >= 3, "too few zeros on the card to look at"  # 100.0 °F, at least
    assert counts == [0] * len(counts), counts


@pytest.mark.parametrize("lang,pdf", [(lang, pdf) for lang, pdf in LARGE if "recover" in pdf])
def test_large_print_prints_the_same_plain_zero(default_site, lang, pdf):
    counts = zero_centres(default_site / pdf, first_page_only=True)
    assert counts, "no zero on the first page that has one"
    assert counts == [0] * len(counts), counts


@pytest.mark.parametrize("lang", CARDS)
def test_the_cards_address_wraps_only_after_a_slash_or_a_dot(clinic_site, lang):
    """'https://guide.example.' then 'org/recovery.html', never 'guide.example.or' then 'g/...'."""
    document = pdfium.PdfDocument(str(clinic_site / CARDS[lang]))
    try:
        lines = [" ".join(line.split()) for line in document[0].get_textpage().get_text_range().splitlines()]
    finally:
        document.close()
    address = SITE + RECOVERY[lang]
    start = next(i for i, line in enumerate(lines) if line.startswith("https://"))
    parts = []
    for line in lines[start:]:
        parts.append(line)
        if "".join(parts) == address or len("".join(parts)) >= len(address):
            break
    assert "".join(parts) == address, parts
    assert all(part.endswith(("/", ".")) for part in parts[:-1]), parts
