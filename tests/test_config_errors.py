"""Each confusing failure ends in one line naming the file, the field or step, and the fix; nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from guidekit.clinic_file import check_clinic_file
from guidekit.config_file import ConfigFileError, check_config_file
from guidekit.manifest import load_manifest
from helpers import ROOT, SCRIPTS, litter, mkdocs_build, replace_once

BAD_CONFIGS = {
    # name: (file text, words in the message)
    "clinic at the top level": (
        "INHERIT: mkdocs.yml\nclinic:\n  name: Test Clinic\n  phone: 412-555-0100\n",
        "clinic: is at the top level",
    ),
    "empty file": ("", "is empty"),
    "only a comment": ("# nothing yet\n", "is empty"),
    "key given twice": (
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n"
        "    name: Other Clinic\n",
        "extra.clinic.name: is given twice (lines 4 and 6)",
    ),
    "section given twice": (
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Test Clinic\n"
        "    phone: 412-555-0100\nextra:\n  print:\n    paper: A4\n",
        "extra: is given twice",
    ),
    "unknown setting": ("INHERIT: mkdocs.yml\nsite_nme: My guide\n", "site_nme: is the guide's own setting"),
    "broken YAML": ("INHERIT: mkdocs.yml\nextra:\n  clinic: {name: Test Clinic\n", "is not valid YAML"),
}


def build(project, *args, **options):
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), *args], capture_output=True, text=True, **options
    )


def one_line(result) -> str:
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message, message
    assert "Fix:" in message, message
    return message


@pytest.mark.parametrize("case", BAD_CONFIGS)
def test_clinic_file_check_gives_one_line(case, project_copy):
    """Every file-level case, in process: the check the build runs on a clinic's file before anything else."""
    text, words = BAD_CONFIGS[case]
    path = project_copy / "mkdocs.bad.yml"  # beside mkdocs.yml, where a clinic's file goes
    path.write_text(text, encoding="utf-8")
    lines = check_clinic_file(path, project_copy)
    assert len(lines) == 1 and "Fix:" in lines[0], lines
    assert lines[0].startswith(f"{path}: ") and words in lines[0], lines


def test_the_guides_own_config_check_gives_one_line(tmp_path):
    """The guide's own configs (mkdocs.yml, mkdocs.es.yml) are read before MkDocs too: a key given twice."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text + "\nstrict: false\n", encoding="utf-8")
    with pytest.raises(ConfigFileError) as caught:
        check_config_file(tmp_path / "mkdocs.yml")
    message = str(caught.value)
    assert len(message.splitlines()) == 1 and "strict: is given twice" in message and "Fix:" in message, message


# Through the real command, one of each: the file check's refusal, and MkDocs' own.
@pytest.mark.parametrize("case", ["key given twice", "unknown setting"])
def test_bad_config_file_gives_one_line_and_writes_nothing(project_copy, case):
    text, words = BAD_CONFIGS[case]
    (project_copy / "mkdocs.bad.yml").write_text(text, encoding="utf-8")
    result = build(
        project_copy,
        "--no-pdf",
        "--config",
        str(project_copy / "mkdocs.bad.yml"),
        "--site-dir",
        str(project_copy / "site"),
        cwd=project_copy,
    )
    assert result.returncode == 2
    message = one_line(result)
    assert "mkdocs.bad.yml" in message and words in message, message
    assert litter(project_copy) == []


def test_plain_mkdocs_build_refuses_a_key_given_twice(project_copy, tmp_path):
    (project_copy / "mkdocs.bad.yml").write_text(BAD_CONFIGS["key given twice"][0], encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out", "mkdocs.bad.yml")
    assert result.returncode != 0 and "extra.clinic.name: is given twice" in result.stderr


def test_clinic_file_named_like_a_language_is_not_an_edition(project_copy):
    (project_copy / "mkdocs.ny.yml").write_text((project_copy / "mkdocs.example-clinic.yml").read_text())
    result = build(project_copy, "--no-pdf", "--site-dir", "site", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "es" / "index.html").is_file()
    assert not (project_copy / "site" / "ny").exists()
    result = build(project_copy, "--no-pdf", "--config", "mkdocs.ny.yml", "--site-dir", "site-ny", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "Maple Hollow" in (project_copy / "site-ny" / "es" / "index.html").read_text(encoding="utf-8")


def test_build_runs_from_another_folder(project_copy, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project_copy, "--no-pdf", "--site-dir", "out", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "index.html").is_file()


def test_no_chromium_gives_one_line_and_writes_nothing(project_copy, tmp_path):
    empty = tmp_path / "no-browsers"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty), PLAYWRIGHT_BROWSERS_PATH=str(empty), TMPDIR=str(empty))
    result = build(project_copy, "--site-dir", "site", cwd=project_copy, env=env)
    assert result.returncode == 2
    message = one_line(result)
    assert "PDF step: Chromium did not start" in message and "make browser" in message
    assert litter(project_copy) == []
    assert list(empty.iterdir()) == []  # no half-made browser profile either


def test_missing_heading_says_what_is_missing_and_how_to_fix_it(project_copy, tmp_path):
    page = project_copy / "docs" / "before.md"
    text = page.read_text(encoding="utf-8")
    sections = load_manifest(SCRIPTS / "required_content.yml").pages["before"].sections["en"]
    heading = next(section for section in sections if f"\n## {section}\n" in text)
    page.write_text(replace_once(text, f"## {heading}\n", "## Something else\n"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    line = next(line for line in result.stderr.splitlines() if f"section {heading}" in line)
    assert f"no heading '{heading}'. Fix:" in line
