"""MkDocs hook: with the clinic's web address set (extra.clinic.url), paper leads back to
the phone. Every printed page carries, beside its header, its own address on the clinic's
site in the same language and that address as a QR code; the cover of the complete guide
carries the edition's home page (the readable site, with its search and navigation, not the
long print page). Without the address nothing is added.

The print cover is rendered by print-site outside the theme, with `config` only, so the
cover reads the clinic's own code (`config.extra.clinic.online`); each page's goes into its
template context.
"""

from __future__ import annotations

from guidekit.qr_code import online, page_address


def on_page_context(context, page, config, nav):
    clinic = config.extra.get("clinic")  # guidekit.clinic.Clinic: its `online` is the edition's address and code
    if clinic and clinic.edition_url:
        context["page_online"] = online(page_address(clinic.edition_url, page.url))
    return context
