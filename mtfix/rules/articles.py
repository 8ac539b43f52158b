"""Article slips of an article-less source: `a` before a plural noun."""

from __future__ import annotations

import re
from functools import cache

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules.grammar import words

DATA = "grammar-articles.yml"
#: `a [modifier] <word in -s> of`: the one shape in which a plural after `a` is a slip
#: rather than a noun modifier (`a sales manager`) or a verb (`a child dies`).
ARTICLE_PLURAL = re.compile(
    r"(?<![\w'’-])(?P<article>an?)[ \t]+(?:(?P<modifier>[a-z][a-z-]*[a-z])[ \t]+)?"
    r"(?P<noun>[a-z]+[^s'’\W]s)[ \t]+of\b"
)
_NOT_PLURAL = ("ss", "us", "is", "ous", "ics", "ness")
#: Zipf frequencies (wordfreq) below which a word is too rare to judge.
MIN_PLURAL = 2.5
MIN_SINGULAR = 3.0


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Singular nouns in -s, quantity words, and the words (verbs, compound heads) that
    may follow `a` and precede `of` in English: `a child dies of`, `a heads of state summit`."""
    skip = words(DATA, "verbs_with_of") | words(DATA, "attributive")
    return words(DATA, "singular_s"), words(DATA, "quantities"), skip


def _singulars(noun: str) -> list[str]:
    found = [noun[:-1]]
    if noun.endswith("es"):
        found.append(noun[:-2])
    if noun.endswith("ies"):
        found.append(noun[:-3] + "y")
    return found


def is_plural(noun: str) -> bool:
    """A frequent English word in -s whose singular is a frequent word too."""
    from mtfix.lexicon.english import zipf

    singular_s, _, _ = _lists()
    if noun in singular_s or noun.endswith(_NOT_PLURAL):
        return False
    if zipf(noun) < MIN_PLURAL:
        return False
    return max(zipf(s) for s in _singulars(noun)) >= MIN_SINGULAR


@register
class ArticlePlural(Rule):
    """Russian has no articles; MT adds `a` from a singular reading and keeps the plural
    noun. Flagged only in the shape `a [adjective] <plural> of`, where a plural cannot be a
    noun modifier (`a sales manager`); quantities (`a few`, `a number`), singular nouns in -s
    (`a series`, `a means`) and verbs with `of` (`a child dies of`) are left alone.

    Bad: guided by the indigenous, a momentary interests of our peoples
    Good: guided by the fundamental, momentary interests of our peoples
    """

    code = "GR003"
    name = "article-plural"
    summary = "`a`/`an` before a plural noun"
    category = "grammar/article-agreement"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        singular_s, quantities, skip = _lists()
        text = document.text
        for m in document.finditer(ARTICLE_PLURAL):
            noun, modifier = m["noun"], m["modifier"]
            if noun in skip or (modifier and (modifier in quantities or modifier in singular_s)):
                continue
            if modifier and modifier.endswith("s") and is_plural(modifier):
                continue
            if not is_plural(noun):
                continue
            end = m.start("modifier") if modifier else m.start("noun")
            yield self.issue(
                m.start(),
                m.end("noun"),
                f"`{m['article']}` before the plural `{noun}`; drop the article or use `the`",
                suggestions=[text[end : m.end("noun")]],
                fix=Fix.unsafe(Edit.replace(m.start(), end, "")),
            )
