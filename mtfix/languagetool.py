"""LanguageTool as a second opinion: its matches become mtfix issues, merged with mtfix's own.

`--languagetool URL` sends the text to a running LanguageTool server's `/v2/check`;
`--languagetool local` starts the LanguageTool that language-tool-python manages (`LTP_PATH`,
`LTP_JAR_DIR_PATH`) for the run. A match becomes an issue with code `LT:<RULE_ID>`, an mtfix
category, LanguageTool's replacements as unsafe fixes, and code-point offsets into the file.

LanguageTool is optional. When it is missing, slow or failing, one warning goes to stderr and
mtfix carries on with its own rules. See docs/languagetool.md.
"""

from __future__ import annotations

import atexit
import bisect
import json
import os
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtfix.model import Edit, Fix, Issue, Severity, Span

if TYPE_CHECKING:
    import subprocess

    from mtfix.config import Settings
    from mtfix.document import Document
    from mtfix.glossary import Glossary

PREFIX = "LT"
LOCAL = "local"
OFF = "off"
TIMEOUT = 30.0
"""Seconds a server may take over one request (a cold server's first check is the slowest)."""
STARTUP_TIMEOUT = 120.0
"""Seconds a local LanguageTool may take to answer its health check after starting."""
MAX_UNITS = 10_000
"""Text per request, in UTF-16 code units: half the public API's limit; a server that says
its own limit is lower (HTTP 413) gets smaller requests."""
MIN_UNITS = 200
MAX_SUGGESTIONS = 5
JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar", "languagetool.jar")

_SELECTOR = re.compile(r"^LT(?::[A-Z0-9_]*)?$")
_RULE_ID = re.compile(r"[^A-Z0-9_]")
_LIMIT = re.compile(r"limit of (\d[\d,.]*)")

# LanguageTool's issue types (ITS 2.0 localization quality types) that name the problem
# exactly, whatever the rule's category.
_EXACT_TYPES = {
    "misspelling": "spelling/misspelling",
    "whitespace": "punctuation/spacing",
    "duplication": "spelling/repetition",
}
# LanguageTool's category ids (org.languagetool.rules.Categories and the English rule files).
_CATEGORIES = {
    "TYPOS": "spelling/misspelling",
    "CONFUSED_WORDS": "spelling/confused-words",
    "COMPOUNDING": "spelling/compounding",
    "GRAMMAR": "grammar/general",
    "PUNCTUATION": "punctuation/general",
    "TYPOGRAPHY": "punctuation/typography",
    "CASING": "casing/capitalization",
    "STYLE": "style/general",
    "PLAIN_ENGLISH": "style/general",
    "NONSTANDARD_PHRASES": "style/general",
    "COLLOCATIONS": "style/general",
    "REPETITIONS_STYLE": "style/general",
    "GENDER_NEUTRALITY": "style/general",
    "REDUNDANCY": "style/redundancy",
    "FALSE_FRIENDS": "accuracy/mistranslation",
    "REGIONALISMS": "locale/variant",
    "AMERICAN_ENGLISH_STYLE": "locale/variant",
    "BRITISH_ENGLISH": "locale/variant",
    "SEMANTICS": "fluency/other",
    "MISC": "fluency/other",
}
_ISSUE_TYPES = {
    "grammar": "grammar/general",
    "typographical": "punctuation/typography",
    "style": "style/general",
    "register": "style/general",
    "locale-violation": "locale/variant",
    "mistranslation": "accuracy/mistranslation",
}
FALLBACK_CATEGORY = "fluency/other"
CATEGORIES = frozenset({*_EXACT_TYPES.values(), *_CATEGORIES.values(), *_ISSUE_TYPES.values(), FALLBACK_CATEGORY})
"""Every category a LanguageTool issue can get."""
_WARNINGS = frozenset({"spelling/misspelling", "spelling/confused-words", "grammar/general", "accuracy/mistranslation"})
_SPELLING = frozenset({"spelling/misspelling"})

