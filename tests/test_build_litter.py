"""A stopped or killed build leaves nothing behind in the clone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guidekit.work_dir import stop_on_signals
from helpers import litter

# Waits are on conditions; this only stops a hung build from hanging the suite. It is no speed
# target (those are the benchmark's): a build on a loaded machine may take minutes to start.
HANG = 600


CLINIC = "mkdocs.example-clinic.yml"


def start(project, *args):
    return subprocess.Popen(
        [sys.executable, "-u", "scripts/build.py", "--config", CLINIC, "--site-dir", "site", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the build and what it starts: one group, to wait for as a whole
    )


def running_in_group(group: int) -> list[int]:
    """The processes of the group still running (an ended one not yet reaped writes nothing)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _, pgrp = stat.read_text().rpartition(")")[2].split()[:3]
        except OSError:
            continue  # it ended while we looked
        if state != "Z" and int(pgrp) == group:
            found.append(int(stat.parent.name))
    return found


def test_every_stop_signal_unwinds_the_build():
    """Ctrl-C, terminated and hung up: one handler, which unwinds (the build's `finally` blocks
    remove its folders) with the shell's status for the signal. The builds below stop on each."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        stop_on_signals()
        handlers = {signal.getsignal(signum) for signum in saved}
        assert len(handlers) == 1
        handler = handlers.pop()
        assert callable(handler)
        for signum in saved:
            with pytest.raises(SystemExit) as stopped:
                handler(signum, None)
            assert stopped.value.code == 128 + signum
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


# Each step, and each signal once: they share one handler (the test above), so the whole build
# stopped by each in each step would prove no more.
@pytest.mark.parametrize(
    "step, signum", [("site build", signal.SIGTERM), ("site build", signal.SIGHUP), ("PDFs", signal.SIGINT)]
)
def test_stopped_build_leaves_nothing(project_copy, step, signum):
    build = start(project_copy)
    try:
        if step == "PDFs":
            for line in build.stdout:
                if "editions built" in line:
                    break
        else:
            deadline = time.time() + HANG
            while not list(project_copy.glob(".site-*/site-*")):
                assert time.time() < deadline and build.poll() is None, "the build never started"
                time.sleep(0.02)
        build.send_signal(signum)
        output = build.communicate(timeout=HANG)[0]
    finally:
        build.kill()
    assert build.returncode != 0, output
    assert "Traceback" not in output, output
    deadline = time.monotonic() + HANG
    while running := running_in_group(build.pid):  # nothing still running may write afterwards
        assert time.monotonic() < deadline, f"still running after the build stopped: {running}"
        time.sleep(0.05)
    assert litter(project_copy) == []


def test_next_build_removes_what_a_killed_build_left(project_copy):
    build = start(project_copy, "--no-pdf")
    deadline = time.time() + HANG
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
