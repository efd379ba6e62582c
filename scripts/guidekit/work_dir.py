"""The build's temporary folder, and leaving nothing behind however the build ends.

The site is built in a temporary folder beside its target (so it moves into
place in one rename). A stopped build (Ctrl-C, terminated, hung up) unwinds
and removes it; one killed outright takes its MkDocs builds with it, and the
next build removes the folder it left.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from types import FrameType

from guidekit.output_dir import mark, marked


def stop_on_signals() -> None:
    """A stopped build (Ctrl-C, terminated, hung up) unwinds, so its temporary folder and
    per-language configs are removed: the default handlers of SIGTERM and SIGHUP exit
    on the spot, and Ctrl-C's would print a traceback."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's
        return True
    return True


def work_dir(site_dir: Path) -> Path:
    """A temporary folder beside the site (so the finished site moves in one rename), named
    with this process's id and marked as the build's own; those of builds that were killed
    outright are removed, and nothing else that merely looks like one."""
    prefix = f".{site_dir.name}-"
    for stale in site_dir.parent.glob(prefix + "*"):
        pid = stale.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not alive(int(pid)) and stale.is_dir() and not stale.is_symlink():
            if marked(stale):
                shutil.rmtree(stale, ignore_errors=True)
            else:  # killed before it was marked (then empty), or someone else's
                with contextlib.suppress(OSError):
                    stale.rmdir()
    work = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=site_dir.parent))
    try:
        mark(work)
    except OSError:  # a full disk: the empty folder goes with the build
        shutil.rmtree(work, ignore_errors=True)
        raise
    return work


def make_parents(folder: Path, made: list[Path]) -> None:
    """Make `folder`'s missing parent folders, adding each to `made` as it is made (so a build
    that fails, even half-way through this, can remove them again: remove_empty)."""
    missing = []
    parent = folder.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for parent in reversed(missing):
        parent.mkdir()
        made.append(parent)


def remove_empty(made: list[Path]) -> None:
    """Remove the folders make_parents made, innermost first, each only if it is still empty."""
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def replace_dir(new: Path, target: Path) -> Path | None:
    """Put `new` in `target`'s place, and return where what was there went (or None). What was
    there (checked before the build to be the build's own, or empty) moves into the work folder
    that holds `new`, and goes with it: no `.old` folder of a fixed name, which might be someone
    else's, is used. A failed move puts it back."""
    old = None
    if target.exists():
        old = new.parent / f"replaced-{target.name}"
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    return old


def replace_dirs(pairs: list[tuple[Path, Path]]) -> None:
    """Put each new folder in its target's place, all or none: the site and its hosts' configs
    belong together, so when a later move fails, the earlier ones are undone (each new folder
    goes back to the work folder, what it replaced comes back) before the error goes on."""
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for new, target in pairs:
            done.append((new, target, replace_dir(new, target)))
    except OSError:
        for new, target, old in reversed(done):
            with contextlib.suppress(OSError):
                target.rename(new)
                if old is not None:
                    old.rename(target)
        raise


def die_with_parent() -> None:
    """In each MkDocs build (Linux): end when this script ends, even killed outright,
    rather than go on writing into a folder the next build removes."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
