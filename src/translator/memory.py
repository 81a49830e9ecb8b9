"""Translation memory: reviewed translations in one SQLite file, exact matches only.

A unit is one source sentence, its reviewed translation, the language pair,
where the translation came from (``origin``: a catalog path and msgctxt, or
``tmx:<file>``) and when it was created and last changed. A sentence that was
reviewed once is reused everywhere it recurs and never sent to the MT engine
again.

Matching is exact on a *normalised* source key (see :func:`source_key`), for
the same language pair. There is one unit per key: on conflict the newest
translation wins (by its ``changed`` time; equal times: the later write).

    >>> with TranslationMemory(tmp / "tm.sqlite") as tm:          # doctest: +SKIP
    ...     tm.add("Latest news", "Последние новости", "en", "ru", "ru/a.po#x")
    ...     tm.lookup("Latest  news", "en", "ru").target
    'Последние новости'

Storage: table ``units`` with a unique index on ``(source_lang, target_lang,
source_key)``; the schema version is ``PRAGMA user_version`` (currently
:data:`SCHEMA_VERSION`); journaling is WAL with ``synchronous=NORMAL`` while the
memory is open for writing (a crash loses at most the last transaction,
never the file), switched back to a rollback journal on close so that the
closed memory is one self-contained file that can be copied or opened
read-only. Times are UTC ISO 8601 strings (``2026-11-29T17:08:51Z``),
which sort as text.

TMX 1.4 import and export live in :mod:`translator.tmx`; the methods here are
thin wrappers so that callers need one object.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError, MemoryStoreError

__all__ = [
    "SCHEMA_VERSION",
    "TMHit",
    "TMUnit",
    "TranslationMemory",
    "default_tm_path",
    "source_key",
    "normalise_lang",
    "utc_now",
]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
#: Keys per ``IN (...)`` query in :meth:`TranslationMemory.lookup_many`; far
#: below SQLite's variable limit (999 in old builds) and large enough that a
#: batch of thousands of segments costs a handful of queries.
CHUNK = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    changed     TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS units_key ON units (source_lang, target_lang, source_key);
"""

# Insert, or replace the existing unit when the new one is at least as new and
# says something else (re-feeding the same reviewed entries on every run
# rewrites nothing and keeps the unit's times).
_UPSERT = """
INSERT INTO units (source_lang, target_lang, source_key, source, target, origin, created, changed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source_lang, target_lang, source_key) DO UPDATE SET
    source = excluded.source, target = excluded.target, origin = excluded.origin,
    changed = excluded.changed, created = min(units.created, excluded.created)
WHERE excluded.changed >= units.changed
  AND (excluded.target != units.target OR excluded.origin != units.origin OR excluded.source != units.source)
"""

_SPACE = re.compile(r"\s+")
# Typographic variants that carry no meaning for matching: curly and straight
# apostrophes/single quotes, curly and straight English-style double quotes.
# Guillemets and „ are left alone: they belong to the language, not the font.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'",
                         "\u201c": '"', "\u201d": '"', "\u201f": '"'})


def source_key(text: str) -> str:
    """The key a source sentence is matched by.

    Exactly: Unicode NFC; every run of whitespace (spaces, tabs, newlines,
    no-break and narrow no-break spaces, any Unicode space) becomes one
    space; leading and trailing whitespace is dropped; ‘ ’ ‛ ʼ become ``'``
    and “ ” ‟ become ``"``. Case, digits and all other punctuation are kept.

    >>> source_key("  “Latest\\u00a0 news”\\n")
    '"Latest news"'
    """
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip().translate(_QUOTES)


@lru_cache(maxsize=64)
def normalise_lang(tag: str) -> str:
    """The toolkit's code for a language tag: ``RU`` -> ``ru``, ``en-US`` -> ``en``, ``kk-Latn`` kept.

    Unknown tags are kept, lower-cased, so a TMX file with other languages
    still imports (those units are simply never looked up).
    """
    from .locales import get_locale

    tag = tag.strip()
    for candidate in (tag, tag.split("-")[0].split("_")[0]):
        try:
            return get_locale(candidate).code
        except ConfigError:
            continue
    return tag.lower()


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


#: Where a project keeps its memory, relative to the project root.
DEFAULT_TM = Path(".translator") / "tm.sqlite"


