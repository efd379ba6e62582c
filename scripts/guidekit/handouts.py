"""Render the complete guide and the phase handouts to PDF with Chromium.

Chromium prints the site's own pages with the site's own print stylesheet, as
a patient's browser would. One browser renders every PDF, one after another
(Chromium prints one at a time; see print_tab).

Three kinds besides the complete guide: each phase handout as it is (print.css:
two columns of 12 pt), the same page in large print (print.css, then
large-print.css, which the build adds to the page before printing it: one column
of 18 pt Atkinson Hyperlegible, a 14 pt footer), and the one-page "when to call"
card (scripts/guidekit/card.py, printed from a file written for it and removed).
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .page_margins import LARGE_PRINT_CSS_FILE, PRINT_CSS, Margins, read_page_margins
from .signoff import footer_note
from .toc_pages import TocPagesError, print_with_toc_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from playwright.async_api import Browser, Page, PdfMargins

    from .clinic import Clinic

# The @page margins of docs/assets/css/print.css, which Chromium obeys first (read from it: one place).
MARGINS = read_page_margins(PRINT_CSS)
# Large print: 1-inch margins, and a bottom margin that holds the 14 pt footer (up to five lines
# of it, where a clinic's long name and a language's long words wrap) 8 mm above the paper's edge:
# the @page margins of docs/assets/css/large-print.css, read from it.
LARGE_PRINT_MARGINS = read_page_margins(LARGE_PRINT_CSS_FILE)
LARGE_PRINT_CSS = "assets/css/large-print.css"
LARGE_PRINT_CLASS = "guide-large-print"
FOOTER_SIZE = "10pt"
LARGE_PRINT_FOOTER_SIZE = "14pt"
PRINT_PAGE = "print_page.html"
# The card's page, written beside the edition's pages (it links to their assets/), printed, removed.
CARD_PAGE = "guide-card.html"

STANDARD, LARGE_PRINT, CARD = "standard", "large print", "card"


@dataclass
class Handout:
    page: str  # built HTML page, relative to the site
    pdf: str  # PDF file name
    title: str  # PDF metadata title; empty: the page's own title
    kind: str = STANDARD  # STANDARD (the complete guide too), LARGE_PRINT or CARD


@dataclass
class PrintSettings:
    handouts: list[Handout]
    paper: str
    footer: str
    clinic_name: str
    large_print_footer: str = ""
    card_html: str = ""  # the card's page, written beside the edition's pages to print it
    large_print_title: str = ""  # added to a large-print PDF's title: "(large print)"


def pdf_margins(margins: Margins) -> PdfMargins:
    """The margins as Playwright's page.pdf takes them (which also takes numbers)."""
    return {"top": margins["top"], "right": margins["right"], "bottom": margins["bottom"], "left": margins["left"]}


def page_html(page: str) -> str:
    """A page's built file (use_directory_urls is off: the offline plugin)."""
    return page.removesuffix(".md") + ".html"


def handouts_for(config: MkDocsConfig) -> list[Handout]:
    print_cfg = config.extra["print"]
    title = f"{config.site_name}: {config.extra['ui']['complete_guide_title']}"
    items = [Handout(PRINT_PAGE, print_cfg["complete_guide"], title)]
    for entry in print_cfg["handouts"]:
        items.append(Handout(page_html(entry["page"]), entry["pdf"], ""))
    for entry in print_cfg["handouts"]:
        if entry.get("large_print"):
            items.append(Handout(page_html(entry["page"]), entry["large_print"], "", LARGE_PRINT))
    if card := print_cfg.get("card"):
        items.append(Handout(CARD_PAGE, card["pdf"], "", CARD))
    return items


NOWRAP = "white-space: nowrap;"
# One line each, so even a clinic name of the longest allowed length leaves
# "Page X of Y" and the review date inside the bottom margin.
ONE_LINE = "white-space: nowrap; overflow: hidden; text-overflow: ellipsis;"


