"""Shared fixtures: the real project, copied or built into temporary folders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
os.environ["NO_MKDOCS_2_WARNING"] = "1"

# The suite and everything it starts (MkDocs, Chromium, Lighthouse) keep their temporary
# files in one folder of the suite's own, which must hold nothing else when the suite ends.
# Run in parallel (pytest-xdist), each worker keeps its files in a folder of its own inside
# it, so a test that compares the folder before and after sees no other worker's files.
SUITE_TMP_KEY = "guide_suite_tmp"


def use_temp_folder(folder: Path) -> None:
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # gettempdir() caches its answer


def pytest_configure(config):
    worker = getattr(config, "workerinput", None)
    if worker is None:  # the suite itself, or xdist's controller
        config.suite_tmp = Path(tempfile.mkdtemp(prefix="guide-tests-"))
        use_temp_folder(config.suite_tmp)
    else:
        folder = Path(worker[SUITE_TMP_KEY]) / worker["workerid"]
        folder.mkdir()
        use_temp_folder(folder)


@pytest.hookimpl(optionalhook=True)  # a hook of xdist's: unknown when it is not loaded
def pytest_configure_node(node):
    """xdist's controller tells each worker where the suite's folder is."""
    node.workerinput[SUITE_TMP_KEY] = str(node.config.suite_tmp)


WORKER_FOLDER = re.compile(r"gw\d+")  # xdist's worker names


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: two workers a core. The browser tests spend about half their time waiting for the
    network to go quiet (Playwright's networkidle is half a second of silence), and builds wait on
    Chromium; a second worker a core fills those waits (on 2 cores: 100% busy, against 50% with one)."""
    return 2 * (os.cpu_count() or 1)


def leftovers(suite_tmp: Path) -> list[str]:
    """What is in the suite's folder besides pytest's own and the workers' (empty) folders."""
    found = []
    for entry in sorted(suite_tmp.iterdir()):
        if entry.name.startswith("pytest-of-"):
            continue
        if WORKER_FOLDER.fullmatch(entry.name) and entry.is_dir():
            found += [f"{entry.name}/{inner.name}" for inner in sorted(entry.iterdir())]
        else:
            found.append(entry.name)
    return found


@pytest.hookimpl(trylast=True)  # after every fixture's teardown (and, in parallel, after every worker's)
def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return  # the controller looks once every worker is done
    suite_tmp = session.config.suite_tmp
    litter = leftovers(suite_tmp)
    if litter:
        print(f"\nerror: the tests left these in the temporary folder: {', '.join(litter)}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if session.exitstatus == 0:
        shutil.rmtree(suite_tmp, ignore_errors=True)
    else:  # kept to look into what failed
        print(f"\nthe tests' temporary files: {suite_tmp}", file=sys.stderr)


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


def shared_build(tmp_path_factory, pytest_config, name: str, config: str) -> Path:
    """A full build made once per session. In parallel, the first worker to ask builds it while
    the others wait, and all of them read the same folder (no test writes into a shared build)."""
    shared = tmp_path_factory.getbasetemp()
    if hasattr(pytest_config, "workerinput"):
        shared = shared.parent  # each worker's base folder is inside the run's
    site = shared / name / "site"
    done = shared / name / "built"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            site.parent.mkdir(exist_ok=True)
            result = full_build(ROOT, site, config)
            assert result.returncode == 0, result.stdout + result.stderr
            done.touch()
    return site


@pytest.fixture(scope="session")
def default_site(tmp_path_factory, pytestconfig) -> Path:
    """The neutral guide as `make build` makes it: every edition (English at the root, Spanish
    in es/), the PDFs and the hosts' configs."""
    return shared_build(tmp_path_factory, pytestconfig, "default", "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(default_site) -> Path:
    """The real docs, every edition: the same build as default_site (one build serves both names)."""
    return default_site


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory, pytestconfig) -> Path:
    """The fictional example clinic's guide as `make build` makes it, PDFs included."""
    return shared_build(tmp_path_factory, pytestconfig, "clinic", "mkdocs.example-clinic.yml")


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
