"""The article model: :class:`Article` holds :class:`Block` s, which hold :class:`Segment` s.

All three are frozen dataclasses. A block is one unit of the page (a title, a
paragraph, a list item...) with a role; a segment is one sentence of a block,
with offsets into the block text, so that the segments and the text between
them rebuild the block exactly.

Segment ids are derived from the sentence text alone (plus an occurrence
number for repeats inside the article), so editing one paragraph changes the
ids of that paragraph's segments only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ROLES",
    "TRANSLATABLE_ROLES",
    "Segment",
    "Block",
    "Article",
    "segment_id",
    "normalise",
    "slugify",
]

#: Block roles, as in the gold data (``../shared/data/README.md``).
ROLES: frozenset[str] = frozenset({
    "title", "standfirst", "body", "subheading", "list_item", "byline",
    "photo_credit", "meta", "duplicate", "related_header", "related_title",
    "related_meta", "related_body", "source_note", "furniture",
})

#: Roles whose text is sent for translation. Furniture, meta and duplicates are not.
TRANSLATABLE_ROLES: frozenset[str] = frozenset({
    "title", "standfirst", "body", "subheading", "list_item", "byline",
    "photo_credit", "related_header", "related_title", "related_body", "source_note",
})


@dataclass(frozen=True)
class Segment:
    """One sentence of a block: ``block.text[start:end] == text``."""

    id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One unit of an article, with its role and its sentences.

    ``index`` numbers blocks as ``translator segment`` does (0-based, the
    ``paragraph`` of the gold data); ``line`` is the 1-based line of the
    source file where the block starts. ``kind`` tells the publisher how the
    block was written in the source (``paragraph``, ``heading``, ``list_item``,
    ``quote``); ``level`` is the heading level when there is one.
    """

    index: int
    role: str
    text: str
    segments: tuple[Segment, ...] = ()
    line: int = 0
    kind: str = "paragraph"
    level: int = 0

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; known roles: {', '.join(sorted(ROLES))}")

    @property
    def translatable(self) -> bool:
        return self.role in TRANSLATABLE_ROLES

    def gaps(self) -> list[str]:
        """The text before, between and after segments (``len(segments) + 1`` items)."""
        out, pos = [], 0
        for seg in self.segments:
            out.append(self.text[pos:seg.start])
            pos = seg.end
        out.append(self.text[pos:])
        return out

    def rebuild(self, texts: list[str] | None = None) -> str:
        """Join segments (or replacement ``texts``, one per segment) with the gaps between them."""
        texts = [s.text for s in self.segments] if texts is None else texts
        if len(texts) != len(self.segments):
            raise ValueError("one text per segment is needed")
        gaps = self.gaps()
        parts = [gaps[0]]
        for text, gap in zip(texts, gaps[1:], strict=False):
            parts.append(text)
            parts.append(gap)
        return "".join(parts)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)


@dataclass(frozen=True)
class Article:
    """A source article: its slug, source language and blocks."""

    slug: str
    lang: str
    blocks: tuple[Block, ...]
    source: Path | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Segment):
            return any(item in b.segments for b in self.blocks)
        return item in self.blocks

    @property
    def segments(self) -> list[Segment]:
        return [s for b in self.blocks for s in b.segments]

    def translatable_segments(self) -> list[tuple[Block, Segment]]:
        """(block, segment) pairs whose block role is translated, in reading order."""
        return [(b, s) for b in self.blocks if b.translatable for s in b.segments if s.text.strip()]

    @property
    def title(self) -> str | None:
        for b in self.blocks:
            if b.role == "title":
                return b.text
        return None


def normalise(text: str) -> str:
    """The form under which identical sentences are recognised (NFC, single spaces).

    Segment ids hash it; the catalog merge and publishing match msgids by it.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def segment_id(text: str, occurrence: int = 1) -> str:
    """A stable id for a sentence: a hash of its normalised text, ``-N`` for its Nth repeat.

    >>> segment_id("Hello world.") == segment_id("Hello  world.")
    True
    """
    digest = hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:12]
    return digest if occurrence <= 1 else f"{digest}-{occurrence}"


# Russian and Kazakh Cyrillic to ASCII, for slugs (simplified, readable, stable).
_SLUG_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}

SLUG_MAX = 80


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """A safe file name from a title or file stem: ASCII, lower case, hyphens, bounded length.

    Cyrillic is transliterated; path separators, dots and ``..`` cannot survive.

    >>> slugify("Тоқаев Вашингтонға келді")
    'toqaev-vashingtonga-keldi'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(_SLUG_TRANSLIT.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        cut = text[:max_length]
        text = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2:] else cut
        text = text.strip("-")
    return text or "article"
