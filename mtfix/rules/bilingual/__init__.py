"""Bilingual checks: the target compared with its source, unit by unit.

They run on formats that carry the source (XLIFF, PO, TMX, TSV/JSONL with a source column);
on plain text there are no units and they stay silent. Issues point at the target. One module
per concern: numbers, months, untranslated targets, length, placeholders, glossary terms,
consistency across units, and romanized source words; `common` holds what they share.
"""
