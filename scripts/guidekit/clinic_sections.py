"""A clinic's own sections ("Parking and where to check in"), as Markdown in the clinic's folder.

The folder mirrors docs/: `before.md` adds a section to the English Before
page, `es/before.md` to the Spanish one. A section is added to its page, it
never replaces anything, and it is held to the guide's rules: it starts with
its own `##` heading, reads at the guide's level, and holds words, lists,
tables, links to web pages and pictures from the clinic's own folder: no HTML,
no code, no attributes or ids, no snippets, no footnotes, and no heading at one of the
page's own ids (a repeated heading would take the page's anchor: every link to
it would land on the clinic's text). Headings are compared as they render
(emphasis, punctuation and setext underlines count for nothing). Its links are
checked by MkDocs' strict build, like the page's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .problems import describe, invisible_characters

# MkDocs' (toc's) slugify: a heading's text and the separator -> its id.
Slugify = Callable[[str, str], str]

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*#*\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
HTML = re.compile(r"<[A-Za-z!/?]")
FENCE = re.compile(r"^\s*(```|~~~)", re.M)
# pymdownx.snippets' marker (--8<--, also in its block form), which would pull another file in.
SNIPPET = re.compile(r"-+8<-+")
# A footnote's mark or its note ([^1], [^1]: ...): the guide has no footnotes (they would print raw).
FOOTNOTE = re.compile(r"\[\^[^\]]*\]")
# An explicit id in the guide's own pages: {#id}, {: #id }, {: .class #id }.
EXPLICIT_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}")
LONGEST = 4000
BOM = "\ufeff"
# What a section may hold once rendered, and the attributes each element may carry.
ALLOWED = {
    **dict.fromkeys(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "br", "hr"], set()),
    **dict.fromkeys(["table", "thead", "tbody", "tr", "th", "td", "blockquote", "code"], set()),
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
PICTURES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
# Where a section's pictures are published, beside the clinic's logo.
PICTURES_PATH = "assets/clinic/pictures"


class SectionError(Exception):
    def __init__(self, file: Path | str, problem: str, fix: str):
        super().__init__(f"{file}: {problem}. Fix: {fix}")


def symbolic_link(path: Path) -> SectionError:
    """Sections are read only from the clinic's own folder: a link (to a file, to a language's
    folder, or the sections folder itself) could bring in text from anywhere, so none is followed."""
    what = "folder" if path.is_dir() else "file"
    return SectionError(
        path,
        f"is a symbolic link to a {what} ({path.resolve()}); the build follows no links in a clinic's sections",
        f"put the {what} itself in its place (copy it there, then remove the link)",
    )


# Files a file manager leaves in every folder it opens (macOS Finder, Windows Explorer): a clinic
# that edits its sections on a Mac has .DS_Store files it never made and cannot see.
SYSTEM_LITTER = {".DS_Store", "Thumbs.db", "desktop.ini"}


def system_litter(name: str) -> bool:
    return name in SYSTEM_LITTER or name.startswith("._")  # "._x": macOS's copy of x's metadata


def section_files(folder: Path, page_files: list[str], languages: list[str]) -> dict[str, dict[str, Path]]:
    """{lang: {page file: section file}}; the first language's files sit at the top, the others in <lang>/."""
    base, others = languages[0], languages[1:]
    found: dict[str, dict[str, Path]] = {lang: {} for lang in languages}
    for path in sorted(folder.rglob("*")):  # a link to a folder is listed, and not gone into
        if path.is_symlink():
            raise symbolic_link(path)
        if path.is_file() and system_litter(path.name):
            continue  # the file manager's own (Finder, Explorer): not the clinic's, never published
        if path.is_dir() and path.parent == folder and path.name in others:
            continue
        relative = path.relative_to(folder)
        lang = relative.parts[0] if len(relative.parts) == 2 and relative.parts[0] in others else base
        name = relative.name if lang != base else relative.as_posix()
        if not path.is_file() or name not in page_files:
            raise SectionError(
                path,
                "is not a section of a page of the guide",
                f"name it after the page it goes on ({', '.join(page_files)}), "
                f"in {folder} for {base} or in {folder}/<language>/ for "
                f"{', '.join(others) or 'other languages'}; remove anything else",
            )
        found[lang][name] = path
    pages = {name for files in found.values() for name in files}
    for name in sorted(pages):
        for lang in languages:
            if name not in found[lang]:
                where = folder / name if lang == base else folder / lang / name
                raise SectionError(
                    where,
                    f"is missing: the section is there in another language, and the {lang} edition needs its own",
                    f"add the {lang} version of the section",
                )
    return found


