"""Preview the guide while you write: `make serve`, with a clinic's config if you have one.

Serves every edition at once, each on its own port (English on 8000, Spanish on 8001), or only
the edition asked for (`--edition es`), each rebuilt by `mkdocs serve` whenever a page, the
clinic's config, its section files or its logo change (the guide plugin's serve_watch part).
Ctrl-C stops them all. Exit 2: bad input.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from guidekit.editions import EditionError, base_config_env, editions_for, overlays

ROOT = Path(__file__).resolve().parent.parent

FIRST_PORT = 8000


def commands(
    config: Path, edition: str, env: dict[str, str], first_port: int = FIRST_PORT
) -> list[tuple[str, list[str], dict[str, str]]]:
    """(language, mkdocs serve command, environment) for each edition to serve."""
    if config.resolve() in {overlay.resolve() for overlay in overlays().values()}:
        # An overlay given on its own (CONFIG=mkdocs.es.yml): on top of GUIDE_BASE_CONFIG, as before.
        picked = [("", config, env)]
    else:
        picked = [
            (e.lang, e.config, {**env, **base_config_env(config)})
            for e in editions_for(config)
            if edition in ("all", "", e.lang)
        ]
        if not picked:
            langs = ", ".join(e.lang for e in editions_for(config))
            raise EditionError(f"--edition {edition}: the guide has no such edition. Fix: use one of {langs}, or all")
    return [
        (lang, [sys.executable, "-m", "mkdocs", "serve", "-f", str(path), "-a", f"127.0.0.1:{first_port + n}"], e)
        for n, (lang, path, e) in enumerate(picked)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--edition", default="all", help="a language (en, es), or all")
    parser.add_argument("--port", type=int, default=FIRST_PORT, help="the first edition's port; the next ones follow")
    args = parser.parse_args(argv)
    config = Path(args.config)
    if not config.is_file():
        print(f"error: {config}: no such config file. Fix: give a clinic's config, e.g. CONFIG=mkdocs.myclinic.yml")
        return 2
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if env.get("LANG") == args.edition:  # `make serve LANG=es`: the edition, not a locale
        env.pop("LANG")
    try:
        servers = commands(config, args.edition, env, args.port)
    except EditionError as error:
        print(f"error: {error}")
        return 2
    for lang, command, _ in servers:
        print(f"{lang or config.name}: http://{command[-1]}/ (print page: http://{command[-1]}/print_page.html)")
    running = [subprocess.Popen(command, env=e, cwd=ROOT) for _, command, e in servers]
    try:
        for server in running:
            server.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches every server in the terminal's process group
        for server in running:
            if server.poll() is None:
                server.send_signal(signal.SIGINT)
        for server in running:
            server.wait()
    return max(server.returncode or 0 for server in running)


if __name__ == "__main__":
    sys.exit(main())
