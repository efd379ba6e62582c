"""The guide's own code: what the build, the content check and the guide's MkDocs plugin
(guidekit.plugin) share.

The benchmark's instruments live apart, in guidekit.bench.
"""