def footer_template(
    ui: Mapping[str, str],
    clinic: Clinic | None,
    reviewed: str,
    edition: str = "",
    due: str = "",
    *,
    size: str = FOOTER_SIZE,
    margins: Margins = MARGINS,
    wrap: bool = False,
) -> str:
    """Chromium's page footer, in the bottom margin: who to call and "Page X of Y"; the clinic's
    phone numbers and the edition its reviewer approved; the edition and its review dates.
    `wrap`: rows wrap between their parts (large print: every part whole, at `size`),
    instead of one line each; the rows then stand 8 mm above the paper's edge."""
    one_line = "" if wrap else ONE_LINE
    rows = []
    if clinic:
        who = f"<b>{html.escape(clinic.name)}</b>"
        # The numbers break between them, never inside a label and its number.
        phones = [f"{html.escape(ui['phone'])} {html.escape(clinic.phone)}"]
        if clinic.after_hours_phone:
            phones.append(f"{html.escape(ui['after_hours'])} {html.escape(clinic.after_hours_phone)}")
        # Short: the clinic's line has room for the numbers and a few words more.
        if note := footer_note(ui, clinic, edition):
            phones.append(html.escape(note))
        rows.append(" · ".join(f'<span style="{NOWRAP}">{part}</span>' for part in phones))
    else:
        who = f"{html.escape(ui['care_team_phone'])}: ____________________"
    if wrap:  # the blank, long enough to write a number on
        who = who.replace("____________________", "______________________________")
    page_of = html.escape(ui["page_of"]).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    version = [html.escape(ui["edition"].format(edition=edition))] if edition else []
    version.append(f"{html.escape(ui['reviewed'])} {html.escape(reviewed)}")
    if due:
        version.append(html.escape(ui["next_review"].format(date=due)))
    rows.append(" · ".join(version))
    return (
        # Chromium lays the footer out from the top of the bottom margin: the rows are set at
        # its foot instead, clear of the page's last lines; padding, not margins, keeps them on the page.
        f'<div style="font-family: Arial, Helvetica, sans-serif; font-size: {size}; line-height: 1.1; color: #000;'
        f" box-sizing: border-box; width: 100%; height: calc({margins['bottom']} - 1mm);"
        f" padding: 0 {margins['right']} {'8mm' if wrap else '0'} {margins['left']};"
        ' display: flex; flex-direction: column; justify-content: flex-end;">'
        '<div style="display: flex; justify-content: space-between; gap: 6mm;">'
        f'<span style="flex: 1 1 auto; min-width: 0; {one_line}">{who}</span>'
        f'<span style="flex: none; {NOWRAP}">{page_of}</span></div>'
        + "".join(f'<div style="{one_line}">{row}</div>' for row in rows)
        + "</div>"
    )


def print_settings(config: MkDocsConfig, card_html: str = "") -> PrintSettings:
    """Settings from a config that has been through the plugins' on_config (clinic checked, dates written)."""
    clinic: Clinic | None = config.extra.get("clinic")
    extra = config.extra
    dates = (extra["guide_reviewed_text"], extra["guide_edition"], extra["guide_review_due_text"])
    footer = footer_template(extra["ui"], clinic, *dates)
    large = footer_template(
        extra["ui"], clinic, *dates, size=LARGE_PRINT_FOOTER_SIZE, margins=LARGE_PRINT_MARGINS, wrap=True
    )
    return PrintSettings(
        handouts_for(config),
        config.extra["print"]["paper"],
        footer,
        clinic.name if clinic else "",
        large_print_footer=large,
        card_html=card_html,
        large_print_title=extra["ui"]["large_print_title"],
    )


# What print-site's own script does on its page (in the page's DOMContentLoaded
# handler): the handouts print with scripts off, so the build calls it itself.
PRINT_SITE_SCRIPT = "js/print-site.js"
PRINT_SITE_CALLS = "\nremove_material_navigation(); generate_toc();"


