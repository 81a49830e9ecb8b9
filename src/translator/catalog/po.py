"""The catalog types, the PO reader (polib) and the PO writer.

The writer is our own rather than polib's, for three reasons: it never wraps
comments (a wrapped ``#. qa: ...`` line would come back as two comments), it
wraps strings the way GNU gettext does (after spaces, at 76 columns, after
every embedded newline), and it is several times faster, which matters when
a run rewrites thousands of catalogs. Reading stays with polib, the reference
parser, so that every file we write is checked by a second implementation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, ParseError

__all__ = [
    "WIDTH",
    "Entry",
    "Catalog",
    "read_catalog",
    "generate_catalog",
    "catalog_text",
    "catalog_path",
    "find_catalogs",
    "iter_catalogs",
    "DEFAULT_LAYOUT",
]

#: Lines of strings are wrapped at this many columns (quotes and keyword included).
WIDTH = 76


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
    line: int = field(default=0, compare=False)  # where the entry starts in the PO file
    translator_comments: tuple[str, ...] = ()  # "# " lines: the reviewer's own notes
    previous_msgctxt: str | None = None

    def __post_init__(self) -> None:
        # ``flags`` always agrees with ``fuzzy``: "fuzzy" first when set, never otherwise
        others = tuple(f for f in self.flags if f != "fuzzy")
        flags = ("fuzzy",) + others if self.fuzzy else others
        if flags != self.flags:
            object.__setattr__(self, "flags", flags)

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

    @property
    def reviewed(self) -> bool:
        return self.state == "reviewed"

    def comment(self, key: str) -> str | None:
        """The value of a ``key: value`` extracted comment, if present."""
        prefix = f"{key}: "
        for c in self.comments:
            if c.startswith(prefix):
                return c[len(prefix):]
        return None

    def comments_of(self, key: str) -> list[str]:
        """Every value of a repeatable ``key: value`` comment (``qa``)."""
        prefix = f"{key}: "
        return [c[len(prefix):] for c in self.comments if c.startswith(prefix)]


@dataclass(frozen=True)
class Catalog:
    """A read PO catalog: header and entries (obsolete ones included, flagged)."""

    path: Path | None
    header: tuple[tuple[str, str], ...]
    entries: tuple[Entry, ...] = field(default=())
    comment: str = ""  # the header comment ("# " lines above the header entry)

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

    @property
    def obsolete(self) -> list[Entry]:
        return [e for e in self.entries if e.obsolete]

    def find(self, msgctxt: str | None, msgid: str) -> Entry | None:
        for e in self.entries:
            if not e.obsolete and e.msgctxt == msgctxt and e.msgid == msgid:
                return e
        return None

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.active)

    def __len__(self) -> int:
        return len(self.active)

    def __contains__(self, item: object) -> bool:
        return isinstance(item, Entry) and item in self.entries


#: Where a catalog lives under the root of the locales tree.
DEFAULT_LAYOUT = "{locale}/LC_MESSAGES/{slug}.po"


def catalog_path(root: Path, locale: str, slug: str, layout: str = DEFAULT_LAYOUT) -> Path:
    """``<root>/<locale>/LC_MESSAGES/<slug>.po`` (or another ``layout``)."""
    return Path(root) / layout.format(locale=locale, slug=slug)


def find_catalogs(root: Path, layout: str = DEFAULT_LAYOUT) -> list[tuple[str, str, Path]]:
    """Every catalog under ``root`` laid out as ``layout``: ``(locale, slug, path)``, sorted.

    The inverse of :func:`catalog_path`: ``{locale}`` and ``{slug}`` each match one
    path component (or part of one).

    >>> find_catalogs(Path("/nonexistent"))
    []
    """
    root = Path(root)
    if not root.is_dir():
        return []
    pattern = re.escape(layout)
    for name in ("locale", "slug"):
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^/]+)", 1)
    regex = re.compile(pattern)
    found = []
    for path in root.glob(layout.replace("{locale}", "*").replace("{slug}", "*")):
        m = regex.fullmatch(path.relative_to(root).as_posix())
        if m and path.is_file():
            found.append((m.group("locale"), m.group("slug"), path))
    return sorted(found)


def iter_catalogs(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The catalogs named by ``paths``: files as given, folders searched for ``*.po`` (sorted).

    Whatever the layout (unlike :func:`find_catalogs`); a path that does not
    exist is an :class:`~translator.errors.InputError`.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.po") if p.is_file())
        elif path.exists():
            yield path
        else:
            raise InputError(path, "no such file or folder")


# -- reading -------------------------------------------------------------------------------

def _line_of(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


_STRING = r'"(?:[^"\\]|\\.)*"'
_STRINGS = _STRING + r'(?:\s*' + _STRING + r')*'
_PREFIX = r'(?:#~\| ?|#~ ?#\| ?|#~ ?|#\| ?)?'
_LINE = re.compile(_PREFIX + r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?' + _STRINGS + r'\s*')


def _check_syntax(text: str, path: Path) -> None:
    """Reject what GNU msgfmt rejects and polib silently accepts (an unterminated string, stray text)."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        if stripped.startswith("#~") and not stripped[2:].strip():
            continue
        if _LINE.fullmatch(stripped):
            continue
        if stripped.startswith("#~") and not stripped.startswith(("#~ msg", '#~ "', "#~|", "#~ #")):
            continue  # an obsolete comment line
        word = stripped.split()[0][:20]
        reason = "unterminated string" if stripped.count('"') % 2 or '"' in word else f"unexpected {word!r}"
        raise ParseError(path, number, f"broken catalog: {reason}; fix that line or restore the file")


