"""A clinic's details (`extra.clinic` in a MkDocs config), checked with MkDocs' own config options.

With no clinic configured the guide stays neutral: "your care team", and
blank lines on paper to write a number in. It never invents a clinic.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import phonenumbers
from mkdocs.config import base
from mkdocs.config import config_options as c

from .instructions import InstructionError, read_instructions
from .logo import LogoError, checked_logo
from .signoff import EDITION

ROOT = Path(__file__).resolve().parent.parent.parent

HTML_TAG = re.compile(r"<[^<>]*>|[<>]")
# Characters a web address may hold unencoded, minus quotes, angle brackets,
# backslashes and spaces, which could end an HTML attribute or hide a second address.
URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[A-Za-z0-9\-._~%!$&()*+,;=:@/]*)?$")
PHONE_FIELDS = {"phone": "phone_tel", "after_hours_phone": "after_hours_tel"}  # field -> its tel: address


class ClinicError(Exception):
    def __init__(self, file: str, field: str, problem: str, fix: str):
        self.file, self.field = file, field
        super().__init__(f"{file}: extra.clinic.{field}: {problem}. Fix: {fix}")


class Region(c.Type):
    """A two-letter country code that the phone library knows (US, GB, ES...)."""

    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value).strip().upper()
        if value not in phonenumbers.SUPPORTED_REGIONS:
            raise base.ValidationError(f"{value!r} is not a country code the phone library knows")
        return value


class ReviewCycle(c.Type):
    """Months between a clinic's reviews: review cycles run one to three years, some shorter."""

    def __init__(self, **kwargs):
        super().__init__(int, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if isinstance(value, bool) or not 1 <= value <= 36:
            raise base.ValidationError(f"{value!r} months is outside 1 to 36")
        return value


class EditionNumber(c.BaseConfigOption):
    """The guide's edition the clinic's reviewer approved, written as the guide writes its own (2.1.0)."""

    def run_validation(self, value):
        text = str(value).strip() if isinstance(value, str | int | float) and not isinstance(value, bool) else None
        if text is None or not EDITION.match(text):
            raise base.ValidationError(f"{value!r} is not an edition number like the guide's (three numbers: 2.1.0)")
        return text


class Phone(c.Type):
    """The number as written; parsed in the clinic's region once the region is known."""

    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)


class PlainText(c.Type):
    """Text shown to patients: HTML in it would run or vanish, so it is refused."""

    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if tag := HTML_TAG.search(value):
            raise base.ValidationError(f"{value!r} holds HTML ({tag.group(0)!r}), which would not show as written")
        return value


class Name(PlainText):
    """The clinic's name: on every page, in the handout's header and in the PDF footer, so not a paragraph."""

    LONGEST = 120

    def run_validation(self, value):
        value = super().run_validation(value).strip()
        if len(value) > self.LONGEST:
            raise base.ValidationError(f"is {len(value)} characters long, more than the {self.LONGEST} that fit")
        return value


class Mapping(c.Type):
    def __init__(self, **kwargs):
        super().__init__(dict, **kwargs)

    def run_validation(self, value):
        if not isinstance(value, dict):
            raise base.ValidationError(f"must be a mapping, not {value!r}")
        return value


class WebAddress(c.Type):
    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not URL.match(value):
            raise base.ValidationError(f"{value!r} is not an http(s) web address without spaces or quotes")
        return value


class ClinicConfig(base.Config):
    name = Name()
    department = c.Optional(PlainText())
    region = Region(default="US")
    phone = Phone()
    after_hours_phone = c.Optional(Phone())
    address = c.Optional(PlainText())
    url = c.Optional(WebAddress())
    logo = c.Optional(c.File(exists=True))
    reviewed_by = c.Optional(PlainText())
    review_every_months = c.Optional(ReviewCycle())
    reviewed_on = c.Optional(c.Type(dt.date))
    approved_edition = c.Optional(EditionNumber())
    instructions = c.Optional(Mapping())
    sections = c.Optional(c.Dir(exists=True))


FIXES = {
    "name": "give the clinic's name as plain text (no < or >) of at most 120 characters,"
    " e.g. name: Riverside Spine Clinic (put the department under department:)",
    "department": "give the department as plain text (no < or >)",
    "region": "give the clinic's two-letter country code, e.g. region: US (the default), GB or ES",
    "phone": "write the main number with its area code, e.g. phone: 412-555-0100, or 412-555-0100 ext. 12",
    "after_hours_phone": "write the after-hours number like the main one, e.g. 412-555-0199",
    "address": "give the address as one line of plain text (no < or >)",
    "url": "give the full web address of the hosted guide, e.g. https://guide.yourclinic.org/",
    "logo": "give the path of an SVG or PNG file inside this repository, relative to the config file",
    "reviewed_by": "give the name of the clinician who reviewed the guide, as plain text (no < or >)",
    "reviewed_on": "give the review date as YYYY-MM-DD, without quotes",
    "approved_edition": "give the edition the reviewer approved, as the guide's About page shows it,"
    " e.g. approved_edition: 2.1.0",
    "review_every_months": "give how often the clinic reviews the guide, in months, from 1 to 36 (default 12)",
    "instructions": "write each instruction indented under instructions:, e.g. driving: 2 days (see README.md)",
    "instructions.blood_thinner_phone": "write the number with its area code, e.g. blood_thinner_phone: 412-555-0150",
    "sections": "give the folder of the clinic's own sections, relative to this file, e.g. clinics/yours/sections",
}


