"""A bad clinic configuration stops the build with one clear message and writes nothing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, mkdocs_build
from guidekit.clinic import ClinicError, load_clinic

GOOD = {"name": "Test Clinic", "phone": "412-555-0100"}

CASES = {
    # name: (clinic YAML lines, field, words in the message)
    "missing logo file": (
        "name: Test Clinic\n    phone: 412-555-0100\n    logo: clinics/none.svg",
        "logo",
        "isn't an existing file",
    ),
    "logo of the wrong kind": (
        "name: Test Clinic\n    phone: 412-555-0100\n    logo: mkdocs.yml",
        "logo",
        "is not an SVG or PNG file",
    ),
    "phone that is not a phone number": ("name: Test Clinic\n    phone: call us", "phone", "is not a phone number"),
    "too few digits": ("name: Test Clinic\n    phone: 12-34", "phone", "is not a phone number"),
    "number with no area code": ("name: Test Clinic\n    phone: 555-0142", "phone", "has no area code"),
    "number not in use": ("name: Test Clinic\n    phone: 412-055-0100", "phone", "is not a phone number in use in US"),
    "after-hours number too long": (
        "name: Test Clinic\n    phone: +1 412-555-0100\n    region: GB\n    after_hours_phone: 0131 496 0000 1234",
        "after_hours_phone",
        "is not a phone number",
    ),
    "review cycle out of range": (
        "name: Test Clinic\n    phone: 412-555-0100\n    review_every_months: 120",
        "review_every_months",
        "outside 1 to 36",
    ),
    "name too long": (
        "name: " + "Clinic " * 20 + "\n    phone: 412-555-0100",
        "name",
        "is 139 characters long, more than the 120 that fit",
    ),
    "unknown region": ("name: Test Clinic\n    phone: 412-555-0100\n    region: XX", "region", "is not a country code"),
    "unknown key": ("name: Test Clinic\n    phone: 412-555-0100\n    fax: 412-555-0101", "fax", "not a known field"),
    "wrong type": ("name: [Test, Clinic]\n    phone: 412-555-0100", "name", "Expected type"),
    "missing phone": ("name: Test Clinic", "phone", "Required configuration not provided"),
    "review date as text": (
        "name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n    reviewed_on: last week",
        "reviewed_on",
        "Expected type",
    ),
    "review without a date": (
        "name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A",
        "reviewed_on",
        "is missing",
    ),
    "web address without https": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: guide.example.org",
        "url",
        "is not an http(s) web address",
    ),
    "web address that ends an attribute": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: 'https://x.org/\"><script>alert(1)</script>'",
        "url",
        "is not an http(s) web address",
    ),
    "web address with a space": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: https://x.org/a b",
        "url",
        "is not an http(s) web address",
    ),
    "script web address": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: javascript:alert(1)",
        "url",
        "is not an http(s) web address",
    ),
    "script in the name": ("name: <script>alert(1)</script>\n    phone: 412-555-0100", "name", "holds HTML"),
    "markup ending an attribute": (
        "name: '\"><img src=x onerror=alert(1)>'\n    phone: 412-555-0100",
        "name",
        "holds HTML",
    ),
    "a word in angle brackets": ("name: O'Neil <Spine> Clinic\n    phone: 412-555-0100", "name", "holds HTML"),
    "frame in the address": (
        "name: Test Clinic\n    phone: 412-555-0100\n    address: <iframe src=https://x.org></iframe>",
        "address",
        "holds HTML",
    ),
    "markup in the department": (
        "name: Test Clinic\n    department: <b>IR</b>\n    phone: 412-555-0100",
        "department",
        "holds HTML",
    ),
    "markup in the reviewer": (
        "name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: <i>Dr A</i>\n    reviewed_on: 2026-11-20",
        "reviewed_by",
        "holds HTML",
    ),
}


def write_config(project, body: str) -> str:
    name = "mkdocs.test-clinic.yml"
    (project / name).write_text(f"INHERIT: mkdocs.yml\nextra:\n  clinic:\n    {body}\n", encoding="utf-8")
    return name


@pytest.mark.parametrize("case", CASES)
def test_clinic_loader_rejects_bad_clinic(case):
    """Every case, in process: the loader the build's clinic hook calls, on the YAML as MkDocs reads it
    (a logo is looked for beside the named config file, here the repository's root)."""
    body, field, words = CASES[case]
    raw = yaml_load(f"clinic:\n    {body}\n")["clinic"]
    config = str(ROOT / "mkdocs.test-clinic.yml")
    with pytest.raises(ClinicError) as caught:
        load_clinic(raw, config)
    message = str(caught.value)
    assert len(message.splitlines()) == 1, message
    assert message.startswith(f"{config}: extra.clinic.{field}: ") and words in message and "Fix:" in message


# One of each way the loader fails (a field's check, an unknown field, a phone number, the logo
# file, a missing partner field), through the real command: exit 2, one line, nothing written.
BUILD_CASES = [
    "missing logo file",
    "unknown key",
    "number with no area code",
    "logo of the wrong kind",
    "review without a date",
]


@pytest.mark.parametrize("case", BUILD_CASES)
def test_build_script_rejects_bad_clinic(case, project_copy):
    body, field, words = CASES[case]
    config = write_config(project_copy, body)
    site = project_copy / "site"
    result = subprocess.run(
        [
            sys.executable,
            str(project_copy / "scripts" / "build.py"),
            "--config",
            str(project_copy / config),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert config in message and f"extra.clinic.{field}" in message and words in message and "Fix:" in message
    assert not site.exists()
    assert not list(project_copy.glob(".site-*"))


@pytest.mark.parametrize("case", ["missing logo file", "unknown key"])
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
    result = subprocess.run(
        [sys.executable, str(project_copy / "scripts" / "build.py"), "--config", str(project_copy / "nope.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "nope.yml" in result.stderr and "Fix:" in result.stderr


PHONES = [
    # (region, as written, printed, tel: address)
    ("US", "412-555-0100", "(412) 555-0100", "+14125550100"),
    ("US", "(412) 555-0100 ext. 12", "(412) 555-0100 ext. 12", "+14125550100;ext=12"),
    ("US", "+44 20 7946 0958", "+44 20 7946 0958", "+442079460958"),
    ("GB", "020 7946 0958", "020 7946 0958", "+442079460958"),
    ("ES", "912 345 678", "912 34 56 78", "+34912345678"),
]


@pytest.mark.parametrize("region,written,printed,tel", PHONES)
def test_phone_numbers_dial_from_a_tap(region, written, printed, tel):
    """tel: links in E.164 form (with the extension), printed as the clinic's country writes them."""
    clinic = load_clinic({"name": "Test Clinic", "phone": written, "region": region}, "mkdocs.test.yml")
    assert (clinic["phone"], clinic["phone_tel"]) == (printed, tel)


def test_example_clinic_links_dial_in_e164(clinic_site):
    """Every tel: link on every page of the example clinic's site (both editions) is E.164 (a US phone dials it)."""
    links = {
        link
        for page in clinic_site.rglob("*.html")
        for link in re.findall(r'href="tel:([^"]*)"', page.read_text(encoding="utf-8"))
    }
    assert links == {"+14125550142", "+14125550199", "+14125550150"}  # the last: whom to call about blood thinners


def build_with(project, body: str, *flags: str) -> subprocess.CompletedProcess:
    config = project / "mkdocs.review.yml"
    config.write_text(f"INHERIT: mkdocs.yml\n{body}", encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--config",
            str(config),
            "--site-dir",
            str(project / "site"),
            "--no-pdf",
            *flags,
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


OVERDUE = {
    "guide": ("extra:\n  guide_reviewed: 2024-01-15\n", "the guide's review was due on 2025-01-15"),
    "clinic": (
        "extra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n"
        "    reviewed_on: 2025-03-01\n    review_every_months: 6\n",
        "the clinic's review was due on 2025-09-01",
    ),
}


@pytest.mark.parametrize("whose", OVERDUE)
def test_a_review_past_due_warns_and_fails_with_the_flag(whose, project_copy):
    body, words = OVERDUE[whose]
    warned = build_with(project_copy, body)
    assert warned.returncode == 0, warned.stderr
    assert f"warning: {project_copy / 'mkdocs.review.yml'}: {words}" in warned.stderr and "Fix:" in warned.stderr
    failed = build_with(project_copy, body, "--fail-if-review-due")
    assert failed.returncode == 1
    assert f"error: {project_copy / 'mkdocs.review.yml'}: {words}" in failed.stderr
    assert "guide_reviewed" in failed.stderr or "reviewed_on" in failed.stderr


def test_a_review_not_yet_due_passes_with_the_flag(project_copy):
    result = build_with(project_copy, "extra:\n  guide_reviewed: 2026-11-27\n", "--fail-if-review-due")
    assert result.returncode == 0, result.stderr
    assert "review was due" not in result.stderr