FAMILY = """\
LanguageTool's matches, when `--languagetool local|URL` (or `languagetool = "..."` in the
configuration) asks it for a second opinion. Each match becomes an issue coded `LT:<RULE_ID>`
with LanguageTool's message; its replacements are suggestions, and the first is an unsafe fix.

Category: LanguageTool's issue type and category, mapped to mtfix's: misspelling or TYPOS to
spelling/misspelling, GRAMMAR to grammar/general, PUNCTUATION to punctuation/general,
TYPOGRAPHY to punctuation/typography (white space to punctuation/spacing), CASING to
casing/capitalization, STYLE to style/general, REDUNDANCY to style/redundancy, duplication to
spelling/repetition, regional variants to locale/variant, false friends to
accuracy/mistranslation, anything else to fluency/other. Severity: warning for spelling,
confused words, grammar and false friends, info for the rest; `severity` in the configuration
overrides it by prefix (`"LT" = "info"`, `"LT:MORFOLOGIK_RULE_EN_US" = "warning"`).

Select and ignore work by prefix: `--ignore LT` drops them all, `--ignore LT:EN_QUOTES` one
rule. A match on the same span as one of mtfix's own issues of the same kind is dropped,
and glossary terms and their variants are never reported as misspellings.

Bad: He have said that the talks were frank. (LT:HE_VERB_AGR)
Good: He has said that the talks were frank."""


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used for this run; the message says why in one line."""


class TextTooLong(LanguageToolUnavailable):
    """The server refused a request as too long; `limit` is its own limit when it said it."""

    def __init__(self, message: str, limit: int | None) -> None:
        super().__init__(message)
        self.limit = limit


# Targets and selectors -------------------------------------------------------------------


def parse_target(value: str) -> str:
    """'' (off), 'local', or a server's base URL without the API path; ValueError otherwise."""
    text = value.strip()
    if text.lower() in ("", OFF):
        return ""
    if text.lower() == LOCAL:
        return LOCAL
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"expected `local`, `off` or the http(s) URL of a LanguageTool server, not {value!r}")
    path = re.sub(r"/v2(?:/check)?$", "", parts.path.rstrip("/"))
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def is_selector(selector: str) -> bool:
    """True for `LT`, `LT:` and `LT:<RULE_ID>`: select, ignore and severity keys for LanguageTool."""
    return bool(_SELECTOR.match(selector))


def _selected(code: str, settings: Settings) -> bool:
    from mtfix.registry import _matches

    return _matches(code, settings.select) > _matches(code, settings.ignore)


def wanted(settings: Settings) -> bool:
    """Whether select/ignore leave any LanguageTool rule chosen (else nothing is sent)."""
    if not settings.languagetool:
        return False
    return _selected(f"{PREFIX}:", settings) or any(
        s.startswith(f"{PREFIX}:") and len(s) > len(PREFIX) + 1 for s in settings.select
    )


def explain(code: str) -> str | None:
    """`mtfix explain` text for `LT` or `LT:<RULE_ID>`; None for other codes."""
    if not is_selector(code):
        return None
    rule = code.partition(":")[2]
    if rule:
        head = f"{code} ({_name(rule)}): LanguageTool's rule {rule}, reported with --languagetool."
    else:
        head = "LT: LanguageTool's rules, reported with --languagetool (codes LT:<RULE_ID>)."
    return f"{head}\n\n{FAMILY}"


# Matches to issues -----------------------------------------------------------------------


def category(match: dict[str, Any]) -> str:
    """The mtfix category of a LanguageTool match, from its rule's issue type and category."""
    rule = match.get("rule") or {}
    issue_type = str(rule.get("issueType") or "").lower()
    category_id = str((rule.get("category") or {}).get("id") or "").upper()
    return (
        _EXACT_TYPES.get(issue_type)
        or _CATEGORIES.get(category_id)
        or _ISSUE_TYPES.get(issue_type)
        or FALLBACK_CATEGORY
    )


def _name(rule_id: str) -> str:
    return rule_id.lower().replace("_", "-")


def _utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le", errors="replace")


