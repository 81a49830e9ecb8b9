"""Reading source files into :class:`~translator.article.Article` s.

A source file (``.txt`` or ``.md``) becomes blocks with roles (title, photo
credit, body, byline, related titles...) and sentences with stable ids:

>>> from translator.segment import parse_article
>>> article = parse_article("# Toqayev Visits Oskemen\\n\\nPhoto: Example\\n\\n"
...                         "He arrived at 10 a.m. on Friday. Dr. Ospanov met him.",
...                         fmt="markdown", lang="en")
>>> [(b.role, [s.text for s in b]) for b in article]  # doctest: +NORMALIZE_WHITESPACE
[('title', ['Toqayev Visits Oskemen']), ('photo_credit', ['Photo: Example']),
 ('body', ['He arrived at 10 a.m. on Friday.', 'Dr. Ospanov met him.'])]

Modules: :mod:`.reader` (files, bad input), :mod:`.plaintext` and
:mod:`.markdown` (block readers), :mod:`.roles`, :mod:`.sentences`,
:mod:`.langdetect`, :mod:`.languages` (the per-language data).
"""

from __future__ import annotations

from .langdetect import detect_language
from .reader import MAX_BYTES, decode_source, parse_article, read_article
from .sentences import split_sentences

__all__ = [
    "read_article", "parse_article", "split_sentences", "detect_language",
    "decode_source", "MAX_BYTES",
]
