"""Paper without clutter: source notes become numbers and one list at the end of each handout.

The handout PDFs of both editions (the neutral build, as `make build` makes it) are read
back with PDFium; the web pages, the complete guide's print page and the search index are
read from the same build. scripts/guidekit/print_sources.py is also tested on small pages.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from guidekit.pdf_text import FOOTER_MM, MM, PDFIUM, pdf_lines
from guidekit.print_sources import paper_sources
from helpers import ROOT

HANDOUTS = {
    "en": ("", ["before", "during", "recovery", "faq"], "Sources"),
    "es": ("es/", ["before", "during", "recovery", "faq"], "Fuentes"),
}
PDF_NAMES = {
    "en": {
        "before": "vertebroplasty-before.pdf",
        "during": "vertebroplasty-during.pdf",
        "recovery": "vertebroplasty-recovery.pdf",
        "faq": "vertebroplasty-faq.pdf",
    },
    "es": {
        "before": "vertebroplastia-antes.pdf",
        "during": "vertebroplastia-durante.pdf",
        "recovery": "vertebroplastia-recuperacion.pdf",
        "faq": "vertebroplastia-preguntas.pdf",
    },
}
CASES = [(lang, page) for lang, (_, pages, _) in HANDOUTS.items() for page in pages]
# A source note as the pages write it: "Source:", "Sources:", "Source of this list:", "Fuente:"...
NOTE = re.compile(r"\b(?:Sources?|Fuentes?)(?: of this list| de esta lista)?:", re.I)
# The editions' configs name the section their notes link to (extra.print.sources).
CONFIGS = {"en": "mkdocs.yml", "es": "mkdocs.es.yml"}


def sources_href(lang: str) -> str:
    config = (ROOT / CONFIGS[lang]).read_text(encoding="utf-8")
    target = re.search(r"^\s+sources: (about\.md#\S+)$", config, re.M)
    assert target, f"{CONFIGS[lang]} names no extra.print.sources"
    return target.group(1).replace(".md#", ".html#")


def web_notes(site: Path, lang: str, page: str) -> list[str]:
    """The source notes' words on the web page, in order: "Sources: BayCare and Drugs.com"."""
    text = (site / HANDOUTS[lang][0] / f"{page}.html").read_text(encoding="utf-8")
    article = text[text.index("<article") : text.index("</article>")]
    href = re.escape(sources_href(lang))
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", m)).split())
        for m in re.findall(f'<a href="{href}">(.*?)</a>', article, re.S)
    ]


def note_names(notes: list[str]) -> list[str]:
    """Each note's names, once, in the order they first come."""
    return list(dict.fromkeys(note.split(":", 1)[1].strip() for note in notes))


def pdf_of(site: Path, lang: str, page: str) -> Path:
    return site / HANDOUTS[lang][0] / "pdf" / PDF_NAMES[lang][page]


def body_and_list(pdf: Path, title: str) -> tuple[str, str]:
    """The handout's body text before its sources title, and the text after it."""
    lines = [line for _, line in pdf_lines(pdf)]
    assert title in lines, f"{pdf.name}: no '{title}' list on paper"
    at = len(lines) - 1 - lines[::-1].index(title)
    return " ".join(lines[:at]), " ".join(lines[at + 1 :])


