"""Where things fall on paper (issue 22), measured on the real PDFs of both languages, neutral and
example clinic: each character's size and place (PDFium's text boxes) and the box each tagged
element covers on each page (the PDF's structure tree: tests/pdf_layout.py).

- A drawing's labels (SVG text, which Chromium writes into the PDF as text, at its printed size) are
  12 pt or more in a standard handout and 18 pt or more in large print, on Letter and A4.
- No body text runs into the footer: on every page of every PDF (guide, handouts, large print; the
  card has no footer), every character of the body is above the top of the footer's text.
- A list of warning signs is never split across pages; a box of them that runs over a page break
  breaks only before its list, and in a standard handout then starts its page, with only its
  heading above it. In large print each box is whole on one page: its title, the words that lead
  into its list and every sign (the build's mark for a box taller than a page is a clinic's last
  resort; the guide's own boxes never need it).
- In large print the call box (the clinic's numbers; write-in lines, neutral) follows the care-team
  list, at body size.
- The anesthesia tick boxes: each option's box and words on one line.
- No heading (h2, h3) is the last line of a column or page; the tracker's heading, its words and its
  table share one column of one page.
"""

from __future__ import annotations

import asyncio
import html
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidekit.manifest import load_manifest
from guidekit.pdf_text import FOOTER_MM, LARGE_PRINT_FOOTER_MM, MM
from guidekit.warning_lists import squeezed, warning_boxes
from guidekit.warning_signs import shared_items
from helpers import LARGE_PRINT, SCRIPTS, copy_project, example_config, full_build
from pdf_layout import Box, Char, chars, tagged_boxes

MANIFEST = load_manifest(SCRIPTS / "required_content.yml")

SITES = ["default_site", "clinic_site"]
PAGES = {"en": "", "es": "es/"}
# Each handout, standard and large print: (language, PDF in the site, the page it prints, large print?).
PHASE = {"before": "before", "during": "during", "recovery": "recovery", "faq": "faq", "antes": "before"}
PHASE |= {"durante": "during", "recuperacion": "recovery", "preguntas": "faq"}
HANDOUTS = [
    (lang, pdf, f"{PAGES[lang]}{PHASE[Path(standard).stem.split('-')[-1]]}.html", large)
    for lang, pdfs in LARGE_PRINT.items()
    for large_pdf, standard in pdfs.items()
    for pdf, large in ((standard, False), (large_pdf, True))
]
WITH_SIGNS = [h for h in HANDOUTS if h[2].endswith(("recovery.html", "faq.html"))]
RECOVERY = [h for h in HANDOUTS if h[2].endswith("recovery.html")]
STANDARD_LABEL_PT, LARGE_LABEL_PT = 12, 18
TOLERANCE = 0.05  # points: PDFium's sizes are floats


def footer_line(large: bool) -> float:
    """Characters whose baseline is below this (points from the foot of the page) are the footer's."""
    return (LARGE_PRINT_FOOTER_MM if large else FOOTER_MM) * MM


def body(pdf: Path, large: bool) -> list[Char]:
    return [c for c in chars(pdf) if c.baseline > footer_line(large)]


def contains(outer: Box, inner: Box) -> bool:
    return (
        outer.page == inner.page
        and outer.left <= inner.left
        and inner.right <= outer.right
        and outer.bottom <= inner.bottom
        and inner.top <= outer.top
    )


# Drawings


def drawing_labels(pdf: Path, large: bool) -> list[list[Char]]:
    """The characters of each drawing: inside a tagged Figure that holds no other Figure (the
    figure's caption is outside its picture). A picture with no text (a logo, a QR code) is left out."""
    found = body(pdf, large)
    figures = tagged_boxes(pdf, {"Figure"})
    pictures = [f for f in figures if not any(g is not f and g != f and contains(f, g) for g in figures)]
    labels = [[c for c in found if c.inside(picture)] for picture in pictures]
    return [chars for chars in labels if chars]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page,large", HANDOUTS)
def test_drawing_labels_print_at_12_pt_and_18_pt_in_large_print(request, site, lang, pdf, page, large):
    drawings = drawing_labels(request.getfixturevalue(site) / pdf, large)
    assert drawings, f"{pdf}: no drawing with labels"
    smallest = min(c.size for labels in drawings for c in labels)
    least = LARGE_LABEL_PT if large else STANDARD_LABEL_PT
    assert smallest >= least - TOLERANCE, f"{pdf}: a label at {smallest:.1f} pt"


@pytest.fixture(scope="module")
def large_print_on_a4(clinic_site, tmp_path_factory) -> dict[str, Path]:
    """The example clinic's large-print handouts printed again on A4 (a clinic may set it), whose
    text is narrower than Letter's, by the build's own printing code, into a folder of the test's."""
    from playwright.async_api import async_playwright

    from guidekit.browser import launch
    from guidekit.handouts import LARGE_PRINT as KIND
    from guidekit.handouts import print_settings, print_tab, render_on

    out = tmp_path_factory.mktemp("a4")
    printed: dict[str, Path] = {}

    async def print_all() -> None:
        async with async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                async with print_tab(browser) as tab:
                    for lang in LARGE_PRINT:
                        settings = print_settings(example_config(lang))
                        settings.paper = "A4"
                        edition = clinic_site / PAGES[lang]
                        for handout in (h for h in settings.handouts if h.kind == KIND):
                            printed[handout.pdf] = await render_on(tab, edition, handout, out, settings)
            finally:
                await browser.close()

    # A thread of its own: a sync Playwright test earlier in this worker may keep an event loop
    # running in the main thread, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, print_all()).result()
    return printed


