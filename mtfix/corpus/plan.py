"""The plan of a corpus run, `OUT/plan.json`: the inputs as they were planned (paths, sizes,
modification times), the shards they are cut into, the command, the mtfix version and a
digest of the configuration (mtfix's files, settings, selected rules, glossary content).

The first run writes it; a later run into the same folder reads it, goes on with the shards
not yet done, and refuses to go on when the inputs, the command or the configuration differ.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from mtfix.config import Settings
from mtfix.corpus import CorpusError
from mtfix.corpus.inputs import Input
from mtfix.corpus.readers import reader
from mtfix.corpus.readers.base import Columns, Cut
from mtfix.version import __version__

PLAN = "plan.json"
DEFAULT_SHARD_SIZE = 10_000
COMMANDS = ("check", "fix", "filter")


@dataclass(frozen=True)
class Job:
    """What every shard of a run needs: where to write, what to do, with which settings."""

    out: str
    command: str
    unsafe: bool
    drop_on: str | None
    settings: dict
    digest: str
    inputs: tuple[Input, ...]
    layouts: tuple[dict, ...]


@dataclass(frozen=True)
class Shard:
    """Positions `cut.start`..`cut.stop` of input number `input`."""

    index: int
    input: int
    cut: Cut


@dataclass
class Plan:
    job: Job
    columns: Columns
    shard_size: int
    files: list[list[dict]]
    positions: list[int]
    shards: list[Shard]

    @property
    def path(self) -> Path:
        return Path(self.job.out) / PLAN

    def to_json(self) -> dict:
        job = self.job
        return {
            "mtfix": __version__,
            "command": job.command,
            "unsafe": job.unsafe,
            "drop_on": job.drop_on,
            "digest": job.digest,
            "settings": job.settings,
            "columns": asdict(self.columns),
            "shard_size": self.shard_size,
            "inputs": [
                {"name": i.name, "format": i.format, "files": files, "layout": layout, "positions": positions}
                for i, files, layout, positions in zip(job.inputs, self.files, job.layouts, self.positions)
            ],
            "shards": [[s.input, s.cut.start, s.cut.stop, list(s.cut.offsets)] for s in self.shards],
        }

    @classmethod
    def from_json(cls, data: dict, out: str) -> Plan:
        inputs = tuple(Input(i["name"], i["format"], tuple(f["path"] for f in i["files"])) for i in data["inputs"])
        job = Job(
            out, data["command"], data["unsafe"], data["drop_on"], data["settings"], data["digest"], inputs,
            tuple(i["layout"] for i in data["inputs"]),
        )
        shards = [Shard(n, s[0], Cut(s[1], s[2], tuple(s[3]))) for n, s in enumerate(data["shards"])]
        return cls(
            job, Columns(**data["columns"]), data["shard_size"], [i["files"] for i in data["inputs"]],
            [i["positions"] for i in data["inputs"]], shards,
        )


def settings_json(settings: Settings) -> dict:
    """Settings as JSON values (`settings_from` reads them back); the config file's path,
    which does not change what is checked, is left out."""
    return {f.name: _plain(getattr(settings, f.name)) for f in fields(settings) if f.compare}


def settings_from(data: dict) -> Settings:
    return Settings(**data)


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def digest(settings: Settings, context) -> str:
    """What the configuration checks with: mtfix's version and files, the settings, the
    selected rules and the glossaries' content."""
    described = {
        "mtfix": __version__,
        "files": _files_digest(),
        "settings": settings_json(settings),
        "rules": [rule.code for rule in context.rules],
        "glossary": context.glossary.digest,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]


def _files_digest() -> str:
    """A digest of mtfix's own files (code, rule packs, word lists), so that a run never mixes
    the results of two builds that call themselves the same version."""
    package = Path(__file__).resolve().parent.parent
    found = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            found.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return found.hexdigest()