def read_catalog(path: Path) -> Catalog:
    """Read a PO file; a syntax error raises :class:`ParseError` with the line."""
    import polib

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, None, f"cannot read catalog: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")  # a BOM (Windows editors) is not part of the catalog
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(path, line, "broken catalog: not UTF-8; save it as UTF-8") from None
    _check_syntax(text, path)
    try:
        po = polib.pofile(text, encoding="utf-8", wrapwidth=WIDTH)
    except (OSError, ValueError) as exc:
        raise ParseError(path, _line_of(str(exc)), f"broken catalog: {_one_line(exc)}") from None
    entries = []
    for e in po:  # polib keeps obsolete entries in the list too, flagged
        entries.append(Entry(
            msgid=e.msgid,
            msgstr=e.msgstr,
            msgctxt=e.msgctxt,
            fuzzy="fuzzy" in e.flags,
            obsolete=bool(e.obsolete),
            comments=tuple(e.comment.split("\n")) if e.comment else (),
            references=tuple((p, int(n) if n and str(n).isdigit() else None) for p, n in e.occurrences),
            previous_msgid=e.previous_msgid,
            flags=tuple(e.flags),
            line=e.linenum or 0,
            translator_comments=tuple(e.tcomment.split("\n")) if e.tcomment else (),
            previous_msgctxt=e.previous_msgctxt,
        ))
    return Catalog(path, tuple(po.metadata.items()), tuple(entries), po.header or "")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:1].lower() + text[1:] if text else type(exc).__name__


# -- writing -------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"})
_PIECE = re.compile(r"[^\n]*\n|[^\n]+")
_TOKEN = re.compile(r"[^ ]+ *| +")


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _wrap(text: str, width: int) -> list[str]:
    """Escaped chunks of ``text``: a break after each newline and, for long lines, after spaces.

    Breaks fall between tokens, so an escape sequence is never cut in two; a
    word longer than ``width`` stays whole on its own line, as gettext does.
    """
    lines: list[str] = []
    for piece in _PIECE.findall(text):
        cur: list[str] = []
        size = 0
        for token in _TOKEN.findall(piece):
            esc = _escape(token)
            if cur and size + len(esc) > width:
                lines.append("".join(cur))
                cur, size = [], 0
            cur.append(esc)
            size += len(esc)
        if cur:
            lines.append("".join(cur))
    return lines


def _field(keyword: str, text: str, prefix: str = "") -> list[str]:
    """``msgid "..."`` lines; long or multi-line strings start with ``""`` as in gettext."""
    head = f"{prefix}{keyword} "
    newline = text.find("\n")
    if newline in (-1, len(text) - 1):
        esc = _escape(text)
        if len(head) + len(esc) + 2 <= WIDTH:
            return [f'{head}"{esc}"']
    return [f'{head}""'] + [f'{prefix}"{chunk}"' for chunk in _wrap(text, WIDTH - len(prefix) - 2)]


def _comment_line(marker: str, text: str) -> str:
    return f"{marker} {text}" if text else marker


def _entry_lines(e: Entry) -> list[str]:
    out = [_comment_line("#", c.rstrip()) for c in e.translator_comments]
    out += [_comment_line("#.", " ".join(c.split()) if "\n" in c else c.rstrip()) for c in e.comments]
    refs = [f"{p}:{n}" if n is not None else p for p, n in e.references]
    if refs:
        line = "#:"
        for ref in refs:
            if len(line) > 2 and len(line) + 1 + len(ref) > WIDTH:
                out.append(line)
                line = "#:"
            line += " " + ref
        out.append(line)
    if e.flags:
        out.append("#, " + ", ".join(e.flags))
    prefix = "#~ " if e.obsolete else ""
    if not e.obsolete:  # `#~|` is GNU-only: polib and Babel cannot read it, so obsolete entries drop it
        if e.previous_msgctxt is not None:
            out += _field("msgctxt", e.previous_msgctxt, "#| ")
        if e.previous_msgid is not None:
            out += _field("msgid", e.previous_msgid, "#| ")
    if e.msgctxt is not None:
        out += _field("msgctxt", e.msgctxt, prefix)
    out += _field("msgid", e.msgid, prefix)
    out += _field("msgstr", e.msgstr, prefix)
    return out


def generate_catalog(catalog: Catalog) -> Iterator[str]:
    """The lines of the PO file for ``catalog``, each ending with a newline.

    Active entries come in their order, obsolete ones after them. The
    header's values must not contain newlines.
    """
    for c in catalog.comment.split("\n") if catalog.comment else ():
        yield _comment_line("#", c) + "\n"
    header = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in catalog.header)
    yield 'msgid ""\n'
    for line in _field("msgstr", header):
        yield line + "\n"
    for e in sorted(catalog.entries, key=lambda e: e.obsolete):  # stable: order kept within each
        yield "\n"
        for line in _entry_lines(e):
            yield line + "\n"


def catalog_text(catalog: Catalog) -> str:
    """The whole PO file for ``catalog`` as one string."""
    return "".join(generate_catalog(catalog))
