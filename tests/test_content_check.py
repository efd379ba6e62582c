"""The content checker: the real guide passes, and every missing piece is caught."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guidekit import check_cli as check_content
from guidekit.content_report import Finding
from guidekit.manifest import load_manifest
from helpers import ROOT, SCRIPTS, replace_every, replace_once, sub_once

MANIFEST = SCRIPTS / "required_content.yml"
REAL = load_manifest(MANIFEST)


def run_json(capsys, *args) -> tuple[int, dict]:
    code = check_content.main(["--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def finding(report: dict, kind: str, ident: str, lang: str = "en") -> dict:
    return next(f for f in report["findings"] if f["kind"] == kind and f["id"] == ident and f["lang"] == lang)


def page_path(docs: Path, lang: str, page_id: str) -> Path:
    return docs / REAL.languages[lang].path.relative_to(REAL.docs_dir) / REAL.pages[page_id].file


LANGS = list(REAL.languages)


def edited_copy(tmp_path: Path, page: str, edit) -> Path:
    """A copy of docs/ in which one page (a path inside docs/) is changed by edit(text) -> text."""
    docs = tmp_path / "docs"
    shutil.copytree(REAL.docs_dir, docs)
    target = docs / page
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def real_report() -> dict:
    out = subprocess.run(
        [sys.executable, str(SCRIPTS / "check_content.py"), "--format", "json"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def test_real_docs_pass(real_report):
    assert real_report["ok"] is True
    kinds = {f["kind"] for f in real_report["findings"]}
    assert kinds == {"page", "reading", "section", "fact", "source", "signs"}
    assert all(f["ok"] for f in real_report["findings"])
    assert real_report["languages"] == {"en": True, "es": True}
    for lang in LANGS:
        facts = {f["id"] for f in real_report["findings"] if f["kind"] == "fact" and f["lang"] == lang}
        assert facts == {f.id for f in REAL.facts}


# The fact sheet, as kept in the repository (copy the shared sheet here when it grows).
SHEET = ROOT / "review" / "facts.md"
SHEET_ROW = re.compile(r"^\| ([A-Z]+(?:-[A-Z]+)+) \|(.*)\|\s*$", re.M)


def test_every_fact_of_the_sheet_is_in_the_manifest():
    rows = dict(SHEET_ROW.findall(SHEET.read_text(encoding="utf-8")))
    assert len(rows) > 60, "no fact IDs found in the fact sheet"
    assert set(rows) <= {f.id for f in REAL.facts}


def test_every_sourced_fact_of_the_sheet_names_its_source_in_the_manifest():
    """Facts the sheet gives a source column (recommended and second-edition facts) carry a source."""
    by_id = {f.id: f for f in REAL.facts}
    sourced = {ident for ident, cells in SHEET_ROW.findall(SHEET.read_text(encoding="utf-8")) if cells.count("|") >= 1}
    assert len(sourced) >= 22
    assert all(by_id[ident].sources for ident in sourced), sorted(i for i in sourced if not by_id[i].sources)


def test_nothing_reads_outside_the_repository():
    """A clinic clones the repository alone: no script or test may reach for ../shared."""
    for path in [*ROOT.glob("scripts/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "Makefile"]:
        if path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        assert '"shared"' not in text and "../shared" not in text, path


def test_text_report_names_page_and_line():
    out = subprocess.run([sys.executable, str(SCRIPTS / "check_content.py")], capture_output=True, text=True)
    assert out.returncode == 0
    assert "recovery.md:" in out.stdout and "es/recovery.md:" in out.stdout and "CALL-FEVER" in out.stdout
    assert out.stdout.splitlines()[-2:] == [
        line for line in out.stdout.splitlines() if line.startswith("Content check (")
    ]
    assert all("all good" in line for line in out.stdout.splitlines()[-2:])


FACTS = [(lang, fact) for lang in LANGS for fact in REAL.facts]

# Facts a page states in more than one place on purpose (in the plan at the top, then in the page's
# own section or its checklist); every other fact is carried by one paragraph or list item.
STATED_MORE_THAN_ONCE = {("en", "ADD-PRONE"): 2, ("es", "ADD-PRONE"): 2}


def carrying(found: dict) -> list[int]:
    """The indexes of the matches that hold no smaller match: a list matches whenever one of its
    items does. Matches count lines of the page with its shared texts put in."""
    matches = found["matches"]
    return [i for i, m in enumerate(matches) if not any(o != m and m[0] <= o[0] and o[1] <= m[1] for o in matches)]


def written_lines(found: dict) -> set[tuple[str, int]]:
    """Where the carrying matches were written: (file, line), file "" for the page, else a shared text."""
    return {(file, line) for i in carrying(found) for file, line in found["match_origins"][i]}


@pytest.mark.parametrize("lang,fact", FACTS, ids=[f"{lang}:{fact.id}" for lang, fact in FACTS])
def test_removing_a_fact_fails_and_names_it(lang, fact, real_report, tmp_path, capsys):
    """Removing only the lines that carry the fact (on its page, or in the shared text the page
    includes) makes it fail, and nothing else on the page: so its patterns match no more than those
    lines (an over-broad pattern matches more places, or survives)."""
    found = finding(real_report, "fact", fact.id, lang)
    assert found["matches"], f"{fact.id} has no location in the real report"
    places = carrying(found)
    assert len(places) == STATED_MORE_THAN_ONCE.get((lang, fact.id), 1), (
        f"{lang} {fact.id}: its patterns match {len(places)} places (lines {[found['matches'][i] for i in places]}); "
        "make them name what only the lines that carry the fact say"
    )
    docs = tmp_path / "docs"
    shutil.copytree(REAL.docs_dir, docs)
    doomed = written_lines(found)
    for file in {file for file, _ in doomed}:
        path = docs / file if file else page_path(docs, lang, fact.page)
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for n, line in enumerate(lines, 1) if (file, n) not in doomed]
        assert len(kept) < len(lines)
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")

    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "fact", fact.id, lang)["ok"] is False
    other = [code for code in LANGS if code != lang]
    assert all(finding(report, "fact", fact.id, code)["ok"] for code in other)
    assert report["languages"][lang] is False
    elsewhere = [
        f["id"]
        for f in real_report["findings"]
        if f["kind"] == "fact" and f["lang"] == lang and f["page"] == fact.page and not written_lines(f) & doomed
    ]
    assert all(finding(report, "fact", ident, lang)["ok"] for ident in elsewhere)
    # The text report says it too: the command's text output, printed from the findings just made.
    check_content.print_text([Finding(**found) for found in report["findings"]], list(report["languages"]))
    assert any(line.startswith(f"MISSING {lang} ") and fact.id in line for line in capsys.readouterr().out.splitlines())


SECTIONS = [
    (lang, page.id, section) for lang in LANGS for page in REAL.pages.values() for section in page.sections[lang]
]


@pytest.mark.parametrize("lang,page_id,section", SECTIONS, ids=[f"{lang}:{p}:{s}" for lang, p, s in SECTIONS])
def test_removing_a_section_heading_fails_and_names_it(lang, page_id, section, real_report, tmp_path, capsys):
    found = next(
        f
        for f in real_report["findings"]
        if f["kind"] == "section" and f["id"] == section and f["page"] == page_id and f["lang"] == lang
    )
    docs = tmp_path / "docs"
    shutil.copytree(REAL.docs_dir, docs)
    page = page_path(docs, lang, page_id)
    lines = page.read_text(encoding="utf-8").splitlines()
    del lines[found["line"] - 1]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    missing = [f for f in report["findings"] if f["kind"] == "section" and not f["ok"]]
    assert [(f["lang"], f["page"], f["id"]) for f in missing] == [(lang, page_id, section)]


HARD_TEXT = {
    "en": (
        "Notwithstanding considerable interdisciplinary methodological heterogeneity, percutaneous "
        "vertebral augmentation demonstrates statistically indistinguishable postoperative analgesic "
        "effectiveness relative to comprehensive conservative pharmacological management.\n\n"
    ),
    "es": (
        "La heterogeneidad metodológica interdisciplinaria considerable de las investigaciones "
        "contemporáneas imposibilita extrapolaciones epidemiológicas concluyentes respecto "
        "a intervenciones percutáneas vertebrales.\n\n"
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_page_too_hard_to_read_fails(lang, tmp_path, capsys):
    """English above grade 6, Spanish below "fairly easy" (Fernandez-Huerta 70); only that page fails."""
    page = page_path(Path("."), lang, "during").as_posix()
    docs = edited_copy(tmp_path, page, lambda text: text + HARD_TEXT[lang] * 12)
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    score = finding(report, "reading", "during", lang)
    assert score["ok"] is False
    assert not REAL.languages[lang].reads_easily(float(score["detail"].split()[0]))
    assert all(
        f["ok"] for f in report["findings"] if f["kind"] == "reading" and (f["id"], f["lang"]) != ("during", lang)
    )


def test_spanish_reading_line_reports_inflesz_beside_the_gate(real_report, capsys):
    """Fernandez-Huerta gates; INFLESZ (Barrio-Cantalejo's scale) is shown beside it, in JSON and text."""
    for page_id in REAL.pages:
        found = finding(real_report, "reading", page_id, "es")
        assert set(found["scores"]) == {"fernandez_huerta", "inflesz"}
        gate, inflesz = found["scores"]["fernandez_huerta"], found["scores"]["inflesz"]
        assert found["detail"].startswith(f"{gate} fernandez_huerta (min 70.0); {inflesz} inflesz (")
        assert set(finding(real_report, "reading", page_id, "en")["scores"]) == {"flesch_kincaid_grade"}
    assert check_content.main(["--lang", "es"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " reading " in line]
    assert len(lines) == len(REAL.pages)
    assert all(re.search(r"; \d+\.\d inflesz \((fairly|very) easy\)", line) for line in lines)


def test_one_language_at_a_time(capsys):
    code, report = run_json(capsys, "--lang", "es")
    assert code == 0 and set(report["languages"]) == {"es"}
    assert {f["lang"] for f in report["findings"]} == {"es"}
    assert check_content.main(["--lang", "fr"]) == 2


def test_hidden_text_does_not_count(tmp_path, capsys):
    """Front matter, comments and alt text are not what a reader sees."""
    fever = "a fever (high body temperature) above 100.0 °F (37.8 °C)"
    docs = edited_copy(tmp_path, "includes/warning-signs.md", lambda text: replace_every(text, f"- {fever}\n", ""))

    def hide(text):
        text = sub_once(r"^(reviewed: .*)$", rf"\1\nkeywords: {fever}", text, flags=re.M)
        return text + f"\n<!-- {fever} -->\n![{fever}](x.png)\n"

    page = docs / "recovery.md"
    page.write_text(hide(page.read_text(encoding="utf-8")), encoding="utf-8")
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "fact", "CALL-FEVER")["ok"] is False


def test_fact_in_the_wrong_section_is_missing(tmp_path, capsys):
    """The call-your-doctor signs must sit under their own heading."""
    arms = "- numbness or tingling in your arms that is new\n"
    legs = "- numbness or tingling in your legs that is new, mild, and stays the same"

    def drop_nerve_signs(text: str) -> str:
        return sub_once(rf"(?m)^{re.escape(legs)}.*\n", "", replace_once(text, arms, ""))

    docs = edited_copy(tmp_path, "includes/warning-signs.md", drop_nerve_signs)
    page = docs / "recovery.md"
    text = page.read_text(encoding="utf-8")
    care_team = (docs / "includes/warning-signs.md").read_text(encoding="utf-8").split("[start:care-team]")[1]
    assert "tingling" not in care_team.split("[end:care-team]")[0]
    page.write_text(
        replace_every(
            text,
            "## How well does it work?\n",
            "## How well does it work?\n\nNumbness, tingling, or weakness can happen.\n",
        ),
        encoding="utf-8",
    )
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "fact", "CALL-NERVE")["ok"] is False


