"""Reading a source file into an :class:`~translator.article.Article`.

:func:`read_article` does the file I/O and refuses bad input with an
:class:`~translator.errors.InputError` that names the file and the fix:
a missing file, a directory, a file over the size limit (checked before
reading it), a binary file, text that is not UTF-8, an empty file.
Windows-1251 Russian/Kazakh text is recognised and decoded; the article's
``meta`` then says ``("encoding", "cp1251")`` and a warning is logged, so
that the caller can tell the user.

:func:`parse_article` does the rest on text already in memory: blocks per
format, language, roles, sentences and segment ids.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..article import Article, Block, Segment, segment_id, slugify
from ..errors import InputError
from .html import read_html_blocks
from .langdetect import detect_language
from .languages import get_language
from .markdown import read_markdown_blocks
from .plaintext import RawBlock, read_text_blocks
from .roles import assign_roles
from .sentences import split_sentences

__all__ = ["read_article", "parse_article", "decode_source", "MAX_BYTES", "FORMATS"]

log = logging.getLogger(__name__)

#: Largest source file read (bytes). A news article is a few kilobytes; a
#: bigger file is almost certainly not one article.
MAX_BYTES = 10 * 1024 * 1024

#: File suffix -> reader format.
FORMATS = {".txt": "text", ".text": "text", "": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html"}

_READERS = {"text": read_text_blocks, "markdown": read_markdown_blocks, "html": read_html_blocks}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_CP1251_OK = re.compile(r"[\u0400-\u04ff\u00a0\u00ab\u00bb\u2013\u2014\u2026\u2116\u201c-\u201e\u2019\u00b0\u00a9]")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _as_cp1251(data: bytes) -> str | None:
    """``data`` decoded as Windows-1251 if it reads as Cyrillic text, else None."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    good = sum(1 for ch in high if _CP1251_OK.match(ch))
    cyrillic = len(_CYRILLIC.findall(text))
    letters = cyrillic + len(_LATIN.findall(text))
    # Cyrillic prose: nearly every non-ASCII character is a Cyrillic letter or
    # typographic punctuation, and Cyrillic is a good part of the letters.
    if high and good >= 0.95 * len(high) and cyrillic >= 4 and cyrillic >= 0.3 * letters:
        return text
    return None


def decode_source(data: bytes, path: Path | str = "<input>") -> tuple[str, str]:
    """``(text, encoding)`` of a source file's bytes; :class:`InputError` when they are not text.

    UTF-8 (with or without a BOM) is expected; UTF-16 with a BOM and
    Windows-1251 Cyrillic are recognised and reported through ``encoding``.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(path, "broken UTF-16 text; save it as UTF-8") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text; give a .txt or .md article")
    offset = 3 if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text, encoding = data[offset:].decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        decoded = _as_cp1251(data)
        if decoded is None:
            at = exc.start + offset
            raise InputError(
                path, f"not UTF-8: invalid byte 0x{data[at]:02x} at offset {at}; "
                "convert it with: iconv -f ENCODING -t UTF-8") from None
        text, encoding = decoded, "cp1251"
    if len(_CONTROL.findall(text[:8192])) > max(2, len(text[:8192]) // 100):
        raise InputError(path, "binary file, not text; give a .txt or .md article")
    return text, encoding


def parse_article(text: str, *, fmt: str = "text", lang: str | None = None,
                  slug: str = "article", source: Path | None = None,
                  meta: tuple[tuple[str, str], ...] = ()) -> Article:
    """Segment the text of a whole article.

    ``fmt`` is ``"text"``, ``"markdown"`` or ``"html"``; ``lang`` is detected when None.
    Blocks are numbered from 0 in reading order; segment ids count repeats
    across the article (the second identical sentence gets ``-2``).
    """
    try:
        reader = _READERS[fmt]
    except KeyError:
        raise InputError(source or "<input>", f"unknown format {fmt!r}; known formats: "
                         f"{', '.join(_READERS)}") from None
    raw, found = reader(text)
    if lang is None:
        lang = detect_language("\n".join(b.text for b in raw))
    get_language(lang)  # unknown codes fail with the list of known ones
    roles = assign_roles(raw, lang)
    seen: dict[str, int] = {}
    blocks = []
    for index, (rb, role) in enumerate(zip(raw, roles, strict=True)):
        blocks.append(Block(index, role, rb.text, _segments(rb, role, lang, seen),
                            line=rb.line, kind=rb.kind, level=rb.level))
    return Article(slug=slug, lang=lang, blocks=tuple(blocks), source=source,
                   meta=tuple(meta) + tuple(found))


#: Roles whose blocks are one unit unless they hold two or more full sentences
#: (rule 7 of the gold data): ``Deputies in the chamber. Photo: example.kz``.
UNIT_ROLES = frozenset({"title", "subheading", "photo_credit", "byline", "meta", "list_item",
                        "related_header", "related_title", "related_meta", "furniture"})
_FULL_SENTENCE_WORDS = 3


def _segments(rb: RawBlock, role: str, lang: str, seen: dict[str, int]) -> tuple[Segment, ...]:
    out = []
    body = rb.text[rb.body:]
    spans = split_sentences(body, lang)
    if role in UNIT_ROLES and len(spans) > 1 and \
            min(len(body[s:e].split()) for s, e in spans) < _FULL_SENTENCE_WORDS:
        spans = [(spans[0][0], spans[-1][1])]
    for start, end in spans:
        sent = body[start:end]
        key = segment_id(sent)
        seen[key] = seen.get(key, 0) + 1
        out.append(Segment(segment_id(sent, seen[key]), sent, start + rb.body, end + rb.body))
    return tuple(out)


def read_article(path: Path, lang: str | None = None, *, max_bytes: int = MAX_BYTES,
                 fmt: str | None = None) -> Article:
    """Read and segment one source file (``.txt``, ``.md``, ``.html``).

    Raises :class:`InputError` (one line, naming the file and the fix) for a
    missing file, a directory, a file over ``max_bytes``, a binary or
    non-UTF-8 file, an empty file or one without text. A Windows-1251 file is
    read; ``article.meta`` then holds ``("encoding", "cp1251")``.
    """
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file; check the path") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}".lower()) from None
    if path.is_dir():
        raise InputError(path, "is a directory; give the article files in it (e.g. DIR/*.md)")
    if not path.is_file():
        raise InputError(path, "not a regular file; give a .txt or .md article")
    if st.st_size > max_bytes:
        raise InputError(path, f"too big for one article ({_size(st.st_size)}, limit "
                         f"{_size(max_bytes)}); split it into articles")
    if fmt is None:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(path, f"unsupported file type {path.suffix!r}; give a .txt, .md or .html article")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if len(data) > max_bytes:  # grew since stat, or a device
        raise InputError(path, f"too big for one article (over {_size(max_bytes)}); split it into articles")
    if not data.strip():
        raise InputError(path, "empty file; nothing to segment")
    text, encoding = decode_source(data, path)
    meta: tuple[tuple[str, str], ...] = ()
    if encoding != "utf-8":
        # The caller reports it (the CLI on stderr); meta carries it.
        log.info("%s: not UTF-8; read as %s", path, encoding)
        meta = (("encoding", encoding),)
    article = parse_article(text, fmt=fmt, lang=lang, slug=slugify(path.stem), source=path, meta=meta)
    if not article.blocks:
        raise InputError(path, "no text to segment (only blank lines or a source line)")
    return article
