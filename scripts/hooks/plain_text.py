"""MkDocs hook: refuse HTML in the config and front-matter values Material prints unescaped.

Material's templates write site_name, site_description, site_author and a
page's front-matter title, description and author into the page as they
are (MkDocs' Jinja does not escape). Our own templates escape every value;
these stay plain text so that no value can add markup or break an attribute.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

MARKUP = re.compile(r'[<>"]')
CONFIG_TEXT = ("site_name", "site_description", "site_author")
FRONT_MATTER_TEXT = ("title", "description", "author")
FIX = 'write plain text, without <, > or " (use \u201c \u201d for quotation marks)'


def on_config(config):
    for key in CONFIG_TEXT:
        value = config.get(key)
        if isinstance(value, str) and MARKUP.search(value):
            raise PluginError(f"{config.config_file_path}: {key}: {value!r} holds markup characters. Fix: {FIX}")
    return config


def on_page_markdown(markdown, page, config, files):
    for key in FRONT_MATTER_TEXT:
        value = page.meta.get(key)
        if isinstance(value, str) and MARKUP.search(value):
            raise PluginError(
                f"{page.file.abs_src_path}: front matter '{key}': {value!r} holds markup characters. Fix: {FIX}"
            )
    return markdown