def test_missing_review_date_fails(tmp_path, capsys):
    docs = edited_copy(tmp_path, "faq.md", lambda text: sub_once(r"^reviewed: .*\n", "", text, flags=re.M))
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "page", "faq")["ok"] is False


def test_a_review_date_after_today_fails(tmp_path, capsys):
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # read from the clock, as the check reads it
    docs = edited_copy(
        tmp_path, "faq.md", lambda text: re.sub(r"^reviewed: .*$", f"reviewed: {tomorrow}", text, count=1, flags=re.M)
    )
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    found = finding(report, "page", "faq")
    assert found["ok"] is False and f"reviewed: {tomorrow} is after today" in found["detail"], found


def test_unnamed_source_fails(tmp_path, capsys):
    def without_cochrane(text):
        assert "Cochrane" in text
        return "\n".join(line for line in text.splitlines() if "Cochrane" not in line) + "\n"

    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path, "about.md", without_cochrane)))
    assert code == 1
    assert finding(report, "source", "COCHRANE")["ok"] is False


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_are_the_kind_readers_use(lang):
    """ "More than 85 out of 100 people", never a percentage (which "(85%)" made contradict itself)."""
    for spec in REAL.pages.values():
        text = (REAL.languages[lang].path / spec.file).read_text(encoding="utf-8")
        assert not re.search(r"\d\s?%", text), f"{lang} {spec.file} gives a percentage"


