"""Shared fixtures: the real project, copied or built into temporary folders."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS))
os.environ["NO_MKDOCS_2_WARNING"] = "1"

PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "scripts"]


def copy_project(target: Path) -> Path:
    """A throwaway copy of everything a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    for clinic in ROOT.glob("mkdocs.*.yml"):
        shutil.copy2(clinic, target / clinic.name)
    return target


def mkdocs_build(project: Path, out: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(out)],
        capture_output=True, text=True, cwd=project)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real docs, built once with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
