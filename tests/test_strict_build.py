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


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("page", ["before.md", "es/before.md"])
def test_broken_link_fails_the_build(project_copy, case, page):
    line, words = BROKEN[case]
    path = project_copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert words in result.stderr and "before.md" in result.stderr
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
