"""The language server: diagnostics on open and change, fixes as code actions, over stdio."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from mtfix.server import protocol
from mtfix.server.checking import CONFIG_NAMES, Checked, Checker
from mtfix.server.positions import Lines
from mtfix.version import __version__


class Published:
    """What was last published for a document: its version, text and check."""

    def __init__(self, version: int | None, lines: Lines, checked: Checked) -> None:
        self.version, self.lines, self.checked = version, lines, checked
        self.fixed: str | None = None  # the text with the safe fixes, worked out when asked


class MtfixServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("mtfix", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.checker = Checker()
        self.published: dict[str, Published] = {}
        self.dirty: set[str] = set()

    def schedule(self, uri: str) -> None:
        """Check `uri` once the messages already received are handled, so a burst of changes
        is checked once, at its last version."""
        if not self.dirty:
            asyncio.get_running_loop().call_soon(self.flush)
        self.dirty.add(uri)

    def flush(self) -> None:
        dirty, self.dirty = self.dirty, set()
        for uri in dirty:
            self.publish(uri)

    def publish(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri)) if uri.startswith("file:") else None
        checked = self.checker.check(document.source, path, document.language_id or "")
        lines = Lines(document.source, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        self.published[uri] = Published(document.version, lines, checked)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=protocol.diagnostics(checked, lines)
            )
        )

    def reload(self) -> None:
        """Read the configuration again and check every open document under it."""
        self.checker.reload()
        for uri in list(self.published):
            self.schedule(uri)


server = MtfixServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MtfixServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MtfixServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MtfixServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
        ls.reload()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: MtfixServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for change in params.changes):
        ls.reload()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MtfixServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.published.pop(uri, None)
    ls.dirty.discard(uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, protocol.FIX_ALL]),
)
def code_action(ls: MtfixServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    published = ls.published.get(uri)
    if published is None or published.checked.document is None:
        return []
    only = params.context.only
    actions = protocol.code_actions(uri, published.version, params.context.diagnostics, published.lines, only)
    if only is None or any(protocol.FIX_ALL.startswith(kind) for kind in only):
        if published.fixed is None:
            published.fixed = ls.checker.fixed(published.checked)
        before = published.checked.document.raw
        fixed = protocol.fix_all(uri, published.version, before, published.fixed, published.lines)
        if fixed is not None:
            actions.append(fixed)
    return actions


def serve() -> None:
    """Answer an editor over standard input and output until it says exit."""
    server.start_io()
