"""A clinic's site carries its name and logo in the header of every page, in both editions,
with the logo's alt text in the page's language; the neutral guide keeps its own."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

# The example clinic's name holds a word, so it is given per language: the Spanish edition says "(ejemplo)".
NAME = {"en": "Maple Hollow Spine Clinic (example)", "es": "Maple Hollow Spine Clinic (ejemplo)"}
LOGO_OF = {"en": "Logo of", "es": "Logotipo de"}


class Header(HTMLParser):
    """The header's logo image and the clinic's name beside the guide's title."""

    def __init__(self):
        super().__init__()
        self.depth, self.logo, self.clinic, self.in_clinic = 0, None, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "header":
            self.depth += 1
        if self.depth and tag == "img" and self.logo is None:
            self.logo = attrs
        if self.depth and tag == "span" and "guide-header-clinic" in (attrs.get("class") or ""):
            self.in_clinic = True

    def handle_endtag(self, tag):
        if tag == "header":
            self.depth -= 1
        if tag == "span":
            self.in_clinic = False

    def handle_data(self, data):
        if self.in_clinic:
            self.clinic += data


def header(path: Path) -> Header:
    found = Header()
    found.feed(path.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_of_a_clinic_build_names_the_clinic_in_its_header(clinic_site, lang):
    folder = clinic_site if lang == "en" else clinic_site / "es"
    pages = [p for p in folder.glob("*.html") if p.name != "print_page.html"]
    assert len(pages) >= 6
    for page in pages:
        found = header(page)
        assert found.clinic == NAME[lang], page.name
        assert found.logo and found.logo["src"].endswith("assets/clinic/logo.svg"), page.name
        assert found.logo["alt"] == f"{LOGO_OF[lang]} {NAME[lang]}", page.name
        assert f"{NAME[lang]} · " in page.read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]


def test_the_neutral_guide_keeps_its_own_header(default_site):
    found = header(default_site / "recovery.html")
    assert found.clinic == ""
    assert found.logo and "favicon" in found.logo["src"]
