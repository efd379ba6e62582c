"""Benchmark the guide: page weight, Lighthouse, build time, serve rebuild, search.

Prints a table and writes the same figures as JSON. Byte counts are stable
from run to run; times are reported, never asserted.
Exit 0: measured (budgets are reported in the output). Exit 2: bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NotRequired, TypedDict

from playwright.sync_api import Browser, sync_playwright

from guidekit.bench import lighthouse
from guidekit.bench.local_server import serve
from guidekit.bench.page_weight import visit
from guidekit.bench.search_timing import search_latencies
from guidekit.browser import launch
from guidekit.editions import base_config_env, editions_for

ROOT = Path(__file__).resolve().parents[3]

PAGES = ["index.html", "before.html", "during.html", "recovery.html", "faq.html", "about.html"]
LIGHTHOUSE_PAGES = ["index.html", "before.html", "during.html", "recovery.html", "faq.html"]
QUERIES = ["cement", "fever", "kyphoplasty", "can I eat", "vertebroplasy"]


class Budgets(TypedDict):
    first_visit_kb: int
    second_page_kb: int
    build_ratio: float
    search_ms: int
    lighthouse: dict[str, int]  # the lowest score of each category


class BuildTimes(TypedDict):
    runs: int
    editions: int
    full_build_s: list[float]
    plain_mkdocs_s: list[float]
    full_median_s: float
    plain_median_s: float
    ratio: float


class PageWeight(TypedDict):
    """What one page downloads, in bytes; the second_page_* figures (None on the home page) are
    what it adds to a visit that started on the home page."""

    requests: int
    raw_bytes: int
    gzip_bytes: int
    brotli_bytes: int
    second_page_gzip_bytes: int | None
    second_page_brotli_bytes: int | None
    second_page_requests: int | None


class Search(TypedDict):
    index: dict[str, int]  # the index's size: raw, gzip and brotli bytes
    latency_ms: dict[str, float]  # by query
    max_latency_ms: float


class BudgetCheck(TypedDict):
    value: object  # the figure measured
    ok: bool


class Result(TypedDict):
    """The benchmark's figures, in the order they are measured (and written as JSON)."""

    quick: bool
    config: str
    build: BuildTimes
    page_weight: NotRequired[dict[str, PageWeight]]
    lighthouse: NotRequired[dict[str, lighthouse.AuditSummary]]
    search: NotRequired[Search]
    serve_rebuild_s: NotRequired[list[float]]
    budgets: NotRequired[dict[str, BudgetCheck]]


