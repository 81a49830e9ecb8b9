"""translator: an offline translation and localisation toolkit for news in en, ru and kk.

The library is usable without the CLI::

    from translator import read_article
    article = read_article(Path("i18n/articles/en-protection-status.md"))
    for block in article:
        print(block.role, [s.text for s in block])
"""

from __future__ import annotations

from .article import Article, Block, Segment, slugify
from .errors import (
    CatalogError,
    ConfigError,
    GlossaryError,
    InputError,
    LockError,
    ModelError,
    ModelNotInstalled,
    ParseError,
    TranslatorError,
)
from .locales import LOCALES, get_locale

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Article",
    "Block",
    "Segment",
    "slugify",
    "read_article",
    "TranslatorError",
    "InputError",
    "ParseError",
    "GlossaryError",
    "ModelError",
    "ModelNotInstalled",
    "ConfigError",
    "CatalogError",
    "LockError",
    "LOCALES",
    "get_locale",
]


def read_article(path, lang=None):
    """Read and segment an article file; see :func:`translator.segment.read_article`."""
    from .segment import read_article as _read

    return _read(path, lang=lang)
