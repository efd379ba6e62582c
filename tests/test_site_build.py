"""The real site builds strictly and carries what every page must show."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guidekit.manifest import load_manifest
from helpers import SCRIPTS, mkdocs_build, replace_once

MANIFEST = load_manifest(SCRIPTS / "required_content.yml")
PAGES = {spec.id: spec.file for spec in MANIFEST.pages.values()}
KEY_TERMS = {
    "en": {
        "cement": "overview",
        "fever": "recovery",
        "fasting": "before",
        "anesthesia": "during",
        "kyphoplasty": "overview",
    },
    "es": {
        "cemento": "overview",
        "fiebre": "recovery",
        "ayuno": "before",
        "anestesia": "during",
        "cifoplastia": "overview",
    },
}
FOLDERS = {"en": "", "es": "es"}


def html_path(site: Path, md_file: str) -> Path:
    stem = md_file[:-3]
    flat = site / f"{stem}.html"
    if flat.exists():
        return flat
    return site / ("index.html" if stem == "index" else f"{stem}/index.html")


def search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def search_docs(site: Path) -> list[dict]:
    return search_index(site)["docs"]


def page_location(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


@pytest.mark.parametrize("lang", FOLDERS)
def test_every_page_is_built(built_site, lang):
    for md_file in PAGES.values():
        assert html_path(built_site / FOLDERS[lang], md_file).is_file(), md_file


@pytest.mark.parametrize("lang", FOLDERS)
def test_search_index_has_every_page_in_its_language(built_site, lang):
    site = built_site / FOLDERS[lang]
    index = search_index(site)
    assert index["config"]["lang"] == [lang]  # lunr's stemmer for the edition's language
    locations = {page_location(d) for d in index["docs"]}
    for md_file in PAGES.values():
        built = html_path(site, md_file).relative_to(site).as_posix()
        assert any(loc in (built, built.removesuffix("index.html")) for loc in locations), md_file


TERMS = [(lang, term, page_id) for lang, terms in KEY_TERMS.items() for term, page_id in terms.items()]


@pytest.mark.parametrize("lang,term,page_id", TERMS)
def test_search_index_has_key_terms_of_each_phase(built_site, lang, term, page_id):
    site = built_site / FOLDERS[lang]
    built = html_path(site, PAGES[page_id]).relative_to(site).as_posix()
    entries = [d for d in search_docs(site) if page_location(d) in (built, built.removesuffix("index.html"))]
    assert entries, f"no search entries for {built}"
    assert any(term in (d["title"] + " " + d["text"]).lower() for d in entries)


@pytest.mark.parametrize("page_id", PAGES)
def test_language_selector_links_the_same_page_in_each_edition(built_site, page_id):
    name = html_path(built_site, PAGES[page_id]).name
    english = (built_site / name).read_text(encoding="utf-8")
    spanish = (built_site / "es" / name).read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="es"' in spanish
    assert re.search(rf'href="(\./)?es/{name}" hreflang="es"', english)
    assert re.search(rf'href="(\./)?\.\./{name}" hreflang="en"', spanish)


class ImageCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


@pytest.mark.parametrize("page_id", PAGES)
def test_page_shows_review_date_and_care_team_notice(built_site, page_id):
    html = html_path(built_site, PAGES[page_id]).read_text(encoding="utf-8")
    assert re.search(r"Last reviewed: <time datetime=\"\d{4}-\d\d-\d\d\">", html)
    assert "does not replace your own care team" in html
    assert "In an emergency, call 911" in html


DRAWINGS = {
    "en": ("procedure.svg", ["needle", "cement", "spinal canal"], ["Spinal canal", "Bone cement"]),
    "es": ("procedure-es.svg", ["aguja", "cemento", "canal espinal"], ["Canal espinal", "Cemento"]),
}


@pytest.mark.parametrize("lang", FOLDERS)
def test_procedure_drawing_shows_the_spinal_canal_in_its_language(built_site, lang):
    name, alt_words, labels = DRAWINGS[lang]
    html = html_path(built_site / FOLDERS[lang], PAGES["during"]).read_text(encoding="utf-8")
    collector = ImageCollector()
    collector.feed(html)
    drawing = [img for img in collector.images if img.get("src", "").endswith(f"/{name}")]
    assert drawing, f"{name} is not on the {lang} During page"
    assert all(word in drawing[0]["alt"] for word in alt_words)
    svg = (built_site / "assets" / "images" / name).read_text(encoding="utf-8")
    assert "<title" in svg and "<desc" in svg and f'lang="{lang}"' in svg
    assert all(label in svg for label in labels)
    assert not re.search(r"<script|\son\w+=|href=\"http", svg)


MAIN_BOX_TITLES = {"en": "The most important things", "es": "Lo más importante"}
SUMMARY_TITLES = {"en": "Key points", "es": "Puntos clave"}
PHASES = ["overview", "before", "during", "recovery", "faq"]


class ArticleOutline(HTMLParser):
    """The article's headings and main boxes in order, and whether it has a picture."""

    def __init__(self):
        super().__init__()
        self.items: list[tuple[str, str]] = []  # (tag or "box", text)
        self.pictures = 0
        self._heading: str | None = None
        self._box_title = False
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "article":
            self._in_article = True
        if not self._in_article:
            return
        if tag in ("h1", "h2"):
            self._heading = tag
            self.items.append((tag, ""))
        elif tag == "div" and "admonition" in classes and "abstract" in classes:
            self.items.append(("box", ""))
        elif tag == "p" and "admonition-title" in classes and self.items and self.items[-1] == ("box", ""):
            self._box_title = True
        elif tag == "li" and self.items and self.items[-1][0] == "box":
            self.items[-1] = ("box", self.items[-1][1] + "\n")
        if (tag == "svg" and self._in_article) or (tag == "img" and attrs.get("src", "").endswith(".svg")):
            self.pictures += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        if tag == self._heading:
            self._heading = None
        if tag == "p":
            self._box_title = False

    def handle_data(self, data):
        if self._heading or self._box_title:
            kind, text = self.items[-1]
            self.items[-1] = (kind, text + data.strip())


