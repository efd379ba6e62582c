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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import format_time
from babel.numbers import format_decimal
from babel.units import format_unit

from .problems import FieldError, FieldErrors
from .yaml_data import YesNo, not_text

HTML_TAG = re.compile(r"<[^<>]*>|[<>]")
CLOCK_24 = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
CLOCK_12 = re.compile(r"^(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([AaPp])\.?\s*[Mm]\.?$")  # 10 PM, 10:30 p.m.
DURATION = re.compile(r"^(\d{1,3})\s*(minute|hour|day|week|month)s?$", re.I)
BEFORE_ARRIVAL = re.compile(r"^(\d{1,3}\s*(?:minute|hour)s?)\s+before\s+arrival$", re.I)
WEIGHT = re.compile(r"^(\d{1,3}(?:\.\d)?)\s*(lb|kg)$", re.I)
MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
POUND_KG = 0.45359237
LONGEST_TEXT = 200
EMERGENCY_NUMBERS = ("911", "999", "112", "000")
FOLLOW_UP_KINDS = ("call", "visit")
POUND_REGIONS = ("US", "LR", "MM")  # where people weigh in pounds


# A bad value: the field (below extra.clinic), what is wrong, and the fix: the clinic's own kind of error.
InstructionError = FieldError
Readable = Callable[[str, str], str]  # (language, text) -> why it reads too hard, or ""


class PhoneNumber(Protocol):
    """A checked phone number (guidekit.clinic.Phone): as printed, and its tel: address."""

    @property
    def text(self) -> str: ...

    @property
    def tel(self) -> str: ...


ReadPhone = Callable[[str, object], PhoneNumber]


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
class BeforeArrival:
    """A stop time counted back from the patient's arrival (which the clinic gives each patient)."""

    duration: Duration


@dataclass(frozen=True)
class Text:
    by_lang: dict[str, str]  # language code -> the clinic's words


# --- readers: one per kind of value ---------------------------------------------------------------


def read_clock(field: str, value: object, also: str = "") -> dt.time:
    part = field.rsplit(".", 1)[-1]
    fix = f'write the time in quotes, on a 24-hour or a 12-hour clock, e.g. {part}: "22:00" or "10 PM"{also}'
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads an unquoted 22:00 as the number 1320 (base 60).
        raise InstructionError(field, f"is the number {value}; an unquoted time is read as a number", fix)
    if not isinstance(value, str):
        raise InstructionError(field, f"{not_text(value)}: not a clock time", fix)
    text = value.strip()
    if match := CLOCK_24.match(text):
        return dt.time(int(match.group(1)), int(match.group(2)))
    if match := CLOCK_12.match(text):
        hour = int(match.group(1)) % 12 + (12 if str(match.group(3)).lower() == "p" else 0)
        return dt.time(hour, int(match.group(2) or 0))
    raise InstructionError(field, f"{value!r} is not a clock time", fix)


def read_stop_time(field: str, value: object) -> dt.time | BeforeArrival:
    """When to stop eating or drinking: a clock time, or a time counted back from arrival."""
    part = field.rsplit(".", 1)[-1]
    also = f", or hours before arrival, e.g. {part}: 2 hours before arrival"
    match = BEFORE_ARRIVAL.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return read_clock(field, value, also)
    assert isinstance(value, str)
    shortest, longest = _span(30, "minute"), _span(12, "hour")
    fix = f"give from {spoken(shortest)} to {spoken(longest)} before arrival, e.g. {part}: 2 hours before arrival"
    duration = read_duration(field, match.group(1), shortest, longest, fix)
    return BeforeArrival(duration)


def spoken(duration: Duration) -> str:
    return f"{duration.amount} {duration.unit}{'' if duration.amount == 1 else 's'}"


