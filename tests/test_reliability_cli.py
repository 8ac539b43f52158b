"""Reliability of the command line against careless and hostile input (issue 13): what `fix`
writes (links, modes, owners, concurrent edits, signals, standard input), exit code 2 with one
line on stderr for every failure of mtfix itself, inputs that are not regular files or too
large, and the cases that were silent."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import warnings
from pathlib import Path

import pytest

from mtfix.cli import main

BAD = "He said he can not go.\n"
GOOD = "He said he cannot go.\n"
ROOT = os.geteuid() == 0
NOBODY = 65534
SETPRIV = shutil.which("setpriv")


@pytest.fixture
def mtfix(monkeypatch, capsys, tmp_path):
    """Run `mtfix ARGS…` in this process (through `main`, as the console script does) inside
    tmp_path; (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    monkeypatch.delenv("MTFIX_DEBUG", raising=False)

    def _run(*args: str):
        monkeypatch.setattr(sys, "argv", ["mtfix", *args])
        with pytest.raises(SystemExit) as done:
            main()
        out = capsys.readouterr()
        return done.value.code or 0, out.out, out.err

    return _run


@pytest.fixture
def shared(tmp_path_factory):
    """A folder every user may reach and write (pytest's own are private to their user)."""
    folder = Path(tempfile.mkdtemp(prefix="mtfix-test-"))
    os.chmod(folder, 0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def unprivileged(folder: Path, *args: str):
    """`mtfix ARGS…` in `folder` as a user without root's power over permissions: this user
    when it is not root, else `nobody` through setpriv."""
    command = [sys.executable, "-m", "mtfix", *args]
    env = {**os.environ, "NO_COLOR": "1", "MTFIX_CACHE_DIR": str(folder / ".cache")}
    if ROOT:
        (folder / ".cache").mkdir(exist_ok=True)
        os.chmod(folder / ".cache", 0o777)
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, cwd=folder, env=env)




def _python_runs_as_nobody() -> bool:
    """Whether `nobody` can start this interpreter: one built into root's home (pyenv) loads
    its libpython from a folder only root may read."""
    done = subprocess.run(
        [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable, "-c", ""],
        capture_output=True,
    )
    return done.returncode == 0


DROPS = bool(ROOT and SETPRIV) and _python_runs_as_nobody()
needs_unprivileged = pytest.mark.skipif(
    ROOT and not DROPS, reason="root, and setpriv missing or this Python not runnable as nobody"
)
needs_root = pytest.mark.skipif(
    not DROPS, reason="needs root, setpriv and a Python that nobody can run, to own files as another user"
)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.mtfix"))


def one_error(err: str) -> str:
    """The only line on stderr, which must be an mtfix error and no traceback."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtfix: error: "), err
    return lines[0]


# Class 2: fix and links, modes and concurrent edits.


def test_fix_follows_a_symlink_and_keeps_it(mtfix, tmp_path):
    (tmp_path / "real.txt").write_text(BAD)
    (tmp_path / "link.txt").symlink_to("real.txt")
    assert mtfix("fix", "--select", "SP", "link.txt")[0] == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == GOOD
    assert leftovers(tmp_path) == []


def test_fix_follows_symlinks_met_in_a_folder(mtfix, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "real.txt").write_text(BAD)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "link.txt").symlink_to("../elsewhere/real.txt")
    assert mtfix("fix", "--select", "SP", "docs")[0] == 0
    assert (tmp_path / "docs" / "link.txt").is_symlink()
    assert (tmp_path / "elsewhere" / "real.txt").read_text() == GOOD


def test_fix_keeps_hard_links(mtfix, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    inode = (tmp_path / "a.txt").stat().st_ino
    assert mtfix("fix", "--select", "SP", "a.txt")[0] == 0
    assert (tmp_path / "a.txt").stat().st_ino == inode and (tmp_path / "a.txt").stat().st_nlink == 2
    assert (tmp_path / "b.txt").read_text() == GOOD
    assert leftovers(tmp_path) == []


def test_fix_keeps_mode_owner_and_group(mtfix, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BAD)
    os.chmod(path, 0o640)
    if ROOT:
        os.chown(path, NOBODY, NOBODY)
    before = path.stat()
    assert mtfix("fix", "--select", "SP", "a.txt")[0] == 0
    after = path.stat()
    assert path.read_text() == GOOD
    assert (after.st_mode, after.st_uid, after.st_gid) == (before.st_mode, before.st_uid, before.st_gid)


@needs_root
def test_fix_by_another_user_keeps_the_owner_by_writing_in_place(shared):
    path = shared / "a.txt"
    path.write_text(BAD)
    os.chmod(path, 0o666)  # root's file, writable by everyone: a new copy could not be root's
    done = unprivileged(shared, "fix", "--select", "SP", "a.txt")
    assert done.returncode == 0, done.stderr
    assert path.read_text() == GOOD
    assert (path.stat().st_uid, path.stat().st_gid) == (0, 0)
    assert leftovers(shared) == []


def test_fix_refuses_another_users_read_only_file(mtfix, tmp_path):
    (tmp_path / "ro.txt").write_text(BAD)
    os.chmod(tmp_path / "ro.txt", 0o444)
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(tmp_path / "ro.txt", 65534, 65534)
    (tmp_path / "ok.txt").write_text(BAD)
    code, out, err = mtfix("fix", "--select", "SP", "ro.txt", "ok.txt")
    assert code == 2
    assert one_error(err) == "mtfix: error: ro.txt: read-only file (mode 0444); not written"
    assert (tmp_path / "ro.txt").read_text() == BAD and (tmp_path / "ok.txt").read_text() == GOOD
    assert "All checks passed!" not in out


@needs_root
def test_fix_refuses_a_file_this_user_may_not_write(shared):
    path = shared / "theirs.txt"
    path.write_text(BAD)
    os.chmod(path, 0o644)  # root's; the folder is writable by everyone
    done = unprivileged(shared, "fix", "--select", "SP", "theirs.txt")
    assert done.returncode == 2
    assert one_error(done.stderr.decode()) == "mtfix: error: theirs.txt: no permission to write it; not written"
    assert path.read_text() == BAD and path.stat().st_uid == 0


@needs_unprivileged
def test_fix_in_a_read_only_folder_is_an_error_and_the_rest_is_fixed(shared):
    locked = shared / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BAD)
    (shared / "b.txt").write_text(BAD)
    if ROOT:
        os.chown(locked / "a.txt", NOBODY, NOBODY)
        os.chown(shared / "b.txt", NOBODY, NOBODY)
    os.chmod(locked, 0o555)
    try:
        done = unprivileged(shared, "fix", "--select", "SP", "locked/a.txt", "b.txt")
    finally:
        os.chmod(locked, 0o755)
    assert done.returncode == 2
    assert one_error(done.stderr.decode()) == (
        "mtfix: error: locked/a.txt: cannot create a file in its folder (Permission denied); not written"
    )
    assert (locked / "a.txt").read_text() == BAD and (shared / "b.txt").read_text() == GOOD


@pytest.mark.parametrize("links", [1, 2])
def test_fix_refuses_a_file_edited_while_it_ran(mtfix, tmp_path, monkeypatch, links):
    from mtfix import engine

    path = tmp_path / "a.txt"
    path.write_text(BAD)
    if links == 2:
        os.link(path, tmp_path / "b.txt")
    fix = engine.fix

    def fix_while_someone_edits(document, *args, **kwargs):
        outcome = fix(document, *args, **kwargs)
        path.write_text(BAD.replace("He", "We"))  # the same size: only the content tells
        return outcome

    monkeypatch.setattr(engine, "fix", fix_while_someone_edits)
    code, out, err = mtfix("fix", "--select", "SP", "a.txt")
    assert code == 2
    assert one_error(err) == "mtfix: error: a.txt: changed since mtfix read it; not written (run mtfix again)"
    assert path.read_text() == BAD.replace("He", "We")
    assert leftovers(tmp_path) == []
    assert "Fixed" not in out


def test_an_edit_that_keeps_size_and_time_is_caught_by_the_digest(tmp_path):
    from mtfix import files, writer

    path = tmp_path / "a.txt"
    path.write_text(BAD)
    _, snapshot = files.read(path)
    path.write_text(BAD.replace("He", "We"))
    os.utime(path, ns=(snapshot.mtime_ns, snapshot.mtime_ns))
    with pytest.raises(writer.WriteError, match="changed since mtfix read it"):
        writer.write_fixed(snapshot, GOOD.encode(), "a.txt")
    assert path.read_text() == BAD.replace("He", "We")


def test_fix_with_stdin_and_a_file_never_writes_a_file_named_dash(run, tmp_path):
    (tmp_path / "-").write_text("keep me\n")
    (tmp_path / "b.txt").write_text(BAD)
    done = run("fix", "--select", "SP", "-", "b.txt", input=BAD.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == GOOD  # stdin's fix; the report goes to stderr
    assert (tmp_path / "-").read_text() == "keep me\n"
    assert (tmp_path / "b.txt").read_text() == GOOD


def test_stdin_named_twice_is_a_usage_error(run):
    done = run("fix", "-", "-", input=BAD.encode())
    assert done.returncode == 2 and done.stdout == b""
    assert one_error(done.stderr.decode()) == (
        "mtfix: error: standard input (-) can be named only once; name a file called - as ./-"
    )


def test_a_file_named_dash_is_read_as_dot_slash_dash(mtfix, tmp_path):
    (tmp_path / "-").write_text(BAD)
    code, out, _ = mtfix("fix", "--select", "SP", "./-")
    assert code == 0 and "Fixed 1 issue" in out
    assert (tmp_path / "-").read_text() == GOOD


_KILLED = """
import os, signal, sys
from pathlib import Path
from mtfix import files, writer

path = Path(sys.argv[1])
data, snapshot = files.read(path)
real = getattr(os, sys.argv[3])

def then_signal(*args):
    real(*args)
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))

