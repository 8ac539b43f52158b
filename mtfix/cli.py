"""The `mtfix` command. Turns flags into Settings, runs the engine, picks the exit code.

Exit codes: 0 no issues, 1 issues found, 2 usage, configuration or input error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.version import __version__

EXIT_CLEAN, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="mtfix",
    help="Find, fix and report machine-translation artifacts in English translated from Russian.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"mtfix {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Find, fix and report machine-translation artifacts in English translated from Russian."""


Paths = Annotated[
    list[str],
    typer.Argument(
        help="Files or folders to check (.txt .md .html .xlf .xliff .po .pot .tmx .tsv .jsonl); - reads stdin."
    ),
]


class InputFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    xliff = "xliff"
    po = "po"
    tmx = "tmx"
    tsv = "tsv"
    jsonl = "jsonl"


InputFormatOption = Annotated[
    Optional[InputFormat],
    typer.Option("--input-format", help="Read every input as this format (default: by file extension)."),
]
Select = Annotated[
    Optional[list[str]],
    typer.Option("--select", help="Only these rule codes or prefixes (repeatable, or comma-separated; ALL)."),
]
Ignore = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", help="Skip these rule codes or prefixes (repeatable, or comma-separated)."),
]
Glossaries = Annotated[
    Optional[list[Path]],
    typer.Option("--glossary", help="An extra glossary file (repeatable).", dir_okay=False),
]
ConfigPath = Annotated[
    Optional[Path],
    typer.Option("--config", help="Use this mtfix.toml or pyproject.toml instead of searching.", dir_okay=False),
]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
ColorOption = Annotated[
    Color, typer.Option("--color", help="Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when issues are found.")]
IncludeFuzzy = Annotated[
    bool, typer.Option("--include-fuzzy", help="Check (and fix) fuzzy PO entries too; they are skipped by default.")
]


class TextUnits(str, Enum):
    line = "line"
    paragraph = "paragraph"


TextUnitsOption = Annotated[
    Optional[TextUnits],
    typer.Option(
        "--text-units",
        help="What a unit of plain text is: a line (line-aligned corpora; the default) or a paragraph (prose).",
    ),
]


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit 1 only for issues at this severity or above (info: any issue). "
        "`--fail-on warning` lets info prompts such as unknown names pass a CI gate.",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and write nothing in the cache folder ($MTFIX_CACHE_DIR, else $XDG_CACHE_HOME/mtfix or "
        "~/.cache/mtfix): glossaries and word tables are built in memory. The same as MTFIX_NO_CACHE=1.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print issues only, no summary.")]
Statistics = Annotated[bool, typer.Option("--statistics", help="Count issues per rule.")]
LanguageTool = Annotated[
    Optional[str],
    typer.Option(
        "--languagetool",
        metavar="TARGET",
        help="Add LanguageTool's matches (codes LT:...): `local` (language-tool-python's install), "
        "a server URL such as http://127.0.0.1:8081, or `off`.",
    ),
]


def _cache(no_cache: bool) -> None:
    """`--no-cache`: switch the disk cache off for this process (and its children)."""
    if no_cache:
        import os

        from mtfix.cache import NO_CACHE_VARIABLE

        os.environ[NO_CACHE_VARIABLE] = "1"


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values or () for c in v.split(",") if c.strip())