def read_duration(field: str, value: object, shortest: Duration, longest: Duration, fix: str = "") -> Duration:
    part = field.rsplit(".", 1)[-1]
    fix = fix or (
        f"give a whole number and a unit (minutes, hours, days, weeks or months) from {spoken(shortest)} "
        f"to {spoken(longest)}, e.g. {part}: {EXAMPLES[field.removeprefix('instructions.')]}"
    )
    match = DURATION.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InstructionError(field, f"{shown(value)} is not a duration", fix)
    duration = Duration(int(match.group(1)), match.group(2).lower())
    if not shortest.minutes <= duration.minutes <= longest.minutes:
        raise InstructionError(field, f"{value!r} is outside {spoken(shortest)} to {spoken(longest)}", fix)
    return duration


def shown(value: object) -> str:
    """A value in a message: text in quotes; a yes/no value as typed."""
    return str(value) if isinstance(value, YesNo) else repr(value)


def read_weight(field: str, value: object) -> Weight:
    fix = "give a weight from 1 lb to 50 lb (or 0.5 kg to 22.5 kg) with its unit, e.g. limit: 10 lb"
    match = WEIGHT.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InstructionError(field, f"{shown(value)} is not a weight with its unit (lb or kg)", fix)
    weight = Weight(float(match.group(1)), match.group(2).lower())
    if not 1 <= round(weight.pounds, 1) <= 50:
        raise InstructionError(field, f"{value!r} is outside 1 lb to 50 lb", fix)
    return weight


def read_choice(field: str, value: object, choices: tuple[str, ...]) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if text is None or text not in choices:
        quoted = ", ".join(f'"{choice}"' if choice.isdigit() else choice for choice in choices)
        raise InstructionError(field, f"{shown(value)} is not one of {', '.join(choices)}", f"write one of: {quoted}")
    return text


def read_text(field: str, value: object, languages: list[str], needed: list[str], readable: Readable) -> Text:
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
        if not isinstance(text, str):
            fix = f'put it in quotes, e.g. {lang}: "{text}"' if isinstance(text, YesNo) else "write it as a sentence"
            raise InstructionError(where, not_text(text), fix)
        if not text.strip():
            raise InstructionError(where, "is empty", "write the instruction as a sentence")
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
    return Text({str(lang): " ".join(str(text).split()) for lang, text in value.items()})


# --- the instructions ---------------------------------------------------------------------------


def _span(amount: int, unit: str) -> Duration:
    return Duration(amount, unit)


Context = tuple[list[str], list[str], Readable]  # the guide's languages, those being built, the reading check
Reader = Callable[[str, object, Context], Any]

