"""A bad clinic configuration stops the build with one clear message and writes nothing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_project, mkdocs_build

GOOD = {"name": "Test Clinic", "phone": "412-555-0100"}

CASES = {
    # name: (clinic YAML lines, field, words in the message)
    "missing logo file": ("name: Test Clinic\n    phone: 412-555-0100\n    logo: clinics/none.svg",
                          "logo", "isn't an existing file"),
    "logo of the wrong kind": ("name: Test Clinic\n    phone: 412-555-0100\n    logo: mkdocs.yml",
                               "logo", "is not an SVG or PNG file"),
    "phone that is not a phone number": ("name: Test Clinic\n    phone: call us", "phone", "is not a phone number"),
    "too few digits": ("name: Test Clinic\n    phone: 12-34", "phone", "is not a phone number"),
    "unknown key": ("name: Test Clinic\n    phone: 412-555-0100\n    fax: 412-555-0101", "fax", "not a known field"),
    "wrong type": ("name: [Test, Clinic]\n    phone: 412-555-0100", "name", "Expected type"),
    "missing phone": ("name: Test Clinic", "phone", "Required configuration not provided"),
    "review date as text": ("name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n"
                            "    reviewed_on: last week", "reviewed_on", "Expected type"),
    "review without a date": ("name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A",
                              "reviewed_on", "is missing"),
    "web address without https": ("name: Test Clinic\n    phone: 412-555-0100\n    url: guide.example.org",
                                  "url", "is not an http(s) web address"),
    "web address that ends an attribute": ("name: Test Clinic\n    phone: 412-555-0100\n"
                                           "    url: 'https://x.org/\"><script>alert(1)</script>'",
                                           "url", "is not an http(s) web address"),
    "web address with a space": ("name: Test Clinic\n    phone: 412-555-0100\n    url: https://x.org/a b",
                                 "url", "is not an http(s) web address"),
    "script web address": ("name: Test Clinic\n    phone: 412-555-0100\n    url: javascript:alert(1)",
                           "url", "is not an http(s) web address"),
    "script in the name": ("name: <script>alert(1)</script>\n    phone: 412-555-0100", "name", "holds HTML"),
    "markup ending an attribute": ("name: '\"><img src=x onerror=alert(1)>'\n    phone: 412-555-0100",
                                   "name", "holds HTML"),
    "a word in angle brackets": ("name: O'Neil <Spine> Clinic\n    phone: 412-555-0100", "name", "holds HTML"),
    "frame in the address": ("name: Test Clinic\n    phone: 412-555-0100\n"
                             "    address: <iframe src=https://x.org></iframe>", "address", "holds HTML"),
    "markup in the department": ("name: Test Clinic\n    department: <b>IR</b>\n    phone: 412-555-0100",
                                 "department", "holds HTML"),
    "markup in the reviewer": ("name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: <i>Dr A</i>\n"
                               "    reviewed_on: 2026-11-20", "reviewed_by", "holds HTML"),
}


def write_config(project, body: str) -> str:
    name = "mkdocs.test-clinic.yml"
    (project / name).write_text(f"INHERIT: mkdocs.yml\nextra:\n  clinic:\n    {body}\n", encoding="utf-8")
    return name


@pytest.mark.parametrize("case", CASES)
def test_build_script_rejects_bad_clinic(case, project_copy):
    body, field, words = CASES[case]
    config = write_config(project_copy, body)
    site = project_copy / "site"
    result = subprocess.run([sys.executable, str(project_copy / "scripts" / "build.py"), "--config",
                             str(project_copy / config), "--site-dir", str(site)],
                            capture_output=True, text=True, cwd=project_copy)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert config in message and f"extra.clinic.{field}" in message and words in message and "Fix:" in message
    assert not site.exists()
    assert not list(project_copy.glob(".site-*"))


@pytest.mark.parametrize("case", ["missing logo file", "phone that is not a phone number", "unknown key"])
def test_mkdocs_itself_rejects_bad_clinic_and_keeps_old_output(case, project_copy):
    body, field, words = CASES[case]
    config = write_config(project_copy, body)
    out = project_copy / "out"
    out.mkdir()
    (out / "index.html").write_text("previous build")
    result = mkdocs_build(project_copy, out, config)
    assert result.returncode != 0
    assert f"extra.clinic.{field}" in result.stderr and words in result.stderr
    assert (out / "index.html").read_text() == "previous build"
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_bad_config_file_path(project_copy):
    result = subprocess.run([sys.executable, str(project_copy / "scripts" / "build.py"), "--config",
                             str(project_copy / "nope.yml")], capture_output=True, text=True)
    assert result.returncode == 2 and "nope.yml" in result.stderr and "Fix:" in result.stderr