def _fail(message: str) -> typer.Exit:
    print(f"mtfix: error: {message}", file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


def _resolver(select, ignore, glossary, config_path, languagetool=None, include_fuzzy=False, text_units=None):
    from mtfix.config import ConfigError, check_selectors, languagetool_target
    from mtfix.inputs import SettingsResolver

    select, ignore = _codes(select), _codes(ignore)
    try:
        check_selectors(select, "--select", "command line")
        check_selectors(ignore, "--ignore", "command line")
        for path in glossary or ():
            if not path.is_file():
                raise ConfigError(f"--glossary: no such file {path}")
        return SettingsResolver(
            config_path,
            glossaries=tuple(p.resolve() for p in glossary or ()),
            select=select,
            ignore=ignore,
            languagetool=None if languagetool is None else languagetool_target(languagetool, "--languagetool", "command line"),
            include_fuzzy=include_fuzzy,
            text_units=text_units.value if text_units else None,
        )
    except ConfigError as err:
        raise _fail(str(err)) from None


class _SecondOpinion:
    """LanguageTool's issues for the files whose settings ask for them (`--languagetool`).
    mtfix.languagetool and its HTTP client load only for the first such file."""

    def __init__(self) -> None:
        self._opinion = None

    def __call__(self, document, context, found):
        if not context.settings.languagetool:
            return []
        if self._opinion is None:
            from mtfix.languagetool.opinion import SecondOpinion

            self._opinion = SecondOpinion()
        return self._opinion(document, context, found)


def _second_opinion():
    return _SecondOpinion()


def _run(paths, resolver, act, baseline: Path | None = None, input_format: InputFormat | None = None):
    """Read each input, run `act(document, settings)` on it, and collect FileResults.

    Input, config and glossary problems become a one-line error on that file; the other
    files are still processed.
    """
    from mtfix import document as documents
    from mtfix import formats
    from mtfix.config import ConfigError
    from mtfix.context import Contexts
    from mtfix.engine import FileResult
    from mtfix.inputs import STDIN, collect
    from mtfix.suppress import Baseline

    known = Baseline.load(baseline) if baseline else None
    fmt = input_format.value if input_format else None
    contexts = Contexts()  # one per configuration: its rules and glossaries load once
    results = []
    for item in _progress(collect(paths)):
        if isinstance(item, documents.InputError):
            results.append(FileResult(path=item.path or "", error=str(item)))
            continue
        try:
            settings = resolver.for_path(item)
            if str(item) == STDIN:
                document = formats.decode(sys.stdin.buffer.read(), STDIN, fmt, settings.reading)
            else:
                document = formats.read(item, fmt, settings.reading)
            result = act(document, contexts(settings))
            if known:
                result.issues = known.filter(result.path, result.issues, result.fixed or document)
            results.append(result)
        except (documents.InputError, ConfigError) as err:
            results.append(FileResult(path=str(item), error=str(err)))
    return results


def _report(results, output: Format, statistics=False, quiet=False, stream=None, color=None) -> None:
    if output is not Format.text:
        import importlib

        reporter = importlib.import_module(f"mtfix.report.{output.value}")
        (stream or sys.stdout).write(reporter.render(results))
        return
    from mtfix.report import text

    stream = stream or sys.stdout
    if not _may_be_terminal(stream, color):
        # What rich prints for the plain lines, without loading rich or parsing markup.
        lines = text.plain(results, statistics=statistics, quiet=quiet)
        if lines is not None:
            if lines:
                stream.write(lines + "\n")
                stream.flush()  # as rich does: the report comes before later errors on stderr
            return
    console = _console(stream, color)
    if console.is_terminal:
        for renderable in text.renderables(results, statistics=statistics, quiet=quiet):
            console.print(renderable)
        return
    rendered = text.render(results, statistics=statistics, quiet=quiet)
    if rendered:
        console.print(rendered)


def _may_be_terminal(stream, color=None) -> bool:
    """False only when `_console(stream, color)` certainly is not a terminal: not forced by
    `--color always`, FORCE_COLOR or TTY_COMPATIBLE=1, and the stream is no tty."""
    import os

    if color is Color.always or "FORCE_COLOR" in os.environ or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is not None and isatty()
    except ValueError:  # a closed stream
        return True


def _console(stream, color=None):
    """A rich console: colour on a terminal unless NO_COLOR is set; `always`/`never` decide.
    Emoji codes stay as written: `l100.txt:100:4:` must not print `💯`."""
    from rich.console import Console

    forced = {Color.always: True, Color.never: False}.get(color)
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        force_terminal=True if forced else None,
        no_color=None if forced is None else not forced,
    )


def _progress(items, at_least: int = 20):
    """The inputs, with a progress bar on stderr when it is a terminal and there are many."""
    items = list(items)
    if len(items) < at_least or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description="Checking", console=Console(stderr=True), transient=True)


