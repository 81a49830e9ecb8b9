"""Reading source files into :class:`~translator.article.Article` s.

PLACEHOLDER (foundation): one block per non-empty line, role ``body``,
a naive sentence splitter. The segmentation work replaces the inside of this
package; the public functions below keep their signatures.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..article import Article, Block, Segment, segment_id, slugify
from ..errors import InputError

__all__ = ["read_article", "parse_article", "split_sentences", "detect_language"]


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``; the gaps hold only whitespace."""
    spans = []
    for m in re.finditer(r"\S.*?(?:[.!?…]+(?=\s|$)|$)", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def detect_language(text: str) -> str:
    """Guess ``en``, ``ru`` or ``kk``."""
    if re.search(r"[әғқңөұүһі]", text, re.I):
        return "kk"
    if re.search(r"[а-яё]", text, re.I):
        return "ru"
    return "en"


def parse_article(text: str, *, fmt: str = "text", lang: str | None = None,
                  slug: str = "article", source: Path | None = None) -> Article:
    """Segment the text of a whole article (``fmt``: ``text`` or ``markdown``)."""
    lang = lang or detect_language(text)
    blocks, seen = [], {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or (lineno == 1 and line.startswith("# source:")):
            continue
        segs = []
        for start, end in split_sentences(line, lang):
            sent = line[start:end]
            key = segment_id(sent)
            seen[key] = seen.get(key, 0) + 1
            segs.append(Segment(segment_id(sent, seen[key]), sent, start, end))
        blocks.append(Block(len(blocks), "body", line, tuple(segs), line=lineno))
    return Article(slug=slug, lang=lang, blocks=tuple(blocks), source=source)


def read_article(path: Path, lang: str | None = None) -> Article:
    """Read and segment one source file (``.txt``, ``.md``)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    return parse_article(text, fmt=fmt, lang=lang, slug=slugify(path.stem), source=path)
