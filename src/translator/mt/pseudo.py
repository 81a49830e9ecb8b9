"""Pseudo-localisation, as Translate Toolkit's ``podebug`` does it.

Works with no model installed, so the whole pipeline can be tried end to end.
The output is visibly not a translation: letters are swapped for accented
look-alikes (Cyrillic look-alikes for ru/kk targets), the text is bracketed
and tagged with the target language. Numbers, URLs, hashtags, e-mail
addresses and markup are left alone so that QA checks still mean something.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import Engine, Translation

__all__ = ["PseudoEngine", "pseudo_translate", "is_pseudo"]

_LATIN = str.maketrans(
    "abcdeghiklmnorstuwyzABCDEGHIKLMNORSTUWYZ",
    "åƀçđéĝĥîķļɱñøŕšţüŵýžÅƁÇĐÉĜĤÎĶĻḾÑØŔŠŢÜŴÝŽ",
)
_TO_CYRILLIC = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абцдефгхижклмнопқрстувшхызАБЦДЕФГХИЖКЛМНОПҚРСТУВШХЫЗ",
)
_KEEP = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|#\w+|@\w+|\[[^\]]*\]\([^)]*\)|<[^>]+>|\{[^}]*\}|\d[\d.,\u00a0 ]*"
)
OPEN, CLOSE = "⟦", "⟧"


def pseudo_translate(text: str, target: str) -> str:
    """Pseudo-localise one sentence for ``target``.

    >>> pseudo_translate("Toqayev met 7,000 people.", "ru")
    '⟦ru: Тоқаыев мет 7,000 пеопле.⟧'
    """
    if not text.strip():
        return text
    table = _LATIN if target == "en" else _TO_CYRILLIC
    out, pos = [], 0
    for m in _KEEP.finditer(text):
        out.append(text[pos:m.start()].translate(table))
        out.append(m.group())
        pos = m.end()
    out.append(text[pos:].translate(table))
    return f"{OPEN}{target}: {''.join(out)}{CLOSE}"


def is_pseudo(text: str) -> bool:
    """Whether ``text`` looks like pseudo-localised output."""
    return text.startswith(OPEN) and text.endswith(CLOSE)


class PseudoEngine(Engine):
    """An engine that needs no model and never pretends to translate."""

    name = "pseudo"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        return [
            Translation(pseudo_translate(t, target), None, ("pseudo",), pseudo=True)
            for t in texts
        ]
