"""Every config and front-matter value reaches the page as text: escaped in our templates
(site and print cover), refused where Material prints it unescaped."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pytest
import yaml

from helpers import REVIEWED, ROOT, copy_project, mkdocs_build


class IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its !!python/name: tags name."""


IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

NAME = 'O\'Neil & "Partners" Spine Clinic'
MARK = '<guide-injected title="x">'  # what a value would add to the page, were it not escaped


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A clinic build whose every template string (extra.ui, the logos' alt, the language
    names: the guide's own, so set in its mkdocs.yml) carries markup, and whose clinic name
    carries quotes and an ampersand."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    base = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)

    def marked(value):  # every string, nested ones too (the words for instruction values)
        return {key: marked(inner) for key, inner in value.items()} if isinstance(value, dict) else f"{value} {MARK}"

    ui = {key: marked(value) for key, value in base["extra"]["ui"].items()}
    ui["emergency"] = "Call {number}. " + MARK
    ui["page_of"] = "Page {page} of {pages}"
    # The guide's own strings: a maintainer's mkdocs.yml on top of the real one (a clinic's file may not set them).
    (project / "mkdocs.yml").rename(project / "mkdocs.guide.yml")
    guide = {
        "INHERIT": "mkdocs.guide.yml",
        "extra": {
            "ui": ui,
            "alternate": [
                {"name": "English " + MARK, "link": "", "lang": "en"},
                {"name": "Español " + MARK, "link": "es/", "lang": "es"},
            ],
        },
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
    config = {
        "INHERIT": "mkdocs.yml",
        "extra": {
            "clinic": {
                "name": NAME,
                "department": "Spine & Pain",
                "phone": "412-555-0100",
                "after_hours_phone": "412-555-0199",
                "address": '1 "Main" St & 2nd Ave',
                "url": "https://guide.example.org/spine&pain/",
                "logo": "clinics/example/logo.svg",
                "reviewed_by": 'Dr. O\'Neil "Jr"',
                "reviewed_on": REVIEWED,  # a date: YAML writes it unquoted, as a clinic does
            },
        },
    }
    text = yaml.safe_dump(config, allow_unicode=True)
    assert f"reviewed_on: {REVIEWED.isoformat()}\n" in text
    (project / "mkdocs.hostile.yml").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, project / "site", "mkdocs.hostile.yml")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_value_adds_markup_to_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        tags = [tag for tag, _ in parse(path).tags]
        assert "guide-injected" not in tags, f"{path.relative_to(hostile_site)} lets a value add markup"


@pytest.mark.parametrize("page", ["index.html", "recovery.html", "print_page.html"])
def test_quotes_and_ampersands_show_as_written(hostile_site, page):
    found = parse(hostile_site / page)
    logos = [attrs for tag, attrs in found.tags if tag == "img" and "clinic/logo" in attrs.get("src", "")]
    assert logos and all(attrs["alt"].endswith(f" {NAME}") for attrs in logos), logos
    text = " ".join("".join(found.text).split())
    assert NAME in text and "Spine & Pain" in text
    if page != "recovery.html":
        assert '1 "Main" St & 2nd Ave' in text


@pytest.mark.parametrize(
    "page,address",
    [
        ("recovery.html", "https://guide.example.org/spine&pain/recovery.html"),
        ("print_page.html", "https://guide.example.org/spine&pain/"),
    ],
)
def test_the_web_address_beside_the_qr_code_is_printed_as_written(hostile_site, page, address):
    html = (hostile_site / page).read_text(encoding="utf-8")
    assert f'<span class="guide-online__address">{address.replace("&", "&amp;")}</span>' in html.replace("<wbr>", "")
    assert address in "".join(parse(hostile_site / page).text)


def test_canonical_address_keeps_its_ampersand_inside_the_attribute(hostile_site):
    links = [
        attrs
        for tag, attrs in parse(hostile_site / "before.html").tags
        if tag == "link" and attrs.get("rel") == "canonical"
    ]
    assert links and links[0]["href"] == "https://guide.example.org/spine&pain/before.html"


@pytest.mark.parametrize("key", ["site_name", "site_description", "site_author"])
def test_markup_in_a_value_material_prints_raw_is_refused(project_copy, tmp_path, key):
    """The guide's own values (a clinic's file may not set them at all: tests/test_clinic_file.py)."""
    guide = project_copy / "mkdocs.yml"
    guide.rename(project_copy / "mkdocs.guide.yml")
    guide.write_text(f"INHERIT: mkdocs.guide.yml\n{key}: 'Guide <script>alert(1)</script>'\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out", "mkdocs.yml")
    assert result.returncode != 0
    assert f"mkdocs.yml: {key}:" in result.stderr and "Fix:" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("key", ["title", "description", "author"])
def test_markup_in_front_matter_is_refused(project_copy, tmp_path, key):
    page = project_copy / "docs" / "faq.md"
    lines = [
        line for line in page.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith(f"{key}:")
    ]
    lines.insert(1, f"{key}: '\"><script>x</script>'\n")
    page.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(project_copy / "scripts" / "build.py"), "--no-pdf", "--site-dir", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=project_copy,
    )
    assert result.returncode == 1
    assert f"faq.md: front matter '{key}'" in result.stderr and "Fix:" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("clinic", [{"name": NAME, "phone": "412-555-0100", "after_hours_phone": "412-555-0199"}, None])
