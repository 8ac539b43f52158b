"""Glossary speed and memory: load a generated 100,000-entry TBX, and check 63k words of MT
with it against a 100-entry one, start-up included, on a warm cache.

    .venv/bin/python benchmarks/glossary.py [--entries 100000] [--text FILE] [--keep DIR]

Prints figures; asserts nothing (the targets: load under 2 s, the check with 100,000 entries
at most 1.5 times the check with 100). Also times the glossary indexes rules ask for, built
on first use and then read from the disk cache, and prints what the libraries alone cost
(expat, ElementTree's and lxml's trees, pyahocorasick's build): the floor under the load.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtfix.glossary import compiled, open_glossaries  # noqa: E402
from mtfix.termbase.model import TermEntry  # noqa: E402
from mtfix.termbase.formats import read_bytes, write_tbx  # noqa: E402

DEFAULT_TEXT = ROOT.parent / "shared" / "corpora" / "wmt14-ru-en" / "PROMT-Rule-based.3085.en"
SYLLABLES = "ka ri mo zen tal vor bek shi lun dra pex ul gor tsa vin hol mer qua sel dun bri ost".split()
CYRILLIC = "ка ри мо зен тал вор бек ши лун дра пекс ул гор ца вин хол мер ква сел дун бри ост".split()


def _word(rng: random.Random, syllables: list[str]) -> list[int]:
    return [rng.randrange(len(syllables)) for _ in range(rng.randint(2, 4))]


def generate(count: int, seed: int = 30042) -> list[TermEntry]:
    """Concepts with one to three invented words, admitted and deprecated variants and a
    Russian source term, in the proportions of a real client termbase."""
    rng = random.Random(seed)
    entries: list[TermEntry] = []
    taken: set[str] = set()
    while len(entries) < count:
        number = len(entries)
        words = [_word(rng, SYLLABLES) for _ in range(rng.choice((1, 1, 2, 2, 2, 3)))]
        english = " ".join("".join(SYLLABLES[i] for i in w).capitalize() for w in words)
        russian = " ".join("".join(CYRILLIC[i] for i in w).capitalize() for w in words)
        variants = [english.replace("k", "kh", 1) + "a", english.lower().replace(" ", "-") + "ov"]
        admitted = [english.replace("ts", "tz")] if "ts" in english and rng.random() < 0.5 else []
        forms = [english, *variants, *admitted]
        if any(f.lower().replace("-", " ") in taken for f in forms):
            continue  # a real termbase has no duplicate terms or variants
        taken.update(f.lower().replace("-", " ") for f in forms)
        entries.append(
            TermEntry(
                term=english,
                variants=tuple(dict.fromkeys(v for v in variants[: rng.randint(1, 2)] if v != english)),
                admitted=tuple(admitted),
                source=(russian,),
                case_sensitive=rng.random() < 0.3,
                note=f"generated concept {number}",
                domain=rng.choice(("law", "energy", "finance", "defence")),
            )
        )
    return entries


def _child_run(args: list[str], env: dict[str, str]) -> tuple[float, float | None, int | None]:
    """Wall time of one `mtfix` process and, where /usr/bin/time exists, its processor time
    (user + system: steadier than wall time on a shared machine) and peak RSS in MB. (The
    parent's getrusage would count this big parent's pages in the forked child.)"""
    timer = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        command = [str(timer), "-f", "%U %S %M", "-o", out.name, *args] if timer.exists() else args
        began = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - began
        text = out.read().strip().splitlines()
    fields = text[-1].split() if text else []
    if len(fields) != 3:
        return elapsed, None, None
    return elapsed, float(fields[0]) + float(fields[1]), int(fields[2]) // 1024


class _timer:
    """Wall and processor time of a block (the processor time is steadier on a shared machine)."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (processor {self.cpu:.2f} s)"