class Rendered(HTMLParser):
    """The elements of a rendered section, with their attributes, and each heading's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (tag, [])

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join("".join(self._heading[1]).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._heading[1].append(data)


def rendered(text: str) -> Rendered:
    import markdown

    parser = Rendered()
    parser.feed(markdown.markdown(text, extensions=["abbr", "attr_list", "tables"]))
    return parser


def heading_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(line number, level) of each heading in the Markdown, ATX (##) or setext (a line of = or - under text)."""
    found = []
    for index, line in enumerate(lines):
        if heading := HEADING.match(line):
            found.append((index + 1, len(heading.group(1))))
        elif (underline := SETEXT.match(line)) and index and lines[index - 1].strip():
            previous = lines[index - 1]
            if not HEADING.match(previous) and not re.match(r"\s*([-*+]|\d+[.)])\s", previous):
                found.append((index, 1 if underline.group(1)[0] == "=" else 2))
    return found


def page_ids(markdown_text: str, slugify: Slugify) -> dict[str, str]:
    """{id: heading} of every heading of a guide's page (and each id its Markdown sets)."""
    ids: dict[str, str] = {}
    for line in markdown_text.splitlines():
        if heading := HEADING.match(line):
            title = heading.group(2).strip()
            ids.setdefault(slugify(plain_text(title), "-"), title)
        for explicit in EXPLICIT_ID.findall(line):
            ids.setdefault(explicit, explicit)
    return ids


def plain_text(markdown_text: str) -> str:
    """A heading's words as a reader sees them (no emphasis marks)."""
    found = rendered("## " + markdown_text)
    return found.headings[0][1] if found.headings else markdown_text


def comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def link_problem(href: str) -> str | None:
    address = re.sub(r"[\x00-\x20]", "", html.unescape(href))
    scheme = urlsplit(address).scheme.lower()
    if scheme and scheme not in LINK_SCHEMES:
        return f"links to {href!r}, not to a web page. Fix: link to an https:// address"
    if not scheme and address.startswith(("/", "\\")):
        return f"links to {href!r}. Fix: write the full address, e.g. https://www.yourclinic.org/parking"
    return None


def picture_problem(src: str, section: Path, clinic_folder: Path) -> str | None:
    address = html.unescape(src)
    if urlsplit(address).scheme or address.startswith(("/", "\\")):
        return (
            f"shows a picture from {src!r}, outside the clinic's folder. Fix: put the picture in "
            f"{clinic_folder} and give its path from the section, e.g. ../map.png"
        )
    picture = (section.parent / unquote(address)).resolve()
    if not picture.is_relative_to(clinic_folder.resolve()):
        return (
            f"shows a picture from {src!r}, outside the clinic's folder {clinic_folder}. "
            "Fix: copy the picture into the clinic's folder"
        )
    signature = PICTURES.get(picture.suffix.lower())
    if not signature or not picture.is_file() or not picture.read_bytes().startswith(signature):
        return f"shows {src!r}, which is not a PNG or JPEG file in {clinic_folder}. Fix: use a .png or .jpg picture"
    return None


