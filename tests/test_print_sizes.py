"""Standard handouts for older eyes and hands (issue 22, item 3), measured on the real PDFs
(PDFium's text boxes) and on the print stylesheet as Chromium applies it:

- no text in the body of a handout below 12 pt (the drawings' labels too: tests/test_print_layout.py
  measures them on their own), the footer at 10 pt or more;
- the clinic's phone numbers in the body of every handout, at 12 pt or more (the footer is small print);
- write-in blanks a phone number fits in (50 mm), answers with 8 mm to write in, tracker cells 12 mm high;
- "Call 911 now" and "Call your care team" told apart without colour (border and label)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import sync_playwright

from guidekit.browser import launch
from guidekit.pdf_text import FOOTER_MM, MM
from helpers import EDITIONS, EXAMPLE, HANDOUTS, pdf_path
from pdf_layout import chars as layout_chars

BODY_PT = 12
FOOTER_PT = 10


def chars(pdf) -> list[tuple[int, str, float, float, float]]:
    """(page, character, size in points to 0.1 pt, bottom, baseline) for each printable character
    drawn: pdf_layout's characters (spaces left out), sizes rounded as the 12 pt and 10 pt limits read them."""
    return [(c.page, c.text, round(c.size, 1), c.bottom, c.baseline) for c in layout_chars(pdf) if c.text.isprintable()]


@pytest.mark.parametrize("site", ["default_site", "clinic_site"])
@pytest.mark.parametrize("lang,name,page", HANDOUTS)
def test_body_at_12pt_and_footer_at_10pt(request, site, lang, name, page):
    found = chars(pdf_path(request.getfixturevalue(site), lang, name))
    body = [(n, c, size) for n, c, size, bottom, _ in found if bottom > FOOTER_MM * MM]
    footer = [(n, c, size) for n, c, size, bottom, *_ in found if bottom <= FOOTER_MM * MM]
    small = "".join(c for _, c, size in body if size < BODY_PT)
    assert not small, f"{name}: body text below {BODY_PT} pt: {small[:120]}"
    assert footer and min(size for *_, size in footer) >= FOOTER_PT, name


def body_lines(pdf) -> list[tuple[str, float]]:
    """Each line of the body with its smallest character size."""
    lines: list[tuple[str, float]] = []
    text, sizes, last = "", [], None
    for number, char, size, bottom, baseline in chars(pdf):
        if bottom <= FOOTER_MM * MM:
            continue
        if last is not None and (number, round(baseline)) != last:
            lines.append((text, min(sizes)))
            text, sizes = "", []
        text, last = text + char, (number, round(baseline))
        sizes.append(size)
    return [*lines, (text, min(sizes))] if text else lines


@pytest.mark.parametrize("lang,name,page", HANDOUTS)
def test_clinic_phone_numbers_are_in_the_body_of_every_handout(clinic_site, lang, name, page):
    lines = body_lines(pdf_path(clinic_site, lang, name))
    for phone in (EXAMPLE["phone"], EXAMPLE["after_hours"]):
        digits = phone.replace(" ", "")
        sizes = [size for text, size in lines if digits in text]
        assert sizes and max(sizes) >= BODY_PT, (name, phone, sizes)


@pytest.mark.parametrize("lang,name,page", HANDOUTS)
def test_neutral_handouts_have_a_line_for_the_care_teams_phone_in_the_body(default_site, lang, name, page):
    lines = body_lines(pdf_path(default_site, lang, name))
    label = EDITIONS[lang].write_in.replace(" ", "")
    assert any(label in text and size >= BODY_PT for text, size in lines), name


# What Chromium lays out for paper: each measure in millimetres (96 CSS px = 25.4 mm).
MEASURE = """() => {
  const mm = px => px * 25.4 / 96;
  const box = el => el.getBoundingClientRect();
  const blanks = [...document.querySelectorAll('.guide-blank')]
    .filter(el => el.offsetParent !== null).map(el => mm(box(el).width));
  const answers = [...document.querySelectorAll('.guide-questions .task-list-item')]
    .map(el => mm(parseFloat(getComputedStyle(el).paddingBottom)));
  const cells = [...document.querySelectorAll('.guide-tracker td')].map(el => mm(box(el).height));
  const style = (selector, pseudo) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const s = getComputedStyle(el, pseudo);
    return {width: s.borderTopWidth, style: s.borderTopStyle, label: s.content,
            italic: s.fontStyle};
  };
  return {blanks, answers, cells,
          danger: style('.admonition.danger'), warning: style('.admonition.warning'),
          dangerLabel: style('.admonition.danger > .admonition-title', '::after'),
          warningLabel: style('.admonition.warning > .admonition-title', '::after'),
          captions: [...document.querySelectorAll('figcaption')].map(el => getComputedStyle(el).fontStyle)};
}"""


def measure_printed(site):
    found = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.emulate_media(media="print")
            for lang, _name, phase in HANDOUTS:
                folder = site / EDITIONS[lang].folder.removesuffix("pdf")
                page.goto((folder / f"{phase}.html").as_uri())
                found[(lang, phase)] = page.evaluate(MEASURE)
        finally:
            browser.close()
    return found


@pytest.fixture(scope="module")
def printed(default_site):
    """The measures of each neutral phase page, as Chromium lays it out for print. In a thread of
    its own: a browser test earlier in the same worker keeps its sync Playwright (and its event
    loop) running in this thread for the session, and a second one would be refused here."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(measure_printed, default_site).result()


@pytest.mark.parametrize("lang", EDITIONS)
def test_write_in_room_for_older_hands(printed, lang):
    before, recovery = printed[(lang, "before")], printed[(lang, "recovery")]
    blanks = [width for measures in printed.values() for width in measures["blanks"]]
    assert blanks and min(blanks) >= 50, blanks
    assert before["answers"] and min(before["answers"]) >= 8, before["answers"]
    assert len(recovery["cells"]) == 16 and min(recovery["cells"]) >= 12, recovery["cells"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_two_call_boxes_differ_without_colour(printed, lang):
    """A black-and-white copy keeps the difference: border weight and style, and a label."""
    measures = printed[(lang, "recovery")]
    danger, warning = measures["danger"], measures["warning"]
    assert float(danger["width"].removesuffix("px")) >= 2 * float(warning["width"].removesuffix("px"))
    assert danger["style"] == "solid" and warning["style"] == "dashed"
    assert measures["dangerLabel"]["label"] == ('"Emergency"' if lang == "en" else '"Emergencia"')
    assert measures["warningLabel"]["label"] in ("none", "normal")


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_italic_captions_on_paper(printed, lang):
    captions = [style for measures in printed.values() for style in measures["captions"]]
    assert captions and set(captions) == {"normal"}
