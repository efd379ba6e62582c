"""The guide's MkDocs plugin (`- guide` under `plugins:` in mkdocs.yml).

Start reading at order.py: for each MkDocs event, the parts that run and in what order, with
why; each part (parts/) is one thing the build does. plugin.py calls them; part.py says what a
part is and what the parts of one build share; config.py holds the plugin's options.
"""

from .plugin import GuidePlugin

__all__ = ["GuidePlugin"]
