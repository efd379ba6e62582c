"""A clinic's own instructions (`extra.clinic.instructions`): checked, then written in each language.

Clinics differ exactly where patients need specifics (when to stop eating,
when they may drive), so each of those values can be set once, typed where
it has a type (a clock time, a duration, a weight) and free text, in every
language, where it must be free. A value left out keeps the neutral guide's
wording: ask your care team, and a line to write the answer in on paper.

The ranges below only catch typing mistakes (a lifting limit of 500 lb, a
lie-flat time of 3 weeks); the clinic's own clinicians decide the values.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_time
from babel.numbers import format_decimal
from babel.units import format_unit

HTML_TAG = re.compile(r"<[^<>]*>|[<>]")
CLOCK_24 = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
CLOCK_12 = re.compile(r"^(1[0-2]|0?[1-9]):([0-5]\d)\s*([AaPp])\.?\s*[Mm]\.?$")
DURATION = re.compile(r"^(\d{1,3})\s*(minute|hour|day|week|month)s?$", re.I)
WEIGHT = re.compile(r"^(\d{1,3}(?:\.\d)?)\s*(lb|kg)$", re.I)
MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
POUND_KG = 0.45359237
LONGEST_TEXT = 200
EMERGENCY_NUMBERS = ("911", "999", "112", "000")
FOLLOW_UP_KINDS = ("call", "visit")


class InstructionError(Exception):
    """A bad value: the field (below extra.clinic.instructions), what is wrong, and the fix."""

    def __init__(self, field: str, problem: str, fix: str):
        self.field, self.problem, self.fix = field, problem, fix
        super().__init__(f"{field}: {problem}. Fix: {fix}")


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # minute, hour, day, week, month

    @property
    def minutes(self) -> int:
        return self.amount * MINUTES[self.unit]


@dataclass(frozen=True)
class Weight:
    amount: float
    unit: str  # lb or kg

    @property
    def pounds(self) -> float:
        return self.amount if self.unit == "lb" else self.amount / POUND_KG


@dataclass(frozen=True)
class Text:
    by_lang: dict  # language code -> the clinic's words


# --- readers: one per kind of value ---------------------------------------------------------------


def read_clock(field: str, value) -> dt.time:
    fix = f'write the time in quotes, as on a 24-hour clock, e.g. {field.rsplit(".", 1)[-1]}: "22:00"'
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads an unquoted 22:00 as the number 1320 (base 60).
        raise InstructionError(field, f"is the number {value}; an unquoted time is read as a number", fix)
    if not isinstance(value, str):
        raise InstructionError(field, f"{value!r} is not a clock time", fix)
    text = value.strip()
    if match := CLOCK_24.match(text):
        return dt.time(int(match.group(1)), int(match.group(2)))
    if match := CLOCK_12.match(text):
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        return dt.time(hour, int(match.group(2)))
    raise InstructionError(field, f"{value!r} is not a clock time", fix)


def spoken(duration: Duration) -> str:
    return f"{duration.amount} {duration.unit}{'' if duration.amount == 1 else 's'}"


def read_duration(field: str, value, shortest: Duration, longest: Duration) -> Duration:
    part = field.rsplit(".", 1)[-1]
    fix = (
        f"give a whole number and a unit (minutes, hours, days, weeks or months) from {spoken(shortest)} "
        f"to {spoken(longest)}, e.g. {part}: {EXAMPLES[field.removeprefix('instructions.')]}"
    )
    match = DURATION.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InstructionError(field, f"{value!r} is not a duration", fix)
    duration = Duration(int(match.group(1)), match.group(2).lower())
    if not shortest.minutes <= duration.minutes <= longest.minutes:
        raise InstructionError(field, f"{value!r} is outside {spoken(shortest)} to {spoken(longest)}", fix)
    return duration


def read_weight(field: str, value) -> Weight:
    fix = "give a weight from 1 lb to 50 lb (or 0.5 kg to 22.5 kg) with its unit, e.g. limit: 10 lb"
    match = WEIGHT.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InstructionError(field, f"{value!r} is not a weight with its unit (lb or kg)", fix)
    weight = Weight(float(match.group(1)), match.group(2).lower())
    if not 1 <= round(weight.pounds, 1) <= 50:
        raise InstructionError(field, f"{value!r} is outside 1 lb to 50 lb", fix)
    return weight


def read_choice(field: str, value, choices: tuple[str, ...]) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if text not in choices:
        quoted = ", ".join(f'"{choice}"' if choice.isdigit() else choice for choice in choices)
        raise InstructionError(field, f"{value!r} is not one of {', '.join(choices)}", f"write one of: {quoted}")
    return text


def read_text(field: str, value, languages: list[str], needed: list[str], readable) -> Text:
    """Free text, one version per language: plain words a patient reads at the guide's level.
    Each edition being built needs its own language; a missing translation is never filled in."""
    fix = f"give the text in each language, indented under it: {', '.join(f'{lang}: ...' for lang in languages)}"
    if not isinstance(value, dict):
        raise InstructionError(field, f"must give the text in each language ({', '.join(languages)})", fix)
    for lang in value:
        if lang not in languages:
            raise InstructionError(
                f"{field}.{lang}", "is not a language of the guide", f"use one of: {', '.join(languages)}"
            )
    for lang in needed:
        if value.get(lang) is None:
            raise InstructionError(
                f"{field}.{lang}",
                f"is missing: the {lang} edition needs the translation",
                f"add the {lang} text under {field}",
            )
    for lang, text in value.items():
        where = f"{field}.{lang}"
        if not isinstance(text, str) or not text.strip():
            raise InstructionError(where, f"{text!r} is not text", "write the instruction as a sentence")
        if tag := HTML_TAG.search(text):
            raise InstructionError(
                where,
                f"holds HTML ({tag.group(0)!r}), which would not show as written",
                "write plain text, without < or >",
            )
        if len(text) > LONGEST_TEXT:
            raise InstructionError(
                where,
                f"is {len(text)} characters long, more than {LONGEST_TEXT}",
                "keep it to one or two short sentences; put more in a clinic section",
            )
        if problem := readable(lang, text):
            raise InstructionError(
                where, f"reads too hard ({problem})", "use shorter sentences and shorter, everyday words"
            )
    return Text({lang: " ".join(text.split()) for lang, text in value.items()})


# --- the instructions ---------------------------------------------------------------------------


def _span(amount: int, unit: str) -> Duration:
    return Duration(amount, unit)


SIMPLE = {
    # name: how to read it
    "stop_eating": lambda f, v, ctx: read_clock(f, v),
    "stop_drinking": lambda f, v, ctx: read_clock(f, v),
    "morning_medicines": lambda f, v, ctx: read_text(f, v, *ctx),
    "diabetes_medicines": lambda f, v, ctx: read_text(f, v, *ctx),
    "bring": lambda f, v, ctx: read_text(f, v, *ctx),
    "lie_flat": lambda f, v, ctx: read_duration(f, v, _span(15, "minute"), _span(24, "hour")),
    "driving": lambda f, v, ctx: read_duration(f, v, _span(1, "day"), _span(12, "week")),
    "showering": lambda f, v, ctx: read_duration(f, v, _span(12, "hour"), _span(4, "week")),
    "emergency_number": lambda f, v, ctx: read_choice(f, v, EMERGENCY_NUMBERS),
}
NESTED = {
    # name: {part: how to read it}; every part is required
    "arrival": {
        "before": lambda f, v, ctx: read_duration(f, v, _span(15, "minute"), _span(4, "hour")),
        "place": lambda f, v, ctx: read_text(f, v, *ctx),
    },
    "lifting": {
        "limit": lambda f, v, ctx: read_weight(f, v),
        "for": lambda f, v, ctx: read_duration(f, v, _span(1, "day"), _span(12, "month")),
    },
    "follow_up": {
        "how": lambda f, v, ctx: read_choice(f, v, FOLLOW_UP_KINDS),
        "within": lambda f, v, ctx: read_duration(f, v, _span(1, "day"), _span(3, "month")),
    },
}
# Shown in messages, so each fix carries a value that would pass.
EXAMPLES = {
    "lie_flat": "1 hour",
    "driving": "2 days",
    "showering": "2 days",
    "arrival.before": "1 hour",
    "arrival.place": "(a text in each language)",
    "lifting.limit": "10 lb",
    "lifting.for": "3 months",
    "follow_up.how": "call",
    "follow_up.within": "2 weeks",
}
PHONES = {"blood_thinner_phone"}  # read with the clinic's other numbers, in its region
NAMES = [*SIMPLE, *NESTED, *PHONES]


def read_instructions(raw, languages: list[str], needed: list[str], readable, read_phone) -> dict:
    """The checked values, by name. `languages` are the guide's, `needed` those being built;
    `readable(lang, text)` says why a text reads too hard (or ""); `read_phone(field, text)`
    checks and formats a phone number."""
    base = "instructions"
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InstructionError(
            base,
            f"must be a mapping, not {raw!r}",
            "write each instruction indented under instructions:, e.g. driving: 2 days",
        )
    ctx = (languages, needed, readable)
    values = {}
    for name, value in raw.items():
        field = f"{base}.{name}"
        if name in SIMPLE:
            values[name] = SIMPLE[name](field, value, ctx)
        elif name in NESTED:
            parts = NESTED[name]
            if not isinstance(value, dict):
                raise InstructionError(
                    field,
                    f"must be a mapping with {' and '.join(parts)}",
                    f"write {', '.join(f'{p}:' for p in parts)} indented under {name}:",
                )
            for part in value:
                if part not in parts:
                    raise InstructionError(f"{field}.{part}", "is not a known part", f"use {' and '.join(parts)}")
            for part in parts:
                if part not in value:
                    raise InstructionError(
                        f"{field}.{part}",
                        "is missing",
                        f"give it under {name}:, e.g. {part}: {EXAMPLES[f'{name}.{part}']}",
                    )
            values[name] = {part: read(f"{field}.{part}", value[part], ctx) for part, read in parts.items()}
        elif name in PHONES:
            values[name] = read_phone(field, value)
        else:
            raise InstructionError(field, "is not a known instruction", f"use one of: {', '.join(NAMES)}")
    return values


# --- writing the values in one language ---------------------------------------------------------


def locale_for(lang: str, region: str) -> str:
    """The language as written in the clinic's country (es_US: 10:00 p.m.; es_ES: 22:00), if Babel knows it."""
    try:
        return str(Locale.parse(f"{lang}_{region}"))
    except (UnknownLocaleError, ValueError):
        return lang


