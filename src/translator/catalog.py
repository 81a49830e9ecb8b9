"""PO catalogs: build, merge and read. The only module that imports polib.

Conventions of the catalogs this toolkit writes (one per article per locale,
``<root>/<locale>/LC_MESSAGES/<slug>.po``):

- ``msgctxt`` is the segment id (:func:`translator.article.segment_id`), so
  identical sentences in different places stay apart;
- ``msgid`` is the source sentence, ``msgstr`` its translation;
- machine output is flagged ``fuzzy``; pseudo output also carries a
  ``#. pseudo`` comment;
- extracted comments (``#.``) are ``key: value`` lines: ``role``, ``block``,
  ``engine``, ``tm``, ``concepts``, ``qa``;
- references (``#:``) point to the source file and line;
- headers: ``Language``, ``Plural-Forms``, ``X-Source-File`` (the article,
  relative to the project root), ``X-Source-Language``, ``X-Article-Slug``.

PLACEHOLDER (foundation): the types and the reader. The review-workflow work
adds planning, merging and atomic writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ParseError

__all__ = ["Entry", "Catalog", "read_catalog", "catalog_path"]


@dataclass(frozen=True)
class Entry:
    """One PO entry, in the toolkit's own terms."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    fuzzy: bool = False
    obsolete: bool = False
    comments: tuple[str, ...] = ()  # extracted comments (#.), one per line
    references: tuple[tuple[str, int | None], ...] = ()
    previous_msgid: str | None = None
    flags: tuple[str, ...] = ()
    line: int = 0  # where the entry starts in the PO file

    @property
    def segment_id(self) -> str | None:
        return self.msgctxt

    @property
    def pseudo(self) -> bool:
        return "pseudo" in self.comments or any(c.startswith("engine: pseudo") for c in self.comments)

    @property
    def state(self) -> str:
        """``reviewed`` (translated, not fuzzy), ``machine`` (fuzzy) or ``untranslated``."""
        if not self.msgstr:
            return "untranslated"
        return "machine" if self.fuzzy else "reviewed"

    def comment(self, key: str) -> str | None:
        """The value of a ``key: value`` extracted comment, if present."""
        prefix = f"{key}: "
        for c in self.comments:
            if c.startswith(prefix):
                return c[len(prefix):]
        return None


@dataclass(frozen=True)
class Catalog:
    """A read PO catalog: header and entries (obsolete ones included, flagged)."""

    path: Path | None
    header: tuple[tuple[str, str], ...]
    entries: tuple[Entry, ...] = field(default=())

    def meta(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.header:
            if k == key:
                return v
        return default

    @property
    def locale(self) -> str | None:
        return self.meta("Language")

    @property
    def source_file(self) -> str | None:
        return self.meta("X-Source-File")

    @property
    def source_lang(self) -> str | None:
        return self.meta("X-Source-Language")

    @property
    def active(self) -> list[Entry]:
        return [e for e in self.entries if not e.obsolete]

    def find(self, msgctxt: str | None, msgid: str) -> Entry | None:
        for e in self.entries:
            if not e.obsolete and e.msgctxt == msgctxt and e.msgid == msgid:
                return e
        return None

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.active)

    def __len__(self) -> int:
        return len(self.active)


def catalog_path(root: Path, locale: str, slug: str) -> Path:
    """``<root>/<locale>/LC_MESSAGES/<slug>.po``."""
    return Path(root) / locale / "LC_MESSAGES" / f"{slug}.po"


def _split_reference(ref: str) -> tuple[str, int | None]:
    path, _, line = ref.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return ref, None


def read_catalog(path: Path) -> Catalog:
    """Read a PO file; a syntax error raises :class:`ParseError` with the line."""
    import polib

    path = Path(path)
    try:
        po = polib.pofile(str(path), encoding="utf-8", wrapwidth=76)
    except OSError as exc:
        if exc.errno is not None:  # a real I/O error; polib reports syntax errors as bare OSError
            raise ParseError(path, None, f"cannot read catalog: {exc.strerror}") from None
        raise ParseError(path, _line_of(str(exc)), f"broken catalog: {exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(path, _line_of(str(exc)), f"broken catalog: {exc}") from None
    entries = []
    for e in list(po) + list(po.obsolete_entries()):
        entries.append(Entry(
            msgid=e.msgid,
            msgstr=e.msgstr,
            msgctxt=e.msgctxt,
            fuzzy="fuzzy" in e.flags,
            obsolete=bool(e.obsolete),
            comments=tuple(e.comment.splitlines()) if e.comment else (),
            references=tuple((p, int(n) if n and str(n).isdigit() else None) for p, n in e.occurrences),
            previous_msgid=e.previous_msgid,
            flags=tuple(e.flags),
            line=e.linenum or 0,
        ))
    return Catalog(path, tuple(po.metadata.items()), tuple(entries))


def _line_of(message: str) -> int | None:
    import re

    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None
