"""Render the complete guide and the phase handouts to PDF with Chromium.

Chromium prints the site's own pages with the site's own print stylesheet, as
a patient's browser would. One browser renders every PDF, in parallel.
"""
from __future__ import annotations

import asyncio
import html
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import async_playwright

from .browser import CHROMIUM_ARGS, system_chromium
from .local_server import serve

MARGINS = {"top": "14mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}


@dataclass
class Handout:
    page: str  # built HTML page, relative to the site
    pdf: str  # PDF file name
    title: str  # PDF metadata title


def handouts_for(config) -> list[Handout]:
    print_cfg = config.extra["print"]
    site_name = config.site_name
    items = [Handout("print_page.html", print_cfg["complete_guide"], f"{site_name}: the complete guide")]
    for entry in print_cfg["handouts"]:
        page = entry["page"].removesuffix(".md") + ".html"
        items.append(Handout(page, entry["pdf"], ""))
    return items


def footer_template(clinic: dict | None, reviewed: str) -> str:
    if clinic:
        who = f"<b>{html.escape(clinic['name'])}</b> · Phone {html.escape(clinic['phone'])}"
        if clinic.get("after_hours_phone"):
            who += f' · After hours <span style="white-space: nowrap;">{html.escape(clinic["after_hours_phone"])}</span>'
    else:
        who = "Your care team's phone: ____________________"
    return (
        '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #000;'
        ' width: 100%; margin: 0 16mm; display: flex; justify-content: space-between; gap: 6mm;">'
        f"<span>{who}</span>"
        f'<span style="white-space: nowrap;">Reviewed {html.escape(reviewed)} · Page <span class="pageNumber">'
        '</span> of <span class="totalPages"></span></span></div>'
    )


async def _render_one(browser, base_url: str, handout: Handout, out_dir: Path, paper: str, footer: str,
                      clinic_name: str) -> Path:
    page = await browser.new_page()
    try:
        await page.goto(f"{base_url}/{handout.page}", wait_until="load")
        await page.emulate_media(media="print")
        # Headless printing fires no beforeprint, so open every details block ourselves.
        await page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        title = handout.title or (await page.title())
        if clinic_name:
            title = f"{title} ({clinic_name})"
        await page.evaluate("t => { document.title = t }", title)
        target = out_dir / handout.pdf
        await page.pdf(path=str(target), format=paper, print_background=True, margin=MARGINS,
                       display_header_footer=True, header_template="<span></span>", footer_template=footer,
                       outline=True, tagged=True)
        return target
    finally:
        await page.close()


async def _render_all(site_dir: Path, items: list[Handout], out_dir: Path, paper: str, footer: str,
                      clinic_name: str) -> list[Path]:
    with serve(site_dir) as base_url:
        async with async_playwright() as playwright:
            options = {"args": CHROMIUM_ARGS}
            if system_chromium():
                options["executable_path"] = system_chromium()
            browser = await playwright.chromium.launch(**options)
            try:
                return await asyncio.gather(*(
                    _render_one(browser, base_url, item, out_dir, paper, footer, clinic_name) for item in items))
            finally:
                await browser.close()


def render_pdfs(site_dir: Path, config) -> list[Path]:
    """Write every PDF into site_dir/pdf and return their paths."""
    clinic = config.extra.get("clinic")
    reviewed = config.extra["guide_reviewed"].strftime("%B %-d, %Y")
    out_dir = site_dir / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    return asyncio.run(_render_all(site_dir, handouts_for(config), out_dir, config.extra["print"]["paper"],
                                   footer_template(clinic, reviewed), clinic["name"] if clinic else ""))