# The large-print stylesheet, added after print.css with the page's class. Scripts are off in
# the print tab, so the page runs no timer or callback of ours: the build polls from outside
# until the stylesheet and every font the laid-out text needs have loaded (a headless print
# does not wait for a web font).
ADD_LARGE_PRINT = """([css, cls]) => {
  document.documentElement.classList.add(cls);
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = css;
  link.id = "guide-large-print-css";
  document.head.append(link);
}"""
STYLED = """(id) => {
  const link = id && document.getElementById(id);
  document.body.getBoundingClientRect();
  return (!id || Boolean(link.sheet)) && document.fonts.status === "loaded";
}"""
WAIT_S = 10

# The papers a clinic may choose (guidekit.clinic_file.PAPERS), width and height in mm.
PAPER_MM = {"Letter": (215.9, 279.4), "A4": (210.0, 297.0)}
CSS_PX_PER_MM = 96 / 25.4
TALLER_THAN_PAGE = "guide-taller-than-page"
# A box of warning signs, from the heading it stays with to the end of its list (what large-print.css
# keeps on one page), measured at the printed page's width. The last resort: one taller than the
# page's body can never be whole on a page, so large-print.css lets it start where it falls and break
# before its list (which still moves whole), instead of leaving most of a page empty before it. The
# guide's own boxes fit (tests/test_print_layout.py); a clinic's longer words might not.
MARK_TALLER_THAN_PAGE = """([cls, height]) => {
  for (const box of document.querySelectorAll(".md-typeset .admonition:is(.danger, .warning)")) {
    const before = box.previousElementSibling;
    const top = (before && /^H[1-6]$/.test(before.tagName) ? before : box).getBoundingClientRect().top;
    const lists = box.querySelectorAll(":scope > ul");
    const end = (lists.length ? lists[lists.length - 1] : box).getBoundingClientRect().bottom;
    if (end - top > height) box.classList.add(cls);
  }
}"""


async def wait_until_styled(page: Page, link_id: str = "") -> None:
    """Until the page's stylesheet `link_id` (if any) and its fonts have loaded."""
    for _ in range(WAIT_S * 50):
        if await page.evaluate(STYLED, link_id):
            return
        await asyncio.sleep(0.02)
    raise RuntimeError(f"{page.url}: the print stylesheet or its fonts did not load in {WAIT_S} s")


def mm(length: str) -> float:
    """A length as MARGINS writes it ("18mm"), in millimetres."""
    return float(length.removesuffix("mm"))


async def mark_boxes_taller_than_page(page: Page, paper: str) -> None:
    """Mark the warning boxes that cannot fit on one large-print page (MARK_TALLER_THAN_PAGE): the
    page is laid out at the printed body's width for the measure, then at its own again."""
    width, height = PAPER_MM[paper]
    margins = LARGE_PRINT_MARGINS
    body_width = (width - mm(margins["left"]) - mm(margins["right"])) * CSS_PX_PER_MM
    body_height = (height - mm(margins["top"]) - mm(margins["bottom"])) * CSS_PX_PER_MM
    viewport = page.viewport_size
    await page.set_viewport_size({"width": round(body_width), "height": round(body_height)})
    try:
        await page.evaluate(MARK_TALLER_THAN_PAGE, [TALLER_THAN_PAGE, body_height])
    finally:
        if viewport:
            await page.set_viewport_size(viewport)