def test_a_reference_list_is_not_scored_but_still_names_its_sources(tmp_path, capsys):
    """Cited titles inside the reference list do not count toward the reading grade;
    the same words in the page's prose do."""
    hard = HARD_TEXT["en"].strip()

    def in_references(text):
        return replace_once(
            text,
            # The main source's list (the About page has a second one, for the other sources).
            'Our main source is a patient page from UPMC.\n\n<div class="guide-references" markdown>\n\n',
            f'Our main source is a patient page from UPMC.\n\n<div class="guide-references" markdown>\n\n- {hard}\n',
        )

    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path / "refs", "about.md", in_references)))
    assert code == 0, [f for f in report["findings"] if not f["ok"]]
    assert finding(report, "source", "COCHRANE")["ok"] is True

    def in_prose(text):
        return replace_once(
            text, "## When was this guide last reviewed?", f"{hard}\n\n{hard}\n\n## When was this guide last reviewed?"
        )

    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path / "prose", "about.md", in_prose)))
    assert code == 1
    assert finding(report, "reading", "about")["ok"] is False


def test_icons_are_not_page_text():
    """pymdownx.emoji shortcodes (pictures) are neither facts nor words to score."""
    from guidekit.markdown_text import parse_page

    page = parse_page(":material-car-off:{ .guide-icon } **Driving.** Do not drive yet.\n", "x.md")
    assert [u.text for u in page.units] == ["Driving. Do not drive yet."]