BUDGETS: Budgets = {
    "first_visit_kb": 100,
    "second_page_kb": 20,
    "build_ratio": 3.0,
    "search_ms": 100,
    "lighthouse": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def build_times(config: Path, work: Path, runs: int) -> BuildTimes:
    """The README's whole build (checks, every edition, PDFs) against plain `mkdocs build`
    of the same docs: each edition's config built one after another."""
    full = [
        timed(
            [
                sys.executable,
                str(ROOT / "scripts" / "build.py"),
                "--config",
                str(config),
                "--site-dir",
                str(work / "site"),
            ]
        )
        for _ in range(runs)
    ]
    plain = []
    editions = editions_for(config)
    for _ in range(runs):
        plain.append(
            sum(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "mkdocs",
                        "build",
                        "-q",
                        "-f",
                        str(edition.config),
                        "-d",
                        str(work / "plain" / edition.subdir),
                    ],
                    base_config_env(config),
                )
                for edition in editions
            )
        )
    return {
        "runs": runs,
        "editions": len(editions),
        "full_build_s": [round(t, 2) for t in full],
        "plain_mkdocs_s": [round(t, 2) for t in plain],
        "full_median_s": round(statistics.median(full), 2),
        "plain_median_s": round(statistics.median(plain), 2),
        "ratio": round(statistics.median(full) / statistics.median(plain), 2),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except OSError:
        return ""


# Only a guard against a server that never answers: the times are measured and reported, and a
# loaded machine may take minutes to start one (the targets are the benchmark's figures, not this).
HANG = 600


def serve_rebuild_time(config: Path, work: Path, runs: int) -> list[float]:
    """Seconds from saving a page to the rebuilt page being served by `mkdocs serve`."""
    project = work / "serve-project"
    for part in ["docs", "overrides", "scripts", "clinics"]:
        shutil.copytree(ROOT / part, project / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for yml in [*ROOT.glob("mkdocs*.yml"), ROOT / "CHANGELOG.md"]:  # the plugin's dates part reads the edition there
        shutil.copy2(yml, project / yml.name)
    # MkDocs serve keeps its site in a temporary folder it removes only when it stops cleanly:
    # it gets one inside the work folder, removed here however the server ends.
    serve_tmp = work / "serve-tmp"
    serve_tmp.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / config.name), "-a", f"127.0.0.1:{port}"],
        env=dict(ENV, TMPDIR=str(serve_tmp)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=project,
    )
    page = project / "docs" / "faq.md"
    original = page.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/faq.html"
    times = []
    try:
        deadline = time.time() + HANG
        while "Questions" not in fetch(url):
            if time.time() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        for run in range(runs):
            marker = f"Marker number {run + 1} for the timing."
            page.write_text(original + f"\n{marker}\n", encoding="utf-8")
            started = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - started > HANG:
                    raise RuntimeError("mkdocs serve did not rebuild")
                time.sleep(0.05)
            times.append(round(time.perf_counter() - started, 2))
    finally:
        # The project is a throwaway copy: the page is not restored, which would start one more
        # rebuild that MkDocs finishes before it stops (on a busy machine, longer than we waited).
        server.send_signal(signal.SIGINT)  # like Ctrl-C
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # seen on a busy machine: the server did not stop on Ctrl-C
            server.kill()
            server.wait()
        shutil.rmtree(serve_tmp, ignore_errors=True)
    return times


def page_weights(browser: Browser, base_url: str) -> dict[str, PageWeight]:
    visits = {page: visit(browser, base_url, page) for page in PAGES}
    first = visits["index.html"]
    cached = set(first.resources)
    pages: dict[str, PageWeight] = {}
    for page, record in visits.items():
        pages[page] = {
            "requests": len(record.resources),
            "raw_bytes": record.total("raw"),
            "gzip_bytes": record.total("gzip"),
            "brotli_bytes": record.total("brotli"),
            "second_page_gzip_bytes": record.total("gzip", cached) if page != "index.html" else None,
            "second_page_brotli_bytes": record.total("brotli", cached) if page != "index.html" else None,
            "second_page_requests": len(set(record.resources) - cached) if page != "index.html" else None,
        }
    return pages


def search_index_size(site: Path) -> dict[str, int]:
    import gzip

    import brotli

    body = (site / "search" / "search_index.json").read_bytes()
    return {
        "raw_bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, 9)),
        "brotli_bytes": len(brotli.compress(body, quality=11)),
    }


def byte_budgets(page_weight: dict[str, PageWeight]) -> dict[str, tuple[object, bool]]:
    """The budgets on what pages download: byte counts are the same on every run, so the tests check these."""
    first = max(w["gzip_bytes"] for w in page_weight.values()) / 1024
    second = max(w["second_page_gzip_bytes"] or 0 for w in page_weight.values()) / 1024
    return {
        "first_visit_kb": (round(first, 1), first <= BUDGETS["first_visit_kb"]),
        "second_page_kb": (round(second, 1), second <= BUDGETS["second_page_kb"]),
    }


def budgets(result: Result) -> dict[str, BudgetCheck]:
    checks: dict[str, tuple[object, bool]] = {
        **byte_budgets(result["page_weight"]),
        "build_ratio": (result["build"]["ratio"], result["build"]["ratio"] <= BUDGETS["build_ratio"]),
        "search_ms": (result["search"]["max_latency_ms"], result["search"]["max_latency_ms"] <= BUDGETS["search_ms"]),
    }
    for page, audit in result["lighthouse"].items():
        low = {k: v for k, v in audit["scores"].items() if v < BUDGETS["lighthouse"][k]}
        checks[f"lighthouse {page}"] = (audit["scores"], not low)
    return {name: {"value": value, "ok": ok} for name, (value, ok) in checks.items()}


