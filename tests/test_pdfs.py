"""The PDFs of both editions: built by the real build command, read back with pypdf."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidekit import check_cli
from guidekit.manifest import load_manifest
from helpers import (
    EDITIONS,
    EXAMPLE,
    HANDOUTS,
    PDFS,
    REVIEW_DUE,
    REVIEWED,
    ROOT,
    SCRIPTS,
    UK_CLINIC,
    copy_project,
    example_config,
    long_date,
    pages_text,
    pdf_path,
)
from helpers import full_build as build

MANIFEST = load_manifest(SCRIPTS / "required_content.yml")
# The example clinic's name holds a word, so each edition prints its own: no "(example)" in Spanish.
EXAMPLE_NAME = {"en": "Maple Hollow Spine Clinic (example)", "es": "Maple Hollow Spine Clinic (ejemplo)"}
LETTER = (612, 792)


def embedded(font: dict) -> bool:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return bool(descriptor) and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("lang,name", PDFS)
def test_pdf_structure(default_site, lang, name):
    edition = EDITIONS[lang]
    reader = PdfReader(str(pdf_path(default_site, lang, name)))
    if name in edition.handouts:
        from guidekit.handout_budget import HANDOUT_PAGES

        budget = HANDOUT_PAGES[edition.handouts[name]]
        assert 1 <= len(reader.pages) <= budget, f"{name} has {len(reader.pages)} pages"
    else:
        assert len(reader.pages) >= 6
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LETTER
    assert reader.metadata.title and edition.title_word in reader.metadata.title
    assert reader.outline, f"{name} has no bookmarks"
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, f"{name} is not tagged"
    assert str(root.get("/Lang", "")).startswith(lang)
    fonts = {}
    for page in reader.pages:
        for key, ref in page["/Resources"].get("/Font", {}).items():
            fonts[key] = ref.get_object()
    assert fonts and all(embedded(font) for font in fonts.values())
    texts = pages_text(pdf_path(default_site, lang, name))
    for number, text in enumerate(texts, start=1):
        assert edition.page_of.format(page=number, pages=len(texts)) in text
        assert edition.reviewed in text
        assert edition.write_in in text


def check_pdf(pdf: Path, lang: str, *phases: str, command: bool = False) -> dict:
    """The content check's report on a PDF: its main() in process, or with `command`, the real
    command (scripts/check_content.py) in its own process; the exit code agrees with the report."""
    args = ["--format", "json", "--pdf", str(pdf), "--lang", lang]
    for phase in phases:
        args += ["--phase", phase]
    if command:
        command_line = [sys.executable, str(SCRIPTS / "check_content.py"), *args]
        result = subprocess.run(command_line, capture_output=True, text=True)
        code, out = result.returncode, result.stdout
    else:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            code = check_cli.main(args)
        out = printed.getvalue()
    report = json.loads(out)
    assert code == (0 if report["ok"] else 1)
    return report


@pytest.mark.parametrize("lang,name,phase", HANDOUTS)
def test_each_handout_carries_its_phase_facts(default_site, lang, name, phase):
    report = check_pdf(pdf_path(default_site, lang, name), lang, phase)
    assert report["ok"], [f["id"] for f in report["findings"] if not f["ok"]]
    facts = {f["id"] for f in report["findings"] if f["kind"] == "fact"}
    sections = {f["id"] for f in report["findings"] if f["kind"] == "section"}
    assert facts == {f.id for f in MANIFEST.facts if f.page == phase or phase in f.handouts}
    assert sections == set(MANIFEST.pages[phase].sections[lang])
    if phase == "recovery":
        assert {"CALL-FEVER", "CALL-SITE", "CALL-NERVE", "CALL-BACKPAIN"} <= facts


@pytest.mark.parametrize("lang", EDITIONS)
def test_complete_guide_carries_every_fact(default_site, lang):
    report = check_pdf(pdf_path(default_site, lang, EDITIONS[lang].guide), lang)
    facts = {f["id"] for f in report["findings"] if f["kind"] == "fact"}
    assert facts == {f.id for f in MANIFEST.facts}
    assert report["ok"], [f["id"] for f in report["findings"] if not f["ok"]]


@pytest.mark.parametrize("lang", EDITIONS)
def test_pdf_check_fails_on_a_handout_without_the_fact(default_site, lang):
    """The during handout does not carry the recovery page's facts."""
    during = next(name for name, page in EDITIONS[lang].handouts.items() if page == "during")
    report = check_pdf(pdf_path(default_site, lang, during), lang, "recovery", command=True)  # exit 1, for real
    assert not report["ok"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_details_blocks_reach_the_pdf(default_site, lang):
    summary, inside = EDITIONS[lang].details
    text = " ".join(pages_text(pdf_path(default_site, lang, EDITIONS[lang].guide)))
    assert summary in text and inside in text


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_page_links_to_its_pdfs(default_site, lang):
    edition = EDITIONS[lang]
    folder = default_site / edition.folder.removesuffix("pdf")
    for name, page_id in edition.handouts.items():
        html = (folder / (MANIFEST.pages[page_id].file[:-3] + ".html")).read_text(encoding="utf-8")
        assert f'href="./pdf/{name}"' in html
    for spec in MANIFEST.pages.values():
        html = (folder / (spec.file[:-3] + ".html")).read_text(encoding="utf-8")
        assert 'class="guide-print-links' in html and f"pdf/{edition.guide}" in html


def test_example_clinic_everywhere(clinic_site):
    for page in ["index.html", "recovery.html", "about.html", "es/index.html", "es/recovery.html"]:
        html = (clinic_site / page).read_text(encoding="utf-8")
        footer = html[html.index('class="md-footer') :]
        name = EXAMPLE_NAME["es" if page.startswith("es/") else "en"]
        assert name in footer and EXAMPLE["phone"] in footer
    for page, anchor, lang in [
        ("recovery.html", "when-to-call-your-doctor", "en"),
        ("es/recovery.html", "cuando-debe-llamar-a-su-medico", "es"),
    ]:
        html = (clinic_site / page).read_text(encoding="utf-8")
        call = html[html.index(f'id="{anchor}"') :][:3000]
        assert EXAMPLE_NAME[lang] in call and 'href="tel:+14125550142"' in call
    for lang in EDITIONS:
        folder = clinic_site / EDITIONS[lang].folder.removesuffix("pdf")
        cover = (folder / "print_page.html").read_text(encoding="utf-8")
        cover = cover[cover.index('id="print-site-cover-page"') :][:3000]
        assert EXAMPLE_NAME[lang] in cover and EXAMPLE["phone"] in cover and "assets/clinic/logo.svg" in cover
        assert (folder / "assets" / "clinic" / "logo.svg").is_file()
    for lang, name in PDFS:
        pdf = pdf_path(clinic_site, lang, name)
        assert EXAMPLE_NAME[lang] in PdfReader(str(pdf)).metadata.title
        for text in pages_text(pdf):
            assert EXAMPLE_NAME[lang] in text and EXAMPLE["phone"] in text
    for path in (clinic_site / "es").rglob("*"):  # no English word of the clinic's in the Spanish edition
        if path.suffix in (".html", ".pdf"):
            text = " ".join(pages_text(path)) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
            assert EXAMPLE_NAME["en"] not in text, path
    assert "Clinical review: Dr. Alex Example" in " ".join(
        pages_text(pdf_path(clinic_site, "en", EDITIONS["en"].guide))
    )
    assert "Revisión clínica: Dr. Alex Example" in " ".join(
        pages_text(pdf_path(clinic_site, "es", EDITIONS["es"].guide))
    )


def line_of(page, words: str) -> float:
    """The height on the page of the first run of text that holds these words."""
    found = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: (
            found.append(tm[5] * cm[3] + cm[5]) if words in text and not found else None
        )
    )
    assert found, f"{words!r} not on the page"
    return found[0]