def test_pdf_footer_escapes_every_value(clinic):
    from guidekit.clinic import load_clinic
    from guidekit.handouts import footer_template

    clinic = load_clinic(clinic, str(ROOT / "mkdocs.test.yml"))
    ui = {key: f"{key} {MARK}" for key in ("phone", "after_hours", "care_team_phone", "reviewed")}
    footer = footer_template(dict(ui, page_of="Page {page} of {pages}"), clinic, f"{REVIEWED} {MARK}")
    found = Collector()
    found.feed(footer)
    assert "guide-injected" not in [tag for tag, _ in found.tags]
    if clinic:
        assert NAME in "".join(found.text)


@pytest.mark.parametrize("page", ["index.html", "recovery.html"])
def test_the_header_and_the_tab_title_carry_the_clinics_name_as_written(hostile_site, page):
    found = parse(hostile_site / page)
    logo_link = next(attrs for tag, attrs in found.tags if tag == "a" and "md-logo" in attrs.get("class", ""))
    assert logo_link["aria-label"].startswith(f"{NAME} · ")
    html = (hostile_site / page).read_text(encoding="utf-8")
    title = html[html.index("<title>") + 7 : html.index("</title>")]
    assert NAME.replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;") in title


@pytest.mark.parametrize(
    "setting, said",
    [
        (
            'nav:\n  - Overview: index.md\n  - "Before<script>alert(document.domain)</script>": before.md\n',
            "mkdocs.bad.yml: nav[1]: the title 'Before<script>alert(document.domain)</script>' holds markup",
        ),
        (
            "nav:\n  - Overview: index.md\n  - Guide:\n      - 'Before\" onfocus=\"x': before.md\n",
            "mkdocs.bad.yml: nav[1][0]: the title",
        ),
        (
            "extra:\n  analytics:\n    provider: google\n    property: 'G-X\"+alert(document.domain)+\"'\n",
            "mkdocs.bad.yml: extra.analytics: ",
        ),
    ],
)
def test_a_nav_title_or_analytics_that_would_inject_a_script_stops_the_build(project_copy, tmp_path, setting, said):
    """Material prints nav titles as they are and analytics settings into an inline script: refused
    when the build starts, before any page (and any policy with its hash) is written."""
    (project_copy / "mkdocs.bad.yml").write_text("INHERIT: mkdocs.yml\n" + setting, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out", "mkdocs.bad.yml")
    assert result.returncode != 0
    assert said in result.stderr and "Fix:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
