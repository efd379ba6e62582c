"""A stopped or killed build leaves nothing behind in the clone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

CLINIC = "mkdocs.example-clinic.yml"


def litter(project) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site", ".mkdocs", "site")))


def start(project, *args):
    return subprocess.Popen(
        [sys.executable, "-u", "scripts/build.py", "--config", CLINIC, "--site-dir", "site", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
@pytest.mark.parametrize("step", ["site build", "PDFs"])
def test_stopped_build_leaves_nothing(project_copy, step, signum):
    build = start(project_copy)
    try:
        if step == "PDFs":
            for line in build.stdout:
                if "editions built" in line:
                    break
        else:
            deadline = time.time() + 60
            while not list(project_copy.glob(".site-*/site-*")):
                assert time.time() < deadline and build.poll() is None, "the build never started"
                time.sleep(0.02)
        build.send_signal(signum)
        output = build.communicate(timeout=60)[0]
    finally:
        build.kill()
    assert build.returncode != 0, output
    assert "Traceback" not in output, output
    time.sleep(1)  # nothing still running may write afterwards
    assert litter(project_copy) == []


def test_next_build_removes_what_a_killed_build_left(project_copy):
    build = start(project_copy, "--no-pdf")
    deadline = time.time() + 60
    while not list(project_copy.glob(".site-*/site-*")):
        assert time.time() < deadline and build.poll() is None, "the build never started"
        time.sleep(0.02)
    os.kill(build.pid, signal.SIGKILL)  # nothing can clean up after this
    build.wait()
    assert [name for name in litter(project_copy) if name.startswith(".site-")]
    again = subprocess.run(
        [sys.executable, "scripts/build.py", "--config", CLINIC, "--site-dir", "site", "--no-pdf"],
        cwd=project_copy,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert litter(project_copy) == ["site", "site-nginx"]  # the site and its nginx config
