"""The theme and print-site pieces we copied or replaced still match the installed versions.

Each override below began as a copy of an upstream file (or replaces one outright).
tests/upstream/ keeps that upstream file as it was when we copied it; when an
update of Material, MkDocs or mkdocs-print-site-plugin changes the installed file,
its test fails, names both files and shows what upstream changed.
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import re
from pathlib import Path

import pytest

from guidekit.handouts import PRINT_SITE_CALLS, PRINT_SITE_SCRIPT
from helpers import ROOT

UPSTREAM_COPIES = Path(__file__).parent / "upstream"

# Our file: (package, the file in the package it copies or replaces).
COPIED = {
    "overrides/main.html": ("material", "templates/main.html"),
    "overrides/404.html": ("material", "templates/404.html"),
    "overrides/partials/search.html": ("material", "templates/partials/search.html"),
    "overrides/partials/palette.html": ("material", "templates/partials/palette.html"),
    "overrides/partials/logo.html": ("material", "templates/partials/logo.html"),
    "overrides/partials/header.html": ("material", "templates/partials/header.html"),
    "overrides/partials/alternate.html": ("material", "templates/partials/alternate.html"),
    "overrides/partials/copyright.html": ("material", "templates/partials/copyright.html"),
    "overrides/partials/javascripts/palette.html": ("material", "templates/partials/javascripts/palette.html"),
    "overrides/sitemap.xml": ("mkdocs", "templates/sitemap.xml"),
    "overrides/print/cover.html": ("mkdocs_print_site_plugin", "templates/cover_page.tpl"),
}


def installed(package: str, inner: str) -> Path:
    return Path(str(importlib.resources.files(package).joinpath(inner)))


@pytest.mark.parametrize("ours", sorted(COPIED))
def test_copied_piece_matches_the_installed_upstream(ours):
    package, inner = COPIED[ours]
    recorded = UPSTREAM_COPIES / package / inner
    current = installed(package, inner)
    assert current.is_file(), (
        f"{ours} replaces {package}/{inner}, which the installed {package} no longer has: "
        f"find what took its place, move our change there, and update the record in {Path(__file__).name}."
    )
    was, now = recorded.read_text(encoding="utf-8"), current.read_text(encoding="utf-8")
    if was != now:
        changes = "".join(
            difflib.unified_diff(
                was.splitlines(True),
                now.splitlines(True),
                f"recorded: {recorded.relative_to(ROOT)}",
                f"installed: {current}",
            )
        )
        pytest.fail(
            f"{ours} is our version of {package}/{inner}, and the installed {package} changed that file.\n"
            f"Re-apply our change (the comment at the top of {ours} says what it is) on the new upstream file, "
            f"then copy the new upstream file over {recorded.relative_to(ROOT)}.\nWhat upstream changed:\n{changes}",
            pytrace=False,
        )


def theme_template_dirs() -> list[Path]:
    return [installed("material", "templates"), installed("mkdocs", "templates")]


def test_every_override_of_a_theme_template_is_recorded():
    """A new copy of a Material or MkDocs template gets a drift record, or it would drift unseen."""
    overrides = ROOT / "overrides"
    shadowing = {
        f"overrides/{path.relative_to(overrides).as_posix()}"
        for path in overrides.rglob("*")
        if path.is_file() and any((base / path.relative_to(overrides)).is_file() for base in theme_template_dirs())
    }
    unrecorded = sorted(shadowing - set(COPIED))
    assert not unrecorded, (
        f"{', '.join(unrecorded)} replace(s) a theme template with no drift record: "
        f"copy the upstream file into tests/upstream/ and add it to COPIED in {Path(__file__).name}"
    )


def test_every_upstream_copy_belongs_to_a_record():
    kept = {path.relative_to(UPSTREAM_COPIES).as_posix() for path in UPSTREAM_COPIES.rglob("*") if path.is_file()}
    recorded = {f"{package}/{inner}" for package, inner in COPIED.values()}
    assert kept == recorded, (
        f"tests/upstream/ holds {sorted(kept - recorded)} with no record; missing {sorted(recorded - kept)}"
    )


@pytest.mark.parametrize("ours", ["overrides/main.html", "overrides/404.html"])
def test_blocks_we_fill_are_materials_blocks(ours):
    """A block Material renames or drops would leave our content out of every page, with no error."""
    base = installed("material", "templates/base.html").read_text(encoding="utf-8")
    theirs = set(re.findall(r"{%-? block (\w+)", base))
    missing = sorted(set(re.findall(r"{%-? block (\w+)", (ROOT / ours).read_text(encoding="utf-8"))) - theirs)
    assert not missing, (
        f"{ours} fills the block(s) {', '.join(missing)}, which the installed Material's base.html "
        "no longer has: move what they add to the block that took their place."
    )


# What our scripts and styles rely on inside the installed packages' own code.


def material_asset(pattern: str) -> Path:
    found = sorted(installed("material", "templates/assets").glob(pattern))
    assert len(found) == 1, f"the installed Material has {len(found)} files matching assets/{pattern}, not one"
    return found[0]


def enum_members(source: str, name: str) -> dict[str, int]:
    """The members of a TypeScript enum and their numbers (implicit or written)."""
    body = re.search(rf"enum {name} \{{(.*?)\}}", source, re.S)
    assert body, f"no enum {name}"
    members, number = {}, -1
    for line in body.group(1).splitlines():
        line = re.sub(r"/\*.*?\*/|//.*", "", line).strip().rstrip(",")
        if not line:
            continue
        member, _, value = (part.strip() for part in line.partition("="))
        number = int(value) if value else number + 1
        members[member] = number
    return members


def test_search_query_uses_materials_search_message_numbers():
    """search-query.js reads and writes Material's private worker messages by their numbers."""
    ours_file = ROOT / "docs/assets/javascripts/search-query.js"
    ours = {
        name: int(number)
        for name, number in re.findall(r"\b(SETUP|QUERY|RESULT) = (\d+)", ours_file.read_text(encoding="utf-8"))
    }
    source_map = material_asset("javascripts/bundle.*.min.js.map")
    sources = json.loads(source_map.read_text(encoding="utf-8"))
    message = next(
        text
        for path, text in zip(sources["sources"], sources["sourcesContent"], strict=True)
        if path.endswith("search/worker/message/index.ts")
    )
    theirs = enum_members(message, "SearchMessageType")
    assert ours and all(theirs.get(name) == number for name, number in ours.items()), (
        f"docs/assets/javascripts/search-query.js numbers Material's search messages {ours}, but the installed "
        f"Material's SearchMessageType ({source_map.name}, search/worker/message/index.ts) is {theirs}: "
        "update the numbers in search-query.js, and check that the messages still carry the same data."
    )


