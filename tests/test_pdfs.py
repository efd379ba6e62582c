"""The PDFs: built by the real build command, read back with pypdf."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, SCRIPTS, copy_project

EXAMPLE = {"name": "Maple Hollow Spine Clinic (example)", "phone": "555-0142", "after_hours": "555-0199"}
HANDOUTS = {"vertebroplasty-before.pdf": "before", "vertebroplasty-during.pdf": "during",
            "vertebroplasty-recovery.pdf": "recovery", "vertebroplasty-faq.pdf": "faq"}
GUIDE = "vertebroplasty-guide.pdf"
ALL_PDFS = [GUIDE, *HANDOUTS]
LETTER = (612, 792)


def build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--config",
                           str(project / config), "--site-dir", str(site)], capture_output=True, text=True,
                          cwd=project)


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("default") / "site"
    result = build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("clinic") / "site"
    result = build(ROOT, site, "mkdocs.example-clinic.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pages_text(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages]


def embedded(font: dict) -> bool:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return bool(descriptor) and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("name", ALL_PDFS)
def test_pdf_structure(default_site, name):
    pdf = default_site / "pdf" / name
    reader = PdfReader(str(pdf))
    if name in HANDOUTS:
        assert 1 <= len(reader.pages) <= 2, f"{name} has {len(reader.pages)} pages"
    else:
        assert len(reader.pages) >= 6
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LETTER
    assert reader.metadata.title and "Vertebroplasty" in reader.metadata.title
    assert reader.outline, f"{name} has no bookmarks"
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, f"{name} is not tagged"
    fonts = {}
    for page in reader.pages:
        for key, ref in page["/Resources"].get("/Font", {}).items():
            fonts[key] = ref.get_object()
    assert fonts and all(embedded(font) for font in fonts.values())
    texts = pages_text(pdf)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Reviewed November 24, 2026" in text
        assert "Your care team's phone" in text


def check_pdf(pdf: Path, *phases: str) -> dict:
    args = [sys.executable, str(SCRIPTS / "check_content.py"), "--format", "json", "--pdf", str(pdf)]
    for phase in phases:
        args += ["--phase", phase]
    result = subprocess.run(args, capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert result.returncode == (0 if report["ok"] else 1)
    return report


@pytest.mark.parametrize("name,phase", HANDOUTS.items())
def test_each_handout_carries_its_phase_facts(default_site, name, phase):
    report = check_pdf(default_site / "pdf" / name, phase)
    assert report["ok"], [f["id"] for f in report["findings"] if not f["ok"]]
    from guidekit.manifest import load_manifest
    manifest = load_manifest(SCRIPTS / "required_content.yml")
    facts = {f["id"] for f in report["findings"] if f["kind"] == "fact"}
    sections = {f["id"] for f in report["findings"] if f["kind"] == "section"}
    assert facts == {f.id for f in manifest.facts if f.page == phase or phase in f.handouts}
    assert sections == set(manifest.pages[phase].sections["en"])
    if phase == "recovery":
        assert {"CALL-FEVER", "CALL-SITE", "CALL-NERVE", "CALL-BACKPAIN"} <= facts


def test_complete_guide_carries_every_fact(default_site):
    report = check_pdf(default_site / "pdf" / GUIDE)
    from guidekit.manifest import load_manifest
    facts = {f["id"] for f in report["findings"] if f["kind"] == "fact"}
    assert facts == {f.id for f in load_manifest(SCRIPTS / "required_content.yml").facts}
    assert report["ok"], [f["id"] for f in report["findings"] if not f["ok"]]


def test_pdf_check_fails_on_a_handout_without_the_fact(default_site):
    """The during handout does not carry the recovery page's facts."""
    report = check_pdf(default_site / "pdf" / "vertebroplasty-during.pdf", "recovery")
    assert not report["ok"]


def test_details_blocks_reach_the_pdf(default_site):
    text = " ".join(pages_text(default_site / "pdf" / GUIDE))
    assert "Where does the word come from?" in text and "mend" in text


def test_every_page_links_to_its_pdfs(default_site):
    for page, handout in [("before.html", "vertebroplasty-before.pdf"), ("recovery.html", "vertebroplasty-recovery.pdf")]:
        html = (default_site / page).read_text(encoding="utf-8")
        assert f'href="./pdf/{handout}"' in html or f'href="pdf/{handout}"' in html
    for page in ["index.html", "before.html", "during.html", "recovery.html", "faq.html", "about.html"]:
        html = (default_site / page).read_text(encoding="utf-8")
        assert "Print or download" in html and GUIDE in html


def test_example_clinic_everywhere(clinic_site):
    for page in ["index.html", "recovery.html", "about.html"]:
        html = (clinic_site / page).read_text(encoding="utf-8")
        footer = html[html.index('class="md-footer'):]
        assert EXAMPLE["name"] in footer and EXAMPLE["phone"] in footer
    recovery = (clinic_site / "recovery.html").read_text(encoding="utf-8")
    call = recovery[recovery.index('id="when-to-call-your-doctor"'):]
    assert EXAMPLE["name"] in call[:3000] and 'href="tel:5550142"' in call[:3000]
    cover = (clinic_site / "print_page.html").read_text(encoding="utf-8")
    cover = cover[cover.index('id="print-site-cover-page"'):][:3000]
    assert EXAMPLE["name"] in cover and EXAMPLE["phone"] in cover and "assets/clinic/logo.svg" in cover
    assert (clinic_site / "assets" / "clinic" / "logo.svg").is_file()
    for name in ALL_PDFS:
        pdf = clinic_site / "pdf" / name
        assert EXAMPLE["name"] in PdfReader(str(pdf)).metadata.title
        for text in pages_text(pdf):
            assert EXAMPLE["name"] in text and EXAMPLE["phone"] in text
    assert "Clinical review: Dr. Alex Example" in " ".join(pages_text(clinic_site / "pdf" / GUIDE))


def test_default_build_shows_no_clinic(default_site):
    for path in default_site.rglob("*"):
        if path.suffix in (".html", ".pdf"):
            text = " ".join(pages_text(path)) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
            assert "Maple Hollow" not in text and "555-01" not in text, path
    recovery = (default_site / "recovery.html").read_text(encoding="utf-8")
    assert "Call your care team. Use the phone number they gave you." in recovery
    assert not (default_site / "assets" / "clinic").exists()


def test_a4_is_one_setting_away(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.a4.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  print:\n    paper: A4\n")
    result = build(project, tmp_path / "site", "mkdocs.a4.yml")
    assert result.returncode == 0, result.stderr
    page = PdfReader(str(tmp_path / "site" / "pdf" / "vertebroplasty-faq.pdf")).pages[0]
    assert abs(float(page.mediabox.width) - 595.3) < 2 and abs(float(page.mediabox.height) - 841.9) < 2
