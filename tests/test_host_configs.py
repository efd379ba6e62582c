"""The hosts' configs the build writes: the policy covers every inline script the build
emitted (read here with another parser), the `_headers` rules give each file one cache
rule, and a clinic's build gets the same files for its own site.

Served by a real nginx and seen by Chromium in tests/browser/test_hosting.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from guidekit.host_configs import nginx_dir_for
from guidekit.iframe_worker import ShimChanged, frame_script
from guidekit.output_dir import MARKER
from guidekit.security_policy import sha256_source
from helpers import ROOT, mkdocs_build, replace_every

HASHES = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")
MATERIAL_HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")


class InlineCode(HTMLParser):
    """Inline scripts and styles, as the browser's HTML parser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.meta_policy = self.meta_referrer = None
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.meta_policy = attrs["content"]
        if tag == "meta" and attrs.get("name") == "referrer":
            self.meta_referrer = attrs["content"]
        runnable = attrs.get("type", "text/javascript") in ("text/javascript", "module", "application/javascript")
        if (tag == "script" and "src" not in attrs and runnable) or tag == "style":
            self._open = (tag, [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[0] == tag:
            (self.scripts if tag == "script" else self.styles).append("".join(self._open[1]))
            self._open = None


def parsed(page: Path) -> InlineCode:
    parser = InlineCode()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    raise AssertionError(f"no {name} in {policy}")


def headers_rules(site: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    rules = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((line.strip(), []))
        else:
            name, value = line.strip().split(": ", 1)
            rules[-1][1].append((name, value))
    return rules


def matches(rule: str, path: str) -> bool:
    return re.fullmatch(re.escape(rule).replace(r"\*", ".*"), path) is not None


def served_headers(rules, path: str) -> dict[str, list[str]]:
    """Cloudflare Pages and Netlify apply every rule that matches a path."""
    headers: dict[str, list[str]] = {}
    for rule, lines in rules:
        if matches(rule, path):
            for name, value in lines:
                headers.setdefault(name, []).append(value)
    return headers


def test_every_inline_script_and_style_the_build_wrote_is_hashed_in_every_policy(built_site):
    header_policy = dict(served_headers(headers_rules(built_site), "/index.html"))["Content-Security-Policy"][0]
    nginx = (nginx_dir_for(built_site) / "guide-headers.conf").read_text(encoding="utf-8")
    nginx_policy = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', nginx).group(1)
    assert nginx_policy == header_policy
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) == 16  # 7 pages and a 404 page in each edition
    for page in pages:
        code = parsed(page)
        assert code.scripts, page  # Material's, the palette's, the search worker's start
        for policy in (code.meta_policy, header_policy):
            for text in code.scripts:
                assert sha256_source(text) in directive(policy, "script-src"), (page, text[:60])
            for text in code.styles:
                assert sha256_source(text) in directive(policy, "style-src"), (page, text[:60])
    for words in (directive(header_policy, "script-src"), directive(header_policy, "style-src")):
        assert [w for w in words if not HASHES.fullmatch(w)] == ["'self'"]  # no 'unsafe-*', no host, no scheme


def test_the_policy_says_what_the_guide_allows_and_nothing_more(built_site):
    policy = served_headers(headers_rules(built_site), "/")["Content-Security-Policy"][0]
    rules = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert rules["default-src"] == ["'self'"]
    assert rules["img-src"] == ["'self'", "data:"]
    assert rules["worker-src"] == ["'self'"] and rules["frame-src"] == ["'none'"]
    assert (rules["object-src"], rules["base-uri"], rules["form-action"], rules["frame-ancestors"]) == (
        ["'none'"],
        ["'self'"],
        ["'none'"],
        ["'none'"],
    )
    for page in built_site.rglob("*.html"):
        code = parsed(page)
        assert "frame-ancestors" not in code.meta_policy  # ignored in a <meta>, with a console error
        assert code.meta_referrer == "no-referrer"  # what a host without headers can still say


def test_the_headers_file_gives_each_file_one_cache_rule_and_every_header(built_site):
    rules = headers_rules(built_site)
    lines = (built_site / "_headers").read_text(encoding="utf-8").splitlines()
    assert len(rules) <= 100 and max(map(len, lines)) <= 2000  # Cloudflare Pages' limits
    files = [p for p in built_site.rglob("*") if p.is_file() and p.name != "_headers"]
    hashed = [p for p in files if MATERIAL_HASHED_NAME.search(p.name)]
    assert len(hashed) >= 8  # Material's bundle, search worker, two stylesheets, their maps: per edition
    for file in files:
        headers = served_headers(rules, "/" + file.relative_to(built_site).as_posix())
        assert {name: len(values) for name, values in headers.items() if len(values) > 1} == {}, file
        if file in hashed:
            assert headers["Cache-Control"] == ["public, max-age=31536000, immutable"], file
        else:  # the hosts' default: public, max-age=0, must-revalidate
            assert "Cache-Control" not in headers, file
        assert headers["Referrer-Policy"] == ["no-referrer"] and headers["X-Content-Type-Options"] == ["nosniff"]
        assert headers["Strict-Transport-Security"][0].startswith("max-age=")


def test_a_clinic_build_gets_the_same_files_for_its_own_host(clinic_site, built_site):
    for site in (clinic_site, built_site):
        assert (site / "_headers").is_file()
        assert sorted(p.name for p in nginx_dir_for(site).iterdir()) == [
            MARKER,  # the build's own folder, which the next build may replace
            "guide-headers.conf",
            "guide-locations.conf",
            "guide-server.conf",
        ]
    server = (nginx_dir_for(clinic_site) / "guide-server.conf").read_text(encoding="utf-8")
    assert "server_name guide.example.org;" in server  # from the clinic's url
    assert "/etc/letsencrypt/live/guide.example.org/fullchain.pem" in server


def test_an_inline_script_a_template_adds_stops_the_build_instead_of_being_hashed(project_copy, tmp_path):
    """A copy of the project whose overrides/ partial adds a <script>: the build refuses it, naming
    the page and the fix, and writes no policy that would allow it."""
    partial = project_copy / "overrides" / "partials" / "copyright.html"
    partial.write_text(partial.read_text(encoding="utf-8") + "<script>window.guideAddedLater = 1</script>\n")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert (
        "security policy: 404.html: an inline script the theme and the guide's templates do not write "
        "('window.guideAddedLater = 1'). Fix: remove it where it comes from" in result.stderr
    )
    assert "Traceback" not in result.stderr


MATERIAL_STORAGE = (
    '<script>__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}'
    "</script>"
)


@pytest.mark.parametrize("base", [".", "..", "/guide/", "https://guide.example.org/"])
def test_materials_script_is_known_whatever_base_it_carries(base):
    from guidekit.site_policy import inline_code

    page = MATERIAL_STORAGE.format(base=base) + '<script id="__config" type="application/json">{"base": "."}</script>'
    assert len(inline_code(page).scripts) == 1


@pytest.mark.parametrize(
    "page, said",
    [
        # A nav title with markup, as Material prints it (plain_text.py refuses it first: this is the policy's).
        ('<a href="before.html">Before<script>alert(document.domain)</script></a>', "'alert(document.domain)'"),
        # Material's analytics partial with a property that breaks out of its string.
        (
            '<script id="__analytics">function __md_analytics(){e("config","G-X"+alert(1)+"")}</script>',
            "__md_analytics",
        ),
        # Material's script with a base that ends its string.
        (MATERIAL_STORAGE.format(base='"),alert(1),("'), "an inline script"),
        ('<script type="module">import("./x.js")</script>', "an inline script"),
        ('<script type="application/json">alert(1)</script>', "that is not JSON"),
        ('<script src="https://cdn.example.org/x.js"></script>', "a script from another site"),
        ('<script src="//cdn.example.org/x.js"></script>', "a script from another site"),
        ("<style>body { background: url(https://evil.example/x.png) }</style>", "an inline style"),
    ],
)
def test_inline_code_the_templates_do_not_write_is_refused_not_hashed(page, said):
    from guidekit.site_policy import UnknownCode, inline_code

    with pytest.raises(UnknownCode) as refused:
        inline_code(page)
    assert said in str(refused.value) and "Fix: " in str(refused.value)


def test_an_abbreviations_title_that_says_onmouseover_is_text_not_a_handler():
    from guidekit.site_policy import unhashable_code

    assert unhashable_code('<abbr title="A building&quot; onmouseover=&quot;alert(1)">garage</abbr>') == []
    assert unhashable_code("<abbr title='x\" onmouseover=\"y'>garage</abbr>") == []
    assert unhashable_code('<p style="color: red">Parking</p>') == ["style"]
    assert unhashable_code('<p title="x" onclick="y()">Parking</p>') == ["onclick"]


def test_the_server_block_hides_nginxs_version_on_both_ports_and_turns_http2_on_as_nginx_now_asks():
    from guidekit.host_configs import nginx_server

    plain, tls = nginx_server("https://guide.example.org/").split("\n}\n")[:2]
    assert "listen 80;" in plain and "server_tokens off;" in plain
    assert "listen 443 ssl;" in tls and "\n    http2 on;" in tls
    assert not re.search(r"^\s*listen[^\n]*http2", tls, re.M)


@pytest.mark.parametrize(
    "markup, named",
    [
        ('<button onclick="history.back()">Back</button>', "onclick"),
        ('<a href="javascript:history.back()">Back</a>', "href"),
    ],
)
def test_inline_code_no_hash_can_allow_stops_the_build_with_its_page(project_copy, tmp_path, markup, named):
    main = project_copy / "overrides" / "main.html"
    # In every block main.html extends (the 404 page, first in the build's report, has only some).
    main.write_text(
        replace_every(main.read_text(encoding="utf-8"), "{{ super() }}", markup + "\n  {{ super() }}"),
        encoding="utf-8",
    )
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"security policy: 404.html: inline code in {named} would not run" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_shim_frame_script_is_read_from_the_shim_and_a_changed_shim_stops_the_build():
    shim = (ROOT / "docs/assets/javascripts/iframe-worker/shim.js").read_text(encoding="utf-8")
    script = frame_script(shim, "assets/search.js")
    assert script.startswith("postMessage=function ") and 'filename:"assets/search.js"' in script
    with pytest.raises(ShimChanged):
        frame_script("window.Worker = class {}", "assets/search.js")


def test_the_github_pages_workflow_builds_with_the_readme_command():
    workflow = yaml.safe_load((ROOT / "deploy" / "github-pages.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "make build" in runs and "make build" in (ROOT / "README.md").read_text(encoding="utf-8")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "${{ env.SITE_DIR }}"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in steps)