def superscripts(pdf: Path) -> list[int]:
    """Numbers set smaller than the page's text and raised, in the order PDFium reads them."""
    found: list[int] = []
    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            for page in document:
                textpage = page.get_textpage()
                chars = []
                for i in range(textpage.count_chars()):
                    char = chr(pdfium.FPDFText_GetUnicode(textpage, i))
                    size = pdfium.FPDFText_GetFontSize(textpage, i)
                    bottom = textpage.get_charbox(i)[1]
                    chars.append((char, size, bottom))
                sizes = sorted(size for char, size, _ in chars if char.isalpha())
                body = sizes[len(sizes) // 2]
                digits = ""
                for char, size, bottom in [*chars, (" ", 0.0, 0.0)]:
                    if char.isdigit() and size < 0.8 * body and bottom > FOOTER_MM * MM:
                        digits += char
                    elif digits:
                        found.append(int(digits))
                        digits = ""
        finally:
            document.close()
    return found


def underlined(pdf: Path) -> list[str]:
    """Text with a line drawn through its letters' box: an underline, or an abbreviation's dots.

    A thin path (at most 1.5 pt high) that crosses a character's box from its ascent to its
    descent and spans the character's middle. Table borders, the header's rule, boxes and the
    write-in lines lie outside every character's box, so they do not count."""
    hits: list[str] = []
    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            for number, page in enumerate(document, start=1):
                textpage = page.get_textpage()
                chars = []
                for i in range(textpage.count_chars()):
                    char = chr(pdfium.FPDFText_GetUnicode(textpage, i))
                    if char.isspace():
                        continue
                    box = pdfium.FS_RECTF()
                    pdfium.FPDFText_GetLooseCharBox(textpage, i, box)
                    chars.append((char, box.left, box.bottom, box.right, box.top))
                for path in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_PATH], max_depth=5):
                    left, bottom, right, top = path.get_bounds()
                    if top - bottom > 1.5:
                        continue
                    under = "".join(
                        c
                        for c, c_left, c_bottom, c_right, c_top in chars
                        if left <= (c_left + c_right) / 2 <= right and bottom < c_top and top > c_bottom
                    )
                    if under and under.strip("_"):
                        hits.append(f"page {number}: {under}")
        finally:
            document.close()
    return hits


@pytest.mark.parametrize("lang,page", CASES)
def test_handout_body_has_no_source_notes(default_site, lang, page):
    """The body of the sheet carries no "Source: ..." note; the sources list ends it."""
    pdf, title = pdf_of(default_site, lang, page), HANDOUTS[lang][2]
    lines = [line for _, line in pdf_lines(pdf)]
    body = " ".join(lines[: len(lines) - 1 - lines[::-1].index(title)] if title in lines else lines)
    assert not NOTE.findall(body), NOTE.findall(body)
    assert title in lines, f"{pdf.name}: no '{title}' list on paper"


@pytest.mark.parametrize("lang,page", CASES)
def test_handout_ends_with_its_sources_and_has_no_numbers_in_its_text(default_site, lang, page):
    """The list names the page's notes in order; the text carries no small raised number, which
    an older reader takes for part of a time or a write-in ("Arrive at⁷")."""
    pdf = pdf_of(default_site, lang, page)
    names = note_names(web_notes(default_site, lang, page))
    assert names, f"{lang}/{page}: the web page has no source notes"
    _, after = body_and_list(pdf, HANDOUTS[lang][2])
    listed = " ".join(f"{n}. {name}" for n, name in enumerate(names, start=1))
    assert after.startswith(listed), f"{pdf.name}: the list reads {after[:300]!r}, expected {listed!r}"
    assert superscripts(pdf) == [], f"{pdf.name}: raised numbers in the text"


@pytest.mark.parametrize("lang,page", CASES)
def test_handout_has_no_underlined_text(default_site, lang, page):
    """No underlined link and no dotted line under an abbreviation (MRI, ECG, FAQ)."""
    assert underlined(pdf_of(default_site, lang, page)) == []


@pytest.mark.parametrize("lang,page", CASES)
def test_web_page_keeps_its_source_links_and_search_leaves_the_paper_list_out(default_site, lang, page):
    folder = default_site / HANDOUTS[lang][0]
    text = (folder / f"{page}.html").read_text(encoding="utf-8")
    notes = web_notes(default_site, lang, page)
    # Every note is still a link, shown on screen (screen-only only hides it on paper).
    assert notes
    assert "guide-source-ref" not in text
    section = re.search(r'<section class="guide-print-only guide-sources".*?</section>', text, re.S)
    assert section, "no print-only sources list on the page"
    # Search indexes the notes once, through their links: not the paper list, not the numbers.
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(e["text"] for e in index["docs"] if e["location"].split("#")[0] == f"{page}.html")
    for note in notes:
        assert note in indexed or html.escape(note, quote=False) in indexed, note
    for name in note_names(notes):
        assert f"<li>{html.escape(name, quote=False)}</li>" not in indexed, name
    assert HANDOUTS[lang][2] not in re.sub(r"<[^>]+>", "\n", indexed).splitlines()
    assert "<sup>" not in indexed