SIMPLE: dict[str, Reader] = {
    # name: how to read it
    "stop_eating": lambda f, v, ctx: read_stop_time(f, v),
    "stop_drinking": lambda f, v, ctx: read_stop_time(f, v),
    "clear_liquids": lambda f, v, ctx: read_text(f, v, *ctx),  # what counts as clear, until stop_drinking
    "morning_medicines": lambda f, v, ctx: read_text(f, v, *ctx),
    "diabetes_medicines": lambda f, v, ctx: read_text(f, v, *ctx),
    "bring": lambda f, v, ctx: read_text(f, v, *ctx),
    "lie_flat": lambda f, v, ctx: read_duration(f, v, _span(15, "minute"), _span(24, "hour")),
    "driving": lambda f, v, ctx: read_duration(f, v, _span(12, "hour"), _span(12, "week")),
    "showering": lambda f, v, ctx: read_duration(f, v, _span(12, "hour"), _span(4, "week")),
    "emergency_number": lambda f, v, ctx: read_choice(f, v, EMERGENCY_NUMBERS),
}
NESTED: dict[str, dict[str, Reader]] = {
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
    "driving": "24 hours",
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


def read_instructions(
    raw: object, languages: list[str], needed: list[str], readable: Readable, read_phone: ReadPhone
) -> dict[str, Any]:
    """The checked values, by name. `languages` are the guide's, `needed` those being built;
    `readable(lang, text)` says why a text reads too hard (or ""); `read_phone(field, text)`
    checks and formats a phone number. Raises FieldErrors with one problem per instruction."""
    base = "instructions"
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InstructionError(
            base,
            f"must be a mapping, not {raw!r}",
            "write each instruction indented under instructions:, e.g. driving: 2 days (see README.md)",
        )
    ctx: Context = (languages, needed, readable)
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in raw.items():
        try:
            values[name] = read_instruction(base, str(name), value, ctx, read_phone)
        except FieldError as error:
            errors.append(error)
    if "clear_liquids" in values and "stop_drinking" not in values and "stop_drinking" not in raw:
        errors.append(
            InstructionError(
                f"{base}.clear_liquids",
                "needs stop_drinking, the time when even clear liquids stop",
                "add it, e.g. stop_drinking: 2 hours before arrival",
            )
        )
    if errors:
        raise FieldErrors(errors)
    return values


def read_instruction(base: str, name: str, value: object, ctx: Context, read_phone: ReadPhone) -> Any:
    field = f"{base}.{name}"
    if name in SIMPLE:
        return SIMPLE[name](field, value, ctx)
    if name in NESTED:
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
        return {part: read(f"{field}.{part}", value[part], ctx) for part, read in parts.items()}
    if name in PHONES:
        return read_phone(field, value)
    raise InstructionError(field, "is not a known instruction", f"use one of: {', '.join(NAMES)}")


# --- writing the values in one language ---------------------------------------------------------


def locale_for(lang: str, region: str) -> str:
    """The language as written in the clinic's country (es_US: 10:00 p.m.; es_ES: 22:00), if Babel knows it."""
    try:
        return str(Locale.parse(f"{lang}_{region}"))
    except (UnknownLocaleError, ValueError):
        return lang


def write_clock(value: dt.time, lang: str, locale: str, words: Mapping[str, str]) -> str:
    """A clock time as people say it: "10:00 PM" (or "22:00" where the region writes it so) in English;
    in Spanish "las 10:00 de la noche", "las 5:00 de la mañana", "las 12:00 del mediodía"."""
    if value == dt.time(0, 0):
        return words["midnight"]
    if value == dt.time(12, 0):
        return words["noon"]
    if lang != "es":
        return format_time(value, format="short", locale=locale)
    # Babel's day period ("de la madrugada" before 6) reads as the small hours; people say "de la mañana".
    period = format_time(value, "B", locale=locale).replace("de la madrugada", "de la mañana")
    article = "la" if value.hour % 12 == 1 else "las"
    return f"{article} {format_time(value, 'h:mm', locale=locale)} {period}"


def time_day(value: dt.time | BeforeArrival) -> str:
    """Which list of the plan a stop time goes in: "before" (the day before the procedure), "of" (the morning
    of), or "arrival" (counted from the arrival time, written in by the patient: planned the day before).
    From noon on a clock time is the day before, before noon the day itself: a clinic that means an afternoon
    time on the day itself gets a longer fast, never a shorter one. Midnight ends the day before."""
    if isinstance(value, BeforeArrival):
        return "arrival"
    return "before" if value.hour >= 12 or value == dt.time(0, 0) else "of"


def write_time(value: dt.time | BeforeArrival, lang: str, locale: str, words: Mapping[str, str]) -> dict[str, str]:
    """A stop time's parts: value (the time with its day, or "2 hours before you arrive") and day."""
    day = time_day(value)
    if isinstance(value, BeforeArrival):
        # No worked example: the page asks the care team for the clock time and leaves a line for it,
        # so no reader has to count back (PEMAT 7; an example still expects a calculation).
        text = words["before_arrival"].format(duration=write_duration(value.duration, lang, locale, words))
        return {"value": text, "day": day}
    if value == dt.time(0, 0):
        text = words["midnight_day"]
    else:
        when = "procedure_day" if day == "of" else "evening_before" if value.hour >= 18 else "day_before"
        text = f"{write_clock(value, lang, locale, words)}, {words[when]}"
    return {"value": text, "day": day}


def write_duration(value: Duration, lang: str, locale: str, words: Mapping[str, str]) -> str:
    """A duration as people say it: 90 minutes is "90 minutes (1 and a half hours)" in English and
    "1 hora y media (90 minutos)" in Spanish; whole hours given in minutes are written as hours."""
    minutes = value.minutes
    if value.unit == "minute" and minutes >= 60 and minutes % 30 == 0:
        hours = minutes // 60
        if minutes % 60 == 0:
            return format_unit(hours, "duration-hour", length="long", locale=locale)
        return words["hours_and_a_half"].format(
            hours=format_decimal(hours, locale=locale),
            hour_unit=format_unit(hours, "duration-hour", length="long", locale=locale),
            minutes=format_unit(minutes, "duration-minute", length="long", locale=locale),
        )
    return format_unit(value.amount, f"duration-{value.unit}", length="long", locale=locale)


def write_weight(value: Weight, region: str, locale: str, words: Mapping[str, str]) -> str:
    """Both units, spelled out, the region's usual one first (pounds in the US, kilos elsewhere):
    "10 pounds (4.5 kg)", "10 libras (4.5 kilos)". The second is rounded down, so a limit is never raised."""
    pounds_first = region in POUND_REGIONS
    if pounds_first:
        pounds = value.amount if value.unit == "lb" else math.floor(value.pounds)
        kilos = math.floor(pounds * POUND_KG * 10) / 10 if value.unit == "lb" else value.amount
    else:
        kilos = value.amount if value.unit == "kg" else math.floor(value.amount * POUND_KG * 10) / 10
        pounds = value.amount if value.unit == "lb" else math.floor(value.pounds)
    pounds = int(pounds) if pounds == int(pounds) else pounds
    # A number, not text: Babel then picks the plural ("10 libras", "1 libra").
    lb = format_unit(pounds, "mass-pound", length="long", locale=locale)
    kg = words["kilo" if kilos == 1 else "kilos"].format(amount=format_decimal(kilos, locale=locale))
    return f"{lb} ({kg})" if pounds_first else f"{kg} ({lb})"


def written(values: Mapping[str, Any], lang: str, region: str, words: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Each set instruction's parts as text in `lang`: {name: {part: text}}, the main part called value.
    A stop time also has its day ("before", "of" or "arrival"), and a choice (follow_up.how) stays as
    chosen ("call", "visit"): a page marker picks its sentence by them."""
    locale = locale_for(lang, region)

    def one(value: Any) -> str:
        if isinstance(value, Duration):
            return write_duration(value, lang, locale, words)
        if isinstance(value, Weight):
            return write_weight(value, region, locale, words)
        if isinstance(value, Text):
            return value.by_lang[lang]
        if hasattr(value, "tel"):  # a phone number
            return str(value.text)
        return str(value)  # a choice: the page's sentence says it in words (911 stays 911)

    out: dict[str, dict[str, str]] = {}
    for name, value in values.items():
        if isinstance(value, dt.time | BeforeArrival):
            out[name] = write_time(value, lang, locale, words)
        elif isinstance(value, dict):
            out[name] = {part: one(v) for part, v in value.items()}
        else:
            out[name] = {"value": one(value)}
            if hasattr(value, "tel"):
                out[name]["tel"] = str(value.tel)
    return out


# --- putting them on the pages ------------------------------------------------------------------

MARKER = re.compile(r"<!-- instruction ([\w.= ]+?):(.*?)-->(.*?)<!-- /instruction -->", re.S)
NAMED = re.compile(r"^(\w+)(?:\.(\w+)=(\w+))?$")
PLACEHOLDER = re.compile(r"\{(\w+(?:\.\w+)?)\}")
# Characters Markdown (and its extensions: emoji, attribute lists, marks) would act on.
MARKDOWN_ACTIVE = re.compile(r"[\\`*_{}\[\]()<>#+!|~^=:&\"']")
CLINIC_FIELDS = ("after_hours_phone",)  # clinic fields a marker may name, beside the instructions
NOTHING = "\x00"  # where a marker wrote nothing
ALONE = re.compile(r"^[ \t]*\x00+[ \t]*(?:\n|$)", re.M)  # a line holding nothing else


class MarkerError(Exception):
    """A page's marker names what no clinic can set: the page's fault, not the clinic's."""


def as_literal_text(text: str) -> str:
    """The clinic's words exactly as written: each character Markdown would act on becomes an entity."""
    return MARKDOWN_ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", text)


def fill_markers(
    markdown: str,
    texts: Mapping[str, Mapping[str, str]],
    phone: PhoneNumber | None = None,
    after_hours: PhoneNumber | None = None,
) -> str:
    """The page's Markdown with each marker replaced: by its neutral wording, its filled sentence,
    or nothing. `texts` are the clinic's instructions written in the page's language (guidekit.
    clinic.Clinic.instruction_texts); `phone` and `after_hours` its numbers.

        <!-- instruction driving: You may drive again **{value}** after your procedure. -->
        neutral wording (ask your care team; a line to write in on paper)
        <!-- /instruction -->

    - A marker may name several instructions (`stop_eating stop_drinking`): its sentence (often none:
      the neutral "ask" line simply goes) replaces the neutral wording only when every one is set.
      `{value}` and `{part}` are the first one's, `{name.part}` any named one's; `{clinic_phone}` and
      `{clinic_tel}` the clinic's main number.
    - A name may carry a condition on one of its parts (`stop_eating.day=of`, `follow_up.how=visit`):
      set but not met, the marker writes nothing, as another marker (under another heading, or with
      another sentence) says it. So a stop time stands under the day it belongs to.
    - `after_hours_phone` (the clinic's after-hours number) may be named too.
    - A marker that writes nothing (its sentence or neutral wording empty) and stands alone on its
      line takes the line away: put a list item's "- [ ] " inside the marker, in both wordings."""
    values: dict[str, Mapping[str, str]] = dict(texts)
    if after_hours:
        values["after_hours_phone"] = {"value": after_hours.text, "tel": after_hours.tel}
    common = {"clinic_phone": phone.text if phone else "", "clinic_tel": phone.tel if phone else ""}

    def fill(match: re.Match[str]) -> str:
        header, sentence, neutral = match.groups()
        named: list[tuple[str, str | None, str | None]] = []
        for token in header.split():
            found = NAMED.match(token)
            if not found or found.group(1) not in (*NAMES, *CLINIC_FIELDS):
                raise MarkerError(
                    f"instruction marker '{token}' is not a known instruction. "
                    f"Fix: use one of: {', '.join((*NAMES, *CLINIC_FIELDS))} (optionally name.part=value)"
                )
            named.append((found.group(1), found.group(2), found.group(3)))
        if not all(name in values for name, _, _ in named):
            return neutral
        for name, condition, wanted in named:
            if condition and condition not in values[name]:
                raise MarkerError(
                    f"instruction marker '{name}.{condition}' names a part it does not have. "
                    f"Fix: use one of: {', '.join(values[name])}"
                )
            if condition and values[name][condition] != wanted:
                return ""  # set, and said by another marker
        first = values[named[0][0]]

        def placeholder(found: re.Match[str]) -> str:
            key = found.group(1)
            name, _, sub = key.rpartition(".")
            parts: Mapping[str, str] = values.get(name, {}) if name else {**common, **first}
            if name and name not in (n for n, _, _ in named) or sub not in parts:
                raise MarkerError(
                    f"instruction marker '{header.strip()}' uses {{{key}}}, which it does not have. "
                    f"Fix: use {', '.join('{' + p + '}' for p in first)}"
                )
            text = parts[sub]
            return text if sub.endswith("tel") else as_literal_text(text)  # tel: E.164, digits only

        return PLACEHOLDER.sub(placeholder, sentence.strip())

    def fill_or_drop(match: re.Match[str]) -> str:
        return fill(match) or NOTHING

    # A marker that writes nothing takes its line with it, so a list item ("- [ ] ...", inside the
    # marker) goes whole and leaves no blank line that would split its list.
    filled = ALONE.sub("", MARKER.sub(fill_or_drop, markdown))
    return filled.replace(NOTHING, "")