def _units(text: str) -> int:
    """Length in UTF-16 code units, as LanguageTool (Java) counts."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _from_utf16(text: str, offset: int, length: int) -> tuple[int, int]:
    """Code-point span of a UTF-16 span of `text` (a split surrogate pair widens outward)."""
    if all(ord(c) <= 0xFFFF for c in text):
        return offset, offset + length
    bounds = [0]
    for char in text:
        bounds.append(bounds[-1] + (2 if ord(char) > 0xFFFF else 1))
    start = bisect.bisect_right(bounds, offset) - 1
    end = bisect.bisect_left(bounds, offset + length)
    return start, min(end, len(text))


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", " ", a) == re.sub(r"\s", " ", b)


def locate(match: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The code-point span in `text` (the text sent) that a match flags, or None.

    LanguageTool counts offsets in UTF-16 code units (Java strings), so each character
    outside the Basic Multilingual Plane (most emoji, 𝒜) counts twice. The match's context
    shows the flagged text; a span that does not show it is tried as code points (servers
    differ), and a match that fits neither is dropped rather than put in the wrong place.
    """
    offset, length = match.get("offset"), match.get("length")
    if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
        return None
    context = match.get("context") or {}
    shown = None
    if isinstance(context.get("text"), str) and isinstance(context.get("offset"), int):
        shown = _utf16_slice(context["text"], context["offset"], context.get("length", length))
    candidates = [_from_utf16(text, offset, length)]
    if candidates[0] != (offset, offset + length):
        candidates.append((offset, offset + length))
    for start, end in candidates:
        if end <= len(text) and start < end and (shown is None or _same(text[start:end], shown)):
            return start, end
    return None


def _message(match: dict[str, Any]) -> str:
    text = str(match.get("message") or match.get("shortMessage") or "LanguageTool match")
    return " ".join(re.sub(r"<suggestion>(.*?)</suggestion>", "\u201c\\1\u201d", text).split())


def to_issue(match: dict[str, Any], text: str, batch: Batch | None = None) -> Issue | None:
    """The mtfix issue for one match on `text`, the text sent for `batch` (None: the
    document's text itself)."""
    within = locate(match, text)
    if within is None:
        return None
    located = within if batch is None else batch.to_document(*within)
    if located is None:
        return None
    flagged = text[within[0] : within[1]]
    rule = match.get("rule") or {}
    rule_id = _RULE_ID.sub("_", str(rule.get("id") or "UNKNOWN").upper())
    start, end = located
    replacements = []
    for item in match.get("replacements") or ():
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, str) and value != flagged and value not in replacements:
            replacements.append(value)
        if len(replacements) == MAX_SUGGESTIONS:
            break
    kind = category(match)
    return Issue(
        code=f"{PREFIX}:{rule_id}",
        name=_name(rule_id),
        category=kind,
        severity=Severity.WARNING if kind in _WARNINGS else Severity.INFO,
        message=_message(match),
        span=Span(start, end),
        suggestions=tuple(replacements),
        fix=Fix.unsafe(Edit.replace(start, end, replacements[0])) if replacements else None,
    )


def _family(category_name: str) -> str:
    return category_name.partition("/")[0]


def duplicate(issue: Issue, found: list[Issue]) -> bool:
    """Whether one of mtfix's own issues already covers this span: the same span, or an
    overlapping one of the same kind (spelling, grammar, punctuation...)."""
    for other in found:
        if other.span == issue.span:
            return True
        if other.span.overlaps(issue.span) and _family(other.category) == _family(issue.category):
            return True
    return False


_WORD = re.compile(r"\w+")


def known_words(glossary: Glossary) -> tuple[frozenset[str], frozenset[str]]:
    """What the glossary knows, case-folded: its terms and variants whole (and their
    hyphenated compounds), and the capitalised words in them (names: Jabhat, Nusra)."""
    return glossary.known_words()


def _known(flagged: str, known: tuple[frozenset[str], frozenset[str]]) -> bool:
    phrases, names = known
    phrase = " ".join(flagged.split()).casefold()
    words = _WORD.findall(phrase)
    return phrase in phrases or bool(words) and all(w in names for w in words)


# Batching -------------------------------------------------------------------------------

_SPLITS = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),  # paragraphs
    re.compile(r"\r\n|\r|\n"),  # lines
    re.compile(r"(?<=[.!?…])\s+"),  # sentences
    re.compile(r"\s+"),  # words
)


