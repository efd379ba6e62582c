"""How many pages each phase handout may take, and what to say when one takes more.

Safety content comes before brevity: a handout may take two sheets (4 pages) where its
required content needs them, and no more. The budget is set here only, for every
language and build; the build fails a handout over it and keeps the PDF for a look.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pypdf import PageObject, PdfReader

from .output_dir import mark

# Pages per phase handout (a sheet printed on both sides is 2 pages).
HANDOUT_PAGES = {"before": 4, "during": 2, "recovery": 4, "faq": 4}
FIX = "shorten the clinic's name, department, section or instruction texts on that page"


def lines_past(pdf: Path, budget: int) -> int:
    """Lines of text on the pages past the budget, the running header and footer left out
    (the lines they share with the first page, page numbers aside)."""

    def lines(page: PageObject) -> list[str]:
        text = page.extract_text() or ""
        return [re.sub(r"\d+", "#", line.strip()) for line in text.splitlines() if line.strip()]

    pages = PdfReader(pdf).pages
    running = set(lines(pages[0]))
    return sum(1 for page in pages[budget:] for line in lines(page) if line not in running)


def over_budget(pdf: Path, phases: list[str], lang: str, overflow_dir: Path) -> str | None:
    """None when the handout fits; else the message, with the PDF copied into `overflow_dir`."""
    budget = min((HANDOUT_PAGES[phase] for phase in phases), default=None)
    pages = len(PdfReader(pdf).pages)
    if budget is None or pages <= budget:
        return None
    kept = overflow_dir / lang / pdf.name
    kept.parent.mkdir(parents=True, exist_ok=True)
    mark(overflow_dir)  # the build's own: checked like the site folder, replaced by the next build
    shutil.copyfile(pdf, kept)
    return (
        f"the {lang} handout {pdf.name} has {pages} pages, {lines_past(pdf, budget)} line(s) past its budget "
        f"of {budget} pages (HANDOUT_PAGES in scripts/guidekit/handout_budget.py); kept for a look at {kept}. "
        f"Fix: {FIX}"
    )
