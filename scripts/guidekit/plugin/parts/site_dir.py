"""Refuse an output folder that would wipe what the build reads, or anyone's files.

MkDocs itself refuses only a site_dir inside docs_dir or around it; a build
into overrides/, scripts/ or a clinic's folder would delete them, and one
into a folder of other files (a web root, the home folder) would delete those.
Like scripts/build.py, it writes only into a folder that is new, empty or
marked as the build's own, and marks the folder it wrote.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guidekit.clinic import Clinic
from guidekit.output_dir import FIX, mark, output_dir_problem, replace_refusal
from guidekit.plugin.part import Part


class SiteDir(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        also_read = [Path(config.docs_dir)]
        clinic: Clinic | None = config.extra.get("clinic")
        if clinic and clinic.logo_source:
            also_read.append(clinic.logo_source.parent)
        site_dir, home = Path(config.site_dir), [self.build.root]
        if problem := output_dir_problem(site_dir, also_read, home, self.build.root):
            raise PluginError(f"{config.config_file_path}: site_dir: {problem}. Fix: {FIX}")
        if refusal := replace_refusal(site_dir, "site_dir"):  # before MkDocs empties it
            raise PluginError(f"{config.config_file_path}: {refusal.problem}. Fix: {refusal.fix}")
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        mark(Path(config.site_dir))
