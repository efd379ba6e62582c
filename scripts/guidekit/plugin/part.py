"""What a part of the guide plugin is, and what the parts of one build share.

A part is one thing the build does (check the clinic's file, put the warning signs into the
pages, write the Content-Security-Policy...). Its event methods are MkDocs' plugin events, with
MkDocs' own arguments; the plugin calls them in the order guidekit/plugin/order.py gives.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guidekit.manifest import Manifest, ManifestError, load_manifest


class Build:
    """What the parts of one build (one edition) share, set once when it starts. Read-only:
    what a part works out for the others goes where the templates read it too (config.extra)."""

    def __init__(self, config: MkDocsConfig, manifest: Path, changelog: Path, serving: bool) -> None:
        self.config_file = Path(config.config_file_path)
        # The repository being built: the folder of its config (a clinic's file sits beside
        # mkdocs.yml). It may be a copy, whose data the build reads, not the package's own folder.
        self.root = self.config_file.parent.resolve()
        self.lang: str = config.theme["language"]
        self.manifest_path = manifest
        self.changelog = changelog
        self.serving = serving  # `mkdocs serve`: its live-reload script is inline and new on every start

    @functools.cached_property
    def manifest(self) -> Manifest:
        """The content manifest as written (911 for the emergency number), read once per build:
        the clinic's checks and the content check share it."""
        try:
            return load_manifest(self.manifest_path)
        except ManifestError as error:
            raise PluginError(f"content manifest: {error}") from None


class Part:
    """One thing the build does, at the MkDocs events it defines (`on_config`, `on_page_markdown`...).
    A new one is made for each build, so what it keeps (pages it has seen) starts empty."""

    def __init__(self, build: Build) -> None:
        self.build = build