setattr(os, sys.argv[3], then_signal)
writer.write_fixed(snapshot, data.replace(b"can not", b"cannot"), path.name)
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_writing_removes_the_temporary_file(tmp_path, name):
    path = tmp_path / "a.txt"
    path.write_text(BAD * 1000)
    done = subprocess.run([sys.executable, "-c", _KILLED, str(path), name, "fsync"], capture_output=True)
    assert done.returncode == -getattr(signal, name), done.stderr
    assert path.read_text() == BAD * 1000
    assert leftovers(tmp_path) == []


def test_a_signal_during_an_in_place_write_waits_until_it_is_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BAD * 1000)
    os.link(path, tmp_path / "b.txt")
    done = subprocess.run([sys.executable, "-c", _KILLED, str(path), "SIGTERM", "ftruncate"], capture_output=True)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert (tmp_path / "b.txt").read_text() == GOOD * 1000
    assert leftovers(tmp_path) == []


# Class 4: failures of mtfix itself exit 2 with one line on stderr.


def test_write_baseline_to_a_bad_path(mtfix, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    code, _, err = mtfix("check", "--select", "SP", "--write-baseline", "no/such/folder/b.json", "a.txt")
    assert code == 2
    assert one_error(err).startswith("mtfix: error: --write-baseline: no/such/folder/b.json: cannot create a file")


@pytest.mark.parametrize("command", [["report", "a.txt"], ["diff", "a.txt", "b.txt"]])
def test_an_output_file_to_a_bad_path(mtfix, tmp_path, command):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "folder.html").mkdir()
    assert one_error(mtfix(*command, "-o", "missing/r.html")[2]).startswith("mtfix: error: missing/r.html: cannot")
    code, _, err = mtfix(*command, "-o", "folder.html")  # a usage error, as typer words it
    assert code == 2 and "'folder.html' is a directory" in err


