"""LanguageTool as the engine's second opinion: selected matches of a run's servers, merged
with the issues mtfix's own rules found."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mtfix.languagetool.batching import (
    MAX_UNITS,
    MIN_UNITS,
    Batch,
    batches,
    pack,
    utf16_length,
)
from mtfix.languagetool.mapping import (
    SPELLING,
    duplicate,
    is_known,
    known_words,
    to_issue,
)
from mtfix.languagetool.server import (
    STARTUP_TIMEOUT,
    TIMEOUT,
    LanguageToolUnavailable,
    LocalServer,
    Server,
    TextTooLong,
)
from mtfix.languagetool.target import LOCAL
from mtfix.model import Issue
from mtfix.selection import LANGUAGETOOL

if TYPE_CHECKING:

    from mtfix.config import Settings
    from mtfix.context import Context
    from mtfix.document import Document


def _selected(code: str, settings: Settings) -> bool:
    from mtfix.selection import specificity

    return specificity(code, settings.select) > specificity(code, settings.ignore)


def wanted(settings: Settings) -> bool:
    """Whether select/ignore leave any LanguageTool rule chosen (else nothing is sent)."""
    if not settings.languagetool:
        return False
    return _selected(f"{LANGUAGETOOL}:", settings) or any(
        s.startswith(f"{LANGUAGETOOL}:") and len(s) > len(LANGUAGETOOL) + 1 for s in settings.select
    )


def _warn(message: str) -> None:
    print(f"mtfix: warning: {message}", file=sys.stderr)


@dataclass
class _Connection:
    server: Server | None
    label: str


class SecondOpinion:
    """LanguageTool's issues for a document, for the engine to merge with mtfix's own.

    Called as `opinion(document, context, found)`, with `found` the issues mtfix's rules
    found; returns LanguageTool issues that are selected, not about glossary terms, and not
    already covered by one of `found`. Answers are cached by request, so the fix loop's
    re-checks only send the paragraphs that changed. The first failure of a target warns
    once and switches that target off for the rest of the run; so does a target whose
    requests have taken `budget` seconds in all (by default the settings'
    `languagetool-timeout` where the target is first asked).
    """

    def __init__(
        self,
        warn: Callable[[str], None] = _warn,
        timeout: float = TIMEOUT,
        max_units: int = MAX_UNITS,
        startup_timeout: float = STARTUP_TIMEOUT,
        budget: float | None = None,
    ) -> None:
        self.warn = warn
        self.timeout = timeout
        self.max_units = max_units
        self.startup_timeout = startup_timeout
        self.budget = budget
        self._connections: dict[str, _Connection] = {}
        self._local: LocalServer | None = None
        self._cache: dict[tuple[str, str, str | None, str], list[dict[str, Any]]] = {}
        self._incomplete_warned = False

    def close(self) -> None:
        """Stop a local LanguageTool this run started."""
        if self._local is not None:
            self._local.close()

    def __enter__(self) -> SecondOpinion:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connect(self, settings: Settings) -> _Connection:
        target = settings.languagetool
        if target in self._connections:
            return self._connections[target]
        label = "the local LanguageTool" if target == LOCAL else f"LanguageTool at {target}"
        try:
            if target == LOCAL:
                self._local = LocalServer(self.startup_timeout)
                url = self._local.start()
            else:
                url = target
        except (LanguageToolUnavailable, OSError) as err:
            self._give_up(target, label, f"LanguageTool is unavailable: {err}")
        else:
            budget = settings.languagetool_timeout if self.budget is None else self.budget
            self._connections[target] = _Connection(Server(url, self.timeout, budget), label)
        return self._connections[target]

    def _give_up(self, target: str, label: str, reason: str) -> None:
        self.warn(f"{reason}; checked with mtfix's own rules only")
        self._connections[target] = _Connection(None, label)

    def __call__(self, document: Document, context: Context, found: list[Issue]) -> list[Issue]:
        settings = context.settings
        if not wanted(settings):
            return []
        connection = self._connect(settings)
        if connection.server is None:
            return []
        language = "en-GB" if settings.english_variant == "UK" else "en-US"
        mother_tongue = settings.language_pair.partition("-")[0] or None
        try:
            answers = [
                found
                for batch in batches(document, self.max_units)
                for found in self._ask(connection.server, document.text, batch, language, mother_tongue)
            ]
        except LanguageToolUnavailable as err:
            self._give_up(settings.languagetool, connection.label, f"{connection.label} {err}")
            return []
        known = known_words(context.glossary)
        issues = []
        for batch, match in answers:
            try:
                issue = to_issue(match, batch.text(document.text), batch)
            except (AttributeError, TypeError, ValueError):  # a match not in LanguageTool's format
                continue
            if issue is None or not _selected(issue.code, settings):
                continue
            if issue.category in SPELLING and is_known(document.text[issue.span.start : issue.span.end], known):
                continue
            if not duplicate(issue, found):
                issues.append(issue)
        return issues

    def _ask(
        self, server: Server, text: str, batch: Batch, language: str, mother_tongue: str | None
    ) -> list[tuple[Batch, dict[str, Any]]]:
        """The matches for one batch, each with the batch it was sent as; a batch the server
        finds too long is split to the server's limit and sent again."""
        sent = batch.text(text)
        key = (server.url, language, mother_tongue, sent)
        if key not in self._cache:
            try:
                answer = server.check(sent, language, mother_tongue)
            except TextTooLong as err:
                limit = min(err.limit or self.max_units // 2, utf16_length(sent) - 1)
                if limit < MIN_UNITS:
                    raise
                self.max_units = min(self.max_units, limit)
                return [
                    found
                    for smaller in pack(text, batch.spans, limit)
                    for found in self._ask(server, text, smaller, language, mother_tongue)
                ]
            if (answer.get("warnings") or {}).get("incompleteResults") and not self._incomplete_warned:
                self._incomplete_warned = True
                self.warn(
                    f"LanguageTool at {server.url} returned incomplete results (its time limit); "
                    "some of its matches may be missing"
                )
            self._cache[key] = [m for m in answer["matches"] if isinstance(m, dict)]
        return [(batch, match) for match in self._cache[key]]
