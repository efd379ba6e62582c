"""Split a Markdown page into the text units a reader sees.

A unit is a heading, a paragraph, a list item, or a whole list (with the
sentence that introduces it). Facts are recognised inside one unit, so
phrases that are far apart on a page never count as one fact.

Hidden text does not count: front matter (search keywords), HTML comments,
abbreviation definitions, image alt text and icon shortcodes are dropped.

A list of references (inside `<div class="guide-references" markdown>`) is
page text for the facts and sources, but not prose for the reading score:
the exact titles of cited works cannot be put in plainer words, and
readability studies of patient material leave reference lists out too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from .shared_text import Origin

# libyaml's safe loader where PyYAML has it: every check parses the front matter of every page.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*#*\s*$")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$')
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
SNIPPET = re.compile(r"^-{1,3}8<-{1,3}")
REFERENCES_START = re.compile(r'^<div\b[^>]*\bclass="[^"]*\bguide-references\b[^"]*"[^>]*>$')
DIV_END = re.compile(r"^</div>$")

INLINE_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?"), ""),  # images: alt text is not page text
    (re.compile(r"(?<![\w:]):(?:material|fontawesome|octicons|simple)-[\w-]+:"), ""),  # icons (pymdownx.emoji)
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"\{\s*[:#.][^}]*\}|\{\s*\w+=[^}]*\}"), ""),  # attribute lists
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"\*\*|__|==|~~|`|(?<!\w)[*_]|[*_](?!\w)"), ""),  # emphasis marks
]


@dataclass
class Unit:
    kind: str  # heading, paragraph, item, list
    text: str
    line: int
    end_line: int
    section: str = ""  # the level-2 heading above the unit
    level: int = 0  # heading level
    reference: bool = False  # inside the list of references


@dataclass
class Page:
    path: str
    meta: dict[str, Any]  # the front matter, as YAML gives it
    units: list[Unit] = field(default_factory=list)
    # Where each line was written (guidekit.shared_text), when the page includes shared text.
    origins: list[Origin] = field(default_factory=list)

    def headings(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "heading"]

    def prose(self) -> list[Unit]:
        """Units a reader reads once each (lists are already in their items), references left out."""
        return [u for u in self.units if u.kind != "list" and not u.reference]


def clean_inline(text: str) -> str:
    for pattern, replacement in INLINE_RULES:
        text = pattern.sub(replacement, text)
    return " ".join(html.unescape(text).split())


def _blank_out(match: re.Match[str]) -> str:
    # Keep line numbers: replace hidden text with as many newlines.
    return "\n" * match.group(0).count("\n")


def parse_page(source: str, path: str) -> Page:
    meta: dict[str, Any] = {}
    front = FRONT_MATTER.match(source)
    if front:
        loaded = yaml.load(front.group(1), Loader=SAFE_LOADER)
        meta = loaded if isinstance(loaded, dict) else {}
        source = _blank_out(front) + source[front.end() :]
    source = COMMENT.sub(_blank_out, source)
    page = Page(path=path, meta=meta)

    section = ""
    block: Unit | None = None
    current_list: Unit | None = None
    lead_in: Unit | None = None  # a paragraph ending in ":" just before a list
    in_references = False

    def close_block() -> None:
        nonlocal block, lead_in
        if block is not None:
            block.text = clean_inline(block.text)
            block.reference = in_references
            if block.text:
                page.units.append(block)
                lead_in = block if block.kind == "paragraph" and block.text.endswith(":") else None
                if current_list is not None and block.kind == "item":
                    current_list.text = f"{current_list.text} {block.text}".strip()
                    current_list.end_line = block.end_line
        block = None

    def close_list() -> None:
        nonlocal current_list
        if current_list is not None:
            current_list.reference = in_references
            page.units.append(current_list)
        current_list = None

    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        indented = raw.startswith((" ", "\t"))
        if not line:
            close_block()
            continue
        if ABBREVIATION.match(line) or SNIPPET.match(line):
            close_block()
            continue
        if not indented and (REFERENCES_START.match(line) or (in_references and DIV_END.match(line))):
            close_block()
            close_list()
            in_references = not in_references
            continue
        heading = HEADING.match(line) if not indented else None
        if heading:
            close_block()
            close_list()
            lead_in = None
            level = len(heading.group(1))
            text = clean_inline(heading.group(2))
            if level <= 2:
                section = text if level == 2 else ""
            page.units.append(Unit("heading", text, number, number, section, level))
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            close_block()
            close_list()
            if admonition.group(1):
                block = Unit("paragraph", admonition.group(1), number, number, section)
                close_block()
            continue
        item = LIST_ITEM.match(line)
        if item:
            close_block()
            if current_list is None:
                start = lead_in.line if lead_in else number
                current_list = Unit("list", lead_in.text if lead_in else "", start, number, section)
            block = Unit("item", item.group(1), number, number, section)
            continue
        if block is not None:
            block.text += " " + line
            block.end_line = number
            continue
        if current_list is not None and not indented:
            close_list()
        block = Unit("paragraph", line, number, number, section)
    close_block()
    close_list()
    return page