# Wordings the second and third editions corrected (the Spanish ones after a native clinician's
# review, issue 23: clinical, masculine-only, regional or vague words); none may come back.
RETIRED = {
    "en": [
        *[r"\(85 ?%\)", r"most keep getting better", r"treating your osteoporosis", r"what tests will you have"],
        # Round 4 (issue 23): the clinic's nurse has no "she"; "this page" is wrong on paper.
        *[r"\bnurse\b[^.]*\bshe\b", r"lists (of signs )?are (at the top of |on )this page"],
        # Round 5: the About page claimed a sentence-by-sentence check of an edition not yet signed off.
        *[r"compared each sentence"],
    ],
    "es": [
        *[r"casi siempre", r"tinte de contraste", r"dónde trabajar", r"tratar su osteoporosis"],
        *[r"excremento", r"\bvenda\b", r"\bbañera\b", r"\bducharse\b", r"\bfisioterapia", r"\ben auto\b"],
        *[r"estar despierto", r"quedará acostado", r"\brotura\b", r"fingido", r"no están de acuerdo"],
        *[r"dolor sordo", r"haz de nervios", r"dígaselo", r"es justo preguntar", r"\buno? a dos\b"],
        *[r"hay dos tipos", r"¿cuándo es su control\?", r"tenga listo", r"\bsegundo piso\b"],
        *[r"antes del día(?! del procedimiento)"],  # "antes del día" alone does not say which day
        *[r"datos sin fuente nombrada", r"siga lo que le digan"],
        # Round 4: masculine-only, calques, a comparison with nothing to compare with, "this page" on paper.
        *[r"\bun adulto\b", r"\bese adulto\b", r"nuestra enfermera", r"paciente típico", r"farmacéutico"],
        *[r"más o menos lo mismo", r"delgados y débiles", r"apretar la médula", r"aprieta los nervios"],
        *[r"bultos de sangre", r"\bles relaja\b", r"llámelos usted", r"\bigual le pueden\b"],
        *[r"listas (de señales )?están (al principio de |en )esta página", r"\breviewed: revisado\b"],
        # Round 5: a comma splice in the fasting line, calques, a title with no article as a subject.
        *[r"después de \*\*\{value\}\*\*, solo un sorbo", r"estudios cuidadosos", r"más lentos? su pensamiento"],
        *[r"por (una|cualquier) señal de", r"todos los que toma", r"para dormirle", r"compararon cada frase"],
        *[r"\{reviewer\} revisó"],
    ],
}
CONFIG = {"en": ROOT / "mkdocs.yml", "es": ROOT / "mkdocs.es.yml"}  # each edition's interface words
EXAMPLE_CLINIC = ROOT / "mkdocs.example-clinic.yml"  # its texts in both languages


@pytest.mark.parametrize("lang", LANGS)
def test_corrected_wordings_stay_corrected(lang):
    """On every page, in the texts the pages share (docs/includes), in the edition's interface words
    and in the example clinic's texts."""
    includes = [p for p in (REAL.docs_dir / "includes").glob("*.md") if (".es." in p.name) == (lang == "es")]
    pages = [REAL.languages[lang].path / spec.file for spec in REAL.pages.values()]
    texts = [*pages, *includes, CONFIG[lang], EXAMPLE_CLINIC]
    assert len(includes) >= 2
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for pattern in RETIRED[lang]:
            assert not re.search(pattern, text, re.I), f"{lang} {path.name}: {pattern}"


