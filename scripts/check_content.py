#!/usr/bin/env python3
"""Prove that every required page, section and fact is in the guide: guidekit/check_cli.py does the work.

Exit 0: everything is present and every page reads easily enough.
Exit 1: something is missing or a page reads too hard.
Exit 2: bad input (the manifest, a page's front matter, or an argument cannot be used).
"""

import sys

from guidekit.check_cli import main

if __name__ == "__main__":
    sys.exit(main())
