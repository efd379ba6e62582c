#!/usr/bin/env python3
"""Remove the build's output folders (`make clean`): the site (site/, or SITE_DIR), the
folders the build writes beside it (-nginx, -overflow), and every other site-* folder of
the repository (site-example-clinic/, say), each only if it carries the build's marker.

Anything else is kept, with one line saying why: a site-photos/ folder someone keeps in
the repository, a symbolic link, a build made before builds marked their folders.
Needs only Python's standard library, so it runs before or without `.venv`.
Exit 0: done (folders kept are named). Exit 1: a folder of the build's could not be removed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from guidekit.host_configs import nginx_dir_for
from guidekit.output_dir import overflow_dir_for, removal_refusal

ROOT = Path(__file__).resolve().parent.parent


def output_folders(site_dir: Path, root: Path) -> list[Path]:
    """The site, its siblings and the repository's site-* folders, each once, links unfollowed."""
    site_dir = Path(site_dir).absolute()
    found = [site_dir, nginx_dir_for(site_dir), overflow_dir_for(site_dir), root / "site", *sorted(root.glob("site-*"))]
    return list(dict.fromkeys(Path(folder).absolute() for folder in found))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the site folder (SITE_DIR)")
    args = parser.parse_args(argv)
    status = 0
    for folder in output_folders(args.site_dir, ROOT):
        if not folder.exists() and not folder.is_symlink():
            continue
        if refusal := removal_refusal(folder):
            print(f"kept: {refusal.problem}. Fix: {refusal.fix}")
            continue
        try:
            shutil.rmtree(folder)
        except OSError as error:
            print(f"error: {folder}: could not be removed ({error.strerror}). Fix: check who owns it", file=sys.stderr)
            status = 1
            continue
        print(f"removed {folder}")
    return status


if __name__ == "__main__":
    sys.exit(main())
