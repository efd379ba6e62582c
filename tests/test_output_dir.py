"""An output folder that is, holds or lies inside what the build reads, or holds anything the
build did not write, is refused before anything is touched; the build replaces its own."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guidekit.host_configs import GENERATED
from guidekit.output_dir import MARKER, mark, replace_refusal
from helpers import ROOT, mkdocs_build

REFUSED = {
    "the pages": "docs",
    "a folder inside the pages": "docs/es/out",
    "the repository": ".",
    "the folder around the repository": "..",
    "the theme overrides": "overrides",
    "the scripts": "scripts",
    "a clinic's folder": "clinics/example",
    "a folder inside the clinics": "clinics/example/out",
    "a file": "mkdocs.yml",
}


def snapshot(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) if p.is_file() else None
        for p in folder.rglob("*")
        if "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.example-clinic.yml"])
@pytest.mark.parametrize("case", REFUSED)
def test_build_refuses_an_output_folder_over_its_sources(project_copy, case, config):
    before = snapshot(project_copy.parent)
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--config", config, "--site-dir", REFUSED[case]],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "SITE_DIR" in message and "Fix:" in message, message
    assert snapshot(project_copy.parent) == before  # nothing written, moved or deleted


def test_build_still_writes_a_folder_of_its_own_inside_the_repository(project_copy):
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--site-dir", "site"],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "index.html").is_file()


@pytest.mark.parametrize("folder", ["overrides", "scripts", "clinics"])
def test_plain_mkdocs_build_refuses_too(project_copy, folder):
    before = snapshot(project_copy)
    result = mkdocs_build(project_copy, project_copy / folder)
    assert result.returncode != 0 and f"site_dir: {project_copy / folder} is a folder the build reads" in result.stderr
    assert snapshot(project_copy) == before


# --- The build touches only what it wrote: a folder holding anything else is refused, and kept.

NO_PDF_BUILD = [sys.executable, str(ROOT / "scripts" / "build.py"), "--no-pdf"]


def build_into(site: Path, *, prefix=(), env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, *NO_PDF_BUILD, "--site-dir", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=None if env is None else {**os.environ, **env},
    )


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2, one line with a Fix, before any MkDocs build started."""
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Fix:" in message and "Traceback" not in message, message
    assert all(word in message for word in words), message
    assert "configuration checked" not in result.stdout  # refused before the configs were even read


@pytest.mark.parametrize("holder", ["the site folder", "the -nginx folder beside it"])
def test_build_refuses_a_folder_holding_files_it_did_not_write(tmp_path, holder):
    site = tmp_path / "www"
    folder = site if holder == "the site folder" else tmp_path / "www-nginx"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"someone's photo")
    before = snapshot(tmp_path)
    assert_refused(build_into(site), str(folder), "did not write", "photo.jpg")
    assert snapshot(tmp_path) == before  # the file is kept, nothing written beside it


def test_build_refuses_an_unmarked_earlier_build_and_says_how_to_clear_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("an earlier build")
    (site / "_headers").write_text(f"# {GENERATED}\n/*\n")
    before = snapshot(tmp_path)
    assert_refused(build_into(site), "delete it by hand once", f"rm -r '{site}'")
    assert snapshot(tmp_path) == before


def test_build_refuses_the_home_folder_even_empty(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert_refused(build_into(home, env={"HOME": str(home)}), f"{home} is the home folder")
    assert list(tmp_path.iterdir()) == [home] and list(home.iterdir()) == []


SYSTEM = ["/", "/usr", "/etc", "/var", "/var/www", "/usr/share", "/etc/nginx/html", "/tmp", "/home", "/home/someone"]


@pytest.mark.parametrize("folder", SYSTEM)
def test_system_folders_are_refused_even_empty(folder):
    refusal = replace_refusal(Path(folder), "SITE_DIR", home=Path("/home/someone/me"))
    assert refusal and ("system folder" in refusal.problem or "home folder" in refusal.problem)


@pytest.mark.parametrize("home", ["/home/someone", "/home/someone/me"])
def test_the_home_folder_and_what_holds_it_are_refused(home):
    refusal = replace_refusal(Path(home), "SITE_DIR", home=Path("/home/someone/me"))
    assert refusal and "home folder" in refusal.problem


@pytest.mark.parametrize("folder", ["/var/www/guide", "/srv/guide", "/tmp/guide-site"])
def test_a_new_folder_in_the_usual_places_is_accepted(folder):
    if Path(folder).exists():
        pytest.skip(f"{folder} exists on this machine")
    assert replace_refusal(Path(folder), "SITE_DIR", home=Path("/home/someone/me")) is None


def test_an_empty_folder_is_accepted_and_a_marked_one_too(tmp_path):
    assert replace_refusal(tmp_path, "SITE_DIR") is None
    (tmp_path / "index.html").write_text("a build")
    assert replace_refusal(tmp_path, "SITE_DIR")
    mark(tmp_path)
    assert replace_refusal(tmp_path, "SITE_DIR") is None


def test_plain_mkdocs_build_refuses_a_folder_of_other_files(tmp_path):
    out = tmp_path / "photos"
    out.mkdir()
    (out / "photo.jpg").write_bytes(b"someone's photo")
    result = mkdocs_build(ROOT, out)
    assert result.returncode != 0 and f"site_dir {out} holds files this build did not write" in result.stderr
    assert [p.name for p in out.iterdir()] == ["photo.jpg"]


def test_build_replaces_its_own_output_and_nothing_beside_it(tmp_path):
    """`make build` twice in a row, into a folder whose name has a space; a `.old` folder and
    a leftover-looking temporary folder beside it are someone else's and are kept."""
    site = tmp_path / "my site"
    others = [tmp_path / "my site.old" / "keep.txt", tmp_path / ".my site-999999999-x" / "keep.txt"]
    for other in others:
        other.parent.mkdir()
        other.write_text("not the build's")
    for _ in range(2):
        result = build_into(site)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (site / "index.html").is_file()
        assert (site / MARKER).is_file() and (tmp_path / "my site-nginx" / MARKER).is_file()
        assert not (site / "es" / MARKER).exists()  # one marker, at the top
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".my site-999999999-x",
        "my site",
        "my site-nginx",
        "my site.old",
    ]
    assert all(other.read_text() == "not the build's" for other in others)


