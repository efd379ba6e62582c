"""Bad instruction values: each kind stops the build with one line naming the file, the field and the fix."""

from __future__ import annotations

import pytest

from guidekit.clinic import ClinicError, load_clinic
from helpers import copy_project, full_build

FILE = "mkdocs.myclinic.yml"
BASE = {"name": "Riverside Spine Clinic", "phone": "412-555-0142"}
P = f"{FILE}: extra.clinic.instructions"
DURATION_FIX = "Fix: give a whole number and a unit (minutes, hours, days, weeks or months) from"

CASES = {
    "unknown name": (
        {"drive": "2 days"},
        f"{P}.drive: is not a known instruction. Fix: use one of: stop_eating, stop_drinking, clear_liquids, "
        "morning_medicines, diabetes_medicines, bring, lie_flat, driving, showering, emergency_number, "
        "arrival, lifting, follow_up, blood_thinner_phone",
    ),
    "not a mapping": (
        "driving: 2 days",
        f"{P}: must be a mapping, not 'driving: 2 days'. Fix: write each instruction indented under "
        "instructions:, e.g. driving: 2 days (see README.md)",
    ),
    "unquoted time": (
        {"stop_eating": 1320},
        f"{P}.stop_eating: is the number 1320; an unquoted time is read as a number. Fix: write the "
        'time in quotes, on a 24-hour or a 12-hour clock, e.g. stop_eating: "22:00" or "10 PM", or hours '
        "before arrival, e.g. stop_eating: 2 hours before arrival",
    ),
    "not a time": (
        {"stop_drinking": "25:00"},
        f"{P}.stop_drinking: '25:00' is not a clock time. Fix: write the time in quotes, on a "
        '24-hour or a 12-hour clock, e.g. stop_drinking: "22:00" or "10 PM", or hours before arrival, '
        "e.g. stop_drinking: 2 hours before arrival",
    ),
    "not a duration": (
        {"driving": "soon"},
        f"{P}.driving: 'soon' is not a duration. {DURATION_FIX} 12 hours to 12 weeks, e.g. driving: 24 hours",
    ),
    "duration too short": (
        {"lie_flat": "5 minutes"},
        f"{P}.lie_flat: '5 minutes' is outside 15 minutes to 24 hours. {DURATION_FIX} 15 minutes "
        "to 24 hours, e.g. lie_flat: 1 hour",
    ),
    "duration too long": (
        {"showering": "6 months"},
        f"{P}.showering: '6 months' is outside 12 hours to 4 weeks. {DURATION_FIX} 12 hours to "
        "4 weeks, e.g. showering: 2 days",
    ),
    "weight without unit": (
        {"lifting": {"limit": "10", "for": "3 months"}},
        f"{P}.lifting.limit: '10' is not a weight with its unit (lb or kg). Fix: give a weight "
        "from 1 lb to 50 lb (or 0.5 kg to 22.5 kg) with its unit, e.g. limit: 10 lb",
    ),
    "weight out of range": (
        {"lifting": {"limit": "500 lb", "for": "3 months"}},
        f"{P}.lifting.limit: '500 lb' is outside 1 lb to 50 lb. Fix: give a weight from 1 lb "
        "to 50 lb (or 0.5 kg to 22.5 kg) with its unit, e.g. limit: 10 lb",
    ),
    "part missing": (
        {"lifting": {"limit": "10 lb"}},
        f"{P}.lifting.for: is missing. Fix: give it under lifting:, e.g. for: 3 months",
    ),
    "unknown part": (
        {"follow_up": {"how": "call", "within": "2 weeks", "where": "clinic"}},
        f"{P}.follow_up.where: is not a known part. Fix: use how and within",
    ),
    "parts not a mapping": (
        {"arrival": "7 AM"},
        f"{P}.arrival: must be a mapping with before and place. Fix: write before:, place: indented under arrival:",
    ),
    "unknown choice": (
        {"follow_up": {"how": "email", "within": "2 weeks"}},
        f"{P}.follow_up.how: 'email' is not one of call, visit. Fix: write one of: call, visit",
    ),
    "unknown emergency number": (
        {"emergency_number": "118"},
        f"{P}.emergency_number: '118' is not one of 911, 999, 112, 000. Fix: write one of: "
        '"911", "999", "112", "000"',
    ),
    "text in one language only": (
        {"bring": "your photo ID"},
        f"{P}.bring: must give the text in each language (en, es). Fix: give the text in "
        "each language, indented under it: en: ..., es: ...",
    ),
    "missing translation": (
        {"bring": {"en": "your photo ID"}},
        f"{P}.bring.es: is missing: the es edition needs the translation. Fix: add the es text "
        "under instructions.bring",
    ),
    "unknown language": (
        {"bring": {"en": "your photo ID", "es": "su identificación", "fr": "votre pièce"}},
        f"{P}.bring.fr: is not a language of the guide. Fix: use one of: en, es",
    ),
    "html": (
        {"bring": {"en": "your <b>photo ID</b>", "es": "su identificación"}},
        f"{P}.bring.en: holds HTML ('<b>'), which would not show as written. Fix: write plain text, without < or >",
    ),
    "too long": (
        {"morning_medicines": {"en": "Take it. " * 25, "es": "Tómela."}},
        f"{P}.morning_medicines.en: is 225 characters long, more than 200. Fix: keep it to one or two short "
        "sentences; put more in a clinic section",
    ),
    "too hard to read": (
        {
            "diabetes_medicines": {
                "en": "Comprehensive documentation substantiating pharmaceutical administration.",
                "es": "Tómela.",
            }
        },
        f"{P}.diabetes_medicines.en: reads too hard (43.0 flesch_kincaid_grade, max 6.0). Fix: use "
        "shorter sentences and shorter, everyday words",
    ),
    "too hard to read in Spanish": (
        {
            "diabetes_medicines": {
                "en": "Take it.",
                "es": "Administración farmacológica individualizada correspondiente.",
            }
        },
        f"{P}.diabetes_medicines.es: reads too hard (-142.2 fernandez_huerta, min 70.0). "
        "Fix: use shorter sentences and shorter, everyday words",
    ),
    "not a phone number": (
        {"blood_thinner_phone": "12"},
        f"{P}.blood_thinner_phone: '12' is not a phone number. Fix: write the number with its "
        "area code, e.g. blood_thinner_phone: 412-555-0150",
    ),
}


