"""The guide's own code: what the build, the content check and the MkDocs hooks share.

The benchmark's instruments live apart, in guidekit.bench.
"""
