"""Check pages against the manifest: pages, sections, facts, sources, readability."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .manifest import Fact, Manifest, ManifestError, band
from .markdown_text import Page, Unit, parse_page
from .readability import as_sentences, reading_scores
from .review_date import future_review
from .shared_text import INCLUDES, SharedTextError, expand
from .warning_signs import problems as sign_problems


@dataclass
class Finding:
    kind: str  # page, reading, section, fact, source
    id: str
    page: str
    file: str
    ok: bool
    lang: str = "en"
    line: int = 0
    detail: str = ""
    matches: list[list[int]] = field(default_factory=list)  # [start, end] lines of each unit that carries it
    # Where each match's lines were written: [file, line] pairs, file "" for the page itself, else
    # the shared text it includes (`matches` count lines of the page with its shared texts put in).
    match_origins: list[list[list[str | int]]] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # a reading finding's scores, by formula


def fact_matches(fact: Fact, lang: str, units: list[Unit], use_sections: bool = True) -> list[Unit]:
    """Units that hold every pattern of the fact (in the fact's section, if it names one)."""
    section = fact.section.get(lang, "") if use_sections else ""
    return [
        unit
        for unit in units
        if (not section or unit.section == section)
        and all(pattern.search(unit.text) for pattern in fact.together[lang])
    ]


def load_pages(manifest: Manifest, lang: str, sources: dict[str, str] | None = None) -> dict[str, Page]:
    """Each page's units, from `sources` (file -> the text as a build made it) or else from its file."""
    pages = {}
    for spec in manifest.pages.values():
        path = manifest.languages[lang].path / spec.file
        try:
            text = sources[spec.file] if sources and spec.file in sources else path.read_text(encoding="utf-8")
            expanded = expand(text, [manifest.docs_dir / INCLUDES], str(path))
            pages[spec.id] = parse_page(expanded.text, spec.file)
            pages[spec.id].origins = expanded.origins
        except SharedTextError as error:
            raise ManifestError(path, "shared text", "", str(error), "fix the snippet line") from None
        except FileNotFoundError:
            raise ManifestError(path, "pages", spec.id, "does not exist", f"add the {lang} page") from None
        except Exception as error:  # YAML front matter that does not parse is bad input
            raise ManifestError(
                path, "front matter", "", f"cannot be read ({error})", "fix the YAML between the --- lines"
            ) from None
    return pages


def page_line(page: Page, line: int) -> int:
    """The page's own line for a line of the page with its shared texts put in (0 stays 0)."""
    return page.origins[line - 1].page_line if line else 0


def origins_of(page: Page, units: list[Unit]) -> list[list[list[str | int]]]:
    return [[[o.file, o.line] for o in page.origins[u.line - 1 : u.end_line]] for u in units]


def file_label(manifest: Manifest, lang: str, file: str) -> str:
    path = manifest.languages[lang].path / file
    try:
        return path.relative_to(manifest.docs_dir).as_posix()
    except ValueError:  # a build that reads its pages from elsewhere
        return str(path)


def page_review(reviewed: object) -> tuple[bool, str]:
    """Whether a page's `reviewed:` is a day that has come, and what the report says of it."""
    if not isinstance(reviewed, dt.date):
        return False, "front matter needs 'reviewed: YYYY-MM-DD'"
    if to_come := future_review(reviewed):
        return False, f"reviewed: {to_come}; give the day it was reviewed, today or earlier"
    return True, f"last reviewed {reviewed}"


def check_language(manifest: Manifest, lang: str, sources: dict[str, str] | None = None) -> list[Finding]:
    language = manifest.languages[lang]
    pages = load_pages(manifest, lang, sources)
    findings: list[Finding] = []
    texts = {key: as_sentences(page.prose()) for key, page in pages.items()}
    scores = {name: reading_scores(texts, name) for name in [language.formula, *language.report]}
    for spec in manifest.pages.values():
        page, file = pages[spec.id], file_label(manifest, lang, spec.file)
        dated, detail = page_review(page.meta.get("reviewed"))
        findings.append(Finding("page", spec.id, spec.id, file, dated, lang, 1, detail))
        score = scores[language.formula][spec.id]
        reported = "".join(
            f"; {scores[name][spec.id]} {name} ({band(name, scores[name][spec.id])})" for name in language.report
        )
        findings.append(
            Finding(
                "reading",
                spec.id,
                spec.id,
                file,
                language.reads_easily(score),
                lang,
                0,
                f"{score} {language.formula} ({language.limit_text()}){reported}",
                scores={name: by_page[spec.id] for name, by_page in scores.items()},
            )
        )
        headings = {h.text.casefold(): h for h in page.headings()}
        for section in spec.sections[lang]:
            heading = headings.get(" ".join(section.split()).casefold())
            findings.append(
                Finding(
                    "section",
                    section,
                    spec.id,
                    file,
                    heading is not None,
                    lang,
                    page_line(page, heading.line) if heading else 0,
                    ""
                    if heading
                    else f"no heading '{section}'. Fix: add it as a heading "
                    "(## ...) or correct the page's sections in the manifest",
                )
            )
        if manifest.warning_signs is not None:
            wrong = sign_problems(manifest, lang, page)
            findings.append(
                Finding(
                    "signs",
                    "one-rule",
                    spec.id,
                    file,
                    not wrong,
                    lang,
                    page_line(page, wrong[0].line) if wrong else 0,
                    "; ".join(f"line {page_line(page, w.line)}: '{w.text}' {w.why}" for w in wrong)
                    + (
                        f'. Fix: list the signs with --8<-- "{manifest.warning_signs.file[lang]}:SECTION" '
                        "under the lead-in of that section's action, and change a sign only in docs/includes/"
                        if wrong
                        else ""
                    )
                    or "every warning sign is the shared text, under its own action",
                )
            )
    for fact in manifest.facts:
        file = file_label(manifest, lang, manifest.pages[fact.page].file)
        fact_page = pages[fact.page]
        units = fact_matches(fact, lang, fact_page.units)
        where = f" under '{fact.section[lang]}'" if fact.section else ""
        findings.append(
            Finding(
                "fact",
                fact.id,
                fact.page,
                file,
                bool(units),
                lang,
                page_line(fact_page, units[0].line) if units else 0,
                fact.text
                if units
                else f"{fact.text} | needs together in one paragraph or list item{where}: "
                + ", ".join(p.pattern for p in fact.together[lang]),
                [[u.line, u.end_line] for u in units],
                origins_of(fact_page, units),
            )
        )
    cited = {source for fact in manifest.facts for source in fact.sources}
    sources_page = pages[manifest.sources_page]
    sources_file = file_label(manifest, lang, manifest.pages[manifest.sources_page].file)
    for source_id in sorted(cited):
        source = manifest.sources[source_id]
        units = [u for u in sources_page.units if source.shown[lang].search(u.text)]
        findings.append(
            Finding(
                "source",
                source_id,
                manifest.sources_page,
                sources_file,
                bool(units),
                lang,
                page_line(sources_page, units[0].line) if units else 0,
                source.cite,
                [[u.line, u.end_line] for u in units],
            )
        )
    return findings


def check(manifest: Manifest, langs: list[str] | None = None, sources: dict[str, str] | None = None) -> list[Finding]:
    """Every finding for the languages; `sources` are pages as one build made them (one language)."""
    return [f for lang in (langs or list(manifest.languages)) for f in check_language(manifest, lang, sources)]


def facts_for(manifest: Manifest, phases: list[str]) -> list[Fact]:
    """The facts a printout must carry: all of them, or those of the given pages and handouts."""
    if not phases:
        return list(manifest.facts)
    return [f for f in manifest.facts if f.page in phases or set(f.handouts) & set(phases)]


def check_units(manifest: Manifest, units: list[Unit], label: str, phases: list[str], lang: str) -> list[Finding]:
    """Sections and facts in text that has no Markdown structure (a PDF).

    A fact's section is not known there, so only its words are checked.
    """
    findings = []
    pages = [spec for spec in manifest.pages.values() if not phases or spec.id in phases]
    text = " ".join(unit.text for unit in units).casefold()
    for spec in pages:
        for section in spec.sections[lang]:
            present = " ".join(section.split()).casefold() in text
            findings.append(
                Finding(
                    "section",
                    section,
                    spec.id,
                    label,
                    present,
                    lang,
                    0,
                    "" if present else f"heading '{section}' is not in the text",
                )
            )
    for fact in facts_for(manifest, phases):
        found = fact_matches(fact, lang, units, use_sections=False)
        findings.append(
            Finding(
                "fact",
                fact.id,
                fact.page,
                label,
                bool(found),
                lang,
                found[0].line if found else 0,
                fact.text
                if found
                else f"{fact.text} | needs together: " + ", ".join(p.pattern for p in fact.together[lang]),
                [[u.line, u.end_line] for u in found],
            )
        )
    return findings


def as_dicts(findings: list[Finding]) -> list[dict[str, Any]]:
    return [asdict(f) for f in findings]
