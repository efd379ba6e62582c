"""MkDocs hook: refuse an output folder that would wipe what the build reads.

MkDocs itself refuses only a site_dir inside docs_dir or around it; a build
into overrides/, scripts/ or a clinic's folder would delete them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guidekit.output_dir import FIX, output_dir_problem  # noqa: E402


def on_config(config):
    also_read = [Path(config.docs_dir)]
    clinic = config.extra.get("clinic")
    if isinstance(clinic, dict) and clinic.get("logo_source"):
        also_read.append(Path(clinic["logo_source"]).parent)
    if problem := output_dir_problem(Path(config.site_dir), also_read, [Path(config.config_file_path).parent]):
        raise PluginError(f"{config.config_file_path}: site_dir: {problem}. Fix: {FIX}")
    return config
