"""MkDocs hook: add a clinic's own sections to their pages (see guidekit/clinic_sections.py).

The sections are checked with the rest of the clinic's file when the build
starts (guidekit.clinic: `Clinic.sections_text`), so a bad section stops it
before anything is written; added at the Markdown stage, before the content
check, which then reads each page as the patient sees it.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

MARKER = "<!-- clinic-sections -->"


def on_page_markdown(markdown, page, config, files):
    clinic = config.extra.get("clinic")
    section = clinic.sections_text.get(page.file.src_uri) if clinic else None
    if section is None:
        return markdown
    if MARKER not in markdown:
        raise PluginError(
            f"{page.file.src_uri}: has no {MARKER} line for the clinic's section. "
            "Fix: add it where clinic sections go (before the summary)"
        )
    return markdown.replace(MARKER, section, 1)
