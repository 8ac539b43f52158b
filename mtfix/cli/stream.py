"""The report written as the files are checked: each file's part as soon as it is done, the
summary at the end, so that a run over a big folder holds one file at a time. The text,
`json` and `jsonl` formats stream to standard output, with the same bytes `_report` writes
in one piece; the others need the whole run."""

from __future__ import annotations

import sys

from mtfix.cli.options import Format
from mtfix.cli.run import _console, _may_be_terminal


class StreamedReport:
    """`file(result)` for each FileResult in order, then `end(tally)`."""

    def __init__(self, output: Format, statistics: bool, quiet: bool, color, dry_run: bool = False) -> None:
        self.output, self.statistics, self.quiet, self.dry_run = output, statistics, quiet, dry_run
        self.stream = sys.stdout
        self.console = None
        self.json = None
        if output is Format.json:
            from mtfix.report.json import Stream

            self.json = Stream()
            self.stream.write(self.json.begin())
        elif output is Format.text and _may_be_terminal(self.stream, color):
            self.console = _console(self.stream, color)

    @staticmethod
    def supports(output: Format, output_file) -> bool:
        """Whether a report in `output` can be streamed (to standard output only: a report
        file is written whole or not at all)."""
        return output_file is None and output in (Format.text, Format.json, Format.jsonl)

    def file(self, result) -> None:
        if self.json is not None:
            self.stream.writelines(self.json.file(result))
        elif self.output is Format.jsonl:
            from mtfix.report import jsonl

            self.stream.writelines(jsonl.file_part(result))
        elif not self.statistics:
            from mtfix.report import text

            if self.console is not None and self.console.is_terminal:
                for renderable in text.file_renderables(result, width=self.console.width):
                    self.console.print(renderable)
            else:
                self._lines(text.file_lines, result)

    def end(self, tally) -> None:
        if self.json is not None:
            self.stream.write(self.json.end(tally))
        elif self.output is Format.text:
            from mtfix.report import text

            if self.console is not None and self.console.is_terminal:
                for renderable in text.end_renderables(tally, self.statistics, self.quiet, self.dry_run):
                    self.console.print(renderable)
            else:
                self._lines(text.end_lines, tally, self.statistics, self.quiet, dry_run=self.dry_run)
        self.stream.flush()  # as rich does: the report comes before later errors on stderr

    def _lines(self, lines, *args, **options) -> None:
        """Text lines as a console prints them: directly where no text needs rich's markup
        handling (nor colour), else through the console."""
        from mtfix.report import text

        plain = text.plain_lines(lines, *args, **options) if self.console is None else None
        if plain is None:
            marked = lines(*args, **options)
            if marked:
                if self.console is None:
                    self.console = _console(self.stream, None)
                self.console.print("\n".join(marked))
        elif plain:
            self.stream.write("\n".join(plain) + "\n")
