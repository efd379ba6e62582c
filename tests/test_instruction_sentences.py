"""How a clinic's values are written, without a build: times, durations and weights as people say
them in each language and region, each stop time under the day it belongs to, and the page markers
that put a sentence in (or take a neutral "ask" line out)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import yaml

from guidekit.clinic import ClinicError, Phone, load_clinic
from guidekit.config_file import Loader
from guidekit.instructions import (
    BeforeArrival,
    Duration,
    MarkerError,
    Text,
    Weight,
    fill_markers,
    time_day,
    write_clock,
    written,
)
from helpers import ROOT, replace_every

FILE = "mkdocs.myclinic.yml"
BASE = {"name": "Riverside Spine Clinic", "phone": "412-555-0142"}


def words(lang: str) -> dict:
    config = "mkdocs.yml" if lang == "en" else "mkdocs.es.yml"
    return yaml.load((ROOT / config).read_text("utf-8"), Loader=Loader)["extra"]["ui"]["instruction_words"]


def text(value, lang: str, region: str = "US") -> dict:
    return {k: v.replace("\u202f", " ") for k, v in written({"x": value}, lang, region, words(lang))["x"].items()}


@pytest.mark.parametrize(
    "time,spanish",
    [
        ((5, 0), "las 5:00 de la mañana"),
        ((1, 30), "la 1:30 de la mañana"),
        ((11, 45), "las 11:45 de la mañana"),
        ((12, 0), "las 12:00 del mediodía"),
        ((13, 0), "la 1:00 de la tarde"),
        ((19, 30), "las 7:30 de la tarde"),
        ((22, 0), "las 10:00 de la noche"),
        ((0, 0), "las 12 de la noche (medianoche)"),
    ],
)
def test_spanish_times_are_written_as_people_say_them(time, spanish):
    for region in ("US", "MX", "ES"):
        assert write_clock(dt.time(*time), "es", f"es_{region}", words("es")) == spanish


@pytest.mark.parametrize(
    "time,region,english", [((22, 0), "US", "10:00 PM"), ((22, 0), "GB", "22:00"), ((12, 0), "US", "12 noon")]
)
def test_english_times_follow_the_region(time, region, english):
    assert write_clock(dt.time(*time), "en", f"en_{region}", words("en")).replace("\u202f", " ") == english


@pytest.mark.parametrize(
    "value,lang,expected",
    [
        (dt.time(0, 0), "en", "midnight, the night before your procedure"),
        (dt.time(0, 0), "es", "las 12 de la noche (medianoche), la noche antes de su procedimiento"),
        (dt.time(5, 0), "en", "5:00 AM, the day of your procedure"),
        (dt.time(5, 0), "es", "las 5:00 de la mañana, el día de su procedimiento"),
        (dt.time(22, 0), "en", "10:00 PM, the night before your procedure"),
        (dt.time(22, 0), "es", "las 10:00 de la noche, el día antes de su procedimiento"),
        (BeforeArrival(Duration(2, "hour")), "en", "2 hours before you arrive"),
        (BeforeArrival(Duration(2, "hour")), "es", "2 horas antes de llegar"),
    ],
)
def test_a_stop_time_says_its_day(value, lang, expected):
    assert text(value, lang)["value"] == expected


@pytest.mark.parametrize(
    "value,day",
    [
        (dt.time(5, 0), "of"),  # the morning of: never under "The day before"
        (dt.time(11, 59), "of"),
        (dt.time(0, 0), "before"),  # midnight ends the day before
        (dt.time(12, 0), "before"),
        (dt.time(22, 0), "before"),
        (BeforeArrival(Duration(8, "hour")), "arrival"),
    ],
)
def test_each_stop_time_belongs_to_one_day(value, day):
    assert time_day(value) == day
    assert text(value, "en")["day"] == text(value, "es")["day"] == day


@pytest.mark.parametrize(
    "duration,lang,expected",
    [
        (Duration(90, "minute"), "en", "90 minutes (1 and a half hours)"),
        (Duration(90, "minute"), "es", "1 hora y media (90 minutos)"),
        (Duration(150, "minute"), "es", "2 horas y media (150 minutos)"),
        (Duration(120, "minute"), "en", "2 hours"),
        (Duration(45, "minute"), "es", "45 minutos"),
        (Duration(24, "hour"), "en", "24 hours"),
        (Duration(24, "hour"), "es", "24 horas"),
        (Duration(1, "hour"), "es", "1 hora"),
    ],
)
def test_durations_are_written_as_people_say_them(duration, lang, expected):
    assert text(duration, lang)["value"] == expected


@pytest.mark.parametrize(
    "weight,lang,region,expected",
    [
        (Weight(10.0, "lb"), "en", "US", "10 pounds (4.5 kg)"),
        (Weight(10.0, "lb"), "es", "US", "10 libras (4.5 kilos)"),
        (Weight(1.0, "lb"), "es", "US", "1 libra (0.4 kilos)"),
        (Weight(5.0, "kg"), "en", "US", "11 pounds (5 kg)"),  # 11 lb is under 5 kg: never raised
        (Weight(4.5, "kg"), "es", "ES", "4,5 kilos (9 libras)"),
        (Weight(1.0, "kg"), "es", "MX", "1 kilo (2 libras)"),
        (Weight(10.0, "lb"), "en", "GB", "4.5 kg (10 pounds)"),
    ],
)
def test_weights_are_spelled_out_with_the_regions_unit_first(weight, lang, region, expected):
    assert text(weight, lang, region)["value"] == expected


def read(instructions: dict, lang: str = "en"):
    return load_clinic(dict(BASE, instructions=instructions), FILE, lang).instructions


@pytest.mark.parametrize("written_as", ["10 PM", "10 pm", "10 p.m.", "10:00 PM", "22:00"])
def test_ten_pm_is_read_in_every_usual_form(written_as):
    assert read({"stop_eating": written_as})["stop_eating"] == dt.time(22, 0)


def test_24_hours_is_a_duration_for_driving_and_showering():
    values = read({"driving": "24 hours", "showering": "48 hours"})
    assert values["driving"] == Duration(24, "hour") and values["showering"] == Duration(48, "hour")


def test_fasting_may_count_back_from_arrival_with_a_clear_liquids_rule():
    values = read(
        {
            "stop_eating": "8 hours before arrival",
            "stop_drinking": "2 hours before arrival",
            "clear_liquids": {"en": "water, or black coffee with no milk.", "es": "agua, o café negro sin leche."},
        },
        "es",
    )
    assert values["stop_eating"] == BeforeArrival(Duration(8, "hour"))
    assert values["stop_drinking"] == BeforeArrival(Duration(2, "hour"))
    assert values["clear_liquids"].by_lang["es"] == "agua, o café negro sin leche."


@pytest.mark.parametrize(
    "instructions,message",
    [
        (
            {"stop_eating": "10"},
            f"{FILE}: extra.clinic.instructions.stop_eating: '10' is not a clock time. Fix: write the time in "
            'quotes, on a 24-hour or a 12-hour clock, e.g. stop_eating: "22:00" or "10 PM", or hours before '
            "arrival, e.g. stop_eating: 2 hours before arrival",
        ),
        (
            {"stop_drinking": "20 hours before arrival"},
            f"{FILE}: extra.clinic.instructions.stop_drinking: '20 hours' is outside 30 minutes to 12 hours. "
            "Fix: give from 30 minutes to 12 hours before arrival, e.g. stop_drinking: 2 hours before arrival",
        ),
        (
            {"clear_liquids": {"en": "water or tea, with no milk."}},
            f"{FILE}: extra.clinic.instructions.clear_liquids: needs stop_drinking, the time when even clear "
            "liquids stop. Fix: add it, e.g. stop_drinking: 2 hours before arrival",
        ),
    ],
)
def test_bad_fasting_values_say_the_fix(instructions, message):
    with pytest.raises(ClinicError) as error:
        read(instructions)
    assert str(error.value) == message


def test_the_readme_example_is_accepted():
    """The example under "Your own instructions", with its "..." filled in, loads as written."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### Your own instructions") : readme.index("### Your own sections")]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    raw = yaml.safe_load(replace_every(block, "...", "su texto"))["instructions"]
    values = read(raw, "es")
    assert values["stop_eating"] == dt.time(22, 0)
    assert values["stop_drinking"] == BeforeArrival(Duration(2, "hour"))


