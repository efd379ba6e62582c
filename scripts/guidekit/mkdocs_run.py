"""MkDocs' own command line (`python -m guidekit.mkdocs_run build ...` is `mkdocs build ...`),
as scripts/build.py runs it for each edition, with one difference: a file it cannot write
(a full disk, a file-size limit) ends it with one line the build reads back
(guidekit.write_failure), not a traceback."""

from __future__ import annotations

import sys

from mkdocs.__main__ import cli

from guidekit.write_failure import WRITE_FAILED, is_write_failure, report


def main() -> int:
    try:
        cli.main(prog_name="mkdocs")  # click ends it with SystemExit, whatever MkDocs decided
    except OSError as error:
        if not is_write_failure(error):
            raise
        print(report(error), flush=True)
        return WRITE_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
