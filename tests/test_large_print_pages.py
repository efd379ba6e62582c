"""How the large-print handouts fill their pages and print their check boxes, on the real PDFs of
both languages, neutral and example clinic (round-4 review, 3e and 4):

- no page holds only the handout's header: the main message starts on page 1;
- no page holds only the closing notes (the main source, "This guide does not replace your own care
  team"): they go over with the page's sources;
- a checklist's boxes print empty: nothing is drawn inside them (a dark square inside looked checked);
- the call box (the clinic's numbers; neutral, the lines to write them on) follows the care-team list
  (Recovery, FAQ), at body size; at the top of page 1 the numbers are said once (round-5 review).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from guidekit.manifest import load_manifest
from guidekit.pdf_text import LARGE_PRINT_FOOTER_MM, page_texts
from guidekit.warning_lists import plain, squeezed, warning_boxes
from guidekit.warning_signs import shared_items
from helpers import EXAMPLE, LARGE_PRINT, SCRIPTS
from pdf_layout import Char, chars

SITES = ["default_site", "clinic_site"]
PAGES = {"en": "", "es": "es/"}
PHASE = {"before": "before", "during": "during", "recovery": "recovery", "faq": "faq", "antes": "before"}
PHASE |= {"durante": "during", "recuperacion": "recovery", "preguntas": "faq"}
# (language, large-print PDF, the page it prints)
LARGE = [
    (lang, pdf, f"{PAGES[lang]}{PHASE[Path(standard).stem.split('-')[-1]]}.html")
    for lang, pdfs in LARGE_PRINT.items()
    for pdf, standard in pdfs.items()
]
FIRST_BOX = re.compile(r'<div class="admonition abstract">\s*<p class="admonition-title">(.*?)</p>', re.S)
NOTES = re.compile(r'<aside class="guide-page-notes".*?</aside>', re.S)
REVIEWED = re.compile(r'<p class="guide-reviewed">.*?</p>', re.S)  # hidden on paper: the footer says it
TASK = re.compile(r'<li class="task-list-item"><label><input type="checkbox" disabled/>(.*?)</label>', re.S)
SCREEN_ONLY = re.compile(r'<span class="guide-screen-only">.*?</span>', re.S)


def page_html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def body_pages(pdf: Path) -> list[str]:
    """Each page's body text (above the footer), squeezed: no spaces or line breaks."""
    return [squeezed(text) for text in page_texts(pdf, LARGE_PRINT_FOOTER_MM)]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page", LARGE)
def test_page_1_holds_more_than_the_header(request, site, lang, pdf, page):
    """The main message ("The most important things") starts on page 1, under the header."""
    built = request.getfixturevalue(site)
    title = FIRST_BOX.search(page_html(built, page))
    assert title, f"{page}: no main message box"
    words = squeezed(plain(title[1]))
    pages = body_pages(built / pdf)
    assert any(words in text for text in pages), f"{pdf}: the main message's title is not in the PDF"
    assert words in pages[0], f"{pdf}: page 1 holds only the header; the main message starts on a later page"


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page", LARGE)
def test_no_page_holds_only_the_closing_notes(request, site, lang, pdf, page):
    built = request.getfixturevalue(site)
    notes = NOTES.search(page_html(built, page))
    assert notes, f"{page}: no closing notes"
    closing = squeezed(plain(REVIEWED.sub("", notes[0])))
    pages = body_pages(built / pdf)
    whole = "".join(pages)
    assert closing in whole, f"{pdf}: the closing notes are not in the PDF"
    for number, text in enumerate(pages, start=1):
        assert text and text not in closing, f"{pdf}: page {number} holds only the closing notes: {text[:80]}"


# Check boxes

SCALE = 4  # pixels a point, to look inside a box of about 16 points


def box_left_of(image, first: Char, height: float) -> tuple[int, int, int, int] | None:
    """The dark outline (left, top, right, bottom, in pixels) left of an item's first letter, where
    its check box is drawn: the box is about 0.9 em wide, 1.4 em left of the text."""
    size = first.size
    left, right = (first.left - 2.2 * size) * SCALE, (first.left - 0.15 * size) * SCALE
    top, bottom = (height - first.baseline - 1.1 * size) * SCALE, (height - first.baseline + 0.35 * size) * SCALE
    dark = [
        (x, y)
        for x in range(int(left), int(right))
        for y in range(int(top), int(bottom))
        if image.getpixel((x, y)) < 128
    ]
    if not dark:
        return None
    return min(x for x, _ in dark), min(y for _, y in dark), max(x for x, _ in dark), max(y for _, y in dark)