def load(out: str) -> Plan:
    """The plan in folder `out`; CorpusError when there is none or it cannot be read."""
    path = Path(out) / PLAN
    try:
        return Plan.from_json(json.loads(path.read_text(encoding="utf-8")), out)
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such plan") from None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as err:
        raise CorpusError(f"{path}: not a plan mtfix can read ({type(err).__name__}: {err})") from None


def prepare(job: Job, columns: Columns, shard_size: int | None) -> Plan:
    """The plan of `job`: the one in its folder when it matches, else a new one, written."""
    path = Path(job.out) / PLAN
    if path.exists():
        found = load(job.out)
        difference = _difference(found, job, columns, shard_size)
        if difference:
            raise CorpusError(f"{path}: {difference}; use another output folder, or delete this one to start again")
        return found
    plan = make(job, columns, shard_size or DEFAULT_SHARD_SIZE)
    try:
        write(plan)
    except OSError as err:
        raise CorpusError(f"{path}: cannot write the plan ({err.strerror or err})") from None
    return plan


def make(job: Job, columns: Columns, shard_size: int) -> Plan:
    """Resolve each input's columns and cut it into shards of `shard_size` rows (more where a
    document goes on)."""
    if shard_size < 1:
        raise CorpusError(f"--shard-size {shard_size}: a shard needs at least one row")
    language = settings_from(job.settings).language_pair.split("-")[0]
    layouts, positions, shards = [], [], []
    for number, item in enumerate(job.inputs):
        read = reader(item.format)
        layout = read.layout(item, columns, language)
        total, cuts = read.plan(item, layout, shard_size)
        layouts.append(layout)
        positions.append(total)
        first = len(shards)
        shards.extend(Shard(first + i, number, cut) for i, cut in enumerate(cuts))
    files = [[_stat(path) for path in item.paths] for item in job.inputs]
    planned = Job(job.out, job.command, job.unsafe, job.drop_on, job.settings, job.digest, job.inputs, tuple(layouts))
    return Plan(planned, columns, shard_size, files, positions, shards)


def write(plan: Plan) -> None:
    """Write the plan whole or not at all (a temporary file renamed)."""
    plan.path.parent.mkdir(parents=True, exist_ok=True)
    draft = plan.path.with_name(f"{PLAN}.tmp-{os.getpid()}")
    draft.write_text(json.dumps(plan.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(draft, plan.path)


def _stat(path: str) -> dict:
    found = os.stat(path)
    return {"path": path, "size": found.st_size, "mtime_ns": found.st_mtime_ns}


def _difference(plan: Plan, job: Job, columns: Columns, shard_size: int | None) -> str | None:
    """How `job` differs from what `plan` was made for, in a few words; None if it does not."""
    planned = plan.job
    if planned.command != job.command:
        return f"planned for `mtfix corpus {planned.command}`, not `{job.command}`"
    if (planned.unsafe, planned.drop_on) != (job.unsafe, job.drop_on):
        return "planned with other options (--unsafe-fixes, --drop-on)"
    names = [i.paths for i in planned.inputs]
    if names != [i.paths for i in job.inputs]:
        return f"planned for other inputs ({', '.join(i.name for i in planned.inputs)})"
    for item, files in zip(planned.inputs, plan.files):
        for file in files:
            now = _stat(file["path"]) if os.path.exists(file["path"]) else None
            if now is None:
                return f"{file['path']} is gone since it was planned"
            if now["size"] != file["size"]:
                return f"{file['path']} changed since it was planned (size {file['size']}, now {now['size']})"
            if now["mtime_ns"] != file["mtime_ns"]:
                return f"{file['path']} changed since it was planned (modified since, same size)"
    if planned.digest != job.digest:
        return "planned with another configuration (settings, rules, glossaries or mtfix version)"
    if plan.columns != columns:
        return "planned with other column options"
    if shard_size is not None and shard_size != plan.shard_size:
        return f"planned with --shard-size {plan.shard_size}, not {shard_size}"
    return None
