"""Load the content manifest and reject a malformed one with a clear message.

Every error names the file, the entry and the field, and says how to fix it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class ManifestError(Exception):
    """Bad input: the checker exits 2 with this message."""

    def __init__(self, file: Path | str, entry: str, field_name: str, problem: str, fix: str):
        self.file, self.entry, self.field, self.problem, self.fix = file, entry, field_name, problem, fix
        where = f"{entry}, field '{field_name}'" if field_name else entry
        super().__init__(f"{file}: {where}: {problem}. Fix: {fix}")


@dataclass
class PageSpec:
    id: str
    file: str
    sections: list[str]


@dataclass
class Source:
    id: str
    cite: str
    shown: re.Pattern


@dataclass
class Fact:
    id: str
    page: str
    text: str
    together: list[re.Pattern]
    section: str = ""
    sources: list[str] = field(default_factory=list)
    handouts: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    path: Path
    docs_dir: Path
    reading_grade_max: float
    sources_page: str
    pages: dict[str, PageSpec]
    sources: dict[str, Source]
    facts: list[Fact]


TOP_FIELDS = {"docs_dir", "reading_grade_max", "sources_page", "pages", "sources", "facts"}
PAGE_FIELDS = {"file", "sections"}
SOURCE_FIELDS = {"cite", "shown"}
FACT_FIELDS = {"id", "page", "text", "together", "section", "source", "handouts"}


def _require(mapping: dict, name: str, kind: type, file, entry: str, fix: str):
    if name not in mapping:
        raise ManifestError(file, entry, name, "is missing", fix)
    value = mapping[name]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise ManifestError(file, entry, name, f"must be a non-empty {kind.__name__}, not {value!r}", fix)
    return value


def _no_unknown(mapping: dict, allowed: set, file, entry: str) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise ManifestError(file, entry, unknown[0], "is not a known field",
                            f"remove it or use one of: {', '.join(sorted(allowed))}")


def _compile(pattern, file, entry: str, name: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern.strip():
        raise ManifestError(file, entry, name, f"pattern {pattern!r} is not a non-empty string",
                            "write each pattern as a quoted string")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ManifestError(file, entry, name, f"pattern {pattern!r} does not compile ({error})",
                            "escape special characters such as ( ) [ ] . ? with a backslash") from None


def load_manifest(path: Path) -> Manifest:
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(path, "file", "", "does not exist", "pass the path of the content manifest") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ManifestError(path, "file", "", f"is not valid YAML{where} ({problem})",
                            "check the indentation and quoting near that line") from None
    if not isinstance(raw, dict):
        raise ManifestError(path, "file", "", "must be a YAML mapping", "start from the example in README.md")
    _no_unknown(raw, TOP_FIELDS, path, "top level")

    docs_dir = (path.parent / _require(raw, "docs_dir", str, path, "top level",
                                       "set docs_dir to the pages folder, relative to the manifest")).resolve()
    grade = raw.get("reading_grade_max")
    if isinstance(grade, bool) or not isinstance(grade, (int, float)):
        raise ManifestError(path, "top level", "reading_grade_max", f"must be a number, not {grade!r}",
                            "set it to the highest Flesch-Kincaid grade allowed, e.g. 6.0")

    pages: dict[str, PageSpec] = {}
    raw_pages = _require(raw, "pages", dict, path, "top level", "list the required pages under 'pages:'")
    for page_id, spec in raw_pages.items():
        entry = f"pages.{page_id}"
        if not isinstance(spec, dict):
            raise ManifestError(path, entry, "", "must be a mapping with 'file' and 'sections'",
                                "see the other pages for the shape")
        _no_unknown(spec, PAGE_FIELDS, path, entry)
        file = _require(spec, "file", str, path, entry, "give the page's Markdown file, relative to docs_dir")
        if not (docs_dir / file).is_file():
            raise ManifestError(path, entry, "file", f"{docs_dir / file} does not exist",
                                "fix the file name or add the page")
        sections = _require(spec, "sections", list, path, entry, "list the page's required headings")
        if not all(isinstance(s, str) and s.strip() for s in sections):
            raise ManifestError(path, entry, "sections", "every section must be a non-empty string",
                                "write each heading as a quoted string")
        pages[str(page_id)] = PageSpec(str(page_id), file, sections)

    sources: dict[str, Source] = {}
    for source_id, spec in (raw.get("sources") or {}).items():
        entry = f"sources.{source_id}"
        if not isinstance(spec, dict):
            raise ManifestError(path, entry, "", "must be a mapping with 'cite' and 'shown'", "see the other sources")
        _no_unknown(spec, SOURCE_FIELDS, path, entry)
        cite = _require(spec, "cite", str, path, entry, "give the full citation")
        shown = _compile(_require(spec, "shown", str, path, entry,
                                  "give a pattern that finds the source on the sources page"), path, entry, "shown")
        sources[str(source_id)] = Source(str(source_id), cite, shown)

    sources_page = _require(raw, "sources_page", str, path, "top level", "name the page that lists the sources")
    if sources_page not in pages:
        raise ManifestError(path, "top level", "sources_page", f"unknown page {sources_page!r}",
                            f"use one of: {', '.join(pages)}")

    facts: list[Fact] = []
    first_seen: dict[str, str] = {}
    raw_facts = _require(raw, "facts", list, path, "top level", "list the required facts under 'facts:'")
    for index, spec in enumerate(raw_facts):
        entry = f"facts[{index}]"
        if not isinstance(spec, dict):
            raise ManifestError(path, entry, "", "must be a mapping", "start the entry with '- id: ...'")
        fact_id = _require(spec, "id", str, path, entry, "give the fact's ID from the fact sheet")
        entry = f"facts[{index}] ({fact_id})"
        _no_unknown(spec, FACT_FIELDS, path, entry)
        if fact_id in first_seen:
            raise ManifestError(path, entry, "id", f"duplicate id, first used at {first_seen[fact_id]}",
                                "give every fact its own ID")
        first_seen[fact_id] = f"facts[{index}]"
        page = _require(spec, "page", str, path, entry, "name the page the fact belongs on")
        if page not in pages:
            raise ManifestError(path, entry, "page", f"unknown page {page!r}", f"use one of: {', '.join(pages)}")
        text = _require(spec, "text", str, path, entry, "state the fact in one sentence")
        patterns = _require(spec, "together", list, path, entry,
                            "list the patterns that must appear together in one paragraph or list item")
        if not patterns:
            raise ManifestError(path, entry, "together", "is empty", "list at least one pattern")
        together = [_compile(p, path, entry, "together") for p in patterns]
        section = spec.get("section", "")
        if section and section not in pages[page].sections:
            raise ManifestError(path, entry, "section", f"{section!r} is not a required section of page {page!r}",
                                "add the heading to that page's sections, or fix the spelling")
        cited = spec.get("source", [])
        cited = [cited] if isinstance(cited, str) else cited
        if not isinstance(cited, list) or not all(isinstance(s, str) for s in cited):
            raise ManifestError(path, entry, "source", f"{cited!r} must be a source ID or a list of them",
                                f"use IDs from: {', '.join(sources)}")
        for source in cited:
            if source not in sources:
                raise ManifestError(path, entry, "source", f"unknown source {source!r}",
                                    f"use one of: {', '.join(sources)}, or add it under 'sources:'")
        handouts = spec.get("handouts", [])
        if not isinstance(handouts, list) or any(h not in pages for h in handouts):
            raise ManifestError(path, entry, "handouts", f"{handouts!r} must be a list of page IDs",
                                f"use page IDs from: {', '.join(pages)}")
        facts.append(Fact(fact_id, page, text, together, section, cited, handouts))

    return Manifest(path, docs_dir, float(grade), sources_page, pages, sources, facts)