def write_time(value: dt.time, locale: str, words: dict) -> str:
    """A clock time with its day: from noon on it is the day before the procedure, before noon the
    day itself. A clinic that means an afternoon time on the day itself gets a longer fast, never a shorter one."""
    if value == dt.time(0, 0):
        return words["midnight"]
    day = words["day_before"] if value.hour >= 12 else words["procedure_day"]
    return f"{format_time(value, format='short', locale=locale)}, {day}"


def write_duration(value: Duration, locale: str) -> str:
    return format_unit(value.amount, f"duration-{value.unit}", length="long", locale=locale)


def write_weight(value: Weight, lang: str, locale: str) -> str:
    """Both units, the reader's usual one first. The other is rounded down, so a limit is never raised."""
    pounds = value.pounds if value.unit == "kg" else value.amount
    kilos = value.amount if value.unit == "kg" else value.amount * POUND_KG
    if value.unit == "lb":
        kilos = math.floor(kilos * 10) / 10
    else:
        pounds = math.floor(pounds)
    lb = format_unit(format_decimal(pounds, locale=locale), "mass-pound", length="short", locale=locale)
    kg = format_unit(format_decimal(kilos, locale=locale), "mass-kilogram", length="short", locale=locale)
    return f"{lb} ({kg})" if lang == "en" else f"{kg} ({lb})"


def written(values: dict, lang: str, region: str, words: dict) -> dict[str, dict[str, str]]:
    """Each set instruction's parts as text in `lang`: {name: {part: text}}, the main part called value."""
    locale = locale_for(lang, region)

    def one(value) -> str:
        if isinstance(value, dt.time):
            return write_time(value, locale, words)
        if isinstance(value, Duration):
            return write_duration(value, locale)
        if isinstance(value, Weight):
            return write_weight(value, lang, locale)
        if isinstance(value, Text):
            return value.by_lang[lang]
        if isinstance(value, dict) and "text" in value:  # a phone number
            return value["text"]
        return words.get(value, value)  # a choice: its words in this language, or itself (911)

    out = {}
    for name, value in values.items():
        if isinstance(value, dict) and "text" not in value:
            out[name] = {part: one(v) for part, v in value.items()}
        else:
            out[name] = {"value": one(value)}
            if isinstance(value, dict) and "tel" in value:
                out[name]["tel"] = value["tel"]
    return out