def _exit_code(results, exit_zero: bool, fail_on: FailOn = FailOn.info) -> int:
    from mtfix.model import Severity

    for result in results:
        if result.error:
            print(f"mtfix: error: {result.error}", file=sys.stderr)
    if any(r.error for r in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    floor = Severity(fail_on.value).rank
    failing = any(issue.severity.rank >= floor for r in results for issue in r.issues)
    return EXIT_ISSUES if failing else EXIT_CLEAN


@app.command()
def check(
    paths: Paths,
    output: FormatOption = Format.text,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    exit_zero: ExitZero = False,
    fail_on: FailOnOption = FailOn.info,
    quiet: Quiet = False,
    statistics: Statistics = False,
    color: ColorOption = Color.auto,
    input_format: InputFormatOption = None,
    languagetool: LanguageTool = None,
    include_fuzzy: IncludeFuzzy = False,
    text_units: TextUnitsOption = None,
    no_cache: NoCache = False,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Hide the known issues listed in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path], typer.Option("--write-baseline", help="Record every issue found in this baseline file and exit 0.")
    ] = None,
) -> None:
    """Report machine-translation artifacts; nothing is changed."""
    from mtfix import engine
    from mtfix.document import InputError
    from mtfix.engine import FileResult
    from mtfix.suppress import Baseline

    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, languagetool, include_fuzzy, text_units)
    opinion = _second_opinion()

    def act(document, context):
        return FileResult(document.path, document, engine.check(document, context, opinion), context=context)

    try:
        results = _run(paths, resolver, act, baseline, input_format)
    except InputError as err:
        raise _fail(str(err)) from None
    if write_baseline:
        recorded = Baseline()
        for result in results:
            if result.document:
                recorded.add(result.path, result.issues, result.document)
        recorded.dump(write_baseline)
        count = sum(len(r.issues) for r in results)
        print(f"Recorded {count} issue{'s' * (count != 1)} in {write_baseline}.", file=sys.stderr)
        raise typer.Exit(_exit_code(results, exit_zero=True))
    _report(results, output, statistics, quiet, color=color)
    raise typer.Exit(_exit_code(results, exit_zero, fail_on))


@app.command()
def fix(
    paths: Paths,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes; write nothing.")] = False,
    stdout: Annotated[bool, typer.Option("--stdout", help="Print the fixed text; write nothing.")] = False,
    output: FormatOption = Format.text,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    exit_zero: ExitZero = False,
    fail_on: FailOnOption = FailOn.info,
    quiet: Quiet = False,
    statistics: Statistics = False,
    color: ColorOption = Color.auto,
    input_format: InputFormatOption = None,
    languagetool: LanguageTool = None,
    include_fuzzy: IncludeFuzzy = False,
    text_units: TextUnitsOption = None,
    no_cache: NoCache = False,
) -> None:
    """Apply safe fixes in place, then report what remains."""
    from mtfix import engine
    from mtfix.engine import FileResult
    from mtfix.inputs import STDIN
    from mtfix.writer import write_atomic

    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, languagetool, include_fuzzy, text_units)
    to_stdout = stdout or paths == [STDIN]
    opinion = _second_opinion()

    def act(document, context):
        outcome = engine.fix(document, context, unsafe=unsafe_fixes, extra=opinion)
        result = FileResult(
            document.path, document, outcome.remaining, outcome.document, outcome.applied, context=context
        )
        changed = outcome.document.raw != document.raw
        if diff:
            if changed:
                sys.stdout.write(_unified_diff(document, outcome.document))
        elif to_stdout:
            sys.stdout.write(outcome.document.raw)
        elif changed:
            write_atomic(Path(document.path), document.encode(outcome.document.raw))
        return result

    results = _run(paths, resolver, act, input_format=input_format)
    stream = sys.stderr if (diff or to_stdout) else None
    _report(results, output, statistics, quiet, stream=stream, color=color)
    if diff and any(r.fixed and r.fixed.raw != r.document.raw for r in results):
        raise typer.Exit(EXIT_ERROR if any(r.error for r in results) else EXIT_ISSUES)
    raise typer.Exit(_exit_code(results, exit_zero, fail_on))


