"""The Spanish edition is the English config with its own words: same extensions and plugins,
built on top of whichever config GUIDE_BASE_CONFIG names, with no config file written."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from guidekit.editions import BASE_CONFIG, base_config_env, editions_for
from helpers import ROOT

# The settings a language may change; anything else in markdown_extensions or plugins must match.
PER_LANGUAGE = {
    "markdown_extensions": {"pymdownx.snippets": {"auto_append"}},  # the abbreviations in that language
    "plugins": {"search": {"lang", "separator"}, "print-site": {"print_page_title", "toc_title"}},
}


def raw_config(name: str) -> dict:
    """The file's own settings, without what it INHERITs (yaml_load given text leaves INHERIT alone)."""
    return yaml_load((ROOT / name).read_text(encoding="utf-8"))


def by_name(entries: list) -> dict[str, dict]:
    """[name or {name: options}] -> {name: options}, in order."""
    return {
        next(iter(e)) if isinstance(e, dict) else e: (next(iter(e.values())) or {}) if isinstance(e, dict) else {}
        for e in entries
    }


def shared_part(section: str, entries: list) -> dict[str, dict]:
    allowed = PER_LANGUAGE[section]
    return {
        name: {key: value for key, value in options.items() if key not in allowed.get(name, set())}
        for name, options in by_name(entries).items()
    }


def test_spanish_config_has_the_english_extensions_and_plugins():
    english, spanish = raw_config("mkdocs.yml"), raw_config("mkdocs.es.yml")
    for section in PER_LANGUAGE:
        assert list(by_name(spanish[section])) == list(by_name(english[section])), section
        assert shared_part(section, spanish[section]) == shared_part(section, english[section]), section


def test_overlay_builds_on_the_config_the_variable_names(monkeypatch):
    before = sorted(p.name for p in ROOT.iterdir())
    editions = editions_for(ROOT / "mkdocs.example-clinic.yml")
    assert [(e.lang, e.config, e.subdir) for e in editions] == [
        ("en", ROOT / "mkdocs.example-clinic.yml", ""),
        ("es", ROOT / "mkdocs.es.yml", "es"),
    ]
    monkeypatch.setenv(BASE_CONFIG, base_config_env(ROOT / "mkdocs.example-clinic.yml")[BASE_CONFIG])
    clinic_es = load_config(str(ROOT / "mkdocs.es.yml"))
    assert clinic_es.extra["clinic"]["name"]["es"] == "Maple Hollow Spine Clinic (ejemplo)"
    assert clinic_es.theme["language"] == "es" and clinic_es.docs_dir == str(ROOT / "docs" / "es")
    monkeypatch.delenv(BASE_CONFIG)
    neutral_es = load_config(str(ROOT / "mkdocs.es.yml"))  # unset: the neutral guide, as `mkdocs serve` shows it
    assert neutral_es.extra["clinic"] == {} and neutral_es.theme["language"] == "es"
    assert sorted(p.name for p in ROOT.iterdir()) == before  # nothing written beside the configs
