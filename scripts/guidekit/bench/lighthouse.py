"""Run the pinned Lighthouse (npm) against a local page with the local Chromium."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import TypedDict

from guidekit.browser import CHROMIUM_ARGS, system_chromium

ROOT = Path(__file__).resolve().parents[3]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "cls": "cumulative-layout-shift",
    "tbt_ms": "total-blocking-time",
    "fcp_ms": "first-contentful-paint",
}


class Audit(TypedDict):
    """One Lighthouse run of a page."""

    scores: dict[str, int]  # by category, 0-100
    metrics: dict[str, float]  # by key of METRICS
    failing_audits: list[str]
    benchmark_index: float


class AuditSummary(TypedDict):
    """Several runs of a page: the medians, and each run's scores."""

    runs: int
    scores: dict[str, float]
    metrics: dict[str, float]
    all_scores: list[dict[str, int]]
    failing_audits: list[str]
    benchmark_index: float


def available() -> bool:
    return LIGHTHOUSE.exists()


def audit(url: str) -> Audit:
    """Mobile profile with Lighthouse's default (simulated) throttling."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, TMPDIR=tmp)  # Chromium's own temp folders go, with the report, when this ends
        if chromium := system_chromium(headless_shell=False):  # Lighthouse drives the full browser
            env["CHROME_PATH"] = chromium
        flags = " ".join(["--headless=new", "--disable-dev-shm-usage", *CHROMIUM_ARGS])
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={flags}",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {key: round(report["audits"][audit_id]["numericValue"], 3) for key, audit_id in METRICS.items()}
    failing = sorted(
        {
            ref["id"]
            for category in report["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] > 0
            and report["audits"][ref["id"]]["score"] is not None
            and report["audits"][ref["id"]]["score"] < 1
        }
    )
    return {
        "scores": scores,
        "metrics": metrics,
        "failing_audits": failing,
        "benchmark_index": report["environment"]["benchmarkIndex"],
    }


def median_audits(urls: dict[str, str], runs: int) -> dict[str, AuditSummary]:
    """Lighthouse's own advice: scores vary run to run, so report the median of
    several. The pages take turns (round 1: every page, round 2: ...), so a busy
    spell on a shared machine falls on all pages alike, not on one."""
    audits: dict[str, list[Audit]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            audits[name].append(audit(url))
    return {name: summary(runs_of_page) for name, runs_of_page in audits.items()}


def summary(audits: list[Audit]) -> AuditSummary:
    return {
        "runs": len(audits),
        "scores": {name: statistics.median(a["scores"][name] for a in audits) for name in CATEGORIES},
        "metrics": {key: round(statistics.median(a["metrics"][key] for a in audits), 3) for key in METRICS},
        "all_scores": [a["scores"] for a in audits],
        "failing_audits": sorted({audit_id for a in audits for audit_id in a["failing_audits"]}),
        # Lighthouse's measure of this machine's CPU (a 2-core VM here scores about 1200):
        # its 4x slowdown assumes a fast desktop, so a slow one shows more blocking time.
        "benchmark_index": statistics.median(a["benchmark_index"] for a in audits),
    }
