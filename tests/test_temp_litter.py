"""The test suite leaves nothing in the temporary folder (conftest checks it when the suite ends)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import ROOT

LITTERING_TEST = """
import tempfile
from pathlib import Path

def test_leaves_a_folder():
    Path(tempfile.gettempdir(), "mkdocs_left_behind").mkdir()
"""


@pytest.mark.parametrize(
    "workers, where",
    [(["-p", "no:xdist"], ""), (["-n", "2"], r"gw[01]/")],
    ids=["one process", "two workers"],
)
def test_suite_fails_when_a_test_leaves_something_in_the_temporary_folder(project_copy, tmp_path, workers, where):
    temp = tmp_path / "temp"  # the inner suite keeps its folder when it fails: not in ours
    temp.mkdir()
    tests = project_copy / "tests"
    tests.mkdir()
    shutil.copy2(ROOT / "tests" / "conftest.py", tests / "conftest.py")
    shutil.copy2(ROOT / "tests" / "helpers.py", tests / "helpers.py")  # what conftest imports
    (tests / "test_litter.py").write_text(LITTERING_TEST, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *workers, "tests"],
        capture_output=True,
        text=True,
        cwd=project_copy,
        env=dict(os.environ, TMPDIR=str(temp)),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(f"the tests left these in the temporary folder: {where}mkdocs_left_behind\n", result.stderr)


def test_serve_timing_leaves_no_temporary_site(tmp_path):
    from guidekit.bench import (
        benchmark as bench,  # mkdocs serve keeps its site in a mkdocs_* folder, removed only when it is stopped cleanly
    )

    before = set(Path(tempfile.gettempdir()).iterdir())
    assert bench.serve_rebuild_time(ROOT / "mkdocs.yml", tmp_path, 1)
    left = [p.name for p in set(Path(tempfile.gettempdir()).iterdir()) - before if p.name.startswith("mkdocs_")]
    assert left == []
    assert not (tmp_path / "serve-tmp").exists()  # where the server kept its site
