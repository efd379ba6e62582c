"""A site that cannot be written (a full disk, a file-size limit) ends the build with one line
naming the folder, what failed and the fix: no traceback, and nothing left behind, neither
a half-written site, nor the temporary folder, nor a folder made for the site."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

BUILD = [sys.executable, str(ROOT / "scripts" / "build.py")]


def file_size_limit(limit: int):
    """In the build's process (and every process it starts): no file may grow past `limit` bytes.
    Python ignores SIGXFSZ, so a write past it raises OSError EFBIG, as a full disk raises ENOSPC."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def one_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message, message
    assert message.startswith("error: ") and "Fix:" in message, message
    assert all(word in message for word in words), message
    return message


@pytest.mark.parametrize(
    "limit,where",
    [
        (64 * 1024, "at assets/"),  # MkDocs copies the theme's scripts: a MkDocs build fails
        (100, ""),  # the marker of the temporary folder: the build's own process fails
    ],
    ids=["in a MkDocs build", "in the build itself"],
)
def test_a_file_size_limit_ends_the_build_in_one_line_and_leaves_nothing(tmp_path, limit, where):
    site = tmp_path / "new" / "site"  # its parent is made for it, and removed again
    result = subprocess.run(
        [*BUILD, "--no-pdf", "--site-dir", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=file_size_limit(limit),
    )
    message = one_line(result, f"{site}: the site could not be written: File too large (EFBIG", "ulimit -f", where)
    assert "nothing was written" in message
    assert list(tmp_path.iterdir()) == []


def own_small_disk(folder: Path, size: int) -> list[str]:
    """A command prefix that runs the command with a file system of `size` bytes mounted at `folder`,
    in a mount namespace of its own (gone when the command ends, so the command's last line, after
    the build's, lists what is left on it)."""
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--map-root-user", "--mount"]
    if not shutil.which("unshare") or subprocess.run([*unshare, "true"], capture_output=True).returncode:
        pytest.skip("cannot make a mount point here (unshare)")
    mount = f'mount -t tmpfs -o size={size} guide-test "$0" || exit 99'
    script = f'{mount}; "$@"; status=$?; echo "left: $(ls -A "$0")"; exit $status'
    return [*unshare, "sh", "-c", script, str(folder)]


def disk_use(files) -> int:
    """What the files take on a tmpfs: whole pages of 4 KiB each."""
    return sum(-(-path.stat().st_size // 4096) * 4096 for path in files if path.is_file())


def test_a_disk_that_fills_up_while_printing_ends_the_build_in_one_line(default_site, tmp_path):
    """A disk with room for the site's pages (as the last full build wrote them), but only for
    half of its PDFs: the MkDocs builds pass, and the PDF step runs out of space."""
    files = list(default_site.rglob("*"))
    pdfs = [path for path in files if "pdf" in path.relative_to(default_site).parts]
    assert pdfs, "the build wrote no PDFs"
    pages = [path for path in files if path not in pdfs]
    disk = tmp_path / "disk"
    disk.mkdir()
    result = subprocess.run(
        [*own_small_disk(disk, disk_use(pages) + disk_use(pdfs) // 2), *BUILD, "--site-dir", str(disk / "site")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "editions built" in result.stdout, result.stdout + result.stderr  # the pages fitted
    full = f"{disk / 'site'}: the site could not be written: No space left on device (ENOSPC"
    message = one_line(result, full, "df -h")
    assert re.search(r", at (es/)?pdf/[\w-]+\.pdf in the site being built\)", message), message  # the handout, named
    assert result.stdout.strip().splitlines()[-1] == "left:"  # nothing on the disk
