"""Grammar rules (GR): severities, the seed article's artifacts, and clean English."""

from __future__ import annotations

from mtfix import check_text, fix_text
from mtfix.config import Settings
from mtfix.model import Severity

GR = Settings(select=("GR",))


def issues(text: str, code: str = "GR"):
    return [i for i in check_text(text, GR) if i.code.startswith(code)]


def test_litotes_with_negative_subject_is_only_info():
    (found,) = issues("No one has not heard of him.", "GR001")
    assert found.severity is Severity.INFO


def test_concord_signals_make_a_negative_subject_a_warning():
    for text in (
        "Officially, none of the parties has not yet commented.",
        "Not a single fact has not been presented.",
        "No one will never learn it.",
    ):
        (found,) = issues(text, "GR001")
        assert found.severity is Severity.WARNING, text


def test_quoted_negative_has_no_fix():
    (found,) = issues('Moscow has not seen "no evidence" of it.', "GR001")
    assert found.fix is None
    assert found.suggestions == ("any",)


def test_negation_span_covers_both_negatives():
    text = "According to him, not a single fact has not yet been granted."
    (found,) = issues(text, "GR001")
    assert text[found.span.start : found.span.end] == "not a single fact has not"


def test_safe_fixes_leave_double_negation_alone():
    text = "He did not find no trace of it."
    assert fix_text(text, GR) == text


SEED_51 = (
    "The fate of Assad\n\n"
    "Affected parties and the fate of Syrian President Bashar al-Assad. Tillerson expressed "
    "confidence that the departure from the post-Assad must go through an organized way.\n\n"
    "\"Our position is that Assad's regime is coming to an end, they are to blame, his "
    "behavior, the war that has continued for several years,\" - she said.\n"
)


def test_seed_pronoun_fix_covers_only_the_pronoun():
    (found,) = issues(SEED_51, "GR002")
    assert SEED_51[found.span.start : found.span.end] == "she"
    assert found.fix is not None and found.fix.applicability.value == "safe"


def test_seed_pronoun_and_dash_fixes_both_apply():
    fixed = fix_text(SEED_51, Settings(select=("GR002", "PU001")))
    assert fixed.endswith('several years," he said.\n')


def test_pronoun_gender_comes_from_the_glossary_surname():
    text = 'Zakharova commented on the talks. "We are ready," he said.'
    (found,) = issues(text, "GR002")
    assert found.suggestions == ("she",)


def test_pronoun_fix_is_unsafe_when_someone_else_may_be_meant():
    text = 'John Smith asked Wurzelbach about the talks. "No," she said.'
    (found,) = issues(text, "GR002")
    assert found.fix.applicability.value == "unsafe"
    assert "Wurzelbach" in found.message


def test_double_negation_ignores_a_clause_of_its_own():
    assert issues("I cannot say nothing happened.", "GR001") == []


def test_pronoun_speaker_is_found_across_markdown_paragraphs():
    from mtfix import engine
    from mtfix.formats import parse

    text = (
        "## The fate of Assad\n\n**Tillerson** expressed confidence.\n\n"
        '"Our position is clear," she said.\n'
    )
    document = parse(text, "markdown", "talks.md")
    found = [i for i in engine.check(document, GR) if i.code == "GR002"]
    assert [text[i.span.start : i.span.end] for i in found] == ["she"]
