"""An editor's side of `mtfix server`: pygls's LanguageClient over the server's stdio, with
each published diagnostics list kept and awaitable (used by the tests and the latency benchmark)."""

from __future__ import annotations

import asyncio
import sys
import time
from contextlib import asynccontextmanager

from lsprotocol import types
from pygls.lsp.client import LanguageClient


class Session:
    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.published: dict[str, list[tuple[float, types.PublishDiagnosticsParams]]] = {}
        self._changed = asyncio.Event()

    def received(self, params: types.PublishDiagnosticsParams) -> None:
        self.published.setdefault(params.uri, []).append((time.perf_counter(), params))
        self._changed.set()

    async def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60) -> types.PublishDiagnosticsParams:
        """The first diagnostics published for `uri` at `version` (any version if None)."""
        deadline = time.perf_counter() + timeout
        while True:
            for _, params in self.published.get(uri, []):
                if version is None or params.version == version:
                    return params
            self._changed.clear()
            await asyncio.wait_for(self._changed.wait(), max(0.01, deadline - time.perf_counter()))

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
            )
        )

    def change(self, uri: str, version: int, text: str) -> None:
        """Send the whole new text (a change without a range)."""
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


@asynccontextmanager
async def session(root_uri: str | None = None, *, encodings=None):
    """A started and initialized `mtfix server`, shut down on leaving."""
    client = LanguageClient("mtfix-test", "1")
    state = Session(client)
    client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: state.received(params))
    await client.start_io(sys.executable, "-m", "mtfix", "server")
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    capabilities = types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
        ),
    )
    state.initialized = await client.initialize_async(
        types.InitializeParams(capabilities=capabilities, root_uri=root_uri, process_id=None)
    )
    client.initialized(types.InitializedParams())
    try:
        yield state
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def offset(text: str, position: types.Position) -> int:
    """The code-point offset of a UTF-16 `position` in `text`."""
    import re

    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[position.line]
    units = 0
    at = start
    while units < position.character:
        units += 2 if ord(text[at]) > 0xFFFF else 1
        at += 1
    return at


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """`text` with the editor's `edits` made (positions in UTF-16, as the server sends them)."""
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