def test_report_keeps_the_old_page_until_the_new_one_is_written(mtfix, tmp_path, monkeypatch):
    from mtfix import writer

    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "r.html").write_text("old report")

    def disk_full(handle, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_all", disk_full)
    code, _, err = mtfix("report", "--select", "SP", "a.txt", "-o", "r.html")
    assert code == 2
    assert one_error(err) == "mtfix: error: r.html: cannot write (No space left on device)"
    assert (tmp_path / "r.html").read_text() == "old report"
    assert leftovers(tmp_path) == []


def test_a_file_name_that_is_not_utf8(tmp_path, run):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(BAD)
    sarif = run("check", "--select", "SP", "--format", "sarif", name)
    assert sarif.returncode == 1, sarif.stderr
    assert json.loads(sarif.stdout)["runs"][0]["results"]
    assert b'"uri": "caf%E9.txt"' in sarif.stdout  # the name's own bytes, percent-encoded (RFC 3986)
    absolute = run("check", "--select", "SP", "--format", "sarif", str(tmp_path / name))
    assert (tmp_path / name).as_uri().encode() in absolute.stdout and b"caf%E9.txt" in absolute.stdout
    # a name that holds a backslash is its own: its backslash is encoded, no byte is made up
    literal = "lit\\xe9.txt"
    (tmp_path / literal).write_text(BAD)
    both = run("check", "--select", "SP", "--format", "sarif", name, literal)
    assert b'"uri": "lit%5Cxe9.txt"' in both.stdout and b'"uri": "caf%E9.txt"' in both.stdout
    page = run("report", "--select", "SP", name, "-o", "r.html")
    assert page.returncode == 0, page.stderr
    assert "caf\\xe9.txt" in (tmp_path / "r.html").read_text()


def test_diff_of_two_empty_files(mtfix, tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("\n")
    code, out, err = mtfix("diff", "a.txt", "b.txt")
    assert code == 2 and out == ""
    assert one_error(err) == "mtfix: error: a.txt and b.txt are both empty: nothing to compare"


def test_a_failure_of_mtfix_on_one_file_is_an_error_on_that_file(mtfix, tmp_path, monkeypatch):
    from mtfix import engine

    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "b.txt").write_text(BAD)
    check = engine.check

    def fails_on_a(document, *args, **kwargs):
        if document.path == "a.txt":
            raise MemoryError
        if document.path == "b.txt" and os.environ.get("MTFIX_TEST_BUG"):
            raise IndexError("list index out of range")
        return check(document, *args, **kwargs)

    monkeypatch.setattr(engine, "check", fails_on_a)
    code, out, err = mtfix("check", "--select", "SP", "a.txt", "b.txt")
    assert code == 2
    assert one_error(err) == "mtfix: error: a.txt: not checked: out of memory"
    assert "b.txt:1:12: SP002" in out
    monkeypatch.setenv("MTFIX_TEST_BUG", "1")
    code, out, err = mtfix("check", "--select", "SP", "b.txt")
    assert code == 2 and "Traceback" not in err
    assert one_error(err) == (
        "mtfix: error: b.txt: not checked: internal error (IndexError: list index out of range); "
        "set MTFIX_DEBUG=1 for the traceback"
    )
    monkeypatch.setenv("MTFIX_DEBUG", "1")
    code, _, err = mtfix("check", "--select", "SP", "b.txt")
    assert code == 2 and "Traceback (most recent call last)" in err


def test_a_failure_outside_any_file_exits_2_without_a_traceback(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from mtfix.cli import run, main
        def broken(*args, **kwargs):
            raise RuntimeError("broken")
        run._report = broken
        import mtfix.cli.check
        mtfix.cli.check._report = broken
        import mtfix.cli.stream
        mtfix.cli.stream.StreamedReport.end = broken
        sys.argv = ["mtfix", "check", "--select", "SP", "-"]
        main()
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "MTFIX_DEBUG"}
    done = subprocess.run([sys.executable, "-c", code], input=BAD.encode(), capture_output=True, env=env)
    assert done.returncode == 2
    assert one_error(done.stderr.decode()) == (
        "mtfix: error: internal error (RuntimeError: broken); set MTFIX_DEBUG=1 for the traceback"
    )


def test_when_every_input_fails_stdout_does_not_say_all_passed(mtfix, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # refused unread, whoever runs the test
    code, out, _ = mtfix("fix", "--select", "SP", "pipe.txt", "missing.txt")
    assert code == 2
    assert not out.rstrip().endswith("All checks passed!") and "Fixed" not in out


# Class 3, inputs: no FIFO, device or file beyond the size limit is read.


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "fifo"], "fifo: not a regular file (a FIFO); not read"),
        (["check", "/dev/zero"], "/dev/zero: not a regular file (a character device); not read"),
        (["check", "--config", "fifo", "a.txt"], "fifo: not a regular file (a FIFO); not read"),
        (["check", "--config", "/dev/zero", "a.txt"], "/dev/zero: not a regular file (a character device); not read"),
        (["check", "--baseline", "fifo", "a.txt"], "fifo: not a regular file (a FIFO); not read"),
        (["check", "--baseline", "/dev/zero", "a.txt"], "/dev/zero: not a regular file (a character device); not read"),
        (["check", "--glossary", "fifo", "a.txt"], "command line: `--glossary`: fifo: not a regular file (a FIFO); not read"),
        (["diff", "fifo", "a.txt"], "fifo: not a regular file (a FIFO); not read"),
        (["score", "a.txt", "--ref", "/dev/zero"], "/dev/zero: not a regular file (a character device); not read"),
    ],
)
def test_non_regular_files_are_refused(tmp_path, args, message):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "a.txt").write_text(GOOD)
    result = _run_with_deadline(tmp_path, args)
    assert result.returncode == 2
    assert one_error(result.stderr.decode()) == f"mtfix: error: {message}"


