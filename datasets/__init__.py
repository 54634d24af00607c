"""Data tables shipped with nutrilog (installed as ``nutrilog.datasets``).

The tables are derived from public-domain USDA and National Academies sources by
``datasets/build/build.py`` (kept in the repository, not installed); see
``datasets/README.md``.
"""