@pytest.mark.parametrize("lang,label", [("en", "After hours"), ("es", "Fuera de horario")])
def test_footer_keeps_each_phone_number_beside_its_label(clinic_site, lang, label):
    # The example's long footer wraps; it must break between its parts, not inside one.
    name = next(name for name, phase in EDITIONS[lang].handouts.items() if phase == "recovery")
    for page in PdfReader(str(pdf_path(clinic_site, lang, name))).pages:
        assert line_of(page, label) == line_of(page, EXAMPLE["after_hours"])


def test_default_build_shows_no_clinic(default_site):
    for path in default_site.rglob("*"):
        if path.suffix in (".html", ".pdf"):
            text = " ".join(pages_text(path)) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
            assert "Maple Hollow" not in text and "555-01" not in text, path
    recovery = (default_site / "recovery.html").read_text(encoding="utf-8")
    assert "Call your care team. Use the phone number they gave you." in recovery
    recovery_es = (default_site / "es" / "recovery.html").read_text(encoding="utf-8")
    assert "Llame a su equipo médico. Use el número de teléfono que le dieron." in recovery_es
    assert not (default_site / "assets" / "clinic").exists()


def test_a4_is_one_setting_away(uk_clinic_site):
    """The UK clinic's file sets A4 paper, and nothing else of the paper."""
    assert "  print:\n    paper: A4\n" in UK_CLINIC
    for pdf in [
        uk_clinic_site / "pdf" / "vertebroplasty-faq.pdf",
        uk_clinic_site / "es" / "pdf" / "vertebroplastia-preguntas.pdf",
    ]:
        page = PdfReader(str(pdf)).pages[0]
        assert abs(float(page.mediabox.width) - 595.3) < 2 and abs(float(page.mediabox.height) - 841.9) < 2


