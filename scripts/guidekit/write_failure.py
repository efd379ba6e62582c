"""A site that cannot be written (a full disk, a file-size limit, a folder made read-only
while the build ran) ends the build with one line: where, what failed, and the fix.

The build writes in two kinds of process: its own (the temporary folder, the PDFs, the
hosts' configs) and one MkDocs build per edition. Each MkDocs build runs through
guidekit.mkdocs_run, which hands its error back on one line of its log (`report`) for
the build to raise again here (`reported`), so both kinds end in the same message.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

# An exit status of MkDocs' run that means "a file could not be written" (sysexits.h: EX_IOERR).
WRITE_FAILED = 74
PREFIX = "guide-build: cannot write: "

FULL = {errno.ENOSPC, errno.EDQUOT}
LOCKED = {errno.EACCES, errno.EPERM, errno.EROFS}


def report(error: OSError) -> str:
    """The line a MkDocs build prints for the build to read back."""
    path = error.filename2 if error.filename2 is not None else error.filename
    return PREFIX + json.dumps({"errno": error.errno, "strerror": error.strerror, "path": str(path or "")})


def reported(log: str) -> OSError | None:
    """The error a MkDocs build's log reports, or None."""
    for line in reversed(log.splitlines()):
        if line.startswith(PREFIX):
            found = json.loads(line[len(PREFIX) :])
            return OSError(found["errno"], found["strerror"], found["path"] or None)
    return None


def is_write_failure(error: BaseException) -> bool:
    """An error of the file system (it has an errno), not a timeout or a lost connection."""
    return isinstance(error, OSError) and error.errno is not None


def where(path: str | None, work: Path) -> str:
    """The failed file as the reader knows it: its place in the site, not the temporary folder's."""
    if not path:
        return ""
    try:
        inside = Path(path).relative_to(work)
    except ValueError:
        return f"at {path}"
    # The first part is the edition's or the finished site's folder (site-en, site, nginx).
    return f"at {Path(*inside.parts[1:]).as_posix()} in the site being built" if len(inside.parts) > 1 else ""


def fix_for(error: OSError, site_dir: Path) -> str:
    parent = site_dir.parent
    if error.errno in FULL:
        return (
            f"free space on the disk that holds {parent} (df -h '{parent}' shows what is left), "
            "or choose a SITE_DIR on another disk"
        )
    if error.errno == errno.EFBIG:
        return "a file outgrew this shell's file-size limit: raise it (ulimit -f unlimited) and build again"
    if error.errno in LOCKED:
        return f"make {parent} writable to this user, or choose a SITE_DIR you can write to"
    return f"check the disk that holds {parent}, or choose another SITE_DIR"


def write_problem(error: OSError, site_dir: Path, work: Path) -> str:
    """One line: the folder, what failed and where, that nothing was written, and the fix."""
    name = errno.errorcode.get(error.errno or 0, "an error")
    place = where(error.filename2 or error.filename, work)
    what = f"{name}, {place}" if place else name
    return (
        f"{site_dir}: the site could not be written: {error.strerror or error} ({what}); "
        f"nothing was written and the build's temporary folder is removed. Fix: {fix_for(error, site_dir)}"
    )
