"""The guide's MkDocs plugin: one entry under `plugins:` in mkdocs.yml, `- guide`.

Its parts (guidekit/plugin/parts/, one thing each) do the work; this class only calls them, at
each MkDocs event, in the order guidekit/plugin/order.py writes down, and makes them anew when
a build starts. It is registered as `guide` in the `mkdocs.plugins` entry points (pyproject.toml),
which MkDocs and ProperDocs both read.

MkDocs keeps a plugin that has on_startup for the whole process (`mkdocs serve` rebuilds with
the same one, and so does a process that loads several configs, like scripts/build.py), so
nothing outside a build reads what its parts keep: what they work out for the templates and
the PDFs goes into the config (`config.extra`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .config import GuideConfig
from .order import ORDER, Order, order_problems, parts_in
from .part import Build, Part


class GuidePlugin(BasePlugin[GuideConfig]):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    def __init__(self) -> None:
        super().__init__()
        self.order: Order = ORDER
        self.serving = False
        self.parts: dict[type[Part], Part] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def start(self, config: MkDocsConfig) -> None:
        """A new build: its shared facts, and a new set of parts."""
        if problems := order_problems(self.order):
            raise PluginError(f"guidekit/plugin/order.py: {'; '.join(problems)}")
        build = Build(config, Path(self.config.manifest), Path(self.config.changelog), self.serving)
        self.parts = {part: part(build) for part in parts_in(self.order)}

    def run(self, event: str, stage: int, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """One stage's parts, in order, as MkDocs runs plugins: each is given what the one
        before it returned (the config, a page's Markdown...), kept when it returns None."""
        if event == "config" and stage == 0:
            self.start(args[0])
        item = args[0] if args else None
        for part in self.order[event][stage].parts:
            method = getattr(self.parts[part], f"on_{event}")
            result = method(item, **kwargs) if args else method(**kwargs)
            if result is not None:
                item = result
        return item


def stage_method(event: str, stage: int, priority: int) -> Callable[..., Any]:
    """The plugin's method for one stage of an event, at the stage's priority."""

    def method(self: GuidePlugin, *args: Any, **kwargs: Any) -> Any:
        return self.run(event, stage, args, kwargs)

    method.__name__ = method.__qualname__ = f"_on_{event}_{stage}"  # MkDocs reads on_* names only
    return event_priority(priority)(method)


for _event, _stages in ORDER.items():
    _methods = [stage_method(_event, index, stage.priority) for index, stage in enumerate(_stages)]
    setattr(GuidePlugin, f"on_{_event}", _methods[0] if len(_methods) == 1 else CombinedEvent(*_methods))
