"""One list of English speech verbs (`mtfix/data/english-speech-verbs.tsv`) feeds PU001, GR002
and GR005: each finds every verb of the file, and a verb added to it, GR005 those with
`clause` yes only."""

from __future__ import annotations

import json
import subprocess
import sys

import mtfix
from mtfix import datafiles
from mtfix.rules import speech

#: A sentence each rule flags when `{verb}` is one of the speech verbs it reads.
TEXTS = {
    "PU001": '"We agree", - he {verb}.',
    "GR002": 'Maria Zakharova commented on the talks. "We are ready," he {verb}.',
    "GR005": "Lavrov {verb} Moscow ready to help.",
}

#: Adds two verbs to the file as read, then prints which rules flag each verb of argv[2:] in
#: the sentences of argv[1]; a fresh interpreter, so rules built at import see them too.
PROBE = """
import json, sys
import mtfix
from mtfix import datafiles
from mtfix.rules import speech

real = datafiles.table


def table(name):
    header, rows = real(name)
    return (header, rows + (("zorbled", "yes", "any"), ("blorped", "no", "any"), ("glimped", "no", "dash"))) if name == speech.DATA else (header, rows)


datafiles.table = table
texts = json.loads(sys.argv[1])
context = mtfix.Context(mtfix.Settings(select=tuple(texts)))
flagged = lambda text: {i.code for i in mtfix.check_text(text, context)}
print(json.dumps({v: sorted(c for c, t in texts.items() if c in flagged(t.format(verb=v))) for v in sys.argv[2:]}))
"""


def test_a_verb_added_to_the_file_is_found_by_every_consumer():
    command = [sys.executable, "-c", PROBE, json.dumps(TEXTS), "zorbled", "blorped", "glimped", "uttered"]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    found = json.loads(out.stdout.splitlines()[-1])
    assert found == {
        "zorbled": ["GR002", "GR005", "PU001"],
        "blorped": ["GR002", "PU001"],
        "glimped": ["PU001"],
        "uttered": [],
    }


def test_every_verb_of_the_file_is_found_by_every_consumer():
    context = mtfix.Context(mtfix.Settings(select=tuple(TEXTS)))
    wrong = {}
    for verb in sorted(speech.verbs()):
        expected = {"PU001", "GR002"} | ({"GR005"} if verb in speech.reporting_verbs() else set())
        found = {c for c, t in TEXTS.items() if c in {i.code for i in mtfix.check_text(t.format(verb=verb), context)}}
        if found != expected:
            wrong[verb] = sorted(found)
    assert not wrong


def test_the_file_holds_each_lower_case_verb_once_with_a_clause_and_a_use_tag():
    header, rows = datafiles.table(speech.DATA)
    assert header == ("verb", "clause", "use")
    assert all(len(row) == 3 and row[1] in ("yes", "no") and row[2] in ("any", "dash") for row in rows), rows
    verbs = [row[0] for row in rows]
    assert len(verbs) == len(set(verbs))
    assert all(w.isalpha() and w.islower() for v in verbs for w in v.split(" ")), verbs
    assert speech.reporting_verbs() < speech.verbs() < speech.dash_verbs() == frozenset(verbs)
    assert speech.verbs() == frozenset(row[0] for row in rows if row[2] == "any")


def test_a_verb_with_a_noun_and_its_complement_needs_no_copula():
    context = mtfix.Context(mtfix.Settings(select=("GR005",)))
    for text in (
        "He believed Smith guilty of fraud.",
        "The court declared Smith guilty of fraud.",
        "She thought Lavrov ready to help.",
    ):
        assert not mtfix.check_text(text, context), text
    assert mtfix.check_text("He noted Smith guilty of fraud.", context)
