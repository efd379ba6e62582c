"""A malformed manifest gives exit 2 and one message naming file, entry, field and fix."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from guidekit import check_cli
from helpers import SCRIPTS

MANIFEST = SCRIPTS / "required_content.yml"


def good() -> dict:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    data["docs_dir"] = str((MANIFEST.parent / data["docs_dir"]).resolve())
    return data


def unknown_page(d):
    d["facts"][2]["page"] = "befor"


def duplicate_id(d):
    d["facts"][5]["id"] = d["facts"][0]["id"]


def bad_pattern(d):
    d["facts"][3]["together"]["en"].append("cement (")


def bad_spanish_pattern(d):
    d["facts"][3]["together"]["es"].append("cemento [")


def missing_language(d):
    del d["facts"][6]["together"]["es"]


def unknown_language(d):
    d["facts"][6]["together"]["fr"] = ["ciment"]


def unknown_formula(d):
    d["languages"]["es"]["reading"] = {"formula": "flesch", "min": 70}


def unknown_reported_score(d):
    d["languages"]["es"]["reading"]["report"] = ["szigriszt"]


def missing_spanish_sections(d):
    del d["pages"]["faq"]["sections"]["es"]


def missing_field(d):
    del d["facts"][4]["together"]


def unknown_field(d):
    d["facts"][1]["pattern"] = "x"


def wrong_type(d):
    d["facts"][0]["together"] = "compression fracture"


def missing_page_file(d):
    d["pages"]["before"]["file"] = "befor.md"


def fact(d, ident: str) -> dict:
    return next(f for f in d["facts"] if f["id"] == ident)


def unknown_source(d):
    fact(d, "CALL-BACKPAIN")["source"] = "WIKIPEDIA"


def unknown_section(d):
    fact(d, "CALL-BACKPAIN")["section"]["en"] = "When to phone"


CASES = {
    # name: (change, entry, field, words in the message)
    "unknown page": (unknown_page, "facts[2] (OV-CEMENT)", "page", "unknown page 'befor'"),
    "duplicate id": (duplicate_id, "facts[5] (OV-WHAT)", "id", "duplicate id, first used at facts[0]"),
    "pattern that does not compile": (bad_pattern, "facts[3] (OV-PURPOSE)", "together.en", "does not compile"),
    "Spanish pattern that does not compile": (
        bad_spanish_pattern,
        "facts[3] (OV-PURPOSE)",
        "together.es",
        "does not compile",
    ),
    "a language's patterns missing": (missing_language, "facts[6] (OV-CAUSES)", "together.es", "is missing"),
    "unknown language": (unknown_language, "facts[6] (OV-CAUSES)", "together.fr", "is not a language of the guide"),
    "unknown reading formula": (unknown_formula, "languages.es", "reading.formula", "unknown formula 'flesch'"),
    "unknown reported score": (unknown_reported_score, "languages.es", "reading.report", "list any of: inflesz"),
    "a language's sections missing": (missing_spanish_sections, "pages.faq", "sections.es", "is missing"),
    "missing field": (missing_field, "facts[4] (OV-MINIMAL)", "together", "is missing"),
    "unknown field": (unknown_field, "facts[1] (OV-HARM)", "pattern", "not a known field"),
    "wrong type": (wrong_type, "facts[0] (OV-WHAT)", "together", "must be a non-empty dict"),
    "page file that does not exist": (missing_page_file, "pages.before", "file", "does not exist"),
    "unknown source": (unknown_source, "CALL-BACKPAIN", "source", "unknown source 'WIKIPEDIA'"),
    "unknown section": (unknown_section, "CALL-BACKPAIN", "section.en", "is not a required section"),
}


def run(path):
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "check_content.py"), "--manifest", str(path)], capture_output=True, text=True
    )


@pytest.mark.parametrize("name", CASES)
def test_bad_manifest_exits_2_with_clear_message(name, tmp_path, capsys):
    """Every case, in process: the checker's main(), as the command runs it (the YAML cases below
    run the real command)."""
    change, entry, field, words = CASES[name]
    data = good()
    change(data)
    path = tmp_path / "manifest.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code = check_cli.main(["--manifest", str(path)])
    out, err = capsys.readouterr()
    assert code == 2, out
    message = err.strip()
    assert len(message.splitlines()) == 1
    assert str(path) in message and entry in message and f"field '{field}'" in message
    assert words in message and "Fix:" in message
    assert out == ""


def test_invalid_yaml(tmp_path):
    path = tmp_path / "manifest.yml"
    path.write_text("pages:\n  overview: {file: index.md\nfacts: [\n", encoding="utf-8")
    result = run(path)
    assert result.returncode == 2
    assert str(path) in result.stderr and "not valid YAML at line" in result.stderr and "Fix:" in result.stderr


def test_missing_manifest(tmp_path):
    result = run(tmp_path / "nope.yml")
    assert result.returncode == 2 and "does not exist" in result.stderr
