#!/usr/bin/env python3
"""Benchmark the guide: guidekit/bench/benchmark.py does the work.

Exit 0: measured (budgets are reported in the output). Exit 2: bad input.
"""

import sys

from guidekit.bench.benchmark import main

if __name__ == "__main__":
    sys.exit(main())