@pytest.mark.parametrize("lang", FOLDERS)
@pytest.mark.parametrize("page_id", PHASES)
def test_phase_page_opens_with_its_main_message_and_ends_with_key_points(built_site, lang, page_id):
    """CDC Clear Communication Index and PEMAT: main message and actions first, a summary last, a picture."""
    outline = ArticleOutline()
    outline.feed(html_path(built_site / FOLDERS[lang], PAGES[page_id]).read_text(encoding="utf-8"))
    kinds = [kind for kind, _ in outline.items]
    assert kinds[:2] == ["h1", "box"], outline.items[:3]
    title_and_actions = outline.items[1][1]
    assert title_and_actions.startswith(MAIN_BOX_TITLES[lang])
    assert 2 <= title_and_actions.count("\n") <= 4, "the main box lists 2 to 4 actions"
    headings = [text for kind, text in outline.items if kind == "h2"]
    assert headings[-1] == SUMMARY_TITLES[lang]
    assert outline.pictures >= 1


def test_print_site_assets_only_on_its_print_page(built_site):
    # They style and script only the print page; every other page is spared the requests.
    for path in built_site.rglob("*.html"):
        found = set(
            re.findall(r'"[^"]*?((?:css/print-site[-a-z]*\.css)|js/print-site\.js)"', path.read_text(encoding="utf-8"))
        )
        if path.name == "print_page.html":
            assert {"css/print-site.css", "js/print-site.js"} <= found, path.relative_to(built_site)
        else:
            assert not found, path.relative_to(built_site)


def test_theme_overrides_reach_the_site_only_as_rendered_pages(built_site):
    # MkDocs copies every theme file that is not a template into the site; a script
    # kept beside its template in overrides/ would be published as a stray file.
    overrides = SCRIPTS.parent / "overrides"
    rendered = {"404.html", "sitemap.xml"}  # the theme's static templates, written as pages
    for edition in (built_site, built_site / "es"):
        published = {
            path.relative_to(overrides).as_posix()
            for path in overrides.rglob("*")
            if path.is_file() and (edition / path.relative_to(overrides)).exists()
        }
        assert published <= rendered, f"published from overrides/ into {edition.name}/: {sorted(published - rendered)}"


def test_build_with_a_missing_fact_fails(project_copy, tmp_path):
    shared = project_copy / "docs" / "includes" / "warning-signs.md"  # the signs, written once
    text = shared.read_text(encoding="utf-8")
    fever = "- a fever (high body temperature) above 100.0 °F (37.8 °C)\n"
    shared.write_text(replace_once(text, fever, ""), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "CALL-FEVER" in result.stderr + result.stdout
    assert not (tmp_path / "out" / "index.html").exists()


def test_readme_test_command_is_what_ci_runs():
    root = SCRIPTS.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, re.S)
    test_command = next(c.strip() for c in commands if "test" in c and "build" not in c)
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci


@pytest.mark.parametrize("lang", FOLDERS)
def test_clinic_sitemap_names_each_page_in_both_editions(clinic_site, lang):
    # Search engines find the editions here; no page's <head> names them, since Material
    # would fetch sitemap.xml from each address named there (the clinic's host).
    sitemap = (clinic_site / FOLDERS[lang] / "sitemap.xml").read_text(encoding="utf-8")
    base = "https://guide.example.org/"
    for md_file in PAGES.values():
        name = md_file[:-3] + ".html"
        assert f'hreflang="en" href="{base}{name}"' in sitemap and f'hreflang="es" href="{base}es/{name}"' in sitemap
        page = (clinic_site / FOLDERS[lang] / name).read_text(encoding="utf-8")
        assert 'rel="alternate"' not in page
    # print-site writes the print page after every other page's hooks have run
    assert 'rel="alternate"' not in (clinic_site / FOLDERS[lang] / "print_page.html").read_text(encoding="utf-8")
