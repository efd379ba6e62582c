"""A clinic's own instructions: each set value is on its page and in its handout, in both
languages; the neutral guide keeps "ask your care team" and a line to write in."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from test_pdfs import EDITIONS, pages_text, pdf_path

TAG = re.compile(r"<[^>]+>")
SVG = re.compile(r"<svg\b.*?</svg>", re.S)

# Each instruction the example clinic sets: its page, and how it reads there in each language.
EXPECTED = {
    "stop_eating": (
        "before",
        {
            "en": "Stop eating at midnight, the night before your procedure.",
            "es": "Deje de comer a esta hora: medianoche, la noche antes de su procedimiento.",
        },
    ),
    "stop_drinking": (
        "before",
        {
            "en": "Stop drinking at 5:00 AM, the day of your procedure.",
            "es": "Deje de beber a esta hora: 5:00 a.m., el día de su procedimiento.",
        },
    ),
    "morning_medicines": (
        "before",
        {
            "en": "Take only these morning medicines, with a small sip of water: the pills our nurse named when she "
            "called you.",
            "es": "Tome solo estas medicinas de la mañana, con un sorbo pequeño de agua: las pastillas que le dijo "
            "nuestra enfermera cuando le llamó.",
        },
    ),
    "diabetes_medicines": (
        "before",
        {
            "en": "Your plan for diabetes medicine: Our nurse will call you. She will tell you what to take, and when.",
            "es": "Su plan para la medicina de la diabetes: Nuestra enfermera le llamará. Le dirá qué tomar, y cuándo.",
        },
    ),
    "blood_thinner_phone": (
        "before",
        {"en": "To ask, call (412) 555-0150.", "es": "Para preguntar, llame al (412) 555-0150."},
    ),
    "arrival": (
        "before",
        {
            "en": "Arrive 90 minutes before your procedure time, at: the front desk of Building B, second floor.",
            "es": "Llegue 90 minutos antes de la hora de su procedimiento. Lugar: la recepción del edificio B, "
            "segundo piso.",
        },
    ),
    "bring": (
        "before",
        {
            "en": "Also bring: your photo ID and your insurance card.",
            "es": "Lleve también: su identificación con foto y su tarjeta del seguro médico.",
        },
    ),
    "lie_flat": (
        "recovery",
        {
            "en": "Your plan: you lie flat for about 1 hour.",
            "es": "Su plan: estará en la cama, sin levantarse, 1 hora.",
        },
    ),
    "driving": (
        "recovery",
        {"en": "Your plan: you may drive after 2 days.", "es": "Su plan: puede manejar después de 2 días."},
    ),
    "showering": (
        "recovery",
        {"en": "Your plan: you may shower after 2 days.", "es": "Su plan: puede ducharse después de 2 días."},
    ),
    "lifting": (
        "recovery",
        {
            "en": "Your plan: do not lift more than 10 lb (4.5 kg), for 3 months.",
            "es": "Su plan: no levante más de 4.5 kg (10 lb) durante 3 meses.",
        },
    ),
    "follow_up": (
        "recovery",
        {"en": "Your plan: a phone call within 2 weeks.", "es": "Su plan: una llamada en un plazo de 2 semanas."},
    ),
    "emergency_number": (
        "recovery",
        {
            "en": "Call 911 or your local emergency number right away",
            "es": "Llame de inmediato al 911 o al número de emergencias de su zona",
        },
    ),
}
CASES = [(name, lang) for name in EXPECTED for lang in EDITIONS]
# The lines the neutral handouts leave to write in, where the example clinic's values go.
WRITE_INS = {
    "en": {
        "before": [
            "Whom I call about it:",
            "My diabetes medicine plan:",
            "Stop eating at:",
            "Stop drinking at:",
            "Arrive at:",
        ],
        "recovery": [
            "I may drive from:",
            "I may shower from:",
            "Most I may lift, until when:",
            "My follow-up call or visit:",
        ],
    },
    "es": {
        "before": [
            "A quién llamo sobre esto:",
            "Mi plan para la medicina de la diabetes:",
            "Hora de dejar de comer:",
            "Hora de dejar de beber:",
            "a esta hora y lugar:",
        ],
        "recovery": [
            "Puedo manejar desde:",
            "Puedo ducharme desde:",
            "Peso máximo y plazo:",
            "Mi llamada o cita de control:",
        ],
    },
}
PLAN = {"en": "Your plan", "es": "Su plan"}


def words(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").split())


def page_text(site: Path, lang: str, page: str) -> str:
    folder = site if lang == "en" else site / lang
    source = SVG.sub("", (folder / ("index.html" if page == "overview" else f"{page}.html")).read_text("utf-8"))
    main = source[source.index("<article") : source.index("</article>")]
    return words(html.unescape(TAG.sub(" ", main))).replace(" .", ".").replace(" ,", ",").replace(" :", ":")


def handout_text(site: Path, lang: str, page: str) -> str:
    name = next(name for name, phase in EDITIONS[lang].handouts.items() if phase == page)
    return words(" ".join(pages_text(pdf_path(site, lang, name))))


@pytest.mark.parametrize("name,lang", CASES)
def test_each_instruction_is_on_its_page_and_in_its_handout(clinic_site, name, lang):
    page, wording = EXPECTED[name]
    assert wording[lang] in page_text(clinic_site, lang, page)
    assert wording[lang] in handout_text(clinic_site, lang, page)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_clinic_values_replace_the_write_in_lines(clinic_site, lang):
    for page, labels in WRITE_INS[lang].items():
        handout = handout_text(clinic_site, lang, page)
        assert not [label for label in labels if label in handout], page


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_neutral_guide_asks_and_leaves_lines_to_write_in(default_site, lang):
    for page, labels in WRITE_INS[lang].items():
        handout = handout_text(default_site, lang, page)
        assert [label for label in labels if label not in handout] == [], page
        assert PLAN[lang] not in handout and PLAN[lang] not in page_text(default_site, lang, page)
    before = page_text(default_site, lang, "before")
    assert {
        "en": "Stop eating at the time your care team gave you",
        "es": "Deje de comer a la hora que le dio su equipo médico",
    }[lang] in before


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_blood_thinner_number_is_a_link_a_phone_can_dial(clinic_site, lang):
    source = ((clinic_site if lang == "en" else clinic_site / lang) / "before.html").read_text("utf-8")
    assert '<a href="tel:+14125550150">&#40;412&#41; 555-0150</a>' in source


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_clinic_text_is_shown_as_written_never_as_markup(clinic_site, lang):
    """Values go into the page's Markdown; their characters reach the reader as text, not as code."""
    source = ((clinic_site if lang == "en" else clinic_site / lang) / "recovery.html").read_text("utf-8")
    assert "10 lb &#40;4.5 kg&#41;" in source or "4.5 kg &#40;10 lb&#41;" in source