def default_tm_path(root: Path | None = None) -> Path:
    """``<root>/.translator/tm.sqlite``, ``root`` defaulting to the current directory."""
    return Path(root if root is not None else Path.cwd()) / DEFAULT_TM


@dataclass(frozen=True)
class TMHit:
    """A match: the stored translation and where it came from."""

    target: str
    origin: str
    changed: str = ""


@dataclass(frozen=True)
class TMUnit:
    """One unit, as :meth:`TranslationMemory.add_many` takes it and :meth:`units` yields it.

    ``created``/``changed`` default to now when the unit is added.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str = ""
    created: str | None = None
    changed: str | None = None


class TranslationMemory:
    """A translation memory in one SQLite file; use it as a context manager.

    ``readonly=True`` opens an existing file without changing it (a missing
    file is then an error); otherwise the file and its folder are created.
    A file that is not a translation memory fails with a one-line
    :class:`MemoryStoreError` naming it.
    """

    def __init__(self, path: Path | str, *, readonly: bool = False, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.timeout = timeout  # seconds to wait for another process's write to finish
        self._db: sqlite3.Connection | None = None
        self._open()

    # -- opening -------------------------------------------------------------

    def _fail(self, what: str) -> MemoryStoreError:
        return MemoryStoreError(f"{self.path}: {what}")

    def _open(self) -> None:
        path = self.path
        if path.is_dir():
            raise self._fail("is a folder, not a translation memory file; pass a file path")
        if self.readonly and not path.exists():
            raise self._fail("no translation memory here; create one with: translator tm import FILE.tmx")
        try:
            if self.readonly:
                db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(path))
        except (OSError, sqlite3.Error) as exc:
            raise self._fail(f"cannot open translation memory: {exc}") from None
        db.isolation_level = None  # transactions are explicit (see _transaction)
        self._db = db
        try:
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version > SCHEMA_VERSION:
                raise self._fail(
                    f"translation memory schema {version} is newer than this translator "
                    f"understands ({SCHEMA_VERSION}); upgrade translator")
            if version == 0 and tables and "units" not in tables:
                raise self._fail("is an SQLite file but not a translation memory; pass another --tm file")
            if not self.readonly:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                if version < SCHEMA_VERSION:
                    db.executescript(f"BEGIN; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            elif "units" not in tables:
                raise self._fail("is not a translation memory (no units table)")
        except sqlite3.OperationalError as exc:  # locked, read-only folder, disk full...
            self.close()
            raise self._fail(f"cannot open translation memory ({exc}); is another run using it?") from None
        except sqlite3.DatabaseError as exc:
            self.close()
            raise self._fail(f"not a translation memory ({exc}); move the file away or pass another --tm file") from None
        except MemoryStoreError:
            self.close()
            raise

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise MemoryStoreError(f"{self.path}: translation memory is closed")
        return self._db

    def close(self) -> None:
        """Close the file; it is left in rollback-journal mode, as one self-contained file."""
        if self._db is not None:
            if not self.readonly:
                # WAL while open (readers never block the writer), one plain file when closed;
                # fails harmlessly when another connection still has the file open.
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("PRAGMA journal_mode = DELETE")
            self._db.close()
            self._db = None

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"TranslationMemory({str(self.path)!r})"

    def _run(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise self._fail(f"translation memory error: {exc}") from None

    # -- reading -------------------------------------------------------------

    def lookup(self, source: str, sl: str, tl: str) -> TMHit | None:
        """The stored translation of ``source`` from ``sl`` into ``tl``, or None."""
        row = self._run(
            "SELECT target, origin, changed FROM units"
            " WHERE source_lang = ? AND target_lang = ? AND source_key = ?",
            (normalise_lang(sl), normalise_lang(tl), source_key(source)),
        ).fetchone()
        return TMHit(*row) if row else None

    def lookup_many(self, sources: Iterable[str], sl: str, tl: str) -> dict[str, TMHit]:
        """Hits for many sentences at once, keyed by the sentences as given.

        One query per :data:`CHUNK` distinct keys; sentences without a hit are
        absent from the result.
        """
        by_key: dict[str, list[str]] = {}
        for s in sources:
            by_key.setdefault(source_key(s), []).append(s)
        sl, tl = normalise_lang(sl), normalise_lang(tl)
        keys = list(by_key)
        out: dict[str, TMHit] = {}
        for i in range(0, len(keys), CHUNK):
            chunk = keys[i:i + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._run(
                "SELECT source_key, target, origin, changed FROM units"
                f" WHERE source_lang = ? AND target_lang = ? AND source_key IN ({marks})",
                (sl, tl, *chunk),
            )
            for key, target, origin, changed in rows:
                hit = TMHit(target, origin, changed)
                for s in by_key[key]:
                    out[s] = hit
        return out

    def __len__(self) -> int:
        return self._run("SELECT count(*) FROM units").fetchone()[0]

    def units(self, sl: str | None = None, tl: str | None = None) -> Iterator[TMUnit]:
        """Every unit (optionally of one source and/or target language), in a stable order."""
        where, params = [], []
        if sl:
            where.append("source_lang = ?")
            params.append(normalise_lang(sl))
        if tl:
            where.append("target_lang = ?")
            params.append(normalise_lang(tl))
        sql = ("SELECT source, target, source_lang, target_lang, origin, created, changed FROM units"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY source_lang, source_key, target_lang")
        for row in self._run(sql, params):
            yield TMUnit(*row)

    def stats(self) -> dict:
        """Units per language pair and the file size, as a JSON-ready dict."""
        pairs = [
            {"source": s, "target": t, "units": n}
            for s, t, n in self._run(
                "SELECT source_lang, target_lang, count(*) FROM units"
                " GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang")
        ]
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {
            "path": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "units": sum(p["units"] for p in pairs),
            "pairs": pairs,
            "size_bytes": size,
        }

    # -- writing -------------------------------------------------------------

    def add(self, source: str, target: str, sl: str, tl: str, origin: str = "", *,
            changed: str | None = None) -> bool:
        """Store one reviewed translation; returns whether the memory changed.

        An empty source or target is ignored. An older ``changed`` time than
        the stored unit's loses (the memory keeps the newest translation).
        """
        return self.add_many([TMUnit(source, target, sl, tl, origin, changed=changed)]) > 0

    def add_many(self, rows: Iterable[TMUnit | Sequence[str]]) -> int:
        """Store many units in one transaction; returns how many were inserted or replaced.

        ``rows`` are :class:`TMUnit` objects or ``(source, target, sl, tl,
        origin)`` tuples. Either all are stored or, on an error, none.
        """
        if self.readonly:
            raise self._fail("translation memory is open read-only")
        now = utc_now()

        def params() -> Iterator[tuple[str, ...]]:
            for row in rows:
                unit = row if isinstance(row, TMUnit) else TMUnit(*row)
                key = source_key(unit.source)
                if not key or not unit.target.strip():
                    continue
                changed = unit.changed or now
                yield (normalise_lang(unit.source_lang), normalise_lang(unit.target_lang), key,
                       unit.source, unit.target, unit.origin or "", unit.created or changed, changed)

        with self._transaction():
            try:
                cur = self.db.executemany(_UPSERT, params())
            except UnicodeEncodeError as exc:
                bad = exc.object[max(0, exc.start - 20):exc.end + 20] if isinstance(exc.object, str) else ""
                raise self._fail(f"text is not valid Unicode (lone surrogate) near {bad!r}") from None
            return max(cur.rowcount, 0)

    def _transaction(self):
        return _Transaction(self)

    # -- TMX -----------------------------------------------------------------

    def import_tmx(self, path: Path | str) -> int:
        """Import a TMX file in one transaction; returns the number of units stored."""
        from .tmx import read_tmx

        return self.add_many(read_tmx(Path(path)))

    def export_tmx(self, path: Path | str, *, source: str | None = None, target: str | None = None) -> int:
        """Write the memory (or one direction of it) as TMX 1.4, atomically; returns units written."""
        from .tmx import write_tmx

        return write_tmx(Path(path), self.units(source, target), srclang=source)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""

    def __init__(self, tm: TranslationMemory) -> None:
        self.tm = tm

    def __enter__(self) -> None:
        try:
            self.tm.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self.tm._fail(f"translation memory is busy or read-only ({exc})") from None

    def __exit__(self, exc_type, exc, tb) -> None:
        db = self.tm.db
        if exc_type is None:
            try:
                db.execute("COMMIT")
            except sqlite3.Error as err:
                db.execute("ROLLBACK")
                raise self.tm._fail(f"cannot write translation memory: {err}") from None
        else:
            db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self.tm._fail(f"cannot write translation memory: {exc}") from None