def _unified_diff(before, after) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.raw.splitlines(keepends=True),
        after.raw.splitlines(keepends=True),
        fromfile=f"a/{before.path}",
        tofile=f"b/{before.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@app.command()
def rules(
    output: FormatOption = Format.text,
) -> None:
    """List every rule: code, name, category, default severity, and whether it fixes."""
    from mtfix.registry import all_rules

    table = all_rules()
    if output is Format.json:
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "summary": r.summary,
                "category": r.category,
                "severity": r.severity.value,
                "fixable": r.fixable,
            }
            for r in table.values()
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for rule in table.values():
        fixable = "[*]" if rule.fixable else "   "
        print(f"{rule.code}  {fixable}  {rule.severity.value:<7}  {rule.name:<28}  {rule.category}")
    print(f"LT:*   [*]  {'mapped':<7}  {'languagetool':<28}  with --languagetool (mtfix explain LT)")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. PU001.")]) -> None:
    """Explain a rule: what it catches, why, and a bad and a good example."""
    import inspect

    from mtfix.languagetool.mapping import explain as explain_languagetool
    from mtfix.registry import all_rules

    rule = all_rules().get(code.strip().upper())
    if rule is None and explain_languagetool(code.strip().upper()):
        print(explain_languagetool(code.strip().upper()))
        return
    if rule is None:
        raise _fail(f"unknown rule code {code!r}; `mtfix rules` lists them")
    print(f"{rule.code} ({rule.name}): {rule.summary}")
    print(f"Category: {rule.category}. Default severity: {rule.severity.value}. "
          f"Fix: {'yes' if rule.fixable else 'no'}.")
    print()
    print(inspect.cleandoc(rule.__doc__ or ""))


Weights = Annotated[
    Optional[str],
    typer.Option("--weights", help="MQM severity weights, e.g. minor=1,major=5,critical=25 (info/warning/error)."),
]


def _weights(text: str | None) -> dict[str, float]:
    from mtfix.metrics import parse_weights

    try:
        return parse_weights(text)
    except ValueError as err:
        raise _fail(str(err)) from None


def _read_text(path: Path):
    from mtfix import document as documents
    from mtfix import formats

    try:
        return formats.read(path)
    except documents.InputError as err:
        raise _fail(str(err)) from None


@app.command()
def report(
    paths: Paths,
    output_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the HTML here (default: standard output).", dir_okay=False)
    ] = None,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Show unsafe fixes in the fixed text too.")] = False,
    title: Annotated[str, typer.Option("--title", help="The report's title.")] = "mtfix report",
    weights: Weights = None,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    languagetool: LanguageTool = None,
    include_fuzzy: IncludeFuzzy = False,
    text_units: TextUnitsOption = None,
    no_cache: NoCache = False,
) -> None:
    """Write a self-contained HTML report: each file beside its fixed text (bilingual files as a segment table)."""
    from mtfix import engine
    from mtfix.engine import FileResult
    from mtfix.report import html

    chosen = _weights(weights)
    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, languagetool, include_fuzzy, text_units)
    opinion = _second_opinion()

    def act(document, context):
        return FileResult(document.path, document, engine.check(document, context, opinion), context=context)

    results = _run(paths, resolver, act)
    page = html.render(results, unsafe=unsafe_fixes, weights=chosen, title=title)
    if output_file:
        output_file.write_text(page, encoding="utf-8")
        count = sum(len(r.issues) for r in results)
        print(f"Wrote {output_file}: {count} issue{'s' * (count != 1)} in {len(results)} "
              f"file{'s' * (len(results) != 1)}.", file=sys.stderr)
    else:
        sys.stdout.write(page)
    raise typer.Exit(_exit_code(results, exit_zero=True))


class DiffFormat(str, Enum):
    text = "text"
    diff = "diff"
    json = "json"


