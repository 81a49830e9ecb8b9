"""Helpers shared by the CLI commands: error reporting and output switches."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import TranslatorError

__all__ = ["report_errors", "fail", "warn", "use_color"]


def use_color() -> bool:
    """Colour only on a terminal and only when ``NO_COLOR`` is not set."""
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def warn(message: str) -> None:
    """One line on stderr, e.g. ``file.txt: not UTF-8 at byte 12``."""
    click.echo(message, err=True)


def fail(message: str, code: int = 2) -> None:
    warn(f"error: {message}" if not message.startswith("error") else message)
    raise SystemExit(code)


@contextmanager
def report_errors() -> Iterator[None]:
    """Turn a :class:`TranslatorError` into a one-line message and its exit code."""
    try:
        yield
    except TranslatorError as exc:
        fail(str(exc), getattr(exc, "exit_code", 2))
