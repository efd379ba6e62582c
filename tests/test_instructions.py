"""A clinic's own instructions: each set value is on its page and in its handout, in both
languages; the neutral guide keeps "ask your care team" and a line to write in."""

from __future__ import annotations

import pytest

from helpers import EDITIONS, handout_text
from helpers import article_text as page_text

# Each instruction the example clinic sets: its page, the heading it stands under, and how it reads
# there in each language.
EXPECTED = {
    "stop_eating": (
        "before",
        {"en": "The day before", "es": "El día anterior"},
        {
            "en": "Do not eat anything after midnight, the night before your procedure.",
            "es": "No coma nada después de las 12 de la noche (medianoche), la noche antes de su procedimiento.",
        },
    ),
    "clear_liquids": (
        "before",
        # Beside the stop-eating time it follows (midnight: the day before), not the stop-drinking one.
        {"en": "The day before", "es": "El día anterior"},
        {
            "en": "After you stop eating, drink only clear liquids: water, clear apple juice, black coffee, or "
            "plain tea with no milk.",
            "es": "Después de dejar de comer, beba solo líquidos claros (transparentes, sin leche ni pulpa): agua sola "
            "(no aguas frescas), jugo de manzana colado (sin pulpa), café negro sin leche ni crema, o té sin leche.",
        },
    ),
    "stop_drinking": (
        "before",
        {"en": "The morning of", "es": "La mañana del procedimiento"},
        {
            "en": "Do not drink anything after 5:00 AM, the day of your procedure, except a small sip of water "
            "with the morning medicines you were told to take.",
            "es": "No beba nada después de las 5:00 de la mañana, el día de su procedimiento. Solo puede tomar un "
            "sorbo pequeño de agua con las medicinas de la mañana que le indicaron.",
        },
    ),
    "morning_medicines": (
        "before",
        {"en": "The morning of", "es": "La mañana del procedimiento"},
        {
            "en": "Take only these morning medicines, with a small sip of water: the ones our nurse names when we "
            "call you. Write them here:",
            "es": "Tome solo estas medicinas de la mañana, con un sorbo pequeño de agua: las que le indique nuestro "
            "personal de enfermería cuando le llamemos. Escríbalas aquí:",
        },
    ),
    "morning_medicines_fallback": (
        "before",
        {"en": "The day before", "es": "El día anterior"},
        {
            "en": "Call your care team the day before. Do not skip or stop a medicine on your own.",
            "es": "Llame a su equipo médico el día anterior. No deje de tomar ninguna medicina ni se salte ninguna "
            "dosis por su cuenta.",
        },
    ),
    "diabetes_medicines": (
        "before",
        {"en": "When do you stop eating and drinking?", "es": "¿Cuándo debe dejar de comer y beber?"},
        {
            "en": "Your plan for diabetes medicine: Our nurse will call you to tell you what to take, and when.",
            "es": "Su plan para la medicina de la diabetes: nuestro personal de enfermería le llamará para decirle qué "
            "tomar y cuándo.",
        },
    ),
    "blood_thinner_phone": (
        "before",
        {"en": "What should you tell your doctor?", "es": "¿Qué debe decirle a su médico?"},
        {"en": "To ask, call (412) 555-0150.", "es": "Para preguntar, llame al (412) 555-0150."},
    ),
    "arrival": (
        "before",
        {"en": "The morning of", "es": "La mañana del procedimiento"},
        {
            "en": "Your care team will tell you your procedure time, and the time to arrive: 90 minutes (1 and a half "
            "hours) before it, so there is time to check you in and get you ready. Write both down when they tell you. "
            "Go to the front desk of Building B, second floor. "
            "My procedure time: I arrive at:",
            "es": "Su equipo médico le dirá la hora de su procedimiento y la hora de llegada: 1 hora y media (90 "
            "minutos) antes, para que haya tiempo de registrarle y prepararle. Anote las dos cuando se las digan. "
            "Vaya a la recepción del edificio B, en el piso 2 "
            "(oprima el botón 2 del elevador). "
            "Hora de mi procedimiento: Hora de llegada:",
        },
    ),
    "bring": (
        "before",
        {"en": "The morning of", "es": "La mañana del procedimiento"},
        {
            "en": "Also bring: your photo ID and your insurance card.",
            "es": "Lleve también: su identificación con foto y la tarjeta de su seguro médico.",
        },
    ),
    "lie_flat": (
        "recovery",
        {"en": "When can you walk?", "es": "¿Cuándo puede caminar?"},
        {
            "en": "You lie flat for a while, about 1 hour, while it sets fully.",
            "es": "Se quedará en la cama un rato, sin sentarse ni levantarse: más o menos 1 hora, mientras termina "
            "de endurecerse.",
        },
    ),
    "driving": (
        "recovery",
        {"en": "What should you avoid?", "es": "¿Qué debe evitar?"},
        {
            "en": "You may drive again 24 hours after your procedure, if you no longer take opioid pain pills.",
            "es": "Puede volver a manejar 24 horas después de su procedimiento, si ya no toma pastillas opioides "
            "para el dolor.",
        },
    ),
    "showering": (
        "recovery",
        {"en": "What should you avoid?", "es": "¿Qué debe evitar?"},
        {
            "en": "You may shower 2 days after your procedure.",
            "es": "Puede bañarse en la regadera 2 días después de su procedimiento.",
        },
    ),
    "lifting": (
        "recovery",
        {"en": "What should you avoid?", "es": "¿Qué debe evitar?"},
        {
            "en": "For 3 months after your procedure, do not lift anything heavier than 10 pounds (4.5 kg).",
            "es": "Durante 3 meses después de su procedimiento, no levante nada que pese más de 10 libras (4.5 kilos).",
        },
    ),
    "follow_up": (
        "recovery",
        {"en": "When is your follow-up?", "es": "¿Cuándo es su llamada o cita de control?"},
        {
            "en": "We will call you within 2 weeks after your procedure. If no one has called by then, call "
            "(412) 555-0142.",
            "es": "Le vamos a llamar antes de que pasen 2 semanas desde su procedimiento. Si nadie le ha llamado para "
            "entonces, llame al (412) 555-0142.",
        },
    ),
    "emergency_number": (
        "recovery",
        {"en": "When is it an emergency?", "es": "¿Cuándo es una emergencia?"},
        {
            "en": "Call 911 or your local emergency number right away",
            "es": "Llame de inmediato al 911 o al número de emergencias de su zona",
        },
    ),
}
CASES = [(name, lang) for name in EXPECTED for lang in EDITIONS]
# Headings in the order they stand on their page: a sentence belongs to the last one before it.
HEADINGS = {
    "en": {
        "before": [
            "What should you tell your doctor?",
            "When do you stop eating and drinking?",
            "The day before",
            "The morning of",
            "What should you ask your care team?",
        ],
        "recovery": [
            "When is it an emergency?",
            "When can you walk?",
            "What should you avoid?",
            "When is your follow-up?",
            "How can you track your first days?",
        ],
    },
    "es": {
        "before": [
            "¿Qué debe decirle a su médico?",
            "¿Cuándo debe dejar de comer y beber?",
            "El día anterior",
            "La mañana del procedimiento",
            "¿Qué debe preguntar a su equipo médico?",
        ],
        "recovery": [
            "¿Cuándo es una emergencia?",
            "¿Cuándo puede caminar?",
            "¿Qué debe evitar?",
            "¿Cuándo es su llamada o cita de control?",
            "¿Cómo anotar sus primeros días?",
        ],
    },
}
# The neutral lines that ask for, or leave a line to write in, what the example clinic sets: each one
# goes when the value is set (summary box and key points too), and stays in the neutral guide.
ASK_AND_WRITE = {
    "en": {
        "before": [
            "Ask exactly when to stop eating and drinking",
            "Ask exactly what time to stop eating",
            "Write the times below",
            "Write in the times your care team gives you",
            "Ask what time to stop eating and drinking",
            "call after hours?",
            "I call about it:",
            "My diabetes medicine plan:",
            "Stop eating at:",
            "Stop drinking at:",
            "Arrive at:",
        ],
        "recovery": [
            "Ask when you may drive, shower and lift",
            "says you may. This is often after a day or two",
            "Ask when you may shower",
            "Ask your care team how much you may lift",
            "I may drive from:",
            "I may shower from:",
            "Most I may lift, until when:",
            "My follow-up call or visit:",
            "ask how and when they will check on you",
            "Sources do not all agree on how soon",
        ],
        "faq": [
            "Ask your care team when you may drive again",
            "when you may drive, shower, and lift",
            "Who do I call after hours?",
        ],
    },
    "es": {
        "before": [
            "Pregunte a qué hora exacta debe dejar de comer y de beber",
            "Pregunte a qué hora exacta debe dejar de comer y a qué hora",
            "Anote las horas más abajo",
            "Anote las horas que le den",
            "Pregunte a qué hora dejar de comer y de beber",
            "fuera del horario de atención?",
            "A quién llamo sobre esto:",
            "Mi plan para la medicina de la diabetes:",
            "Hora de dejar de comer:",
            "Hora de dejar de beber:",
            "Hora y lugar de llegada:",
        ],
        "recovery": [
            "Pregunte cuándo puede manejar, bañarse y levantar peso",
            "le diga que puede. Suele ser después de uno o dos días",
            "Pregunte cuándo puede bañarse en la regadera",
            "Pregunte a su equipo médico cuánto peso puede levantar",
            "Puedo manejar desde:",
            "Puedo bañarme en la regadera desde:",
            "Lo más que puedo levantar, y hasta cuándo:",
            "Mi llamada o cita de control:",
            "pregunte cómo y cuándo le van a revisar",
            "Las fuentes no dicen todas lo mismo sobre cuándo levantarse",
        ],
        "faq": [
            "Pregunte a su equipo médico cuándo puede volver a manejar",
            "cuándo puede manejar, bañarse y levantar peso",
            "fuera del horario de atención?",
        ],
    },
}
# Lines that stand only on paper (print-only spans): the neutral build's screen shows other words.
PRINT_ONLY = {
    "Stop eating at:",
    "Stop drinking at:",
    "Arrive at:",
    "Hora de dejar de comer:",
    "Hora de dejar de beber:",
}
PLAN = {"en": "after your procedure", "es": "después de su procedimiento"}


