"""The supported locales, as data.

Each locale is a :class:`LocaleInfo` record: its Babel locale, script, the
NLLB-200 language token, quote marks, and so on. Per-language behaviour is
read from these records, never from ``if lang == "kk"`` checks.

>>> get_locale("kk").nllb
'kaz_Cyrl'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .errors import ConfigError

__all__ = ["LocaleInfo", "LOCALES", "SOURCE_LANGUAGES", "get_locale", "parse_locales", "locale_of_po"]


@dataclass(frozen=True)
class LocaleInfo:
    """One locale the toolkit reads or writes.

    ``code`` is the toolkit's name (``kk-Latn``), ``language`` the bare
    language (``kk``), ``babel`` the Babel/CLDR identifier (``kk``), ``po``
    the value of the PO ``Language`` header (``kk@latin``), ``nllb`` the
    language token of NLLB-200 models.
    """

    code: str
    language: str
    name: str
    babel: str
    po: str
    script: str
    nllb: str
    quotes: tuple[str, str]
    inner_quotes: tuple[str, str]
    decimal: str
    thousands: str
    derived_from: str | None = None

    @cached_property
    def babel_locale(self):
        from babel import Locale

        return Locale.parse(self.babel)

    @property
    def plural_forms(self) -> str:
        """The PO ``Plural-Forms`` header value, from CLDR through Babel."""
        from babel.messages.plurals import get_plural

        return str(get_plural(self.babel))

    @property
    def html_lang(self) -> str:
        return self.code


LOCALES: dict[str, LocaleInfo] = {
    "en": LocaleInfo("en", "en", "English", "en", "en", "Latn", "eng_Latn",
                     ("“", "”"), ("‘", "’"), ".", ","),
    "ru": LocaleInfo("ru", "ru", "Русский", "ru", "ru", "Cyrl", "rus_Cyrl",
                     ("«", "»"), ("„", "“"), ",", "\u00a0"),
    "kk": LocaleInfo("kk", "kk", "Қазақ тілі", "kk", "kk", "Cyrl", "kaz_Cyrl",
                     ("«", "»"), ("“", "”"), ",", "\u00a0"),
    "kk-Latn": LocaleInfo("kk-Latn", "kk", "Qazaq tılı", "kk", "kk@latin", "Latn", "kaz_Latn",
                          ("«", "»"), ("“", "”"), ",", "\u00a0", derived_from="kk"),
}

#: Languages an article may be written in (and MT may translate between).
SOURCE_LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")


def get_locale(code: str) -> LocaleInfo:
    """Return the record for ``code``; unknown codes fail with the known ones."""
    key = code.strip()
    for candidate in (key, key.replace("_", "-")):
        if candidate in LOCALES:
            return LOCALES[candidate]
    lowered = {c.lower(): c for c in LOCALES}
    if key.lower().replace("_", "-") in lowered:
        return LOCALES[lowered[key.lower().replace("_", "-")]]
    known = ", ".join(LOCALES)
    raise ConfigError(f"unknown locale {code!r}; known locales: {known}")


def parse_locales(spec: str | list[str] | tuple[str, ...]) -> tuple[LocaleInfo, ...]:
    """Parse ``"ru,kk"`` (or a list of such strings) into locale records, in order, without repeats."""
    items = [spec] if isinstance(spec, str) else list(spec)
    seen: dict[str, LocaleInfo] = {}
    for item in items:
        for part in item.split(","):
            if part.strip():
                info = get_locale(part)
                seen.setdefault(info.code, info)
    return tuple(seen.values())


def locale_of_po(value: str) -> LocaleInfo:
    """The record for a PO ``Language`` header value: ``kk@latin`` → ``kk-Latn``, ``ru_RU`` → ``ru``.

    Unknown languages fail like :func:`get_locale`.

    >>> locale_of_po("kk@latin").code
    'kk-Latn'
    """
    value = value.strip()
    for info in LOCALES.values():
        if value == info.po:
            return info
    try:
        return get_locale(value)
    except ConfigError:
        return get_locale(value.split("@")[0].split("_")[0].split("-")[0])