def _pieces(text: str, start: int, end: int, limit: int, level: int = 0) -> Iterator[Span]:
    """Contiguous spans tiling text[start:end], each at most `limit` UTF-16 units: whole
    paragraphs where they fit, else lines, sentences, words, and as a last resort a cut."""
    if _units(text[start:end]) <= limit:
        yield Span(start, end)
        return
    if level == len(_SPLITS):
        step = max(1, limit // 2)
        for cut in range(start, end, step):
            yield Span(cut, min(cut + step, end))
        return
    position = start
    for match in _SPLITS[level].finditer(text, start, end):
        if match.end() < end:
            yield from _pieces(text, position, match.end(), limit, level + 1)
            position = match.end()
    yield from _pieces(text, position, end, limit, level + 1)


SEPARATOR = "\n\n"
"""Between segments joined into one request: a paragraph break, so no rule reads across."""


@dataclass(frozen=True)
class Batch:
    """One request: spans of the document, sent joined by SEPARATOR."""

    spans: tuple[Span, ...]

    def text(self, document_text: str) -> str:
        return SEPARATOR.join(document_text[s.start : s.end] for s in self.spans)

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """Document offsets of a span of the request text; None if it crosses a separator."""
        position = 0
        for span in self.spans:
            size = span.end - span.start
            if position <= start and end <= position + size:
                return span.start + start - position, span.start + end - position
            position += size + len(SEPARATOR)
        return None


def pack(text: str, spans: Iterable[Span], limit: int = MAX_UNITS) -> list[Batch]:
    """Requests for `spans` of `text` (the segments mtfix checks): whole paragraphs, as many
    as fit under `limit` UTF-16 units with their separators; blank spans are left out."""
    found: list[Batch] = []
    current: list[Span] = []
    size = 0
    for segment in spans:
        for piece in _pieces(text, segment.start, segment.end, limit):
            if not text[piece.start : piece.end].strip():
                continue
            units = _units(text[piece.start : piece.end])
            if current and current[-1].end == piece.start:
                if size + units > limit:
                    found.append(Batch(tuple(current)))
                    current, size = [piece], units
                else:
                    current[-1], size = Span(current[-1].start, piece.end), size + units
                continue
            if current and size + len(SEPARATOR) + units > limit:
                found.append(Batch(tuple(current)))
                current, size = [], 0
            size += units + (len(SEPARATOR) if current else 0)
            current.append(piece)
    if current:
        found.append(Batch(tuple(current)))
    return found


def batches(document: Document, limit: int = MAX_UNITS) -> list[Batch]:
    """The requests that check a document's segments."""
    return pack(document.text, document.segments, limit)


# Talking to a server --------------------------------------------------------------------


def _loopback(host: str | None) -> bool:
    return host in ("localhost", "::1") or bool(host and host.startswith("127."))


class Server:
    """A LanguageTool HTTP server's `/v2/check`, with a time limit on every request."""

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        self.url = url
        self.timeout = timeout

    def check(self, text: str, language: str, mother_tongue: str | None = None) -> dict[str, Any]:
        """LanguageTool's JSON answer for `text`; LanguageToolUnavailable on any failure."""
        import http.client
        import urllib.error
        import urllib.request

        from mtfix.version import __version__

        fields = {"text": text, "language": language}
        if mother_tongue:
            fields["motherTongue"] = mother_tongue
        request = urllib.request.Request(
            f"{self.url}/v2/check",
            data=urllib.parse.urlencode(fields).encode("utf-8"),
            headers={"Accept": "application/json", "User-Agent": f"mtfix/{__version__}"},
        )
        handlers = [urllib.request.ProxyHandler({})] if _loopback(urllib.parse.urlsplit(self.url).hostname) else []
        opener = urllib.request.build_opener(*handlers)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(500).decode("utf-8", errors="replace").split())
            if err.code == 413:
                limit = _LIMIT.search(detail)
                number = int(re.sub(r"\D", "", limit.group(1))) if limit else None
                raise TextTooLong(f"refused a request as too long ({detail or 'HTTP 413'})", number) from None
            raise LanguageToolUnavailable(f"answered HTTP {err.code}" + (f": {detail[:200]}" if detail else "")) from None
        except TimeoutError:
            raise LanguageToolUnavailable(f"did not answer within {self.timeout:g} s") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise LanguageToolUnavailable(f"did not answer within {self.timeout:g} s") from None
            raise LanguageToolUnavailable(f"is unreachable ({err.reason})") from None
        except (OSError, http.client.HTTPException) as err:
            raise LanguageToolUnavailable(f"failed ({err or type(err).__name__})") from None
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolUnavailable("answered with something other than LanguageTool's JSON")
        return answer


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


# The engine's second opinion --------------------------------------------------------------


def _warn(message: str) -> None:
    print(f"mtfix: warning: {message}", file=sys.stderr)


