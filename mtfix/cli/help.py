"""Help pages that show every command's first sentence whole, wrapped to the terminal."""

from __future__ import annotations

from typer.core import TyperGroup


class Group(TyperGroup):
    """A command group whose list of commands wraps each summary where click would cut it
    with `...` at the terminal's width, and whose commands end quietly when the reader of
    their output goes away (click would exit 1, the code for issues found)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            pipe_closed()

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def pipe_closed():
    """End the run because standard output's reader has gone (`mtfix check | head -1`): no
    traceback, nothing more written, exit code 141 (128 + SIGPIPE, what the shell shows for
    grep or cat in the same place), so `set -o pipefail` does not take a cut-short check for
    a clean one."""
    import os
    import sys

    from mtfix.cli.options import EXIT_PIPE

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the final flush goes nowhere
    except (OSError, ValueError):
        pass
    raise SystemExit(EXIT_PIPE)
