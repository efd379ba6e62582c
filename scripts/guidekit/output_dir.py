"""Where a finished site may go: never onto, over or into what the build reads.

A build replaces its output folder whole, so an output folder that is (or
holds) the sources, the repository or a clinic's folder would delete them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# What the build reads or needs, besides each edition's docs_dir and the clinic's folder.
SOURCES = ["docs", "overrides", "scripts", "clinics", "tests", ".git", ".ci", ".venv", "node_modules"]
FIX = "choose a new folder of its own, e.g. SITE_DIR=site or SITE_DIR=site-myclinic"


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
