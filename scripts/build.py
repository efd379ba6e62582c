#!/usr/bin/env python3
"""Build the guide: content check, strict MkDocs build of every edition
(English at the root, Spanish in es/), then the PDF handouts of each.

Everything is built into a temporary folder first and moved into place only
when every step has passed, so a failed build leaves nothing half-written.
The editions build side by side, Chromium starts while they build, and each
PDF is read back and checked for its facts as soon as it is written.
Exit 0: built. Exit 1: a step failed. Exit 2: bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from guidekit.clinic_file import check_clinic_file, clinic_file_for
from guidekit.config_file import ConfigFileError, check_config_file, mkdocs_config_messages
from guidekit.editions import Edition, EditionError, base_config_env, editions_for, overlays
from guidekit.end_of_life import notice as end_of_life_notice
from guidekit.host_configs import nginx_dir_for, write_host_configs
from guidekit.manifest import ManifestError
from guidekit.output_dir import FIX as SITE_DIR_FIX
from guidekit.output_dir import MARKER, Refusal, mark, output_dir_problem, overflow_dir_for, replace_refusal
from guidekit.signoff import problem as signoff_problem
from guidekit.work_dir import die_with_parent, make_parents, remove_empty, replace_dirs, stop_on_signals, work_dir
from guidekit.write_failure import is_write_failure, reported, write_problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from playwright.async_api import Browser, Playwright

    from guidekit.clinic import Clinic
    from guidekit.handouts import Handout
    from guidekit.manifest import Manifest

ROOT = Path(__file__).resolve().parent.parent

MANIFEST = ROOT / "scripts" / "required_content.yml"


def load_site_config(path: Path) -> MkDocsConfig:
    """The config as the build will see it: validated by MkDocs, then by the plugins (the guide's checks the clinic)."""
    from mkdocs.config import load_config

    config = load_config(str(path))
    return config.plugins.on_config(config)


def reviews_due(config: MkDocsConfig, today: dt.date) -> list[str]:
    """The guide's and the clinic's reviews that are past their due date, and a clinic's review
    that does not cover this edition of the guide (an older one, or none named), as messages."""
    extra, late = config.extra, []
    if extra["guide_review_due"] < today:
        late.append(
            f"the guide's review was due on {extra['guide_review_due']} (extra.guide_reviewed: "
            f"{extra['guide_reviewed']}). Fix: check the guide against its sources, then update "
            "guide_reviewed in mkdocs.yml and the pages' reviewed: dates"
        )
    clinic: Clinic | None = extra.get("clinic")
    if clinic and clinic.review_due and clinic.review_due < today:
        late.append(
            f"the clinic's review was due on {clinic.review_due} (extra.clinic.reviewed_on: "
            f"{clinic.reviewed_on}). Fix: have the guide reviewed again, then update reviewed_on"
        )
    if signoff := signoff_problem(clinic, extra["guide_edition"]):
        late.append(signoff)
    return late


def pdf_problems(
    manifest: Manifest,
    pdf: Path,
    phases: list[str],
    lang: str,
    overflow_dir: Path,
    kind: str = "standard",
    page_html: Path | None = None,
) -> list[str]:
    """What the PDF is missing, as messages. A handout over its page budget is kept in
    `overflow_dir`, to look at after the build has failed. A large-print handout carries the
    same facts as its standard one, with no page budget; the card carries every fact the shared
    warning signs carry, on one page. A phase handout (standard or large print) keeps each list
    of warning signs of its page (`page_html`, the page it was printed from) on one page."""
    from guidekit.card import card_problems
    from guidekit.content_report import check_units
    from guidekit.handout_budget import over_budget
    from guidekit.handouts import CARD, LARGE_PRINT
    from guidekit.pdf_text import FOOTER_MM, LARGE_PRINT_FOOTER_MM, pdf_units
    from guidekit.warning_lists import split_lists

    if kind == CARD:
        return [f"{lang}/{pdf.name} {problem}" for problem in card_problems(manifest, pdf, lang)]
    large = kind == LARGE_PRINT
    footer_mm = LARGE_PRINT_FOOTER_MM if large else FOOTER_MM
    units = pdf_units(pdf, footer_mm)
    findings = check_units(manifest, units, pdf.name, phases, lang)
    problems = [f"{lang}/{pdf.name} is missing {f.kind} {f.id}: {f.detail}" for f in findings if not f.ok]
    if phases and page_html is not None:
        problems += split_lists(manifest, pdf, page_html, lang, footer_mm)
    if not large and (overflow := over_budget(pdf, phases, lang, overflow_dir)):
        problems.append(overflow)
    return problems


def phases_by_pdf(manifest: Manifest, config: MkDocsConfig) -> dict[str, list[str]]:
    """Each handout's page ID, standard and large print (the complete guide has none: it
    carries every fact; nor has the card: it carries the warning signs)."""
    page_ids = {spec.file: spec.id for spec in manifest.pages.values()}
    phases: dict[str, list[str]] = {}
    for entry in config.extra["print"]["handouts"]:
        for name in (entry["pdf"], entry.get("large_print")):
            if name:
                phases[name] = [page_ids[entry["page"]]]
    return phases


def warnings_and_errors(log: str) -> str:
    """MkDocs' log without its INFO lines (and their continuation lines)."""
    shown, keep = [], True
    for line in log.splitlines():
        if not line[:1].isspace():
            keep = not line.startswith("INFO")
        if keep and line.strip():
            shown.append(line)
    return "\n".join(shown)


async def build_sites(editions: list[Edition], work: Path) -> bool:
    # Not --quiet: it silences warnings before strict mode counts them, so they would pass.
    # Material's end-of-life notice is off here: the build says it once (guidekit/end_of_life.py).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    builds = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "guidekit.mkdocs_run",  # `mkdocs`, with a write failure handed back on one line
            "build",
            "--strict",
            "-f",
            str(edition.config),
            "-d",
            str(work / f"site-{edition.lang}"),
            env=env,
            cwd=ROOT,
            preexec_fn=die_with_parent,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        for edition in editions
    ]
    try:
        logs = [out.decode("utf-8", "replace") for out, _ in await asyncio.gather(*(b.communicate() for b in builds))]
    finally:  # stopped: no build may go on writing into the folder being removed
        for build in builds:
            if build.returncode is None:
                build.kill()
                await build.wait()
    for log in logs:  # the disk, not the guide: said once, in one line, instead of the logs
        if write_error := reported(log):
            raise write_error
    for edition, log in zip(editions, logs, strict=True):
        if shown := warnings_and_errors(log):
            print(f"{edition.config.name}:\n{shown}", file=sys.stderr)
    if any(build.returncode for build in builds):
        return False
    site = work / "site"
    (work / f"site-{editions[0].lang}").rename(site)
    for edition in editions[1:]:
        (work / f"site-{edition.lang}").rename(site / edition.subdir)
        (site / edition.subdir / MARKER).unlink(missing_ok=True)  # one marker, at the top
    return True


