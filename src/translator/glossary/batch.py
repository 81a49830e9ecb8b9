"""Whole-file operations behind ``translator glossary scan`` and ``enforce``.

Both produce plain dicts ready for JSON, so the CLI only prints them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import GlossaryError
from .model import LANGUAGES
from .termbase import Termbase

__all__ = ["scan_file", "enforce_record", "enforce_lines"]


def scan_file(termbase: Termbase, path: Path, lang: str | None = None) -> dict:
    """The concepts in every block of an article, numbered as ``translator segment`` numbers blocks.

    ``{"file", "lang", "matches": [{"block", "start", "end", "text", "concept", "preferred"}]}``
    with offsets into the block text.
    """
    from ..segment import read_article

    article = read_article(Path(path), lang=lang)
    matches = []
    for block in article:
        for m in termbase.find(block.text, article.lang):
            matches.append({"block": block.index, **m.to_dict()})
    return {"file": str(path), "lang": article.lang, "matches": matches}


def enforce_record(termbase: Termbase, record: object) -> dict:
    """Enforce one ``{"source", "target", "source_lang", "target_lang"}`` record."""
    if not isinstance(record, dict):
        raise GlossaryError("expected a JSON object with source, target, source_lang, target_lang")
    for key in ("source", "target", "source_lang", "target_lang"):
        if not isinstance(record.get(key), str):
            raise GlossaryError(f"{key!r} is missing or not a string")
    for key in ("source_lang", "target_lang"):
        if record[key] not in LANGUAGES:
            raise GlossaryError(f"unknown {key} {record[key]!r}; use one of: {', '.join(LANGUAGES)}")
    result = termbase.enforce(record["source"], record["target"], record["source_lang"],
                              record["target_lang"])
    return {"target": result.target, "changes": [c.to_dict() for c in result.changes],
            "missing": list(result.missing)}


def enforce_lines(termbase: Termbase, lines: Iterable[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """``(line number, result, error)`` for each non-blank JSON line; bad lines give an error."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"line {lineno}: not JSON ({exc.msg}); write one JSON object per line"
            continue
        try:
            yield lineno, enforce_record(termbase, record), None
        except GlossaryError as exc:
            yield lineno, None, f"line {lineno}: {exc}"
