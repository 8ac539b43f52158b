"""The run context: what checking needs beyond the settings, built once and reused.

One context serves every document checked under one Settings value: a CLI run, a
long-running language server or a worker that checks many shards builds it once and passes
it on. It loads the glossaries and instantiates the selected rules on first use; nothing in
it is global, and two contexts share nothing but the files they read.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from mtfix.config import Settings

if TYPE_CHECKING:
    from mtfix.glossary import Glossary
    from mtfix.languages import Pair
    from mtfix.registry import Rule


class Context:
    """The resources of a run under `settings`: its glossary and its rules."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def glossary(self) -> Glossary:
        """The shipped glossaries of the language pair plus the configured ones."""
        from mtfix.glossary import load_glossaries

        settings = self.settings
        kyiv = "kiev-policy" in self.pair.policies and settings.kiev_policy == "kyiv"
        policies = ("kyiv",) if kyiv else ()
        return load_glossaries(settings.language_pair, settings.glossaries, policies, settings.max_file_size)

    @cached_property
    def pair(self) -> Pair:
        """The profile of the language pair: its source language, glossaries and packs."""
        from mtfix.languages import pair

        return pair(self.settings.language_pair)

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The selected rules, shipped and of the house packs (`packs`), that apply to the
        pair's source language, each instantiated once for this context."""
        from mtfix.packs.house import rules as house_rules
        from mtfix.selection import selected

        source = self.pair.source.code
        chosen = selected(self.settings.select, self.settings.ignore, house_rules(self.settings.packs))
        return tuple(rule(self) for rule in chosen if rule.applies_to(source))


def context_of(value: Context | Settings | None) -> Context:
    """`value` itself when it is a context, else a new context for those settings."""
    return value if isinstance(value, Context) else Context(value)


class Contexts:
    """One context per distinct Settings value, for a run that reads several configurations."""

    def __init__(self) -> None:
        self._by_settings: dict[Settings, Context] = {}

    def __call__(self, settings: Settings) -> Context:
        found = self._by_settings.get(settings)
        if found is None:
            found = self._by_settings[settings] = Context(settings)
        return found
