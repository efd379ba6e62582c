"""A clinic's details, as one typed object: `Clinic`, checked once, read by the plugin's parts and templates.

The schema is this module: FIELDS lists what `extra.clinic` may hold, and each field's
reader below checks its value. A clinic is read for one edition (its language): a text
a clinic may give per language (`department: {en: ..., es: ...}`) is kept in that
language, and an edition whose language is missing stops the build. Everything shown
from it (the phones' tel: links, the logo's address, the review dates in the edition's
words, the web address and its QR code) is a property computed from the checked values.

With no clinic configured the guide stays neutral: "your care team", and
blank lines on paper to write a number in. It never invents a clinic.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from babel.dates import format_date
from dateutil.relativedelta import relativedelta

from .instructions import Duration, Weight, read_instructions, written
from .logo import LogoError, checked_logo
from .manifest import Manifest
from .problems import INVISIBLE_FIX, FieldError, FieldErrors, SettingsError, invisible_problem
from .qr_code import Online, edition_address, online
from .review_date import future_review
from .signoff import EDITION, approval
from .yaml_data import YesNo, not_text

ROOT = Path(__file__).resolve().parent.parent.parent
BASE_LANG = "en"  # a text given once, as plain text, is in the guide's first language
DEFAULT_CYCLE = 12  # months between a clinic's reviews, unless it says

HTML_TAG = re.compile(r"<[^<>]*>|[<>]")
# Characters a web address may hold unencoded, minus quotes, angle brackets,
# backslashes and spaces, which could end an HTML attribute or hide a second address.
URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[A-Za-z0-9\-._~%!$&()*+,;=:@/]*)?$")
HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")

Readable = Callable[[str, str], str]  # (language, text) -> why it reads too hard, or ""


class ClinicError(SettingsError):
    """Every problem in a clinic's settings, one line each: `file: extra.clinic.field: problem. Fix: fix`."""


@dataclass(frozen=True)
class Phone:
    """A number anyone can dial from a tap: `tel` in E.164 form, `text` as the clinic's country writes it."""

    text: str
    tel: str


@dataclass(frozen=True)
class Clinic:
    """The clinic as one edition of the guide shows it: every value checked, texts in the edition's language."""

    file: str  # the clinic's own file, which every message names
    lang: str  # the edition's language
    name: str
    phone_number: Phone
    region: str = "US"
    department: str | None = None
    after_hours: Phone | None = None
    address: str | None = None
    url: str | None = None
    logo_source: Path | None = None  # the checked image in the repository
    logo_text: str | None = None  # the logo's alt text, when the clinic gives its own
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    approved_edition: str | None = None
    review_every_months: int = DEFAULT_CYCLE
    sections: Path | None = None
    sections_text: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    instructions: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    edition_path: str = ""  # where this edition sits on the clinic's site: "" or "es/"

    # --- phones: what templates print, and their tel: links ---------------------------------
    @property
    def phone(self) -> str:
        return self.phone_number.text

    @property
    def phone_tel(self) -> str:
        return self.phone_number.tel

    @property
    def after_hours_phone(self) -> str | None:
        return self.after_hours.text if self.after_hours else None

    @property
    def after_hours_tel(self) -> str | None:
        return self.after_hours.tel if self.after_hours else None

    # --- the logo: published at one address inside the site ----------------------------------
    @property
    def logo(self) -> str | None:
        return f"assets/clinic/logo{self.logo_source.suffix.lower()}" if self.logo_source else None

    def logo_alt(self, logo_of: str) -> str:
        """The logo's text for a screen reader, in the edition's language: the clinic's own, or
        the edition's words for "Logo of" and the clinic's name."""
        return self.logo_text or f"{logo_of} {self.name}"

    # --- the clinic's site: the address of this edition, and its QR code ------------------------
    @property
    def edition_url(self) -> str | None:
        return edition_address(self.url, self.edition_path) if self.url else None

    @functools.cached_property
    def online(self) -> Online | None:
        return online(self.edition_url) if self.edition_url else None

    # --- the clinical review, in the edition's words ------------------------------------------
    @property
    def reviewed_on_text(self) -> str | None:
        return format_date(self.reviewed_on, format="long", locale=self.lang) if self.reviewed_on else None

    @property
    def review_due(self) -> dt.date | None:
        return review_due(self.reviewed_on, self.review_every_months) if self.reviewed_on else None

    @property
    def review_due_text(self) -> str | None:
        due = self.review_due
        return format_date(due, format="long", locale=self.lang) if due else None

    def approval_of(self, guide_edition: str) -> str:
        """How the clinic's sign-off stands against the guide's edition (guidekit.signoff)."""
        return approval(self, guide_edition)

    # --- the instructions, written in the edition's language ------------------------------------
    def instruction_texts(self, words: Mapping[str, str]) -> dict[str, dict[str, str]]:
        return written(dict(self.instructions), self.lang, self.region, dict(words))

    @property
    def emergency_number(self) -> str | None:
        number = self.instructions.get("emergency_number")
        return str(number) if number else None


