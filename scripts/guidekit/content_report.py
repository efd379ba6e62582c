"""Check pages against the manifest: pages, sections, facts, sources, reading grade."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .manifest import Fact, Manifest, ManifestError
from .markdown_text import Page, Unit, parse_page
from .readability import as_sentences, reading_grades


@dataclass
class Finding:
    kind: str  # page, section, fact, source, grade
    id: str
    page: str
    file: str
    ok: bool
    line: int = 0
    detail: str = ""
    matches: list[list[int]] = field(default_factory=list)  # [start, end] lines of each unit that carries it


def fact_matches(fact: Fact, units: list[Unit], use_sections: bool = True) -> list[Unit]:
    """Units that hold every pattern of the fact (in the fact's section, if it names one)."""
    found = []
    for unit in units:
        if use_sections and fact.section and unit.section != fact.section:
            continue
        if all(pattern.search(unit.text) for pattern in fact.together):
            found.append(unit)
    return found


def load_pages(manifest: Manifest) -> dict[str, Page]:
    pages = {}
    for spec in manifest.pages.values():
        path = manifest.docs_dir / spec.file
        try:
            pages[spec.id] = parse_page(path.read_text(encoding="utf-8"), spec.file)
        except Exception as error:  # YAML front matter that does not parse is bad input
            raise ManifestError(path, "front matter", "", f"cannot be read ({error})",
                                "fix the YAML between the --- lines") from None
    return pages


def check(manifest: Manifest) -> list[Finding]:
    pages = load_pages(manifest)
    findings: list[Finding] = []
    grades = reading_grades({key: as_sentences(page.prose()) for key, page in pages.items()})
    for spec in manifest.pages.values():
        page = pages[spec.id]
        reviewed = page.meta.get("reviewed")
        findings.append(Finding("page", spec.id, spec.id, spec.file, isinstance(reviewed, dt.date), 1,
                                f"last reviewed {reviewed}" if isinstance(reviewed, dt.date)
                                else "front matter needs 'reviewed: YYYY-MM-DD'"))
        grade = grades[spec.id]
        findings.append(Finding("grade", spec.id, spec.id, spec.file, grade <= manifest.reading_grade_max, 0,
                                f"{grade} (max {manifest.reading_grade_max})"))
        headings = {h.text.casefold(): h for h in page.headings()}
        for section in spec.sections:
            heading = headings.get(" ".join(section.split()).casefold())
            findings.append(Finding("section", section, spec.id, spec.file, heading is not None,
                                    heading.line if heading else 0))
    for fact in manifest.facts:
        spec = manifest.pages[fact.page]
        units = fact_matches(fact, pages[fact.page].units)
        where = f" under '{fact.section}'" if fact.section else ""
        findings.append(Finding(
            "fact", fact.id, fact.page, spec.file, bool(units), units[0].line if units else 0,
            fact.text if units else f"{fact.text} | needs together in one paragraph or list item{where}: "
            + ", ".join(p.pattern for p in fact.together),
            [[u.line, u.end_line] for u in units]))
    cited = {source for fact in manifest.facts for source in fact.sources}
    sources_page = pages[manifest.sources_page]
    sources_file = manifest.pages[manifest.sources_page].file
    for source_id in sorted(cited):
        source = manifest.sources[source_id]
        units = [u for u in sources_page.units if source.shown.search(u.text)]
        findings.append(Finding("source", source_id, manifest.sources_page, sources_file, bool(units),
                                units[0].line if units else 0, source.cite,
                                [[u.line, u.end_line] for u in units]))
    return findings


def as_dicts(findings: list[Finding]) -> list[dict]:
    return [asdict(f) for f in findings]


def facts_for(manifest: Manifest, phases: list[str]) -> list[Fact]:
    """The facts a printout must carry: all of them, or those of the given pages and handouts."""
    if not phases:
        return list(manifest.facts)
    return [f for f in manifest.facts if f.page in phases or set(f.handouts) & set(phases)]


def check_units(manifest: Manifest, units: list[Unit], label: str, phases: list[str]) -> list[Finding]:
    """Sections and facts in text that has no Markdown structure (a PDF).

    A fact's section is not known there, so only its words are checked.
    """
    findings = []
    pages = [spec for spec in manifest.pages.values() if not phases or spec.id in phases]
    text = " ".join(unit.text for unit in units).casefold()
    for spec in pages:
        for section in spec.sections:
            present = " ".join(section.split()).casefold() in text
            findings.append(Finding("section", section, spec.id, label, present))
    for fact in facts_for(manifest, phases):
        found = fact_matches(fact, units, use_sections=False)
        findings.append(Finding("fact", fact.id, fact.page, label, bool(found), found[0].line if found else 0,
                                fact.text if found else f"{fact.text} | needs together: "
                                + ", ".join(p.pattern for p in fact.together),
                                [[u.line, u.end_line] for u in found]))
    return findings
