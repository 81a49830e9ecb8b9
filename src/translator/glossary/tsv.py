"""The glossary file a person edits: tab-separated, one row per term.

::

    # comments start with '#'; blank lines are ignored
    concept	lang	form	status	type	note
    toqayev	en	Toqayev	preferred	person	house style
    toqayev	en	Tokayev	variant	person
    toqayev	ru	Токаев	preferred	person

A ``.csv`` file (comma-separated, fields with commas in double quotes) is read
the same way. The header row names the columns (any order; ``concept``, ``lang`` and
``form`` are required; ``status`` defaults to ``variant``, ``type`` to the
concept's type from its other rows or ``other``). Errors name the file and
the line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._fs import atomic_write
from ..errors import GlossaryError, InputError, ParseError
from .model import LANGUAGES, STATUSES, TYPES, Concept, Term, language
from .text import nfc

__all__ = ["COLUMNS", "read_tsv", "parse_tsv", "generate_tsv", "write_tsv", "write_atomic"]

COLUMNS = ("concept", "lang", "form", "status", "type", "note")
REQUIRED = ("concept", "lang", "form")


def read_tsv(path: Path) -> list[Concept]:
    """Read one glossary file (UTF-8, a BOM is allowed); ``.csv`` files are comma-separated."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such glossary file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a glossary file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start}); save the glossary as UTF-8") from None
    return parse_tsv(text, path, csv_format=path.suffix.lower() == ".csv")


def _cells(line: str, csv_format: bool) -> list[str]:
    if csv_format:
        return [c.strip() for c in next(csv.reader([line]), [])]
    return [c.strip() for c in line.split("\t")]


def parse_tsv(text: str, path: Path | None = None, *, csv_format: bool = False) -> list[Concept]:
    """Parse glossary text; ``path`` is only used in messages."""
    header: dict[str, int] | None = None
    rows: dict[str, list[Term]] = {}
    types: dict[str, tuple[str, int]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = _cells(line, csv_format)
        if header is None:
            names = [c.lower() for c in cells]
            unknown = [c for c in names if c not in COLUMNS]
            if unknown:
                raise ParseError(path, lineno, f"unknown column {unknown[0]!r} in the header; "
                                 f"columns are: {', '.join(COLUMNS)} (separated by tabs)")
            missing = [c for c in REQUIRED if c not in names]
            if missing:
                raise ParseError(path, lineno, f"the header has no {missing[0]!r} column; the first "
                                 f"row must name the columns: {', '.join(COLUMNS)}")
            header = {name: i for i, name in enumerate(names)}
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            raise ParseError(path, lineno, f"{len(cells)} columns, the header has {len(header)}; "
                             "is there a separator inside a form or note?")
        cells += [""] * (len(header) - len(cells))

        def cell(name: str, cells: list[str] = cells, header: dict[str, int] = header) -> str:
            i = header.get(name)
            return cells[i] if i is not None else ""

        concept, lang, form = cell("concept"), language(cell("lang").lower()), nfc(cell("form"))
        status = cell("status").lower() or "variant"
        ctype = cell("type").lower()
        note = cell("note")
        if not concept:
            raise ParseError(path, lineno, "empty concept id; every row needs one")
        if any(ch.isspace() for ch in concept):
            raise ParseError(path, lineno, f"concept id {concept!r} has a space; use letters, digits, _ or -")
        if lang not in LANGUAGES:
            raise ParseError(path, lineno, f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}")
        if not form:
            raise ParseError(path, lineno, "empty form; write the term in the third column")
        if status not in STATUSES:
            raise ParseError(path, lineno, f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
        if ctype:
            if ctype not in TYPES:
                raise ParseError(path, lineno, f"unknown type {ctype!r}; use one of: {', '.join(TYPES)}")
            if concept in types and types[concept][0] != ctype:
                first, where = types[concept]
                raise ParseError(path, lineno, f"concept {concept!r} is {first!r} on line {where} "
                                 f"and {ctype!r} here; give it one type")
            types.setdefault(concept, (ctype, lineno))
        rows.setdefault(concept, []).append(Term(concept, lang, form, status, note, path, lineno))
    return [Concept(cid, types.get(cid, ("other", 0))[0], tuple(terms)) for cid, terms in rows.items()]


def generate_tsv(concepts: Iterable[Concept]) -> Iterator[str]:
    """The lines of a glossary file for ``concepts`` (the twin of :func:`parse_tsv`)."""
    yield "\t".join(COLUMNS) + "\n"
    for concept in concepts:
        for term in concept.terms:
            cells = [concept.id, term.lang, term.text, term.status, concept.type, term.note]
            yield "\t".join(_clean(c) for c in cells) + "\n"


def _clean(cell: str) -> str:
    return " ".join(cell.replace("\t", " ").split())


def write_tsv(concepts: Iterable[Concept], path: Path) -> None:
    """Write a glossary file atomically."""
    write_atomic(path, "".join(generate_tsv(concepts)))


def write_atomic(path: Path, text: str) -> None:
    """Write a glossary file's ``text`` atomically (UTF-8, newlines as given)."""
    atomic_write(path, text.encode("utf-8"), mkdir=False, error=GlossaryError, what="glossary")
