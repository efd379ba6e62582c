"""MkDocs hook: review dates written out in the guide's language ("November 24, 2026",
"24 de noviembre de 2026"), with Babel, which Material already depends on.

The print cover is rendered by print-site outside the theme, so dates are
formatted here into the config and page data, not with a template filter.
"""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def long_date(value: dt.date, language: str) -> str:
    return format_date(value, format="long", locale=language)


def on_config(config):
    language = config.theme["language"]
    config.extra["guide_reviewed_text"] = long_date(config.extra["guide_reviewed"], language)
    clinic = config.extra.get("clinic")
    if clinic and clinic.get("reviewed_on"):
        clinic["reviewed_on_text"] = long_date(clinic["reviewed_on"], language)
    return config


def on_page_markdown(markdown, page, config, files):
    reviewed = page.meta.get("reviewed")
    if isinstance(reviewed, dt.date):
        page.meta["reviewed_text"] = long_date(reviewed, config.theme["language"])
    return markdown