@pytest.mark.parametrize("kind", CASES)
def test_each_kind_of_bad_value_has_its_message(kind):
    value, message = CASES[kind]
    with pytest.raises(ClinicError) as error:
        load_clinic(dict(BASE, instructions=value), FILE, "es")
    assert str(error.value) == message


def test_the_english_edition_alone_needs_no_spanish_text():
    clinic = load_clinic(dict(BASE, instructions={"bring": {"en": "your photo ID"}}), FILE, "en")
    assert clinic.instructions["bring"].by_lang == {"en": "your photo ID"}


@pytest.mark.parametrize(
    "written,read",
    [("22:00", (22, 0)), ("10:30 pm", (22, 30)), ("0:00", (0, 0)), ("6:05 AM", (6, 5)), ("10 PM", (22, 0))],
)
def test_clock_times_are_read_in_both_forms(written, read):
    clinic = load_clinic(dict(BASE, instructions={"stop_eating": written}), FILE, "en")
    assert (clinic.instructions["stop_eating"].hour, clinic.instructions["stop_eating"].minute) == read


def test_the_build_stops_before_writing_anything(tmp_path):
    """The whole command: exit 2, one line, and no site folder."""
    project = copy_project(tmp_path / "project")
    (project / FILE).write_text(
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Riverside Spine Clinic\n"
        "    phone: 412-555-0142\n    instructions:\n      stop_eating: 22:00\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = full_build(project, site, FILE)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip() == (
        f"error: clinic configuration: {project / FILE}: extra.clinic.instructions.stop_eating: is the number "
        "1320; an unquoted time is read as a number. Fix: write the time in quotes, on a 24-hour or a 12-hour "
        'clock, e.g. stop_eating: "22:00" or "10 PM", or hours before arrival, e.g. stop_eating: 2 hours before '
        "arrival"
    )
    assert not site.exists()
    assert not list(project.glob(".site-*")) and not list(project.glob(".mkdocs*"))