async def build_pdfs(
    editions: list[Edition],
    configs: list[MkDocsConfig],
    site: Path,
    browser_ready: asyncio.Task[Browser],
    overflow_dir: Path,
) -> bool:
    """Every edition's PDFs, one after another in one tab (Chromium prints one PDF at
    a time anyway), each read back and checked for its facts as soon as it is written."""
    from guidekit.card import card_html
    from guidekit.handouts import print_settings, print_tab, render_all
    from guidekit.manifest import load_manifest
    from guidekit.toc_pages import TocPagesError

    started = time.perf_counter()
    manifest = load_manifest(MANIFEST, str(configs[0].extra["emergency_number"]))
    browser = await browser_ready
    checks: list[asyncio.Task[list[str]]] = []  # each PDF is read in a thread while Chromium prints the next
    count = 0
    unprinted: list[str] = []
    async with print_tab(browser) as tab:
        for edition, config in zip(editions, configs, strict=True):
            phases, lang = phases_by_pdf(manifest, config), edition.lang

            def check(
                handout: Handout,
                path: Path,
                phases: dict[str, list[str]] = phases,
                lang: str = lang,
                edition_dir: Path = site / edition.subdir,
            ) -> None:
                found = phases.get(handout.pdf, [])
                page = edition_dir / handout.page
                checks.append(
                    asyncio.create_task(
                        asyncio.to_thread(pdf_problems, manifest, path, found, lang, overflow_dir, handout.kind, page)
                    )
                )

            card = card_html(config, manifest, lang)
            settings = print_settings(config, card)
            try:
                count += len(await render_all(tab, site / edition.subdir, settings, on_done=check))
            except TocPagesError as error:  # the complete guide's table of contents
                unprinted.append(f"{lang}/{error}")
    problems = unprinted + [problem for found in await asyncio.gather(*checks) for problem in found]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{count} PDFs rendered and checked in {time.perf_counter() - started:.1f} s")
    return not problems