# --- the markers ---------------------------------------------------------------------------------

PLAN = (
    "### The day before\n\n"
    "<!-- instruction stop_eating.day=before: - [ ] Do not eat after **{value}**. -->- [ ] Stop eating at: ____"
    "<!-- /instruction -->\n"
    "- [ ] Call if no one told you.\n\n"
    "### The morning of\n\n"
    "<!-- instruction stop_eating.day=of: - [ ] Do not eat after **{value}**. --><!-- /instruction -->\n"
    "- [ ] Bring your list.\n\n"
    "Ask <!-- instruction stop_eating stop_drinking: -->when to stop eating and drinking<!-- /instruction -->.\n"
    "- [ ] Why me?\n<!-- instruction after_hours_phone: -->- [ ] Whom do I call after hours?<!-- /instruction -->\n"
    "- [ ] What results?\n"
    "<!-- instruction follow_up.how=call: We will call within {within}. If not, call {clinic_phone}. -->"
    "<!-- /instruction --><!-- instruction follow_up.how=visit: Your visit is within {within}. -->"
    "Ask how and when.<!-- /instruction -->"
)


MAIN = Phone("(412) 555-0142", "+14125550142")


def filled(instructions: dict, after_hours: Phone | None = None) -> str:
    values = written(instructions, "en", "US", words("en"))
    return fill_markers(PLAN, values, MAIN, after_hours)


