"""Render the complete guide and the phase handouts to PDF with Chromium.

Chromium prints the site's own pages with the site's own print stylesheet, as
a patient's browser would. One browser renders every PDF, one after another
(Chromium prints one at a time; see print_tab).
"""

from __future__ import annotations

import html
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .signoff import footer_note

if TYPE_CHECKING:
    from .clinic import Clinic

# Equal to the @page margins in docs/assets/css/print.css, which Chromium obeys first.
MARGINS = {"top": "10mm", "bottom": "15mm", "left": "11mm", "right": "11mm"}
PRINT_PAGE = "print_page.html"


@dataclass
class Handout:
    page: str  # built HTML page, relative to the site
    pdf: str  # PDF file name
    title: str  # PDF metadata title; empty: the page's own title


@dataclass
class PrintSettings:
    handouts: list[Handout]
    paper: str
    footer: str
    clinic_name: str


def handouts_for(config) -> list[Handout]:
    print_cfg = config.extra["print"]
    title = f"{config.site_name}: {config.extra['ui']['complete_guide_title']}"
    items = [Handout(PRINT_PAGE, print_cfg["complete_guide"], title)]
    for entry in print_cfg["handouts"]:
        items.append(Handout(entry["page"].removesuffix(".md") + ".html", entry["pdf"], ""))
    return items


NOWRAP = "white-space: nowrap;"
# One line each, so even a clinic name of the longest allowed length leaves
# "Page X of Y" and the review date inside the bottom margin.
ONE_LINE = "white-space: nowrap; overflow: hidden; text-overflow: ellipsis;"


def footer_template(ui: dict, clinic: Clinic | None, reviewed: str, edition: str = "", due: str = "") -> str:
    """Chromium's page footer, in the bottom margin: who to call and "Page X of Y"; the clinic's
    phone numbers and the edition its reviewer approved; the edition and its review dates."""
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
        '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.1; color: #000;'
        f" box-sizing: border-box; width: 100%; height: calc({MARGINS['bottom']} - 1mm);"
        f" padding: 0 {MARGINS['right']} 0 {MARGINS['left']};"
        ' display: flex; flex-direction: column; justify-content: flex-end;">'
        '<div style="display: flex; justify-content: space-between; gap: 6mm;">'
        f'<span style="flex: 1 1 auto; min-width: 0; {ONE_LINE}">{who}</span>'
        f'<span style="flex: none; {NOWRAP}">{page_of}</span></div>'
        + "".join(f'<div style="{ONE_LINE}">{row}</div>' for row in rows)
        + "</div>"
    )


def print_settings(config) -> PrintSettings:
    """Settings from a config that has been through the hooks' on_config (clinic checked, dates written)."""
    clinic = config.extra.get("clinic")
    extra = config.extra
    footer = footer_template(
        extra["ui"], clinic, extra["guide_reviewed_text"], extra["guide_edition"], extra["guide_review_due_text"]
    )
    return PrintSettings(handouts_for(config), config.extra["print"]["paper"], footer, clinic.name if clinic else "")


# What print-site's own script does on its page (in the page's DOMContentLoaded
# handler): the handouts print with scripts off, so the build calls it itself.
PRINT_SITE_SCRIPT = "js/print-site.js"
PRINT_SITE_CALLS = "\nremove_material_navigation(); generate_toc();"


async def render_on(page, edition_dir: Path, handout: Handout, out_dir: Path, settings: PrintSettings) -> Path:
    await page.goto((edition_dir / handout.page).as_uri(), wait_until="load")
    if handout.page == PRINT_PAGE:
        # The table of contents, built by print-site's own functions.
        script = (edition_dir / PRINT_SITE_SCRIPT).read_text(encoding="utf-8")
        await page.evaluate(f"() => {{ {script}{PRINT_SITE_CALLS} }}")
    # Headless printing fires no beforeprint, so open every details block ourselves.
    await page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    title = handout.title or await page.title()
    if settings.clinic_name:
        title = f"{title} ({settings.clinic_name})"
    await page.evaluate("t => { document.title = t }", title)
    target = out_dir / handout.pdf
    await page.pdf(
        path=str(target),
        format=settings.paper,
        print_background=True,
        margin=MARGINS,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=settings.footer,
        outline=True,
        tagged=True,
    )
    return target


@asynccontextmanager
async def print_tab(browser):
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


async def render_all(page, edition_dir: Path, settings: PrintSettings, on_done=None) -> list[Path]:
    """Every PDF of one edition, one after another, into its pdf/ folder."""
    out_dir = edition_dir / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for handout in settings.handouts:
        paths.append(await render_on(page, edition_dir, handout, out_dir, settings))
        if on_done:
            on_done(handout, paths[-1])
    return paths
