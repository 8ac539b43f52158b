"""`mtfix server` end to end: a real LSP client (pygls) talks to the server over stdio."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_session import apply, session
from lsprotocol import types

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_922ec77216dacd05.txt"


def cli_issues(path: Path, *args: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "mtfix", "check", "--format", "json", "--exit-zero", *args, str(path)],
        capture_output=True, check=True,
    ).stdout
    return json.loads(out)["files"][0]["issues"]


def run(coroutine):
    return asyncio.run(coroutine)


async def code_actions(state, uri, diagnostic=None, only=None):
    context = types.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [], only=only)
    place = diagnostic.range if diagnostic else types.Range(start=types.Position(0, 0), end=types.Position(0, 0))
    return await state.client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=place, context=context)
    )


def edits_of(action: types.CodeAction) -> list[types.TextEdit]:
    (change,) = action.edit.document_changes
    return list(change.edits)


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside the repository")
def test_seed_diagnostics_code_action_and_fix_all(tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    text = seed.read_text(encoding="utf-8")
    expected = cli_issues(seed)

    async def scenario():
        async with session() as state:
            assert state.initialized.capabilities.code_action_provider is not None
            uri = seed.as_uri()
            state.open(uri, text)
            first = await state.diagnostics(uri, 1)
            found = [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in first.diagnostics]
            assert found == [(i["code"], i["line"], i["column"]) for i in expected]

            target = next(d for d in first.diagnostics if d.code == "PU001")
            action, fix_all = await code_actions(state, uri, target)
            assert fix_all.kind == "source.fixAll.mtfix"
            assert action.kind == types.CodeActionKind.QuickFix and action.is_preferred
            assert action.title.startswith("PU001: replace ")
            fixed = apply(text, edits_of(action))
            state.change(uri, 2, fixed)
            second = await state.diagnostics(uri, 2)
            assert len(second.diagnostics) == len(first.diagnostics) - 1
            assert all((d.code, d.range) != (target.code, target.range) for d in second.diagnostics)

            actions = await code_actions(state, uri, only=[types.CodeActionKind.SourceFixAll])
            (fix_all,) = actions
            everything = apply(fixed, edits_of(fix_all))
            state.change(uri, 3, everything)
            third = await state.diagnostics(uri, 3)
            return everything, third

    everything, third = run(scenario())
    cli_fixed = subprocess.run(
        [sys.executable, "-m", "mtfix", "fix", "--stdout", "-q", "--exit-zero", str(seed)], capture_output=True, check=False
    ).stdout.decode("utf-8")
    assert everything == cli_fixed
    assert not [d for d in third.diagnostics if d.data and d.data["safe"]]


def test_nearest_configuration_and_its_reload(tmp_path):
    (tmp_path / ".mtfix.toml").write_text('ignore = ["WS001"]\n', encoding="utf-8")
    page = tmp_path / "page.txt"
    text = '"We agree", - he said at 07: 10.\n'
    page.write_text(text, encoding="utf-8")

    async def scenario():
        async with session(tmp_path.as_uri()) as state:
            state.open(page.as_uri(), text)
            before = await state.diagnostics(page.as_uri(), 1)
            (tmp_path / ".mtfix.toml").write_text('ignore = ["PU001"]\n', encoding="utf-8")
            count = len(state.published[page.as_uri()])
            state.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=(tmp_path / ".mtfix.toml").as_uri(), type=types.FileChangeType.Changed)]
                )
            )
            while len(state.published[page.as_uri()]) == count:
                await asyncio.sleep(0.01)
            return before, state.published[page.as_uri()][-1][1]

    before, after = run(scenario())
    assert [d.code for d in before.diagnostics] == ["PU001"]
    assert [d.code for d in after.diagnostics] == ["WS001"]


def test_formats_by_name_positions_in_utf16_and_errors(tmp_path):
    po = tmp_path / "messages.po"
    po_text = 'msgid "Они согласны."\nmsgstr "🙂 They can not agree."\n'
    broken = tmp_path / "bad" / "a.txt"
    broken.parent.mkdir()
    (broken.parent / "mtfix.toml").write_text("select = 3\n", encoding="utf-8")

    async def scenario():
        async with session() as state:
            state.open(po.as_uri(), po_text, language="po")
            state.open(broken.as_uri(), "Text.\n")
            return await state.diagnostics(po.as_uri(), 1), await state.diagnostics(broken.as_uri(), 1)

    po_result, broken_result = run(scenario())
    (can_not,) = [d for d in po_result.diagnostics if d.code == "SP002"]
    # `🙂` is two UTF-16 code units: the column is 1 + 8 (`msgstr "`) + 2 + 1 + 5 (`They `).
    assert (can_not.range.start.line, can_not.range.start.character) == (1, 16)
    (error,) = broken_result.diagnostics
    assert error.severity == types.DiagnosticSeverity.Error and "`select` must be a list" in error.message


def test_a_failure_of_mtfix_is_an_error_diagnostic_and_the_server_goes_on(tmp_path, monkeypatch):
    from mtfix.server.checking import Checker

    checker = Checker()
    monkeypatch.setattr("mtfix.engine.check", lambda *a, **k: 1 / 0)
    checked = checker.check("Text.\n", tmp_path / "a.txt")
    assert checked.error == f"{tmp_path / 'a.txt'}: not checked: internal error (ZeroDivisionError: division by zero)"