# The fields of Material's search messages that search-query.js reads or writes, by the TypeScript
# file (in the installed bundle's or search worker's source map) and type that declare them.
SEARCH_MESSAGE_SHAPES = {
    # postMessage: the setup's index config (separator, lang); a query is a string, rewritten.
    ("search/worker/message/index.ts", "SearchSetupMessage"): {
        "type": "SearchMessageType.SETUP",
        "data": "SearchIndex",
    },
    ("search/worker/message/index.ts", "SearchQueryMessage"): {"type": "SearchMessageType.QUERY", "data": "string"},
    # dispatchEvent: a result's items, grouped, each with its terms (some deleted: keepTypedTerms).
    ("search/worker/message/index.ts", "SearchResultMessage"): {
        "type": "SearchMessageType.RESULT",
        "data": "SearchResult",
    },
    ("search/config/index.ts", "SearchIndex"): {"config": "SearchConfig", "docs": "SearchDocument[]"},
    ("search/config/index.ts", "SearchConfig"): {
        "lang": "string[]",
        "separator": "string",
        "fields": "Record<string, SearchField>",  # the keywords and spellings fields of the search parts
    },
    # What the search parts write into the index (guidekit/plugin/parts/search_index.py checks it on the file).
    ("search/config/index.ts", "SearchDocument"): {"location": "string", "title": "string", "text": "string"},
    ("search/_/index.ts", "SearchResult"): {"items": "SearchItem[][]"},
    ("search/_/index.ts", "SearchItem"): {"terms": "SearchQueryTerms"},
}
SEARCH_TYPES = {("search/query/_/index.ts", "SearchQueryTerms"): "Record<string, boolean>"}


def material_sources() -> dict[str, str]:
    """The TypeScript sources of the installed bundle and search worker, by path (from their source maps)."""
    found = {}
    for pattern in ("javascripts/bundle.*.min.js.map", "javascripts/workers/search.*.min.js.map"):
        sources = json.loads(material_asset(pattern).read_text(encoding="utf-8"))
        found.update(zip(sources["sources"], sources["sourcesContent"], strict=True))
    return found


def source_of(sources: dict[str, str], ending: str) -> str:
    found = [text for path, text in sources.items() if path.endswith("/integrations/" + ending)]
    assert len(found) == 1, f"the installed Material's source maps have {len(found)} integrations/{ending}"
    return found[0]


