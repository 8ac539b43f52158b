"""Talking to LanguageTool: an HTTP server's `/v2/check` with limits on every request (its
time, the size of its answer) and on the time all of a run's requests take together, and the
local server that language-tool-python manages, started for the run."""

from __future__ import annotations

import atexit
import json
import os
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import subprocess


TIMEOUT = 30.0
"""Seconds a server may take over one request, from connecting to the last byte of its answer
(a cold server's first check is the slowest)."""


MAX_ANSWER = 8 * 1024 * 1024
"""Bytes of one answer: LanguageTool's JSON for a 10,000-unit request full of matches is well
under 1 MB; a longer answer is not LanguageTool's."""


STARTUP_TIMEOUT = 120.0
"""Seconds a local LanguageTool may take to answer its health check after starting."""


JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar", "languagetool.jar")


_LIMIT = re.compile(r"limit of (\d[\d,.]*)")


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used for this run; the message says why in one line."""


class TextTooLong(LanguageToolUnavailable):
    """The server refused a request as too long; `limit` is its own limit when it said it."""

    def __init__(self, message: str, limit: int | None) -> None:
        super().__init__(message)
        self.limit = limit


def _loopback(host: str | None) -> bool:
    return host in ("localhost", "::1") or bool(host and host.startswith("127."))


class _Watch:
    """A deadline over one request: when it passes, the request's sockets are shut down, so a
    server that trickles its answer cannot hold the run (a socket's own timeout restarts with
    every byte it receives)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watch:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def add(self, sock):
        """`sock`, watched from now on (shut down at once when the deadline has passed)."""
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)
        return sock

    def handlers(self) -> list:
        """urllib handlers whose HTTP and HTTPS connections report their sockets to the watch
        as soon as they exist (before a TLS handshake)."""
        import http.client
        import urllib.request

        watch = self

        def watched(base):
            class Connection(base):
                def __init__(self, *args, **kwargs) -> None:
                    super().__init__(*args, **kwargs)
                    create = self._create_connection
                    self._create_connection = lambda *a, **k: watch.add(create(*a, **k))

            return Connection

        plain, secure = watched(http.client.HTTPConnection), watched(http.client.HTTPSConnection)

        class Handler(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(plain, req)

        class SecureHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(secure, req, context=self._context)

        return [Handler(), SecureHandler()]


def _shut(sock) -> None:
    import socket

    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class Server:
    """A LanguageTool HTTP server's `/v2/check`: each request within `timeout` seconds and
    `max_answer` bytes, all of them within `budget` seconds (a run's `languagetool-timeout`)."""

    def __init__(
        self, url: str, timeout: float = TIMEOUT, budget: float = float("inf"), max_answer: int = MAX_ANSWER
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.budget = budget
        self.max_answer = max_answer
        self.spent = 0.0

    def check(self, text: str, language: str, mother_tongue: str | None = None) -> dict[str, Any]:
        """LanguageTool's JSON answer for `text`; LanguageToolUnavailable on any failure."""
        import urllib.parse
        import urllib.request

        from mtfix.version import __version__

        left = self.budget - self.spent
        if left <= 0:
            raise LanguageToolUnavailable(self._over_budget())
        fields = {"text": text, "language": language}
        if mother_tongue:
            fields["motherTongue"] = mother_tongue
        request = urllib.request.Request(
            f"{self.url}/v2/check",
            data=urllib.parse.urlencode(fields).encode("utf-8"),
            headers={"Accept": "application/json", "User-Agent": f"mtfix/{__version__}"},
        )
        limit = min(self.timeout, left)
        late = self._over_budget() if limit < self.timeout else f"did not answer within {self.timeout:g} s"
        started = time.monotonic()
        try:
            with _Watch(limit) as watch:
                try:
                    body = self._exchange(request, watch, limit, late)
                except LanguageToolUnavailable:
                    if watch.expired:
                        raise LanguageToolUnavailable(late) from None
                    raise
            if watch.expired:
                raise LanguageToolUnavailable(late)
        finally:
            self.spent += time.monotonic() - started
        if len(body) > self.max_answer:
            raise LanguageToolUnavailable(f"answered with more than {self.max_answer // 1024**2} MB")
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolUnavailable("answered with something other than LanguageTool's JSON")
        return answer

    def _over_budget(self) -> str:
        return f"took more than the {self.budget:g} s a run allows it (languagetool-timeout)"

    def _exchange(self, request, watch: _Watch, timeout: float, late: str) -> bytes:
        """The body of the answer to `request`, at most one byte more than `max_answer`;
        `late` says what a time-out means."""
        import http.client
        import urllib.error
        import urllib.parse
        import urllib.request

        handlers = watch.handlers()
        if _loopback(urllib.parse.urlsplit(self.url).hostname):
            handlers.append(urllib.request.ProxyHandler({}))
        opener = urllib.request.build_opener(*handlers)
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.read(self.max_answer + 1)
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(500).decode("utf-8", errors="replace").split())
            if err.code == 413:
                limit = _LIMIT.search(detail)
                number = int(re.sub(r"\D", "", limit.group(1))) if limit else None
                raise TextTooLong(f"refused a request as too long ({detail or 'HTTP 413'})", number) from None
            raise LanguageToolUnavailable(f"answered HTTP {err.code}" + (f": {detail[:200]}" if detail else "")) from None
        except TimeoutError:
            raise LanguageToolUnavailable(late) from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise LanguageToolUnavailable(late) from None
            raise LanguageToolUnavailable(f"is unreachable ({err.reason})") from None
        except (OSError, http.client.HTTPException) as err:
            raise LanguageToolUnavailable(f"failed ({err or type(err).__name__})") from None


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_command(port: int) -> list[str]:
    """The command that starts the LanguageTool HTTP server language-tool-python manages.

    `LTP_JAR_DIR_PATH` names a folder holding `languagetool-server.jar`; otherwise the newest
    `LanguageTool-*` folder in language-tool-python's download folder (`LTP_PATH`, by default
    ~/.cache/language_tool_python) is used. Nothing is ever downloaded.
    """
    import shutil

    try:
        from language_tool_python import download_lt, utils
    except ImportError:
        raise LanguageToolUnavailable(
            "`local` needs language-tool-python: pip install 'mtfix[languagetool]'"
        ) from None
    java = shutil.which("java")
    if not java:
        raise LanguageToolUnavailable("`local` needs Java (17 or newer) on PATH")
    jar_dir = os.environ.get(utils.LTP_JAR_DIR_PATH_ENV_VAR)
    if jar_dir:
        for name in JAR_NAMES:
            if (Path(jar_dir) / name).is_file():
                return [java, "-cp", str(Path(jar_dir) / name), "org.languagetool.server.HTTPServer", "--port", str(port)]
        raise LanguageToolUnavailable(f"LTP_JAR_DIR_PATH={jar_dir} holds no languagetool-server.jar")
    folder = utils.get_language_tool_download_path()
    installed = download_lt.LocalLanguageTool.get_latest_installed_version()
    if installed is None:
        raise LanguageToolUnavailable(
            f"no LanguageTool installed in {folder} (LTP_PATH) and LTP_JAR_DIR_PATH is not set; "
            "mtfix does not download it: unzip LanguageTool there, set LTP_JAR_DIR_PATH to the "
            "folder with languagetool-server.jar, or pass a running server's URL"
        )
    try:
        return installed.get_server_cmd(port)
    except Exception as err:  # the library's PathError and JavaError, FileNotFoundError
        raise LanguageToolUnavailable(f"cannot start LanguageTool from {folder}: {err}") from None


class LocalServer:
    """A LanguageTool server started for this run on a free loopback port, stopped at exit."""

    def __init__(self, startup_timeout: float = STARTUP_TIMEOUT) -> None:
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> str:
        """Start LanguageTool and wait until it answers; its URL, or LanguageToolUnavailable."""
        import subprocess
        import tempfile
        import time
        import urllib.request

        port = _free_port()
        command = local_command(port)
        self.url = f"http://127.0.0.1:{port}"
        log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log
        )
        atexit.register(self.close)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                log.seek(0)
                lines = log.read().decode("utf-8", errors="replace").strip().splitlines()
                raise LanguageToolUnavailable(
                    f"the local LanguageTool exited with code {code}" + (f": {lines[-1][:200]}" if lines else "")
                )
            try:
                with opener.open(f"{self.url}/v2/healthcheck", timeout=2) as answer:
                    if answer.status == 200:
                        return self.url
            except OSError:
                pass
            time.sleep(0.25)
        self.close()
        raise LanguageToolUnavailable(f"the local LanguageTool did not start within {self.startup_timeout:g} s")

    def close(self) -> None:
        import subprocess

        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
