"""Load the content manifest and reject a malformed one with a clear message.

Every error names the file, the entry and the field, and says how to fix it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

# libyaml's parser where PyYAML has it: the manifest is long and the check should be quick.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FORMULAS = {"flesch_kincaid_grade": "max", "fernandez_huerta": "min"}
# Scores reported beside a language's gate, never gating: each with its bands, from the lowest
# score up (INFLESZ: Barrio-Cantalejo 2008, the scale Spanish health-education studies use).
REPORTED = {
    "inflesz": [
        (40, "very hard"),
        (55, "somewhat hard"),
        (65, "normal"),
        (80, "fairly easy"),
        (float("inf"), "very easy"),
    ],
}
EMERGENCY = re.compile(r"\b911\b")
# A mapping as YAML gives it: any key, any value, each checked before it is used.
YamlMapping = dict[Any, Any]
T = TypeVar("T")


class ManifestError(Exception):
    """Bad input: the checker exits 2 with this message."""

    def __init__(self, file: Path | str, entry: str, field_name: str, problem: str, fix: str):
        self.file, self.entry, self.field, self.problem, self.fix = file, entry, field_name, problem, fix
        where = f"{entry}, field '{field_name}'" if field_name else entry
        super().__init__(f"{file}: {where}: {problem}. Fix: {fix}")


@dataclass
class Language:
    code: str
    path: Path  # the folder with this language's pages
    formula: str
    limit: float
    report: list[str] = field(default_factory=list)  # scores shown beside the gate (REPORTED)

    def reads_easily(self, score: float) -> bool:
        return score <= self.limit if FORMULAS[self.formula] == "max" else score >= self.limit

    def limit_text(self) -> str:
        return f"{FORMULAS[self.formula]} {self.limit}"


def band(formula: str, score: float) -> str:
    """The words a reported score's scale gives it ("fairly easy")."""
    return next(words for below, words in REPORTED[formula] if score < below)


@dataclass
class PageSpec:
    id: str
    file: str
    sections: dict[str, list[str]]


@dataclass
class Source:
    id: str
    cite: str
    shown: dict[str, re.Pattern[str]]


@dataclass
class Fact:
    id: str
    page: str
    text: str
    together: dict[str, list[re.Pattern[str]]]
    section: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    handouts: list[str] = field(default_factory=list)


@dataclass
class WarningSigns:
    """The one text of warning signs per language, and how to tell a sign and its action on a page."""

    file: dict[str, str]  # language -> the shared text, below the docs folder's includes/
    words: dict[str, re.Pattern[str]]  # language -> words that name a sign
    actions: dict[str, dict[str, re.Pattern[str]]]  # section of the shared text -> language -> what the list says to do


@dataclass
class Manifest:
    path: Path
    docs_dir: Path
    sources_page: str
    languages: dict[str, Language]
    pages: dict[str, PageSpec]
    sources: dict[str, Source]
    facts: list[Fact]
    warning_signs: WarningSigns | None = None
    emergency_number: str = "911"  # what the build writes for 911 (its patterns already say it)

    def set_docs_dir(self, docs_dir: Path) -> None:
        """Check pages in another folder (a copy of docs/), keeping each language's sub-folder."""
        for language in self.languages.values():
            language.path = docs_dir / language.path.relative_to(self.docs_dir)
        self.docs_dir = docs_dir


TOP_FIELDS = {"docs_dir", "sources_page", "languages", "pages", "sources", "facts", "warning_signs"}
SIGNS_FIELDS = {"file", "words", "actions"}
LANGUAGE_FIELDS = {"dir", "reading"}
PAGE_FIELDS = {"file", "sections"}
SOURCE_FIELDS = {"cite", "shown"}
FACT_FIELDS = {"id", "page", "text", "together", "section", "source", "handouts"}


