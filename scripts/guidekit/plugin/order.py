"""When each part of the guide plugin runs: the one place the build's order is written.

For each MkDocs event (https://www.mkdocs.org/dev-guide/plugins/#events) the plugin handles,
its stages: each runs its parts in the order listed, at a priority against the other plugins
(MkDocs runs higher first; the same priority in the order of `plugins:` in mkdocs.yml, where this
plugin comes after search and offline and before print-site, which must be the last). The other
plugins' steps this order depends on:

- Material's search plugin reads each page's HTML in on_page_context (0) and writes
  search/search_index.json in on_post_build (0);
- print-site keeps each page's HTML in on_page_content (0), the 404 page's context in
  on_template_context (0), and writes print_page.html in on_post_build (0), from a page it
  made in on_config (0) with the config as it found it;
- offline copies the search index into search/search_index.js in on_post_build (-100).

`mkdocs serve` tells the plugin so first (on_startup); the parts are made anew when each build
starts (the first stage of on_config), so nothing of the last build stays in them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from mkdocs.plugins import EVENTS

from .part import Part
from .parts.clinic import ClinicSettings
from .parts.clinic_sections import ClinicSections
from .parts.content_check import ContentCheck
from .parts.dates import Dates
from .parts.hreflang import Hreflang
from .parts.instructions import Instructions
from .parts.minify_assets import MinifyAssets
from .parts.not_found import NotFound
from .parts.plain_text import PlainText
from .parts.print_assets import PrintAssets
from .parts.print_sources import PrintSources
from .parts.qr_code import QrCodes
from .parts.search_keywords import SearchKeywords
from .parts.search_repeats import SearchRepeats
from .parts.search_spellings import SearchSpellings
from .parts.security_policy import SecurityPolicy
from .parts.serve_watch import ServeWatch
from .parts.shared_text import SharedText
from .parts.site_dir import SiteDir
from .parts.tasklist_labels import TasklistLabels

FIRST, EARLY, DEFAULT, LATE, LAST = 100, 50, 0, -50, -100  # MkDocs' own names for priorities


@dataclass(frozen=True)
class Stage:
    priority: int
    parts: tuple[type[Part], ...]


Order = Mapping[str, Sequence[Stage]]

ORDER: Final[Order] = {
    # LATE: after print-site has made its print page from the config as written (a clinic's
    # site_url set first would give that page a canonical address). Values first (no markup),
    # then the clinic, which the emergency number, the output folder's check and the dates read.
    "config": (
        Stage(
            LATE,
            (
                PlainText,
                ClinicSettings,
                Instructions,
                SiteDir,
                Dates,
                PrintSources,
                SearchKeywords,
                SearchSpellings,
            ),
        ),
    ),
    "pre_build": (Stage(DEFAULT, (ContentCheck, SearchKeywords, SearchSpellings)),),
    # The clinic's logo and its sections' pictures join the site's files before the check that
    # every published page is one the content check covers.
    "files": (Stage(DEFAULT, (ClinicSettings, ClinicSections, ContentCheck)),),
    # Each page's Markdown, in the order a patient's page is made: its front matter checked,
    # the clinic's contact box, the warning signs (shared texts) in, then the clinic's sections
    # (after the shared texts: a section gets no snippets), then its instructions and emergency
    # number (its sections included), the dates; last, the content check keeps the page as made.
    "page_markdown": (
        Stage(DEFAULT, (PlainText, ClinicSettings, SharedText, ClinicSections, Instructions, Dates, ContentCheck)),
    ),
    # EARLY: before print-site keeps the page's HTML (0) for the complete guide, and before search
    # reads it (on_page_context). Repeats out of the index, checklist boxes labelled, then the
    # source notes numbered for paper.
    "page_content": (Stage(EARLY, (SearchRepeats, TasklistLabels, PrintSources)),),
    "page_context": (Stage(DEFAULT, (QrCodes, SearchKeywords, SearchSpellings)),),
    # After every page is made and before any is written: the content check, then the
    # sitemap's language alternates filter for the templates.
    "env": (Stage(DEFAULT, (ContentCheck, Hreflang)),),
    # LATE: after print-site has kept the 404 page's context (the part hands MkDocs a copy).
    "template_context": (Stage(LATE, (NotFound,)),),
    "post_template": (Stage(DEFAULT, (PrintAssets,)),),
    "post_page": (Stage(DEFAULT, (Hreflang, PrintAssets)),),
    "post_build": (
        # LATE: after search has written its index and print-site its print page (both 0), before
        # offline copies the index (-100). Keywords, then the spellings (of the keywords too).
        Stage(LATE, (SearchKeywords, SearchSpellings, Hreflang, MinifyAssets, SiteDir)),
        # LAST: the Content-Security-Policy, hashed from the finished pages.
        Stage(LAST, (SecurityPolicy,)),
    ),
    "serve": (Stage(DEFAULT, (ServeWatch,)),),
}


def parts_in(order: Order) -> list[type[Part]]:
    """Every part the order names, each once, in the order each first appears."""
    return list(dict.fromkeys(part for stages in order.values() for stage in stages for part in stage.parts))


def order_problems(order: Order) -> list[str]:
    """What in an order would make a part's step run never, or twice: an event MkDocs does not
    have, or a part listed at an event it has no method for, or not listed (or twice) at one it has."""
    found = [f"'{event}' is not a MkDocs event" for event in order if event not in EVENTS or event == "startup"]
    for part in parts_in(order):
        handled = {name.removeprefix("on_") for name in dir(part) if name.startswith("on_")}
        listed = Counter(event for event, stages in order.items() for stage in stages for p in stage.parts if p is part)
        for event in sorted(handled | set(listed)):
            if listed[event] != int(event in handled):
                has = "has" if event in handled else "has no"
                found.append(f"{part.__name__} {has} on_{event}, and is listed {listed[event]} times at '{event}'")
    return found


# Other orders, for the tests: a build of a few parts, or of two parts in each other's place.


def only(order: Order, parts: set[type[Part]]) -> dict[str, list[Stage]]:
    """The order with just these parts, each stage where it was."""
    return {
        event: [Stage(stage.priority, tuple(p for p in stage.parts if p in parts)) for stage in stages]
        for event, stages in order.items()
    }


def swapped(order: Order, event: str, first: type[Part], second: type[Part]) -> dict[str, list[Stage]]:
    """The order with two parts of one stage of the event in each other's place."""
    changed = {name: list(stages) for name, stages in order.items()}
    for index, stage in enumerate(changed[event]):
        if first in stage.parts and second in stage.parts:
            places = {first: second, second: first}
            changed[event][index] = Stage(stage.priority, tuple(places.get(p, p) for p in stage.parts))
            return changed
    raise ValueError(f"{first.__name__} and {second.__name__} share no stage at {event}")
