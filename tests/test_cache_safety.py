"""The cache folder cannot run code or take a run down: a crafted pickle or marshal payload in
any cache file is refused and rebuilt, a folder or file that others may write is not used,
and a file truncated while a run uses it costs nothing.

The crafted files carry the right header, key and checksum for their place, so only their
content is refused. The runs are real `mtfix check` processes on an isolated cache folder.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import shutil
import stat
import struct
import subprocess
import sys
import zlib
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix import cache, plaindata
from mtfix.lexicon import store
from mtfix.termbase import cache as termcache

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = "term\tvariants\tgender\tnote\nRIA Novosti\tRIA News\t\tx\nSergei Lavrov\tSergey Lavrov\tm\tx\n"
#: How the one warning about a cache folder or file that is not used ends.
REFUSED = "ignored, built in memory instead"
TEXT = 'Sergei Lavrov commented on the talks. "We are ready," she said. RIA News reported it.\n"We agree", - said Sergey Lavrov.\n'


class Payload:
    """Unpickled, it creates the file `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (cache.NO_CACHE_VARIABLE, "MTFIX_CACHE_DIR")}
    env.update(MTFIX_CACHE_DIR=str(tmp / "cache"), HOME=str(tmp / "home"), NO_COLOR="1")
    return env


def _check(tmp: Path) -> subprocess.CompletedProcess:
    (tmp / "g.tsv").write_text(GLOSSARY, encoding="utf-8")
    (tmp / "news.txt").write_text(TEXT, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mtfix", "check", "--glossary", "g.tsv", "--format", "json", "news.txt"],
        cwd=tmp, env={**_environment(tmp), "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=False,
    )


def _issues(done: subprocess.CompletedProcess) -> list:
    assert done.returncode == 1, done.stderr
    return [(i["code"], i["line"], i["column"], i["message"]) for i in json.loads(done.stdout)["files"][0]["issues"]]


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """A folder where a first run built the whole cache."""
    return tmp_path_factory.mktemp("clean")


@pytest.fixture(scope="module")
def expected(clean) -> list:
    issues = _issues(_check(clean))
    assert {"PU001", "TM001", "TM002", "GR002"} <= {code for code, *_ in issues}
    return issues


@pytest.fixture
def built(tmp_path, clean, expected) -> Path:
    """tmp_path with a copy of the cache the first run built (modes kept), as a run of its
    own would have left it: a build costs seconds."""
    shutil.copytree(clean / "cache", tmp_path / "cache")
    shutil.copy(clean / "g.tsv", tmp_path / "g.tsv")
    return tmp_path


def _glossary_file(key: str, payload: bytes, old: bool) -> bytes:
    """A compiled glossary holding `payload`: as mtfix 0.1 wrote it (a pickle, which it
    loaded), or in today's layout with the payload in place of the automaton's keys."""
    if old:
        magic, body = b"MTFXGLS\x03", struct.pack("<IQ", 1, len(payload)) + payload
    else:
        magic, body = termcache._MAGIC, struct.pack("<5Q", len(payload), 0, 8, 0, 8) + payload + bytes(16)
    return magic + key.encode() + zlib.crc32(body).to_bytes(4, "big") + body


def _index_file(sound: bytes, payload: bytes, old: bool) -> bytes:
    """An index file with the header of `sound` (its glossary's key and its name) holding
    `payload`, in mtfix 0.1's layout (a pickle, which it loaded) or today's."""
    magic = b"MTFXIDX\x01" if old else sound[:8]
    return magic + sound[8:88] + zlib.crc32(payload).to_bytes(4, "big") + payload


def _table_file(sound: bytes, payload: bytes, monkeypatch) -> bytes:
    """The lexicon table `sound` with `payload` as its extra data, said to be plain data."""
    position = store._HEAD.size + store._SIZES.size
    key = sound[position : position + store._SIZES.unpack_from(sound, store._HEAD.size)[0]].decode()
    table = store.Table(sound, key)
    with monkeypatch.context() as patch:
        patch.setattr(store.plaindata, "dumps", lambda value: payload)
        return store.pack(table.keys(), array(table.values.format, table.values), {}, key)


def _cache_files(tmp: Path) -> list[Path]:
    return sorted(p for p in (tmp / "cache").rglob("*") if p.is_file())


@pytest.mark.parametrize("kind", ["pickle, old layout", "pickle", "marshal code"])
@pytest.mark.usefixtures("built")
def test_a_crafted_payload_in_any_cache_file_never_runs(tmp_path, monkeypatch, expected, kind):
    marker = tmp_path / "ran"
    payload = pickle.dumps(Payload(marker))
    pickle.loads(payload)
    assert marker.exists(), "the payload does not work"
    marker.unlink()
    if kind == "marshal code":
        payload = marshal.dumps(compile(f"open({str(marker)!r}, 'w')", "cache", "exec"))
    planted = {}
    for path in _cache_files(tmp_path):
        sound = path.read_bytes()
        if path.suffix == ".idx":
            planted[path] = _index_file(sound, payload, kind == "pickle, old layout")
        elif path.parent.name == "glossaries":
            planted[path] = _glossary_file(path.stem, payload, kind == "pickle, old layout")
        else:
            planted[path] = _table_file(sound, payload, monkeypatch)
        path.write_bytes(planted[path])
    assert {p.parent.name for p in planted} == {"glossaries", "lexicon"} and any(p.suffix == ".idx" for p in planted)

    done = _check(tmp_path)
    assert not marker.exists()
    assert _issues(done) == expected and REFUSED not in done.stderr
    assert all(path.read_bytes() != data for path, data in planted.items())  # rebuilt sound


def test_plain_data_round_trips_and_refuses_pickle_and_marshal():
    value = {"a": (1, "b", (2.5, None, True)), ("x", 1): frozenset({"q"}), 3: [set(), {}], "": ()}
    assert plaindata.loads(plaindata.dumps(value)) == value
    assert type(plaindata.loads(plaindata.dumps(value))["a"][2]) is tuple
    for crafted in (pickle.dumps(Payload(Path("x"))), marshal.dumps(compile("1", "x", "exec")), b'{"x": 1}', b"[" * 100_000):
        with pytest.raises(ValueError):
            plaindata.loads(crafted)
    with pytest.raises(TypeError):
        plaindata.dumps(compile("1", "x", "exec"))


_PLAIN = (type(None), bool, int, float, str, list, tuple, set, frozenset, dict)


def _only_plain(value) -> bool:
    if isinstance(value, dict):
        return all(_only_plain(k) and _only_plain(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(map(_only_plain, value))
    return type(value) in _PLAIN


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=64) | st.text(alphabet='{}[]",:tfsd0123 nul', max_size=40).map(str.encode))
def test_any_bytes_decode_to_plain_data_or_are_refused(data):
    try:
        value = plaindata.loads(data)
    except (ValueError, TypeError):
        return
    assert _only_plain(value)


def _private(mode: int) -> bool:
    return not mode & (stat.S_IRWXG | stat.S_IRWXO)


def test_the_cache_folder_is_created_private_and_its_files_too(tmp_path, expected):
    assert _issues(_check(tmp_path)) == expected
    folders = [tmp_path / "cache", *(p for p in (tmp_path / "cache").rglob("*") if p.is_dir())]
    assert len(folders) == 3 and all(_private(p.stat().st_mode) for p in folders)
    assert _cache_files(tmp_path) and all(_private(p.stat().st_mode) for p in _cache_files(tmp_path))


@pytest.mark.parametrize("place", ["cache", "cache/glossaries"])
@pytest.mark.parametrize("mode", [0o777, 0o770])
@pytest.mark.usefixtures("built")
def test_a_cache_folder_others_may_write_is_not_used(tmp_path, expected, place, mode):
    marker = tmp_path / "ran"
    for path in (tmp_path / "cache" / "glossaries").glob("*.idx"):
        path.write_bytes(_index_file(path.read_bytes(), pickle.dumps(Payload(marker)), old=False))
    before = {p: p.read_bytes() for p in _cache_files(tmp_path)}
    (tmp_path / place).chmod(mode)
    done = _check(tmp_path)
    assert _issues(done) == expected and not marker.exists()
    assert done.stderr.count(REFUSED) == 1 and f"cache folder {tmp_path / place} is writable by" in done.stderr
    assert {p: p.read_bytes() for p in _cache_files(tmp_path)} == before  # nothing read or written


@pytest.mark.parametrize("change", ["group-writable", "another owner"])
@pytest.mark.usefixtures("built")
def test_a_cache_file_others_may_write_is_refused_and_replaced(tmp_path, expected, change):
    files = _cache_files(tmp_path)
    for path in files:
        if change == "group-writable":
            path.chmod(0o620)
        elif os.geteuid() == 0:
            os.chown(path, 12345, 12345)
        else:
            pytest.skip("only root can give a file to another user")
    done = _check(tmp_path)
    assert _issues(done) == expected
    assert done.stderr.count(REFUSED) == 1
    assert all(p.stat().st_uid == os.geteuid() and _private(p.stat().st_mode) for p in files)


TRUNCATE = """
import os, sys
from pathlib import Path
from mtfix.glossary import open_glossaries
from mtfix.lexicon import english, store

table = store.table(english.SOURCE)
glossary = open_glossaries([Path(sys.argv[1])])
assert glossary.matches("RIA News")  # loaded, entries not yet decoded
for path in Path(os.environ["MTFIX_CACHE_DIR"]).rglob("*.bin") if sys.argv[2:] else ():
    os.truncate(path, 0)
words = table.keys()
assert len(words) > 100_000 and all(table.get(w) is not None for w in words[::97])
print(len(words), len(glossary.entries), glossary.people())
"""


def test_truncating_the_cache_files_a_run_uses_costs_nothing(tmp_path):
    (tmp_path / "g.tsv").write_text(GLOSSARY, encoding="utf-8")
    env = {**_environment(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", TRUNCATE, str(tmp_path / "g.tsv"), *truncate],
            env=env, capture_output=True, text=True, check=False,
        )
        for truncate in ((), ("truncate",), ())  # build the files, read and truncate them, rebuild them
    ]
    assert [r.returncode for r in runs] == [0, 0, 0], [r.stderr[-2000:] for r in runs]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and "Sergei Lavrov" in runs[0].stdout
    assert all(p.stat().st_size for p in (tmp_path / "cache").rglob("*.bin"))


def test_digest_memo_of_a_large_glossary_is_read_only_when_private(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_warned", False)
    content_digest = termcache.content_digest
    big = tmp_path / "big.tsv"
    big.write_text(GLOSSARY + "#" * (1 << 20) + "\n", encoding="utf-8")
    true = hashlib.sha256(big.read_bytes()).hexdigest()
    assert content_digest(big) == true
    (memo,) = (tmp_path / "cache" / "digests").iterdir()
    signature = memo.read_text().rsplit(" ", 1)[0]
    memo.write_text(f"{signature} {'0' * 64}")
    memo.chmod(0o666)
    with pytest.warns(cache.CacheWarning):
        assert content_digest(big) == true


def test_two_builds_of_a_table_keep_a_file_each_and_old_builds_are_pruned(tmp_path, monkeypatch):
    """Installs of different versions sharing the folder each keep their build instead of
    overwriting each other's on every run; a build unused for `MAX_AGE` goes when another
    is written."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    built = []

    def source(revision):
        def build():
            built.append(revision)
            return ["a"], array("H", [revision]), b""

        return store.Source("words", "wordfreq", "wordfreq", "", build, revision)

    old, new = source(1), source(2)
    assert store.open_table(old).get("a") == 1 and store.open_table(new).get("a") == 2
    assert store.open_table(old).get("a") == 1 and store.open_table(new).get("a") == 2
    assert built == [1, 2]
    first, second = store.path_for(old, old.key()), store.path_for(new, new.key())
    assert first != second and first.is_file() and second.is_file()
    long_ago = 1_000_000_000
    os.utime(first, (long_ago, long_ago))
    third = source(3)
    store.open_table(third)
    assert not first.exists() and second.is_file() and store.path_for(third, third.key()).is_file()


@pytest.mark.usefixtures("built")
def test_a_fifo_where_a_cache_file_is_expected_does_not_block(tmp_path, expected):
    # nobody writes the FIFOs: a blocking open or read of one would never return
    files = _cache_files(tmp_path)
    for path in files:
        path.unlink()
        os.mkfifo(path, 0o600)
    (tmp_path / "news.txt").write_text(TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mtfix", "check", "--glossary", "g.tsv", "--format", "json", "news.txt"],
        cwd=tmp_path, env={**_environment(tmp_path), "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert _issues(done) == expected
    assert done.stderr.count(REFUSED) == 1 and "is not a regular file" in done.stderr, done.stderr


DAWG = """
import sys
from mtfix.languages import pair
words = pair("ru-en").source.lexicon().frequent_words_dawg
print(words.has_keys_with_prefix("моск"), words.has_keys_with_prefix("жжжжжж"), words.has_keys_with_prefix(""))
"""


def _looping_dawg() -> bytes:
    """256 units whose root's first child has the root as its first child: a prefix search
    that trusts the links walks (and grows its stack) for ever."""
    units = array("I", bytes(4 * 256))
    units[0] = 0x61  # the root: label `a` (so that `a` leads back to it), offset 0
    units[0x61] = 0x61  # its child `a`: no key ends there, offset 0, so its `a` is the root
    guide = bytearray(2 * 256)
    guide[0] = guide[2 * 0x61] = 0x61  # first children: `a`, `a`
    return struct.pack("<I", 256) + units.tobytes() + struct.pack("<I", 256) + bytes(guide)


def _key(table: bytes) -> str:
    position = store._HEAD.size + store._SIZES.size
    return table[position : position + store._SIZES.unpack_from(table, store._HEAD.size)[0]].decode()


def _crafted_dawg(kind: str, sound: bytes) -> bytes:
    count = struct.unpack_from("<I", sound)[0]
    if kind == "a size that does not match":  # DAWG2 would allocate 16 GB before it saw
        return struct.pack("<I", 0xFFFFFFF0) + sound[4:]
    if kind == "an offset past the end":  # DAWG2 would read outside its units: a crash
        return struct.pack("<I", count) + struct.pack("<I", (1 << 21 | 0x3FF) << 10 | 1 << 9) + sound[8:]
    if kind == "a loop":
        return _looping_dawg()
    return b"\x01\x00\x00\x00garbage"


@pytest.mark.parametrize("kind", ["a size that does not match", "an offset past the end", "a loop", "garbage"])
def test_a_crafted_dawg_in_the_cache_is_rebuilt_never_loaded(tmp_path, kind):
    pytest.importorskip("dawg")
    env = {**_environment(tmp_path), "PYTHONPATH": str(ROOT)}

    def load():
        return subprocess.run([sys.executable, "-c", DAWG], env=env, capture_output=True, text=True, timeout=120)

    first = load()
    assert first.returncode == 0 and first.stdout == "True False True\n", first.stderr
    (path,) = (tmp_path / "cache" / "lexicon").glob("*-wordfreq-dawg-*.bin")
    sound = path.read_bytes()
    table = store.Table(sound, _key(sound))
    crafted = store.pack([], array("I"), _crafted_dawg(kind, table.extra), _key(sound))
    assert store.Table(crafted, _key(sound)).extra != table.extra  # header and checksum right
    path.write_bytes(crafted)
    again = load()
    assert (again.returncode, again.stdout) == (0, "True False True\n"), again.stderr[-2000:]
    assert path.read_bytes() == sound  # rebuilt and written back
