"""Read the clinic's file, ship its logo, and show its phone numbers.

The clinic's file is read as data and held to what a clinic may set
(guidekit.clinic_file); its details become one typed, frozen object
(guidekit.clinic.Clinic) in `config.extra["clinic"]`, or None for the neutral
guide. Templates and the other parts read it; nothing writes into it. A bad file
stops the build in on_config, before MkDocs touches the output folder, with one
line per problem naming the file, the field and the fix.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guidekit.clinic import Clinic
from guidekit.clinic_file import clinic_file_for, read_clinic_file
from guidekit.config_file import ConfigFileError, check_config_file
from guidekit.plugin.part import Part
from guidekit.problems import SettingsError

CONTACT_MARKER = re.compile(r"^([ \t]*)<!-- clinic-contact -->[ \t]*$", re.M)


class ClinicSettings(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        build, lang = self.build, self.build.lang
        languages = list(build.manifest.languages)
        try:
            source = clinic_file_for(build.config_file, build.root, languages)
            check_config_file(build.config_file, source)  # the guide's own files: a key given twice
            clinic = None
            if source is not None:
                edition_path = config.extra.get("edition_path", "")
                clinic = read_clinic_file(source, build.root, [lang], edition_path, build.manifest)[lang]
        except ConfigFileError as error:
            raise PluginError(f"clinic configuration: {error}") from None
        except SettingsError as error:
            raise PluginError("\n".join(f"clinic configuration: {line}" for line in error.lines())) from None
        if clinic and clinic.edition_url and not config.site_url:
            config.site_url = clinic.edition_url
        config.extra["clinic"] = clinic
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        clinic: Clinic | None = config.extra["clinic"]
        if clinic and clinic.logo and clinic.logo_source:
            files.append(File.generated(config, clinic.logo, abs_src_path=str(clinic.logo_source)))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Markdown stage, so the print page (built from page HTML) gets it too.
        if "<!-- clinic-contact -->" not in markdown:
            return markdown
        template = config.theme.get_env().get_template("partials/clinic-contact.html")
        html = " ".join(template.render(config=config, clinic=config.extra["clinic"]).split())
        return CONTACT_MARKER.sub(lambda m: m.group(1) + html, markdown)