# One rule for each warning sign, written once: every list of signs is the shared text.
CARE_LEAD = {
    "en": "Call your doctor or care team right away if",
    "es": "Llame de inmediato a su médico o equipo médico si",
}
SHARED = {"en": "warning-signs.md", "es": "warning-signs.es.md"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_warning_list_is_the_shared_text(lang, real_report):
    """Each page passes the one-rule check, and the pages that list signs put them in from the shared
    text: the Recovery and FAQ boxes, the Overview's 911 list (key points name the boxes)."""
    signs = [f for f in real_report["findings"] if f["kind"] == "signs" and f["lang"] == lang]
    assert {f["page"] for f in signs} == set(REAL.pages) and all(f["ok"] for f in signs)
    for page_id, count in {"recovery": 3, "faq": 3, "overview": 1}.items():  # both lists and the note
        text = page_path(REAL.docs_dir, lang, page_id).read_text(encoding="utf-8")
        assert text.count(f'--8<-- "{SHARED[lang]}:') == count, page_id


def signs_finding(capsys, docs: Path, lang: str) -> dict:
    code, report = run_json(capsys, "--docs-dir", str(docs), "--lang", lang)
    assert code == 1
    return (
        finding(report, "signs", "one-rule", lang)
        if False
        else next(
            f for f in report["findings"] if f["kind"] == "signs" and f["page"] == "recovery" and f["lang"] == lang
        )
    )


COPY = {"en": "new weakness or numbness in your legs", "es": "debilidad o adormecimiento nuevo en las piernas"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_sign_copied_by_hand_into_a_list_fails(lang, tmp_path, capsys):
    """The second edition's conflict: leg weakness typed into the care-team list as well."""
    snippet = f'    --8<-- "{SHARED[lang]}:care-team"\n'
    page = "recovery.md" if lang == "en" else "es/recovery.md"
    docs = edited_copy(tmp_path, page, lambda text: replace_every(text, snippet, snippet + f"    - {COPY[lang]}\n"))
    found = signs_finding(capsys, docs, lang)
    assert found["ok"] is False and COPY[lang] in found["detail"] and "in words of its own" in found["detail"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_sign_under_the_other_action_fails(lang, tmp_path, capsys):
    """The 911 signs put in under the care team's lead-in: the right words, the wrong action."""
    care, emergency = f'    --8<-- "{SHARED[lang]}:care-team"\n', f'    --8<-- "{SHARED[lang]}:emergency"\n'
    page = "recovery.md" if lang == "en" else "es/recovery.md"
    docs = edited_copy(tmp_path, page, lambda text: replace_every(text, care, emergency))
    found = signs_finding(capsys, docs, lang)
    assert found["ok"] is False and "is a emergency sign, listed under care-team" in found["detail"]


def test_a_sentence_with_its_own_rule_for_a_sign_fails(tmp_path, capsys):
    """A tie-break written beside the list (the second edition's "Sudden weakness in your legs: call 911")."""
    lead = "## How can you ease soreness?\n"
    docs = edited_copy(
        tmp_path,
        "recovery.md",
        lambda text: replace_every(text, lead, lead + "\nSudden weakness in your legs: call 911.\n\n"),
    )
    found = signs_finding(capsys, docs, "en")
    assert found["ok"] is False and "Sudden weakness in your legs" in found["detail"]


def test_the_one_rule_check_reads_the_emergency_number_a_clinic_sets(tmp_path):
    """With 999 the emergency lead-in still names the emergency action."""
    from guidekit.content_report import check
    from guidekit.manifest import load_manifest
    from guidekit.shared_text import expand

    manifest = load_manifest(ROOT / "scripts" / "required_content.yml", "999")
    text = page_path(REAL.docs_dir, "en", "recovery").read_text(encoding="utf-8")
    assert "Call 911 or your local emergency number" in text
    shared = (REAL.docs_dir / "includes" / SHARED["en"]).read_text(encoding="utf-8")
    assert "call 911" in shared  # the shared text says 911 too, and the build writes 999 for both
    built = expand(text, [REAL.docs_dir / "includes"], "recovery.md").text  # as the build's hooks make it
    findings = check(manifest, ["en"], {"recovery.md": replace_every(built, "911", "999")})
    assert [f.ok for f in findings if f.kind == "signs" and f.page == "recovery"] == [True]
