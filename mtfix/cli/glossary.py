"""`mtfix glossary`: check, convert and describe glossary files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import EXIT_CLEAN, EXIT_ERROR, Quiet, _fail

app = typer.Typer(
    name="glossary",
    help="Check, convert and describe glossary files (TSV, CSV, TBX, YAML).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
GlossaryFiles = Annotated[list[Path], typer.Argument(help="Glossary files (.tsv, .csv, .tbx, .yml).")]


@app.command("check")
def glossary_check(
    files: GlossaryFiles,
    quiet: Quiet = False,
) -> None:
    """Validate glossaries: duplicates, terms both preferred and forbidden, replacement cycles,
    forbidden variants that are common English words, empty or malformed fields. Exit 2 on
    errors."""
    from mtfix.termbase.validate import sort, validate

    entries, problems = validate(files)
    for problem in sort(problems):
        print(problem)
    errors = sum(p.level == "error" for p in problems)
    sys.stdout.flush()
    if not quiet:
        warnings = len(problems) - errors
        print(
            f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} in {len(files)} file{'s' * (len(files) != 1)}:"
            f" {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}.",
            file=sys.stderr,
        )
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command("convert")
def glossary_convert(
    source: Annotated[Path, typer.Argument(help="The glossary to read.")],
    target: Annotated[Path, typer.Argument(help="The file to write; its extension names the format.")],
    to: Annotated[
        Optional[str], typer.Option("--to", help="Output format (tsv, csv, tbx, yaml) when the extension does not say.")
    ] = None,
) -> None:
    """Convert a glossary between TSV, CSV, TBX and YAML."""
    from mtfix.termbase import formats
    from mtfix.termbase.model import GlossaryError

    if to is not None and to not in formats.WRITERS:
        raise _fail(f"--to must be one of {', '.join(formats.WRITERS)}, not {to!r}")
    try:
        entries = formats.read(source)
        formats.write(entries, target, to)
    except GlossaryError as err:
        raise _fail(str(err)) from None
    except OSError as err:
        raise _fail(f"{target}: cannot write ({err.strerror})") from None
    print(f"Wrote {len(entries)} entries to {target}.", file=sys.stderr)


@app.command("stats")
def glossary_stats(
    files: Annotated[
        Optional[list[Path]], typer.Argument(help="Glossary files; the shipped ones for the language pair if none.")
    ] = None,
    language_pair: Annotated[str, typer.Option("--language-pair", help="Whose shipped glossaries.")] = "ru-en",
) -> None:
    """Count entries, variants, source terms and genders; time loading and matching set-up."""
    import time
    from collections import Counter

    from mtfix.glossary import compiled, shipped_files
    from mtfix.termbase.formats import read_bytes
    from mtfix.termbase.model import GlossaryError

    paths = list(files or shipped_files(language_pair))
    try:
        data = [(p, read_bytes(p)) for p in paths]
        began = time.perf_counter()
        result = compiled(data, use_cache=False)
        built = time.perf_counter() - began
        entries, automaton = list(result.entries), result.automaton
    except GlossaryError as err:
        raise _fail(str(err)) from None
    by_file = Counter(e.origin.rsplit(":", 1)[0] for e in entries)
    for path, count in by_file.items():
        print(f"{path}: {count} entries")
    _print_table(_stats(entries, automaton, built))


def _stats(entries, automaton, built: float) -> list[tuple[str, object]]:
    """The rows of `mtfix glossary stats`: counts over the entries, the matcher's size, the build time."""
    from collections import Counter

    genders = Counter(e.gender for e in entries if e.gender)
    rows = [
        ("entries", len(entries)),
        ("forbidden variants", sum(len(e.variants) for e in entries)),
        ("admitted variants", sum(len(e.admitted) for e in entries)),
        ("source terms", sum(len(e.source) for e in entries)),
        ("case-sensitive entries", sum(e.case_sensitive for e in entries)),
        ("persons (m/f)", f"{genders['m']}/{genders['f']}"),
        ("matcher keys", len(automaton)),
        ("parse and compile, ms", f"{built * 1000:.0f}"),
    ]
    for domain, count in sorted(Counter(e.domain for e in entries if e.domain).items()):
        rows.append((f"domain {domain}", count))
    return rows


def _print_table(rows) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
