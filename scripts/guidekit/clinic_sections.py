"""A clinic's own sections ("Parking and where to check in"), as Markdown in the clinic's folder.

The folder mirrors docs/: `before.md` adds a section to the English Before
page, `es/before.md` to the Spanish one. A section is added to its page, it
never replaces anything, and it is held to the guide's rules: it starts with
its own `##` heading, reads at the guide's level, and holds no HTML or code
block (either could hide the page's own text from a reader while the check
still saw it). Its links are checked by MkDocs' strict build, like the page's.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import describe, invisible_characters

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*#*\s*$")
HTML = re.compile(r"<[A-Za-z!/?]")
FENCE = re.compile(r"^\s*(```|~~~)", re.M)
LONGEST = 4000


class SectionError(Exception):
    def __init__(self, file: Path | str, problem: str, fix: str):
        super().__init__(f"{file}: {problem}. Fix: {fix}")


def section_files(folder: Path, page_files: list[str], languages: list[str]) -> dict[str, dict[str, Path]]:
    """{lang: {page file: section file}}; the first language's files sit at the top, the others in <lang>/."""
    base, others = languages[0], languages[1:]
    found: dict[str, dict[str, Path]] = {lang: {} for lang in languages}
    for path in sorted(folder.rglob("*")):
        if path.is_dir() and path.parent == folder and path.name in others:
            continue
        relative = path.relative_to(folder)
        lang = relative.parts[0] if len(relative.parts) == 2 and relative.parts[0] in others else base
        name = relative.name if lang != base else relative.as_posix()
        if path.is_symlink() or not path.is_file() or name not in page_files:
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


def checked_section(path: Path, required_headings: list[str], readable) -> str:
    """The section's Markdown, or an error naming what breaks the guide's rules."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SectionError(path, f"cannot be read ({error})", "save it as UTF-8 text") from None
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
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            raise SectionError(path, f"line {number} is a page title (#)", "use ## or ### headings")
        if heading and " ".join(heading.group(2).split()).casefold() in {h.casefold() for h in required_headings}:
            raise SectionError(
                path,
                f"line {number} repeats the page's own heading '{heading.group(2)}'",
                "give the clinic's section a heading of its own",
            )
        if tag := HTML.search(line):
            raise SectionError(
                path,
                f"line {number} holds HTML ({line[tag.start() : tag.start() + 12]!r}...)",
                "write plain Markdown: headings, paragraphs, lists and links",
            )
    if FENCE.search(text):
        raise SectionError(path, "holds a code block (``` or ~~~)", "write plain Markdown without code blocks")
    if problem := readable(text):
        raise SectionError(path, f"reads too hard ({problem})", "use shorter sentences and shorter, everyday words")
    return text.strip() + "\n"
