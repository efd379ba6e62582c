"""Prove that every required page, section and fact is in the guide, in every language.

Exit 0: everything is present and every page reads easily enough.
Exit 1: something is missing or a page reads too hard.
Exit 2: bad input (the manifest, a page's front matter, or an argument cannot be used).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guidekit.content_report import Finding, as_dicts, check, check_units
from guidekit.manifest import Manifest, ManifestError, load_manifest

DEFAULT_MANIFEST = Path(__file__).resolve().parents[1] / "required_content.yml"
LABELS = {
    "page": "reviewed",
    "reading": "reading",
    "section": "section",
    "fact": "fact",
    "source": "source",
    "signs": "signs",
}


def print_text(findings: list[Finding], langs: list[str]) -> None:
    for f in findings:
        status = "ok     " if f.ok else "MISSING" if f.kind in ("section", "fact", "source") else "FAIL   "
        where = (f"{f.file} p.{f.line}" if f.file.endswith(".pdf") else f"{f.file}:{f.line}") if f.line else f.file
        detail = f"  {f.detail}" if f.detail else ""
        print(f"{status} {f.lang} {LABELS[f.kind]:<8} {where:<18} {f.id}{detail}")
    for lang in langs:
        mine = [f for f in findings if f.lang == lang]
        failed = [f for f in mine if not f.ok]
        print(
            f"Content check ({lang}): {len(mine) - len(failed)} of {len(mine)} items present"
            + (f"; {len(failed)} missing or failing" if failed else "; all good")
        )


def check_pdf(manifest: Manifest, pdf: Path, phases: list[str], lang: str) -> list[Finding]:
    unknown = [p for p in phases if p not in manifest.pages]
    if unknown:
        raise ManifestError(
            manifest.path, "--phase", "", f"unknown page {unknown[0]!r}", f"use one of: {', '.join(manifest.pages)}"
        )
    if not pdf.is_file():
        raise ManifestError(pdf, "--pdf", "", "does not exist", "build the PDFs first, or fix the path")
    from guidekit.pdf_text import pdf_units  # only PDF checks need pypdf

    return check_units(manifest, pdf_units(pdf), pdf.name, phases, lang)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST, help="content manifest (YAML)")
    parser.add_argument("--docs-dir", type=Path, help="check pages in this copy of docs/ instead")
    parser.add_argument("--lang", action="append", default=[], help="only this language (repeatable); default all")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--pdf", type=Path, help="check the text of this PDF instead of the pages (one --lang)")
    parser.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="PAGE_ID",
        help="with --pdf: only the facts of this page's handout (repeatable); default all facts",
    )
    args = parser.parse_args(argv)

    try:
        manifest = load_manifest(args.manifest)
        unknown = [code for code in args.lang if code not in manifest.languages]
        if unknown:
            raise ManifestError(
                manifest.path,
                "--lang",
                "",
                f"unknown language {unknown[0]!r}",
                f"use one of: {', '.join(manifest.languages)}",
            )
        langs = args.lang or list(manifest.languages)
        if args.docs_dir:
            manifest.set_docs_dir(args.docs_dir.resolve())
        if args.pdf:
            langs = langs[:1] if args.lang else ["en"]
            findings = check_pdf(manifest, args.pdf, args.phase, langs[0])
        else:
            findings = check(manifest, langs)
    except ManifestError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    failed = [f for f in findings if not f.ok]
    if args.format == "json":
        languages = {lang: all(f.ok for f in findings if f.lang == lang) for lang in langs}
        print(
            json.dumps(
                {
                    "ok": not failed,
                    "languages": languages,
                    "manifest": str(manifest.path),
                    "docs_dir": str(manifest.docs_dir),
                    "findings": as_dicts(findings),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print_text(findings, langs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
