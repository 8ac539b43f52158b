"""Termbase files: the entry model, readers and writers for TSV, CSV, TBX and YAML
glossaries, and validation.

`mtfix.termbase.model` holds the entry model and `mtfix.glossary` the matcher; this package
moves entries between files and checks them. The formats are documented in
`glossaries/FORMAT.md`.
"""
