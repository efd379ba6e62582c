"""MkDocs hook: refuse an output folder that would wipe what the build reads.

MkDocs itself refuses only a site_dir inside docs_dir or around it; a build
into overrides/, scripts/ or a clinic's folder would delete them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guidekit.output_dir import FIX, output_dir_problem

# The repository this hook belongs to, which may be a copy: the installed package's own
# folder is then another repository.
ROOT = Path(__file__).resolve().parents[2]


def on_config(config):
    also_read = [Path(config.docs_dir)]
    clinic = config.extra.get("clinic")
    if isinstance(clinic, dict) and clinic.get("logo_source"):
        also_read.append(Path(clinic["logo_source"]).parent)
    if problem := output_dir_problem(Path(config.site_dir), also_read, [Path(config.config_file_path).parent], ROOT):
        raise PluginError(f"{config.config_file_path}: site_dir: {problem}. Fix: {FIX}")
    return config
