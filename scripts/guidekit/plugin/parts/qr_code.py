"""With the clinic's web address set (extra.clinic.url), paper leads back to the phone.

Every printed page carries, beside its header, its own address on the clinic's
site in the same language and that address as a QR code; the cover of the complete guide
carries the edition's home page (the readable site, with its search and navigation, not the
long print page). Without the address nothing is added.

The print cover is rendered by print-site outside the theme, with `config` only, so the
cover reads the clinic's own code (`config.extra.clinic.online`); each page's goes into its
template context.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from guidekit.clinic import Clinic
from guidekit.plugin.part import Part
from guidekit.qr_code import online, page_address


class QrCodes(Part):
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        clinic: Clinic | None = config.extra.get("clinic")  # its `online`: the edition's address and code
        if clinic and clinic.edition_url:
            context["page_online"] = online(page_address(clinic.edition_url, page.url))  # type: ignore[typeddict-unknown-key]
        return context