class Alignment(str, Enum):
    auto = "auto"
    line = "line"
    sentence = "sentence"


@app.command("diff")
def diff_command(
    mt: Annotated[Path, typer.Argument(help="The machine translation.", dir_okay=False)],
    postedit: Annotated[Path, typer.Argument(help="Its post-edit (or any reference).", dir_okay=False)],
    output: Annotated[DiffFormat, typer.Option("--format", help="text, diff (unified) or json.")] = DiffFormat.text,
    html_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Also write a side-by-side HTML page here.", dir_okay=False)
    ] = None,
    alignment: Annotated[
        Alignment, typer.Option("--align", help="Segments: by line, by sentence, or auto (line when line counts agree).")
    ] = Alignment.auto,
    show_all: Annotated[bool, typer.Option("--all", help="Show unedited segments too.")] = False,
    quiet: Quiet = False,
    color: ColorOption = Color.auto,
) -> None:
    """Compare MT with its post-edit: per-segment edits and TER (HTER), chrF, BLEU by sacreBLEU."""
    from mtfix.report import diff as diff_report

    before, after = _read_text(mt), _read_text(postedit)
    mode = None if alignment is Alignment.auto else alignment.value
    comparison = diff_report.compare(before.text, after.text, str(mt), str(postedit), mode)
    if html_file:
        html_file.write_text(diff_report.render_html(comparison), encoding="utf-8")
    if output is DiffFormat.json:
        sys.stdout.write(diff_report.render_json(comparison))
    elif output is DiffFormat.diff:
        sys.stdout.write(diff_report.render_unified(comparison))
    else:
        _console(sys.stdout, color).print(diff_report.render_text(comparison, show_all, quiet))


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def score(
    paths: Annotated[list[str], typer.Argument(help="The translation(s) to score; - reads stdin.")],
    ref: Annotated[
        Optional[Path], typer.Option("--ref", help="A reference (post-edit) for BLEU, chrF and TER.", dir_okay=False)
    ] = None,
    weights: Weights = None,
    fail_under: Annotated[
        Optional[float], typer.Option("--fail-under", help="Exit 1 when the MQM quality score is below this.")
    ] = None,
    max_penalty: Annotated[
        Optional[float], typer.Option("--max-penalty", help="Exit 1 when the penalty per 1,000 words is above this.")
    ] = None,
    output: Annotated[ScoreFormat, typer.Option("--format", help="Output format.")] = ScoreFormat.text,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    no_cache: NoCache = False,
) -> None:
    """Score a translation: an MQM-style penalty from mtfix's issues and, with --ref, BLEU/chrF/TER."""
    from mtfix import engine
    from mtfix.engine import FileResult
    from mtfix.report import score as score_report

    chosen = _weights(weights)
    if ref is not None and len(paths) != 1:
        raise _fail("--ref needs exactly one translation to compare with")
    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config)

    def act(document, context):
        return FileResult(document.path, document, engine.check(document, context), context=context)

    results = _run(paths, resolver, act)
    if any(r.error for r in results):
        raise typer.Exit(_exit_code(results, exit_zero=True))
    reference = _read_text(ref).text if ref is not None else None
    card = score_report.scorecard(results, chosen, reference, fail_under, max_penalty)
    if output is ScoreFormat.json:
        sys.stdout.write(score_report.render_json(card))
    else:
        sys.stdout.write(score_report.render_text(card))
    raise typer.Exit(EXIT_ISSUES if card.failed else EXIT_CLEAN)


# --- mtfix glossary: check, convert and describe glossary files -------------------------------

glossary_app = typer.Typer(
    name="glossary",
    help="Check, convert and describe glossary files (TSV, CSV, TBX, YAML).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.add_typer(glossary_app, name="glossary")
GlossaryFiles = Annotated[list[Path], typer.Argument(help="Glossary files (.tsv, .csv, .tbx, .yml).")]


@glossary_app.command("check")
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


@glossary_app.command("convert")
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


@glossary_app.command("stats")
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
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


# --- end of mtfix glossary --------------------------------------------------------------------


def main() -> None:
    app()