def dark_inside(image, box: tuple[int, int, int, int]) -> int:
    """Dark pixels inside the box's outline: its inner area, less a sixth of its side each way (the
    border and its soft edge)."""
    left, top, right, bottom = box
    inset_x, inset_y = (right - left) / 6, (bottom - top) / 6
    return sum(
        1
        for x in range(int(left + inset_x), int(right - inset_x) + 1)
        for y in range(int(top + inset_y), int(bottom - inset_y) + 1)
        if image.getpixel((x, y)) < 128
    )


def check_boxes(pdf: Path, items: list[str]) -> list[tuple[str, tuple[int, int, int, int] | None, int]]:
    """Each checklist item (without an icon), its box's outline and the dark pixels inside it."""
    found = chars(pdf)
    text = "".join(c.text for c in found)
    document = pdfium.PdfDocument(str(pdf))
    images: dict[int, object] = {}
    results = []
    try:
        for item in items:
            # The whole item: a drawing may say its first words too.
            at = text.find(squeezed(item))
            if at < 0:
                results.append((item, None, 0))
                continue
            first = found[at]
            page = document[first.page - 1]
            if first.page not in images:
                images[first.page] = page.render(scale=SCALE, grayscale=True).to_pil().convert("L")
            image = images[first.page]
            box = box_left_of(image, first, page.get_height())
            results.append((item, box, dark_inside(image, box) if box else 0))
    finally:
        document.close()
    return results


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page", [h for h in LARGE if h[2].endswith(("before.html", "faq.html"))])
def test_check_boxes_print_empty(request, site, lang, pdf, page):
    built = request.getfixturevalue(site)
    # Each item as printed (its words for the screen left out), but those with an icon before their words.
    items = [plain(SCREEN_ONLY.sub("", item)) for item in TASK.findall(page_html(built, page)) if "<svg" not in item]
    assert len(items) >= 3, f"{page}: too few checklist items to measure"
    for item, box, inside in check_boxes(built / pdf, items):
        assert box, f"{pdf}: no check box drawn before {item[:40]!r}"
        width, height = box[2] - box[0], box[3] - box[1]
        # A box of 0.9 em at 18 pt: about 16 points a side.
        assert 12 * SCALE <= width <= 20 * SCALE and abs(width - height) <= 2 * SCALE, (pdf, item[:40], box)
        assert inside == 0, f"{pdf}: the box before {item[:40]!r} has {inside} dark pixels inside: it looks checked"


# What the call box under the care-team list prints first: the clinic's number, or (neutral) the label
# of the line to write it on.
CALL_BOX = {"clinic_site": {"en": EXAMPLE["phone"], "es": EXAMPLE["phone"]}}
CALL_BOX["default_site"] = {"en": "Your care team's phone", "es": "Teléfono de su equipo médico"}
# Between the last sign and the call box: at most the box's closing sentence and the box's first words.
CALL_BOX_WITHIN = 250


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang,pdf,page", [h for h in LARGE if h[2].endswith(("recovery.html", "faq.html"))])
def test_the_call_box_follows_the_care_team_list(request, site, lang, pdf, page):
    built = request.getfixturevalue(site)
    manifest = load_manifest(SCRIPTS / "required_content.yml")
    boxes = warning_boxes(page_html(built, page), set(shared_items(manifest, lang)))
    assert len(boxes) == 2, [b.title for b in boxes]
    care_team = boxes[1]  # "Call 911 now", then "Call your care team"
    body = [c for c in chars(built / pdf) if c.tagged]  # the footer, Chromium's, is not tagged
    text = "".join(c.text for c in body)
    title = text.index(squeezed(care_team.title))
    last = text.index(squeezed(care_team.items[-1]), title) + len(squeezed(care_team.items[-1]))
    wanted = squeezed(CALL_BOX[site][lang])
    at = text.find(wanted, last)
    assert 0 <= at - last <= CALL_BOX_WITHIN, f"{pdf}: no call box ({wanted}) after the care-team list"
    printed = body[at : at + len(wanted)]
    assert min(c.size for c in printed) >= 18 - 0.05, f"{pdf}: the call box at {min(c.size for c in printed):.1f} pt"
    # At the top of page 1 the numbers are said once (the header's), not again in a box under it.
    first_page = "".join(c.text for c in body if c.page == 1)
    assert first_page.count(wanted) == 1, f"{pdf}: {wanted} on page 1 {first_page.count(wanted)} times"
