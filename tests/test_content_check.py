"""The content checker: the real guide passes, and every missing piece is caught."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SCRIPTS
import check_content
from guidekit.manifest import load_manifest

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
    out = subprocess.run([sys.executable, str(SCRIPTS / "check_content.py"), "--format", "json"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def test_real_docs_pass(real_report):
    assert real_report["ok"] is True
    kinds = {f["kind"] for f in real_report["findings"]}
    assert kinds == {"page", "reading", "section", "fact", "source"}
    assert all(f["ok"] for f in real_report["findings"])
    assert real_report["languages"] == {"en": True, "es": True}
    for lang in LANGS:
        facts = {f["id"] for f in real_report["findings"] if f["kind"] == "fact" and f["lang"] == lang}
        assert facts == {f.id for f in REAL.facts}


def test_every_fact_of_the_sheet_is_in_the_manifest():
    sheet = (ROOT.parent / "shared" / "content" / "facts.md").read_text(encoding="utf-8")
    sheet_ids = set(re.findall(r"^\| ([A-Z]+(?:-[A-Z]+)+) \|", sheet, re.M))
    assert sheet_ids, "no fact IDs found in the fact sheet"
    assert sheet_ids <= {f.id for f in REAL.facts}


def test_text_report_names_page_and_line():
    out = subprocess.run([sys.executable, str(SCRIPTS / "check_content.py")], capture_output=True, text=True)
    assert out.returncode == 0
    assert "recovery.md:" in out.stdout and "es/recovery.md:" in out.stdout and "CALL-FEVER" in out.stdout
    assert out.stdout.splitlines()[-2:] == [line for line in out.stdout.splitlines()
                                            if line.startswith("Content check (")]
    assert all("all good" in line for line in out.stdout.splitlines()[-2:])


FACTS = [(lang, fact) for lang in LANGS for fact in REAL.facts]


@pytest.mark.parametrize("lang,fact", FACTS, ids=[f"{lang}:{fact.id}" for lang, fact in FACTS])
def test_removing_a_fact_fails_and_names_it(lang, fact, real_report, tmp_path, capsys):
    found = finding(real_report, "fact", fact.id, lang)
    assert found["matches"], f"{fact.id} has no location in the real report"
    docs = tmp_path / "docs"
    shutil.copytree(REAL.docs_dir, docs)
    page = page_path(docs, lang, fact.page)
    lines = page.read_text(encoding="utf-8").splitlines()
    doomed = {n for start, end in found["matches"] for n in range(start, end + 1)}
    page.write_text("\n".join(l for n, l in enumerate(lines, 1) if n not in doomed) + "\n", encoding="utf-8")

    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "fact", fact.id, lang)["ok"] is False
    other = [code for code in LANGS if code != lang]
    assert all(finding(report, "fact", fact.id, code)["ok"] for code in other)
    assert report["languages"][lang] is False
    check_content.main(["--docs-dir", str(docs)])
    assert any(line.startswith(f"MISSING {lang} ") and fact.id in line
               for line in capsys.readouterr().out.splitlines())


SECTIONS = [(lang, page.id, section) for lang in LANGS for page in REAL.pages.values()
            for section in page.sections[lang]]


@pytest.mark.parametrize("lang,page_id,section", SECTIONS, ids=[f"{l}:{p}:{s}" for l, p, s in SECTIONS])
def test_removing_a_section_heading_fails_and_names_it(lang, page_id, section, real_report, tmp_path, capsys):
    found = next(f for f in real_report["findings"]
                 if f["kind"] == "section" and f["id"] == section and f["page"] == page_id and f["lang"] == lang)
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
    "en": ("Notwithstanding considerable interdisciplinary methodological heterogeneity, percutaneous "
           "vertebral augmentation demonstrates statistically indistinguishable postoperative analgesic "
           "effectiveness relative to comprehensive conservative pharmacological management.\n\n"),
    "es": ("La heterogeneidad metodológica interdisciplinaria considerable de las investigaciones "
           "contemporáneas imposibilita extrapolaciones epidemiológicas concluyentes respecto "
           "a intervenciones percutáneas vertebrales.\n\n"),
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
    assert all(f["ok"] for f in report["findings"]
               if f["kind"] == "reading" and (f["id"], f["lang"]) != ("during", lang))


def test_one_language_at_a_time(capsys):
    code, report = run_json(capsys, "--lang", "es")
    assert code == 0 and set(report["languages"]) == {"es"}
    assert {f["lang"] for f in report["findings"]} == {"es"}
    assert check_content.main(["--lang", "fr"]) == 2


def test_hidden_text_does_not_count(tmp_path, capsys):
    """Front matter, comments and alt text are not what a reader sees."""
    fever = "a fever above 100.0 °F (37.8 °C)"

    def hide(text):
        text = text.replace(f"- {fever}\n", "")
        text = text.replace("reviewed: 2026-11-24", f"reviewed: 2026-11-24\nkeywords: {fever}")
        return text + f"\n<!-- {fever} -->\n![{fever}](x.png)\n"

    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path, "recovery.md", hide)))
    assert code == 1
    assert finding(report, "fact", "CALL-FEVER")["ok"] is False


def test_fact_in_the_wrong_section_is_missing(tmp_path, capsys):
    """The call-your-doctor signs must sit under their own heading."""

    def move(text):
        text = text.replace("    - numbness (you cannot feel a spot), tingling, or weakness\n", "")
        return text.replace("## How will you feel?\n", "## How will you feel?\n\nNumbness, tingling, or weakness can happen.\n")

    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path, "recovery.md", move)))
    assert code == 1
    assert finding(report, "fact", "CALL-NERVE")["ok"] is False


def test_missing_review_date_fails(tmp_path, capsys):
    docs = edited_copy(tmp_path, "faq.md", lambda text: text.replace("reviewed: 2026-11-24\n", ""))
    code, report = run_json(capsys, "--docs-dir", str(docs))
    assert code == 1
    assert finding(report, "page", "faq")["ok"] is False


def test_unnamed_source_fails(tmp_path, capsys):
    without_cochrane = lambda text: "\n".join(l for l in text.splitlines() if "Cochrane" not in l) + "\n"  # noqa: E731
    code, report = run_json(capsys, "--docs-dir", str(edited_copy(tmp_path, "about.md", without_cochrane)))
    assert code == 1
    assert finding(report, "source", "COCHRANE")["ok"] is False
