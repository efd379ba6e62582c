"""The inline scripts and styles a page of the guide may hold, each recorded with where it comes from.

The Content-Security-Policy allows an inline script only by its hash, and the
build computes the hashes from the pages it wrote. Hashing whatever a page
holds would hash an injected script too (markup in a nav title, a template
change nobody reviewed), so the policy allows only what is recorded here:

- Material's two inline scripts, as its templates write them, with only the
  data that differs between builds left open (the site's base address);
- print-site's inline script (the calls it makes on its print page) and its
  inline style (the numbering of the print page's headings), by their shape;
- our own templates' scripts, each named here by the one file that holds it:
  its text is the script between <script> and </script> in that file.

Material's __config is a <script type="application/json">: data, not code,
and CSP does not apply to it; it must parse as JSON. The iframe-worker shim's
frame script is not in the page: it is rebuilt from the shim (iframe_worker.py).
Anything else stops the build (guidekit/site_policy.py says which page).
tests/test_theme_drift.py checks each recorded piece against the installed packages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"

# What Material writes for `base_url` (".", "..", "/guide/", an address): a path or URL
# without a quote, a backslash or a <, so it cannot end the string it is written in. The
# characters are those a clinic's url may hold (guidekit.clinic.URL), & and ; included.
BASE_ADDRESS = r"[A-Za-z0-9._~/%:+@!$&()*,;=-]*"
# print-site calls these on its print page (plugin.py's js_calls).
PRINT_SITE_CALLS = ("remove_material_navigation", "remove_mkdocs_theme_navigation", "generate_toc")


@dataclass(frozen=True)
class KnownScript:
    """An inline script as its template writes it. Each slot is a piece of the template (a
    Jinja expression, a %s) and the pattern of what it may become in a page."""

    name: str
    origin: str  # the installed package's file (package/path) or ours (overrides/...)
    template: str
    slots: tuple[tuple[str, str], ...] = ()

    def pattern(self) -> re.Pattern[str]:
        pieces, rest = [], self.template
        for expression, allowed in self.slots:
            before, found, rest = rest.partition(expression)
            if not found:
                raise ValueError(f"{self.name}: {expression!r} is not in its template")
            pieces += [re.escape(before), f"(?:{allowed})"]
        return re.compile("".join([*pieces, re.escape(rest)]), re.S)


MATERIAL_SCRIPTS = (
    KnownScript(
        "Material's storage helpers",
        "material/templates/partials/javascripts/base.html",
        '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
        "__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
        (("{{ config.extra.scope | d(base_url) }}", BASE_ADDRESS),),
    ),
    KnownScript(
        "Material's content tabs",
        "material/templates/partials/javascripts/content.html",
        "var target=document.getElementById(location.hash.slice(1));"
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))',
    ),
)

PRINT_SITE_SCRIPT = KnownScript(
    "print-site's calls on its print page",
    "mkdocs_print_site_plugin/plugin.py",
    "\n        document.addEventListener('DOMContentLoaded', function () {\n            %s\n        })\n        ",
    (("%s", "(?:(?:" + "|".join(PRINT_SITE_CALLS) + r")\(\);)+"),),
)

# Ours: each file holds one inline script, with no template code in it.
OUR_SCRIPTS = {
    "overrides/partials/javascripts/palette.html": "the palette, picked before the page shows",
    "overrides/partials/javascripts/search-worker.html": "the search worker's start, held back",
    "overrides/404.html": "the 404 page's base, found at any depth",
}

# print-site's style: for each page of the print page, its number before its heading and its
# headings' counters (renderer.py). Ids and counters are page keys; numbers are digits and dots.
PRINT_SITE_STYLE_ORIGIN = "mkdocs_print_site_plugin/renderer.py"
PRINT_SITE_STYLE_SOURCES = (
    ".print-site-enumerate-headings #{item_id} > h1:before {{ content: '{my_prefix} ' }}",
    ".print-site-enumerate-headings #{id} h{h_level}:before {{ content: '{prefix}.' {counters_to_display} ' ' }}",
    ".print-site-enumerate-headings #{id} h{h_level} {{ {counter_reset} counter-increment: counter-{id}-{h_level} }}",
)
_ID, _NUMBER, _COUNTER = r"[A-Za-z0-9_-]+", r"[0-9.]+", r"counter\(counter-[A-Za-z0-9_-]+\)"
PRINT_SITE_STYLE_LINE = re.compile(
    rf"\.print-site-enumerate-headings #{_ID} > h1:before \{{ content: '{_NUMBER} ' \}}"
    rf"|\.print-site-enumerate-headings #{_ID} h[1-6]:before \{{ content: '{_NUMBER}\.' "
    rf"(?:{_COUNTER}(?: '\.' {_COUNTER})*)? ' ' \}}"
    rf"|\.print-site-enumerate-headings #{_ID} h[1-6] \{{ (?: counter-reset: (?:counter-{_ID} +)+; )? "
    rf"counter-increment: counter-{_ID} \}}"
)


class UnknownTemplate(Exception):
    pass


def our_script(relative: str, root: Path | None = None) -> str:
    """The one inline script in our template `relative` (e.g. overrides/partials/...), as written."""
    path = (root or OVERRIDES.parent) / relative
    text = path.read_text(encoding="utf-8")
    bodies: list[str] = re.findall(r"<script>(.*?)</script>", text, re.S)
    if len(bodies) != 1 or len(re.findall(r"<script\b", text)) != 1:
        raise UnknownTemplate(f"{relative} holds {text.count('<script')} inline scripts, where one is recorded")
    if re.search(r"{{|{%", bodies[0]):
        raise UnknownTemplate(f"{relative}: its script holds template code ({{{{ or {{%), which no record can follow")
    return bodies[0]


# (name, the pattern of its text) of each inline script.
ScriptPatterns = list[tuple[str, re.Pattern[str]]]


def script_patterns(root: Path | None = None) -> ScriptPatterns:
    """(name, the pattern of its text) for every inline script the guide's pages may hold."""
    known = [(script.name, script.pattern()) for script in (*MATERIAL_SCRIPTS, PRINT_SITE_SCRIPT)]
    known += [(name, re.compile(re.escape(our_script(path, root)))) for path, name in OUR_SCRIPTS.items()]
    return known


def known_script(body: str, patterns: ScriptPatterns) -> str | None:
    """The recorded script the text is, by name, or None."""
    return next((name for name, pattern in patterns if pattern.fullmatch(body)), None)


def known_style(body: str) -> bool:
    """Whether the text is print-site's style, line by line."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    return bool(lines) and all(PRINT_SITE_STYLE_LINE.fullmatch(line) for line in lines)
