"""A clinic's emergency number (999 in the UK, 112 in much of Europe) replaces 911 everywhere a
patient reads it: every page, the page notes, search, and the PDFs."""

from __future__ import annotations

import json
import re

import pytest

from conftest import copy_project, full_build
from test_instructions import handout_text, page_text

PAGES = ["overview", "before", "during", "recovery", "faq", "about"]
NUMBER = re.compile(r"\b911\b")


@pytest.fixture(scope="module")
def site_999(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("uk") / "project")
    (project / "mkdocs.uk.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Example Spine Clinic\n    region: GB\n"
        '    phone: 020 7946 0018\n    instructions:\n      emergency_number: "999"\n',
        encoding="utf-8",
    )
    site = project.parent / "site"
    result = full_build(project, site, "mkdocs.uk.yml")  # its PDF check needs 999 where the guide says 911
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("lang,emergency", [("en", "Call 999 now"), ("es", "Llame al 999 ahora")])
def test_the_emergency_box_and_handout_use_the_clinics_number(site_999, lang, emergency):
    assert emergency in page_text(site_999, lang, "recovery")
    assert emergency in handout_text(site_999, lang, "recovery")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_page_says_911(site_999, lang):
    for page in PAGES:
        text = page_text(site_999, lang, page)
        assert not NUMBER.search(text), page
        assert "999" in text, page  # at least the page notes' emergency line
    index = json.loads(
        ((site_999 if lang == "en" else site_999 / lang) / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    assert not [doc["location"] for doc in index["docs"] if NUMBER.search(doc["text"] + doc["title"])]


def test_the_neutral_guide_says_911(default_site):
    assert "Call 911 now" in page_text(default_site, "en", "recovery")
