"""LanguageTool as a second opinion, against a test double of its HTTP server on 127.0.0.1.

The double (tests/data/languagetool/double.py) is not LanguageTool: it answers `/v2/check`
with recorded JSON or a trivial "teh" rule, or is slow, failing or refusing long texts.
tests/test_languagetool_live.py runs against a real LanguageTool when one is available.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import stat
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtfix import engine
from mtfix.config import ConfigError, Settings, load
from mtfix.document import Document
from mtfix.languagetool import batching, mapping, target
from mtfix.languagetool.opinion import SecondOpinion
from mtfix.model import Issue, Severity, Span
from mtfix.selection import is_languagetool_selector

DATA = Path(__file__).parent / "data" / "languagetool"
SAMPLE = (DATA / "mt-sample.txt").read_bytes().decode("utf-8")
RECORDED = json.loads((DATA / "mt-sample.json").read_text(encoding="utf-8"))

_spec = importlib.util.spec_from_file_location("languagetool_double", DATA / "double.py")
double = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(double)


def settings(target: str, **overrides) -> Settings:
    return Settings(languagetool=target, **overrides)


def check(text: str, target: str, opinion=None, segments=(), **overrides) -> list[Issue]:
    opinion = opinion or SecondOpinion(warn=pytest.fail)
    return engine.check(Document(text, segments=list(segments)), settings(target, **overrides), opinion)


def lt_issues(issues):
    return [i for i in issues if i.code.startswith("LT:")]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Targets, selectors, mapping -------------------------------------------------------------


def test_targets():
    assert target.parse_target("local") == "local"
    assert target.parse_target(" OFF ") == ""
    assert target.parse_target("http://127.0.0.1:8081") == "http://127.0.0.1:8081"
    assert target.parse_target("http://127.0.0.1:8081/v2/") == "http://127.0.0.1:8081"
    assert target.parse_target("https://lt.example.org/api/v2/check") == "https://lt.example.org/api"
    for bad in ("ftp://host", "127.0.0.1:8081", "loc", "http://"):
        with pytest.raises(ValueError):
            target.parse_target(bad)


def test_selectors():
    assert all(is_languagetool_selector(s) for s in ("LT", "LT:", "LT:MORFOLOGIK_RULE_EN_US"))
    assert not any(is_languagetool_selector(s) for s in ("LTX", "LT:lower", "L", "PU001"))


@pytest.mark.parametrize(
    "category_id, issue_type, expected",
    [
        ("TYPOS", "misspelling", "spelling/misspelling"),
        ("GRAMMAR", "grammar", "grammar/general"),
        ("PUNCTUATION", "typographical", "punctuation/general"),
        ("TYPOGRAPHY", "whitespace", "punctuation/spacing"),
        ("TYPOGRAPHY", "typographical", "punctuation/typography"),
        ("STYLE", "style", "style/general"),
        ("REDUNDANCY", "style", "style/redundancy"),
        ("CASING", "typographical", "casing/capitalization"),
        ("MISC", "duplication", "spelling/repetition"),
        ("CONFUSED_WORDS", "grammar", "spelling/confused-words"),
        ("FALSE_FRIENDS", "mistranslation", "accuracy/mistranslation"),
        ("SOMETHING_NEW", "grammar", "grammar/general"),
        ("SOMETHING_NEW", "uncategorized", "fluency/other"),
        (None, None, "fluency/other"),
    ],
)
def test_category_mapping(category_id, issue_type, expected):
    match = {"rule": {"id": "X", "issueType": issue_type, "category": {"id": category_id}}}
    assert mapping.category(match) == expected
    assert expected in mapping.CATEGORIES and expected.count("/") == 1


def test_recorded_matches_become_issues_at_exact_offsets():
    issues = [mapping.to_issue(m, SAMPLE) for m in RECORDED["matches"]]
    assert all(issues)
    for issue, match in zip(issues, RECORDED["matches"]):
        flagged = SAMPLE[issue.span.start : issue.span.end]
        context = match["context"]
        shown = context["text"].encode("utf-16-le")[2 * context["offset"] : 2 * (context["offset"] + context["length"])]
        assert flagged.replace("\n", " ") == shown.decode("utf-16-le")
    statment = next(i for i in issues if SAMPLE[i.span.start : i.span.end] == "statment")
    assert statment.code == "LT:MORFOLOGIK_RULE_EN_US" and statment.name == "morfologik-rule-en-us"
    assert statment.category == "spelling/misspelling" and statment.severity is Severity.WARNING
    assert statment.suggestions == ("statement", "statements")
    assert statment.fix.applicability.value == "unsafe"
    assert [(e.span, e.replacement) for e in statment.fix.edits] == [(statment.span, "statement")]
    # after the emoji, LanguageTool's UTF-16 offset is one more than the code-point offset
    raw = RECORDED["matches"][issues.index(statment)]
    assert raw["offset"] == statment.span.start + 1
    quotes = next(i for i in issues if i.code == "LT:EN_QUOTES")
    assert quotes.severity is Severity.INFO and quotes.category == "punctuation/typography"


def test_astral_characters_and_code_point_servers():
    text = "𝒜𝒜 an speling here"
    utf16 = {"offset": 8, "length": 7, "context": {"text": text, "offset": 8, "length": 7}}
    assert mapping.locate(utf16, text) == (6, 13)
    # a server counting code points: the context shows which reading is right
    points = {"offset": 6, "length": 7, "context": {"text": "𝒜𝒜 an speling here", "offset": 8, "length": 7}}
    assert mapping.locate(points, text) == (6, 13)
    wrong = {"offset": 3, "length": 2, "context": {"text": text, "offset": 8, "length": 7}}
    assert mapping.locate(wrong, text) is None
    assert mapping.locate({"offset": 40, "length": 2}, text) is None
    assert mapping.locate({"offset": -1, "length": 2}, text) is None


@given(
    st.text(alphabet=st.sampled_from("ab \n😀𝒜é"), max_size=30),
    st.data(),
)
def test_utf16_offsets_map_to_code_points(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if start == end:
        return
    units = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    match = {
        "offset": units(text[:start]),
        "length": units(text[start:end]),
        "context": {"text": text, "offset": units(text[:start]), "length": units(text[start:end])},
    }
    located = mapping.locate(match, text)
    assert located == (start, end)


def test_replacement_equal_to_the_text_is_no_fix():
    match = {"offset": 0, "length": 3, "replacements": [{"value": "teh"}], "rule": {"id": "x-y"}}
    issue = mapping.to_issue(match, "teh cat", batching.Batch((Span(10, 17),)))
    assert issue.span == Span(10, 13) and issue.fix is None and issue.code == "LT:X_Y"


# Batching ---------------------------------------------------------------------------------


def paragraphs(count: int, words: int = 30) -> str:
    return "".join(f"Paragraph {n} has teh word. " + "word " * words + "\n\n" for n in range(count))


def test_batches_are_whole_paragraphs_under_the_limit():
    text = paragraphs(12)
    document = Document(text)
    found = batching.batches(document, limit=500)
    assert all(len(b.spans) == 1 for b in found)  # one segment: contiguous text, sent as is
    spans = [b.spans[0] for b in found]
    assert len(spans) > 1
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for before, after in zip(spans, spans[1:]):
        assert before.end == after.start
    for span in spans:
        piece = text[span.start : span.end]
        assert double.units(piece) <= 500
        assert piece.startswith("Paragraph ")


def test_a_paragraph_longer_than_the_limit_is_split_by_sentence():
    text = "One teh sentence here. " * 60
    spans = [b.spans[0] for b in batching.batches(Document(text), limit=200)]
    assert all(double.units(text[s.start : s.end]) <= 200 for s in spans)
    assert all(text[s.start : s.end].startswith("One") for s in spans)
    assert "".join(text[s.start : s.end] for s in spans) == text


def test_segments_are_joined_and_matches_mapped_back():
    text = "# Title teh\n\nA teh cat.\n\n```\ncode teh\n```\n\nAnother 😀 teh.\n"
    segments = [Span(2, 11), Span(13, 23), Span(43, 57)]
    document = Document(text, segments=segments)
    (batch,) = batching.batches(document)
    assert batch.text(text) == "Title teh\n\nA teh cat.\n\nAnother 😀 teh."
    with double.Double() as server:
        issues = lt_issues(check(text, server.url, segments=segments))
        assert len(server.requests) == 1
    assert [i.span.start for i in issues] == [8, 15, 53]  # not 34, in the code block
    assert all(text[i.span.start : i.span.end] == "teh" for i in issues)
    assert batching.Batch((Span(0, 3), Span(10, 13))).to_document(2, 6) is None  # across segments


def test_batched_matches_land_at_document_offsets():
    text = paragraphs(10) + "Last 😀 teh.\n"
    with double.Double() as server:
        opinion = SecondOpinion(warn=pytest.fail, max_units=400)
        issues = lt_issues(check(text, server.url, opinion))
        assert len(server.requests) > 1
        assert all(double.units(r["text"]) <= 400 for r in server.requests)
        assert all(r["language"] == "en-US" and r["motherTongue"] == "ru" for r in server.requests)
    assert len(issues) == text.count("teh")
    assert all(text[i.span.start : i.span.end] == "teh" for i in issues)


def test_server_limit_is_honoured():
    text = paragraphs(6)
    with double.Double(limit=300) as server:
        opinion = SecondOpinion(warn=pytest.fail, max_units=5000)
        issues = lt_issues(check(text, server.url, opinion))
        assert server.requests[0]["text"] == text  # refused with 413, then split
        assert all(double.units(r["text"]) <= 300 for r in server.requests[1:])
    assert len(issues) == 6


def test_fix_loop_resends_only_changed_paragraphs():
    text = "A teh cat.\n\nNothing to fix here.\n"
    with double.Double() as server:
        opinion = SecondOpinion(warn=pytest.fail, max_units=25)
        outcome = engine.fix(Document(text), settings(server.url), unsafe=True, extra=opinion)
        sent = [r["text"] for r in server.requests]
    assert outcome.document.text == "A the cat.\n\nNothing to fix here.\n"
    assert sent.count("Nothing to fix here.\n") == 1


# Merging with mtfix's own issues ----------------------------------------------------------


def test_recorded_sample_merged_with_mtfix_issues():
    with double.Double() as server:
        issues = check(SAMPLE, server.url)
    codes = {(i.code, SAMPLE[i.span.start : i.span.end]) for i in issues}
    # mtfix's own issues stay; LanguageTool's on the same spans of the same kind go
    assert ("SP001", "the the") in codes and ("LT:ENGLISH_WORD_REPEAT_RULE", "the the") not in codes
    assert ("LT:COMMA_PARENTHESIS_WHITESPACE", " ,") not in codes
    # glossary terms are not misspellings
    assert not any(text in ("Jabhat", "Nusra") for _, text in codes)
    assert ("LT:MORFOLOGIK_RULE_EN_US", "teh") in codes
    assert ("LT:HE_VERB_AGR", "He have") in codes
    assert ("LT:MORFOLOGIK_RULE_EN_US", "statment") in codes
    assert sum(code == "LT:EN_A_VS_AN" for code, _ in codes) == 1  # same code and text twice
    assert len([i for i in issues if i.code == "LT:EN_A_VS_AN"]) == 2


def test_select_ignore_and_severity_apply():
    with double.Double() as server:
        ignored = check(SAMPLE, server.url, ignore=("LT",))
        assert not lt_issues(ignored) and not server.requests  # nothing was even sent
        one = check(SAMPLE, server.url, select=("LT:MORFOLOGIK_RULE_EN_US",))
        assert {i.code for i in one} == {"LT:MORFOLOGIK_RULE_EN_US"}
        but = check(SAMPLE, server.url, ignore=("LT:EN_A_VS_AN", "SP"))
        assert "LT:EN_A_VS_AN" not in {i.code for i in but} and "LT:HE_VERB_AGR" in {i.code for i in but}
        levels = check(
            SAMPLE, server.url,
            severity=(("LT", Severity.INFO), ("LT:HE_VERB_AGR", Severity.ERROR)),
        )
    by_code = {i.code: i.severity for i in levels}
    assert by_code["LT:HE_VERB_AGR"] is Severity.ERROR
    assert by_code["LT:MORFOLOGIK_RULE_EN_US"] is Severity.INFO


def test_suppression_directives_hide_languagetool_issues():
    text = "<!-- mtfix: ignore LT:MORFOLOGIK_RULE_EN_US -->\nA teh cat.\n\nAnother teh dog.\n"
    with double.Double() as server:
        issues = lt_issues(check(text, server.url))
    assert [text[i.span.start : i.span.end + 4] for i in issues] == ["teh dog"]


def test_off_sends_nothing():
    with double.Double() as server:
        assert not lt_issues(check("A teh cat.\n", ""))
        assert not server.requests


# Failures: one warning, mtfix carries on --------------------------------------------------


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda: double.Double(delay=3), "did not answer within 0.5 s"),
        (lambda: double.Double(status=500), "answered HTTP 500"),
        (lambda: double.Double(garbage=True), "something other than LanguageTool's JSON"),
    ],
)
def test_failing_server_warns_once(make, expected):
    warnings = []
    text = "A teh cat , said Lavrov.\n"
    with make() as server:
        opinion = SecondOpinion(warn=warnings.append, timeout=0.5)
        started = time.monotonic()
        first = check(text, server.url, opinion)
        second = check(text, server.url, opinion)
        assert time.monotonic() - started < 3
        assert len(server.requests) == 1
    assert len(warnings) == 1 and expected in warnings[0] and server.url in warnings[0]
    assert "mtfix's own rules only" in warnings[0]
    assert [i.code for i in first] == [i.code for i in second] == ["WS002"]


def test_matches_not_in_languagetool_format_are_skipped():
    text = "A teh cat.\n"
    good = double.typo_answer(text, "en-US")["matches"][0]
    odd = [{**good, "rule": "X"}, {**good, "offset": "0"}, {**good, "replacements": [3, None]}, "match", {}]
    with double.Double() as server:
        server.answers[text] = {"matches": odd + [good]}
        issues = lt_issues(check(text, server.url))
    # the rule that is a string, the offset that is a string, "match" and {} are skipped
    assert {(i.code, i.span, i.suggestions) for i in issues} == {
        ("LT:MORFOLOGIK_RULE_EN_US", Span(2, 5), ()), ("LT:MORFOLOGIK_RULE_EN_US", Span(2, 5), ("the", "tech"))
    }


def test_unreachable_server_warns_once():
    warnings = []
    opinion = SecondOpinion(warn=warnings.append, timeout=2)
    url = f"http://127.0.0.1:{closed_port()}"
    for _ in range(3):
        assert not lt_issues(check("A teh cat.\n", url, opinion))
    assert len(warnings) == 1 and "is unreachable" in warnings[0]


# Configuration and command line -----------------------------------------------------------


def test_config_key(tmp_path):
    path = tmp_path / "mtfix.toml"
    path.write_text('languagetool = "http://127.0.0.1:8081/v2"\nignore = ["LT:EN_QUOTES"]\n[severity]\n"LT" = "info"\n')
    loaded = load(path)
    assert loaded.languagetool == "http://127.0.0.1:8081" and loaded.ignore == ("LT:EN_QUOTES",)
    for bad in ('languagetool = "nowhere"', "languagetool = 8081", 'select = ["LT:lower"]'):
        path.write_text(bad + "\n")
        with pytest.raises(ConfigError, match="languagetool|LT:lower"):
            load(path)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """`mtfix` in this process (typer's runner), in tmp_path; stdout and stderr as bytes."""
    from types import SimpleNamespace

    from typer.testing import CliRunner

    from mtfix.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(*args: str):
        result = CliRunner().invoke(app, list(args))
        return SimpleNamespace(
            returncode=result.exit_code, stdout=result.stdout.encode(), stderr=result.stderr.encode()
        )

    return invoke


def test_cli_check_json_and_exit_codes(cli, tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    with double.Double() as server:
        done = cli("check", "--format", "json", "--languagetool", server.url, "a.txt")
        alone = cli("check", "--fail-on", "info", "--languagetool", server.url, "--select", "LT", "--ignore", "LT:MORFOLOGIK_RULE_EN_US,LT:EN_A_VS_AN,LT:HE_VERB_AGR,LT:EN_QUOTES", "a.txt")
        clean = cli("check", "--languagetool", server.url, "--select", "LT:UPPERCASE_SENTENCE_START", "a.txt")
    assert done.returncode == 1 and done.stderr == b""
    issues = json.loads(done.stdout)["files"][0]["issues"]
    statment = next(i for i in issues if i["text"] == "statment")
    assert statment["code"] == "LT:MORFOLOGIK_RULE_EN_US"
    assert SAMPLE[statment["start"] : statment["end"]] == "statment"
    assert statment["fix"]["applicability"] == "unsafe"
    # without SP001 and WS002 there is nothing of mtfix's own to deduplicate against; the
    # matches left are info, which fail the run only with --fail-on info
    assert alone.returncode == 1
    assert [line.split()[1] for line in alone.stdout.decode().splitlines()[:2]] == [
        "LT:ENGLISH_WORD_REPEAT_RULE", "LT:COMMA_PARENTHESIS_WHITESPACE"
    ]
    assert clean.returncode == 0, clean.stdout


def test_cli_fix_applies_languagetool_fixes_only_when_unsafe(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A teh cat.\n", encoding="utf-8")
    with double.Double() as server:
        safe = cli("fix", "--languagetool", server.url, "a.txt")
        assert path.read_text() == "A teh cat.\n" and safe.returncode == 1
        unsafe = cli("fix", "--unsafe-fixes", "--languagetool", server.url, "a.txt")
    assert path.read_text() == "A the cat.\n" and unsafe.returncode == 0


def test_cli_unreachable_server_one_warning_normal_exit(run, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("A teh cat , said Lavrov.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{closed_port()}"
    done = run("check", "--languagetool", url, "a.txt", "b.txt")
    assert done.returncode == 1 and b"WS002" in done.stdout
    warnings = done.stderr.decode().strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("mtfix: warning: LanguageTool at ")
    clean = run("check", "--languagetool", url, "--select", "LT", "a.txt")
    assert clean.returncode == 0


def test_cli_bad_target_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n")
    done = cli("check", "--languagetool", "ftp://x", "a.txt")
    assert done.returncode == 2 and b"--languagetool" in done.stderr


def test_cli_explain_and_rules(cli):
    explained = cli("explain", "lt:morfologik_rule_en_us")
    assert explained.returncode == 0 and b"LanguageTool's rule MORFOLOGIK_RULE_EN_US" in explained.stdout
    assert cli("explain", "LT").returncode == 0
    assert cli("explain", "LTX").returncode == 2
    assert b"LT:*" in cli("rules").stdout


def test_cli_report_takes_languagetool(cli, tmp_path):
    (tmp_path / "a.txt").write_text("A teh cat.\n", encoding="utf-8")
    with double.Double() as server:
        done = cli("report", "--languagetool", server.url, "a.txt")
    assert done.returncode == 0 and b"LT:MORFOLOGIK_RULE_EN_US" in done.stdout


# `--languagetool local`, with a stand-in `java` that runs the double ----------------------


def fake_java(folder: Path) -> Path:
    """A `java` on PATH that serves the double where LanguageTool's server would run."""
    folder.mkdir()
    java = folder / "java"
    java.write_text(
        f"#!{sys.executable}\n"
        "# test double of `java`: runs the LanguageTool server double instead\n"
        "import sys\n"
        "args = sys.argv[1:]\n"
        "if '-version' in args:\n"
        "    print('openjdk version \"17.0.15\" 2025-04-15', file=sys.stderr)\n"
        "    sys.exit(0)\n"
        "flag = '--port' if '--port' in args else '-p'\n"
        f"sys.path.insert(0, {str(DATA)!r})\n"
        "import double\n"
        f"double.serve(int(args[args.index(flag) + 1]), {str(folder / 'pid')!r})\n"
    )
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return folder


def local_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    bin_dir = fake_java(tmp_path / "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("LTP_JAR_DIR_PATH", "LTP_PATH")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", LTP_PATH=str(tmp_path / "ltp"), **extra)
    return env


def run_local(tmp_path, env):
    import subprocess

    (tmp_path / "a.txt").write_text("A teh cat.\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mtfix", "check", "--format", "json", "--languagetool", "local", "a.txt"],
        capture_output=True, cwd=tmp_path, env={**env, "NO_COLOR": "1"}, timeout=120,
    )


def assert_stopped(pid_file: Path) -> None:
    pid = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"the local server {pid} is still running")


needs_library = pytest.mark.skipif(
    importlib.util.find_spec("language_tool_python") is None, reason="language-tool-python is not installed"
)


@needs_library
def test_local_without_languagetool_warns_once(tmp_path):
    env = local_env(tmp_path)
    done = run_local(tmp_path, env)
    warnings = done.stderr.decode().strip().splitlines()
    assert done.returncode == 0, done.stderr  # no issue of mtfix's own in this text
    assert len(warnings) == 1 and "no LanguageTool installed in" in warnings[0]
    assert "LTP_JAR_DIR_PATH" in warnings[0] and "does not download" in warnings[0]


@needs_library
def test_local_server_that_exits_warns_once(tmp_path):
    jars = tmp_path / "jars"
    jars.mkdir()
    (jars / "languagetool-server.jar").write_bytes(b"")
    env = local_env(tmp_path, LTP_JAR_DIR_PATH=str(jars))
    java = tmp_path / "bin" / "java"
    java.write_text(f"#!{sys.executable}\nimport sys\nprint('Error: Unable to access jarfile', file=sys.stderr)\nsys.exit(1)\n")
    done = run_local(tmp_path, env)
    warnings = done.stderr.decode().strip().splitlines()
    assert done.returncode == 0 and len(warnings) == 1
    assert "exited with code 1: Error: Unable to access jarfile" in warnings[0]


@needs_library
def test_local_with_jar_dir(tmp_path):
    jars = tmp_path / "jars"
    jars.mkdir()
    (jars / "languagetool-server.jar").write_bytes(b"")
    done = run_local(tmp_path, local_env(tmp_path, LTP_JAR_DIR_PATH=str(jars)))
    assert done.stderr == b"", done.stderr
    issues = json.loads(done.stdout)["files"][0]["issues"]
    assert [(i["code"], i["text"]) for i in issues] == [("LT:MORFOLOGIK_RULE_EN_US", "teh")]
    assert_stopped(tmp_path / "bin" / "pid")


@needs_library
def test_local_with_language_tool_python_install(tmp_path):
    installed = tmp_path / "ltp" / "LanguageTool-6.6"
    installed.mkdir(parents=True)
    (installed / "languagetool-server.jar").write_bytes(b"")
    done = run_local(tmp_path, local_env(tmp_path))
    assert done.stderr == b"", done.stderr
    assert "LT:MORFOLOGIK_RULE_EN_US" in {i["code"] for i in json.loads(done.stdout)["files"][0]["issues"]}
    assert_stopped(tmp_path / "bin" / "pid")
