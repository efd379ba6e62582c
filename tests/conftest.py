"""Shared fixtures and hooks: the real project, copied or built into temporary folders; the suite's
temporary folder. Functions and constants the tests share are in helpers.py."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock

from helpers import ROOT, UK_CLINIC, copy_project, full_build

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


def shared_build(tmp_path_factory, pytest_config, name: str, config: str, config_text: str = "") -> Path:
    """A full build made once per session. In parallel, the first worker to ask builds it while
    the others wait, and all of them read the same folder (no test writes into a shared build).
    With `config_text`, the config is a clinic's file of that text, in a copy of the project."""
    shared = tmp_path_factory.getbasetemp()
    if hasattr(pytest_config, "workerinput"):
        shared = shared.parent  # each worker's base folder is inside the run's
    site = shared / name / "site"
    done = shared / name / "built"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            site.parent.mkdir(exist_ok=True)
            project = ROOT
            if config_text:
                project = copy_project(site.parent / "project")
                (project / config).write_text(config_text, encoding="utf-8")
            result = full_build(project, site, config)
            assert result.returncode == 0, result.stdout + result.stderr
            for stream in ("stdout", "stderr"):  # what the build said, for the tests of its output
                (shared / name / f"{stream}.txt").write_text(getattr(result, stream), encoding="utf-8")
            done.touch()
    return site


def build_output(site: Path, stream: str) -> str:
    """What the shared build of `site` printed on stdout or stderr."""
    return (site.parent / f"{stream}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_site(tmp_path_factory, pytestconfig) -> Path:
    """The neutral guide as `make build` makes it: every edition (English at the root, Spanish
    in es/), the PDFs and the hosts' configs."""
    return shared_build(tmp_path_factory, pytestconfig, "default", "mkdocs.yml")


@pytest.fixture(scope="session")
def default_build_output(default_site) -> dict[str, str]:
    """What `make build`'s command printed as it built default_site: {"stdout": ..., "stderr": ...}."""
    return {stream: build_output(default_site, stream) for stream in ("stdout", "stderr")}


@pytest.fixture(scope="session")
def built_site(default_site) -> Path:
    """The real docs, every edition: the same build as default_site (one build serves both names)."""
    return default_site


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory, pytestconfig) -> Path:
    """The fictional example clinic's guide as `make build` makes it, PDFs included."""
    return shared_build(tmp_path_factory, pytestconfig, "clinic", "mkdocs.example-clinic.yml")


@pytest.fixture(scope="session")
def uk_clinic_site(tmp_path_factory, pytestconfig) -> Path:
    """A UK clinic's guide as `make build` makes it, PDFs included: 999 and A4 paper."""
    return shared_build(tmp_path_factory, pytestconfig, "uk", "mkdocs.uk.yml", UK_CLINIC)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
