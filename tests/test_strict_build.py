"""Strict means strict: a MkDocs warning fails the build, and no page is published unchecked."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import REVIEWED, edit_file

BROKEN = {
    "link to a missing page": ("See [the missing page](missing.md).", "missing.md"),
    "link to a missing anchor": ("See [the questions](faq.md#no-such-question).", "no-such-question"),
}
HARD_PAGE = (
    f"---\nreviewed: {REVIEWED.isoformat()}\n---\n# Notes\n\nNotwithstanding institutional considerations, "
    "percutaneous vertebral augmentation necessitates multidisciplinary interdisciplinary evaluation.\n"
)


def build(project, *extra):
    return subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--site-dir", "site", *extra],
        capture_output=True,
        text=True,
        cwd=project,
    )


# Each kind of broken link in each edition, in two builds: one kind in each edition (they build
# apart; the build shows only MkDocs' warnings, each of which fails it under --strict).
LAYOUTS = {
    "page in English, anchor in Spanish": {
        "before.md": "link to a missing page",
        "es/before.md": "link to a missing anchor",
    },
    "anchor in English, page in Spanish": {
        "before.md": "link to a missing anchor",
        "es/before.md": "link to a missing page",
    },
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_broken_link_fails_the_build(project_copy, layout):
    for page, case in LAYOUTS[layout].items():
        path = project_copy / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + f"\n{BROKEN[case][0]}\n", encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    for case in LAYOUTS[layout].values():
        words = BROKEN[case][1]  # in one edition's page only
        warned = [line for line in result.stderr.splitlines() if words in line and "before.md" in line]
        assert warned and all(line.startswith("WARNING") for line in warned), result.stderr
    assert not (project_copy / "site").exists()


def test_page_outside_the_nav_is_not_published_unchecked(project_copy):
    (project_copy / "docs" / "notes.md").write_text(HARD_PAGE, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 1
    assert "notes.md: would be published without the content and reading checks" in result.stderr
    assert "Fix: add it under pages:" in result.stderr
    assert not (project_copy / "site").exists()


def test_page_in_the_nav_but_not_in_the_manifest_fails(project_copy):
    (project_copy / "docs" / "notes.md").write_text(HARD_PAGE, encoding="utf-8")
    edit_file(
        project_copy / "mkdocs.yml",
        "  - About this guide: about.md\n",
        "  - About this guide: about.md\n  - Notes: notes.md\n",
    )
    result = build(project_copy)
    assert result.returncode == 1
    assert "notes.md: would be published without the content and reading checks" in result.stderr