def print_table(result: Result) -> None:
    print(f"{'page':<16}{'requests':>9}{'raw KB':>9}{'gzip KB':>9}{'br KB':>8}{'2nd gzip KB':>13}{'2nd br KB':>11}")
    for page, w in result["page_weight"].items():
        second = "-" if w["second_page_gzip_bytes"] is None else f"{w['second_page_gzip_bytes'] / 1024:.1f}"
        second_br = "-" if w["second_page_brotli_bytes"] is None else f"{w['second_page_brotli_bytes'] / 1024:.1f}"
        print(
            f"{page:<16}{w['requests']:>9}{w['raw_bytes'] / 1024:>9.1f}{w['gzip_bytes'] / 1024:>9.1f}"
            f"{w['brotli_bytes'] / 1024:>8.1f}{second:>13}{second_br:>11}"
        )
    print()
    print(
        f"{'lighthouse':<16}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'LCP ms':>9}{'CLS':>7}{'TBT ms':>8}"
        "  perf of each run"
    )
    for page, audit in result["lighthouse"].items():
        s, m = audit["scores"], audit["metrics"]
        each = " ".join(str(run["performance"]) for run in audit["all_scores"])
        print(
            f"{page:<16}{s['performance']:>6}{s['accessibility']:>6}{s['best-practices']:>6}{s['seo']:>6}"
            f"{m['lcp_ms']:>9.0f}{m['cls']:>7.3f}{m['tbt_ms']:>8.0f}  {each}"
        )
    index = statistics.median(audit["benchmark_index"] for audit in result["lighthouse"].values())
    print(f"(medians; Lighthouse's CPU benchmark index for this machine: {index:.0f})")
    b = result["build"]
    print(
        f"\nbuild: full {b['full_median_s']} s, plain mkdocs ({b['editions']} editions) {b['plain_median_s']} s, "
        f"ratio {b['ratio']} "
        f"(runs: {b['full_build_s']} / {b['plain_mkdocs_s']})"
    )
    print(f"mkdocs serve, save to rebuilt page: {result['serve_rebuild_s']} s")
    found = result["search"]
    print(
        f"search index: {found['index']['raw_bytes'] / 1024:.1f} KB raw, "
        f"{found['index']['gzip_bytes'] / 1024:.1f} KB gzip; query to results: {found['latency_ms']}"
    )
    print("\nbudgets:")
    for name, check in result["budgets"].items():
        print(f"  {'ok  ' if check['ok'] else 'OVER'} {name}: {check['value']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--quick", action="store_true", help="one run of each, Lighthouse on the home page only")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build (default 3)")
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=5,
        help="Lighthouse runs of each page, median reported (default 5, as Lighthouse advises)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"error: {args.config}: no such config file. Fix: pass --config with a MkDocs config.", file=sys.stderr)
        return 2
    if not lighthouse.available():
        print(
            "error: node_modules/.bin/lighthouse: not installed. Fix: run `npm ci` (or `make bench`).", file=sys.stderr
        )
        return 2
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        result: Result = {
            "quick": args.quick,
            "config": str(args.config),
            "build": build_times(args.config.resolve(), work, runs),
        }
        site = work / "site"
        with serve(site, compress=True) as base_url:  # gzip, as a static host serves it
            with sync_playwright() as playwright:
                browser = launch(playwright, headless_shell=False)
                try:  # a browser left open leaves its profile folder behind
                    result["page_weight"] = page_weights(browser, base_url)
                    latencies = search_latencies(browser, base_url, QUERIES)
                finally:
                    browser.close()
            pages = LIGHTHOUSE_PAGES[:1] if args.quick else LIGHTHOUSE_PAGES
            result["lighthouse"] = lighthouse.median_audits(
                {page: f"{base_url}/{page}" for page in pages}, 1 if args.quick else args.lighthouse_runs
            )
        result["search"] = {
            "index": search_index_size(site),
            "latency_ms": latencies,
            "max_latency_ms": max(latencies.values()),
        }
        result["serve_rebuild_s"] = serve_rebuild_time(args.config.resolve(), work, runs)
    result["budgets"] = budgets(result)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
        print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