def floors(data: bytes, entries: list[TermEntry]) -> None:
    """What the libraries alone cost, below which no TBX reader or compiler built on them can
    go: expat reading the XML with no tree, ElementTree building the tree (no Python walk),
    lxml building its own, and the compile with pyahocorasick's share of it (adding the keys
    and building the automaton)."""
    import pyexpat
    from xml.etree.ElementTree import XMLParser

    import ahocorasick

    from mtfix.cache import no_gc
    from mtfix.glossary import compile_automaton

    with no_gc():
        with _timer() as compile_time:
            result = compile_automaton(entries)
        keys = sorted(result.automaton.items(), key=lambda item: item[1])
        del result
        with _timer() as automaton_time:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for key, number in keys:
                automaton.add_word(key, number)
            automaton.make_automaton()
        del automaton, keys
        print(f"  compile alone: {compile_time}, of which pyahocorasick (add the keys, build) {automaton_time}")
        with _timer() as bare:
            pyexpat.ParserCreate(namespace_separator="}").Parse(data, True)
        with _timer() as tree:
            parser = XMLParser()
            parser.feed(data)
            parser.close()
        del parser
        print(f"  the XML alone: expat without a tree {bare}, ElementTree's tree {tree}", end="")
        try:
            from lxml import etree
        except ImportError:
            print()
            return
        safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
        with _timer() as lxml_tree:
            etree.fromstring(data, safe)
        print(f", lxml's tree {lxml_tree}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT)
    parser.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    folder = options.keep or Path(tempfile.mkdtemp(prefix="mtfix-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    cache = folder / "cache"
    os.environ["MTFIX_CACHE_DIR"] = str(cache)
    big, small = folder / "big.tbx", folder / "small.tbx"
    began = time.perf_counter()
    entries = generate(options.entries)
    big.write_text(write_tbx(entries), encoding="utf-8")
    small.write_text(write_tbx(entries[:100]), encoding="utf-8")
    print(f"generated {len(entries)} entries, {big.stat().st_size / 1e6:.1f} MB TBX in {time.perf_counter() - began:.1f} s")

    files = [(big, read_bytes(big))]
    from mtfix.termbase.formats import read

    with _timer() as parse_time:
        parsed = read(big, data=files[0][1])
    print(f"parse TBX: {parse_time} for {len(parsed)} entries")
    floors(files[0][1], parsed)
    del parsed
    with _timer() as cold:
        result = compiled(files, use_cache=False)
    print(f"parse + compile (no cache): {cold}, {len(result.automaton)} matcher keys")
    del result
    with _timer() as first:
        built = open_glossaries([big])
        built.compiled  # as a first CLI run: digest, parse, compile, write the cache
    print(f"first load, the disk cache written too: {first}")
    # What the collector pays for the objects a cold build leaves alive (mtfix freezes none:
    # gc.freeze would freeze the host program's objects too), and that nothing was frozen.
    with _timer() as collect:
        gc.collect()
    print(f"  a full collection after it: {collect}; frozen objects: {gc.get_freeze_count()}")
    del built
    began = time.perf_counter()
    warm = open_glossaries([big])
    warm.compiled
    print(f"load from the disk cache (digest + automaton, entries on demand): {time.perf_counter() - began:.2f} s")
    began = time.perf_counter()
    len(warm.entries)
    print(f"decode all {len(warm.entries)} entries from the cache: {time.perf_counter() - began:.2f} s")
    with _timer() as collect:
        gc.collect()
    print(f"  a full collection after it: {collect}; frozen objects: {gc.get_freeze_count()}")
    for path in (cache / "glossaries").iterdir():
        print(f"cache file: {path.stat().st_size / 1e6:.1f} MB")
    for label, ask in (
        ("source lemmas (Russian morphology)", lambda g: g.by_source_lemma("кремль")),
        ("approved words", lambda g: g.approved_words()),
        ("people", lambda g: g.people()),
        ("known words", lambda g: g.known_words()),
    ):
        with _timer() as built:
            ask(open_glossaries([big]))
        with _timer() as read_back:
            ask(open_glossaries([big]))
        print(f"index of {label}: built in {built}, read from the cache in {read_back}")

    if not options.text.is_file():
        print(f"no text to check: {options.text}")
        return
    text = options.text.read_text(encoding="utf-8")
    words = len(text.split())
    for glossary_path in (small, big):
        g = open_glossaries([glossary_path])
        g.compiled
        began = time.perf_counter()
        found = g.matches(text)
        print(f"match {words} words against {glossary_path.name}: {time.perf_counter() - began:.3f} s, {len(found)} matches")

    mtfix = [sys.executable, "-m", "mtfix"]
    env = dict(os.environ)
    for selection in ("TM", "ALL"):
        wall, cpu = {}, {}
        for glossary_path in (small, big):
            args = [*mtfix, "check", "--exit-zero", "--select", selection, "--glossary", str(glossary_path), str(options.text)]
            _child_run(args, env)  # warm the cache
            runs = [_child_run(args, env) for _ in range(options.runs)]
            wall[glossary_path.name] = min(t for t, _, _ in runs)
            cpu[glossary_path.name] = min((c for _, c, _ in runs if c is not None), default=None)
            used = cpu[glossary_path.name]
            print(
                f"mtfix check --select {selection} with {glossary_path.name}: best of {options.runs}"
                f" {wall[glossary_path.name]:.2f} s" + (f" (processor {used:.2f} s)" if used is not None else "")
                + f", peak RSS {runs[-1][2]} MB"
            )
        ratio = f"ratio 100,000 / 100 entries, --select {selection}: {wall['big.tbx'] / wall['small.tbx']:.2f}"
        if cpu["big.tbx"] and cpu["small.tbx"]:
            ratio += f" (processor time {cpu['big.tbx'] / cpu['small.tbx']:.2f})"
        print(ratio)


if __name__ == "__main__":
    main()