def test_a_morning_time_is_filled_under_the_morning_only():
    page = filled({"stop_eating": dt.time(5, 0)})
    day_before, morning = page.split("### The morning of")
    assert "Stop eating at" not in day_before and "5:00" not in day_before
    assert day_before.endswith("### The day before\n\n- [ ] Call if no one told you.\n\n")  # no empty item
    assert "Do not eat after **5&#58;00\u202fAM, the day of your procedure**." in morning  # : as text


def test_a_night_time_is_filled_under_the_day_before_only():
    day_before, morning = filled({"stop_eating": dt.time(0, 0)}).split("### The morning of")
    assert "Do not eat after **midnight, the night before your procedure**." in day_before
    assert "midnight" not in morning
    assert morning.startswith("\n\n- [ ] Bring your list.\n")  # the morning's marker took its line away


def test_the_neutral_ask_line_goes_only_when_every_value_it_asks_for_is_set():
    assert "when to stop eating and drinking" in filled({"stop_eating": dt.time(0, 0)})
    both = filled({"stop_eating": dt.time(0, 0), "stop_drinking": dt.time(5, 0)})
    assert "when to stop eating and drinking" not in both


def test_the_after_hours_question_goes_when_the_clinic_has_the_number():
    assert "after hours" in filled({})
    page = filled({}, Phone("(412) 555-0199", "+14125550199"))
    assert "after hours" not in page and "- [ ] Why me?\n- [ ] What results?\n" in page


def test_the_follow_up_sentence_matches_the_kind():
    call = filled({"follow_up": {"how": "call", "within": Duration(2, "week")}})
    assert "We will call within 2 weeks. If not, call &#40;412&#41; 555-0142." in call
    assert "Your visit" not in call and "Ask how and when" not in call
    visit = filled({"follow_up": {"how": "visit", "within": Duration(10, "day")}})
    assert "Your visit is within 10 days." in visit and "We will call" not in visit
    assert "Ask how and when." in filled({})


def test_a_condition_on_a_part_the_instruction_lacks_stops_the_build():
    values = written({"driving": Duration(1, "day")}, "en", "US", words("en"))
    with pytest.raises(MarkerError, match="driving.day"):
        fill_markers("<!-- instruction driving.day=of: x --><!-- /instruction -->", values)


# --- the real pages ------------------------------------------------------------------------------


def page(lang: str, name: str, instructions: dict) -> str:
    source = ROOT / "docs" / ("" if lang == "en" else "es") / f"{name}.md"
    values = written(instructions, lang, "US", words(lang))
    return fill_markers(source.read_text("utf-8"), values, MAIN)


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n### {heading}\n")
    return markdown[start : markdown.index("\n#", start + 1)]


DAYS = {"en": ("The day before", "The morning of"), "es": ("El día anterior", "La mañana del procedimiento")}
ARRIVAL_RULES = {
    "stop_eating": BeforeArrival(Duration(8, "hour")),
    "stop_drinking": BeforeArrival(Duration(2, "hour")),
    "clear_liquids": Text({"en": "water or plain tea.", "es": "agua o té solo."}),
}


