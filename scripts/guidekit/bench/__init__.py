"""The benchmark's instruments: page weight, Lighthouse, search timing and the compressing server.

Only scripts/bench.py and the browser tests use them; the build and the content check never do.
"""
