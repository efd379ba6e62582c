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


def place_in_site(path: Path, work: Path) -> str:
    """The failed file as the reader knows it: its place in the site, not the temporary folder's."""
    inside = path.relative_to(work).parts[1:]  # the first is the edition's or the site's folder (site-en, nginx)
    return f", at {Path(*inside).as_posix()} in the site being built" if inside else ""


def fix_for(error: OSError, folder: Path, site_dir: Path) -> str:
    """What to do about `error`, met in `folder`."""
    if error.errno in FULL:
        return (
            f"free space on the disk that holds {folder} (df -h '{folder}' shows what is left), "
            "or choose a SITE_DIR on another disk"
        )
    if error.errno == errno.EFBIG:
        return "a file outgrew this shell's file-size limit: raise it (ulimit -f unlimited) and build again"
    if error.errno in LOCKED:
        if folder == site_dir.parent:
            return f"make {folder} writable to this user, or choose a SITE_DIR you can write to"
        return f"give this user access to {folder} and what it holds"
    return f"check the disk that holds {folder}, or choose another SITE_DIR"


def write_problem(error: OSError, site_dir: Path, work: Path) -> str:
    """One line: what could not be written (or read), why, that nothing was written, and the fix."""
    name = errno.errorcode.get(error.errno or 0, "an error")
    failed = error.filename2 or error.filename
    path = Path(failed) if failed else None
    nothing = f"nothing was written to {site_dir}, and the build's temporary folder is removed"
    if path is None or path.is_relative_to(work) or path.parent == site_dir.parent:
        place = place_in_site(path, work) if path and path.is_relative_to(work) else ""
        problem = f"{site_dir}: the site could not be written: {error.strerror or error} ({name}{place})"
        return f"{problem}; {nothing}. Fix: {fix_for(error, site_dir.parent, site_dir)}"
    # Something the build reads (a page, the theme): not the site's folder's fault.
    problem = f"{path}: could not be used while the site was built: {error.strerror or error} ({name})"
    return f"{problem}; {nothing}. Fix: {fix_for(error, path.parent, site_dir)}"
