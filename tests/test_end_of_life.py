"""The end-of-life plan, proved: the build says once what reaches end of life and where the plan
is, the date matches the installed Material's own notice, and the exit (ProperDocs, a maintained
fork of MkDocs 1.x) builds the guide unchanged, page for page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guidekit.end_of_life import MATERIAL_END, README_SECTION, material_end_date, notice
from helpers import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_the_date_is_the_one_material_prints():
    assert material_end_date() == MATERIAL_END


def test_the_readme_has_the_section_the_notice_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"## {README_SECTION}\n" in readme
    assert README_SECTION in notice()


def test_the_build_says_it_once(default_build_output):
    """`make build`'s command, as the shared build of the neutral guide ran it (every edition, the PDFs)."""
    assert default_build_output["stdout"].count(notice()) == 1
    # Material's own box is not printed again per edition
    assert "reaches end of life" not in default_build_output["stderr"]


def build_with(tool: str, config: str, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-q", "-f", str(ROOT / config), "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, f"{tool} {config}: {result.stderr[-2000:]}"


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.es.yml"])
def test_properdocs_builds_the_same_guide(tmp_path, config):
    """The exit is real: the same config and plugins (the guide's own among them, which ProperDocs
    finds by its `mkdocs.plugins` entry point) give the same files, byte for byte, but for the
    generator's name."""
    build_with("mkdocs", config, tmp_path / "mkdocs")
    build_with("properdocs", config, tmp_path / "properdocs")
    ours = {p.relative_to(tmp_path / "mkdocs") for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()}
    theirs = {p.relative_to(tmp_path / "properdocs") for p in (tmp_path / "properdocs").rglob("*") if p.is_file()}
    assert ours == theirs
    assert len(ours) > 20
    differ = [
        str(path)
        for path in sorted(ours)
        if GENERATOR.sub(b"", (tmp_path / "mkdocs" / path).read_bytes())
        != GENERATOR.sub(b"", (tmp_path / "properdocs" / path).read_bytes())
    ]
    assert differ == []
    page = (tmp_path / "properdocs" / "index.html").read_bytes()
    assert b"ProperDocs" in page  # it really ran
    assert b'<meta http-equiv="Content-Security-Policy"' in page  # and so did the guide plugin
