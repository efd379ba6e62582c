"""MkDocs hook: refuse an output folder that would wipe what the build reads,
or anyone's files.

MkDocs itself refuses only a site_dir inside docs_dir or around it; a build
into overrides/, scripts/ or a clinic's folder would delete them, and one
into a folder of other files (a web root, the home folder) would delete those.
Like scripts/build.py, it writes only into a folder that is new, empty or
marked as the build's own, and marks the folder it wrote.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guidekit.output_dir import FIX, mark, output_dir_problem, replace_refusal

# The repository this hook belongs to, which may be a copy: the installed package's own
# folder is then another repository.
ROOT = Path(__file__).resolve().parents[2]


def on_config(config):
    also_read = [Path(config.docs_dir)]
    clinic = config.extra.get("clinic")
    if clinic and clinic.logo_source:  # guidekit.clinic.Clinic
        also_read.append(clinic.logo_source.parent)
    if problem := output_dir_problem(Path(config.site_dir), also_read, [Path(config.config_file_path).parent], ROOT):
        raise PluginError(f"{config.config_file_path}: site_dir: {problem}. Fix: {FIX}")
    if refusal := replace_refusal(Path(config.site_dir), "site_dir"):  # before MkDocs empties it
        raise PluginError(f"{config.config_file_path}: {refusal.problem}. Fix: {refusal.fix}")
    return config


def on_post_build(config):
    mark(Path(config.site_dir))
