"""The inline code of a built site, read from its pages, and the <meta> policy in each.

The guide plugin's security_policy part puts each page's own policy in the page (what GitHub Pages
and file:// get); the build reads every page of every edition to write the
header policy the hosts send (`_headers`, nginx), which allows the union.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from guidekit.iframe_worker import frame_script
from guidekit.known_code import BASE_ADDRESS, ScriptPatterns, known_script, known_style, script_patterns
from guidekit.security_policy import SCRIPT, SCRIPT_SRC, SCRIPT_TYPE, STYLE, InlineCode, policy, sha256_source

META_POLICY = re.compile(r'\s*<meta (?:http-equiv="Content-Security-Policy"|name="referrer")[^>]*>')
# Where no header can say it (GitHub Pages, file://): the page names no one its address.
META_REFERRER = '<meta name="referrer" content="no-referrer">'
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
SHIM = re.compile(r'<script src="([^"]*iframe-worker/shim\.js)"')
MATERIAL_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


SCRIPT_OR_STYLE_BODY = re.compile(r"(<(script|style)\b[^>]*>).*?</\2>", re.S | re.I)
# Inline code that no hash can allow: event handler attributes, javascript: links and style
# attributes. Quoted attribute values are skipped: a title may say "onmouseover=" as text.
UNHASHABLE = re.compile(
    r"""<[a-z](?:[^>"']|"[^"]*"|'[^']*')*?\s"""
    r"""(on[a-z]+|style|(?:href|src|action|formaction)(?=\s*=\s*["']?\s*javascript:))\s*=""",
    re.I,
)
# A script file from another site (CSP's 'self' would block it on every page).
ELSEWHERE = re.compile(r"""(?:^|\s)src\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)""", re.I)
# Material's search worker, as __config names it: a path in the site.
# The worker's address under the site's base (a clinic's url path may hold & or ;): no quote,
# backslash or <, so it cannot end the string the shim writes it into.
WORKER_PATH = re.compile(BASE_ADDRESS.removesuffix("*") + r"+\.js")
FIX_SCRIPT = (
    "remove it where it comes from (a nav title, extra.analytics, a template in overrides/); "
    "code of the guide's own goes in a file in docs/assets/javascripts/, or, if it must be inline, "
    "in a template recorded in scripts/guidekit/known_code.py"
)


class UnknownCode(Exception):
    """Inline code the theme and the guide's templates do not write."""


def unhashable_code(text: str) -> list[str]:
    """The attributes in the page whose code the policy would block, by name."""
    tags_only = SCRIPT_OR_STYLE_BODY.sub(r"\1", text)
    return sorted({match.group(1).lower() for match in UNHASHABLE.finditer(tags_only)})


def excerpt(body: str) -> str:
    return repr(" ".join(body.split())[:60])


def inline_code(text: str, patterns: ScriptPatterns | None = None) -> InlineCode:
    """The hashes of the page's inline scripts and styles, as the browser hashes them (the exact
    text between the tags), once each is known to be one the guide's templates write
    (guidekit/known_code.py); anything else raises UnknownCode."""
    patterns = script_patterns() if patterns is None else patterns
    found = InlineCode()
    for attributes, body in SCRIPT.findall(text):
        if SCRIPT_SRC.search(attributes):
            if ELSEWHERE.search(attributes):
                raise UnknownCode(
                    f"a script from another site ({' '.join(attributes.split())[:80]}). Fix: the guide loads "
                    "nothing from elsewhere: keep the file in docs/assets/javascripts/ and name it there"
                )
            continue
        kind = SCRIPT_TYPE.search(attributes)
        if kind and kind.group(1).lower() == "application/json":
            try:
                json.loads(body)
            except ValueError:
                raise UnknownCode(
                    f"a <script type=application/json> that is not JSON ({excerpt(body)}). Fix: {FIX_SCRIPT}"
                ) from None
            continue  # data: CSP does not apply to it
        if not known_script(body, patterns):
            raise UnknownCode(
                f"an inline script the theme and the guide's templates do not write ({excerpt(body)}). "
                f"Fix: {FIX_SCRIPT}"
            )
        found.scripts.add(sha256_source(body))
    for body in STYLE.findall(text):
        if not known_style(body):
            raise UnknownCode(
                f"an inline style the theme and the guide's templates do not write ({excerpt(body)}). "
                "Fix: put styles in docs/assets/css/guide.css"
            )
        found.styles.add(sha256_source(body))
    return found


def page_code(text: str, page: Path, site: Path, patterns: ScriptPatterns | None = None) -> InlineCode:
    """The page's inline code, plus the script the iframe-worker shim writes into its
    frame when the page is opened from disk (that frame obeys the page's policy)."""
    code = inline_code(text, patterns)
    shim, config = SHIM.search(text), MATERIAL_CONFIG.search(text)
    worker = json.loads(config.group(1)).get("search") if config else None
    if worker is not None and not (isinstance(worker, str) and WORKER_PATH.fullmatch(worker)):
        raise UnknownCode(f"Material's search worker is named {excerpt(str(worker))}, not a path in the site")
    if shim and worker:
        shim_file = local_file(shim.group(1), page, site)
        code.scripts.add(sha256_source(frame_script(shim_file.read_text(encoding="utf-8"), worker)))
    return code


def local_file(src: str, page: Path, site: Path) -> Path:
    """The file a page's src points to. An absolute src (the 404 page's) starts with the
    site's path on its host (/es/ for an edition built on its own), so the longest
    tail of it that exists in the site is the file."""
    if not src.startswith("/"):
        return page.parent / src
    parts = src.strip("/").split("/")
    for start in range(len(parts)):
        candidate = site.joinpath(*parts[start:])
        if candidate.is_file():
            return candidate
    raise ValueError(f"{src} is not in the site")


def with_meta_policy(text: str, code: InlineCode) -> str:
    """The page with its policy (and referrer policy) in a <meta>, first in <head> after the
    charset (a meta policy covers only what comes after it). Rewriting a page replaces its old ones."""
    text = META_POLICY.sub("", text, count=2)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(code, meta=True), quote=False)}">'
    charset = CHARSET.search(text)
    if not charset:
        raise ValueError("no <meta charset> to put the policy after")
    return text[: charset.end()] + "\n    " + tag + "\n    " + META_REFERRER + text[charset.end() :]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def site_code(site: Path) -> InlineCode:
    """Everything every page of the built site needs, all editions together."""
    code, patterns = InlineCode(), script_patterns()
    for page in html_pages(site):
        code |= page_code(page.read_text(encoding="utf-8"), page, site, patterns)
    return code
