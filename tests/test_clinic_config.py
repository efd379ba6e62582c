"""A bad clinic configuration stops the build with one clear message and writes nothing."""

from __future__ import annotations

import datetime as dt
import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from mkdocs.utils.yaml import yaml_load

from guidekit.clinic import ClinicError, load_clinic
from guidekit.signoff import EDITION_FORM
from helpers import REVIEW_MONTHS, REVIEWED, ROOT, full_build, mkdocs_build, replace_once

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
    "wrong type": ("name: [Test, Clinic]\n    phone: 412-555-0100", "name", "is a list, not text"),
    "missing phone": ("name: Test Clinic", "phone", "is missing (it is required)"),
    "review date as text": (
        "name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n    reviewed_on: last week",
        "reviewed_on",
        "last week is not a date",
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
    "web address with // in its path": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: https://guide.example.org//evil.example/",
        "url",
        "has // (or a . or .. folder) in its path",
    ),
    "web address with a port that cannot be": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: https://guide.example.org:99999/",
        "url",
        "has a port outside 1 to 65535",
    ),
    "web address with a folder up": (
        "name: Test Clinic\n    phone: 412-555-0100\n    url: https://guide.example.org/a/../b/",
        "url",
        "has // (or a . or .. folder) in its path",
    ),
    "right-to-left override in the name": (
        'name: "Test Clinic \\u202e0010-555-214 llaC"\n    phone: 412-555-0142',
        "name",
        "holds an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE)",
    ),
    "zero-width space in an instruction": (
        'name: Test Clinic\n    phone: 412-555-0142\n    instructions:\n      bring: {en: "your\\u200bID"}',
        "instructions.bring.en",
        "holds an invisible control character (U+200B ZERO WIDTH SPACE)",
    ),
    "a long address": (
        "name: Test Clinic\n    phone: 412-555-0142\n    address: " + "1 Main Street, " * 20,
        "address",
        "more than the 200 that fit",
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
    "edition in another form": (
        f"name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n    reviewed_on: {REVIEWED}\n"
        "    approved_edition: v2",
        "approved_edition",
        "is not an edition number like the guide's",
    ),
    "edition with two numbers": (
        f"name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n    reviewed_on: {REVIEWED}\n"
        "    approved_edition: 2.1",
        "approved_edition",
        "is not an edition number like the guide's",
    ),
    "edition as a list": (
        f"name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n    reviewed_on: {REVIEWED}\n"
        "    approved_edition: [2, 1, 0]",
        "approved_edition",
        "is not an edition number like the guide's",
    ),
    "approved edition with no reviewer": (
        "name: Test Clinic\n    phone: 412-555-0100\n    approved_edition: 2.1.0",
        "reviewed_by",
        "is missing",
    ),
    "markup in the reviewer": (
        f"name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: <i>Dr A</i>\n    reviewed_on: {REVIEWED}",
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
    """Every case, in process: the loader the guide plugin's clinic part calls, on the YAML as MkDocs reads it
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
    "edition with two numbers",
]


@pytest.mark.parametrize("case", BUILD_CASES)
def test_build_script_rejects_bad_clinic(case, project_copy):
    body, field, words = CASES[case]
    config = write_config(project_copy, body)
    site = project_copy / "site"
    result = full_build(project_copy, site, config)
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
    assert (clinic.phone, clinic.phone_tel) == (printed, tel)


def test_example_clinic_links_dial_in_e164(clinic_site):
    """Every tel: link on every page of the example clinic's site (both editions) is E.164 (a US phone dials it)."""
    links = {
        link
        for page in clinic_site.rglob("*.html")
        for link in re.findall(r'href="tel:([^"]*)"', page.read_text(encoding="utf-8"))
    }
    assert links == {"+14125550142", "+14125550199", "+14125550150"}  # the last: whom to call about blood thinners


def review_config(project, body: str) -> Path:
    """A clinic's file holding `body`; a body of the guide's own (guide_reviewed) goes into the guide's mkdocs.yml."""
    config = project / "mkdocs.review.yml"
    if body.startswith("guide_reviewed:"):
        guide = project / "mkdocs.yml"
        text = guide.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("  guide_reviewed:"))
        guide.write_text(replace_once(text, old, "  " + body.strip()), encoding="utf-8")
        return guide
    config.write_text(f"INHERIT: mkdocs.yml\n{body}", encoding="utf-8")
    return config


def build_with(project, body: str, *flags: str) -> subprocess.CompletedProcess:
    """build.py (no PDFs) with review_config's config."""
    config = review_config(project, body)
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


def late_reviews(project, body: str) -> list[str]:
    """In process: the messages about reviews that build.py computes from a config holding `body`
    (build_with's), before it builds anything; the build prints each one, as a warning, or with
    --fail-if-review-due as an error, and stops."""
    import importlib.util
    import os

    from guidekit.editions import base_config_env, editions_for

    config = review_config(project, body)
    spec = importlib.util.spec_from_file_location("guide_build_script", project / "scripts" / "build.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    saved = dict(os.environ)
    os.environ.update(base_config_env(config))  # as build.py's main() does before it loads the configs
    try:
        return script.reviews_due(script.load_site_config(editions_for(config)[0].config), dt.date.today())
    finally:
        os.environ.clear()
        os.environ.update(saved)


# Reviews whose next one fell due a month before the guide's last review (mkdocs.yml), so before today.
GUIDE_LONG_AGO = REVIEWED - relativedelta(months=REVIEW_MONTHS + 1)
CLINIC_LONG_AGO = REVIEWED - relativedelta(months=6 + 1)
OVERDUE = {
    "guide": (
        f"guide_reviewed: {GUIDE_LONG_AGO}\n",
        f"the guide's review was due on {GUIDE_LONG_AGO + relativedelta(months=REVIEW_MONTHS)}",
    ),
    "clinic": (
        "extra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n"
        f"    reviewed_on: {CLINIC_LONG_AGO}\n    review_every_months: 6\n",
        f"the clinic's review was due on {CLINIC_LONG_AGO + relativedelta(months=6)}",
    ),
}


@pytest.mark.parametrize("whose", OVERDUE)
def test_a_review_past_due_warns_and_fails_with_the_flag(whose, project_copy):
    """The message, in process (build.py's own reviews_due); the flag's exit 1, through the real command,
    which stops before it builds. A build that warns and goes on: the signoff tests below."""
    body, words = OVERDUE[whose]
    config = project_copy / ("mkdocs.yml" if whose == "guide" else "mkdocs.review.yml")
    [late] = [late for late in late_reviews(project_copy, body) if late.startswith(words)]
    assert "Fix:" in late, late
    failed = build_with(project_copy, body, "--fail-if-review-due")
    assert failed.returncode == 1
    assert f"error: {config}: {words}" in failed.stderr
    assert "guide_reviewed" in failed.stderr or "reviewed_on" in failed.stderr


def test_a_review_not_yet_due_passes_with_the_flag(project_copy):
    """In process: a guide reviewed today has no review due (a build that passes with the flag, through
    the real command: test_a_signoff_of_this_edition_passes_with_the_flag)."""
    assert late_reviews(project_copy, f"guide_reviewed: {dt.date.today()}\n") == []  # done today


# A review dated after today: {day} is tomorrow, read from the clock when the test runs.
FUTURE = {
    "guide": ("guide_reviewed: {day}\n", "{project}/mkdocs.yml: extra.guide_reviewed: {day} is after today"),
    "clinic": (
        "extra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n    reviewed_by: Dr A\n"
        "    reviewed_on: {day}\n",
        "{project}/mkdocs.review.yml: extra.clinic.reviewed_on: {day} is after today",
    ),
}


@pytest.mark.parametrize("whose", FUTURE)
def test_a_review_dated_after_today_is_refused_in_one_line(whose, project_copy):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    body, words = (text.format(day=tomorrow, project=project_copy) for text in FUTURE[whose])
    result = build_with(project_copy, body)
    assert result.returncode == 2, result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert words in line and "Fix: give the day" in line and "today or earlier" in line, line
    assert "Traceback" not in result.stderr and not (project_copy / "site").exists()


def test_a_review_dated_today_is_accepted(project_copy):
    from mkdocs.config import load_config

    today = dt.date.today()
    guide = project_copy / "mkdocs.yml"
    text = guide.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  guide_reviewed:"))
    guide.write_text(text.replace(old, f"  guide_reviewed: {today}"), encoding="utf-8")
    config = load_config(str(guide))
    assert config.plugins.on_config(config).extra["guide_reviewed"] == today
    clinic = load_clinic(
        {"name": "Test Clinic", "phone": "412-555-0100", "reviewed_by": "Dr A", "reviewed_on": today.isoformat()},
        "mkdocs.review.yml",
    )
    assert clinic and clinic.reviewed_on == today


@functools.cache
def guide_editions() -> tuple[str, str]:
    """The guide's edition as the build reads it (through the config and its plugins), and the
    release before it in the changelog: an edition a clinic may have approved before this one."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    edition = config.plugins.on_config(config).extra["guide_edition"]
    releases = re.findall(rf"^## \[({EDITION_FORM})\] - ", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert releases[0] == edition and len(releases) > 1, releases
    return edition, releases[1]


REVIEW = (
    "extra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0100\n"
    f"    reviewed_by: Dr A\n    reviewed_on: {REVIEWED}\n"
)


def signoff(whose: str) -> tuple[str, str]:
    """A clinic's review of an edition other than this one: its config, and the words of the one
    line the build prints about it."""
    edition, earlier = guide_editions()
    if whose == "an earlier edition":
        return (
            REVIEW + f"    approved_edition: {earlier}\n",
            f"the guide is edition {edition}, but the clinic's reviewer approved edition {earlier}"
            f" (extra.clinic.approved_edition). Fix: have the reviewer check edition {edition}",
        )
    return (
        REVIEW,
        f"the clinic's review (extra.clinic.reviewed_by) names no edition, so nothing shows that it covers"
        f" edition {edition}. Fix: have the reviewer confirm edition {edition}, then add approved_edition: {edition}",
    )


@pytest.mark.parametrize("whose", ["an earlier edition", "no edition named"])
def test_a_signoff_of_another_edition_warns_and_fails_with_the_flag(whose, project_copy):
    """A clinic whose reviewer approved an older edition (or named none) hands out text nobody
    there approved: one warning line naming both editions and the fix; exit 1 with the flag.
    An earlier edition, through the real command: it warns, builds, and its About pages say so;
    no edition named, the message in process (build.py's own reviews_due), the flag's exit 1 through the command."""
    body, words = signoff(whose)
    config = project_copy / "mkdocs.review.yml"
    if whose == "an earlier edition":
        warned = build_with(project_copy, body)
        assert warned.returncode == 0, warned.stderr
        lines = [line for line in warned.stderr.splitlines() if words in line]
        assert len(lines) == 1 and lines[0].startswith(f"warning: {config}: "), warned.stderr
    else:
        assert len([late for late in late_reviews(project_copy, body) if words in late]) == 1
    failed = build_with(project_copy, body, "--fail-if-review-due")
    assert failed.returncode == 1
    assert f"error: {config}: {words}" in failed.stderr
    assert len([line for line in failed.stderr.splitlines() if words in line]) == 1, failed.stderr
    if whose == "an earlier edition":  # the warned build's About pages say so, in each language
        edition, earlier = guide_editions()
        for about in [project_copy / "site" / "about.html", project_copy / "site" / "es" / "about.html"]:
            text = " ".join(about.read_text(encoding="utf-8").split())
            assert edition in text and earlier in text and "<strong>Test Clinic" in text, about


def test_a_signoff_of_this_edition_passes_with_the_flag(project_copy):
    edition, _ = guide_editions()
    result = build_with(project_copy, REVIEW + f"    approved_edition: {edition}\n", "--fail-if-review-due")
    assert result.returncode == 0, result.stderr
    assert "approved_edition" not in result.stderr


def test_an_edition_the_guide_has_not_reached_stops_the_build(project_copy):
    """A typing mistake (or the wrong copy of the guide): one error line, nothing written."""
    edition, _ = guide_editions()
    newer = f"{int(edition.split('.')[0]) + 1}.0.0"
    result = build_with(project_copy, REVIEW + f"    approved_edition: {newer}\n")
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert f"{project_copy / 'mkdocs.review.yml'}: extra.clinic.approved_edition: {newer} is newer" in message
    assert edition in message and "Fix:" in message
    assert not (project_copy / "site").exists()