def review_due(done: dt.date, months: int | None) -> dt.date:
    due: dt.date = done + relativedelta(months=months or DEFAULT_CYCLE)
    return due


# --- the schema: each field, how it is read, and the fix shown when it is wrong --------------------

FIXES = {
    "name": "give the clinic's name as plain text (no < or >) of at most 120 characters,"
    " e.g. name: Riverside Spine Clinic (put the department under department:)",
    "department": "give the department as plain text (no < or >) in each language the guide is built in,"
    " e.g. department: {en: Interventional Radiology, es: Radiología Intervencionista}",
    "region": 'give the clinic\'s two-letter country code, e.g. region: US (the default), GB or ES (Norway: "NO")',
    "phone": "write the main number with its area code, e.g. phone: 412-555-0100, or 412-555-0100 ext. 12",
    "after_hours_phone": "write the after-hours number like the main one, e.g. 412-555-0199",
    "address": "give the address as one line of plain text (no < or >), e.g. address: 1 Main Street, Your Town",
    "url": "give the full web address of the hosted guide, e.g. https://guide.yourclinic.org/",
    "logo": "give the path of an SVG or PNG file inside this repository, relative to the config file",
    "logo_alt": "give the logo's text for screen readers in each language,"
    " e.g. logo_alt: {en: Maple Hollow Spine Clinic logo, es: Logotipo de Maple Hollow Spine Clinic}",
    "reviewed_by": "give the name of the clinician who reviewed the guide, as plain text (no < or >)",
    "reviewed_on": "give the review date as YYYY-MM-DD, e.g. reviewed_on: 2026-12-01",
    "approved_edition": "give the edition the reviewer approved, as the guide's About page shows it,"
    " e.g. approved_edition: 2.1.0",
    "review_every_months": "give how often the clinic reviews the guide, in months, from 1 to 36 (default 12)",
    "instructions": "write each instruction indented under instructions:, e.g. driving: 2 days (see README.md)",
    "instructions.blood_thinner_phone": "write the number with its area code, e.g. blood_thinner_phone: 412-555-0150",
    "sections": "give the folder of the clinic's own sections, relative to this file, e.g. clinics/yours/sections",
}
FIELDS = [key for key in FIXES if "." not in key]
REQUIRED = ("name", "phone")
LONGEST = {"name": 120, "department": 120, "address": 200, "reviewed_by": 120, "logo_alt": 200}
# Names (the clinic's, a street address, a person's) may be one text for every edition; words
# (a department, the logo's description) must be in the edition's language.
NAMES = ("name", "address", "reviewed_by")
WORDS = ("department", "logo_alt")


def quoted_fix(field: str, value: object) -> str:
    return f'put it in quotes, e.g. {field.rsplit(".", 1)[-1]}: "{value}"'


def read_plain(field: str, value: object, longest: int, fix: str) -> str:
    """Plain text shown to patients: HTML in it would run or vanish, so it is refused."""
    if not isinstance(value, str):
        raise FieldError(
            field, not_text(value), quoted_fix(field, value) if isinstance(value, YesNo | int | float) else fix
        )
    text = " ".join(value.split())
    if not text:
        raise FieldError(field, "is empty", fix)
    if tag := HTML_TAG.search(text):
        raise FieldError(field, f"{value!r} holds HTML ({tag.group(0)!r}), which would not show as written", fix)
    if len(text) > longest:
        raise FieldError(field, f"is {len(text)} characters long, more than the {longest} that fit", fix)
    return text


