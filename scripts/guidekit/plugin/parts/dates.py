"""The guide's edition and review dates, written out in the guide's language
("November 24, 2026", "24 de noviembre de 2026") with Babel, which Material already depends on.

The edition is the newest release in CHANGELOG.md (the plugin's `changelog` option), so the
number printed on every page and handout is the one the changelog explains: that heading is the
one place the edition is written. A clinic's `approved_edition` is compared with
it here (an edition the guide has not reached stops the build), and the About
page says which edition the clinic's reviewer approved. A review is due
`review_every_months` after it was done (the guide's in `extra`, a clinic's
in `extra.clinic`, read by guidekit.clinic; a year unless set). The print cover is rendered by
print-site outside the theme, so dates are formatted here into the config and
page data, not with a template filter.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.clinic import Clinic, review_due
from guidekit.plugin.part import Part
from guidekit.review_date import future_review
from guidekit.signoff import EDITION_FORM, about_sentence, newer_than_guide

RELEASE = re.compile(rf"^## \[({EDITION_FORM})\] - (\d{{4}}-\d\d-\d\d)\s*$", re.M)
EDITION_MARKER = "<!-- guide-edition -->"


def long_date(value: dt.date, language: str) -> str:
    return format_date(value, format="long", locale=language)


def current_edition(changelog: Path) -> str:
    found = RELEASE.search(changelog.read_text(encoding="utf-8")) if changelog.is_file() else None
    if not found:
        raise PluginError(
            f"{changelog}: no release heading like '## [2.0.0] - 2026-11-27'. "
            "Fix: add the edition to the changelog (Keep a Changelog form)."
        )
    return found.group(1)


def guide_reviewed(value: object, guide_config: Path) -> dt.date:
    """The day the guide was last checked against its sources: a date, and not one still to come."""
    fix = "give the day the guide was checked against its sources, as YYYY-MM-DD, today or earlier"
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise PluginError(f"{guide_config}: extra.guide_reviewed: {value} is not a date. Fix: {fix}")
    if problem := future_review(value):
        raise PluginError(f"{guide_config}: extra.guide_reviewed: {problem}. Fix: {fix}")
    return value


def edition_line(config: MkDocsConfig) -> str:
    """The guide's edition and review dates, in the edition's words."""
    extra = config.extra
    line: str = extra["ui"]["edition_line"].format(
        edition=extra["guide_edition"], reviewed=extra["guide_reviewed_text"], due=extra["guide_review_due_text"]
    )
    return line


class Dates(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        language = self.build.lang
        extra = config.extra
        # Set in mkdocs.yml, beside the changelog (a clinic's file may not set it).
        guide_reviewed(extra.get("guide_reviewed"), self.build.changelog.with_name("mkdocs.yml"))
        extra["guide_edition"] = current_edition(self.build.changelog)
        extra["guide_reviewed_text"] = long_date(extra["guide_reviewed"], language)
        extra["guide_review_due"] = review_due(extra["guide_reviewed"], extra.get("review_every_months"))
        extra["guide_review_due_text"] = long_date(extra["guide_review_due"], language)
        clinic: Clinic | None = extra.get("clinic")  # its review dates are its own properties
        if clinic and (problem := newer_than_guide(clinic.file, clinic, extra["guide_edition"])):
            raise PluginError(f"clinic configuration: {problem}")
        return config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        reviewed = page.meta.get("reviewed")
        if isinstance(reviewed, dt.date):
            page.meta["reviewed_text"] = long_date(reviewed, self.build.lang)
        if EDITION_MARKER not in markdown:
            return markdown
        # Escaped: the words come from the config, and Markdown passes HTML through.
        line = html.escape(edition_line(config), quote=False)
        if review := about_sentence(config.extra["ui"], config.extra.get("clinic"), config.extra["guide_edition"]):
            line += " " + review
        return markdown.replace(EDITION_MARKER, line)
