"""A progress bar over a run's shards on stderr, when it is a terminal: rows done of rows
planned, rows per second, time left, shards done."""

from __future__ import annotations

import sys


class Progress:
    """Counts finished shards; draws the bar only on a terminal."""

    def __init__(self, total_rows: int, total_shards: int, done_rows: int, done_shards: int, show: bool | None = None) -> None:
        self.total_shards = total_shards
        self.shards = done_shards
        self._bar = None
        if show if show is not None else sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed:,}/{task.total:,} rows"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[shards]}"),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("Checking", total=total_rows, completed=done_rows, rate="", shards=self._shards())

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, rows: int) -> None:
        self.shards += 1
        if self._bar is not None:
            task = self._bar.tasks[0]
            speed = task.speed
            self._bar.update(
                self._task, advance=rows, shards=self._shards(), rate=f"{speed:,.0f} rows/s" if speed else ""
            )

    def say(self, line: str) -> None:
        """A line above the bar (or on stderr when there is none)."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr)

    def _shards(self) -> str:
        return f"{self.shards}/{self.total_shards} shards"
