"""`mtfix corpus`: every reader, the plan and its refusal, resume after an interruption, a
poisoned row, documents, filter and fix, statistics, and a real two-worker Dask cluster that
loses a worker mid-run. Every run is compared with `mtfix.check_units` on the same pairs."""

from __future__ import annotations

import gzip
import json
import os
import signal
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

import mtfix  # noqa: E402
from mtfix.cli import app  # noqa: E402
from mtfix.config import Settings  # noqa: E402
from mtfix.corpus import CorpusError  # noqa: E402
from mtfix.corpus.inputs import find  # noqa: E402
from mtfix.corpus.plan import Job, digest, prepare, settings_json  # noqa: E402
from mtfix.corpus.readers.base import Columns  # noqa: E402
from mtfix.corpus.run import execute  # noqa: E402

DATA = Path(__file__).parent / "data"
SETTINGS = Settings()
#: Rows written to show what each rule family flags, then the MLQE-PE dev sample.
CRAFTED = [
    ("«Мы согласны», - сказал он.", '"We agree", - he said.'),
    ("Они не могут прийти.", "They can not come."),
    ("Это было 13.04.2017 в 07:10.", "It was on 13.04.2017 at 07: 10."),
    ("Агентство РИА Новости сообщило об этом.", "The RIA News agency reported this."),
    ("", "   "),
    ("Пустая строка.", ""),
    ("Он сказал это сам.", "  He said it himself himself."),
]


def pairs() -> list[tuple[str, str]]:
    source = (DATA / "mlqe-pe-dev-100.src").read_text(encoding="utf-8").splitlines()
    target = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8").splitlines()
    return CRAFTED + list(zip(source, target))


@pytest.fixture(scope="module")
def context():
    return mtfix.Context(SETTINGS)


def job_for(names, out, context, command="check", drop_on=None, unsafe=False, input_format=None) -> Job:
    found = find([str(n) for n in names], input_format, "ru")
    return Job(str(out), command, unsafe, drop_on, settings_json(SETTINGS), digest(SETTINGS, context), tuple(found), ())


def run(names, out, context, shard_size=25, columns=Columns(), **options):
    plan = prepare(job_for(names, out, context, **options), columns, shard_size)
    return plan, execute(plan, jobs=1, context=context, show=False)


def annotations(out) -> list[dict]:
    """Every row of the run's parts, in input order."""
    rows = [r for f in sorted(Path(out).glob("part-*.parquet")) for r in pq.read_table(f).to_pylist()]
    return sorted(rows, key=lambda r: (r["input"], r["row"]))


def expected(context, documents=None) -> list[list[tuple]]:
    """What check_units finds in each pair (code, flagged text, message): each pair alone, or
    each list of pairs in `documents` together."""
    found = []
    for document in documents or [[p] for p in pairs()]:
        shown = [p for p in document if p[1].strip()]
        by_unit: dict[int, list] = {}
        for finding in mtfix.check_units(shown, context):
            by_unit.setdefault(int(finding.unit) - 1, []).append((finding.code, finding.text, finding.message))
        index = 0
        for _, target in document:
            found.append(by_unit.get(index, []) if target.strip() else [])
            index += bool(target.strip())
    return found


@pytest.fixture(scope="module")
def alone(context):
    return expected(context)


def issues_of(rows: list[dict]) -> list[list[tuple]]:
    return [[(i["code"], i["text"], i["message"]) for i in r["issues"]] for r in rows]


def write_lines(folder: Path, rows, stem="corpus") -> tuple[Path, Path]:
    source, target = folder / f"{stem}.ru", folder / f"{stem}.en"
    source.write_text("".join(s + "\n" for s, _ in rows), encoding="utf-8")
    target.write_text("".join(t + "\n" for _, t in rows), encoding="utf-8")
    return source, target


def test_rows_alone_are_what_check_units_gives_each_pair(tmp_path, context, alone):
    plan, outcome = run(write_lines(tmp_path, pairs()), tmp_path / "out", context)
    assert outcome.complete and len(plan.shards) == 5
    rows = annotations(tmp_path / "out")
    assert [r["row"] for r in rows] == list(range(len(pairs())))
    assert issues_of(rows) == alone
    assert {"PU001", "SP002", "LC001", "WS001", "TM001", "SP001"} <= {c for r in rows for c in r["codes"]}
    for row, (_, target) in zip(rows, pairs()):
        assert all(target[i["start"] : i["end"]] == i["text"] for i in row["issues"])


