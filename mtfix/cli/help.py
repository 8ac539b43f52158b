"""Help pages that show every command's first sentence whole, wrapped to the terminal."""

from __future__ import annotations

from typer.core import TyperGroup


class Group(TyperGroup):
    """A command group whose list of commands wraps each summary where click would cut it
    with `...` at the terminal's width."""

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
