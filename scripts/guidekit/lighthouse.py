"""Run the pinned Lighthouse (npm) against a local page with the local Chromium."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from .browser import CHROMIUM_ARGS, system_chromium

ROOT = Path(__file__).resolve().parent.parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"lcp_ms": "largest-contentful-paint", "cls": "cumulative-layout-shift",
           "tbt_ms": "total-blocking-time", "fcp_ms": "first-contentful-paint"}


def available() -> bool:
    return LIGHTHOUSE.exists()


def audit(url: str) -> dict:
    """Mobile profile with Lighthouse's default (simulated) throttling."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ)
        if system_chromium():
            env["CHROME_PATH"] = system_chromium()
        flags = " ".join(["--headless=new", "--disable-dev-shm-usage", *CHROMIUM_ARGS])
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                       check=True, env=env, capture_output=True)
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {key: round(report["audits"][audit_id]["numericValue"], 3) for key, audit_id in METRICS.items()}
    failing = sorted({ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]
                      if ref["weight"] > 0 and report["audits"][ref["id"]]["score"] is not None
                      and report["audits"][ref["id"]]["score"] < 1})
    return {"scores": scores, "metrics": metrics, "failing_audits": failing}


def median_audit(url: str, runs: int) -> dict:
    """Lighthouse's own advice: scores vary run to run, so report the median of several."""
    audits = [audit(url) for _ in range(runs)]
    return {
        "runs": runs,
        "scores": {name: statistics.median(a["scores"][name] for a in audits) for name in CATEGORIES},
        "metrics": {key: round(statistics.median(a["metrics"][key] for a in audits), 3) for key in METRICS},
        "all_scores": [a["scores"] for a in audits],
        "failing_audits": sorted({audit_id for a in audits for audit_id in a["failing_audits"]}),
    }