@pytest.mark.parametrize("lang", HANDOUTS)
def test_complete_guide_keeps_each_pages_sources_with_it(default_site, lang):
    folder = default_site / HANDOUTS[lang][0]
    text = (folder / "print_page.html").read_text(encoding="utf-8")
    sections = re.split(r'<section class="print-page" id="', text)[1:]
    by_page = {section.split('"', 1)[0]: section for section in sections}
    for page in HANDOUTS[lang][1]:
        names = note_names(web_notes(default_site, lang, page))
        listed = re.search(r'<ol class="guide-sources__list">(.*?)</ol>', by_page[page], re.S)
        assert listed, f"{lang}: the complete guide's {page} section has no sources list"
        assert [html.unescape(n) for n in re.findall(r"<li>(.*?)</li>", listed.group(1))] == names


# The mechanism on small pages.

WORDS = {"title": "Sources", "more": "See the online guide."}
SOURCE = "about.html#sources"


def run(text: str):
    return paper_sources(text, lambda href: href == SOURCE, lambda href: not href.startswith("http"), WORDS)


def test_notes_are_listed_in_order_once_each_and_leave_no_number_in_the_text():
    page = (
        f'<p>One.\n<a href="{SOURCE}">Source: A</a></p>\n'
        f'<p>Two. <a href="{SOURCE}">Sources: B &amp; C</a></p>\n'
        f'<p>Three.\n<a href="{SOURCE}">Source: A</a></p>'
    )
    result = run(page)
    assert result.names == ["A", "B & C"]
    assert "<sup" not in result.html
    # The screen keeps each link, with the space before it; paper reads "One.".
    assert f'One.<span class="guide-screen-only">\n<a href="{SOURCE}">Source: A</a></span></p>' in result.html
    assert "<li>A</li><li>B &amp; C</li>" in result.html
    assert 'data-search-exclude="print"' in result.html


def test_a_note_in_brackets_takes_its_brackets_and_space_along():
    note = f'<a href="{SOURCE}">source: Mayo Clinic</a>'
    result = run(f"<li>You cannot drive home ({note}).</li>")
    assert result.html.startswith(f'<li>You cannot drive home<span class="guide-screen-only"> ({note})</span>.</li>')


def test_a_note_alone_after_a_list_hides_its_paragraph_and_leaves_the_write_in_line_alone():
    item = (
        '<li>Last.\n<!-- x --><span class="guide-write-in guide-print-only">'
        'Write: <span class="guide-blank"></span></span><!-- /x --></li>'
    )
    page = f'<ul>\n<li>First</li>\n{item}\n</ul>\n<p><a href="{SOURCE}">Source of this list: BayCare</a></p>'
    result = run(page)
    assert item in result.html  # "Arrive at: ____", never "Arrive at⁷: ____"
    assert f'<p class="guide-screen-only"><a href="{SOURCE}">' in result.html
    assert result.names == ["BayCare"]


def test_an_aside_link_in_brackets_goes_from_paper_and_other_links_stay():
    page = (
        '<p>Studies differ (<a href="faq.html#how">what they found</a>). '
        'The <a href="recovery.html">recovery page</a> says more. '
        'See (<a href="https://example.org/">example.org</a>).</p>'
    )
    result = run(page)
    assert 'differ<span class="guide-screen-only"> (<a href="faq.html#how">what they found</a>)</span>.' in result.html
    assert 'The <a href="recovery.html">recovery page</a> says more.' in result.html
    assert 'See (<a href="https://example.org/">example.org</a>).' in result.html
    assert result.names == [] and "guide-sources" not in result.html


def test_names_are_escaped_in_the_list():
    result = run(f'<p>Fact. <a href="{SOURCE}">Source: &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</a></p>')
    assert result.names == ["<script>alert(1)</script> & Co"]
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</li>" in result.html
    assert "<script>" not in result.html
