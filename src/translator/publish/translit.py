"""Kazakh in Latin script (``kk-Latn``) by transliterating Kazakh Cyrillic.

The table is data (``kk_latn_2021.tsv`` beside this module): one row per
capital Cyrillic letter with its Latin capital and lower-case forms.

Sources and decisions
---------------------
The alphabet is the 2021 revision of the Kazakh Latin alphabet (31 letters:
A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z), presented by
the government on 28 January 2021 as the amendment of Presidential Decree
No. 569 of 26 October 2017 (which had apostrophes, and its 2018 amendment
acute accents and the digraphs sh/ch). Checked against:

- en.wikipedia.org/wiki/Kazakh_alphabets, "Latin script" (the 2021 table)
  and its sample transliteration ("Būryñğy ötken zamanda, bır danyşpan kısı
  ... üiıne ... syi ... şaharynyñ"), which fixes І→I/ı (dotless in lower
  case), И and Й→İ/i (dotted), Ы→Y/y, У→U, Ұ→Ū, Ү→Ü, Һ→H, Ш→Ş, Ң→Ñ, Ғ→Ğ;
- Anadolu Agency, 2021 ("the new Kazakh alphabet has 31 letters ... ö, ğ,
  ü, ş as in Turkish").

I could not read the decree's own text here; where the sources are silent,
these are my decisions, for letters found only in Russian loanwords and names:

- Ч→Ç (the 2019 draft's letter; one letter for one, as Ş for Ш), Ц→Ts,
  Щ→Ş (a long ш in native words: ащы → aşy), Э→E, Ё→İo, Ю→İu, Я→İa;
- Ъ and Ь are dropped; Х and Һ both → H.

Case is kept: a capital maps to the capital column; a capital whose Latin form
has two letters (Ц, Ё, Ю, Я) is written all in capitals inside an all-capitals
word (ЦЕНТР → TSENTR) and in title case otherwise (Цемент → Tsement). Lower
case never goes through ``str.lower`` (which would turn İ into "i̇" and I into
"i"): the table says ``ı`` and ``i``.

URLs, e-mail addresses and Markdown link targets are left as they are.

>>> to_latin("Қазақ тілі")
'Qazaq tılı'
>>> to_latin("Өскемен")
'Öskemen'
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["to_latin", "table"]

TABLE_FILE = "kk_latn_2021.tsv"

# Parts of a text that are addresses, not words: Markdown link targets, URLs, e-mail.
_PROTECT = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+")


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str]]:
    """``{cyrillic letter (either case): (latin capital form, latin lower-case form)}``."""
    text = resources.files(__package__).joinpath(TABLE_FILE).read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        cyr, upper, lower = cols[0], cols[1], cols[2]
        out[cyr] = (upper, lower)
        out[cyr.lower()] = (upper, lower)
    return out


def _is_upper_letter(ch: str) -> bool:
    return ch.isalpha() and ch.isupper()


def _convert(text: str) -> str:
    tab = table()
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        forms = tab.get(ch)
        if forms is None:
            out.append(ch)
            continue
        upper, lower = forms
        if not ch.isupper():
            out.append(lower)
        elif len(upper) <= 1:
            out.append(upper)
        else:
            nxt = text[i + 1] if i + 1 < n else ""
            prev = text[i - 1] if i > 0 else ""
            all_caps = _is_upper_letter(nxt) or (_is_upper_letter(prev) and not nxt.isalpha())
            out.append(upper[0] + upper[1:].upper() if all_caps else upper)
    return "".join(out)


def to_latin(text: str) -> str:
    """Transliterate Kazakh Cyrillic ``text`` into the 2021 Latin alphabet."""
    parts, pos = [], 0
    for m in _PROTECT.finditer(text):
        parts.append(_convert(text[pos:m.start()]))
        parts.append(m.group())
        pos = m.end()
    parts.append(_convert(text[pos:]))
    return "".join(parts)
