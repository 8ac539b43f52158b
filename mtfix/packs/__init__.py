"""Packs: rules written as YAML files, without Python (the format is in docs/packs.md).

A pack declares a rule (code, name, summary, category, severity, the language pairs it is
for) and its entries, each of one generic kind: existence, substitution, consistency,
repetition, or a source/target pair. `schema` reads and validates a file, `matching` finds
what its entries match, `rule` turns a pack into a Rule class, `lint` reports entries that
cannot work (`mtfix pack check`), and `house` loads the packs a configuration names.
"""
