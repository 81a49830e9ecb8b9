"""Numbers, percentages and amounts as a reader of each language understands them.

Separators come from the locale records (:mod:`translator.locales`): English
groups thousands with ``,`` and writes decimals with ``.``; Russian and
Kazakh group with a no-break space and write decimals with ``,``. Readers
also group with an ordinary, narrow no-break or thin space in every language,
and a ``.`` decimal point is tolerated in ru/kk (machine output often keeps
it; the value is still unambiguous when not followed by exactly three digits).
A group separator is only a group separator before exactly three digits:
``7 000`` is 7000 but ``10 15`` are two numbers.

So ``7,000`` is 7000 in English and 7 (seven point zero zero zero) in
Russian: a Russian target that copies ``7,000`` from an English source is a
wrong figure, and the QA check says so.

    >>> [n.value for n in find_numbers("7,000 people and 2.5 units", "en")]
    [Decimal('7000'), Decimal('2.5')]
    >>> [n.value for n in find_numbers("7\\u00a0000 человек и 2,5 раза", "ru")]
    [Decimal('7000'), Decimal('2.5')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..locales import get_locale
from ..markup import EMAIL_RE, HASHTAG_RE, MENTION_RE, URL_RE  # one definition, shared with markup

__all__ = ["Number", "find_numbers", "SCALE_WORDS", "PERCENT_WORDS", "CURRENCIES", "Currency", "find_currencies",
           "mask_verbatim"]

#: Spaces any language may group digits with.
GROUP_SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True)
class Number:
    """A number as written (``text``) and its value, scale words included (``2.5 million``)."""

    text: str
    value: Decimal
    start: int
    end: int
    scale: int = 1

    @property
    def digits_value(self) -> Decimal:
        """The value of the digits alone, without the scale word."""
        return self.value / self.scale


@lru_cache(maxsize=16)
def _number_re(lang: str) -> re.Pattern[str]:
    info = get_locale(lang)
    groups = set(GROUP_SPACES) | {info.thousands}
    decimals = {info.decimal}
    if info.decimal == ",":
        decimals.add(".")
    else:
        groups.add(",")
    groups -= decimals
    g = re.escape("".join(sorted(groups)))
    d = re.escape("".join(sorted(decimals)))
    return re.compile(
        rf"(?<!\d)(?:\d{{1,3}}(?P<g>[{g}])\d{{3}}(?:(?P=g)\d{{3}})*(?!\d)|\d+)(?:(?P<d>[{d}])\d+)?(?!\d)"
    )


#: Scale words after a number, per language, as word beginnings (``тыс`` covers
#: тысяч, тысячи, тыс.; ``мың`` covers мыңнан). ``12.5 billion`` and ``12,5 млрд``
#: and ``12 500 000 000`` are then the same value.
SCALE_WORDS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("thousand", 10**3), ("million", 10**6), ("mln", 10**6), ("billion", 10**9), ("bln", 10**9),
           ("bn", 10**9), ("trillion", 10**12), ("trln", 10**12)),
    "ru": (("тыс", 10**3), ("млн", 10**6), ("миллион", 10**6), ("млрд", 10**9), ("миллиард", 10**9),
           ("трлн", 10**12), ("триллион", 10**12)),
    "kk": (("мың", 10**3), ("млн", 10**6), ("миллион", 10**6), ("млрд", 10**9), ("миллиард", 10**9),
           ("трлн", 10**12), ("триллион", 10**12)),
}


@lru_cache(maxsize=16)
def _scale_re(lang: str) -> re.Pattern[str] | None:
    words = SCALE_WORDS.get(get_locale(lang).language)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) + (r"(?!\w)" if len(w) <= 3 else "")
                            for w, _ in sorted(words, key=lambda ws: -len(ws[0])))
    return re.compile(rf"[{GROUP_SPACES}]?(?:{alternatives})", re.IGNORECASE)


#: Scales glued to an amount after a currency sign (``$25m``, ``£3bn``, ``€40k``);
#: without the sign ``25m`` is more likely metres.
ATTACHED_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12}
_ATTACHED = re.compile(r"(bn|mn|tn|k|m)(?!\w)", re.IGNORECASE)
_SIGNS = "$€£¥₸₽"


def _scale(text: str, start: int, end: int, lang: str) -> int:
    if start and text[start - 1] in _SIGNS:
        m = _ATTACHED.match(text, end)
        if m:
            return ATTACHED_SCALES[m.group(1).lower()]
    pattern = _scale_re(lang)
    m = pattern.match(text, end) if pattern else None
    if not m:
        return 1
    word = m.group().lstrip(GROUP_SPACES).lower()
    return next(f for w, f in SCALE_WORDS[get_locale(lang).language] if word.startswith(w))


def find_numbers(text: str, lang: str) -> list[Number]:
    """The numbers of ``text`` with their values, read with ``lang``'s separators and scale words.

    >>> [str(n.value) for n in find_numbers("1,5 тыс. человек и 2 млрд тенге", "ru")]
    ['1500.0', '2000000000']
    """
    out = []
    for m in _number_re(lang).finditer(text):
        raw = m.group()
        body = raw
        if m.group("g"):
            body = body.replace(m.group("g"), "")
        if m.group("d"):
            body = body.replace(m.group("d"), ".")
        scale = _scale(text, m.start(), m.end(), lang)
        try:
            value = Decimal(body) * scale
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            continue
        out.append(Number(raw, value, m.start(), m.end(), scale))
    return out


#: Words (or word beginnings) that make a number a percentage, per language.
PERCENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "pct"),
    "ru": ("процент", "проц."),
    "kk": ("пайыз",),
}


def is_percentage(text: str, number: Number, lang: str) -> bool:
    """Whether ``number`` is followed by ``%`` or a percent word of ``lang``."""
    after = text[number.end:number.end + 16].lstrip(GROUP_SPACES).lower()
    words = PERCENT_WORDS.get(get_locale(lang).language, ())
    return after.startswith("%") or any(after.startswith(w) for w in words)


@dataclass(frozen=True)
class Currency:
    """A currency and the ways each language writes it (word beginnings, matched case-insensitively)."""

    code: str
    symbols: tuple[str, ...]
    words: dict[str, tuple[str, ...]]

    def names(self, lang: str) -> tuple[str, ...]:
        return self.symbols + (self.code,) + self.words.get(get_locale(lang).language, ())


CURRENCIES: tuple[Currency, ...] = (
    Currency("EUR", ("€",), {"en": ("euro",), "ru": ("евро",), "kk": ("еуро", "евро")}),
    Currency("USD", ("$",), {"en": ("dollar",), "ru": ("доллар",), "kk": ("доллар",)}),
    Currency("KZT", ("₸",), {"en": ("tenge",), "ru": ("тенге", "тг"), "kk": ("теңге", "тг")}),
    Currency("RUB", ("₽",), {"en": ("rouble", "ruble"), "ru": ("рубл", "руб."), "kk": ("рубл",)}),
    Currency("GBP", ("£",), {"en": ("pound sterling", "sterling"), "ru": ("фунт",), "kk": ("фунт",)}),
    Currency("CNY", ("¥",), {"en": ("yuan",), "ru": ("юан",), "kk": ("юан",)}),
)


_BY_CODE = {c.code: c for c in CURRENCIES}


@lru_cache(maxsize=16)
def _currency_re(lang: str) -> re.Pattern[str]:
    """One pattern for every currency of :data:`CURRENCIES`, a named group per currency code."""
    language = get_locale(lang).language
    alternatives = []
    for cur in CURRENCIES:
        parts = [re.escape(s) for s in cur.symbols]
        parts.append(rf"\b{cur.code}\b")
        # Word beginnings catch inflected forms (долларов, теңгеге); short ones (тг) must be whole words.
        parts += [rf"(?<!\w){re.escape(w)}" + (r"(?!\w)" if len(w) <= 3 else "")
                  for w in cur.words.get(language, ())]
        alternatives.append(f"(?P<{cur.code}>{'|'.join(parts)})")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def find_currencies(text: str, lang: str) -> list[tuple[Currency, re.Match[str]]]:
    """Every mention of a known currency in ``text`` (symbol, ISO code or a word of ``lang``), in order."""
    return [(_BY_CODE[m.lastgroup], m) for m in _currency_re(lang).finditer(text)]




def mask_verbatim(text: str) -> str:
    """``text`` with URLs, e-mails, hashtags and mentions blanked out (same length)."""
    for pattern in (URL_RE, EMAIL_RE, HASHTAG_RE, MENTION_RE):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text
