"""A clinic's file is data: read with a loader that runs nothing, held to what a clinic may set,
every problem reported at once (one line each, naming the file), in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from guidekit.clinic import load_clinic
from guidekit.clinic_file import check_clinic_file
from guidekit.clinic_sections import SectionError, checked_section
from guidekit.editions import base_config_env
from helpers import REVIEWED, ROOT, replace_once

CLINIC = "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Test Clinic\n    phone: 412-555-0142\n"


def problems(project, text: str, name: str = "mkdocs.t.yml") -> list[str]:
    """Every problem the build's first check finds in a clinic's file holding `text` (in process)."""
    path = project / name
    path.write_text(text, encoding="utf-8")
    return check_clinic_file(path, project)


def build(project, config, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--no-pdf",
            *flags,
            "--config",
            str(config),
            "--site-dir",
            str(project / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


def refused(result, project, count: int = 1) -> list[str]:
    """The real command refused the file: exit 2, `count` lines, no traceback, nothing written."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(lines) == count and "Traceback" not in result.stderr, result.stderr
    assert all(line.startswith("error: ") and "Fix:" in line for line in lines), lines
    assert not (project / "site").exists() and not list(project.glob(".site-*"))
    return lines


# --- the file is data: no code runs, no alias bomb ---------------------------------------------------

RUN_CODE = CLINIC + '    instructions:\n      driving: !!python/object/apply:os.system ["touch {marker}"]\n'


def test_a_python_tag_runs_nothing(project_copy, tmp_path):
    marker = tmp_path / "ran"
    [line] = problems(project_copy, RUN_CODE.format(marker=marker))
    assert not marker.exists()
    assert "uses the YAML tag tag:yaml.org,2002:python/object/apply:os.system (line 7)" in line and "Fix:" in line


def test_the_build_refuses_a_python_tag_before_it_runs(project_copy, tmp_path):
    """End to end: the command never hands the file to MkDocs' loader, which would run it."""
    marker = tmp_path / "ran"
    (project_copy / "mkdocs.t.yml").write_text(RUN_CODE.format(marker=marker), encoding="utf-8")
    [line] = refused(build(project_copy, project_copy / "mkdocs.t.yml"), project_copy)
    assert not marker.exists()
    assert f"{project_copy / 'mkdocs.t.yml'}: uses the YAML tag" in line