def _require(mapping: YamlMapping, name: str, kind: type[T], file: Path | str, entry: str, fix: str) -> T:
    if name not in mapping:
        raise ManifestError(file, entry, name, "is missing", fix)
    value = mapping[name]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise ManifestError(file, entry, name, f"must be a non-empty {kind.__name__}, not {value!r}", fix)
    return value


def _no_unknown(mapping: YamlMapping, allowed: set[str], file: Path | str, entry: str) -> None:
    unknown = sorted(set(mapping) - allowed, key=str)
    if unknown:
        raise ManifestError(
            file,
            entry,
            str(unknown[0]),
            "is not a known field",
            f"remove it or use one of: {', '.join(sorted(allowed))}",
        )


# The manifest holds more patterns than `re` keeps compiled (512), so without a cache of its own
# every load (several per build, one per content check) compiled each of them again.
@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _compile(pattern: object, file: Path | str, entry: str, name: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise ManifestError(
            file, entry, name, f"pattern {pattern!r} is not a non-empty string", "write each pattern as a quoted string"
        )
    try:
        return _compiled(pattern)
    except re.error as error:
        raise ManifestError(
            file,
            entry,
            name,
            f"pattern {pattern!r} does not compile ({error})",
            "escape special characters such as ( ) [ ] . ? with a backslash",
        ) from None


def _per_language(
    mapping: YamlMapping,
    name: str,
    languages: dict[str, Language],
    file: Path | str,
    entry: str,
    fix: str,
    required: bool = True,
) -> YamlMapping:
    """A field that holds one value for each language of the guide."""
    if name not in mapping and not required:
        return {}
    value = _require(mapping, name, dict, file, entry, fix)
    unknown = sorted(set(value) - set(languages), key=str)
    if unknown:
        raise ManifestError(
            file,
            entry,
            f"{name}.{unknown[0]}",
            "is not a language of the guide",
            f"remove it or use one of: {', '.join(languages)}",
        )
    for code in languages:
        if code not in value:
            raise ManifestError(file, entry, f"{name}.{code}", "is missing", f"add the {code} version: {fix}")
    return value


def _load_yaml(path: Path, emergency_number: str) -> object:
    try:
        text = path.read_text(encoding="utf-8")
        # 911 in the manifest, as on the pages, is the emergency number the build uses.
        text = EMERGENCY.sub(emergency_number, text) if emergency_number != "911" else text
        data: object = yaml.load(text, Loader=SAFE_LOADER)
        return data
    except FileNotFoundError:
        raise ManifestError(path, "file", "", "does not exist", "pass the path of the content manifest") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ManifestError(
            path,
            "file",
            "",
            f"is not valid YAML{where} ({problem})",
            "check the indentation and quoting near that line",
        ) from None


def _languages(raw: YamlMapping, path: Path, docs_dir: Path) -> dict[str, Language]:
    languages = {}
    for code, spec in _require(
        raw, "languages", dict, path, "top level", "list the guide's languages under 'languages:'"
    ).items():
        entry = f"languages.{code}"
        if not isinstance(spec, dict):
            raise ManifestError(path, entry, "", "must be a mapping with 'dir' and 'reading'", "see the English entry")
        _no_unknown(spec, LANGUAGE_FIELDS, path, entry)
        folder = docs_dir / _require(spec, "dir", str, path, entry, "give the pages' folder inside docs_dir")
        if not folder.is_dir():
            raise ManifestError(path, entry, "dir", f"{folder} is not a folder", "fix the folder name")
        reading = _require(spec, "reading", dict, path, entry, "give {formula: ..., max: ...} or {..., min: ...}")
        formula = reading.get("formula")
        if formula not in FORMULAS:
            raise ManifestError(
                path, entry, "reading.formula", f"unknown formula {formula!r}", f"use one of: {', '.join(FORMULAS)}"
            )
        bound = FORMULAS[formula]
        limit = reading.get(bound)
        if isinstance(limit, bool) or not isinstance(limit, (int, float)):
            raise ManifestError(
                path,
                entry,
                f"reading.{bound}",
                f"must be a number, not {limit!r}",
                f"give the {bound}imum score {formula} allows",
            )
        report = reading.get("report", [])
        if not isinstance(report, list) or any(name not in REPORTED for name in report):
            raise ManifestError(
                path,
                entry,
                "reading.report",
                f"must be a list of scores to show, not {report!r}",
                f"list any of: {', '.join(REPORTED)}",
            )
        languages[str(code)] = Language(str(code), folder, formula, float(limit), list(report))
    return languages


def load_manifest(path: Path, emergency_number: str = "911") -> Manifest:
    """The manifest, its patterns and headings written for the build's emergency number."""
    path = Path(path)
    raw = _load_yaml(path, emergency_number)
    if not isinstance(raw, dict):
        raise ManifestError(path, "file", "", "must be a YAML mapping", "start from the example in README.md")
    _no_unknown(raw, TOP_FIELDS, path, "top level")
    docs_dir = (
        path.parent
        / _require(
            raw, "docs_dir", str, path, "top level", "set docs_dir to the pages folder, relative to the manifest"
        )
    ).resolve()
    languages = _languages(raw, path, docs_dir)

    pages: dict[str, PageSpec] = {}
    raw_pages = _require(raw, "pages", dict, path, "top level", "list the required pages under 'pages:'")
    for page_id, spec in raw_pages.items():
        entry = f"pages.{page_id}"
        if not isinstance(spec, dict):
            raise ManifestError(
                path, entry, "", "must be a mapping with 'file' and 'sections'", "see the other pages for the shape"
            )
        _no_unknown(spec, PAGE_FIELDS, path, entry)
        file = _require(
            spec, "file", str, path, entry, "give the page's Markdown file, relative to its language folder"
        )
        for language in languages.values():
            if not (language.path / file).is_file():
                raise ManifestError(
                    path,
                    entry,
                    "file",
                    f"{language.path / file} does not exist",
                    f"fix the file name or add the {language.code} page",
                )
        sections = _per_language(spec, "sections", languages, path, entry, "list the page's required headings")
        for code, headings in sections.items():
            if not isinstance(headings, list) or not all(isinstance(s, str) and s.strip() for s in headings):
                raise ManifestError(
                    path,
                    entry,
                    f"sections.{code}",
                    "must be a list of non-empty strings",
                    "write each heading as a quoted string",
                )
        pages[str(page_id)] = PageSpec(str(page_id), file, sections)

    sources: dict[str, Source] = {}
    for source_id, spec in (raw.get("sources") or {}).items():
        entry = f"sources.{source_id}"
        if not isinstance(spec, dict):
            raise ManifestError(path, entry, "", "must be a mapping with 'cite' and 'shown'", "see the other sources")
        _no_unknown(spec, SOURCE_FIELDS, path, entry)
        cite = _require(spec, "cite", str, path, entry, "give the full citation")
        shown = _per_language(
            spec, "shown", languages, path, entry, "give a pattern that finds the source on the sources page"
        )
        sources[str(source_id)] = Source(
            str(source_id), cite, {code: _compile(p, path, entry, f"shown.{code}") for code, p in shown.items()}
        )

    sources_page = _require(raw, "sources_page", str, path, "top level", "name the page that lists the sources")
    if sources_page not in pages:
        raise ManifestError(
            path, "top level", "sources_page", f"unknown page {sources_page!r}", f"use one of: {', '.join(pages)}"
        )

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
            raise ManifestError(
                path, entry, "id", f"duplicate id, first used at {first_seen[fact_id]}", "give every fact its own ID"
            )
        first_seen[fact_id] = f"facts[{index}]"
        page = _require(spec, "page", str, path, entry, "name the page the fact belongs on")
        if page not in pages:
            raise ManifestError(path, entry, "page", f"unknown page {page!r}", f"use one of: {', '.join(pages)}")
        text = _require(spec, "text", str, path, entry, "state the fact in one sentence")
        fix = "list, for each language, the patterns that must appear together in one paragraph or list item"
        raw_together = _per_language(spec, "together", languages, path, entry, fix)
        together = {}
        for code, patterns in raw_together.items():
            if not isinstance(patterns, list) or not patterns:
                raise ManifestError(path, entry, f"together.{code}", f"must be a non-empty list, not {patterns!r}", fix)
            together[code] = [_compile(p, path, entry, f"together.{code}") for p in patterns]
        section = _per_language(
            spec, "section", languages, path, entry, "give the heading, or leave out 'section'", required=False
        )
        for code, heading in section.items():
            if heading not in pages[page].sections[code]:
                raise ManifestError(
                    path,
                    entry,
                    f"section.{code}",
                    f"{heading!r} is not a required section of page {page!r}",
                    "add the heading to that page's sections, or fix the spelling",
                )
        cited = spec.get("source", [])
        cited = [cited] if isinstance(cited, str) else cited
        if not isinstance(cited, list) or not all(isinstance(s, str) for s in cited):
            raise ManifestError(
                path,
                entry,
                "source",
                f"{cited!r} must be a source ID or a list of them",
                f"use IDs from: {', '.join(sources)}",
            )
        for source in cited:
            if source not in sources:
                raise ManifestError(
                    path,
                    entry,
                    "source",
                    f"unknown source {source!r}",
                    f"use one of: {', '.join(sources)}, or add it under 'sources:'",
                )
        handouts = spec.get("handouts", [])
        if not isinstance(handouts, list) or any(h not in pages for h in handouts):
            raise ManifestError(
                path,
                entry,
                "handouts",
                f"{handouts!r} must be a list of page IDs",
                f"use page IDs from: {', '.join(pages)}",
            )
        facts.append(Fact(fact_id, page, text, together, section, cited, handouts))

    return Manifest(
        path,
        docs_dir,
        sources_page,
        languages,
        pages,
        sources,
        facts,
        _warning_signs(raw, path, languages),
        emergency_number,
    )


def _warning_signs(raw: YamlMapping, path: Path, languages: dict[str, Language]) -> WarningSigns | None:
    if "warning_signs" not in raw:
        return None
    entry = "warning_signs"
    spec = _require(raw, entry, dict, path, "top level", "give file, words and actions")
    _no_unknown(spec, SIGNS_FIELDS, path, entry)
    files = _per_language(spec, "file", languages, path, entry, "name the shared text in docs/includes/")
    words = _per_language(spec, "words", languages, path, entry, "give a pattern of the words that name a sign")
    actions = _require(spec, "actions", dict, path, entry, "give each section of the shared text its action")
    return WarningSigns(
        files,
        {code: _compile(words[code], path, entry, f"words.{code}") for code in languages},
        {
            section: {
                code: _compile(pattern, path, entry, f"actions.{section}.{code}")
                for code, pattern in _per_language(
                    actions, section, languages, path, entry, "give a pattern of what the list says to do"
                ).items()
            }
            for section in actions
        },
    )


def for_emergency_number(manifest: Manifest, emergency_number: str) -> Manifest:
    """A copy of the manifest as load_manifest(path, emergency_number) reads it (each 911 in its
    texts, headings and patterns written as the build's number), without reading the file again."""
    renumbered: Manifest = _renumbered(manifest, emergency_number)
    return renumbered


def _renumbered(value: Any, number: str) -> Any:
    if isinstance(value, str):
        return EMERGENCY.sub(number, value)
    if isinstance(value, re.Pattern):
        return re.compile(EMERGENCY.sub(number, value.pattern), value.flags)
    if isinstance(value, dict):
        return {_renumbered(key, number): _renumbered(inner, number) for key, inner in value.items()}
    if isinstance(value, list):
        return [_renumbered(inner, number) for inner in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _renumbered(getattr(value, f.name), number) for f in dataclasses.fields(value)}
        )
    return value  # paths and numbers: as they are
