"""MkDocs hook: language alternates in <head> that search engines accept.

Material writes <link rel="alternate" hreflang> with relative addresses, which
search engines (and Lighthouse's SEO audit) reject. With a known site address
(a clinic's `url`) they become absolute, pointing at the same page in each
edition; without one they are left out. The header's language selector is
not touched.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    output = ALTERNATE.sub("", output)
    if not (config.site_url and page.canonical_url):
        return output
    links = "".join(
        f'\n      <link rel="alternate" href="{html.escape(urljoin(page.canonical_url, alt["link"] + page.file.dest_uri))}"'
        f' hreflang="{alt["lang"]}">'
        for alt in config.extra.get("alternate", []))
    return output.replace("</head>", links + "\n  </head>", 1)