def write_every_format(folder: Path) -> list[Path]:
    """The same pairs as Parquet, JSON Lines (plain, gzip, zstd), TSV (plain, gzip), TMX and
    line-aligned text, each row named by the same id."""
    import pyarrow as pa
    import zstandard

    rows = [{"id": f"s{n}", "source": s, "target": t} for n, (s, t) in enumerate(pairs())]
    pq.write_table(pa.Table.from_pylist(rows), folder / "pairs.parquet", row_group_size=16)
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    (folder / "pairs.jsonl").write_bytes(jsonl)
    (folder / "pairs.b.jsonl.gz").write_bytes(gzip.compress(jsonl))
    (folder / "pairs.c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(jsonl))
    tsv = "id\tsrc\tmt\n" + "".join(f"{r['id']}\t{r['source']}\t{r['target']}\n" for r in rows)
    (folder / "pairs.tsv").write_text(tsv, encoding="utf-8")
    (folder / "pairs.b.tsv.gz").write_bytes(gzip.compress(tsv.encode()))
    from xml.sax.saxutils import escape

    units = "".join(
        f'<tu tuid="{r["id"]}"><tuv xml:lang="ru-RU"><seg>{escape(r["source"])}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>{escape(r["target"])}</seg></tuv></tu>\n'
        for r in rows
    )
    (folder / "pairs.tmx").write_text(
        f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ru-RU" datatype="plaintext" segtype="sentence" '
        f'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n{units}</body></tmx>\n',
        encoding="utf-8",
    )
    return [folder / n for n in ("pairs.parquet", "pairs.jsonl", "pairs.b.jsonl.gz", "pairs.c.jsonl.zst", "pairs.tsv",
                                 "pairs.b.tsv.gz", "pairs.tmx")]


def test_every_format_reads_the_same_pairs(tmp_path, context, alone):
    inputs = write_every_format(tmp_path)
    for path in inputs:
        columns = Columns(id="id") if path.suffix != ".tmx" else Columns()
        out = tmp_path / f"out-{path.name}"
        plan, outcome = run([path], out, context, shard_size=30, columns=columns)
        assert outcome.complete, path
        rows = annotations(out)
        assert [r["id"] for r in rows] == [f"s{n}" for n in range(len(pairs()))], path
        assert issues_of(rows) == alone, path


def test_line_aligned_files_pair_up_by_name(tmp_path):
    (tmp_path / "a.src").write_text("x\n")
    (tmp_path / "a.mt").write_text("y\n")
    (tmp_path / "b.en").write_text("y\n")
    found = find([str(tmp_path / n) for n in ("a.mt", "a.src", "b.en")], None, "ru")
    assert [(i.name, len(i.paths)) for i in found] == [(str(tmp_path / "a.mt"), 2), (str(tmp_path / "b.en"), 1)]
    assert found[0].paths[0].endswith("a.src")
    (tmp_path / "c.x").write_text("x\n")
    (tmp_path / "c.y").write_text("x\ny\n")
    with pytest.raises(CorpusError, match="cannot tell which is the source"):
        find([str(tmp_path / "c.x"), str(tmp_path / "c.y")], None, "ru")
    (tmp_path / "d.ru").write_text("x\n")
    (tmp_path / "d.en").write_text("x\ny\n")
    with pytest.raises(CorpusError, match="has 1 lines and .* 2: they are not line-aligned"):
        prepare(job_for([tmp_path / "d.ru", tmp_path / "d.en"], tmp_path / "out", mtfix.Context(SETTINGS)), Columns(), 10)


def test_documents_are_checked_whole_whatever_the_shards(tmp_path, context):
    """CN001 compares the rows of one document, never two documents, however the shards fall."""
    document = [("Кибербезопасность.", "Cybersecurity matters."), ("Кибербезопасность важна.", "Cyber security matters."),
                ("Да.", "Yes."), ("Кибербезопасность.", "Cybersecurity again.")]
    other = [("Кибербезопасность.", "Cyber security.")]
    records = [{"doc": "a", "source": s, "target": t} for s, t in document] + [{"doc": "b", "source": s, "target": t} for s, t in other]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    wanted = expected(context, [document, other])
    assert any(code == "CN001" for code, _, _ in wanted[1]) and not any(code == "CN001" for code, _, _ in wanted[4])
    for size in (1, 2, 100):
        plan, outcome = run([path], tmp_path / f"out{size}", context, shard_size=size, columns=Columns(doc="doc"))
        assert [(s.cut.start, s.cut.stop) for s in plan.shards] == ([(0, 4), (4, 5)] if size < 100 else [(0, 5)])
        assert issues_of(annotations(tmp_path / f"out{size}")) == wanted


def test_a_poisoned_row_gets_an_internal_error_issue(tmp_path, context):
    path = tmp_path / "poison.jsonl"
    path.write_text('{"source": "Да.", "target": "They can not."}\n{"source": "Нет.", "target": "Bad \\ud800 text."}\n'
                    '{"source": "Да.", "target": "We agree agree."}\n', encoding="utf-8")
    _, outcome = run([path], tmp_path / "out", context, command="fix")
    assert outcome.complete
    rows = annotations(tmp_path / "out")
    assert "SP002" in rows[0]["codes"] and rows[0]["fixed"] == "They cannot."
    assert rows[1]["codes"] == ["internal-error"]
    assert rows[1]["issues"][0]["message"].startswith("mtfix failed on this row (UnicodeEncodeError:")
    assert rows[1]["fixed"] == "Bad \\ud800 text."
    assert "SP001" in rows[2]["codes"]


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, context, alone):
    inputs, out = write_lines(tmp_path, pairs()), tmp_path / "out"
    plan = prepare(job_for(inputs, out, context), Columns(), 20)

    def interrupt(marker):
        if marker["index"] == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        execute(plan, context=context, show=False, on_done=interrupt)
    assert sorted(p.name for p in out.glob("part-*.done")) == ["part-00000.done", "part-00001.done"]
    assert not list(out.glob("*.tmp-*"))
    first = (out / "part-00000.parquet").stat().st_mtime_ns
    again = execute(prepare(job_for(inputs, out, context), Columns(), None), context=context, show=False)
    assert (again.already, len(again.done), again.complete) == (2, len(plan.shards) - 2, True)
    assert (out / "part-00000.parquet").stat().st_mtime_ns == first
    assert issues_of(annotations(out)) == alone


