"""The fluency model (FL001): shipped as plain data, scored exactly as trained, mapped to exact
offsets, and retrained to the same weights."""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path

import pytest

from mtfix import check_text, datafiles
from mtfix.config import Settings
from mtfix.fluency import features
from mtfix.fluency.model import FILE, Model, shipped
from mtfix.fluency.tokens import sentences, tokens

ROOT = Path(__file__).resolve().parent.parent
GARBLED = "I want that you to go it there with"
FLUENT = "The talks ended on Friday."
FL = Settings(select=("FL",))


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return isinstance(value, (str, int, float))


def test_weights_are_plain_json_and_load():
    raw = datafiles.read_bytes(FILE)
    data = json.loads(raw.decode("utf-8"))
    assert _plain(data)
    model = shipped()
    assert model.weights and 0 < model.info <= model.warning < 1
    assert len(model.transitions) == 2 and all(len(row) == 2 for row in model.transitions)


def test_fast_scores_are_the_sum_of_each_tokens_feature_weights():
    model = shipped()
    for text in ('In Moscow , "they" said: the 600,000 roubles of the the Duma...',
                 "He of the zomboyaschik and pylosos for of to a the gorod said nashi lyudi it"):
        words = [t.text for t in tokens(text)]
        shared = features.sentence_type(words)
        naive = [sum(model.weights.get(f, 0.0) for f in names) for names in features.features(words)]
        assert model.scores(words) == pytest.approx(naive)
        assert model.scores(words) == pytest.approx(naive)  # again, from the cached sums
    assert shared[1] != "u0" and shared[2] != "o0"


def test_marginals_match_enumerating_every_labelling():
    model = Model({"0w=the": 1.5, "0r0": -0.5, "bias": -0.2}, ((0.4, -0.7), (-0.3, 0.9)), 0.5, 0.9)
    words = ["the", "cat", "the", "dog"]
    scores = model.scores(words)
    totals = [0.0] * len(words)
    partition = 0.0
    for labels in itertools.product((0, 1), repeat=len(words)):
        weight = sum(s for s, y in zip(scores, labels) if y)
        weight += sum(model.transitions[a][b] for a, b in zip(labels, labels[1:]))
        partition += math.exp(weight)
        for i, y in enumerate(labels):
            totals[i] += y * math.exp(weight)
    assert model.bad_probabilities(words) == pytest.approx([t / partition for t in totals])


def test_issues_lie_on_token_boundaries_of_the_text_as_read():
    text = f"Title\r\n\n  {GARBLED}.  Then — «{GARBLED}»\n{FLUENT}\n"
    found = check_text(text, FL)
    assert found
    starts = {t.start for t in tokens(text)}
    ends = {t.end for t in tokens(text)}
    for issue in found:
        assert issue.span.start in starts and issue.span.end in ends
        assert text[issue.span.start].isalnum() and text[issue.span.end - 1].isalnum()
    assert all(FLUENT not in text[i.span.start : i.span.end] for i in found)


def test_a_garbled_phrase_is_flagged_and_fluent_english_is_not():
    assert check_text(GARBLED, FL)
    assert not check_text(FLUENT, FL)


def test_a_confident_run_is_a_warning_between_infos():
    text = "DO NOT GO WITH CONDEMNANCE."
    found = [(i.severity.value, text[i.span.start : i.span.end]) for i in check_text(text, FL)]
    assert found == [("info", "DO NOT"), ("warning", "GO WITH CONDEMNANCE")]


def test_messages_name_no_model_score():
    """A retrain changes scores, not messages, so judgements and baselines keyed on a message
    survive it."""
    found = check_text(GARBLED + ". DO NOT GO WITH CONDEMNANCE.", FL)
    assert found and all(not any(c.isdigit() for c in issue.message) for issue in found)


def test_the_rule_runs_only_when_chosen_by_code_or_prefix():
    assert not [i for i in check_text(GARBLED) if i.code == "FL001"]
    assert [i for i in check_text(GARBLED, Settings(select=("ALL", "FL001"))) if i.code == "FL001"]


def test_sentences_split_after_a_full_stop_but_not_after_an_abbreviation():
    text = 'Mr. Smith left. "Then?" he asked. U.S. troops came.'
    assert [[t.text for t in s][:2] for s in sentences(text)] == [["Mr", "."], ['"', "Then"], ["U", "."]]


def test_training_on_a_slice_gives_the_same_weights_twice(tmp_path):
    pytest.importorskip("pycrfsuite")
    sys.path.insert(0, str(ROOT))
    from training import fluency, mlqe

    if not (mlqe.CORPUS / "train").is_dir():
        pytest.skip("MLQE-PE corpus not present")
    lines = mlqe.read("train")[:150]
    first = fluency.train_crf(lines, {**fluency.CRF, "max_iterations": 30})
    second = fluency.train_crf(lines, {**fluency.CRF, "max_iterations": 30})
    assert first["weights"] and json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_news_post_edits_tag_what_the_post_edit_changed():
    sys.path.insert(0, str(ROOT))
    from training import postedit

    line = postedit.tagged("For their renovation were built two platforms.", "Two platforms were built for the renovation.")
    tagged = {line.text[s:e]: bad for (s, e), bad in zip(line.spans, line.bad)}
    assert tagged == {"For": True, "their": True, "renovation": True, "were": False, "built": False,
                      "two": True, "platforms": True, ".": False}
