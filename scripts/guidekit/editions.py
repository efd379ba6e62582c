"""The guide's editions: the base config (English, or a clinic's file) and one
overlay config per other language (mkdocs.es.yml), applied on top of it.

Each overlay starts with `INHERIT: !ENV [GUIDE_BASE_CONFIG, mkdocs.yml]`, so the
same file builds on top of whichever config the variable names: the clinic's
details stay in the clinic's one file, and nothing is written to build them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
MANIFEST = ROOT / "scripts" / "required_content.yml"
BASE_CONFIG = "GUIDE_BASE_CONFIG"  # the variable each overlay's INHERIT reads


class EditionError(Exception):
    pass


@dataclass
class Edition:
    lang: str
    config: Path
    subdir: str  # where it goes inside the site: "" or "es"


def overlays(base_lang: str = "en") -> dict[str, Path]:
    """mkdocs.<lang>.yml for each other language of the guide. The languages are the
    manifest's, so a clinic's file named like one (mkdocs.ny.yml) is not taken for one."""
    try:
        languages = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["languages"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise EditionError(
            f"{MANIFEST}: languages: cannot be read ({error}). Fix: list the guide's languages under languages:"
        ) from None
    found = {}
    for lang in sorted(languages):
        overlay = ROOT / f"mkdocs.{lang}.yml"
        if lang != base_lang and not overlay.is_file():
            raise EditionError(
                f"{MANIFEST}: languages: {lang} has no edition config {overlay.name}. "
                f"Fix: add {overlay.name} (like mkdocs.es.yml) or remove the language"
            )
        if lang != base_lang:
            found[lang] = overlay
    return found


def editions_for(config: Path, base_lang: str = "en") -> list[Edition]:
    """The editions to build from `config`: itself, then each overlay (built with
    base_config_env(config), so that it INHERITs `config`)."""
    return [
        Edition(base_lang, config.resolve(), ""),
        *(Edition(lang, overlay, lang) for lang, overlay in overlays(base_lang).items()),
    ]


def base_config_env(config: Path) -> dict[str, str]:
    """The variable that makes every overlay INHERIT `config` (add it to a build's environment)."""
    return {BASE_CONFIG: str(config.resolve())}