@pytest.mark.parametrize(
    "lang,eating,clear,drinking",
    [
        (
            "en",
            "- [ ] Stop eating **8 hours before you arrive**. ",
            "- [ ] After you stop eating, drink only clear liquids: water or plain tea.",
            "- [ ] Stop drinking **2 hours before you arrive**. ",
        ),
        (
            "es",
            "- [ ] Deje de comer **8 horas antes de llegar**. ",
            "- [ ] Después de dejar de comer, beba solo líquidos claros (transparentes, sin leche ni pulpa): "
            "agua o té solo.",
            "- [ ] Deje de beber **2 horas antes de llegar**. ",
        ),
    ],
)
def test_times_counted_from_arrival_are_planned_the_day_before_with_a_line_to_write_them(lang, eating, clear, drinking):
    filled = page(lang, "before", ARRIVAL_RULES)
    day_before, morning = (section(filled, day) for day in DAYS[lang])
    lines = day_before.split("\n")
    at = [next(i for i, line in enumerate(lines) if line.startswith(want)) for want in (eating, clear, drinking)]
    assert at == sorted(at) and at[2] - at[0] == 2  # together, in this order
    assert day_before.count("guide-blank") == 2  # a line for each time, to write in
    assert "antes de llegar" not in morning and "before you arrive" not in morning
    assert "\n\n" not in day_before.strip().split("\n", 1)[1].strip()  # one list: no empty item, no blank line


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_unset_stop_time_keeps_its_neutral_line_in_the_day_before(lang):
    neutral = section(page(lang, "before", {}), DAYS[lang][0])
    only_eating = section(page(lang, "before", {"stop_eating": dt.time(22, 0)}), DAYS[lang][0])
    drinking = {"en": "Stop drinking at", "es": "Hora de dejar de beber"}[lang]
    assert drinking in neutral and drinking in only_eating
    assert {"en": "Stop eating at", "es": "Hora de dejar de comer"}[lang] not in only_eating
    assert {"en": "10:00 PM, the night before", "es": "las 10:00 de la noche"}[lang] in only_eating.replace(
        "\u202f", " "
    ).replace("&#58;", ":")


@pytest.mark.parametrize(
    "lang,visit",
    [
        ("en", "Your follow-up visit is within **10 days** after your procedure. Before you go home, ask for the day"),
        ("es", "Su cita de control (seguimiento) será antes de que pasen **10 días** desde su procedimiento."),
    ],
)
def test_a_follow_up_visit_has_its_own_sentence_on_the_recovery_page(lang, visit):
    filled = page(lang, "recovery", {"follow_up": {"how": "visit", "within": Duration(10, "day")}})
    assert visit in filled
    assert {"en": "We will call you", "es": "Le vamos a llamar"}[lang] not in filled
    assert {"en": "My follow-up call or visit:", "es": "Mi llamada o cita de control:"}[lang] not in filled


ASKED_CLOCK = {
    "en": "Ask your care team what time that is for you.",
    "es": "Pregunte a su equipo médico a qué hora es eso para usted.",
}
ARRIVE = {
    "en": (
        "Your care team will tell you your procedure time, and the time to arrive: **90 minutes (1 and a half hours)**",
        ("My procedure time:", "I arrive at:"),
    ),
    "es": (
        "Su equipo médico le dirá la hora de su procedimiento y la hora de llegada: **1 hora y media (90 minutos)**",
        ("Hora de mi procedimiento:", "Hora de llegada:"),
    ),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_time_counted_from_arrival_leaves_the_reader_to_count(lang):
    """PEMAT 7 and CCI 17, read strictly: a time counted from arrival (or the arrival counted from the
    procedure) comes with who gives the clock times and lines to write them on, never a sum to do."""
    arrival = {"before": Duration(90, "minute"), "place": Text({"en": "the front desk.", "es": "la recepción."})}
    filled = page(lang, "before", {**ARRIVAL_RULES, "arrival": arrival})
    said, blanks = ARRIVE[lang]
    line = next(line for line in html.unescape(filled).split("\n") if said in line)
    assert all(f'{blank} <span class="guide-blank">' in line for blank in blanks)  # both times, as they are told
    assert filled.count(ASKED_CLOCK[lang]) == 2  # the stop-eating and the stop-drinking line
    assert not re.search(r"For example, if|Por ejemplo, si", filled)
