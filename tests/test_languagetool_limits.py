"""LanguageTool servers that misbehave on purpose: an endless answer, an answer trickled a
byte at a time, a server that is slow on every request. Each is a TEST DOUBLE: a socket
server on 127.0.0.1 in a thread of the test, not LanguageTool. mtfix must give each one up
with a single warning, bounded in memory and time, and report its own issues as usual."""

from __future__ import annotations

import socket
import socketserver
import threading
import time

import pytest

from mtfix import engine
from mtfix.config import ConfigError, Settings, load
from mtfix.document import Document
from mtfix.languagetool.opinion import SecondOpinion
from mtfix.languagetool.server import LanguageToolUnavailable, Server

TEXT = "A teh cat , said Lavrov.\n"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"


class Misbehaving:
    """TEST DOUBLE of a LanguageTool server: reads a request, then `answer(wfile)` writes
    what it likes. `sent` counts the bytes it got out, `requests` the requests."""

    def __init__(self, answer) -> None:
        double = self
        self.sent = 0
        self.requests = 0

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                length = 0
                while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                self.rfile.read(length)
                double.requests += 1
                try:
                    answer(self, double)
                except OSError:  # mtfix hung up, as it should
                    pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def write(self, handler, data: bytes) -> None:
        handler.wfile.write(data)
        handler.wfile.flush()
        self.sent += len(data)

    def __enter__(self) -> Misbehaving:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def endless(handler, double) -> None:
    """A chunked answer that never ends, as fast as the socket takes it."""
    double.write(handler, HEAD + b'5\r\n{"a":\r\n')
    chunk = b"x" * 65536
    piece = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    while True:
        double.write(handler, piece)


def trickle(pause: float, headers: bool = True):
    """An answer a byte at a time, one every `pause` seconds, forever (the headers at once,
    or they too a byte at a time)."""

    def answer(handler, double) -> None:
        data = HEAD + b'1\r\n{\r\n' if headers else HEAD
        if headers:
            double.write(handler, data)
        else:
            for byte in data:
                double.write(handler, bytes([byte]))
                time.sleep(pause)
        while True:
            double.write(handler, b"1\r\n \r\n")
            time.sleep(pause)

    return answer


def slow(delay: float):
    """A proper empty answer, after `delay` seconds."""

    def answer(handler, double) -> None:
        time.sleep(delay)
        body = b'{"matches": []}'
        double.write(handler, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))

    return answer


def check(text: str, opinion: SecondOpinion, url: str, **overrides):
    return engine.check(Document(text), Settings(languagetool=url, **overrides), opinion)


def test_an_endless_answer_is_cut_at_the_cap():
    with Misbehaving(endless) as server:
        started = time.monotonic()
        with pytest.raises(LanguageToolUnavailable, match="more than 1 MB"):
            Server(server.url, timeout=10, max_answer=1024**2).check("A text.", "en-US")
        assert time.monotonic() - started < 5
    # what mtfix read is bounded by the cap plus what the sockets buffer on the way
    assert server.sent < 1024**2 + 8 * 1024**2


@pytest.mark.parametrize("headers", [True, False], ids=["body", "headers"])
def test_a_trickled_answer_times_out_by_its_whole_time(headers):
    # the socket's own time-out (1 s) restarts with every byte, a byte comes every 0.2 s
    warnings = []
    opinion = SecondOpinion(warn=warnings.append, timeout=1)
    with Misbehaving(trickle(0.2, headers)) as server:
        started = time.monotonic()
        issues = check(TEXT, opinion, server.url)
        again = check(TEXT, opinion, server.url)
        assert time.monotonic() - started < 4
        assert server.requests == 1
    assert len(warnings) == 1 and "did not answer within 1 s" in warnings[0]
    assert [i.code for i in issues] == [i.code for i in again] == ["WS002"]


def test_the_run_budget_stops_a_slow_server_for_the_rest_of_the_run():
    warnings = []
    opinion = SecondOpinion(warn=warnings.append, timeout=5)
    texts = [f"Paragraph {n}: a teh cat , said Lavrov.\n" for n in range(8)]
    with Misbehaving(slow(0.4)) as server:
        started = time.monotonic()
        found = [check(text, opinion, server.url, languagetool_timeout=1.0) for text in texts]
        elapsed = time.monotonic() - started
    # about 1 s of requests (the third, if a busy machine gets that far, is cut short), then
    # no more requests at all: eight would take 3.2 s
    assert 1 <= server.requests <= 3 and elapsed < 3
    assert len(warnings) == 1 and "took more than the 1 s a run allows it (languagetool-timeout)" in warnings[0]
    assert all([i.code for i in issues] == ["WS002"] for issues in found)


def test_languagetool_timeout_key(tmp_path):
    path = tmp_path / "mtfix.toml"
    path.write_text("languagetool-timeout = 90\n")
    assert load(path).languagetool_timeout == 90.0
    assert Settings().languagetool_timeout == 600.0
    for bad in ("0", "-1", '"90"', "true", "inf", "nan"):
        path.write_text(f"languagetool-timeout = {bad}\n")
        with pytest.raises(ConfigError, match="languagetool-timeout"):
            load(path)


def test_cli_endless_answer_one_warning_normal_exit(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Misbehaving(endless) as server:
        done = run("check", "--languagetool", server.url, "a.txt")
    assert done.returncode == 1 and b"WS002" in done.stdout
    warnings = done.stderr.decode().strip().splitlines()
    assert len(warnings) == 1 and "answered with more than 8 MB" in warnings[0], warnings
    assert server.sent < 8 * 1024**2 + 8 * 1024**2


def test_cli_trickling_server_bounded_by_languagetool_timeout(run, tmp_path):
    # the real per-request time-out (30 s) never fires on a byte every 0.5 s; the run's
    # budget of 2 s does, once, and the other file is checked without LanguageTool
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text("languagetool-timeout = 2\n")
    with Misbehaving(trickle(0.5)) as server:
        started = time.monotonic()
        done = run("check", "--languagetool", server.url, "a.txt", "b.txt")
        elapsed = time.monotonic() - started
    assert done.returncode == 1 and done.stdout.count(b"WS002") == 2
    warnings = done.stderr.decode().strip().splitlines()
    assert len(warnings) == 1 and "languagetool-timeout" in warnings[0], warnings
    assert server.requests == 1 and elapsed < 15


def test_closed_port_is_still_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LanguageToolUnavailable, match="is unreachable"):
        Server(f"http://127.0.0.1:{port}", timeout=2, budget=5).check("A text.", "en-US")