def test_an_alias_bomb_is_refused_at_once(project_copy):
    levels = ["  l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"  l{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    started = time.perf_counter()
    [line] = problems(project_copy, replace_once(CLINIC, "extra:\n", "extra:\n" + "\n".join(levels) + "\n"))
    assert time.perf_counter() - started < 5
    assert "uses a YAML anchor or alias" in line


def test_a_huge_file_is_refused(project_copy):
    [line] = problems(project_copy, CLINIC + "# " + "x" * 70000 + "\n")
    assert "bytes, more than the" in line


# --- a clinic sets its details and its paper, nothing of the guide's -----------------------------------

GUIDE_SETTINGS = {
    "nav": "nav:\n  - 'Before<script>alert(1)</script>': before.md\n",
    "hooks": "hooks:\n  - clinics/example/hook.py\n",
    "plugins": "plugins:\n  - search\n",
    "theme": "theme:\n  name: material\n",
    "extra_javascript": "extra_javascript:\n  - https://cdn.example.org/x.js\n",
    "extra_css": "extra_css:\n  - https://cdn.example.org/x.css\n",
    "markdown_extensions": "markdown_extensions:\n  - pymdownx.snippets\n",
    "site_url": "site_url: https://evil.example/\n",
    "site_name": "site_name: Our guide\n",
    "extra.analytics": "extra:\n  analytics:\n    provider: google\n    property: G-X\n",
    "extra.ui": "extra:\n  ui:\n    call: Call\n",
    "extra.print.handouts": "extra:\n  print:\n    handouts: []\n",
}


@pytest.mark.parametrize("setting", GUIDE_SETTINGS)
def test_a_clinic_cannot_change_the_guides_settings(project_copy, setting):
    text = GUIDE_SETTINGS[setting]
    if text.startswith("extra:"):  # beside the clinic's own extra settings
        text = replace_once(CLINIC, "extra:\n", text)
    else:
        text = CLINIC + text
    [line] = problems(project_copy, text)
    assert line.startswith(f"{project_copy / 'mkdocs.t.yml'}: {setting}: is the guide's own"), line
    assert "Fix: remove it" in line


def test_the_build_refuses_a_clinic_that_drops_the_guides_plugin(project_copy):
    """Without the guide plugin no page would be checked, and none would carry its security policy."""
    assert "\n  - guide\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project_copy / "mkdocs.t.yml").write_text(CLINIC + "plugins:\n  - search\n  - offline\n  - print-site\n")
    [line] = refused(build(project_copy, project_copy / "mkdocs.t.yml"), project_copy)
    assert "plugins: is the guide's own setting (it could add a script to every page" in line


def test_every_problem_is_reported_at_once(project_copy):
    """Five problems, five lines: one per field, in the file's order, then the Spanish edition's own."""
    text = (
        "INHERIT: mkdocs.yml\nnav: []\nextra:\n  print:\n    paper: Leter\n  clinic:\n    name: Test Clinic\n"
        "    phone: call us\n    region: NO\n    department: Interventional Radiology\n"
        "    instructions:\n      bring: {en: 'yes'}\n"
    )
    (project_copy / "mkdocs.t.yml").write_text(text, encoding="utf-8")
    lines = refused(build(project_copy, project_copy / "mkdocs.t.yml"), project_copy, count=6)
    fields = [line.split(": ")[3] for line in lines]  # error: clinic configuration: file: field: ...
    assert fields == [
        "nav",
        "extra.print.paper",
        "extra.clinic.region",
        "extra.clinic.phone",
        "extra.clinic.department",
        "extra.clinic.instructions.bring.es",
    ], lines


def test_paper_is_checked_with_one_line(project_copy):
    """Letter or A4; today a misspelled size ends in a traceback after the sites are built."""
    [line] = problems(project_copy, "INHERIT: mkdocs.yml\nextra:\n  print:\n    paper: Leter\n")
    assert line == (
        f"{project_copy / 'mkdocs.t.yml'}: extra.print.paper: Leter is not a paper size the handouts are printed on."
        " Fix: write paper: Letter or paper: A4"
    )
    assert problems(project_copy, "INHERIT: mkdocs.yml\nextra:\n  print:\n    paper: A4\n") == []


def test_the_build_refuses_a_misspelled_paper_before_building(project_copy):
    (project_copy / "mkdocs.t.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  print:\n    paper: Leter\n")
    [line] = refused(build(project_copy, project_copy / "mkdocs.t.yml"), project_copy)
    assert "extra.print.paper: Leter is not a paper size" in line


@pytest.mark.parametrize(
    "text,words",
    [
        (
            CLINIC + "    region: NO\n",
            "extra.clinic.region: NO is read by YAML as a yes/no value, not as text."
            ' Fix: put it in quotes, e.g. region: "NO"',
        ),
        (
            CLINIC + "    instructions:\n      bring: {en: yes, es: sí}\n",
            "extra.clinic.instructions.bring.en: yes is read by YAML as a yes/no value, not as text."
            ' Fix: put it in quotes, e.g. en: "yes"',
        ),
        (CLINIC + "    department: 42\n", "extra.clinic.department: 42 is read by YAML as a number, not as text"),
    ],
)
def test_yaml_surprises_get_plain_words(project_copy, text, words):
    [line] = problems(project_copy, text)
    assert words in line and "Expected type" not in line and "True" not in line, line


def test_a_quoted_country_code_no_is_norway(project_copy):
    text = replace_once(CLINIC, "412-555-0142", "+47 22 12 34 56") + '    region: "NO"\n'
    assert problems(project_copy, text) == []


def test_a_config_kept_in_its_clinic_folder_gets_one_clear_line(project_copy):
    folder = project_copy / "clinics" / "x"
    folder.mkdir()
    (folder / "mkdocs.x.yml").write_text(replace_once(CLINIC, "INHERIT: mkdocs.yml", "INHERIT: ../../mkdocs.yml"))
    [line] = refused(build(project_copy, folder / "mkdocs.x.yml"), project_copy)
    assert "INHERIT: is ../../mkdocs.yml, and the file is in" in line and "beside mkdocs.yml" in line
    assert "custom_dir" not in line


# --- both languages ---------------------------------------------------------------------------------


def test_words_a_clinic_prints_are_given_in_the_editions_language():
    raw = {"name": "Test Clinic", "phone": "412-555-0142", "department": "Interventional Radiology"}
    assert load_clinic(raw, "mkdocs.t.yml", "en").department == "Interventional Radiology"
    with pytest.raises(Exception) as refusal:
        load_clinic(raw, "mkdocs.t.yml", "es")
    assert str(refusal.value) == (
        "mkdocs.t.yml: extra.clinic.department: is given in one language ('Interventional Radiology'), and the es"
        " edition would print it untranslated. Fix: give the department as plain text (no < or >) in each language"
        " the guide is built in, e.g. department: {en: Interventional Radiology, es: Radiología Intervencionista}"
    )
    both = dict(raw, department={"en": "Interventional Radiology", "es": "Radiología Intervencionista"})
    both["logo_alt"] = {"en": "Test Clinic logo", "es": "Logotipo de Test Clinic"}
    both["reviewed_by"] = {"en": "Dr. A (our reviewer)", "es": "Dra. A (nuestra revisora)"}
    both["reviewed_on"] = str(REVIEWED)
    spanish = load_clinic(both, "mkdocs.t.yml", "es")
    assert (spanish.department, spanish.logo_alt("Logotipo de"), spanish.reviewed_by) == (
        "Radiología Intervencionista",
        "Logotipo de Test Clinic",
        "Dra. A (nuestra revisora)",
    )
    # Names stay one text in every edition: the clinic's, a street address.
    named = load_clinic(dict(raw, department=both["department"], address="1 Main Street"), "mkdocs.t.yml", "es")
    assert (named.name, named.address, named.logo_alt("Logotipo de")) == (
        "Test Clinic",
        "1 Main Street",
        "Logotipo de Test Clinic",
    )


def test_a_spanish_edition_problem_names_the_clinics_file(project_copy, monkeypatch):
    """The Spanish edition builds on the clinic's file (mkdocs.es.yml INHERITs it): the guide
    plugin's refusal names the clinic's file and field, never mkdocs.es.yml."""
    clinic = project_copy / "mkdocs.t.yml"
    clinic.write_text(CLINIC + "    instructions:\n      bring: {en: your photo ID.}\n", encoding="utf-8")
    monkeypatch.setenv(*base_config_env(clinic).popitem())
    config = load_config(str(project_copy / "mkdocs.es.yml"))
    with pytest.raises(PluginError) as refusal:
        config.plugins.on_config(config)
    assert str(refusal.value) == (
        f"clinic configuration: {clinic}: extra.clinic.instructions.bring.es: is missing: the es edition needs the"
        " translation. Fix: add the es text under instructions.bring"
    )


# --- no spoofing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f", "\u061c", "\u200b", "\u200d"])
def test_invisible_characters_are_refused_in_every_value(project_copy, char):
    text = replace_once(CLINIC, "Test Clinic", f'"Test{char} Clinic"') + f'    address: "1 Main{char} St"\n'
    lines = problems(project_copy, text)
    assert [line.split(": ")[1] for line in lines] == ["extra.clinic.name", "extra.clinic.address"], lines
    assert all(f"holds an invisible control character (U+{ord(char):04X}" in line for line in lines), lines


def test_invisible_characters_are_refused_in_a_section(tmp_path):
    section = tmp_path / "before.md"
    section.write_text("## Parking\n\nCall us at \u202e0010-555-214.\n", encoding="utf-8")
    with pytest.raises(SectionError) as refusal:
        checked_section(section, ["Key points"], lambda text: "")
    assert str(refusal.value) == (
        f"{section}: line 3 holds an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE)."
        " Fix: retype the line without it (it can make the text read differently from what it holds)"
    )


def test_the_build_refuses_a_spoofed_name(project_copy):
    spoofed = replace_once(CLINIC, "Test Clinic", '"Test Clinic \\u202e0010-555-214 llaC"')
    (project_copy / "mkdocs.t.yml").write_text(spoofed)
    [line] = refused(build(project_copy, project_copy / "mkdocs.t.yml"), project_copy)
    assert "extra.clinic.name: holds an invisible control character (U+202E" in line


def test_the_example_clinic_and_the_readme_example_are_accepted(project_copy):
    assert check_clinic_file(project_copy / "mkdocs.example-clinic.yml", project_copy) == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## For clinics")
    block = readme[readme.index("```yaml\n", start) + 8 : readme.index("```", readme.index("```yaml\n", start) + 8)]
    (project_copy / "clinics" / "yourclinic").mkdir()
    (project_copy / "clinics" / "yourclinic" / "logo.svg").write_bytes(
        (ROOT / "clinics" / "example" / "logo.svg").read_bytes()
    )
    assert problems(project_copy, block, "mkdocs.myclinic.yml") == []


def test_make_serve_checks_the_file_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    serve = makefile[makefile.index("\nserve:") :].split("\n\n")[0]
    assert serve.index("--check-config") < serve.index("scripts/serve.py"), serve
    assert os.path.basename(sys.executable)  # the same interpreter runs both