async def render_on(page: Page, edition_dir: Path, handout: Handout, out_dir: Path, settings: PrintSettings) -> Path:
    if handout.kind == CARD:
        return await render_card(page, edition_dir, handout, out_dir, settings)
    await page.goto((edition_dir / handout.page).as_uri(), wait_until="load")
    large = handout.kind == LARGE_PRINT
    if large:
        await page.evaluate(ADD_LARGE_PRINT, [(edition_dir / LARGE_PRINT_CSS).as_uri(), LARGE_PRINT_CLASS])
        await wait_until_styled(page, "guide-large-print-css")
        await mark_boxes_taller_than_page(page, settings.paper)
    if handout.page == PRINT_PAGE:
        # The table of contents, built by print-site's own functions.
        script = (edition_dir / PRINT_SITE_SCRIPT).read_text(encoding="utf-8")
        await page.evaluate(f"() => {{ {script}{PRINT_SITE_CALLS} }}")
    # Headless printing fires no beforeprint, so open every details block ourselves.
    await page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    title = handout.title or await page.title()
    if large:
        title = f"{title} ({settings.large_print_title})"
    if settings.clinic_name:
        title = f"{title} ({settings.clinic_name})"
    await page.evaluate("t => { document.title = t }", title)
    target = out_dir / handout.pdf

    async def print_pdf() -> bytes:
        return await page.pdf(
            format=settings.paper,
            print_background=True,
            margin=pdf_margins(LARGE_PRINT_MARGINS if large else MARGINS),
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=settings.large_print_footer if large else settings.footer,
            outline=True,
            tagged=True,
        )

    if handout.page == PRINT_PAGE:  # printed again with the page numbers in its table of contents
        try:
            pdf = await print_with_toc_pages(page, print_pdf)
        except TocPagesError as error:
            raise TocPagesError(f"{handout.pdf}: {error}") from None
    else:
        pdf = await print_pdf()
    write_pdf(target, pdf)
    return target


def write_pdf(target: Path, pdf: bytes) -> None:
    """Write a handout. A write that fails part-way (a full disk) names no file, so the error is
    given the handout's: the build's one line then says which PDF could not be written."""
    try:
        target.write_bytes(pdf)
    except OSError as error:
        if error.filename is None and error.errno is not None:
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise


async def render_card(page: Page, edition_dir: Path, handout: Handout, out_dir: Path, settings: PrintSettings) -> Path:
    """The "when to call" card: its page is written for the print and removed after it."""
    source = edition_dir / CARD_PAGE
    source.write_text(settings.card_html, encoding="utf-8")
    try:
        await page.goto(source.as_uri(), wait_until="load")
        await wait_until_styled(page)
        title = await page.title()
        if settings.clinic_name:
            await page.evaluate("t => { document.title = t }", f"{title} ({settings.clinic_name})")
        target = out_dir / handout.pdf
        # The card's margins are its @page rule's (docs/assets/css/card.css); no footer: its
        # sources line carries the edition. Written here, not by Playwright's driver, so a full
        # disk ends the build like any other write (guidekit.write_failure).
        write_pdf(target, await page.pdf(format=settings.paper, print_background=True, tagged=True, outline=True))
    finally:
        source.unlink(missing_ok=True)
    return target


@asynccontextmanager
async def print_tab(browser: Browser) -> AsyncIterator[Page]:
    """The one tab every PDF of every edition prints in, in turn, from the built files
    on disk (the offline plugin makes them work there), with scripts off. Chromium
    prints one PDF at a time, and a new tab costs a new renderer: the first printout
    in a tab takes about 0.6 s, the next ones about 0.2 s. The site's scripts
    (search above all) only slow a printout down."""
    context = await browser.new_context(java_script_enabled=False)
    try:
        page = await context.new_page()
        await page.emulate_media(media="print")
        yield page
    finally:
        await context.close()


async def render_all(
    page: Page,
    edition_dir: Path,
    settings: PrintSettings,
    on_done: Callable[[Handout, Path], None] | None = None,
) -> list[Path]:
    """Every PDF of one edition, one after another, into its pdf/ folder."""
    out_dir = edition_dir / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for handout in settings.handouts:
        paths.append(await render_on(page, edition_dir, handout, out_dir, settings))
        if on_done:
            on_done(handout, paths[-1])
    return paths
