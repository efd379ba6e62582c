"""The finished site and its hosts' configs move into place together, or not at all: a build
that moves the site and then fails to move the configs puts the old site back, so a server
never serves a new site with the old configs (or the other way round)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidekit.work_dir import replace_dirs


def folder(path: Path, name: str, text: str) -> Path:
    path.mkdir(parents=True)
    (path / name).write_text(text, encoding="utf-8")
    return path


def content(path: Path, name: str) -> str:
    return (path / name).read_text(encoding="utf-8")


@pytest.fixture
def last_build(tmp_path: Path) -> dict[str, Path]:
    """A previous build's site and configs in place, and a new build's in its work folder."""
    work = tmp_path / "work"
    return {
        "work": work,
        "new_site": folder(work / "site", "index.html", "new"),
        "new_nginx": folder(work / "nginx", "server.conf", "new"),
        "site": folder(tmp_path / "site", "index.html", "old"),
        "nginx": folder(tmp_path / "site-nginx", "server.conf", "old"),
    }


def test_both_folders_move_into_place(last_build):
    b = last_build
    replace_dirs([(b["new_site"], b["site"]), (b["new_nginx"], b["nginx"])])
    assert content(b["site"], "index.html") == "new"
    assert content(b["nginx"], "server.conf") == "new"


def test_when_the_second_move_fails_the_first_is_undone(last_build):
    b = last_build
    # Where the old configs would go is taken, so that move fails (a real rename error, for root too).
    folder(b["work"] / "replaced-site-nginx", "other", "")
    with pytest.raises(OSError):
        replace_dirs([(b["new_site"], b["site"]), (b["new_nginx"], b["nginx"])])
    assert content(b["site"], "index.html") == "old"  # the first move, undone
    assert content(b["nginx"], "server.conf") == "old"
    assert content(b["new_site"], "index.html") == "new"  # back in the work folder, which the build removes
    assert content(b["new_nginx"], "server.conf") == "new"