def read_in_language(name: str, value: object, lang: str, languages: list[str], one_for_all: bool) -> str:
    """A text in the edition's language: from `{en: ..., es: ...}`, or plain text, which serves
    every edition for a name and only the first language's for words."""
    fix, longest = FIXES[name], LONGEST[name]
    if isinstance(value, dict):
        for key in value:
            if key not in languages:
                raise FieldError(
                    f"{name}.{key}", "is not a language of the guide", f"use one of: {', '.join(languages)}"
                )
        if lang not in value:
            raise FieldError(
                f"{name}.{lang}", f"is missing: the {lang} edition prints it", f"add the {lang} text under {name}:"
            )
        return read_plain(f"{name}.{lang}", value[lang], longest, fix)
    text = read_plain(name, value, longest, fix)
    if not one_for_all and lang != BASE_LANG:
        raise FieldError(
            name,
            f"is given in one language ({text!r}), and the {lang} edition would print it untranslated",
            fix,
        )
    return text


def read_region(value: object) -> str:
    if isinstance(value, YesNo):  # NO (Norway) is a yes/no value in YAML 1.1
        raise FieldError("region", not_text(value), quoted_fix("region", value.text.upper()))
    if not isinstance(value, str):
        raise FieldError("region", not_text(value), FIXES["region"])
    code = value.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise FieldError("region", f"{value!r} is not a country code the phone library knows", FIXES["region"])
    return code


def read_phone(field: str, value: object, region: str, fix: str = "") -> Phone:
    """A number anyone can dial from a tap: its tel: address in E.164 form, and how to print it
    (national form in the clinic's country, international form for a number elsewhere)."""
    fix = fix or FIXES.get(field, FIXES["phone"])
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(field, f"{not_text(value)}: not a phone number", fix)
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    reason = phonenumbers.is_possible_number_with_reason(number) if number else None
    if number is not None and reason == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        raise FieldError(field, f"{value!r} has no area code, so no phone can dial it from a link", fix)
    if number is None or reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        raise FieldError(field, f"{value!r} is not a phone number", fix)
    if not phonenumbers.is_valid_number(number):
        raise FieldError(
            field,
            f"{value!r} is not a phone number in use in {region}",
            "check the digits, or set region: to the number's country (e.g. region: GB)",
        )
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        tel += f";ext={number.extension}"
    return Phone(phonenumbers.format_number(number, style), tel)


def read_url(value: object) -> str:
    """An absolute http(s) address with a host, and nothing that could make a browser read
    another host from it (`//` in the path, user names, a query)."""
    fix = FIXES["url"]
    if not isinstance(value, str):
        raise FieldError("url", not_text(value), fix)
    if not URL.match(value):
        raise FieldError("url", f"{value!r} is not an http(s) web address without spaces or quotes", fix)
    parts = urlsplit(value)
    host = parts.hostname or ""
    if not host or not all(HOST_LABEL.match(label) for label in host.rstrip(".").split(".")):
        raise FieldError("url", f"{value!r} has no valid host name", fix)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port < 65536:
        raise FieldError("url", f"{value!r} has a port outside 1 to 65535", fix)
    if "//" in parts.path or any(segment in (".", "..") for segment in parts.path.split("/")):
        raise FieldError(
            "url",
            f"{value!r} has // (or a . or .. folder) in its path, which a browser can read as another host",
            fix,
        )
    return value


def read_date(value: object) -> dt.date:
    date = None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, str):
        try:
            date = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if date is None:
        raise FieldError("reviewed_on", f"{value!s} is not a date", FIXES["reviewed_on"])
    if problem := future_review(date):
        raise FieldError("reviewed_on", problem, "give the day the review was done: today or earlier")
    return date


def read_edition(value: object) -> str:
    text = str(value).strip() if isinstance(value, str | int | float) and not isinstance(value, bool) else None
    if text is None or not EDITION.match(text):
        raise FieldError(
            "approved_edition",
            f"{value!s} is not an edition number like the guide's (three numbers: 2.1.0)",
            FIXES["approved_edition"],
        )
    return text


