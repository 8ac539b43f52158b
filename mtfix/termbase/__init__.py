"""Termbase files: readers and writers for TSV, CSV, TBX and YAML glossaries, and validation.

`mtfix.glossary` holds the entry model and the matcher; this package only moves entries
between files and checks them. The formats are documented in `glossaries/FORMAT.md`.
"""
