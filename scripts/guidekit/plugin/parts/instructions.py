"""Put the clinic's own instructions where their facts stand, and its emergency number.

A page marks each place a clinic may fill in, with the sentence to use when
the value is set, and keeps its neutral wording between the markers (the
markers' rules: guidekit.instructions.fill_markers):

    <!-- instruction driving: You may drive again **{value}** after your procedure. -->
    neutral wording (ask your care team; a line to write in on paper)
    <!-- /instruction -->

The guide's text says 911; a clinic's `instructions.emergency_number` (or the
guide's `extra.emergency_number`) replaces it on every page. Done at the
Markdown stage, so the print pages, the PDFs, search and the content check
all see what the patient sees.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.clinic import Clinic
from guidekit.instructions import MarkerError, fill_markers
from guidekit.plugin.part import Part

EMERGENCY = re.compile(r"\b911\b")


def emergency_number(config: MkDocsConfig) -> str:
    clinic: Clinic | None = config.extra.get("clinic")
    return (clinic and clinic.emergency_number) or str(config.extra.get("emergency_number", "911"))


class Instructions(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra["emergency_number"] = emergency_number(config)
        return config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        clinic: Clinic | None = config.extra.get("clinic")
        texts = clinic.instruction_texts(config.extra["ui"]["instruction_words"]) if clinic else {}
        try:
            markdown = fill_markers(
                markdown, texts, clinic.phone_number if clinic else None, clinic.after_hours if clinic else None
            )
        except MarkerError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        number: str = config.extra["emergency_number"]
        return EMERGENCY.sub(number, markdown) if number != "911" else markdown
