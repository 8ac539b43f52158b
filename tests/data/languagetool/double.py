"""TEST DOUBLE of a LanguageTool HTTP server. It is not LanguageTool and checks nothing.

It answers `POST /v2/check` the way LanguageTool's server does, on 127.0.0.1 only:
- a text that equals one of the `*.txt` files beside this module gets the `*.json` answer
  with the same name (LanguageTool's response format, composed by hand: see README.md);
- any other text gets one TYPOS match per "teh", with UTF-16 offsets as LanguageTool counts.
`delay`, `status`, `garbage` and `limit` make it slow, failing, not JSON, or refuse long texts
with HTTP 413 as LanguageTool does. `GET /v2/healthcheck` answers OK.

Run as a script (`python double.py PORT [PIDFILE]`) it serves until killed; the tests' stand-in
for `java` does that so `--languagetool local` can be tested without LanguageTool.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def recorded() -> dict[str, dict]:
    """Request text -> recorded answer, for every `NAME.txt` with a `NAME.json` beside it."""
    answers = {}
    for path in HERE.glob("*.txt"):
        answer = path.with_suffix(".json")
        if answer.is_file():
            text = path.read_bytes().decode("utf-8")
            answers[text] = json.loads(answer.read_text(encoding="utf-8"))
    return answers


def typo_answer(text: str, language: str) -> dict:
    """One MORFOLOGIK match per "teh" in `text`, offsets in UTF-16 code units."""
    matches = []
    start = text.find("teh")
    while start >= 0:
        left = max(0, start - 20)
        context = text[left : start + 23].replace("\n", " ")
        matches.append(
            {
                "message": "Possible spelling mistake found.",
                "shortMessage": "Spelling mistake",
                "replacements": [{"value": "the"}, {"value": "tech"}],
                "offset": units(text[:start]),
                "length": 3,
                "context": {"text": context, "offset": units(text[left:start]), "length": 3},
                "sentence": "",
                "type": {"typeName": "UnknownWord"},
                "rule": {
                    "id": "MORFOLOGIK_RULE_EN_US",
                    "description": "Possible spelling mistake",
                    "issueType": "misspelling",
                    "category": {"id": "TYPOS", "name": "Possible Typo"},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
        start = text.find("teh", start + 3)
    return {
        "software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": language},
        "matches": matches,
    }


class Double:
    """The server, in a thread. `requests` records each check: its form fields."""

    def __init__(self, delay: float = 0.0, status: int = 200, garbage: bool = False, limit: int | None = None):
        self.delay, self.status, self.garbage, self.limit = delay, status, garbage, limit
        self.requests: list[dict[str, str]] = []
        self.answers = recorded()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.double = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Double:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, fields: dict[str, str]) -> tuple[int, bytes]:
        self.requests.append(fields)
        if self.delay:
            time.sleep(self.delay)
        if self.status != 200:
            return self.status, b"Error: internal error"
        if self.garbage:
            return 200, b"<html><body>Welcome to nginx!</body></html>"
        text = fields.get("text", "")
        if self.limit is not None and units(text) > self.limit:
            message = (
                f"Error: Your text exceeds the limit of {self.limit} characters "
                f"(it's {units(text)} characters). Please submit a shorter text."
            )
            return 413, message.encode()
        answer = self.answers.get(text) or typo_answer(text, fields.get("language", "en-US"))
        return 200, json.dumps(answer).encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout tests)
            pass

    def do_GET(self) -> None:
        if self.path.startswith("/v2/healthcheck"):
            self._send(200, b"OK", "text/plain")
        else:
            self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
        if not self.path.startswith("/v2/check"):
            self._send(404, b"Not found", "text/plain")
            return
        status, body = self.server.double.answer({k: v[0] for k, v in form.items()})
        self._send(status, body, "application/json" if status == 200 else "text/plain")


def serve(port: int, pidfile: str | None = None) -> None:
    """Serve on 127.0.0.1:`port` until killed (the stand-in `java` runs this)."""
    double = Double()
    double.server.server_close()
    double.server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    double.server.double = double
    if pidfile:
        Path(pidfile).write_text(str(os.getpid()))
    double.server.serve_forever()


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
