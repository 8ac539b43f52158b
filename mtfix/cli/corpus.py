"""`mtfix corpus`: check, fix and filter corpora of segment pairs in shards, on this machine's
cores or on a Dask cluster; plan and resume a run, run one shard, sum a run up."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_ISSUES,
    ConfigPath,
    FailOn,
    Glossaries,
    Ignore,
    NoCache,
    Select,
    _cache,
    _fail,
    _resolver,
)

app = typer.Typer(
    name="corpus",
    help="Check, fix and filter corpora of millions of segment pairs in shards, locally or on Dask.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Parquet, JSON Lines or TSV files (JSON Lines and TSV also .gz or .zst), TMX files, or line-aligned "
        "text: PREFIX.ru and PREFIX.en (or PREFIX.src and PREFIX.mt) pair up; a text file alone holds targets only.",
        metavar="INPUT...",
        show_default=False,
    ),
]
Output = Annotated[Path, typer.Option("--output", "-o", help="The run's folder: its plan, parts and markers.")]
InputFormat = Annotated[
    Optional[str],
    typer.Option("--input-format", help="Read every input as parquet, jsonl, tsv, tmx or lines (default: by extension)."),
]
SourceCol = Annotated[Optional[str], typer.Option("--source-col", help="The source column (a TSV's: name or number).")]
TargetCol = Annotated[Optional[str], typer.Option("--target-col", help="The target column (a TSV's: name or number).")]
IdCol = Annotated[Optional[str], typer.Option("--id-col", help="A column naming each row (default: its line or row number).")]
DocCol = Annotated[
    Optional[str],
    typer.Option(
        "--doc-col",
        help="A column naming each row's document: the rows of a document that follow one another are checked "
        "together (consistency rules run across them) and never split between shards. Without it, each row is "
        "checked alone.",
    ),
]
ShardSize = Annotated[
    Optional[int],
    typer.Option("--shard-size", help="Rows per shard (more where a document goes on); 10000 for a new plan.", show_default=False),
]
Jobs = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", help="Local worker processes (default: one per core; 1 runs in this process).", show_default=False),
]
Cluster = Annotated[
    Optional[str], typer.Option("--cluster", help="Run on a Dask LocalCluster: local:N for N worker processes.")
]
Scheduler = Annotated[
    Optional[str], typer.Option("--scheduler", help="Run on the Dask cluster of this scheduler, e.g. tcp://10.0.0.5:8786.")
]
Retries = Annotated[int, typer.Option("--retries", help="Times a failing shard is tried again before it is reported.")]
Unsafe = Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")]
DropOn = Annotated[
    FailOn, typer.Option("--drop-on", help="Drop a pair with an issue at this severity or above (info: any issue).")
]
Command = Annotated[str, typer.Option("--command", help="What the plan is for: check, fix or filter.")]


@app.command("check")
def check_command(
    inputs: Inputs, output: Output, input_format: InputFormat = None, source_col: SourceCol = None,
    target_col: TargetCol = None, id_col: IdCol = None, doc_col: DocCol = None, shard_size: ShardSize = None,
    jobs: Jobs = None, cluster: Cluster = None, scheduler: Scheduler = None, retries: Retries = 2,
    select: Select = None, ignore: Ignore = None, glossary: Glossaries = None, config: ConfigPath = None,
    no_cache: NoCache = False,
) -> None:
    """Annotate every pair with its issues: OUT/part-NNNNN.parquet per shard."""
    job, columns, context = _job("check", inputs, output, input_format, (source_col, target_col, id_col, doc_col),
                        select, ignore, glossary, config, no_cache)
    _execute(job, columns, context, shard_size, jobs, cluster, scheduler, retries)


@app.command("fix")
def fix_command(
    inputs: Inputs, output: Output, input_format: InputFormat = None, source_col: SourceCol = None,
    target_col: TargetCol = None, id_col: IdCol = None, doc_col: DocCol = None, shard_size: ShardSize = None,
    jobs: Jobs = None, cluster: Cluster = None, scheduler: Scheduler = None, retries: Retries = 2,
    unsafe_fixes: Unsafe = False, select: Select = None, ignore: Ignore = None, glossary: Glossaries = None,
    config: ConfigPath = None, no_cache: NoCache = False,
) -> None:
    """Annotate every pair and add its fixed target (column `fixed`); the inputs are not changed."""
    job, columns, context = _job("fix", inputs, output, input_format, (source_col, target_col, id_col, doc_col),
                        select, ignore, glossary, config, no_cache, unsafe=unsafe_fixes)
    _execute(job, columns, context, shard_size, jobs, cluster, scheduler, retries)


@app.command("filter")
def filter_command(
    inputs: Inputs, output: Output, input_format: InputFormat = None, source_col: SourceCol = None,
    target_col: TargetCol = None, id_col: IdCol = None, doc_col: DocCol = None, shard_size: ShardSize = None,
    jobs: Jobs = None, cluster: Cluster = None, scheduler: Scheduler = None, retries: Retries = 2,
    drop_on: DropOn = FailOn.warning, select: Select = None, ignore: Ignore = None, glossary: Glossaries = None,
    config: ConfigPath = None, no_cache: NoCache = False,
) -> None:
    """Split the pairs into OUT/kept/ and OUT/dropped/ (with the codes that dropped each), beside the annotations."""
    job, columns, context = _job("filter", inputs, output, input_format, (source_col, target_col, id_col, doc_col),
                        select, ignore, glossary, config, no_cache, drop_on=drop_on.value)
    _execute(job, columns, context, shard_size, jobs, cluster, scheduler, retries)


@app.command("plan")
def plan_command(
    inputs: Inputs, output: Output, command: Command = "check", input_format: InputFormat = None,
    source_col: SourceCol = None, target_col: TargetCol = None, id_col: IdCol = None, doc_col: DocCol = None,
    shard_size: ShardSize = None, unsafe_fixes: Unsafe = False, drop_on: DropOn = FailOn.warning,
    select: Select = None, ignore: Ignore = None, glossary: Glossaries = None, config: ConfigPath = None,
    no_cache: NoCache = False,
) -> None:
    """Write OUT/plan.json (inputs, shards, configuration) without running; `run-shard` or the command runs it."""
    from mtfix.corpus import CorpusError
    from mtfix.corpus.plan import COMMANDS, prepare
    from mtfix.corpus.run import pending

    if command not in COMMANDS:
        raise _fail(f"--command {command}: write check, fix or filter")
    job, columns, _ = _job(command, inputs, output, input_format, (source_col, target_col, id_col, doc_col), select,
                        ignore, glossary, config, no_cache, unsafe=unsafe_fixes and command == "fix",
                        drop_on=drop_on.value if command == "filter" else None)
    try:
        plan = prepare(job, columns, shard_size)
    except CorpusError as err:
        raise _fail(str(err)) from None
    rows = sum(plan.positions)
    left = len(pending(plan))
    print(f"{plan.path}: {len(plan.shards)} shards of up to {plan.shard_size:,} rows over {len(plan.job.inputs)} "
          f"input{'s' * (len(plan.job.inputs) != 1)} ({rows:,} rows); {len(plan.shards) - left} done")


@app.command("run-shard")
def run_shard_command(
    plan_path: Annotated[Path, typer.Option("--plan", help="The plan (OUT/plan.json, or its folder).")],
    index: Annotated[
        Optional[int],
        typer.Option("--index", help="The shard, from 0 (default: $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX).",
                     show_default=False),
    ] = None,
    no_cache: NoCache = False,
) -> None:
    """Run one shard of a plan in this process, with no cluster: for Slurm arrays and Kubernetes indexed jobs."""
    from mtfix.corpus import CorpusError, parts
    from mtfix.corpus.plan import load
    from mtfix.corpus.shard import run, worker_context

    _cache(no_cache)
    folder = plan_path if plan_path.is_dir() else plan_path.parent
    if index is None:
        found = os.environ.get("SLURM_ARRAY_TASK_ID") or os.environ.get("JOB_COMPLETION_INDEX")
        if found is None or not found.isdigit():
            raise _fail("--index is needed (neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set)")
        index = int(found)
    try:
        plan = load(str(folder.resolve()))
        if not 0 <= index < len(plan.shards):
            raise CorpusError(f"--index {index}: the plan has shards 0 to {len(plan.shards) - 1}")
        if parts.read_marker(plan.job.out, index, plan.job.digest) is not None:
            print(f"shard {index} is done already", file=sys.stderr)
            return
        marker = run(plan.job, plan.shards[index], worker_context(plan.job))
    except CorpusError as err:
        raise _fail(str(err)) from None
    print(f"shard {index}: {marker['rows']:,} rows, {marker['issues']:,} issues in {marker['seconds']:.1f} s", file=sys.stderr)


@app.command("stats")
def stats_command(
    output: Annotated[Path, typer.Argument(help="The run's folder.", show_default=False)],
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Where to write the JSON (default: OUT/stats.json).")] = None,
    html_path: Annotated[Optional[Path], typer.Option("--html", help="Where to write the page (default: OUT/stats.html).")] = None,
) -> None:
    """Totals per rule and severity, flagged-row rate, examples per rule and per-shard throughput, as
    OUT/stats.json and OUT/stats.html; exit 1 if a planned shard is missing."""
    import json

    from mtfix.corpus import CorpusError
    from mtfix.corpus.page import render
    from mtfix.corpus.stats import summarize

    try:
        stats = summarize(str(output.resolve()))
    except CorpusError as err:
        raise _fail(str(err)) from None
    json_path = json_path or output / "stats.json"
    html_path = html_path or output / "stats.html"
    try:
        json_path.write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        html_path.write_text(render(stats), encoding="utf-8")
    except OSError as err:
        raise _fail(f"cannot write the statistics: {err}") from None
    shards = stats["shards"]
    print(f"{stats['rows']:,} rows, {stats['flagged']:,} flagged ({stats['flagged_rate']:.1%}), {stats['issues']:,} issues; "
          f"{shards['done']}/{shards['planned']} shards done. Wrote {json_path} and {html_path}.")
    if shards["missing"]:
        print(f"mtfix: {len(shards['missing'])} planned shards are missing: {_listed(shards['missing'])}", file=sys.stderr)
        raise typer.Exit(EXIT_ISSUES)


def _job(command, inputs, output, input_format, columns, select, ignore, glossary, config, no_cache, unsafe=False, drop_on=None):
    """The Job the options describe, its Columns and the Context it checks with (a run in this
    process reuses it); usage and configuration errors end the command."""
    from dataclasses import replace

    from mtfix.config import ConfigError
    from mtfix.context import Context
    from mtfix.corpus import CorpusError
    from mtfix.corpus.inputs import FORMATS, find
    from mtfix.corpus.plan import Job, digest, settings_json
    from mtfix.corpus.readers.base import Columns

    _cache(no_cache)
    if input_format is not None and input_format not in FORMATS:
        raise _fail(f"--input-format {input_format}: write one of {', '.join(FORMATS)}")
    resolver = _resolver(select, ignore, glossary, config)
    try:
        found = {resolver.for_path(Path(name)) for name in inputs}
    except ConfigError as err:
        raise _fail(str(err)) from None
    if len(found) > 1:
        raise _fail("the inputs have different configurations (mtfix.toml or pyproject.toml); name one with --config")
    settings = replace(found.pop(), languagetool="")
    try:
        named = find(inputs, input_format, settings.language_pair.split("-")[0])
    except CorpusError as err:
        raise _fail(str(err)) from None
    context = Context(settings)
    job = Job(str(output.resolve()), command, unsafe, drop_on, settings_json(settings), digest(settings, context), tuple(named), ())
    return job, Columns(*columns), context


def _execute(job, columns, context, shard_size, jobs, cluster, scheduler, retries) -> None:
    """Plan (or resume) and run the job; exit 0 when every shard is done, else 2."""
    from mtfix.corpus import CorpusError
    from mtfix.corpus.plan import prepare
    from mtfix.corpus.run import cores, execute, pending

    if cluster and scheduler:
        raise _fail("--cluster and --scheduler exclude each other")
    if jobs is not None and jobs < 1:
        raise _fail(f"--jobs {jobs}: at least 1")
    try:
        plan = prepare(job, columns, shard_size)
    except CorpusError as err:
        raise _fail(str(err)) from None
    client = local = None
    try:
        if cluster or scheduler:
            from mtfix.corpus.cluster import connect

            client, local = connect(cluster, scheduler)
        outcome = execute(plan, jobs or cores(), client, context, retries)
    except CorpusError as err:
        raise _fail(str(err)) from None
    except KeyboardInterrupt:
        left = len(pending(plan))
        print(f"mtfix: interrupted: {len(plan.shards) - left} of {len(plan.shards)} shards done; "
              "run the same command again to go on", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None
    finally:
        if client is not None:
            client.close()
        if local is not None:
            local.close()
    _summary(plan, outcome)
    raise typer.Exit(EXIT_CLEAN if outcome.complete else EXIT_ERROR)


def _summary(plan, outcome) -> None:
    rows = sum(m["rows"] for m in outcome.done)
    issues = sum(m["issues"] for m in outcome.done)
    flagged = sum(m["flagged"] for m in outcome.done)
    rate = f", {rows / outcome.seconds:,.0f} rows/s" if outcome.seconds and rows else ""
    line = (f"{len(outcome.done)} shards checked now ({rows:,} rows in {outcome.seconds:.1f} s{rate}; "
            f"{issues:,} issues in {flagged:,} rows), {outcome.already} done before, of {outcome.planned}.")
    if plan.job.command == "fix":
        line += f" {sum(m['fixed'] for m in outcome.done):,} rows fixed."
    if plan.job.command == "filter":
        line += f" {sum(m['dropped'] for m in outcome.done):,} rows dropped."
    print(line, file=sys.stderr)
    if outcome.failed:
        print(f"mtfix: error: {len(outcome.failed)} shards failed: {_listed(sorted(outcome.failed))}; "
              "run the same command again to retry them", file=sys.stderr)


def _listed(indexes: list[int], at_most: int = 10) -> str:
    shown = ", ".join(map(str, indexes[:at_most]))
    return shown + (f" and {len(indexes) - at_most} more" if len(indexes) > at_most else "")
