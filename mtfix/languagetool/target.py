"""Where LanguageTool is: `local`, `off` or a server's URL, as configuration names it."""

from __future__ import annotations

import re
import urllib.parse

LOCAL = "local"
OFF = "off"


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