def interface_fields(source: str, name: str) -> dict[str, str]:
    """The fields of a TypeScript interface and their types (comments left out)."""
    body = re.search(rf"interface {name}\b[^{{]*\{{(.*?)\n\}}", source, re.S)
    assert body, f"no interface {name}"
    fields = {}
    for line in re.sub(r"/\*.*?\*/|//.*", "", body.group(1)).splitlines():
        field, _, kind = line.strip().partition(":")
        if kind:
            fields[field.strip()] = " ".join(kind.split())
    return fields


def test_search_query_relies_on_materials_search_message_shapes():
    """search-query.js reads message.data.config.{separator,lang} of the setup, writes a query as a string,
    and reads result.items[][].terms: a change in the shape of those messages fails here, not silently
    in a patient's search (the numbers are checked above)."""
    sources = material_sources()
    changed = []
    for (file, name), ours in SEARCH_MESSAGE_SHAPES.items():
        theirs = interface_fields(source_of(sources, file), name)
        changed += [
            f"{name}.{field}: {kind} -> {theirs.get(field, 'gone')}"
            for field, kind in ours.items()
            if theirs.get(field) != kind
        ]
    for (file, name), kind in SEARCH_TYPES.items():
        found = re.search(rf"type {name} = (.*)", source_of(sources, file))
        if not found or found.group(1).strip() != kind:
            changed.append(f"{name}: {kind} -> {found.group(1).strip() if found else 'gone'}")
    # The worker hands a query's data to its search as it is, and answers with its result as the data.
    worker = source_of(sources, "search/worker/main/index.ts")
    for step in (
        "await setupSearchLanguages(message.data.config)",
        "const query = message.data",
        "data: index.search(query)",
    ):
        if step not in worker:
            changed.append(f"the worker no longer does {step!r}")
    assert not changed, (
        "docs/assets/javascripts/search-query.js relies on the shape of Material's search worker messages, and the "
        f"installed Material changed it: {'; '.join(changed)}. Update search-query.js (readSetup, postMessage, "
        "dispatchEvent, keepTypedTerms), the search parts if SearchDocument changed, then SEARCH_MESSAGE_SHAPES."
    )


def test_search_worker_stand_in_finds_materials_search_worker():
    """The stand-in knows Material's search worker by the address in #__config, written before the scripts."""
    base = installed("material", "templates/base.html").read_text(encoding="utf-8")
    config, scripts = base.find("{% block config %}"), base.find("{% block scripts %}")
    sources = json.loads(material_asset("javascripts/bundle.*.min.js.map").read_text(encoding="utf-8"))
    starts_worker = any("setupSearchWorker(config.search" in text for text in sources["sourcesContent"])
    assert 0 <= config < scripts and '"search":' in base[config:scripts] and starts_worker, (
        'overrides/partials/javascripts/search-worker.html holds back only the worker at #__config\'s "search" '
        "address, but the installed Material's base.html no longer writes it before the scripts block, or its "
        "bundle no longer starts the search worker from it: find how Material now names its search worker, "
        "and match that in search-worker.html."
    )


def test_palette_script_finds_materials_storage_and_switching_style():
    """palette.html stores the reader's choice with Material's __md_get/__md_set, and
    turns transitions off with the attribute Material's stylesheet watches."""
    storage = installed("material", "templates/partials/javascripts/base.html").read_text(encoding="utf-8")
    stylesheet = material_asset("stylesheets/palette.*.min.css").read_text(encoding="utf-8")
    assert "__md_get=" in storage and "__md_set=" in storage, (
        "overrides/partials/javascripts/palette.html calls __md_get and __md_set, which the installed Material's "
        "partials/javascripts/base.html no longer defines: use what replaced them."
    )
    assert "[data-md-color-switching]" in stylesheet, (
        "overrides/partials/javascripts/palette.html sets data-md-color-switching so Material's stylesheet turns "
        "transitions off while the palette changes, and the installed stylesheet no longer knows it."
    )


