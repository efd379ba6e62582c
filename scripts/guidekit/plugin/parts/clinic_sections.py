"""Add a clinic's own sections to their pages (see guidekit/clinic_sections.py).

The sections are checked with the rest of the clinic's file when the build
starts (guidekit.clinic: `Clinic.sections_text`), so a bad section stops it
before anything is written; added at the Markdown stage, after the shared
texts (a section gets no snippets) and before the clinic's instructions,
so its emergency number reaches the section too, and before the content check,
which then reads each page as the patient sees it. A phone number in a section
becomes a link a phone can call, written as the clinic's own are; its pictures
are published beside the clinic's logo.
"""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guidekit.clinic import Clinic
from guidekit.clinic_sections import published_pictures
from guidekit.plugin.part import Part

MARKER = "<!-- clinic-sections -->"
# Where a number is already part of a link or an address, it stays as written.
LINKED = re.compile(r"\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\[[^\]]*\]|^\s*\[[^\]]+\]:.*$|https?://\S+|\w+@\S+", re.M)


def with_phone_links(text: str, region: str) -> str:
    """Each phone number in the text as a link a phone can call: "(412) 555-0142" in the
    clinic's country, the international form for another, as the clinic's own numbers are."""
    kept = [match.span() for match in LINKED.finditer(text)]
    found = [
        match
        for match in phonenumbers.PhoneNumberMatcher(text, region)
        if not any(start < match.end and match.start < end for start, end in kept)
    ]
    for match in reversed(found):
        number = match.number
        home = phonenumbers.region_code_for_number(number) == region
        style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if number.extension:
            tel += f";ext={number.extension}"
        link = f"[{phonenumbers.format_number(number, style)}](tel:{tel})"
        text = text[: match.start] + link + text[match.end :]
    return text


def section_with_pictures(clinic: Clinic, name: str) -> tuple[str, dict[str, Path]]:
    """The page's section with its pictures' published paths, and {path in the site: picture}."""
    assert clinic.sections is not None  # a clinic with sections_text has its folder
    folder = Path(clinic.sections).resolve()
    source = folder / name if not clinic.edition_path else folder / clinic.lang / name
    return published_pictures(clinic.sections_text[name], source, folder.parent)


class ClinicSections(Part):
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        clinic: Clinic | None = config.extra.get("clinic")
        if clinic is None:
            return files
        for name in clinic.sections_text:
            for published, picture in section_with_pictures(clinic, name)[1].items():
                files.append(File.generated(config, published, abs_src_path=str(picture)))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        clinic: Clinic | None = config.extra.get("clinic")
        if not clinic or page.file.src_uri not in clinic.sections_text:
            return markdown
        section = with_phone_links(section_with_pictures(clinic, page.file.src_uri)[0], clinic.region)
        if MARKER not in markdown:
            raise PluginError(
                f"{page.file.src_uri}: has no {MARKER} line for the clinic's section. "
                "Fix: add it where clinic sections go (before the summary)"
            )
        return markdown.replace(MARKER, section, 1)
