"""`mtfix server`: the language server for editors."""

from __future__ import annotations


def server() -> None:
    """Run the language server on standard input and output (for an editor's LSP client).

    It checks each document the editor opens or changes, as `mtfix check` checks the file
    under the nearest configuration, and offers each fix as a code action; `mtfix: fix all
    safe issues` applies what `mtfix fix` would. docs/editors.md shows the editor set-up.
    """
    from mtfix.server.app import serve

    serve()
