"""MkDocs hook: put the clinic's own instructions where their facts stand, and its emergency number.

A page marks each place a clinic may fill in, with the sentence to use when
the value is set, and keeps its neutral wording between the markers:

    <!-- instruction driving: Your care team's plan: you may drive after **{value}**. -->
    neutral wording (ask your care team; a line to write in on paper)
    <!-- /instruction -->

The guide's text says 911; a clinic's `instructions.emergency_number` (or the
guide's `extra.emergency_number`) replaces it on every page. Done at the
Markdown stage, so the print pages, the PDFs, search and the content check
all see what the patient sees.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from guidekit.instructions import NAMES, written

MARKER = re.compile(r"<!-- instruction (\w+): (.*?) -->(.*?)<!-- /instruction -->", re.S)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
EMERGENCY = re.compile(r"\b911\b")
# Characters Markdown (and its extensions: emoji, attribute lists, marks) would act on.
MARKDOWN_ACTIVE = re.compile(r"[\\`*_{}\[\]()<>#+!|~^=:&\"']")


def as_literal_text(text: str) -> str:
    """The clinic's words exactly as written: each character Markdown would act on becomes an entity."""
    return MARKDOWN_ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", text)


def emergency_number(config) -> str:
    clinic = config.extra.get("clinic") or {}
    return clinic.get("instructions", {}).get("emergency_number") or str(config.extra.get("emergency_number", "911"))


def on_config(config):
    clinic = config.extra.get("clinic")
    if clinic and clinic.get("instructions"):
        words = config.extra["ui"]["instruction_words"]
        clinic["instructions_text"] = written(clinic["instructions"], config.theme["language"], clinic["region"], words)
    config.extra["emergency_number"] = emergency_number(config)
    return config


def on_page_markdown(markdown, page, config, files):
    clinic = config.extra.get("clinic") or {}
    values = clinic.get("instructions_text", {})
    where = page.file.src_uri

    def fill(match: re.Match) -> str:
        name, sentence, neutral = match.groups()
        if name not in NAMES:
            raise PluginError(
                f"{where}: instruction marker '{name}' is not a known instruction. Fix: use one of: {', '.join(NAMES)}"
            )
        if name not in values:
            return neutral
        parts = values[name]

        def part(found: re.Match) -> str:
            key = found.group(1)
            if key not in parts:
                raise PluginError(
                    f"{where}: instruction marker '{name}' uses {{{key}}}, which it does not have. "
                    f"Fix: use {', '.join('{' + p + '}' for p in parts)}"
                )
            return parts[key] if key == "tel" else as_literal_text(parts[key])  # tel: E.164, digits only

        return PLACEHOLDER.sub(part, sentence)

    markdown = MARKER.sub(fill, markdown)
    number = config.extra["emergency_number"]
    return EMERGENCY.sub(number, markdown) if number != "911" else markdown
