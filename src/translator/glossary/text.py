"""Text keys and tokens for matching.

Matching compares *keys*, not raw text: a key is the text lower-cased, with
letters that look alike in Latin and Cyrillic folded onto one symbol (a
Cyrillic ``С`` inside a Latin word, a Latin ``a`` inside a Cyrillic one), the
Kazakh letters folded onto their Russian look-alikes (MT output often
writes ``Токаев`` for ``Тоқаев``) and the typographic apostrophe onto the
ASCII one. Each character maps to exactly one character, so offsets into a
key are offsets into the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["fold", "fold_char", "Token", "tokenize", "sep_key", "HYPHENS", "APOSTROPHES"]

HYPHENS = "-\u2010\u2011\u2012\u2013\u00ad"
APOSTROPHES = "'\u2019\u02bc\u2018`"
QUOTES = "«»\"“”„"

# Cyrillic letters onto the Latin letter they look like (in upper or lower
# case), Kazakh letters onto the letter MT writes for them.
_FOLD = {
    "а": "a", "ә": "a", "в": "b", "е": "e", "ё": "e", "э": "e", "к": "k", "қ": "k",
    "м": "m", "н": "h", "ң": "h", "һ": "h", "о": "o", "ө": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "ү": "y", "ұ": "y", "х": "x", "і": "i", "ј": "j", "ғ": "г",
    "ı": "i", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u", "á": "a", "é": "e",
}
for _h in HYPHENS:
    _FOLD[_h] = "-"
for _a in APOSTROPHES:
    _FOLD[_a] = "'"


def fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    return _FOLD.get(low, low)


_TABLE = str.maketrans(_FOLD)


def fold(text: str) -> str:
    """The matching key of ``text``: same length, one character per character.

    >>> fold("Tокаев") == fold("Токаев") == fold("Тоқаев")
    True
    """
    low = text.lower()
    if len(low) == len(text):
        return low.translate(_TABLE)
    return "".join(fold_char(ch) for ch in text)  # a letter whose lower case is longer (İ)


@dataclass(frozen=True)
class Token:
    """A run of letters and digits (apostrophes inside a word included)."""

    start: int
    end: int
    text: str
    key: str


# A word: letters/digits/marks, with apostrophes between letters kept inside.
_WORD = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (NFC text is assumed)."""
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _WORD.finditer(text)]


def sep_key(sep: str) -> str | None:
    """What matters in the text between two words of a multi-word name.

    Spaces and hyphens are interchangeable (``Kassym Jomart``,
    ``Kassym-Jomart``), quotes do not count (``центр «Астана»``); a full stop must stay a full stop (``Orda.kz``); any
    other punctuation (a comma, a bracket) breaks the name: ``None``.
    """
    out = []
    for ch in sep:
        if ch.isspace() or ch in HYPHENS or ch in QUOTES:
            continue
        if ch == ".":
            out.append(".")
            continue
        return None
    return "".join(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