def test_build_fails_when_a_printout_loses_a_fact(tmp_path):
    """A print rule that hides the warning boxes (the blood-thinner box, the call-your-doctor box)
    must not slip through to the handouts."""
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "assets" / "css" / "print.css").open("a", encoding="utf-8") as css:
        css.write("\n@media print { .md-typeset .admonition.warning { display: none !important; } }\n")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 1
    assert "vertebroplasty-before.pdf is missing fact ADD-THINNERS" in result.stderr
    assert "vertebroplastia-antes.pdf is missing fact ADD-THINNERS" in result.stderr
    assert not site.exists()


@dataclass
class RecoveryWords:
    emergency: str  # the emergency box's title
    call: str  # the call-your-care-team box's title
    sign: str  # an emergency sign
    call_sign: str  # a sign to call the care team about
    results: str  # where study results begin


RECOVERY_WORDS = {
    "en": RecoveryWords("Call 911 now", "Call your care team", "chest pain", "100.0 °F", "Results vary"),
    "es": RecoveryWords(
        "Llame al 911 ahora", "Llame a su equipo médico", "dolor en el pecho", "37.8 °C", "Los resultados varían"
    ),
}


@pytest.mark.parametrize("site", ["default_site", "clinic_site"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_recovery_handout_puts_emergency_first_on_page_one(request, site, lang):
    """Page 1: "Call 911 now" with its signs, then "Call your care team"; results only after them."""
    name = next(name for name, phase in EDITIONS[lang].handouts.items() if phase == "recovery")
    texts = pages_text(pdf_path(request.getfixturevalue(site), lang, name))
    words = RECOVERY_WORDS[lang]
    first = texts[0]
    assert words.emergency in first and words.call in first
    assert first.index(words.sign) < first.index(words.call_sign)
    assert words.results not in first
    assert words.results in " ".join(texts[1:])


@pytest.mark.parametrize(
    "lang,title", [("en", "Vertebroplasty: a guide for patients"), ("es", "Vertebroplastia: una guía para pacientes")]
)
def test_guide_bookmarks_keep_the_spaces_of_the_title(default_site, lang, title):
    outline = PdfReader(str(pdf_path(default_site, lang, EDITIONS[lang].guide))).outline
    assert outline[0].title == title


WRITE_INS = {
    "en": {
        "before": ["Stop eating at:", "Stop drinking at:", "Arrive at:"],
        "recovery": [
            "I may drive from:",
            "I may shower from:",
            "Most I may lift",
            "My follow-up call or visit:",
            "Each evening",
            "Temperature",
        ],
    },
    "es": {
        "before": ["Hora de dejar de comer:", "Hora de dejar de beber:", "Hora y lugar de llegada:"],
        "recovery": [
            "Puedo manejar desde:",
            "Puedo bañarme en la regadera desde:",
            "Lo más que puedo levantar",
            "Mi llamada o cita de control:",
            "Cada noche",
            "Temperatura",
        ],
    },
}


@pytest.mark.parametrize("lang", EDITIONS)
def test_handouts_have_write_in_lines_and_the_tracker(default_site, lang):
    """The neutral guide leaves a line for each number a clinic sets, and a tracker to fill in."""
    for name, phase in EDITIONS[lang].handouts.items():
        if phase in WRITE_INS[lang]:
            text = " ".join(pages_text(pdf_path(default_site, lang, name)))
            for words in WRITE_INS[lang][phase]:
                assert words in text, (name, words)


@pytest.mark.parametrize("lang", EDITIONS)
def test_phone_numbers_never_break_across_lines_on_paper(clinic_site, lang):
    for name in [EDITIONS[lang].guide, *EDITIONS[lang].handouts]:
        text = "\n".join(page.extract_text() for page in PdfReader(str(pdf_path(clinic_site, lang, name))).pages)
        whole = text.count(EXAMPLE["phone"])
        split = len(re.findall(r"\(412\) ?\n|\(412\) 555-\n", text))
        assert whole and not split, (name, whole, split)


EDITION_WORDS = {
    "en": "Edition {edition} · Reviewed {reviewed} · next review due {due}",
    "es": "Edición {edition} · Revisada el {reviewed} · próxima revisión: antes del {due}",
}


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_pdf_page_and_the_about_page_carry_the_edition(default_site, lang):
    """The edition is the newest release in CHANGELOG.md; its review dates go with it."""
    edition = re.search(r"^## \[(\d+\.\d+\.\d+)\] - ", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)[1]
    for name in [EDITIONS[lang].guide, *EDITIONS[lang].handouts]:
        for text in pages_text(pdf_path(default_site, lang, name)):
            words = EDITION_WORDS[lang].format(
                edition=edition, reviewed=long_date(REVIEWED, lang), due=long_date(REVIEW_DUE, lang)
            )
            assert words in text, name
    about = (default_site / EDITIONS[lang].folder.removesuffix("pdf") / "about.html").read_text(encoding="utf-8")
    assert f"edition {edition}" in about or f"edición {edition}" in about


LONG_NAME = (
    "The Very Long Name Regional Interventional Spine and Pain Care Center of the Greater Springfield Metropolitan Area"
)


def test_a_long_clinic_name_leaves_page_numbers_and_review_date_on_every_page(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.long.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n"
        f"    name: {LONG_NAME}\n    department:\n      en: Interventional Radiology and Neuroradiology\n"
        "      es: Radiología Intervencionista y Neurorradiología\n"
        "    phone: 412-555-0142\n    after_hours_phone: 412-555-0199 ext. 1234\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build(project, site, "mkdocs.long.yml")
    assert result.returncode == 0, result.stderr
    for lang, name in PDFS:
        texts = pages_text(pdf_path(site, lang, name))
        for number, text in enumerate(texts, start=1):
            assert EDITIONS[lang].page_of.format(page=number, pages=len(texts)) in text, (name, number)
            assert EDITIONS[lang].reviewed in text and "(412) 555-0199 ext. 1234" in text, (name, number)


def page_text(path: Path) -> str:
    """A built page's words as a reader sees them: no tags, entities decoded, spaces collapsed."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


@pytest.mark.parametrize("lang", EDITIONS)
def test_example_clinic_signoff_names_both_editions(clinic_site, lang):
    """The About page says which edition this is and which edition the clinic's reviewer approved,
    and so does the footer of every page of every PDF (the clinic's line, kept short)."""
    config = example_config(lang)
    ui, clinic, edition = config.extra["ui"], config.extra["clinic"], config.extra["guide_edition"]
    assert clinic.approved_edition == edition, "the example clinic approves the guide's current edition"
    about = page_text(clinic_site / EDITIONS[lang].folder.removesuffix("pdf") / "about.html")
    assert ui["edition_line"].split("{edition}")[0] + edition in about
    assert (
        ui["clinic_checked"].format(
            reviewer=clinic.reviewed_by,
            approved=clinic.approved_edition,
            clinic=clinic.name,
            date=clinic.reviewed_on_text,
        )
        in about
    )
    note = ui["footer_clinic_checked"].format(approved=clinic.approved_edition)
    for name in [EDITIONS[lang].guide, *EDITIONS[lang].handouts]:
        for number, text in enumerate(pages_text(pdf_path(clinic_site, lang, name)), start=1):
            assert note in text and ui["edition"].format(edition=edition) in text, (name, number)
    cover = page_text(clinic_site / EDITIONS[lang].folder.removesuffix("pdf") / "print_page.html")
    for_edition = ui["for_edition"].format(edition=clinic.approved_edition)
    assert f"{ui['clinical_review']}: {clinic.reviewed_by}, {clinic.reviewed_on_text}, {for_edition}" in cover


def test_pdf_footer_says_when_the_clinic_has_not_checked_this_edition():
    """In process: the footer an older approval gets, with both editions, each value escaped."""
    from guidekit.handouts import footer_template
    from guidekit.signoff import EDITION_FORM

    config = example_config("en")
    ui, edition = config.extra["ui"], config.extra["guide_edition"]
    releases = re.findall(rf"^## \[({EDITION_FORM})\] - ", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert releases[0] == edition and len(releases) > 1, releases
    # The one before; a name the loader would refuse, to show the footer escapes it anyway.
    clinic = dataclasses.replace(config.extra["clinic"], name="O'Neil & <Spine>", approved_edition=releases[1])
    footer = footer_template(ui, clinic, config.extra["guide_reviewed_text"], edition)
    text = " ".join(re.sub(r"<[^>]+>", " ", footer).split())
    assert ui["footer_clinic_earlier"].format(approved=releases[1]) in text
    assert ui["edition"].format(edition=edition) in text
    assert "&lt;Spine&gt;" in footer and "<Spine>" not in footer
    same = footer_template(
        ui, dataclasses.replace(clinic, approved_edition=edition), config.extra["guide_reviewed_text"], edition
    )
    assert ui["footer_clinic_checked"].format(approved=edition) in same
    assert ui["footer_clinic_earlier"].split("(")[0] not in same


@pytest.mark.parametrize("site", ["default_site", "clinic_site"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_every_handout_fits_its_page_budget(request, site, lang):
    """The budget (guidekit.handout_budget) holds for each handout, neutral and clinic."""
    from guidekit.handout_budget import HANDOUT_PAGES

    built = request.getfixturevalue(site)
    for name, phase in EDITIONS[lang].handouts.items():
        pages = len(PdfReader(str(pdf_path(built, lang, name))).pages)
        assert pages <= HANDOUT_PAGES[phase], (name, pages)


def test_a_handout_over_its_budget_is_kept_and_named(default_site, tmp_path, monkeypatch):
    """Over its budget, a handout is copied beside the failed build, and the message names the
    handout, the language and how many lines ran over."""
    from guidekit import handout_budget

    pdf = pdf_path(default_site, "es", "vertebroplastia-recuperacion.pdf")
    pages = len(PdfReader(str(pdf)).pages)
    assert pages >= 2
    assert handout_budget.over_budget(pdf, ["recovery"], "es", tmp_path) is None
    monkeypatch.setitem(handout_budget.HANDOUT_PAGES, "recovery", pages - 1)
    message = handout_budget.over_budget(pdf, ["recovery"], "es", tmp_path / "overflow")
    assert message is not None
    past = int(re.search(r"has \d+ pages, (\d+) line\(s\) past its budget", message)[1])
    last_page = [line for line in PdfReader(str(pdf)).pages[-1].extract_text().splitlines() if line.strip()]
    assert 0 < past < len(last_page), (past, last_page)  # the running footer is not counted
    assert "the es handout vertebroplastia-recuperacion.pdf" in message and "Fix:" in message
    kept = tmp_path / "overflow" / "es" / "vertebroplastia-recuperacion.pdf"
    assert kept.read_bytes() == pdf.read_bytes() and str(kept) in message
