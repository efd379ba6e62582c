"""The guide plugin: its parts run in the order guidekit/plugin/order.py writes, at the places among
the other plugins' steps that order says, and a part out of its place makes the build go wrong
(here, and for the search parts in tests/test_upstream_points.py). The builds are MkDocs' own, run
in this process with the real config."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

import guidekit.manifest
from conftest import ROOT, copy_project
from guidekit.plugin import GuidePlugin
from guidekit.plugin.order import LAST, ORDER, Order, Stage, only, order_problems, swapped
from guidekit.plugin.part import Part
from guidekit.plugin.parts.clinic import ClinicSettings
from guidekit.plugin.parts.clinic_sections import ClinicSections
from guidekit.plugin.parts.content_check import ContentCheck
from guidekit.plugin.parts.dates import Dates
from guidekit.plugin.parts.instructions import Instructions
from guidekit.plugin.parts.plain_text import PlainText
from guidekit.plugin.parts.print_sources import PrintSources
from guidekit.plugin.parts.search_keywords import SearchKeywords
from guidekit.plugin.parts.search_spellings import SearchSpellings
from guidekit.plugin.parts.security_policy import SecurityPolicy
from guidekit.plugin.parts.shared_text import SharedText
from guidekit.plugin.parts.site_dir import SiteDir
from guidekit.plugin.parts.tasklist_labels import TasklistLabels


def position(order: Order, event: str, part: type[Part]) -> tuple[int, int]:
    """When the part runs at the event: higher priority first, then the order within the stage."""
    [found] = [(-stage.priority, stage.parts.index(part)) for stage in order[event] if part in stage.parts]
    return found


@contextmanager
def running(config: MkDocsConfig, order: Order) -> Iterator[GuidePlugin]:
    """The config's guide plugin with another order, for one build. MkDocs keeps one plugin for the
    whole process, so it gets its own order back."""
    plugin = config.plugins["guide"]
    assert isinstance(plugin, GuidePlugin)
    kept, plugin.order = plugin.order, order
    try:
        yield plugin
    finally:
        plugin.order = kept


# --- the order as written ----------------------------------------------------------------------------


def test_every_part_is_listed_once_at_each_event_it_handles():
    assert order_problems(ORDER) == []
    without = only(ORDER, {ContentCheck})
    without["page_markdown"] = [Stage(0, ())]  # the check would never see a page
    assert order_problems(without) == ["ContentCheck has on_page_markdown, and is listed 0 times at 'page_markdown'"]


RULES = [
    # The config: its values checked for markup first; the clinic, before what reads it.
    ("config", PlainText, ClinicSettings),
    ("config", ClinicSettings, Instructions),  # the clinic's emergency number
    ("config", ClinicSettings, SiteDir),  # the clinic's logo folder, which the build reads
    ("config", ClinicSettings, Dates),  # its approved edition against the guide's
    # A page's Markdown: the shared texts, then the clinic's sections (they get no snippets), then its
    # instructions and number (its sections' too); the content check last, on the page as made.
    ("page_markdown", SharedText, ClinicSections),
    ("page_markdown", ClinicSections, Instructions),
    *(("page_markdown", part, ContentCheck) for part in (ClinicSettings, SharedText, ClinicSections, Instructions)),
    ("files", ClinicSections, ContentCheck),
    ("page_content", TasklistLabels, PrintSources),
    ("post_build", SearchKeywords, SearchSpellings),  # the keywords get their spellings too
]


@pytest.mark.parametrize("event, first, then", RULES, ids=lambda x: getattr(x, "__name__", x))
def test_the_order_keeps_its_rules(event, first, then):
    assert position(ORDER, event, first) < position(ORDER, event, then)


def test_the_policy_is_hashed_last_from_the_finished_pages():
    last = ORDER["post_build"][-1]
    assert last.priority <= LAST and last.parts[-1] is SecurityPolicy
    assert all(stage.priority > last.priority for stage in ORDER["post_build"][:-1])


def events(config: MkDocsConfig, event: str) -> list[str]:
    """Who runs at an event, in MkDocs' order: each plugin by name, the guide's stages by number."""
    names = {id(plugin): name for name, plugin in config.plugins.items()}
    found = []
    for method in config.plugins.events[event]:
        name = names[id(method.__self__)]
        found.append(f"guide#{method.__name__.rsplit('_', 1)[1]}" if name == "guide" else name)
    return found


def test_the_plugin_runs_where_it_must_among_the_other_plugins():
    """Registered by the real config, as MkDocs runs them (mkdocs.yml's plugins: order and the priorities)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    # print-site makes its print page from the config as it finds it (a clinic's site_url comes after).
    assert events(config, "config").index("print-site") < events(config, "config").index("guide#0")
    # The page's HTML is finished before print-site keeps it for the complete guide.
    assert events(config, "page_content") == ["guide#0", "print-site"]
    # print-site keeps the 404 page's own context; the guide's part hands MkDocs a changed copy.
    assert events(config, "template_context") == ["print-site", "guide#0"]
    # The index is written by search, rewritten by the guide, then copied by offline; print-site has
    # written its page before the guide's parts read it, and the policy is hashed last of all.
    post_build = events(config, "post_build")
    assert post_build[-1] == "guide#1"
    for before, after in [
        ("material/search", "guide#0"),
        ("print-site", "guide#0"),
        ("guide#0", "material/offline"),
        ("material/offline", "guide#1"),
    ]:
        assert post_build.index(before) < post_build.index(after), post_build