class ChromiumMissing(Exception):
    pass


async def build(
    editions: list[Edition], configs: list[MkDocsConfig], work: Path, with_pdfs: bool, overflow_dir: Path
) -> bool:
    started = time.perf_counter()
    if not with_pdfs:
        return await build_sites(editions, work)

    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    from guidekit.browser import launch, system_chromium

    async def start_chromium(playwright: Playwright) -> Browser:
        # Looked for first: a launch that fails leaves Playwright's profile folder behind.
        chromium = system_chromium() or playwright.chromium.executable_path
        if not Path(chromium).is_file():
            raise ChromiumMissing(f"no Chromium at {chromium}")
        try:
            return await launch(playwright)
        except PlaywrightError as error:
            raise ChromiumMissing(str(error).strip().splitlines()[0]) from None

    async with async_playwright() as playwright:
        browser_ready = asyncio.create_task(start_chromium(playwright))
        try:
            if not await build_sites(editions, work):
                return False
            print(f"{len(editions)} editions built in {time.perf_counter() - started:.1f} s")
            return await build_pdfs(editions, configs, work / "site", browser_ready, overflow_dir)
        finally:
            try:
                await (await browser_ready).close()
            except ChromiumMissing:
                pass  # reported by whoever needed it


def read_by(configs: list[MkDocsConfig]) -> list[Path]:
    """Folders the build reads besides the repository's own: pages and the clinic's logo."""
    folders = [Path(config.docs_dir) for config in configs]
    return folders + [c.logo_source.parent for config in configs if (c := config.extra.get("clinic")) and c.logo_source]


def site_dir_refused(problem: str) -> int:
    print(f"error: --site-dir (SITE_DIR): {problem}; nothing was touched. Fix: {SITE_DIR_FIX}", file=sys.stderr)
    return 2


