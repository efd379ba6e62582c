"""A clinic's emergency number (999 in the UK, 112 in much of Europe) replaces 911 everywhere a
patient reads it: every page, the page notes, search, and the PDFs (the UK clinic's build, conftest's
uk_clinic_site: its PDF check needs 999 where the guide says 911)."""

from __future__ import annotations

import json
import re

import pytest

from helpers import article_text as page_text
from helpers import handout_text

PAGES = ["overview", "before", "during", "recovery", "faq", "about"]
NUMBER = re.compile(r"\b911\b")


@pytest.mark.parametrize("lang,emergency", [("en", "Call 999 now"), ("es", "Llame al 999 ahora")])
def test_the_emergency_box_and_handout_use_the_clinics_number(uk_clinic_site, lang, emergency):
    assert emergency in page_text(uk_clinic_site, lang, "recovery")
    assert emergency in handout_text(uk_clinic_site, lang, "recovery")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_page_says_911(uk_clinic_site, lang):
    for page in PAGES:
        text = page_text(uk_clinic_site, lang, page)
        assert not NUMBER.search(text), page
        assert "999" in text, page  # at least the page notes' emergency line
    edition = uk_clinic_site if lang == "en" else uk_clinic_site / lang
    index = json.loads((edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if NUMBER.search(doc["text"] + doc["title"])]


def test_the_neutral_guide_says_911(default_site):
    assert "Call 911 now" in page_text(default_site, "en", "recovery")
