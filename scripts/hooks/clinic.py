"""MkDocs hook: check the clinic's details, ship its logo, and show its phone numbers.

A bad `extra.clinic` stops the build in on_config, before MkDocs touches the
output folder, with one message naming the file, the field and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guidekit.clinic import ClinicError, load_clinic
from guidekit.config_file import ConfigFileError, check_config_file
from guidekit.qr_code import edition_address

# The repository this hook belongs to, which may be a copy: the installed package's own
# folder is then another repository.
ROOT = Path(__file__).resolve().parents[2]
CONTACT_MARKER = re.compile(r"^([ \t]*)<!-- clinic-contact -->[ \t]*$", re.M)


def on_config(config):
    try:
        check_config_file(config.config_file_path)  # a key given twice, clinic: outside extra:
        clinic = load_clinic(config.extra.get("clinic"), config.config_file_path, config.theme["language"], ROOT)
    except (ClinicError, ConfigFileError) as error:
        raise PluginError(f"clinic configuration: {error}") from None
    if clinic:
        if clinic["logo"]:
            clinic["logo_source"] = clinic["logo"]
            clinic["logo"] = "assets/clinic/logo" + Path(clinic["logo"]).suffix.lower()
        if clinic["url"] and not config.site_url:
            config.site_url = edition_address(clinic["url"], config.extra.get("edition_path", ""))
    config.extra["clinic"] = clinic
    return config


def on_files(files, config):
    clinic = config.extra["clinic"]
    if clinic and clinic["logo"]:
        files.append(File.generated(config, clinic["logo"], abs_src_path=clinic["logo_source"]))
    return files


def on_page_markdown(markdown, page, config, files):
    # Markdown stage, so the print page (built from page HTML) gets it too.
    if "<!-- clinic-contact -->" not in markdown:
        return markdown
    template = config.theme.get_env().get_template("partials/clinic-contact.html")
    html = " ".join(template.render(config=config, clinic=config.extra["clinic"]).split())
    return CONTACT_MARKER.sub(lambda m: m.group(1) + html, markdown)
