"""Which files a run checks, the format each is read as, and the settings that apply to each.

A folder is searched as ruff searches one: files whose extension names a format (or that
`extension` maps to one), less what `exclude`/`extend-exclude` and `.gitignore` leave out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from mtfix import config, formats
from mtfix.config import Settings
from mtfix.document import InputError
from mtfix.files import display

STDIN = "-"


def collect(
    paths: list[str], resolver: SettingsResolver, respect_gitignore: bool = True, every_file: bool = False
) -> Iterator[Path | str | InputError]:
    """Files named on the command line (always checked), folders searched recursively, and
    STDIN (the string "-", never a Path: a file named `-` is given as `./-`).

    `every_file` (an `--input-format` was given) takes every file a search finds, whatever
    its extension. A missing path or a folder with nothing to check yields an InputError in
    its place, so the other inputs are still checked.
    """
    for name in paths:
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(_search(path, resolver, respect_gitignore, every_file))
            if not found:
                yield InputError(f"{display(path)}: no files to check in this folder", display(path))
            yield from found
        elif path.exists():
            yield path
        else:
            reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            yield InputError(f"{display(path)}: {reason}", display(path))


def _search(folder: Path, resolver: SettingsResolver, respect_gitignore: bool, every_file: bool) -> Iterator[Path]:
    ignores = GitIgnores(folder) if respect_gitignore else None
    for here, folders, names in os.walk(folder):
        base = Path(here)
        folders[:] = [f for f in folders if not _left_out(base / f, True, _discovery(resolver, base / f), ignores)]
        for name in names:
            path = base / name
            settings = _discovery(resolver, path)
            if not (every_file or _extension(path) in settings_extensions(settings)):
                continue
            if not _left_out(path, False, settings, ignores) and path.is_file():
                yield path


def _discovery(resolver: SettingsResolver, path: Path) -> Settings:
    """The settings that decide whether a search takes `path`; the defaults where its
    configuration is broken, so that the file is taken and its check reports the error."""
    try:
        return resolver.for_path(path)
    except config.ConfigError:
        return Settings()


def _left_out(path: Path, is_folder: bool, settings: Settings, ignores: GitIgnores | None) -> bool:
    """Whether a folder search skips `path`: `exclude` or `.gitignore` (if respected) says so."""
    if excluded(path, is_folder, settings):
        return True
    return settings.respect_gitignore and ignores is not None and ignores.ignored(path, is_folder)


def excluded(path: Path, is_folder: bool, settings: Settings) -> bool:
    """Whether `exclude` or `extend-exclude` names `path`: a pattern without a slash matches
    its name, one with a slash its path from the configuration's folder."""
    names, anchored = _specs(settings.exclude + settings.extend_exclude)
    slash = "/" if is_folder else ""
    if names.match_file(path.name + slash):
        return True
    relative = _relative(path, settings.root)
    return relative is not None and anchored.match_file(relative + slash)


@lru_cache(maxsize=64)
def _specs(patterns: tuple[str, ...]):
    import pathspec

    anchored = tuple(p for p in patterns if "/" in p.rstrip("/"))
    names = tuple(p for p in patterns if p not in anchored)
    return pathspec.GitIgnoreSpec.from_lines(names), pathspec.GitIgnoreSpec.from_lines(anchored)


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


class GitIgnores:
    """Git's ignore rules for a search: `.gitignore` files from the repository's top folder
    (else the searched folder) down, and `.git/info/exclude`; a deeper file's match wins."""

    def __init__(self, folder: Path) -> None:
        folder = folder.resolve()
        self.top = next((f for f in (folder, *folder.parents) if (f / ".git").exists()), folder)
        self._specs: dict[Path, object] = {}

    def _spec(self, folder: Path):
        if folder not in self._specs:
            import pathspec

            lines: list[str] = []
            sources = [folder / ".gitignore"]
            if folder == self.top:
                sources.insert(0, folder / ".git" / "info" / "exclude")
            for source in sources:
                if source.is_file():
                    lines += source.read_text(encoding="utf-8", errors="replace").splitlines()
            self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    def ignored(self, path: Path, is_folder: bool) -> bool:
        path = path.resolve()
        if path.name == ".git":
            return True
        decision = None
        for folder in reversed(path.parents):
            if folder != self.top and self.top not in folder.parents:
                continue
            spec = self._spec(folder)
            if spec is not None:
                result = spec.check_file(path.relative_to(folder).as_posix() + ("/" if is_folder else ""))
                if result.include is not None:
                    decision = result.include
        return bool(decision)


def _extension(path: Path | str) -> str:
    """A file name's extension, lower case, without the dot ("" for none)."""
    name = Path(path).name
    return name.rpartition(".")[2].lower() if "." in name.lstrip(".") else ""


def settings_extensions(settings: Settings) -> frozenset[str]:
    """The extensions a folder search takes under `settings`."""
    return frozenset(e.lstrip(".") for e in formats.EXTENSIONS) | {e for e, _ in settings.extension}


def input_format(path: Path | str, settings: Settings) -> str:
    """The format a file is read as: its extension's in `extension`, else the one mtfix knows."""
    mapped = dict(settings.extension).get(_extension(path))
    return mapped or formats.format_of(str(path))


def stdin_once(paths: list[str]) -> None:
    """InputError when standard input (`-`) is named more than once."""
    if paths.count(STDIN) > 1:
        raise InputError("standard input (-) can be named only once; name a file called - as ./-")


class SettingsResolver:
    """Settings for each file: an explicit config, else the closest one above the file, with
    the command line's overrides, `extend_select` and the file's `per-file-ignores`."""

    def __init__(
        self,
        explicit: Path | None = None,
        glossaries: tuple[Path, ...] = (),
        extend_select: tuple[str, ...] = (),
        packs: tuple[Path, ...] = (),
        **overrides,
    ) -> None:
        self.overrides = overrides
        self.glossaries = glossaries
        self.packs = packs
        self.extend_select = extend_select
        self.explicit = self._settings(explicit) if explicit else None
        self._by_config: dict[Path | None, Settings] = {}

    def _settings(self, path: Path | None) -> Settings:
        base = config.load(path) if path else Settings()
        merged = base.merged(
            glossaries=base.glossaries + self.glossaries, packs=base.packs + self.packs, **self.overrides
        )
        return merged.merged(select=merged.select + self.extend_select) if self.extend_select else merged

    def for_path(self, path: Path | str) -> Settings:
        if self.explicit is not None:
            settings = self.explicit
        else:
            found = config.find(Path.cwd() if path == STDIN else Path(path))
            if found not in self._by_config:
                self._by_config[found] = self._settings(found)
            settings = self._by_config[found]
        if not settings.per_file_ignores or path == STDIN:
            return settings
        return _with_file_ignores(settings, Path(path))


def _with_file_ignores(settings: Settings, path: Path) -> Settings:
    """`settings` with the codes of every `per-file-ignores` pattern `path` matches ignored."""
    relative = _relative(path, settings.root) or path.as_posix()
    codes: tuple[str, ...] = ()
    for pattern, ignored in settings.per_file_ignores:
        names, anchored = _specs((pattern,))
        if names.match_file(path.name) or anchored.match_file(relative) or names.match_file(relative):
            codes += ignored
    return settings.merged(ignore=settings.ignore + codes) if codes else settings