def test_guide_css_opens_the_drawer_as_material_does():
    """guide.css slides the menu drawer in, on focus, by Material's own breakpoint and width."""
    ours = (ROOT / "docs/assets/css/guide.css").read_text(encoding="utf-8")
    width, shift = re.search(
        r"@media screen and \(max-width: ([\d.]+)em\) \{\s*\.md-sidebar--primary:focus-within"
        r" \{[^}]*translateX\(([\d.]+)rem\)",
        ours,
    ).groups()
    stylesheet = material_asset("stylesheets/main.*.min.css")
    css = stylesheet.read_text(encoding="utf-8")
    rule = "[data-md-toggle=drawer]:checked~.md-container .md-sidebar--primary{"
    at = css.find(rule)
    body = css[at : css.find("}", at)] if at >= 0 else ""
    their_shift = re.search(r"translateX\(([\d.]+)rem\)", body)
    their_width = re.findall(r"@media screen and \(max-width:([\d.]+)em\)\{", css[:at]) if at >= 0 else []
    assert (
        their_shift
        and their_width
        and their_shift.group(1) == shift
        and round(float(their_width[-1]), 4) == float(width)
    ), (
        f"docs/assets/css/guide.css opens the drawer below {width}em by translateX({shift}rem), as the installed "
        f"Material's {stylesheet.name} did; it now does it differently ({rule}...): "
        "copy Material's new numbers into guide.css."
    )


def test_handouts_call_print_sites_own_functions():
    """The build runs print-site's script and calls the functions print-site itself calls on its page."""
    script = installed("mkdocs_print_site_plugin", PRINT_SITE_SCRIPT).read_text(encoding="utf-8")
    plugin = installed("mkdocs_print_site_plugin", "plugin.py").read_text(encoding="utf-8")
    ours = re.findall(r"(\w+)\(\);", PRINT_SITE_CALLS)
    missing = [name for name in ours if not re.search(rf"function {name}\(", script) or f"{name}();" not in plugin]
    assert ours and not missing, (
        f"scripts/guidekit/handouts.py calls {', '.join(missing)} from mkdocs_print_site_plugin/{PRINT_SITE_SCRIPT} "
        "for the complete guide's table of contents, and the installed print-site no longer defines or calls it "
        "on its page: call what print-site's plugin.py now calls (its js_calls)."
    )


# The inline scripts and styles the policy allows (scripts/guidekit/known_code.py).


def test_each_recorded_inline_script_is_still_what_the_installed_upstream_writes():
    from guidekit.known_code import MATERIAL_SCRIPTS, PRINT_SITE_CALLS, PRINT_SITE_SCRIPT

    for script in (*MATERIAL_SCRIPTS, PRINT_SITE_SCRIPT):
        package, inner = script.origin.split("/", 1)
        assert script.template in installed(package, inner).read_text(encoding="utf-8"), (
            f"{script.name}: the installed {script.origin} no longer writes the script recorded in "
            "scripts/guidekit/known_code.py: copy its new text there (the parts that vary as slots)."
        )
    plugin = installed("mkdocs_print_site_plugin", "plugin.py").read_text(encoding="utf-8")
    calls = set(re.findall(r'js_calls \+?= "(\w+)\(\);"', plugin))
    assert calls and calls <= set(PRINT_SITE_CALLS), (
        f"print-site's plugin.py now calls {sorted(calls - set(PRINT_SITE_CALLS))} on its print page: "
        "add them to PRINT_SITE_CALLS in scripts/guidekit/known_code.py"
    )


def test_print_sites_inline_style_is_still_written_as_recorded():
    from guidekit.known_code import PRINT_SITE_STYLE_ORIGIN, PRINT_SITE_STYLE_SOURCES

    package, inner = PRINT_SITE_STYLE_ORIGIN.split("/", 1)
    renderer = installed(package, inner).read_text(encoding="utf-8")
    missing = [source for source in PRINT_SITE_STYLE_SOURCES if source not in renderer]
    assert not missing, (
        f"the installed {PRINT_SITE_STYLE_ORIGIN} no longer writes {missing}: update PRINT_SITE_STYLE_SOURCES "
        "and PRINT_SITE_STYLE_LINE in scripts/guidekit/known_code.py to what it writes now"
    )


def test_only_the_recorded_templates_of_ours_hold_inline_code():
    """A template of ours with an inline script, style or handler that is not recorded would
    stop the build; this names it before a build does."""
    from guidekit.known_code import OUR_SCRIPTS, our_script

    for path in OUR_SCRIPTS:
        assert our_script(path)
    holding = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "overrides").rglob("*")
        if path.is_file() and re.search(r"<script\b|<style\b|\son[a-z]+\s*=|\sstyle\s*=", path.read_text("utf-8"))
    )
    assert holding == sorted(OUR_SCRIPTS), (
        f"{sorted(set(holding) - set(OUR_SCRIPTS))} hold inline code the policy does not allow: move it to a file "
        "in docs/assets/, or record the template in OUR_SCRIPTS in scripts/guidekit/known_code.py"
    )
