"""One open document checked as `mtfix check` would check the file: the nearest configuration,
the format its name (or the editor's language) says, and the same rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mtfix import engine, formats
from mtfix.config import ConfigError
from mtfix.context import Context, Contexts
from mtfix.document import Document, InputError
from mtfix.inputs import SettingsResolver, input_format
from mtfix.model import Issue

#: Editor language ids -> mtfix input formats, for a document that has no file name yet.
LANGUAGES = {"markdown": "markdown", "html": "html", "xliff": "xliff", "po": "po", "tmx": "tmx", "jsonl": "jsonl"}
CONFIG_NAMES = frozenset({"mtfix.toml", ".mtfix.toml", "pyproject.toml"})


@dataclass
class Checked:
    """A document's issues, or the one-line error that stopped it being checked."""

    document: Document | None = None
    issues: list[Issue] = field(default_factory=list)
    error: str | None = None
    context: Context | None = None


class Checker:
    """Checks documents, keeping one rule context per configuration between calls."""

    def __init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Forget the configuration read so far (a configuration file changed)."""
        from mtfix import config

        config.forget()
        self.resolver = SettingsResolver()
        self.contexts = Contexts()

    def check(self, text: str, path: Path | None, language: str = "") -> Checked:
        """`text` checked as the file `path` (None: an unsaved document of `language`)."""
        name = str(path) if path else f"untitled.{language or 'txt'}"
        try:
            settings = self.resolver.for_path(path or "-")
            fmt = input_format(path, settings) if path else LANGUAGES.get(language, "text")
            document = formats.parse(text, fmt, name, reading=settings.reading)
            context = self.contexts(settings)
            return Checked(document, engine.check(document, context), context=context)
        except (InputError, ConfigError) as err:
            return Checked(error=str(err))
        except Exception as err:  # a failure of mtfix itself: say so on the document, keep serving
            reason = " ".join(str(err).split())
            return Checked(error=f"{name}: not checked: internal error ({type(err).__name__}: {reason})")

    def fixed(self, checked: Checked) -> str:
        """The text with every safe fix applied, as `mtfix fix` writes it."""
        return engine.fix(checked.document, checked.context).document.raw