def read_cycle(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 36:
        raise FieldError("review_every_months", f"{value!s} months is outside 1 to 36", FIXES["review_every_months"])
    return value


def read_path(name: str, value: object, config_file: str, kind: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, not_text(value), FIXES[name])
    path = Path(config_file).parent / value.strip()
    if kind == "file" and not path.is_file():
        raise FieldError(name, f"{value!r} isn't an existing file", FIXES[name])
    if kind == "dir" and not path.is_dir():
        raise FieldError(name, f"{value!r} isn't an existing folder", FIXES[name])
    return path


@functools.cache
def readable_for(manifest_path: Path) -> tuple[list[str], Readable, Callable[[str, str], str]]:
    """reading_checks of the manifest at `manifest_path`, read once per process."""
    from .manifest import load_manifest

    return reading_checks(load_manifest(manifest_path))


def reading_checks(manifest: Manifest) -> tuple[list[str], Readable, Callable[[str, str], str]]:
    """The guide's languages, and checks that a clinic's text (an instruction, a section) reads
    at the guide's level in its language: each says why not, or ""."""
    from .markdown_text import parse_page
    from .readability import as_sentences, reading_scores

    languages = manifest.languages

    def verdict(lang: str, sentences: str) -> str:
        language = languages[lang]
        score = reading_scores({"text": sentences}, language.formula)["text"]
        return "" if language.reads_easily(score) else f"{score} {language.formula}, {language.limit_text()}"

    def readable(lang: str, text: str) -> str:
        return verdict(lang, text if text.rstrip().endswith((".", "!", "?")) else text + ".")

    def readable_section(lang: str, markdown: str) -> str:
        return verdict(lang, as_sentences(parse_page(markdown, "section").prose()))

    return list(languages), readable, readable_section


def read_sections(folder: Path, lang: str, root: Path, manifest: Manifest | None = None) -> dict[str, str]:
    """The clinic's checked sections for the edition's language, by the page file they go on.
    `manifest`: the build's, already read (else the repository's is)."""
    from .clinic_sections import SectionError, checked_section, page_ids, section_files, symbolic_link
    from .manifest import load_manifest

    if folder.is_symlink():
        problem, _, fix = str(symbolic_link(folder)).rpartition(". Fix: ")
        raise FieldError("sections", problem, fix)
    if not folder.resolve().is_relative_to(root.resolve()):
        raise FieldError("sections", f"{folder} is outside the repository", "keep the clinic's sections in its folder")
    if manifest is None:
        manifest_path = root / "scripts" / "required_content.yml"
        manifest = load_manifest(manifest_path)
        languages, _, readable_section = readable_for(manifest_path)
    else:
        languages, _, readable_section = reading_checks(manifest)
    specs = {spec.file: spec for spec in manifest.pages.values()}
    from markdown.extensions.toc import slugify

    def ids(name: str) -> dict[str, str]:
        """The page's own ids: a section's heading may not take one."""
        page = manifest.languages[lang].path / name
        return page_ids(page.read_text(encoding="utf-8"), slugify) if page.is_file() else {}

    try:
        files = section_files(folder.resolve(), list(specs), languages)[lang]
        return {
            name: checked_section(
                path,
                specs[name].sections[lang],
                lambda text: readable_section(lang, text),
                ids(name),
                slugify,
                folder.resolve().parent,
            )
            for name, path in files.items()
        }
    except SectionError as error:
        problem, _, fix = str(error).rpartition(". Fix: ")
        raise FieldError("sections", problem, fix) from None


def invisible_fields(value: object, path: str = "") -> list[FieldError]:
    """A FieldError for each text (or key) anywhere in `value` that holds an invisible character."""
    found = []
    if isinstance(value, str):
        if problem := invisible_problem(value):
            found.append(FieldError(path, problem, INVISIBLE_FIX))
    elif isinstance(value, dict):
        for key, inner in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and (problem := invisible_problem(key)):
                found.append(FieldError(where, f"its name {problem}", INVISIBLE_FIX))
            found += invisible_fields(inner, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += invisible_fields(item, f"{path}[{index}]")
    return found


def clinic_problems(
    raw: object,
    config_file: str,
    lang: str,
    root: Path = ROOT,
    edition_path: str = "",
    manifest: Manifest | None = None,
) -> tuple[Clinic | None, list[FieldError]]:
    """The clinic for the edition in `lang`, and every problem found (fields named below extra.clinic).
    `manifest`: the build's, already read (else the repository's is)."""
    if raw in (None, {}):
        return None, []
    if not isinstance(raw, dict):
        return None, [FieldError("", f"{not_text(raw)}, not a set of settings", "write the clinic's fields indented")]
    errors: list[FieldError] = invisible_fields(raw)
    values: dict[str, Any] = {}

    def read(name: str, reader: Callable[[], Any]) -> None:
        try:
            values[name] = reader()
        except FieldError as error:
            errors.append(error)
        except FieldErrors as several:
            errors.extend(several.errors)

    for key in raw:
        if key not in FIELDS:
            errors.append(FieldError(str(key), "is not a known field", f"remove it or use one of: {', '.join(FIELDS)}"))
    for key in REQUIRED:
        if raw.get(key) is None:
            errors.append(FieldError(key, "is missing (it is required)", FIXES[key]))
    manifest_path = root / "scripts" / "required_content.yml"
    languages, readable, _ = reading_checks(manifest) if manifest else readable_for(manifest_path)
    region = "US"
    if "region" in raw:
        read("region", lambda: read_region(raw["region"]))
        region = values.get("region", "US")
    for name in NAMES + WORDS:
        if raw.get(name) is not None:
            read(name, functools.partial(read_in_language, name, raw[name], lang, languages, name in NAMES))
    for name in ("phone", "after_hours_phone"):
        if raw.get(name) is not None:
            read(name, functools.partial(read_phone, name, raw[name], region))
    simple: dict[str, Callable[[object], Any]] = {
        "url": read_url,
        "reviewed_on": read_date,
        "approved_edition": read_edition,
        "review_every_months": read_cycle,
    }
    for name, reader in simple.items():
        if raw.get(name) is not None:
            read(name, functools.partial(reader, raw[name]))
    if raw.get("logo") is not None:

        def logo() -> Path:
            path = read_path("logo", raw["logo"], config_file, "file")
            try:
                return checked_logo(path, root)
            except LogoError as error:
                raise FieldError("logo", str(error), FIXES["logo"]) from None

        read("logo", logo)
    if raw.get("sections") is not None:
        read("sections", lambda: read_path("sections", raw["sections"], config_file, "dir"))
        if "sections" in values:
            read("sections_text", lambda: read_sections(values["sections"], lang, root, manifest))

    def instruction_phone(field: str, text: object) -> Phone:
        return read_phone(field, text, region, FIXES["instructions.blood_thinner_phone"])

    if raw.get("instructions") is not None:
        read(
            "instructions",
            lambda: read_instructions(raw["instructions"], languages, [lang], readable, instruction_phone),
        )
    if raw.get("approved_edition") is not None or (raw.get("reviewed_by") is None) != (raw.get("reviewed_on") is None):
        # An approved edition, too, belongs to a review: by whom, and when.
        for key in ("reviewed_by", "reviewed_on"):
            if raw.get(key) is None:
                errors.append(
                    FieldError(key, "is missing (a clinical review needs both a name and a date)", FIXES[key])
                )
                break
    if errors or "name" not in values or "phone" not in values:
        return None, errors
    clinic = Clinic(
        file=str(config_file),
        lang=lang,
        name=values["name"],
        phone_number=values["phone"],
        region=region,
        department=values.get("department"),
        after_hours=values.get("after_hours_phone"),
        address=values.get("address"),
        url=values.get("url"),
        logo_source=values.get("logo"),
        logo_text=values.get("logo_alt"),
        reviewed_by=values.get("reviewed_by"),
        reviewed_on=values.get("reviewed_on"),
        approved_edition=values.get("approved_edition"),
        review_every_months=values.get("review_every_months", DEFAULT_CYCLE),
        sections=values.get("sections"),
        sections_text=MappingProxyType(values.get("sections_text", {})),
        instructions=MappingProxyType(values.get("instructions", {})),
        edition_path=edition_path,
    )
    return clinic, errors


def load_clinic(
    raw: object, config_file: str, lang: str = "en", root: Path = ROOT, edition_path: str = ""
) -> Clinic | None:
    """The clinic's checked details for the edition in `lang`, or None when no clinic is configured.
    Raises ClinicError with every problem found, one line each. `root` is the repository being
    built, whose logo and manifest apply."""
    clinic, errors = clinic_problems(raw, config_file, lang, root, edition_path)
    if errors:
        raise ClinicError(str(config_file), [error.under("extra.clinic.") for error in errors])
    return clinic


__all__ = ["Clinic", "ClinicError", "Duration", "Phone", "Weight", "load_clinic", "review_due"]