def test_make_passes_names_with_spaces_whole():
    result = subprocess.run(
        ["make", "-n", "build", "SITE_DIR=my site", "CONFIG=my clinic.yml"], capture_output=True, text=True, cwd=ROOT
    )
    line = next(line for line in result.stdout.splitlines() if "scripts/build.py" in line)
    assert shlex.split(line)[-4:] == ["--config", "my clinic.yml", "--site-dir", "my site"]


# --- Folders the build cannot replace are named before the build, not after it.


def plain_user() -> list[str]:
    """A command prefix under which read-only means read-only: root writes into any folder
    unless it runs without the capabilities that let it."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root, without setpriv to drop root's power to write anywhere")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.mark.parametrize("read_only", ["SITE_DIR", "its parent"])
def test_build_refuses_a_read_only_folder_before_building(tmp_path, read_only):
    parent = tmp_path / "parent"
    site = parent / "site"
    site.mkdir(parents=True)  # empty: the build may replace it, if it could
    locked = site if read_only == "SITE_DIR" else parent
    locked.chmod(0o555)
    try:
        assert_refused(build_into(site, prefix=plain_user()), "read-only", str(locked))
    finally:
        locked.chmod(0o755)
    assert [p.name for p in tmp_path.rglob("*")] == ["parent", "site"]


def own_mount(folder: Path) -> list[str]:
    """A command prefix that runs the command with a fresh file system mounted at `folder`,
    in a mount namespace of its own (gone when the command ends)."""
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--map-root-user", "--mount"]
    if not shutil.which("unshare") or subprocess.run([*unshare, "true"], capture_output=True).returncode:
        pytest.skip("cannot make a mount point here (unshare)")
    return [*unshare, "sh", "-c", 'mount -t tmpfs guide-test "$0" && exec "$@"', str(folder)]


def test_build_refuses_a_mount_point_before_building(tmp_path):
    site = tmp_path / "mounted"
    site.mkdir()
    assert_refused(build_into(site, prefix=own_mount(site)), "mount point", str(site / "site"))
    assert [p.name for p in tmp_path.iterdir()] == ["mounted"]


# --- `make clean` removes only what the build wrote, too.


def test_make_clean_removes_the_builds_folders_and_keeps_a_site_folder_of_someone_elses(project_copy, tmp_path):
    shutil.copy2(ROOT / "Makefile", project_copy / "Makefile")
    built = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--site-dir", "site"],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    photo = project_copy / "site-photos" / "baby.jpg"  # named like an output folder, and not one
    photo.parent.mkdir()
    photo.write_bytes(b"someone's photo")
    elsewhere = tmp_path / "elsewhere"  # a marked folder, reached through a link: the link is not followed
    elsewhere.mkdir()
    mark(elsewhere)
    (project_copy / "site-link").symlink_to(elsewhere)
    assert sorted(p.name for p in project_copy.glob("site*")) == ["site", "site-link", "site-nginx", "site-photos"]
    result = subprocess.run(["make", "clean"], capture_output=True, text=True, cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in project_copy.glob("site*")) == ["site-link", "site-photos"]
    assert photo.read_bytes() == b"someone's photo" and (elsewhere / MARKER).is_file()
    kept = [line for line in result.stdout.splitlines() if line.startswith("kept: ")]
    assert kept == [
        f"kept: {project_copy / 'site-link'} is a symbolic link, and the build writes none."
        f" Fix: remove the link by hand (rm '{project_copy / 'site-link'}')",
        f"kept: {project_copy / 'site-photos'} carries no {MARKER} marker: the build did not write it (or wrote it"
        " before builds marked their folders). Fix: if it holds only an old build, delete it by hand"
        f" (rm -r '{project_copy / 'site-photos'}'); if not, keep it, or give it a name that does not start with site-",
    ], result.stdout
