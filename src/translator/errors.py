"""One exception family for everything the toolkit reports to its users.

Every error a user can cause (a bad file, a missing model, a broken glossary)
is a :class:`TranslatorError`; the CLI prints its message on one line and
exits with its ``exit_code``. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "TranslatorError",
    "InputError",
    "ParseError",
    "GlossaryError",
    "ModelError",
    "ModelNotInstalled",
    "ConfigError",
    "CatalogError",
    "LockError",
    "MemoryStoreError",
    "MemoryError_",
]


class TranslatorError(Exception):
    """Base class of every error the toolkit reports to a user."""

    exit_code = 2


class InputError(TranslatorError):
    """A source file cannot be read: missing, a directory, binary, not UTF-8, empty, too big."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{path}: {message}")


class ParseError(TranslatorError):
    """A file has the wrong syntax; carries the path and the 1-based line."""

    def __init__(self, path: Path | str | None, line: int | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.reason = message
        where = str(path) if path is not None else "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class GlossaryError(TranslatorError):
    """A glossary cannot be loaded or used."""


class ModelError(TranslatorError):
    """A translation model is broken, cannot be installed, or cannot be loaded."""


class ModelNotInstalled(ModelError):
    """No installed model (direct or through a pivot) serves a direction."""

    def __init__(self, directions: list[tuple[str, str]] | tuple[tuple[str, str], ...], message: str | None = None) -> None:
        self.directions = tuple(directions)
        if message is None:
            names = ", ".join(f"{s}→{t}" for s, t in self.directions)
            message = f"no model for {names}; install one with: translator models install FILE"
        super().__init__(message)


class ConfigError(TranslatorError):
    """Project configuration is invalid; the message names the key."""


class CatalogError(TranslatorError):
    """A PO catalog cannot be read or written."""


class LockError(TranslatorError):
    """Another run holds the lock on an output tree."""


class MemoryStoreError(TranslatorError):
    """The translation memory cannot be opened, read or written.

    Named so that it does not shadow the builtin :class:`MemoryError`.
    """


#: Former name, kept so that code written against the first contract still imports.
MemoryError_ = MemoryStoreError