def under(text: str, headings: list[str], sentence: str) -> str:
    """The heading `sentence` stands under in `text` (the last of `headings` before it)."""
    at = text.index(sentence)
    # The nearest heading before it (a drawing may name the same steps earlier on the page).
    return max((h for h in headings if text.rfind(h, 0, at) >= 0), key=lambda h: text.rfind(h, 0, at))


@pytest.mark.parametrize("name,lang", CASES)
def test_each_instruction_is_under_its_heading_on_its_page_and_in_its_handout(clinic_site, name, lang):
    page, heading, wording = EXPECTED[name]
    for where, text in (
        ("page", page_text(clinic_site, lang, page)),
        ("handout", handout_text(clinic_site, lang, page)),
    ):
        assert wording[lang] in text, where
        assert under(text, HEADINGS[lang][page], wording[lang]) == heading[lang], where
        assert text.count(wording[lang]) == 1, where


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_ask_or_write_line_stays_for_a_value_the_clinic_set(clinic_site, lang):
    for page, lines in ASK_AND_WRITE[lang].items():
        for where, text in (
            ("page", page_text(clinic_site, lang, page)),
            ("handout", handout_text(clinic_site, lang, page)),
        ):
            assert [line for line in lines if line in text] == [], (page, where)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_neutral_guide_asks_and_leaves_lines_to_write_in(default_site, lang):
    for page, lines in ASK_AND_WRITE[lang].items():
        handout = handout_text(default_site, lang, page)
        on_screen = page_text(default_site, lang, page)
        assert [line for line in lines if line not in handout] == [], page
        assert [line for line in lines if line not in on_screen and line not in PRINT_ONLY] == [], page
        assert PLAN[lang] not in handout and PLAN[lang] not in on_screen
    before = page_text(default_site, lang, "before")
    assert {
        "en": "Stop eating at the time your care team gave you",
        "es": "Deje de comer a la hora que le dio su equipo médico",
    }[lang] in before


