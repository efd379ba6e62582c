"""An output folder that is, holds or lies inside what the build reads is refused before anything is touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import mkdocs_build

REFUSED = {
    "the pages": "docs",
    "a folder inside the pages": "docs/es/out",
    "the repository": ".",
    "the folder around the repository": "..",
    "the theme overrides": "overrides",
    "the scripts": "scripts",
    "a clinic's folder": "clinics/example",
    "a folder inside the clinics": "clinics/example/out",
    "a file": "mkdocs.yml",
}


def snapshot(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) if p.is_file() else None
        for p in folder.rglob("*")
        if "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.example-clinic.yml"])
@pytest.mark.parametrize("case", REFUSED)
def test_build_refuses_an_output_folder_over_its_sources(project_copy, case, config):
    before = snapshot(project_copy.parent)
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--config", config, "--site-dir", REFUSED[case]],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "SITE_DIR" in message and "Fix:" in message, message
    assert snapshot(project_copy.parent) == before  # nothing written, moved or deleted


def test_build_still_writes_a_folder_of_its_own_inside_the_repository(project_copy):
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--site-dir", "site"],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "index.html").is_file()


@pytest.mark.parametrize("folder", ["overrides", "scripts", "clinics"])
def test_plain_mkdocs_build_refuses_too(project_copy, folder):
    before = snapshot(project_copy)
    result = mkdocs_build(project_copy, project_copy / folder)
    assert result.returncode != 0 and f"site_dir: {project_copy / folder} is a folder the build reads" in result.stderr
    assert snapshot(project_copy) == before
