"""Shared fixtures: the real project, copied or built into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
os.environ["NO_MKDOCS_2_WARNING"] = "1"

# The suite and everything it starts (MkDocs, Chromium, Lighthouse) keep their temporary
# files in one folder of the suite's own, which must hold nothing else when the suite ends.
SUITE_TMP = Path(tempfile.mkdtemp(prefix="guide-tests-"))
os.environ["TMPDIR"] = str(SUITE_TMP)
tempfile.tempdir = None


@pytest.hookimpl(trylast=True)  # after every fixture's teardown
def pytest_sessionfinish(session, exitstatus):
    litter = sorted(p.name for p in SUITE_TMP.iterdir() if not p.name.startswith("pytest-of-"))
    if litter:
        print(f"\nerror: the tests left these in the temporary folder: {', '.join(litter)}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if session.exitstatus == 0:
        shutil.rmtree(SUITE_TMP, ignore_errors=True)
    else:  # kept to look into what failed
        print(f"\nthe tests' temporary files: {SUITE_TMP}", file=sys.stderr)


PROJECT_PARTS = ["mkdocs.yml", "CHANGELOG.md", "docs", "overrides", "scripts", "clinics"]


def copy_project(target: Path) -> Path:
    """A throwaway copy of everything a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    for clinic in ROOT.glob("mkdocs.*.yml"):  # clinics and language overlays
        shutil.copy2(clinic, target / clinic.name)
    return target


def mkdocs_build(project: Path, out: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=project,
    )


def full_build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """`make build`'s command: every edition, the PDFs, and the hosts' configs."""
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--config",
            str(project / config),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Path:
    """The neutral guide as `make build` makes it: every edition (English at the root, Spanish
    in es/), the PDFs and the hosts' configs, built once per session."""
    site = tmp_path_factory.mktemp("default") / "site"
    result = full_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(default_site) -> Path:
    """The real docs, every edition: the same build as default_site (one build serves both names)."""
    return default_site


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory) -> Path:
    """The fictional example clinic's guide as `make build` makes it, PDFs included."""
    site = tmp_path_factory.mktemp("clinic") / "site"
    result = full_build(ROOT, site, "mkdocs.example-clinic.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
