"""A clinic's details (`extra.clinic` in a MkDocs config), checked with MkDocs' own config options.

With no clinic configured the guide stays neutral: "your care team", and
blank lines on paper to write a number in. It never invents a clinic.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from .logo import LogoError, checked_logo

ROOT = Path(__file__).resolve().parent.parent.parent

PHONE = re.compile(r"^\+?[0-9(][0-9 ().\-]*[0-9]$")
HTML_TAG = re.compile(r"<[^<>]*>|[<>]")
# Characters a web address may hold unencoded, minus quotes, angle brackets,
# backslashes and spaces, which could end an HTML attribute or hide a second address.
URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[A-Za-z0-9\-._~%!$&()*+,;=:@/]*)?$")


class ClinicError(Exception):
    def __init__(self, file: str, field: str, problem: str, fix: str):
        self.file, self.field = file, field
        super().__init__(f"{file}: extra.clinic.{field}: {problem}. Fix: {fix}")


class Phone(c.Type):
    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        digits = sum(ch.isdigit() for ch in value)
        if not PHONE.match(value.strip()) or not 7 <= digits <= 15:
            raise base.ValidationError(f"{value!r} is not a phone number")
        return value.strip()


class PlainText(c.Type):
    """Text shown to patients: HTML in it would run or vanish, so it is refused."""

    def __init__(self, **kwargs):
        super().__init__(str, **kwargs)

    def run_validation(self, value):
        value = super().run_validation(value)
        if tag := HTML_TAG.search(value):
            raise base.ValidationError(f"{value!r} holds HTML ({tag.group(0)!r}), which would not show as written")
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
    name = PlainText()
    department = c.Optional(PlainText())
    phone = Phone()
    after_hours_phone = c.Optional(Phone())
    address = c.Optional(PlainText())
    url = c.Optional(WebAddress())
    logo = c.Optional(c.File(exists=True))
    reviewed_by = c.Optional(PlainText())
    reviewed_on = c.Optional(c.Type(dt.date))


FIXES = {
    "name": "give the clinic's name as plain text (no < or >), e.g. name: Riverside Spine Clinic",
    "department": "give the department as plain text (no < or >)",
    "phone": "write the main number with digits, spaces, dashes or brackets, e.g. phone: 412-555-0100",
    "after_hours_phone": "write the after-hours number like the main one, e.g. 412-555-0199",
    "address": "give the address as one line of plain text (no < or >)",
    "url": "give the full web address of the hosted guide, e.g. https://guide.yourclinic.org/",
    "logo": "give the path of an SVG or PNG file inside this repository, relative to the config file",
    "reviewed_by": "give the name of the clinician who reviewed the guide, as plain text (no < or >)",
    "reviewed_on": "give the review date as YYYY-MM-DD, without quotes",
}


def load_clinic(raw, config_file: str) -> dict | None:
    """The clinic's validated details, or None when no clinic is configured."""
    if raw in (None, {}):
        return None
    if not isinstance(raw, dict):
        raise ClinicError(config_file, "", f"must be a mapping, not {raw!r}",
                          "write the clinic's fields indented under extra.clinic")
    schema = ClinicConfig(config_file_path=config_file)
    schema.load_dict(raw)
    errors, warnings = schema.validate()
    for key, message in errors:
        raise ClinicError(config_file, key, str(message).rstrip("."), FIXES.get(key, "check the value"))
    for key, message in warnings:
        if "Unrecognised configuration name" in str(message):
            raise ClinicError(config_file, key, "is not a known field",
                              f"remove it or use one of: {', '.join(FIXES)}")
    clinic = {key: schema[key] for key in FIXES}
    if clinic["logo"]:
        try:
            clinic["logo"] = str(checked_logo(Path(clinic["logo"]), ROOT))
        except LogoError as error:
            raise ClinicError(config_file, "logo", str(error), FIXES["logo"]) from None
    if bool(clinic["reviewed_by"]) != bool(clinic["reviewed_on"]):
        missing = "reviewed_on" if clinic["reviewed_by"] else "reviewed_by"
        raise ClinicError(config_file, missing, "is missing (a clinical review needs both a name and a date)",
                          FIXES[missing])
    return clinic