@dataclass
class _Connection:
    server: Server | None
    label: str


class SecondOpinion:
    """LanguageTool's issues for a document, for the engine to merge with mtfix's own.

    Called as `opinion(document, settings, found)`, with `found` the issues mtfix's rules
    found; returns LanguageTool issues that are selected, not about glossary terms, and not
    already covered by one of `found`. Answers are cached by request, so the fix loop's
    re-checks only send the paragraphs that changed. The first failure of a target warns
    once and switches that target off for the rest of the run.
    """

    def __init__(
        self,
        warn: Callable[[str], None] = _warn,
        timeout: float = TIMEOUT,
        max_units: int = MAX_UNITS,
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        self.warn = warn
        self.timeout = timeout
        self.max_units = max_units
        self.startup_timeout = startup_timeout
        self._connections: dict[str, _Connection] = {}
        self._local: LocalServer | None = None
        self._cache: dict[tuple[str, str, str | None, str], list[dict[str, Any]]] = {}
        self._incomplete_warned = False

    def close(self) -> None:
        """Stop a local LanguageTool this run started."""
        if self._local is not None:
            self._local.close()

    def __enter__(self) -> SecondOpinion:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connect(self, target: str) -> _Connection:
        if target in self._connections:
            return self._connections[target]
        label = "the local LanguageTool" if target == LOCAL else f"LanguageTool at {target}"
        try:
            if target == LOCAL:
                self._local = LocalServer(self.startup_timeout)
                url = self._local.start()
            else:
                url = target
        except (LanguageToolUnavailable, OSError) as err:
            self._give_up(target, label, f"LanguageTool is unavailable: {err}")
        else:
            self._connections[target] = _Connection(Server(url, self.timeout), label)
        return self._connections[target]

    def _give_up(self, target: str, label: str, reason: str) -> None:
        self.warn(f"{reason}; checked with mtfix's own rules only")
        self._connections[target] = _Connection(None, label)

    def __call__(self, document: Document, settings: Settings, found: list[Issue]) -> list[Issue]:
        if not wanted(settings):
            return []
        connection = self._connect(settings.languagetool)
        if connection.server is None:
            return []
        language = "en-GB" if settings.english_variant == "UK" else "en-US"
        mother_tongue = settings.language_pair.partition("-")[0] or None
        try:
            answers = [
                found
                for batch in batches(document, self.max_units)
                for found in self._ask(connection.server, document.text, batch, language, mother_tongue)
            ]
        except LanguageToolUnavailable as err:
            self._give_up(settings.languagetool, connection.label, f"{connection.label} {err}")
            return []
        known = known_words(settings.glossary)
        issues = []
        for batch, match in answers:
            try:
                issue = to_issue(match, batch.text(document.text), batch)
            except (AttributeError, TypeError, ValueError):  # a match not in LanguageTool's format
                continue
            if issue is None or not _selected(issue.code, settings):
                continue
            if issue.category in _SPELLING and _known(document.text[issue.span.start : issue.span.end], known):
                continue
            if not duplicate(issue, found):
                issues.append(issue)
        return issues

    def _ask(
        self, server: Server, text: str, batch: Batch, language: str, mother_tongue: str | None
    ) -> list[tuple[Batch, dict[str, Any]]]:
        """The matches for one batch, each with the batch it was sent as; a batch the server
        finds too long is split to the server's limit and sent again."""
        sent = batch.text(text)
        key = (server.url, language, mother_tongue, sent)
        if key not in self._cache:
            try:
                answer = server.check(sent, language, mother_tongue)
            except TextTooLong as err:
                limit = min(err.limit or self.max_units // 2, _units(sent) - 1)
                if limit < MIN_UNITS:
                    raise
                self.max_units = min(self.max_units, limit)
                return [
                    found
                    for smaller in pack(text, batch.spans, limit)
                    for found in self._ask(server, text, smaller, language, mother_tongue)
                ]
            if (answer.get("warnings") or {}).get("incompleteResults") and not self._incomplete_warned:
                self._incomplete_warned = True
                self.warn(
                    f"LanguageTool at {server.url} returned incomplete results (its time limit); "
                    "some of its matches may be missing"
                )
            self._cache[key] = [m for m in answer["matches"] if isinstance(m, dict)]
        return [(batch, match) for match in self._cache[key]]
