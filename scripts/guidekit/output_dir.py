"""Where a finished site may go: never onto, over or into what the build reads,
and never over a folder the build did not write.

A build replaces its output folder whole, so an output folder that is (or
holds) the sources, the repository or a clinic's folder would delete them;
so would one that holds anyone's other files (a web root, a photos folder,
the home folder). Each folder the build writes carries a marker file, and
the build replaces only a folder that carries it, is empty or does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent.parent
# What the build reads or needs, besides each edition's docs_dir and the clinic's folder.
SOURCES = ["docs", "overrides", "scripts", "clinics", "tests", ".git", ".ci", ".venv", "node_modules"]
FIX = "choose a new folder of its own, e.g. SITE_DIR=site or SITE_DIR=site-myclinic"
NEW_OR_EMPTY_FIX = "choose a new or empty folder, e.g. SITE_DIR=site-myclinic"

# In every folder the build writes. A dotfile: MkDocs' own clean-up keeps it, and hosts
# rarely serve one; if one does, it says nothing a reader could misuse.
MARKER = ".guide-build"
MARKER_TEXT = (
    "Written by the patient guide's build (scripts/build.py in the guide's repository).\n"
    "The next build into this folder deletes everything in it and writes it anew:\n"
    "keep nothing else here. Without this file, the build refuses to touch the folder.\n"
)
# The first line of the files the build wrote before it marked its folders (host_configs.py).
EARLIER_BUILD = "# Written by the guide's build (scripts/guidekit/host_configs.py)"
EARLIER_BUILD_FILES = ["_headers", "guide-server.conf"]

# Never an output folder, empty or not: the root, every top-level folder (/usr, /etc, /var,
# /home, /tmp itself), the folders right inside these (/var/www, /usr/share, /home/someone),
# anything inside the folders the system itself lives in, and the home folder and its parents.
SHALLOW_SYSTEM = {"usr", "var", "home", "Users"}
SYSTEM_ONLY = {"bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "run", "sbin", "sys"}


class Refusal(NamedTuple):
    problem: str
    fix: str


def overflow_dir_for(site_dir: Path) -> Path:
    """Beside the site: where a handout that outgrew its pages is kept for a look (site-overflow/)."""
    return site_dir.with_name(f"{site_dir.name}-overflow")


def output_dir_problem(
    site_dir: Path, also_read: Sequence[Path] = (), homes: Sequence[Path] = (), root: Path = ROOT
) -> str | None:
    """Why `site_dir` may not be replaced by a built site, or None when it may.

    It may lie inside the repository (site/) or beside a config (`homes`),
    but not be or hold them; it may not be, hold or lie inside a source.
    `root` is the repository being built."""
    site = Path(site_dir).resolve()
    if site.exists() and not site.is_dir():
        return f"{site_dir} is a file, not a folder"
    for home in [root, *homes]:
        home = Path(home).resolve()
        if home == site:
            return f"{site} is the repository (or the config's folder) itself, which the build would delete"
        if home.is_relative_to(site):
            return f"{site} contains the repository (or the config's folder) {home}, which the build would delete"
    for source in [root / name for name in SOURCES] + [Path(p) for p in also_read]:
        source = source.resolve()
        if source == site:
            return f"{site} is a folder the build reads"
        if source.is_relative_to(site):
            return f"{site} contains {source}, which the build reads"
        if site.is_relative_to(source):
            return f"{site} lies inside {source}, which the build reads"
    return None


def marked(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def mark(folder: Path) -> None:
    """Say that the build wrote `folder` (so the next build may replace it)."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def system_folder(folder: Path, home: Path) -> str | None:
    """What `folder` (resolved) is when no build may ever replace it, even empty."""
    if home == folder:
        return "is the home folder"
    if home.is_relative_to(folder):
        return f"holds the home folder {home}"
    parts = folder.parts[1:]  # without the root
    if len(parts) <= 1 or parts[0] in SYSTEM_ONLY or (len(parts) == 2 and parts[0] in SHALLOW_SYSTEM):
        return "is a system folder"
    return None


def nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def writable(folder: Path) -> bool:
    # access() also says no on a read-only file system, even to root.
    return os.access(folder, os.W_OK | os.X_OK)


def earlier_build(folder: Path) -> bool:
    """A folder that looks like this guide's build from before the build marked its folders."""
    for name in EARLIER_BUILD_FILES:
        try:
            with open(folder / name, encoding="utf-8") as file:
                if file.readline().startswith(EARLIER_BUILD):
                    return True
        except (OSError, UnicodeDecodeError):
            continue
    return False


def foreign_files(folder: Path) -> str:
    """A few of the names in `folder` when the build may not replace it (it holds
    something and carries no marker), "" when it may."""
    if marked(folder):
        return ""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in islice(entries, 4)]
    except OSError as error:  # unreadable: not the build's to replace
        return error.strerror or "unreadable"
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


def replace_refusal(folder: Path, what: str, home: Path | None = None) -> Refusal | None:
    """Why the build may not put a folder of its own at `folder` (replacing what is there),
    or None when it may. `what` names the folder in the message (e.g. "SITE_DIR")."""
    folder = Path(folder).resolve()
    home = (home or Path.home()).resolve()
    if system := system_folder(folder, home):
        return Refusal(f"{what} {folder} {system}, never an output folder", NEW_OR_EMPTY_FIX)
    if folder.is_mount():
        return Refusal(
            f"{what} {folder} is a mount point, which the build cannot replace (it moves a finished "
            "site into place whole)",
            f"choose a folder inside it, e.g. SITE_DIR={folder / 'site'}",
        )
    if folder.exists() and not folder.is_dir():
        return Refusal(f"{what} {folder} is a file, not a folder", NEW_OR_EMPTY_FIX)
    if folder.is_dir() and (names := foreign_files(folder)):
        if earlier_build(folder):
            return Refusal(
                f"{what} {folder} holds a build made before builds marked their folders as their own",
                f"if nothing else is in it, delete it by hand once (rm -r '{folder}'), or {NEW_OR_EMPTY_FIX}",
            )
        return Refusal(f"{what} {folder} holds files this build did not write ({names})", NEW_OR_EMPTY_FIX)
    parent = nearest_existing(folder.parent)
    if not writable(parent):
        return Refusal(
            f"{what} {folder} cannot be written: {parent} is read-only to this user",
            "choose a folder you can write to, or make that one writable",
        )
    if folder.is_dir() and not writable(folder):
        return Refusal(
            f"{what} {folder} is read-only to this user, so it cannot be replaced",
            "make it writable (chmod u+w), or choose a new or empty folder",
        )
    return None


def removal_refusal(folder: Path, home: Path | None = None) -> Refusal | None:
    """Why `make clean` keeps `folder` (it removes only what the build wrote), or None when it
    may remove it: a folder that carries the build's marker, is no system or home folder, and
    is not, holds or lies inside the sources or the repository. A link is never followed."""
    home = (home or Path.home()).resolve()
    if folder.is_symlink():
        return Refusal(
            f"{folder} is a symbolic link, and the build writes none", f"remove the link by hand (rm '{folder}')"
        )
    if not folder.is_dir():
        return Refusal(
            f"{folder} is a file, not a folder the build writes", "delete it by hand if it is yours to delete"
        )
    resolved = folder.resolve()
    if system := system_folder(resolved, home):
        return Refusal(f"{folder} {system}", "leave it: the build never writes one")
    if problem := output_dir_problem(resolved):
        return Refusal(problem, "leave it: the build needs it")
    if not marked(folder):
        return Refusal(
            f"{folder} carries no {MARKER} marker: the build did not write it (or wrote it before builds marked "
            "their folders)",
            f"if it holds only an old build, delete it by hand (rm -r '{folder}'); if not, keep it, or give it a name "
            "that does not start with site-",
        )
    return None