CLINIC_LIMITS_ON_FAQ = {
    "en": [
        "You may drive again 24 hours after your procedure",
        "You may shower 2 days after your procedure.",
        "For 3 months after your procedure, do not lift anything heavier than 10 pounds (4.5 kg).",
    ],
    "es": [
        "Puede volver a manejar 24 horas después de su procedimiento",
        "Puede bañarse en la regadera 2 días después de su procedimiento.",
        "Durante 3 meses después de su procedimiento, no levante nada que pese más de 10 libras (4.5 kilos).",
    ],
}


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_clinic_faq_gives_the_clinics_own_limits(clinic_site, lang):
    """The FAQ sheet stands alone: where the clinic has set its driving, showering and lifting
    values, the sheet says them (not only "a few weeks"), in the Recovery sheet's words."""
    for where, text in (
        ("page", page_text(clinic_site, lang, "faq")),
        ("handout", handout_text(clinic_site, lang, "faq")),
    ):
        assert [line for line in CLINIC_LIMITS_ON_FAQ[lang] if line not in text] == [], where


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_blood_thinner_number_is_a_link_a_phone_can_dial(clinic_site, lang):
    source = ((clinic_site if lang == "en" else clinic_site / lang) / "before.html").read_text("utf-8")
    assert '<a href="tel:+14125550150">&#40;412&#41; 555-0150</a>' in source


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_clinic_text_is_shown_as_written_never_as_markup(clinic_site, lang):
    """Values go into the page's Markdown; their characters reach the reader as text, not as code."""
    source = ((clinic_site if lang == "en" else clinic_site / lang) / "recovery.html").read_text("utf-8")
    assert {"en": "10 pounds &#40;4.5 kg&#41;", "es": "10 libras &#40;4.5 kilos&#41;"}[lang] in source
