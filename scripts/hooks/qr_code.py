"""MkDocs hook: with the clinic's web address set (extra.clinic.url), paper leads back to
the phone. Every printed page carries, beside its header, its own address on the clinic's
site in the same language and that address as a QR code; the cover of the complete guide
carries the edition's home page (the readable site, with its search and navigation, not the
long print page). Without the address nothing is added.

The print cover is rendered by print-site outside the theme, with `config` only, so the
cover's code goes into the config; each page's goes into its template context.
"""

from __future__ import annotations

from guidekit.qr_code import edition_address, online, page_address


def on_config(config):
    clinic = config.extra.get("clinic")
    if clinic and clinic.get("url"):
        clinic["online"] = online(edition_address(clinic["url"], config.extra.get("edition_path", "")))
    return config


def on_page_context(context, page, config, nav):
    clinic = config.extra.get("clinic")
    if clinic and clinic.get("online"):
        context["page_online"] = online(page_address(clinic["online"]["address"], page.url))
    return context
