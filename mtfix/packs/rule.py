"""A pack as a Rule class: the code, name, summary, category and severity it declares, a
docstring made of its description, examples and entries, and a `check` that runs its
entries (those the selection chooses: `--ignore CQ001:told-about` drops one)."""

from __future__ import annotations

from typing import ClassVar

from mtfix.packs import matching
from mtfix.packs.schema import Pack
from mtfix.registry import Rule
from mtfix.selection import chooses
from mtfix.tokenization import tokenized


class PackRule(Rule):
    """A rule whose checks are the entries of a pack."""

    pack: ClassVar[Pack]

    def __init__(self, context) -> None:
        super().__init__(context)
        select, ignore = self.settings.select, self.settings.ignore
        self.active = tuple(
            e for e in self.pack.entries if self.pack.single or chooses(f"{self.code}:{e.id}", select, ignore)
        )

    def check(self, document):
        if "tokenized" in self.pack.skip and tokenized(document, self.settings.tokenized):
            return
        for entry in self.active:
            for hit in matching.find(self.pack, entry, document):
                yield self.issue(
                    hit.start, hit.end, hit.message, hit.suggestions, hit.fix, entry.severity,
                    entry="" if self.pack.single else entry.id,
                )


def example(entry) -> tuple[str, tuple[str, ...]]:
    """The entry's message and suggestions as its bad example shows them (`\\g<...>` filled in)."""
    text = entry.bad.partition(" → ")[0] if entry.kind == "pair" else entry.bad
    pattern = entry.source if entry.kind == "pair" else entry.pattern
    found = pattern.search(text) if text else None
    if found is None:
        return entry.message, entry.suggestions
    fill = lambda template: found.expand(template) if "\\" in template else template  # noqa: E731
    return fill(entry.message), tuple(fill(s) for s in entry.suggestions)


def docstring(pack: Pack) -> str:
    """What `mtfix explain CODE` prints: the description, a bad and a good example (the
    pack's own, else its first entry's that has both), and every entry in one line (but for
    a one-check pack)."""
    bad, good = pack.bad, pack.good
    if not (bad and good):
        shown = next((e for e in pack.entries if e.bad and e.good), None)
        bad, good = (shown.bad, shown.good) if shown else ("", "")
    parts = [pack.description or pack.summary]
    if bad and good:
        parts.append(f"Bad: {bad}\nGood: {good}")
    if pack.single:
        return "\n\n".join(parts)
    lines = [f"Entries in {pack.path} (each selectable as {pack.code}:<id>):"]
    for entry in pack.entries:
        fix = "" if entry.fix == "none" else f" [{entry.fix} fix]"
        lines.append(f"  {entry.id}{fix}: {example(entry)[0]}")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def rule_class(pack: Pack) -> type[PackRule]:
    """A Rule class for `pack`, named after its rule."""
    name = "".join(word.title() for word in pack.name.split("-")) + "Pack"
    return type(
        name,
        (PackRule,),
        {
            "__doc__": docstring(pack),
            "__module__": __name__,
            "pack": pack,
            "code": pack.code,
            "name": pack.name,
            "summary": pack.summary,
            "category": pack.category,
            "severity": pack.severity,
            "fixable": pack.fixable,
            "languages": frozenset(pair.split("-")[0] for pair in pack.pairs),
            "entry_ids": frozenset() if pack.single else frozenset(e.id for e in pack.entries),
        },
    )