def _run_with_deadline(tmp_path: Path, args: list[str]):
    """`mtfix ARGS…` in a subprocess that must end within a minute (a FIFO read would block)."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, cwd=tmp_path, env=env, timeout=60)


def test_a_fifo_as_the_found_config_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "mtfix.toml")
    result = _run_with_deadline(tmp_path, ["check", "a.txt"])
    assert result.returncode == 2
    assert one_error(result.stderr.decode()) == f"mtfix: error: {tmp_path / 'mtfix.toml'}: not a regular file (a FIFO); not read"


def test_stdin_stays_allowed(run):
    done = run("check", "--select", "SP", "-", input=BAD.encode())
    assert done.returncode == 1 and b"-:1:12: SP002" in done.stdout


def test_the_size_limit(mtfix, run, tmp_path):
    (tmp_path / "big.txt").write_text(BAD * 100)  # 2,300 bytes
    (tmp_path / "small.txt").write_text(BAD)
    code, out, err = mtfix("check", "--select", "SP", "--max-file-size", "2k", "big.txt", "small.txt")
    assert code == 2
    assert one_error(err) == "mtfix: error: big.txt: 2300 bytes is larger than the 2 kB limit (max-file-size); not read"
    assert "small.txt:1:12: SP002" in out
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "mtfix.toml").write_text('max-file-size = "1kB"\n')
    (tmp_path / "sub" / "big.txt").write_text(BAD * 100)
    assert "larger than the 1 kB limit" in mtfix("check", "sub/big.txt")[2]
    assert mtfix("check", "--select", "SP", "--max-file-size", "1M", "sub/big.txt")[0] == 1  # the command line wins
    piped = run("check", "--max-file-size", "1000", "-", input=BAD.encode() * 100)
    assert piped.returncode == 2
    assert one_error(piped.stderr.decode()) == "mtfix: error: -: larger than the 1000 bytes limit (max-file-size); not read"


@pytest.mark.parametrize("value", ["'lots'", "0", "-5", "true"])
def test_a_bad_size_limit_is_a_configuration_error(mtfix, tmp_path, value):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "mtfix.toml").write_text(f"max-file-size = {value}\n")
    code, _, err = mtfix("check", "a.txt")
    assert code == 2 and "`max-file-size`" in one_error(err)


# Class 7: what was silent is reported.


def test_selecting_no_rule_warns_once(mtfix, tmp_path):
    (tmp_path / "mtfix.toml").write_text("select = []\n")
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "b.txt").write_text(BAD)
    code, out, err = mtfix("check", "a.txt", "b.txt")
    assert code == 0
    assert err.splitlines() == [
        f"mtfix: warning: no rules selected by {tmp_path / 'mtfix.toml'} (select = [], ignore = []); nothing is checked"
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--fail-under", "nan"], "--fail-under must be a finite number, not nan"),
        (["--max-penalty", "inf"], "--max-penalty must be a finite number, not inf"),
        (["--weights", "minor=nan"], "weights: minor must be a finite number, not nan"),
    ],
)
def test_score_refuses_non_finite_numbers(mtfix, tmp_path, args, message):
    (tmp_path / "a.txt").write_text(BAD)
    code, out, err = mtfix("score", "--select", "SP", "a.txt", *args)
    assert code == 2 and out == ""
    assert one_error(err) == f"mtfix: error: {message}"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_written_back(mtfix, tmp_path, encoding):
    text = "Он сказал.\nHe said he can not go.\n"
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    code, out, _ = mtfix("check", "--select", "SP", "a.txt")
    assert code == 1 and "a.txt:2:12: SP002" in out
    assert mtfix("fix", "--select", "SP", "a.txt")[0] == 0
    assert (tmp_path / "a.txt").read_bytes() == text.replace("can not", "cannot").encode(encoding)


def test_nul_bytes_on_both_sides_are_still_binary(mtfix, tmp_path):
    (tmp_path / "a.txt").write_bytes("Ā can not".encode("utf-16-le"))  # U+0100: a NUL on the other side
    code, _, err = mtfix("check", "a.txt")
    assert code == 2 and one_error(err) == "mtfix: error: a.txt: binary file (contains NUL bytes), not checked"


@pytest.mark.parametrize(
    "content, message",
    [
        ("He can not go.\n", "a.xlf:1:1: not well-formed XML (syntax error)"),
        ("<html><body>He can not go.</body></html>\n", "a.xlf: not an XLIFF file (root element <html>, not <xliff>)"),
    ],
)
def test_an_xlf_that_is_not_xliff_is_an_error(mtfix, tmp_path, content, message):
    (tmp_path / "a.xlf").write_text(content)
    code, out, err = mtfix("check", "--select", "SP", "a.xlf")
    assert code == 2 and one_error(err) == f"mtfix: error: {message}"
    assert "All checks passed!" not in out


def test_an_xliff2_unit_without_a_segment_is_reported(mtfix, tmp_path):
    (tmp_path / "a.xlf").write_text(
        '<?xml version="1.0"?>\n'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru" trgLang="en">\n'
        '<file id="f">\n'
        '<unit id="u1"><source>Нет</source><target>He can not go.</target></unit>\n'
        '<unit id="u2"><segment><source>Да</source><target>He can not go.</target></segment></unit>\n'
        "</file></xliff>\n"
    )
    code, out, err = mtfix("check", "--select", "SP", "a.xlf")
    assert code == 1 and "(unit u2)" in out and "(unit u1)" not in out
    assert err.splitlines() == ["mtfix: warning: a.xlf:4: XLIFF unit 'u1' has no <segment>; skipped"]


def test_modes_of_new_output_files_follow_the_umask(mtfix, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    old = os.umask(0o027)
    try:
        assert mtfix("report", "--select", "SP", "a.txt", "-o", "r.html")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o640


def test_fix_writes_a_read_only_file_of_ones_own(mtfix, tmp_path):
    (tmp_path / "mine.txt").write_text(BAD)
    os.chmod(tmp_path / "mine.txt", 0o444)
    code, _, err = mtfix("fix", "--select", "SP", "mine.txt")
    assert code == 0, err
    assert (tmp_path / "mine.txt").read_text() == GOOD
    assert (tmp_path / "mine.txt").stat().st_mode & 0o777 == 0o444


def closed_early(tmp_path: Path, *args: str) -> tuple[int, bytes, bytes]:
    """The real `mtfix` with its standard output read for one line and then closed, as
    `mtfix ... | head -1` does; its exit code, the line, and all of stderr."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as for a user
    process = subprocess.Popen(
        [sys.executable, "-m", "mtfix", *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    return process.wait(timeout=120), first, err


@pytest.mark.parametrize(
    "args",
    [
        ("check", "big.txt"),
        ("check", "--format", "json", "big.txt"),
        ("fix", "--diff", "big.txt"),
        ("fix", "--stdout", "big.txt"),
    ],
    ids=["text", "json", "diff", "stdout"],
)
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path, args):
    # far more output than a pipe holds, so mtfix writes after its reader has gone
    (tmp_path / "big.txt").write_text("A cat , said Lavrov  today.\n" * 4000)
    code, first, err = closed_early(tmp_path, *args)
    assert first
    assert code == 141, err  # 128 + SIGPIPE, what the shell shows for grep in the same place
    assert err == b""  # no traceback, no "Exception ignored", no error naming the file
    assert (tmp_path / "big.txt").read_text() == "A cat , said Lavrov  today.\n" * 4000
