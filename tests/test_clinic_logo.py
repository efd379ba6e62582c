"""The clinic's logo is published as is: only a real PNG or a plain SVG from inside the repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from guidekit.logo import LogoError, checked_logo
from helpers import replace_once

GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
XLINK_SVG = replace_once(GOOD_SVG, "<svg ", f"<svg {XLINK} ")
BAD_LOGOS = {
    # name: (file name, content, words in the message)
    "script": ("logo.svg", replace_once(GOOD_SVG, "<circle", "<script>alert(1)</script><circle"), "<script> element"),
    "event handler": ("logo.svg", replace_once(GOOD_SVG, "<svg ", '<svg onload="alert(1)" '), "event handler"),
    "external image": (
        "logo.svg",
        replace_once(GOOD_SVG, "<circle", '<image href="https://x.org/t.png"/><circle'),
        "refers to another file",
    ),
    "external use": (
        "logo.svg",
        replace_once(XLINK_SVG, "<circle", '<use xlink:href="other.svg#a"/><circle'),
        "refers to another file",
    ),
    "style that loads": (
        "logo.svg",
        replace_once(GOOD_SVG, "<circle", "<style>@import 'https://x.org/a.css';</style><circle"),
        "loads another file",
    ),
    "css url in attribute": (
        "logo.svg",
        replace_once(GOOD_SVG, "<circle", '<circle style="fill:url(https://x.org/p)"'),
        "loads another file",
    ),
    "foreign object": ("logo.svg", replace_once(GOOD_SVG, "<circle", "<foreignObject/><circle"), "<foreignObject>"),
    "entity": ("logo.svg", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + GOOD_SVG, "DOCTYPE"),
    "not svg": ("logo.svg", "<html><body>hello</body></html>", "is not an SVG image"),
    "text named png": ("logo.png", "not a picture", "is not a PNG image"),
}


def build(project, logo: str):
    config = project / "mkdocs.test-clinic.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n    logo: {logo}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--no-pdf",
            "--config",
            str(config),
            "--site-dir",
            str(project / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


def assert_refused(result, project, words):
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "mkdocs.test-clinic.yml" in message and "extra.clinic.logo" in message and "Fix:" in message
    assert words in message, message
    assert not (project / "site").exists()


@pytest.mark.parametrize("case", BAD_LOGOS)
def test_logo_that_is_not_a_plain_image_is_refused(case, tmp_path):
    """Every case, in process: the check the clinic loader runs on the logo file."""
    name, content, words = BAD_LOGOS[case]
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(LogoError, match=re.escape(words)):
        checked_logo(tmp_path / name, tmp_path)


def test_bad_logo_stops_the_build_with_one_line(project_copy):
    """The real command: the loader's refusal names the file, the field and the fix; exit 2, nothing written."""
    name, content, words = BAD_LOGOS["script"]
    (project_copy / "clinics" / name).write_text(content, encoding="utf-8")
    assert_refused(build(project_copy, f"clinics/{name}"), project_copy, words)


def test_logo_linked_from_outside_the_repository_is_refused(tmp_path):
    outside = tmp_path / "secret.svg"  # a well-formed SVG, so only its place is wrong
    outside.write_text(GOOD_SVG, encoding="utf-8")
    (tmp_path / "repository").mkdir()
    os.symlink(outside, tmp_path / "repository" / "logo.svg")
    with pytest.raises(LogoError, match="outside the repository"):
        checked_logo(tmp_path / "repository" / "logo.svg", tmp_path / "repository")


def test_logo_linked_to_a_system_file_is_refused(project_copy):
    os.symlink("/etc/passwd", project_copy / "clinics" / "logo.svg")
    assert_refused(build(project_copy, "clinics/logo.svg"), project_copy, "outside the repository")


def test_plain_logo_linked_inside_the_repository_is_published(project_copy):
    os.symlink("example/logo.svg", project_copy / "clinics" / "logo.svg")
    result = build(project_copy, "clinics/logo.svg")
    assert result.returncode == 0, result.stderr
    published = project_copy / "site" / "assets" / "clinic" / "logo.svg"
    assert not published.is_symlink()
    assert published.read_bytes() == (project_copy / "clinics" / "example" / "logo.svg").read_bytes()
