"""Source notes on paper: none in the text, one list at the end of the page.

On screen each fact keeps its note, a link such as "Sources: BayCare and
North Bristol NHS Trust" to the About page's list of sources. On paper a link
is dead text, underlined, and a sheet held six to eight of them, one inside a
checklist item and two in a warning box. So each note stays for the screen
(guide-screen-only) and goes from paper; the page ends with the list of its
notes' names, in the order they come, and one line that says, in words, where
the sources are described in full.

Paper carries no number in the text either: an older reader took a small raised
number for part of what it followed ("Arrive at⁷: ____" read as "arrive at 7",
"sleepy.⁴⁵" as 45). The web page says which note goes with which fact.

- The space before a note, and the brackets around it ("afterwards (source: Mayo Clinic).")
  go with it, so paper reads "afterwards." with nothing left hanging.
- A note alone in its paragraph (after a list, say) hides the whole paragraph on
  paper, so paper gets no empty line.
- A link to another page of the guide that stands in brackets on its own
  ("studies do not all agree (what they found).") is an aside that means nothing on
  paper: it goes from paper, with its brackets and the space before them.

The page is read with the standard library's HTML parser (the project has no
other), on MkDocs' own output; everything written is escaped. The list carries
data-search-exclude, so Material's search does not index it (the notes stay in
the index through their links).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
# Search keeps what Material's plugin strips from the page it serves (an attribute with a value).
NO_SEARCH = 'data-search-exclude="print"'
SCREEN_ONLY = "guide-screen-only"
PRINT_ONLY = "guide-print-only"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # "<" of the start tag
    inner_start: int  # just after the start tag
    parent: Element | None
    inner_end: int = -1  # "<" of the end tag
    end: int = -1  # just after the end tag
    children: list[Element] = field(default_factory=list)


class _Tree(HTMLParser):
    """The elements of an HTML fragment, with their offsets in it."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.root = Element("#root", {}, 0, 0, None, len(text), len(text))
        self.open: list[Element] = [self.root]
        self.elements: list[Element] = []
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        element = Element(tag, {k: v or "" for k, v in attrs}, start, start + len(raw), self.open[-1])
        self.open[-1].children.append(element)
        self.elements.append(element)
        if tag in VOID:
            element.inner_end = element.end = element.inner_start
        else:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        element = self.elements[-1]
        if self.open[-1] is element:
            self.open.pop()
            element.inner_end = element.end = element.inner_start

    def handle_endtag(self, tag: str) -> None:
        if not any(e.tag == tag for e in self.open[1:]):
            return  # a stray end tag
        start = self._offset()
        end = self.text.index(">", start) + 1
        while self.open[-1].tag != tag:  # elements left open end here too
            unclosed = self.open.pop()
            unclosed.inner_end = unclosed.end = start
        element = self.open.pop()
        element.inner_end, element.end = start, end


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def note_name(text: str) -> str:
    """The sources a note names: "Sources: BayCare and Drugs.com" -> "BayCare and Drugs.com"."""
    return text.split(":", 1)[1].strip() if ":" in text else text.strip()


def _add_class(start_tag: str, name: str) -> str:
    match = re.search(r'\sclass="([^"]*)"', start_tag)
    if match:
        classes = f"{match.group(1)} {name}".strip()
        return f'{start_tag[: match.start()]} class="{classes}"{start_tag[match.end() :]}'
    closing = "/>" if start_tag.endswith("/>") else ">"
    return f'{start_tag[: -len(closing)]} class="{name}"{closing}'


def _only_child(element: Element, text: str) -> bool:
    """The element is its parent's only content (apart from white space)."""
    parent = element.parent
    assert parent is not None
    return not text[parent.inner_start : element.start].strip() and not text[element.end : parent.inner_end].strip()


def _is_aside_link(element: Element, text: str, is_page_link: Callable[[str], bool]) -> bool:
    return is_page_link(element.attrs.get("href", "")) and _in_brackets(element, text) is not None


def _in_brackets(element: Element, text: str) -> tuple[int, int] | None:
    """The span of " (link)" when the link stands alone in brackets, else None."""
    before = re.search(r"\s*\(\Z", text[: element.start])
    if before and text.startswith(")", element.end):
        return before.start(), element.end + 1
    return None


@dataclass
class PaperSources:
    html: str
    names: list[str]  # each note's names, in the order they come (the paper list's order)


def paper_sources(
    text: str,
    is_source_link: Callable[[str], bool],
    is_page_link: Callable[[str], bool],
    words: dict[str, str],
) -> PaperSources:
    """The page's HTML with its source notes on screen only, and the paper list at its end.

    is_source_link(href): the link is a source note (it goes to the About page's sources).
    is_page_link(href): the link goes to another page of the guide (hidden on paper when it
    stands alone in brackets). words: "title" (Sources) and "more" (where they are described).
    """
    tree = _Tree(text)
    names: dict[str, None] = {}  # in the order the notes come, each name once
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), none overlapping

    for element in tree.elements:
        if element.tag != "a" or element.end < 0:
            continue
        href = html.unescape(element.attrs.get("href", ""))
        if not is_source_link(href):
            if _is_aside_link(element, text, is_page_link):
                start, end = _in_brackets(element, text) or (element.start, element.end)
                edits.append((start, end, f'<span class="{SCREEN_ONLY}">{text[start:end]}</span>'))
            continue
        name = note_name(_text(text[element.inner_start : element.inner_end]))
        if not name:
            continue
        names.setdefault(name)
        parent = element.parent
        assert parent is not None
        if parent.tag == "p" and _only_child(element, text):
            start_tag = text[parent.start : parent.inner_start]
            edits.append((parent.start, parent.inner_start, _add_class(start_tag, SCREEN_ONLY)))
            continue
        start, end = _in_brackets(element, text) or (element.start, element.end)
        start = re.search(r"\s*\Z", text[:start]).start()  # type: ignore[union-attr]
        edits.append((start, end, f'<span class="{SCREEN_ONLY}">{text[start:end]}</span>'))

    out = text
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + replacement + out[end:]
    if names:
        out += sources_list(list(names), words)
    return PaperSources(out, list(names))


def sources_list(names: list[str], words: dict[str, str]) -> str:
    """The print-only list at the end of the page: a title, the numbered names, where to read more."""
    items = "".join(f"<li>{html.escape(name)}</li>" for name in names)
    return (
        f'\n<section class="guide-print-only guide-sources" {NO_SEARCH}>'
        f'<p class="guide-sources__title"><strong>{html.escape(words["title"])}</strong></p>'
        f'<ol class="guide-sources__list">{items}</ol>'
        f'<p class="guide-sources__more">{html.escape(words["more"])}</p>'
        "</section>\n"
    )
