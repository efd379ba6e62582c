"""Text written once and shared by several pages: pymdown snippets, put in at the Markdown stage.

The warning signs are written once per language (`docs/includes/warning-signs.md`,
`warning-signs.es.md`) and every page that lists them says
`--8<-- "warning-signs.md:emergency"`. pymdown would put the text in only when the
Markdown is converted, after the build's hooks: the clinic's emergency number, the
content check and search would not see the signs. So each snippet line is expanded
here first, by pymdown's own preprocessor (the same syntax, sections and errors), and
every line of the result remembers where it came from, so that the content check can
name the include's file and line for a fact written there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from markdown import Markdown
from pymdownx.snippets import SnippetMissingError

# Folder of the shared texts, below the docs folder (mkdocs.yml: pymdownx.snippets base_path).
INCLUDES = "includes"
# A block snippet line: `--8<-- "file.md"` or `--8<-- "file.md:section"`, indented or not.
SNIPPET_LINE = re.compile(r"^(?P<indent>[ \t]*)-{1,3}8<-{1,3}[ \t]+([\"'])(?P<target>[^\"']+)\2[ \t]*$")
SECTION_START = "[start:{}]"


class SharedTextError(Exception):
    """A snippet that names a missing file or section: the page, its line, and the fix."""


@dataclass(frozen=True)
class Origin:
    """Where one line of an expanded page was written."""

    file: str  # "" for the page itself, else the include's path below the docs folder
    line: int  # the line in that file
    page_line: int  # the page's own line that brought it in


class LinePreprocessor(Protocol):
    """A Python-Markdown preprocessor (Markdown ships no types): lines in, lines out."""

    def run(self, lines: list[str]) -> list[str]: ...


@dataclass(frozen=True)
class Expanded:
    text: str
    origins: list[Origin]


def _preprocessor(base_paths: Sequence[Path]) -> LinePreprocessor:
    """pymdown's snippet preprocessor, configured as the site's (without its auto-appended files)."""
    md = Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(p) for p in base_paths], "check_paths": True}},
    )
    snippets: LinePreprocessor = md.preprocessors["snippet"]
    return snippets


def _first_line(base_paths: Sequence[Path], target: str) -> tuple[str, int]:
    """The include file (below the docs folder) and the line number of its first included line."""
    name, _, section = target.partition(":")
    for base in base_paths:
        path = Path(base) / name
        if path.is_file():
            label = f"{INCLUDES}/{name}"
            if not section:
                return label, 1
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if SECTION_START.format(section) in line:
                    return label, number + 1
    return name, 0


def expand(text: str, base_paths: Sequence[Path], where: str) -> Expanded:
    """The page with every block snippet line replaced by the text it names."""
    if "8<-" not in text:  # most pages share nothing: no Markdown instance to make
        lines = text.split("\n")
        return Expanded(text, [Origin("", n, n) for n in range(1, len(lines) + 1)])
    preprocessor = _preprocessor(base_paths)
    out: list[str] = []
    origins: list[Origin] = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = SNIPPET_LINE.match(line)
        if not match:
            out.append(line)
            origins.append(Origin("", number, number))
            continue
        try:
            lines = preprocessor.run([line])
        except SnippetMissingError as error:
            raise SharedTextError(
                f"{where}:{number}: {error}. Fix: name a file in docs/{INCLUDES}/ and one of its "
                "<!-- --8<-- [start:NAME] --> sections"
            ) from None
        file, first = _first_line(base_paths, match["target"])
        out.extend(lines)
        origins.extend(Origin(file, first + k, number) for k in range(len(lines)))
    return Expanded("\n".join(out), origins)
