"""The printed page's margins, in one place: the `@page` rule of docs/assets/css/print.css
(and of large-print.css, for the large-print handouts).

Chromium obeys the stylesheet's `@page` margins before the ones the build passes it, and the
PDF footer is drawn in the bottom margin, so the build (guidekit/handouts.py) and the PDF checks
(guidekit/pdf_text.py) read the margins from the stylesheet instead of keeping a copy of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypedDict

CSS_DIR = Path(__file__).resolve().parent.parent.parent / "docs" / "assets" / "css"
PRINT_CSS = CSS_DIR / "print.css"
LARGE_PRINT_CSS_FILE = CSS_DIR / "large-print.css"
COMMENT = re.compile(r"/\*.*?\*/", re.S)
PAGE_RULE = re.compile(r"@page\s*\{")  # the rule for every page (not @page :first and the like)
MARGIN = re.compile(r"(?:^|[;{\s])margin\s*:\s*([^;}]*)")
ONE_SIDE = re.compile(r"(?:^|[;{\s])margin-(?:top|right|bottom|left)\s*:")
LENGTH = re.compile(r"\d+(?:\.\d+)?mm")


class Margins(TypedDict):
    """Each side's margin, in mm ("10mm")."""

    top: str
    right: str
    bottom: str
    left: str


class PageMarginsError(ValueError):
    pass


def rule_body(css: str, start: int) -> str:
    """The body of the block opened just before `start`, up to its closing brace (nested blocks included)."""
    depth, at = 1, start
    while depth and at < len(css):
        depth += {"{": 1, "}": -1}.get(css[at], 0)
        at += 1
    return css[start : at - 1]


def page_margins(css: str, where: str = "print.css") -> Margins:
    """The `margin` of the stylesheet's one `@page { }` rule, by side, in mm ("10mm")."""
    css = COMMENT.sub("", css)
    rules = [rule_body(css, match.end()) for match in PAGE_RULE.finditer(css)]
    # The rule's own declarations only, not those of its margin boxes (@bottom-center { ... }).
    bodies = [re.sub(r"@[\w-]+\s*\{[^}]*\}", "", body) for body in rules]
    if any(ONE_SIDE.search(body) for body in bodies):
        raise PageMarginsError(f"{where}: @page sets one side's margin (margin-top: ...); set all four with margin:")
    margins = [found.group(1).split() for body in bodies for found in MARGIN.finditer(body)]
    if len(margins) != 1:
        raise PageMarginsError(
            f"{where}: {len(margins)} margin declarations in @page {{ }} rules, where the build needs exactly one "
            "(margin: top [right [bottom [left]]], in mm)"
        )
    values = margins[0]
    if not 1 <= len(values) <= 4 or not all(LENGTH.fullmatch(value) for value in values):
        raise PageMarginsError(f"{where}: @page margin {' '.join(values)!r} is not 1 to 4 lengths in mm")
    # CSS's shorthand: top, right, bottom, left; a side left out is its opposite's.
    top = values[0]
    right = values[1] if len(values) > 1 else top
    bottom = values[2] if len(values) > 2 else top
    left = values[3] if len(values) > 3 else right
    return Margins(top=top, right=right, bottom=bottom, left=left)


def read_page_margins(path: Path = PRINT_CSS) -> Margins:
    return page_margins(path.read_text(encoding="utf-8"), str(path))
