"""SentencePiece tokenising and the splitting of sentences too long for a model.

A model reads at most ``limit`` tokens. Longer sentences are cut at a safe
point (after ``;:.!?``, then after a comma, closing quote or bracket or
before a dash, then at any whitespace; only text without any space is cut
between characters), each piece is translated, and the translations are
joined with the whitespace that separated the pieces. Nothing is truncated.

>>> split_long("one, two three", 2, lambda s: len(s.split()))
[('one,', ' '), ('two three', '')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["Tokenizer", "split_long", "rejoin"]

_SPACE = re.compile(r"\s+")
_STRONG = ".;:!?…"
_WEAK = ",)]»”\"'"
_DASHES = "—–-"


class Tokenizer:
    """A SentencePiece model, encoding and decoding whole batches at once."""

    def __init__(self, path: Path) -> None:
        import sentencepiece as spm  # lazy: heavy import

        self.path = Path(path)
        self._sp = spm.SentencePieceProcessor(model_file=str(self.path))

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        return self._sp.encode(list(texts), out_type=str)

    def decode(self, pieces: Sequence[Sequence[str]]) -> list[str]:
        return self._sp.decode([list(p) for p in pieces]) if pieces else []

    def count(self, text: str) -> int:
        return len(self._sp.encode(text))


def _cut(text: str) -> tuple[int, int]:
    """Where to cut ``text``: (end of the left part, start of the right part)."""
    mid = len(text) / 2
    best: tuple[float, int, int] | None = None
    for m in _SPACE.finditer(text.strip()):
        offset = len(text) - len(text.lstrip())
        start, end = m.start() + offset, m.end() + offset
        before, after = text[start - 1], text[end] if end < len(text) else ""
        if before in _STRONG:
            rank = 0
        elif before in _WEAK or after in _DASHES:
            rank = 1
        else:
            rank = 2
        distance = abs(start - mid) / len(text)
        # a better kind of cut wins unless it is far from the middle
        key = (rank if distance < 0.3 else 3) + distance
        if best is None or key < best[0]:
            best = (key, start, end)
    if best is not None:
        return best[1], best[2]
    cut = int(mid)
    while 0 < cut < len(text) and unicodedata.combining(text[cut]):
        cut += 1
    return cut, cut


def split_long(text: str, limit: int, count: Callable[[str], int]) -> list[tuple[str, str]]:
    """Split ``text`` into ``(piece, separator)`` pairs whose pieces have at most ``limit`` tokens.

    ``"".join(p + s for p, s in result) == text`` always holds.
    """
    if len(text) <= 1 or count(text) <= limit:
        return [(text, "")]
    left_end, right_start = _cut(text)
    if left_end <= 0 or right_start >= len(text):
        return [(text, "")]
    left = split_long(text[:left_end], limit, count)
    right = split_long(text[right_start:], limit, count)
    left[-1] = (left[-1][0], text[left_end:right_start])
    return left + right


def rejoin(translations: Sequence[str], separators: Sequence[str]) -> str:
    """Join translated pieces with the whitespace that separated their sources."""
    return "".join(t + s for t, s in zip(translations, separators, strict=False)).strip()
