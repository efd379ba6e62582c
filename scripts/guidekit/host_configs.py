"""Ready configs for the usual static hosts, written by the build for the site it built.

- `_headers` in the site itself: Netlify and Cloudflare Pages read it (and do
  not serve it).
- `<site>-nginx/`: nginx's include file with every header, the locations that
  use it, and a whole server block to copy.
GitHub Pages sends no custom headers: there, the <meta> policy that every page
carries is what protects it (see guidekit/plugin/parts/security_policy.py).
All of them come from guidekit/security_policy.py, with the hashes the pages
need; the same build of a clinic's config writes the same files for its site.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from guidekit.security_policy import CACHE_IMMUTABLE, CACHE_REVALIDATE, CONTENT_HASHED, InlineCode, security_headers
from guidekit.site_policy import site_code

HEADERS_FILE = "_headers"
NGINX_HEADERS = "guide-headers.conf"
NGINX_LOCATIONS = "guide-locations.conf"
NGINX_SERVER = "guide-server.conf"
# Where the server block includes the other two from: Debian's snippets folder,
# relative to nginx's configuration folder (/etc/nginx).
NGINX_SNIPPETS = "snippets"
GENERATED = (
    "Written by the guide's build (scripts/guidekit/host_configs.py) for this build: do not edit;\n"
    "# rebuild instead, since the Content-Security-Policy holds the hashes of this build's inline scripts."
)


def hashed_files(site: Path) -> list[str]:
    """The site's content-hashed files, as URL paths from the site's root."""
    return sorted(
        "/" + path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and CONTENT_HASHED.search(path.name)
    )


def netlify_headers(site: Path, code: InlineCode) -> str:
    """The `_headers` file. Both hosts join the values of a header that several matching
    rules set, so Cache-Control is set only on the hashed files; every other file keeps
    the hosts' default, `public, max-age=0, must-revalidate`: revalidated each time."""
    lines = [f"# {GENERATED}", "# Netlify and Cloudflare Pages: every header on every file.", "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(code).items()]
    lines += ["", "# Files whose names carry a hash of their content: cached for a year, never revalidated."]
    for path in hashed_files(site):
        lines += [path, f"  Cache-Control: {CACHE_IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def nginx_headers(code: InlineCode) -> str:
    lines = [
        f"# {GENERATED}",
        "# Every header but Cache-Control. Include it in every location that adds a header of",
        "# its own: nginx drops all add_header lines of the levels above a location that has one.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in security_headers(code).items()]
    return "\n".join(lines) + "\n"


def nginx_locations(site: Path) -> str:
    headers = f"{NGINX_SNIPPETS}/{NGINX_HEADERS}"
    editions = sorted(path.parent.relative_to(site).as_posix() for path in site.glob("*/404.html"))
    lines = [
        f"# {GENERATED}",
        "# The guide's part of a server block: include it inside server { ... } after `root`.",
        "index index.html;",
        "charset utf-8;",
        "charset_types text/css application/javascript application/json image/svg+xml text/xml;",
        "gzip on;",
        "gzip_types text/css application/javascript application/json image/svg+xml text/xml;",
        "server_tokens off;",
        "error_page 404 /404.html;",
        "",
        "location / {",
        f"    include {headers};",
        f'    add_header Cache-Control "{CACHE_REVALIDATE}" always;',
        "    try_files $uri $uri/ =404;",
        "}",
        "",
        "# Netlify's and Cloudflare's header rules: for them, not for readers.",
        f"location = /{HEADERS_FILE} {{",
        "    return 404;",
        "}",
    ]
    for edition in editions:
        lines += [
            "",
            f"location /{edition}/ {{",
            f"    error_page 404 /{edition}/404.html;",
            f"    include {headers};",
            f'    add_header Cache-Control "{CACHE_REVALIDATE}" always;',
            "    try_files $uri $uri/ =404;",
            "}",
        ]
    lines += [
        "",
        "# Names that carry a hash of their content: cached for a year, never revalidated.",
        f'location ~ "{CONTENT_HASHED.pattern}" {{',
        f"    include {headers};",
        f'    add_header Cache-Control "{CACHE_IMMUTABLE}" always;',
        "}",
    ]
    return "\n".join(lines) + "\n"


# `http2 on;` is the form nginx 1.25.1 and later want (they warn about `listen ... http2`).
HTTP2_OLD_NGINX = (
    "nginx older than 1.25.1 (nginx -v; Debian 12 has 1.22): delete the next line "
    "and write `listen 443 ssl http2;` and `listen [::]:443 ssl http2;` above"
)


def nginx_server(site_url: str | None) -> str:
    host = urlsplit(site_url).hostname if site_url else None
    name = host or "guide.example.org"
    return (
        "\n".join(
            [
                f"# {GENERATED}",
                f"# A whole server for the guide at https://{name}/ (set `url` in the clinic's config",
                "# to have the build fill in your host name). Copy it to /etc/nginx/sites-enabled/,",
                f"# the other two files to /etc/nginx/{NGINX_SNIPPETS}/, and the site to the root below.",
                "server {",
                "    listen 80;",
                "    listen [::]:80;",
                f"    server_name {name};",
                "    server_tokens off;",
                "    return 301 https://$host$request_uri;",
                "}",
                "",
                "server {",
                "    listen 443 ssl;",
                "    listen [::]:443 ssl;",
                f"    # {HTTP2_OLD_NGINX}",
                "    http2 on;",
                f"    server_name {name};",
                f"    ssl_certificate /etc/letsencrypt/live/{name}/fullchain.pem;",
                f"    ssl_certificate_key /etc/letsencrypt/live/{name}/privkey.pem;",
                "    ssl_protocols TLSv1.2 TLSv1.3;",
                f"    root /var/www/{name};",
                f"    include {NGINX_SNIPPETS}/{NGINX_LOCATIONS};",
                "}",
            ]
        )
        + "\n"
    )


def nginx_dir_for(site_dir: Path) -> Path:
    """Beside the site, not in it: the web server reads these, it does not serve them."""
    return site_dir.with_name(site_dir.name + "-nginx")


def write_host_configs(site: Path, nginx_dir: Path, site_url: str | None) -> None:
    """Every host's config for the built site in `site` (all editions in place)."""
    code = site_code(site)
    (site / HEADERS_FILE).write_text(netlify_headers(site, code), encoding="utf-8")
    nginx_dir.mkdir(parents=True, exist_ok=True)
    (nginx_dir / NGINX_HEADERS).write_text(nginx_headers(code), encoding="utf-8")
    (nginx_dir / NGINX_LOCATIONS).write_text(nginx_locations(site), encoding="utf-8")
    (nginx_dir / NGINX_SERVER).write_text(nginx_server(site_url), encoding="utf-8")
