"""The guide plugin's options, as MkDocs validates them (mkdocs.yml, under `plugins: - guide:`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuideConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ has no types
    """Paths are relative to the config file, as MkDocs reads every path of it."""

    # The content manifest: the pages, sections, facts and reading levels every build is checked for.
    manifest = c.File(exists=True, default="scripts/required_content.yml")
    # The guide's editions: the newest release heading is the edition printed on every page and PDF.
    # Not required to exist here: the dates part says what a changelog must hold.
    changelog = c.File(exists=False, default="CHANGELOG.md")
