"""The theme and print-site pieces we copied or replaced still match the installed versions.

Each override below began as a copy of an upstream file (or replaces one outright).
tests/upstream/ keeps that upstream file as it was when we copied it; when an
update of Material, MkDocs or mkdocs-print-site-plugin changes the installed file,
its test fails, names both files and shows what upstream changed.
"""
from __future__ import annotations

import difflib
import importlib.resources
from pathlib import Path

import pytest

from conftest import ROOT

UPSTREAM_COPIES = Path(__file__).parent / "upstream"

# Our file: (package, the file in the package it copies or replaces).
COPIED = {
    "overrides/main.html": ("material", "templates/main.html"),
    "overrides/404.html": ("material", "templates/404.html"),
    "overrides/partials/search.html": ("material", "templates/partials/search.html"),
    "overrides/partials/palette.html": ("material", "templates/partials/palette.html"),
    "overrides/partials/logo.html": ("material", "templates/partials/logo.html"),
    "overrides/partials/alternate.html": ("material", "templates/partials/alternate.html"),
    "overrides/partials/copyright.html": ("material", "templates/partials/copyright.html"),
    "overrides/partials/javascripts/palette.html": ("material", "templates/partials/javascripts/palette.html"),
    "overrides/sitemap.xml": ("mkdocs", "templates/sitemap.xml"),
    "overrides/print/cover.html": ("mkdocs_print_site_plugin", "templates/cover_page.tpl"),
}


def installed(package: str, inner: str) -> Path:
    return Path(str(importlib.resources.files(package).joinpath(inner)))


@pytest.mark.parametrize("ours", sorted(COPIED))
def test_copied_piece_matches_the_installed_upstream(ours):
    package, inner = COPIED[ours]
    recorded = UPSTREAM_COPIES / package / inner
    current = installed(package, inner)
    assert current.is_file(), (
        f"{ours} replaces {package}/{inner}, which the installed {package} no longer has: "
        f"find what took its place, move our change there, and update the record in {Path(__file__).name}.")
    was, now = recorded.read_text(encoding="utf-8"), current.read_text(encoding="utf-8")
    if was != now:
        changes = "".join(difflib.unified_diff(was.splitlines(True), now.splitlines(True),
                                               f"recorded: {recorded.relative_to(ROOT)}", f"installed: {current}"))
        pytest.fail(
            f"{ours} is our version of {package}/{inner}, and the installed {package} changed that file.\n"
            f"Re-apply our change (the comment at the top of {ours} says what it is) on the new upstream file, "
            f"then copy the new upstream file over {recorded.relative_to(ROOT)}.\nWhat upstream changed:\n{changes}",
            pytrace=False)


def theme_template_dirs() -> list[Path]:
    return [installed("material", "templates"), installed("mkdocs", "templates")]


def test_every_override_of_a_theme_template_is_recorded():
    """A new copy of a Material or MkDocs template gets a drift record, or it would drift unseen."""
    overrides = ROOT / "overrides"
    shadowing = {f"overrides/{path.relative_to(overrides).as_posix()}" for path in overrides.rglob("*")
                 if path.is_file() and any((base / path.relative_to(overrides)).is_file()
                                           for base in theme_template_dirs())}
    unrecorded = sorted(shadowing - set(COPIED))
    assert not unrecorded, (f"{', '.join(unrecorded)} replace(s) a theme template with no drift record: "
                            f"copy the upstream file into tests/upstream/ and add it to COPIED in {Path(__file__).name}")


def test_every_upstream_copy_belongs_to_a_record():
    kept = {path.relative_to(UPSTREAM_COPIES).as_posix() for path in UPSTREAM_COPIES.rglob("*") if path.is_file()}
    recorded = {f"{package}/{inner}" for package, inner in COPIED.values()}
    assert kept == recorded, f"tests/upstream/ holds {sorted(kept - recorded)} with no record; missing {sorted(recorded - kept)}"