def checked_section(
    path: Path,
    required_headings: list[str],
    readable: Callable[[str], str],
    ids: dict[str, str] | None = None,
    slugify: Slugify | None = None,
    clinic_folder: Path | None = None,
) -> str:
    """The section's Markdown, or an error naming what breaks the guide's rules. `ids` are the
    page's own ({id: its heading}), `slugify` MkDocs' (toc's) function that makes them, and
    `clinic_folder` the one folder pictures may come from (the sections folder's parent)."""
    from markdown.extensions.toc import slugify as toc_slugify

    slugify = slugify or toc_slugify
    clinic_folder = clinic_folder or path.parent
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SectionError(path, f"cannot be read ({error})", "save it as UTF-8 text") from None
    if text.startswith(BOM):
        raise SectionError(
            path,
            "starts with an invisible byte order mark (BOM), which some editors add",
            'save it as "UTF-8" without BOM (in Notepad: Save as, Encoding: UTF-8)',
        )
    if len(text) > LONGEST:
        raise SectionError(
            path,
            f"is {len(text)} characters long, more than {LONGEST}",
            "keep a clinic's section short: a handout has little room",
        )
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if found := next(invisible_characters(line), None):  # a right-to-left override, a zero-width space...
            raise SectionError(
                path,
                f"line {number} holds an invisible control character ({describe(found[1])})",
                "retype the line without it (it can make the text read differently from what it holds)",
            )
    lines = [line for line in text.splitlines() if line.strip()]
    first = HEADING.match(lines[0]) if lines else None
    if not first or len(first.group(1)) != 2:
        raise SectionError(
            path,
            "does not start with a ## heading",
            "start it with its own heading, e.g. ## Parking and where to check in",
        )
    for number, line in enumerate(text.splitlines(), start=1):
        if tag := HTML.search(line):
            raise SectionError(
                path,
                f"line {number} holds HTML ({line[tag.start() : tag.start() + 12]!r}...)",
                "write plain Markdown: headings, paragraphs, lists and links",
            )
        if note := FOOTNOTE.search(line):
            raise SectionError(
                path,
                f"line {number} holds a footnote ({note.group()}), which the page would show as it is written",
                "write the note in the text itself, as a sentence of its own",
            )
        if SNIPPET.search(line):
            raise SectionError(
                path,
                f"line {number} holds a snippet (--8<--), which would bring another file's text in",
                "write the text itself",
            )
    if FENCE.search(text):
        raise SectionError(path, "holds a code block (``` or ~~~)", "write plain Markdown without code blocks")
    shown = rendered(text)
    for element, attributes in shown.elements:
        if element == "pre":
            raise SectionError(
                path,
                "holds a code block (lines indented by 4 spaces or a tab)",
                "start each line at the left edge (a list item's next lines: 2 spaces)",
            )
        if element not in ALLOWED:
            raise SectionError(path, f"holds a <{element}> element", "write words, lists, tables, links and pictures")
        if extra := sorted(set(attributes) - ALLOWED[element]):
            raise SectionError(
                path,
                f"gives {'a picture' if element == 'img' else 'an element'} the attribute(s) {', '.join(extra)} "
                "(an attribute list, {: ...} or { ... })",
                "remove the braces and what is in them: the guide sets ids, classes and styles itself",
            )
        if element == "a" and (problem := link_problem(attributes.get("href", ""))):
            raise SectionError(path, problem.split(". Fix: ")[0], problem.split(". Fix: ")[1])
        if element == "img" and (problem := picture_problem(attributes.get("src", ""), path, clinic_folder)):
            raise SectionError(path, problem.split(". Fix: ")[0], problem.split(". Fix: ")[1])
    places = heading_lines(text.splitlines())
    required = {comparable(heading): heading for heading in required_headings}
    for index, (level, words) in enumerate(shown.headings):
        where = f"line {places[index][0]}" if len(places) == len(shown.headings) else f"the heading {words!r}"
        if level == "h1":
            raise SectionError(path, f"{where} is a page title (# or a line of === under it)", "use ## or ### headings")
        slug = slugify(words, "-")
        same = required.get(comparable(words)) or (ids or {}).get(slug)
        if same:
            raise SectionError(
                path,
                f"{where} repeats the page's own heading '{same}'",
                "give the clinic's section a heading of its own",
            )
        if slug.startswith("_") or not slug:
            raise SectionError(path, f"{where} has no words a reader could find it by", "give it a heading in words")
    if problem := readable(text):
        raise SectionError(path, f"reads too hard ({problem})", "use shorter sentences and shorter, everyday words")
    return text.strip() + "\n"


def published_pictures(text: str, section: Path, clinic_folder: Path) -> tuple[str, dict[str, Path]]:
    """The section with each picture's path rewritten to where the site publishes it, and
    {path in the site: the picture}. Checked by checked_section first."""
    pictures: dict[str, Path] = {}

    def move(match: re.Match[str]) -> str:
        source = (section.parent / unquote(html.unescape(match.group(2)))).resolve()
        published = f"{PICTURES_PATH}/{source.relative_to(clinic_folder.resolve()).as_posix()}"
        pictures[published] = source
        return match.group(1) + published

    for _, attributes in (item for item in rendered(text).elements if item[0] == "img"):
        src = attributes.get("src", "")
        text = re.sub(r"((?:\]\(|\]:)\s*<?)(" + re.escape(src) + r")(?=[\s>)]|$)", move, text, flags=re.M)
    return text, pictures
