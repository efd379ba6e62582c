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
sys.path.insert(0, str(ROOT / "scripts"))

from guidekit.clinic import ClinicError, load_clinic  # noqa: E402
from guidekit.content_report import check_units  # noqa: E402
from guidekit.manifest import load_manifest  # noqa: E402

MANIFEST = ROOT / "scripts" / "required_content.yml"


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


def load_site_config(path: Path):
    from mkdocs.config import load_config

    config = load_config(str(path))
    config.extra["clinic"] = load_clinic(config.extra.get("clinic"), config.config_file_path)
    return config


def build_pdfs(config, site: Path) -> bool:
    """Render the PDFs and prove each one carries its facts."""
    from guidekit.handouts import handouts_for, render_pdfs
    from guidekit.pdf_text import pdf_units

    started = time.perf_counter()
    pdfs = render_pdfs(site, config)
    print(f"{len(pdfs)} PDFs rendered in {time.perf_counter() - started:.1f} s")
    manifest = load_manifest(MANIFEST)
    phase_of = {entry["pdf"]: entry["page"] for entry in config.extra["print"]["handouts"]}
    page_ids = {spec.file: spec.id for spec in manifest.pages.values()}
    ok = True
    for handout, pdf in zip(handouts_for(config), pdfs):
        phases = [page_ids[phase_of[handout.pdf]]] if handout.pdf in phase_of else []
        missing = [f for f in check_units(manifest, pdf_units(pdf), pdf.name, phases) if not f.ok]
        for f in missing:
            print(f"error: {pdf.name} is missing fact {f.id}: {f.detail}", file=sys.stderr)
        ok = ok and not missing
    return ok


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

    try:
        config = load_site_config(args.config)
    except ClinicError as error:
        print(f"error: clinic configuration: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # MkDocs' own config errors
        print(f"error: {args.config}: {error}", file=sys.stderr)
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
        if not args.no_pdf and not build_pdfs(config, work / "site"):
            print(f"error: a PDF is missing required content; nothing was written to {site_dir}", file=sys.stderr)
            return 1
        replace_dir(work / "site", site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"done: {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
