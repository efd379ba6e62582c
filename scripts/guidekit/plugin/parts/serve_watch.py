"""`mkdocs serve` rebuilds when a clinic's own files change.

MkDocs watches the docs folder and the one config file it was given. A clinic's preview needs
more: the configs that file INHERITs (for the Spanish edition, mkdocs.es.yml INHERITs the clinic's
file named in GUIDE_BASE_CONFIG), the clinic's section files and its logo. Each rebuild reloads
the whole config, so a changed value shows on the next page load.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from guidekit.plugin.part import Part

INHERIT = re.compile(r"^INHERIT:\s*(.+?)\s*$", re.M)
FROM_ENV = re.compile(r"^!ENV\s*\[\s*(\w+)\s*,\s*['\"]?(.+?)['\"]?\s*\]$")


def inherited(config_file: Path) -> list[Path]:
    """The config files `config_file` INHERITs, nearest first (a plain path, or `!ENV [VAR, default]`)."""
    found: list[Path] = []
    current = config_file
    while current.is_file() and len(found) < 10:
        match = INHERIT.search(current.read_text(encoding="utf-8"))
        if not match:
            break
        value = match[1].strip("'\"")
        if env := FROM_ENV.match(match[1]):
            value = os.environ.get(env[1], env[2])
        current = (current.parent / value).resolve()
        if current in found:
            break
        found.append(current)
    return found


def watched(config: MkDocsConfig) -> list[Path]:
    clinic = config.extra.get("clinic")  # the checked clinic (guidekit.clinic.Clinic), or none
    paths = inherited(Path(config.config_file_path)) if config.config_file_path else []
    paths += [Path(value) for key in ("sections", "logo_source") if (value := getattr(clinic, key, None))]
    return [path for path in paths if path.exists()]


class ServeWatch(Part):
    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        for path in watched(config):
            server.watch(str(path))
        return server
