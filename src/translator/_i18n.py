"""The toolkit's own messages, translated with gettext.

Messages are marked with ``_()`` (and ``ngettext`` for plurals) and looked up
in ``translator/locale/<lang>/LC_MESSAGES/translator.mo``, compiled from the
catalogs in ``i18n/messages/`` when the package is built. The language comes
from ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``, as gettext does.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path

__all__ = ["_", "ngettext", "ui_language", "reset"]

DOMAIN = "translator"
LOCALE_DIR = Path(__file__).parent / "locale"


@lru_cache(maxsize=1)
def _translations() -> _gettext.NullTranslations:
    return _gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), fallback=True)


def reset() -> None:
    """Forget the loaded catalog, so a changed environment takes effect (tests use this)."""
    _translations.cache_clear()


def _(message: str) -> str:
    """Translate ``message`` into the user's language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a number, choosing the plural form of the user's language."""
    return _translations().ngettext(singular, plural, n)


def ui_language() -> str:
    """The language the messages are shown in (``en`` when no catalog matched)."""
    info = _translations().info()
    lang = info.get("language", "") if info else ""
    return (lang or "en").split("_")[0].split("@")[0] or "en"
