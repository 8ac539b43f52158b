"""Which files a run checks, and which settings apply to each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mtfix import config
from mtfix.config import Settings
from mtfix.document import InputError
from mtfix.files import display

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".po", ".pot", ".tmx", ".tsv", ".jsonl")
STDIN = "-"


def collect(paths: list[str]) -> Iterator[Path | str | InputError]:
    """Files named on the command line, directories searched recursively by extension, and
    STDIN (the string "-", never a Path: a file named `-` is given as `./-`).

    Hidden folders are skipped. A missing path or a folder with nothing to check yields an
    InputError in its place, so the other inputs are still checked.
    """
    for name in paths:
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in EXTENSIONS
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield InputError(f"{display(path)}: no files to check in this folder", display(path))
            yield from found
        elif path.exists():
            yield path
        else:
            reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            yield InputError(f"{display(path)}: {reason}", display(path))


def stdin_once(paths: list[str]) -> None:
    """InputError when standard input (`-`) is named more than once."""
    if paths.count(STDIN) > 1:
        raise InputError("standard input (-) can be named only once; name a file called - as ./-")


class SettingsResolver:
    """Settings for each file: an explicit config, else the closest one above the file."""

    def __init__(
        self, explicit: Path | None = None, glossaries: tuple[Path, ...] = (), **overrides
    ) -> None:
        self.overrides = overrides
        self.glossaries = glossaries
        self.explicit = self._settings(explicit) if explicit else None
        self._by_config: dict[Path | None, Settings] = {}

    def _settings(self, path: Path | None) -> Settings:
        base = config.load(path) if path else Settings()
        return base.merged(glossaries=base.glossaries + self.glossaries, **self.overrides)

    def for_path(self, path: Path | str) -> Settings:
        if self.explicit is not None:
            return self.explicit
        found = config.find(Path.cwd() if path == STDIN else Path(path))
        if found not in self._by_config:
            self._by_config[found] = self._settings(found)
        return self._by_config[found]