FIELDS = [key for key in FIXES if "." not in key]


def parse_phone(text: str, region: str, config_file: str, field: str) -> dict:
    """A number anyone can dial from a tap: its tel: address in E.164 form, and how to print it
    (national form in the clinic's country, international form for a number elsewhere)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    reason = phonenumbers.is_possible_number_with_reason(number) if number else None
    if reason == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        raise ClinicError(
            config_file,
            field,
            f"{text!r} has no area code, so no phone can dial it from a link",
            FIXES.get(field, FIXES["phone"]),
        )
    if number is None or reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        raise ClinicError(config_file, field, f"{text!r} is not a phone number", FIXES.get(field, FIXES["phone"]))
    if not phonenumbers.is_valid_number(number):
        raise ClinicError(
            config_file,
            field,
            f"{text!r} is not a phone number in use in {region}",
            "check the digits, or set region: to the number's country (e.g. region: GB)",
        )
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        tel += f";ext={number.extension}"
    return {"text": phonenumbers.format_number(number, style), "tel": tel}


def readable_for(manifest_path: Path):
    """A check that a clinic's text reads at the guide's level in its language: why not, or ""."""
    from .manifest import load_manifest
    from .readability import reading_scores

    languages = load_manifest(manifest_path).languages

    def readable(lang: str, text: str) -> str:
        language = languages[lang]
        sentence = text if text.rstrip().endswith((".", "!", "?")) else text + "."
        score = reading_scores({"text": sentence}, language.formula)["text"]
        return "" if language.reads_easily(score) else f"{score} {language.formula}, {language.limit_text()}"

    return list(languages), readable


def load_clinic(raw, config_file: str, lang: str = "en", root: Path = ROOT) -> dict | None:
    """The clinic's validated details, or None when no clinic is configured.
    `lang` is the edition being built: its translations of the clinic's texts must be there.
    `root` is the repository being built, whose logo and manifest apply."""
    if raw in (None, {}):
        return None
    if not isinstance(raw, dict):
        raise ClinicError(
            config_file, "", f"must be a mapping, not {raw!r}", "write the clinic's fields indented under extra.clinic"
        )
    schema = ClinicConfig(config_file_path=config_file)
    schema.load_dict(raw)
    errors, warnings = schema.validate()
    for key, message in errors:
        raise ClinicError(config_file, key, str(message).rstrip("."), FIXES.get(key, "check the value"))
    for key, warning in warnings:
        if "Unrecognised configuration name" in str(warning):
            raise ClinicError(config_file, key, "is not a known field", f"remove it or use one of: {', '.join(FIELDS)}")
    clinic = {key: schema[key] for key in FIELDS}
    for field, tel in PHONE_FIELDS.items():
        if clinic[field]:
            phone = parse_phone(clinic[field], clinic["region"], config_file, field)
            clinic[field], clinic[tel] = phone["text"], phone["tel"]
    if clinic["logo"]:
        try:
            clinic["logo"] = str(checked_logo(Path(clinic["logo"]), root))
        except LogoError as error:
            raise ClinicError(config_file, "logo", str(error), FIXES["logo"]) from None
    languages, readable = readable_for(root / "scripts" / "required_content.yml")

    def read_phone(field: str, text) -> dict:
        if not isinstance(text, str):
            raise ClinicError(config_file, field, f"{text!r} is not a phone number", "write it like phone: above")
        return parse_phone(text, clinic["region"], config_file, field)

    try:
        clinic["instructions"] = read_instructions(clinic["instructions"], languages, [lang], readable, read_phone)
    except InstructionError as error:
        raise ClinicError(config_file, error.field, error.problem, error.fix) from None
    if clinic["approved_edition"] or bool(clinic["reviewed_by"]) != bool(clinic["reviewed_on"]):
        # An approved edition, too, belongs to a review: by whom, and when.
        if missing := next((key for key in ("reviewed_by", "reviewed_on") if not clinic[key]), None):
            raise ClinicError(
                config_file, missing, "is missing (a clinical review needs both a name and a date)", FIXES[missing]
            )
    return clinic
