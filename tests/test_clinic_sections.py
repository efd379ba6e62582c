"""A clinic's own sections: added to their page in each language, held to the guide's rules,
and unable to take a required fact away, because the content check reads the page as built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guidekit.clinic_sections import SectionError, checked_section, section_files
from helpers import article_text as page_text
from helpers import handout_text, replace_once

SECTION = {
    "en": "Parking Park for free in the garage on Example Road.",
    "es": "Dónde dejar el carro Deje su carro gratis en el estacionamiento de Example Road.",
}
KEY_POINTS = {"en": "Key points", "es": "Puntos clave"}
# On the Before page a clinic's sections (parking, where to check in) follow the day's plan.
PLAN = {"en": "What do you do, and when?", "es": "¿Qué debe hacer y cuándo?"}
QUESTIONS = {"en": "What should you ask your care team?", "es": "¿Qué debe preguntar a su equipo médico?"}
PAGES = ["index.md", "before.md", "recovery.md"]
LANGS = ["en", "es"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_section_follows_the_plan_on_its_page_and_handout(clinic_site, lang):
    for text in (page_text(clinic_site, lang, "before"), handout_text(clinic_site, lang, "before")):
        assert SECTION[lang] in text
        # rindex: the page's table of contents names the headings first.
        assert text.rindex(PLAN[lang]) < text.index(SECTION[lang]) < text.rindex(QUESTIONS[lang])
        assert text.index(SECTION[lang]) < text.rindex(KEY_POINTS[lang])


def never_hard(text: str) -> str:
    return ""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_sections_are_found_by_page_and_language(tmp_path):
    folder = write(tmp_path, {"before.md": "## Parking\n", "es/before.md": "## Estacionar\n"})
    assert section_files(folder, PAGES, LANGS) == {
        "en": {"before.md": folder / "before.md"},
        "es": {"before.md": folder / "es" / "before.md"},
    }


def test_a_file_managers_own_files_are_passed_over(tmp_path):
    """A clinic that edits its sections on a Mac or in Windows has files it never made (.DS_Store,
    ._before.md, Thumbs.db): they are not sections, and not refused either. Anything else still is."""
    litter = {".DS_Store": "", "es/.DS_Store": "", "._before.md": "", "Thumbs.db": "", "es/desktop.ini": ""}
    folder = write(tmp_path, {"before.md": "## Parking\n", "es/before.md": "## Estacionar\n", **litter})
    assert all((folder / name).is_file() for name in litter)
    assert section_files(folder, PAGES, LANGS) == {
        "en": {"before.md": folder / "before.md"},
        "es": {"before.md": folder / "es" / "before.md"},
    }
    (folder / "notes.txt").write_text("", encoding="utf-8")
    with pytest.raises(SectionError, match="notes.txt: is not a section"):
        section_files(folder, PAGES, LANGS)


@pytest.mark.parametrize(
    "files,message",
    [
        (
            {"before.md": "## Parking\n"},
            "{folder}/es/before.md: is missing: the section is there in another language, and the es edition needs its "
            "own. Fix: add the es version of the section",
        ),
        (
            {"parking.md": "## Parking\n"},
            "{folder}/parking.md: is not a section of a page of the guide. Fix: name it after the page it goes on "
            "(index.md, before.md, recovery.md), in {folder} for en or in {folder}/<language>/ for es; "
            "remove anything else",
        ),
    ],
)
def test_a_section_file_that_fits_no_page_is_refused(tmp_path, files, message):
    folder = write(tmp_path, files)
    with pytest.raises(SectionError) as error:
        section_files(folder, PAGES, LANGS)
    assert str(error.value) == message.format(folder=folder)


@pytest.mark.parametrize(
    "text,problem",
    [
        (
            "Park in the garage.\n",
            "does not start with a ## heading. Fix: start it with its own heading, e.g. "
            "## Parking and where to check in",
        ),
        (
            "## Parking\n\n# Our clinic\n",
            "line 3 is a page title (# or a line of === under it). Fix: use ## or ### headings",
        ),
        (
            "## Parking\n\n## Key points\n",
            "line 3 repeats the page's own heading 'Key points'. Fix: give the clinic's section a heading of its own",
        ),
        (
            "## Parking\n\nPark <b>here</b>.\n",
            "line 3 holds HTML ('<b>here</b>.'...). Fix: write plain Markdown: headings, paragraphs, lists and links",
        ),
        (
            "## Parking\n\n<!-- hide the rest\n",
            "line 3 holds HTML ('<!-- hide th'...). Fix: write plain Markdown: headings, paragraphs, lists and links",
        ),
        (
            "## Parking\n\n```\ncode\n```\n",
            "holds a code block (``` or ~~~). Fix: write plain Markdown without code blocks",
        ),
    ],
)
def test_a_section_that_breaks_the_guides_rules_is_refused(tmp_path, text, problem):
    path = write(tmp_path, {"before.md": text}) / "before.md"
    with pytest.raises(SectionError) as error:
        checked_section(path, ["Before the procedure", "Key points"], never_hard)
    assert str(error.value) == f"{path}: {problem}"


PAGE_IDS = {
    "before-the-procedure": "Before the procedure",
    "key-points": "Key points",
    "the-day-before": "The day before",
    "where-does-this-information-come-from": "Where does this information come from?",
}


@pytest.mark.parametrize(
    "text,problem",
    [
        ("## **Key points**\n\nText.\n", "line 1 repeats the page's own heading 'Key points'"),
        ("## Parking\n\n## Key points!\n", "line 3 repeats the page's own heading 'Key points'"),
        ("## Parking\n\nKey points\n----------\n", "line 3 repeats the page's own heading 'Key points'"),
        ("## Parking\n\n### The *day* before\n", "line 3 repeats the page's own heading 'The day before'"),
        (
            "## Parking\n\n## **Where does this information come from?**\n",
            "line 3 repeats the page's own heading 'Where does this information come from?'",
        ),
        ("## Parking\n\nParking rules\n=============\n", "line 3 is a page title (# or a line of === under it)"),
        ("## Parking {: #where-does-this-information-come-from }\n", "gives an element the attribute(s) id"),
        ("## Parking {: #__config }\n", "gives an element the attribute(s) id"),
        ('## Parking {: style="color:red" }\n', "gives an element the attribute(s) style"),
        (
            '## Parking\n\n![Map](../map.png){: srcset="https://evil.example/x.png 2x" }\n',
            "gives a picture the attribute(s) srcset",
        ),
        ("## Parking\n\n![Map](https://evil.example/x.png)\n", "shows a picture from 'https://evil.example/x.png'"),
        ("## Parking\n\n![Map](//evil.example/x.png)\n", "shows a picture from '//evil.example/x.png'"),
        ("## Parking\n\n![Map](file:///etc/secret.png)\n", "shows a picture from 'file:///etc/secret.png'"),
        (
            "## Parking\n\n![Map](../../../secret.png)\n",
            "shows a picture from '../../../secret.png', outside the clinic's folder",
        ),
        ("## Parking\n\n[x](file:///etc/passwd)\n", "links to 'file:///etc/passwd', not to a web page"),
        ('## Parking\n\n--8<-- "/etc/passwd"\n', "line 3 holds a snippet (--8<--)"),
        ("## Parking\n\n--8<--\n../before.md\n--8<--\n", "line 3 holds a snippet (--8<--)"),
        ("## Parking\n\nText.\n\n    print(1)\n", "holds a code block (lines indented by 4 spaces or a tab)"),
        ("\ufeff## Parking\n\nText.\n", "starts with an invisible byte order mark (BOM)"),
        ("## Parking\n\nIt is free.\n\n[^note]: Ask at the desk.\n", "line 5 holds a footnote ([^note])"),
    ],
)
def test_a_section_holds_words_lists_tables_links_and_the_clinics_pictures_only(tmp_path, text, problem):
    clinic = tmp_path / "clinic"
    path = write(clinic / "sections", {"before.md": text}) / "before.md"
    with pytest.raises(SectionError) as error:
        checked_section(path, ["Before the procedure", "Key points"], never_hard, PAGE_IDS, None, clinic)
    assert str(error.value).startswith(f"{path}: {problem}") and ". Fix: " in str(error.value)


def test_a_picture_from_the_clinics_folder_is_published_beside_its_logo(tmp_path):
    from guidekit.clinic_sections import published_pictures

    clinic = tmp_path / "clinic"
    (clinic / "sections").mkdir(parents=True)
    (clinic / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    path = write(clinic / "sections", {"before.md": "## Parking\n\n![A map of the garage](../map.png)\n"}) / "before.md"
    text = checked_section(path, ["Key points"], never_hard, PAGE_IDS, None, clinic)
    assert published_pictures(text, path, clinic) == (
        "## Parking\n\n![A map of the garage](assets/clinic/pictures/map.png)\n",
        {"assets/clinic/pictures/map.png": (clinic / "map.png").resolve()},
    )


def test_a_section_that_is_a_symbolic_link_is_named_as_one(tmp_path):
    (tmp_path / "elsewhere.md").write_text("## Parking\n", encoding="utf-8")
    folder = write(tmp_path / "sections", {"es/before.md": "## Estacionar\n"})
    (folder / "before.md").symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(SectionError) as error:
        section_files(folder, PAGES, LANGS)
    assert str(error.value) == (
        f"{folder / 'before.md'}: is a symbolic link to a file ({tmp_path / 'elsewhere.md'}); the build follows no"
        " links in a clinic's sections. Fix: put the file itself in its place (copy it there, then remove the link)"
    )


def build(project: Path, config: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--no-pdf",
            *options,
            "--config",
            str(project / config),
            "--site-dir",
            str(project.parent / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


def clinic_with_section(project: Path, english: str, spanish: str, extra: str = "") -> str:
    write(project / "clinics" / "test" / "sections", {"before.md": english, "es/before.md": spanish})
    (project / "mkdocs.test.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Riverside Spine Clinic\n    phone: 412-555-0142\n"
        f"    sections: clinics/test/sections\n{extra}",
        encoding="utf-8",
    )
    return "mkdocs.test.yml"


SPANISH = "## Dónde dejar el auto\n\nDeje el auto en el garaje de la calle.\n"


@pytest.mark.parametrize("link", ["es", "."], ids=["the Spanish folder", "the sections folder"])
def test_a_sections_folder_that_is_a_symbolic_link_is_refused_as_one(project_copy, link):
    """Not "missing" (the Spanish folder), nor followed (the sections folder, even to a folder
    inside the clinic's): one line that says it is a link, and that links are not followed."""
    config = clinic_with_section(project_copy, "## Parking\n\nPark in the garage.\n", SPANISH)
    sections = project_copy / "clinics" / "test" / "sections"
    linked = sections / link if link != "." else sections
    real = project_copy / "clinics" / "test" / "real"
    linked.rename(real)
    linked.symlink_to(real)
    result = build(project_copy, config)
    assert result.returncode == 2, result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line == (
        f"error: clinic configuration: {project_copy / config}: extra.clinic.sections: {linked}: is a symbolic"
        f" link to a folder ({real}); the build follows no links in a clinic's sections. Fix: put the folder itself"
        " in its place (copy it there, then remove the link)"
    )
    assert not (project_copy.parent / "site").exists()


def test_a_footnote_in_a_section_is_refused_not_printed_raw(project_copy):
    english = "## Parking\n\nPark in the garage.[^1]\n\n[^1]: It is free.\n"
    result = build(project_copy, clinic_with_section(project_copy, english, SPANISH))
    assert result.returncode == 2, result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.endswith(
        f"extra.clinic.sections: {project_copy / 'clinics/test/sections/before.md'}: line 3 holds a footnote ([^1]),"
        " which the page would show as it is written. Fix: write the note in the text itself, as a sentence of its own"
    ), line
    assert not (project_copy.parent / "site").exists()


def test_a_section_that_reads_too_hard_stops_the_build(project_copy):
    hard = "## Parking\n\nComprehensive multidisciplinary documentation substantiates pharmaceutical administration.\n"
    result = build(
        project_copy,
        clinic_with_section(project_copy, hard, "## Dónde dejar el auto\n\nDeje el auto en el garaje de la calle.\n"),
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith(
        f"error: clinic configuration: {project_copy / 'mkdocs.test.yml'}: extra.clinic.sections: "
        f"{project_copy / 'clinics/test/sections/before.md'}: reads too hard ("
    )
    assert not (project_copy.parent / "site").exists()


def test_a_broken_link_in_a_section_fails_the_strict_build(project_copy):
    english = "## Parking\n\nSee [the map](map.md).\n"
    result = build(
        project_copy,
        clinic_with_section(
            project_copy, english, "## Dónde dejar el auto\n\nDeje el auto en el garaje de la calle.\n"
        ),
    )
    assert result.returncode == 1
    assert "'map.md'" in result.stderr and "not found" in result.stderr
    assert not (project_copy.parent / "site").exists()


def test_the_content_check_reads_the_page_the_patient_gets(project_copy):
    """A clinic's value that would take a required fact off the page stops the build: the check
    runs on the page after the clinic's text is in, not on the file."""
    recovery = project_copy / "docs" / "recovery.md"
    fact = "Do not drive until your care team says you may."
    text = recovery.read_text(encoding="utf-8")
    assert fact in text
    recovery.write_text(
        replace_once(text, fact, f"<!-- instruction driving: Drive after {{value}}. -->{fact}<!-- /instruction -->"),
        encoding="utf-8",
    )
    assert build(project_copy, "mkdocs.yml").returncode == 0  # neutral: the fact is there
    config = clinic_with_section(
        project_copy,
        "## Parking\n\nPark here.\n",
        "## Dónde dejar el auto\n\nDeje el auto en el garaje de la calle.\n",
        "    instructions:\n      driving: 2 days\n",
    )
    result = build(project_copy, config)
    assert result.returncode == 1
    assert "fact REC-DRIVE (recovery.md)" in result.stderr


def test_a_sections_numbers_follow_the_clinics_emergency_number_and_phones_become_links(project_copy):
    """The clinic's emergency number reaches its section as it does the page (the plugin's order),
    and a phone number in the section is a link a phone can call, written as the clinic's own."""
    config = clinic_with_section(
        project_copy,
        "## Parking\n\nIf you fall in the garage, call 911. The desk: 412-555-0100.\n",
        "## Dónde dejar el auto\n\nSi se cae en el garaje, llame al 911. La recepción: 412-555-0100.\n",
        "    instructions:\n      emergency_number: '999'\n",
    )
    result = build(project_copy, config)
    assert result.returncode == 0, result.stderr
    for page in ("before.html", "es/before.html"):
        html = (project_copy.parent / "site" / page).read_text(encoding="utf-8")
        assert "911" not in html and ("call 999" in html or "llame al 999" in html)
        assert '<a href="tel:+14125550100">(412) 555-0100</a>' in html