def test_drawing_labels_in_large_print_on_a4(large_print_on_a4):
    assert len(large_print_on_a4) == 8
    for name, pdf in large_print_on_a4.items():
        width = float(PdfReader(str(pdf)).pages[0].mediabox.width)
        assert width < 600, name  # A4 (Letter is 612 points wide)
        drawings = drawing_labels(pdf, True)
        assert drawings, name
        smallest = min(c.size for labels in drawings for c in labels)
        assert smallest >= LARGE_LABEL_PT - TOLERANCE, f"{name}: a label at {smallest:.1f} pt on A4"


# The footer

# Every PDF of an edition: the complete guide, the phase handouts, their large print and the card.
EDITION_PDFS = 10
PAGE_OF = re.compile(r"(?:Page|Página)\d+(?:of|de)\d+")


def footer_and_body(page: list[Char]) -> tuple[list[Char], list[Char]]:
    """A page's footer, Chromium's (untagged) text from its "Page X of Y" row down, and the rest."""
    untagged = [c for c in page if not c.tagged]
    found = list(PAGE_OF.finditer("".join(c.text for c in untagged)))
    if not found:
        return [], page
    row = untagged[found[-1].start()].baseline
    footer = [c for c in untagged if c.baseline <= row + 0.5]
    drawn = {id(c) for c in footer}
    return footer, [c for c in page if id(c) not in drawn]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang", PAGES)
def test_no_body_text_runs_into_the_footer(request, site, lang):
    folder = request.getfixturevalue(site) / PAGES[lang] / "pdf"
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == EDITION_PDFS, [p.name for p in pdfs]
    overlaps = []
    for pdf in pdfs:
        pages: dict[int, list[Char]] = {}
        for char in chars(pdf):
            pages.setdefault(char.page, []).append(char)
        assert pages, f"{pdf.name}: no text"
        card = pdf.stem.endswith(("when-to-call", "cuando-llamar"))
        for number, page in sorted(pages.items()):
            footer, body = footer_and_body(page)
            if card:  # one page, its sources line closing it: no footer to run into
                assert len(pages) == 1 and footer == [], f"{pdf.name}: a footer on the card"
                continue
            assert footer and body, f"{pdf.name} page {number}: no footer or no body found"
            top = max(c.top for c in footer)
            under = [c for c in body if c.bottom <= top]
            if under:
                rows = {round(c.baseline) for c in under}  # the whole of each line that runs into it
                words = "".join(c.text for c in body if round(c.baseline) in rows)
                overlaps.append(f"{pdf.name} page {number}: {words[:60]!r} {top - min(c.bottom for c in under):.1f} pt")
    assert overlaps == [], "body text over the footer's top: " + "; ".join(overlaps)


# Warning lists


def letters(text: str) -> str:
    """Letters and digits only: list bullets and spacing are not the words."""
    return "".join(ch for ch in text if ch.isalnum())


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page,large", WITH_SIGNS)
def test_warning_lists_stay_on_one_page_and_a_box_that_does_not_fit_starts_a_page(
    request, site, lang, pdf, page, large
):
    built = request.getfixturevalue(site)
    boxes = warning_boxes((built / page).read_text(encoding="utf-8"), set(shared_items(MANIFEST, lang)))
    assert len(boxes) == 2, [b.title for b in boxes]  # "Call 911 now", "Call your care team"
    found = body(built / pdf, large)
    text = "".join(c.text for c in found)  # the body in reading order, page after page
    lists = tagged_boxes(built / pdf, {"L"})
    headings = tagged_boxes(built / pdf, {"H2"})
    for box in boxes:
        # The pages the list (a tagged L) is drawn on: each part of a list that holds its signs' words.
        signs = letters("".join(box.items))
        holding = set()
        for part in lists:
            words = letters("".join(c.text for c in found if c.inside(part)))
            if len(words) >= 10 and (words in signs or any(letters(item) in words for item in box.items)):
                holding.add(part.page)
        assert len(holding) == 1, f'{pdf}: the list of "{box.title}" is on pages {sorted(holding)}'
        (list_page,) = holding
        # The box's title: the last time its words are read before its first sign.
        first = text.index(squeezed(box.items[0]))
        at = text.rindex(squeezed(box.title), 0, first)
        title = found[at : at + len(squeezed(box.title))]
        title_page = title[0].page
        assert title_page in (list_page, list_page - 1), (pdf, box.title, title_page, list_page)
        if large:  # the whole box on one page: its title, the words that lead in, every sign
            parts = list(found[at:first])
            for item in map(squeezed, box.items):
                start = text.index(item, at)
                parts += found[start : start + len(item)]
            pages = sorted({c.page for c in parts})
            assert pages == [title_page], f'{pdf}: the box "{box.title}" is on pages {pages}'
        if title_page != list_page and not large:  # the box runs over a page break: it starts its page
            top = max(c.top for c in title)
            heading = [h for h in headings if h.page == title_page]
            above = [
                c for c in found if c.page == title_page and c.bottom > top and not any(c.inside(h) for h in heading)
            ]
            assert above == [], (
                f'{pdf}: "{box.title}" runs over to page {list_page} but does not start page {title_page}: '
                + "".join(c.text for c in above)[:80]
            )
        if title_page != list_page:  # it breaks between the words that lead into its list and the list
            lead_in = found[at:first]
            assert {c.page for c in lead_in} == {title_page}, (pdf, box.title, sorted({c.page for c in lead_in}))