def test_a_plan_that_no_longer_matches_is_refused(tmp_path):
    source, target = write_lines(tmp_path, pairs()[:10])
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(app, ["corpus", "plan", str(source), str(target), "-o", str(out), "--shard-size", "4"])
    assert first.exit_code == 0, first.output
    assert "3 shards of up to 4 rows over 1 input (10 rows); 0 done" in first.output
    refused = runner.invoke(app, ["corpus", "plan", str(source), str(target), "-o", str(out), "--select", "SP"])
    assert refused.exit_code == 2
    assert "planned with another configuration" in refused.output
    with target.open("a", encoding="utf-8") as stream:
        stream.write("One more line.\n")
    refused = runner.invoke(app, ["corpus", "check", str(source), str(target), "-o", str(out), "-j", "1"])
    assert refused.exit_code == 2
    lines = refused.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtfix: error: ")
    assert f"{target} changed since it was planned" in lines[0] and "delete this one" in lines[0]


def test_filter_stats_and_run_shard_from_the_command_line(tmp_path):
    source, target = write_lines(tmp_path, pairs()[:30])
    runner = CliRunner()
    out = tmp_path / "filtered"
    result = runner.invoke(app, ["corpus", "filter", str(source), str(target), "-o", str(out), "--shard-size", "10",
                                 "-j", "1", "--drop-on", "error"])
    assert result.exit_code == 0, result.output
    kept = [r for f in sorted((out / "kept").glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
    dropped = [r for f in sorted((out / "dropped").glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
    assert len(kept) + len(dropped) == 30 and dropped
    assert all(r["reasons"] and r["target"] == pairs()[r["row"]][1] for r in dropped)
    errors = {r["row"]: sorted({i["code"] for i in r["issues"] if i["severity"] == "error"}) for r in annotations(out)}
    assert all(r["reasons"] == errors[r["row"]] for r in dropped) and not any(errors[r["row"]] for r in kept)

    stats = runner.invoke(app, ["corpus", "stats", str(out)])
    assert stats.exit_code == 0, stats.output
    summary = json.loads((out / "stats.json").read_text())
    assert summary["rows"] == 30 and summary["dropped"] == len(dropped)
    assert summary["shards"] == {"planned": 3, "done": 3, "missing": []}
    assert {r["code"] for r in summary["rules"]} >= {"PU001", "TM001"} and all(r["examples"] for r in summary["rules"])
    page = (out / "stats.html").read_text()
    assert page.count("<svg") == 2 and "<script" not in page and "http" not in page.replace("http://www.w3.org", "")

    (out / "part-00001.done").unlink()
    missing = runner.invoke(app, ["corpus", "stats", str(out)])
    assert missing.exit_code == 1 and "planned shards are missing: 1" in missing.output
    shard = runner.invoke(app, ["corpus", "run-shard", "--plan", str(out / "plan.json"), "--index", "1"])
    assert shard.exit_code == 0, shard.output
    assert runner.invoke(app, ["corpus", "stats", str(out)]).exit_code == 0


def test_local_worker_processes_survive_a_killed_one(tmp_path, context, alone):
    import multiprocessing

    inputs = write_lines(tmp_path, pairs())
    plan = prepare(job_for(inputs, tmp_path / "out", context, command="fix"), Columns(), 15)
    killed = []

    def kill_a_worker(marker):
        if not killed:
            killed.append(multiprocessing.active_children()[0].pid)
            os.kill(killed[0], signal.SIGKILL)

    outcome = execute(plan, jobs=2, show=False, on_done=kill_a_worker)
    assert killed and outcome.complete and not outcome.failed
    assert sorted(m["index"] for m in outcome.done) == list(range(len(plan.shards))) == list(range(8))
    assert not list((tmp_path / "out").glob("*.tmp-*"))
    rows = annotations(tmp_path / "out")
    assert [r["row"] for r in rows] == list(range(len(pairs())))
    assert issues_of(rows) == alone
    assert [r["fixed"] for r in rows] == [mtfix.fix_units([p], context)[0] if p[1].strip() else p[1] for p in pairs()]


@pytest.fixture(scope="module")
def client():
    """A real Dask LocalCluster, as `--cluster local:2` starts it: two worker processes, one thread each."""
    from mtfix.corpus.cluster import connect

    client, cluster = connect("local:2", None)
    yield client
    client.close()
    cluster.close()


def test_a_local_cluster_runs_its_workers_without_the_profiler(client):
    import dask

    from mtfix.corpus.cluster import QUIET

    seen = client.run(lambda: {key: dask.config.get(key) for key in QUIET})
    assert len(seen) == 2 and all(config == QUIET for config in seen.values())
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process keeps its own
    busy = client.submit(sum, range(30_000_000), pure=False).result()
    assert busy and all(count == 0 for count in client.run(lambda dask_worker: dask_worker.profile_recent["count"]).values())


def test_a_second_local_cluster_does_not_contend_for_the_dashboard_port(client):
    import socket
    import warnings

    from mtfix.corpus.cluster import connect

    with socket.socket() as taken, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            taken.bind(("127.0.0.1", 8787))
            taken.listen()
        except OSError:
            pass  # something else holds it already
        second, cluster = connect("local:1", None)
        try:
            assert second.submit(len, "shard", pure=False).result() == 5
        finally:
            second.close()
            cluster.close()
    assert not [w for w in seen if "already in use" in str(w.message)]


def test_dask_survives_a_worker_killed_mid_run(tmp_path, context, client, alone):
    poisoned = pairs() + [("Нет.", "Bad \ud800 text.")]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps({"source": s, "target": t}) + "\n" for s, t in poisoned), encoding="utf-8")
    plan = prepare(job_for([path], tmp_path / "out", context), Columns(), 6)
    killed = []

    def kill_a_busy_worker(marker):
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    outcome = execute(plan, client=client, show=False, on_done=kill_a_busy_worker)
    assert killed and outcome.complete and not outcome.failed
    assert len(plan.shards) == 18 and sorted(m["index"] for m in outcome.done) == list(range(18))
    assert sorted(p.name for p in (tmp_path / "out").glob("part-*.done")) == [f"part-{i:05d}.done" for i in range(18)]
    assert not list((tmp_path / "out").glob("*.tmp-*"))
    rows = annotations(tmp_path / "out")
    assert [r["row"] for r in rows] == list(range(len(poisoned)))
    assert issues_of(rows[:-1]) == alone
    assert rows[-1]["codes"] == ["internal-error"]
