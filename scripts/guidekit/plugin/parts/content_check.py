"""Refuse to build a guide that is missing required content.

Runs the same check as scripts/check_content.py, on each page as this build
made it (a clinic's instructions and sections in), after every page is made
and before any is written, so `mkdocs build` and `mkdocs serve` never show a
guide with a fact missing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.content_report import check
from guidekit.manifest import Manifest, ManifestError, for_emergency_number
from guidekit.markdown_text import FRONT_MATTER
from guidekit.plugin.part import Build, Part

log = logging.getLogger("mkdocs.plugins.guide.content_check")


class ContentCheck(Part):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        # Each page as the patient sees it: after the clinic's instructions and sections are in.
        self.built_pages: dict[str, str] = {}
        self.manifest: Manifest | None = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """The manifest with this build's pages folder and emergency number (911 unless set): a
        manifest without this edition's language stops the build before any page is read."""
        manifest = self.build.manifest
        lang = self.build.lang
        if lang not in manifest.languages:
            error = ManifestError(
                manifest.path,
                "languages",
                lang,
                "this build's theme.language has no entry",
                "add the language to the manifest",
            )
            raise PluginError(f"content manifest: {error}")
        self.manifest = for_emergency_number(manifest, str(config.extra.get("emergency_number", "911")))
        self.manifest.languages[lang].path = Path(config["docs_dir"])

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Every published page is one the check covers: a page outside the manifest
        would reach readers with neither its facts nor its reading level checked."""
        checked = {spec.file for spec in self.build.manifest.pages.values()}
        unchecked = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in checked)
        if unchecked:
            docs = Path(config["docs_dir"])
            raise PluginError(
                f"{', '.join(str(docs / uri) for uri in unchecked)}: would be published without the content and "
                f"reading checks. Fix: add it under pages: in {self.build.manifest_path} (its file and sections in "
                "every language), or list it under exclude_docs: in mkdocs.yml"
            )
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        front = FRONT_MATTER.match(page.file.content_string)
        # The front matter back on top (the check reads `reviewed:`), so lines keep their numbers.
        self.built_pages[page.file.src_uri] = (front.group(0) if front else "") + markdown
        return markdown

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """After every page is made and before any is written: the check runs on what the build made."""
        assert self.manifest is not None  # set in on_pre_build
        lang = self.build.lang
        try:
            findings = check(self.manifest, [lang], self.built_pages)
        except ManifestError as error:
            raise PluginError(f"content manifest: {error}") from None
        failed = [f for f in findings if not f.ok]
        if failed:
            lines = "\n".join(f"  {f.kind} {f.id} ({f.file}): {f.detail}" for f in failed)
            raise PluginError(
                f"content check failed, {len(failed)} item(s) missing or failing:\n{lines}\n"
                "Run scripts/check_content.py for the full report."
            )
        log.info("content check (%s): all %d required items present", lang, len(findings))
        return env