# Headings


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page,large", HANDOUTS)
def test_no_heading_is_the_last_line_of_a_column_or_page(request, site, lang, pdf, page, large):
    """Below each h2 and h3, in its column (the text under it across its width) on its page, there
    is more of the page's body."""
    path = request.getfixturevalue(site) / pdf
    found = body(path, large)
    headings = tagged_boxes(path, {"H2", "H3"})
    assert len(headings) >= 3, pdf
    last = []
    for heading in headings:
        below = [
            c
            for c in found
            if c.page == heading.page and c.top < heading.bottom and c.left < heading.right and c.right > heading.left
        ]
        if not below:
            words = "".join(c.text for c in found if c.inside(heading))
            last.append(f"page {heading.page}: {words}")
    assert last == [], f"{pdf}: headings at the foot of a column or page: {last}"


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page,large", RECOVERY)
def test_the_trackers_heading_words_and_table_share_a_column(request, site, lang, pdf, page, large):
    path = request.getfixturevalue(site) / pdf
    elements = tagged_boxes(path, {"H2", "P", "Table"})
    tables = [e for e in elements if e.kind == "Table"]
    assert tables, f"{pdf}: no table"
    first = elements.index(tables[0])
    heading = next(e for e in reversed(elements[:first]) if e.kind == "H2")
    words = next(e for e in reversed(elements[:first]) if e.kind == "P")
    assert elements.index(heading) < elements.index(words), pdf  # the words come between them
    pages = {heading.page, words.page} | {t.page for t in tables}
    assert len(pages) == 1, f"{pdf}: the tracker's heading, words and table are on pages {sorted(pages)}"
    column = (heading.left, max(heading.right, words.right))
    for table in tables:
        assert table.left < column[1] and column[0] < table.right, f"{pdf}: the table is in another column"
        assert table.top <= words.bottom + 1, f"{pdf}: the table is not below its words"


def test_the_build_fails_a_handout_whose_warning_list_is_split(tmp_path):
    """The build's own check (guidekit/warning_lists.py, run on every handout it prints): with the
    large-print signs spaced so far apart that a list of them is taller than any page, the build fails
    and says which handout, in which language, and which box; and it leaves no site behind."""
    project = copy_project(tmp_path / "project")
    css = project / "docs" / "assets" / "css" / "large-print.css"
    text = css.read_text(encoding="utf-8")
    rule = ".admonition:is(.danger, .warning) li {\n    margin: 0;"
    assert text.count(rule) == 1
    css.write_text(text.replace(rule, rule.replace("margin: 0;", "margin: 0 0 4em;")), encoding="utf-8")
    site = tmp_path / "site"
    result = full_build(project, site)
    assert result.returncode == 1, result.stdout + result.stderr
    for lang, pdf, box in (
        ("en", "vertebroplasty-recovery-large-print.pdf", "Call 911 now"),
        ("es", "vertebroplastia-recuperacion-letra-grande.pdf", "Llame al 911 ahora"),
    ):
        said = f'the {lang} handout {pdf}: the list of signs in the box "{box}" is split across pages'
        assert said in result.stderr, result.stderr[-3000:]
    assert not site.exists()


# Tick boxes

CHOICE = re.compile(r'<span class="guide-choice">(.*?)</span>')
DURING = [h for h in HANDOUTS if h[2].endswith("during.html")]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page,large", DURING)
def test_each_anesthesia_option_is_on_one_line_with_its_box(request, site, lang, pdf, page, large):
    """ "☐ local with sedation (sleepy)": the box and the option's words on one line, and each option
    on a line of its own, so no word of one ("local") reads as another option."""
    built = request.getfixturevalue(site)
    options = [html.unescape(o) for o in CHOICE.findall((built / page).read_text(encoding="utf-8"))]
    assert len(options) == 3 and all(o.startswith("☐") for o in options), options
    found = [c for c in chars(built / pdf) if c.tagged]
    text = "".join(c.text for c in found)
    lines = []
    for option in options:
        at = text.index(squeezed(option))
        printed = found[at : at + len(squeezed(option))]
        rows = {(c.page, round(c.baseline)) for c in printed}
        assert len(rows) == 1, f"{pdf}: {option!r} is printed on {len(rows)} lines"
        lines.append(rows.pop())
    assert len(set(lines)) == len(options), f"{pdf}: options share a line: {lines}"