# --- a part out of its place -------------------------------------------------------------------------


def test_the_check_before_the_clinics_number_fails_the_build(tmp_path, caplog):
    """A clinic whose emergency number is 999 (its guide builds: tests/test_emergency_number.py). With the
    content check before the number is written in, the check reads 911 where its facts say 999."""
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.uk.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Example Spine Clinic\n    region: GB\n"
        '    phone: 020 7946 0018\n    instructions:\n      emergency_number: "999"\n',
        encoding="utf-8",
    )
    config = load_config(str(project / "mkdocs.uk.yml"), site_dir=str(tmp_path / "site"))
    with running(config, swapped(ORDER, "page_markdown", Instructions, ContentCheck)), pytest.raises(Abort):
        build(config)
    assert "content check failed" in caplog.text
    assert "fact SAFE-EMERGENCY (recovery.md)" in caplog.text and "call 999, chest pain" in caplog.text
    assert not (tmp_path / "site").exists()


# --- the manifest -------------------------------------------------------------------------------------


def test_the_manifest_is_read_once_per_build(tmp_path, monkeypatch):
    """The example clinic (its sections, instructions and logo are checked against the manifest, and so
    are its pages): one reading of scripts/required_content.yml serves the whole build."""
    reads = []
    read_yaml = guidekit.manifest._load_yaml

    def counted(path, emergency_number):
        reads.append(path)
        return read_yaml(path, emergency_number)

    monkeypatch.setattr(guidekit.manifest, "_load_yaml", counted)
    config = load_config(str(ROOT / "mkdocs.example-clinic.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert (tmp_path / "site" / "before.html").is_file()
    assert reads == [ROOT / "scripts" / "required_content.yml"]


def plain(value: object) -> object:
    """A manifest as plain data, its patterns as (pattern, flags), to compare two of them."""
    if isinstance(value, re.Pattern):
        return ("pattern", value.pattern, value.flags)
    if isinstance(value, dict):
        return {plain(key): plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [plain(inner) for inner in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


@pytest.mark.parametrize("number", ["911", "999"])
def test_the_builds_emergency_number_in_the_manifest_read_once_is_as_a_new_reading_gives(number):
    """The content check's manifest (its 911s written as the build's number, in memory) is the one
    load_manifest reads from the file with that number, pattern for pattern."""
    path = ROOT / "scripts" / "required_content.yml"
    as_written = guidekit.manifest.load_manifest(path)
    renumbered = guidekit.manifest.for_emergency_number(as_written, number)
    assert plain(renumbered) == plain(guidekit.manifest.load_manifest(path, number))
    assert ("999" in str(plain(renumbered))) == (number == "999")
    assert plain(as_written) == plain(guidekit.manifest.load_manifest(path))  # the one read stays as written