def replace_refused(site_dir: Path) -> Refusal | None:
    """Why the build may not write its folders (the site and its nginx configs beside it),
    checked before anything is built: each must be the build's own, empty or new."""
    return (
        replace_refusal(site_dir, "SITE_DIR")
        or replace_refusal(nginx_dir_for(site_dir), "SITE_DIR's nginx folder")
        or replace_refusal(overflow_dir_for(site_dir), "SITE_DIR's overflow folder")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (a clinic's file)")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the finished site goes")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF handouts")
    parser.add_argument(
        "--fail-if-review-due",
        action="store_true",
        help="fail (exit 1) when the guide's or the clinic's review is past due, or the clinic's reviewer"
        " approved an older edition of the guide (or named none), instead of warning",
    )
    parser.add_argument(
        "--check-config",
        action="store_true",
        help="check the config (a clinic's file, read as data) and stop: `make serve` runs it before MkDocs",
    )
    args = parser.parse_args(argv)
    stop_on_signals()
    if not args.config.is_file():
        print(
            f"error: {args.config}: no such config file. Fix: pass --config with a MkDocs config file.", file=sys.stderr
        )
        return 2
    from mkdocs.exceptions import MkDocsException, PluginError

    started = time.perf_counter()
    print(end_of_life_notice())  # once per build: MkDocs runs with Material's own notice off
    site_dir = args.site_dir.resolve()
    if problem := output_dir_problem(site_dir, homes=[args.config.resolve().parent]):
        return site_dir_refused(problem)
    if refusal := replace_refused(site_dir):
        print(f"error: {refusal.problem}; nothing was touched. Fix: {refusal.fix}", file=sys.stderr)
        return 2
    try:  # before anything is written, and before MkDocs reads a clinic's file
        overlays()
        clinic_file = clinic_file_for(args.config, ROOT)
        check_config_file(args.config, clinic_file)
    except (ConfigFileError, EditionError, ManifestError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if clinic_file and (problems := check_clinic_file(clinic_file, ROOT)):
        for line in problems:  # every problem in the file at once, for every edition
            print(f"error: clinic configuration: {line}", file=sys.stderr)
        return 2
    if args.check_config:
        print(f"{args.config}: the configuration is fine")
        return 0
    # Every edition's MkDocs, here and in the builds started below, reads it.
    os.environ.update(base_config_env(args.config))
    editions = editions_for(args.config)
    try:
        with mkdocs_config_messages() as messages:
            configs = [load_site_config(edition.config) for edition in editions]
        print(f"configuration checked in {time.perf_counter() - started:.1f} s")
        late = reviews_due(configs[0], dt.date.today())
    except PluginError as error:  # the guide plugin names the file and field itself
        print(f"error: {error}", file=sys.stderr)
        return 2
    except MkDocsException as error:  # MkDocs logged what it found, without the file's name
        found = "; ".join(dict.fromkeys(messages)) or str(error)
        print(
            f"error: {args.config}: {found}. Fix: correct or remove that setting "
            "(https://www.mkdocs.org/user-guide/configuration/)",
            file=sys.stderr,
        )
        return 2
    if problem := output_dir_problem(site_dir, read_by(configs)):
        return site_dir_refused(problem)
    for message in late:
        print(f"{'error' if args.fail_if_review_due else 'warning'}: {args.config}: {message}.", file=sys.stderr)
    if late and args.fail_if_review_due:
        return 1
    if status := write_site(editions, configs, site_dir, not args.no_pdf):
        return status
    print(f"done in {time.perf_counter() - started:.1f} s: {site_dir}")
    return 0


def write_site(editions: list[Edition], configs: list[MkDocsConfig], site_dir: Path, with_pdfs: bool) -> int:
    """Build every edition in a temporary folder and move the site into place: 0, or the exit
    status of a failure, after which nothing is left (no temporary folder, no folder made for it)."""
    made: list[Path] = []  # SITE_DIR's parents that did not exist: removed again if the build fails
    overflow = overflow_dir_for(site_dir)
    work: Path | None = None
    written = False
    try:
        make_parents(site_dir, made)
        if overflow.is_dir():  # the last build's handouts over budget (refused above unless the build's own or empty)
            shutil.rmtree(overflow)
        work = work_dir(site_dir)
        if not asyncio.run(build(editions, configs, work, with_pdfs, overflow)):
            print(f"error: the build failed; nothing was written to {site_dir}", file=sys.stderr)
            return 1
        write_host_configs(work / "site", work / "nginx", configs[0].site_url)
        for folder in (work / "site", work / "nginx"):
            mark(folder)  # so the next build may replace them
        replace_dirs([(work / "site", site_dir), (work / "nginx", nginx_dir_for(site_dir))])
        written = True
    except ChromiumMissing as error:
        print(
            f"error: PDF step: Chromium did not start ({error}); nothing was written to {site_dir}. "
            "Fix: run `make browser` to install it, or build without PDFs: scripts/build.py --no-pdf",
            file=sys.stderr,
        )
        return 2
    except OSError as error:  # a full disk, a file-size limit: one line, not a traceback
        if not is_write_failure(error):
            raise
        shutil.rmtree(overflow, ignore_errors=True)  # this build's, and maybe cut short
        print(f"error: {write_problem(error, site_dir, work or site_dir.parent)}", file=sys.stderr)
        return 1
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
        if not written:
            remove_empty(made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
