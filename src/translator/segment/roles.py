"""Giving every block a role: title, body, photo credit, byline, related titles...

The roles are those of the gold data (``../shared/data/README.md``). A block's
role comes from, in order:

1. its own cues, read from :mod:`.languages` for every language (a Kazakh
   page may say ``Фото:``, an English one ``Photo:``): photo credits,
   bylines, source notes, "Latest news" headers, furniture (tag lists, rate
   tickers, share buttons), meta lines (dates, times, view counts, section
   names);
2. its place on the page: the first headline-like block is the title, the
   blocks after a "Latest news" header are related titles, a paragraph between
   the title and a date or credit line (or one in italics) is a standfirst, a short line
   between body paragraphs is a subheading, a block repeating an earlier
   one is a duplicate;
3. its shape: a personal name alone on a line is a byline, a bare web
   address near the top is a photo credit, anything else is body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .languages import LANGUAGES, get_language
from .plaintext import RawBlock
from .sentences import split_sentences

__all__ = ["assign_roles"]

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"[*_`]+")
_SPACES = re.compile(r"\s+")
_NUMBER_ONLY = re.compile(r"^[\d\s.,:/+\-]+$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_DATE = re.compile(r"\b\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}\b")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_TAG_LIST = re.compile(r"\S(?: {3,}|\t+| +[|•·] +)\S")
_COUNTER = re.compile(r"[\d()\[\]]+")
_BREADCRUMB = re.compile(r"\S \s*[/>»→|]\s* ?\S")
_RATES = re.compile(r"(?:\b(?:USD|EUR|RUB|CNY|GBP|KZT|BTC)\b|[$€₽£¥])\s*[\d.,]+")
_NAME = re.compile(
    r"^[^\W\d_a-zа-яё][^\W\d_A-ZА-ЯЁ]+(?:-[^\W\d_][^\W\d_A-ZА-ЯЁ]+)?"
    r"(?:\s+[^\W\d_a-zа-яё][^\W\d_A-ZА-ЯЁ]+(?:-[^\W\d_][^\W\d_A-ZА-ЯЁ]+)?){1,2}$"
)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_EMPHASISED = re.compile(r"^(\*\*|__|\*|_)[^*_].*\1$", re.DOTALL)
_TERMINAL_END = re.compile(r"[.!?…][\"'»”’)\]]*$")
_OPEN_END = re.compile(r"[.,;:–—-][\"'»”’)\]]*$")
_STOP_END = re.compile(r"\.[\"'»”’)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"'»”’)]*\s+[^\W\d_a-zа-яёәғқңөұүһі]")

#: Stock photo agencies and wire services named alone under a picture.
STOCK_PHOTO = ("depositphotos", "shutterstock", "getty images", "gettyimages", "istock",
               "unsplash", "pixabay", "pexels", "freepik", "reuters", "afp", "ap photo",
               "epa", "tass", "ria novosti", "риа новости", "тасс", "kazinform", "казинформ",
               "sputnik", "спутник", "akorda.kz", "ақорда", "акорда", "stock photo")

#: Short lines of page furniture that are the same in every language.
COPYRIGHT = ("©", "(c)", "copyright")

#: Share buttons: a line made only of these is furniture.
SOCIAL = frozenset([
    "facebook", "twitter", "x", "telegram", "whatsapp", "instagram", "youtube", "tiktok",
    "linkedin", "vk", "vkontakte", "вконтакте", "одноклассники", "ok", "threads", "viber",
    "email", "e-mail", "copy", "link",
])


@dataclass(frozen=True)
class _Cues:
    photo_colon: tuple[str, ...]
    photo_prefix: tuple[str, ...]
    byline: tuple[str, ...]
    source: tuple[str, ...]
    related: frozenset[str]
    furniture: tuple[str, ...]
    furniture_exact: frozenset[str]
    press: tuple[str, ...]
    subscribe: tuple[str, ...]
    meta_words: frozenset[str]
    months: frozenset[str]
    sections: frozenset[str]


@cache
def _cues(lang: str) -> _Cues:
    records = [get_language(lang)] + [r for code, r in LANGUAGES.items() if code != lang]

    def collect(attr: str) -> tuple[str, ...]:
        out: list[str] = []
        for rec in records:
            out.extend(c for c in getattr(rec, attr) if c not in out)
        return tuple(out)

    photo = collect("photo_cues")
    furniture = collect("furniture_cues")
    meta_words: set[str] = set()
    for phrase in collect("meta_words"):
        meta_words.update(phrase.split())
    return _Cues(
        photo_colon=tuple(c for c in photo if c.endswith(":")),
        photo_prefix=tuple(c for c in photo if not c.endswith(":")),
        byline=collect("byline_cues"),
        source=collect("source_cues"),
        related=frozenset(c.rstrip(":") for c in collect("related_headers")),
        furniture=tuple(c for c in furniture if c.endswith(":")),
        furniture_exact=frozenset(c.rstrip(":") for c in furniture),
        press=collect("press_service"),
        subscribe=collect("subscribe_cues"),
        meta_words=frozenset(meta_words),
        months=frozenset(collect("months")),
        sections=frozenset(w for rec in records for w in rec.sections),
    )


def _plain(text: str) -> str:
    """Block text without inline Markdown, whitespace collapsed."""
    return _SPACES.sub(" ", _MD_MARK.sub("", _MD_LINK.sub(r"\1", text))).strip()


def _words(plain: str) -> list[str]:
    return _TOKEN.findall(plain)


def _is_meta(plain: str, low: str, words: list[str], cues: _Cues) -> bool:
    """Dates, times, view counts, a section name: a line with (almost) nothing else."""
    if _NUMBER_ONLY.match(plain):
        return True
    if len(words) == 1 and low.strip(" :") in cues.sections:
        return True
    if len(words) > 10:
        return False
    dated = bool(_TIME.search(plain) or _DATE.search(plain))
    rest = []
    for w in words:
        lw = w.lower()
        if w.isdigit() or lw in cues.months or lw in cues.meta_words:
            dated = dated or lw in cues.months or lw in cues.meta_words
            continue
        rest.append(w)
    return dated and len(rest) <= 2 and not _TERMINAL_END.search(plain)


def _is_furniture(raw: str, plain: str, low: str, cues: _Cues) -> bool:
    if _TAG_LIST.search(raw) and not _TERMINAL_END.search(plain) and not _SENTENCE_INSIDE.search(plain):
        return True
    rates = len(_RATES.findall(plain))
    if rates >= 2 and not _TERMINAL_END.search(plain):
        # a ticker: ``USD 470.5 EUR 510.2``, mostly codes and figures
        letters = [w for w in _words(plain) if not w.isdigit()]
        if len(letters) <= 2 * rates + 2:
            return True
    if all(w in SOCIAL for w in _words(low)):
        return True  # ``Facebook Twitter Telegram``
    key = _COUNTER.sub("", low).strip(" :|")  # ``Comments (3)``
    if key in cues.furniture_exact or low.startswith(cues.furniture):
        return True
    if len(_BREADCRUMB.findall(raw)) >= 2 and not _TERMINAL_END.search(plain):
        return True  # ``Home / News / Politics``
    if len(plain) < 250 and any(c in low for c in cues.subscribe):
        return True
    return len(plain) < 120 and low.startswith(COPYRIGHT)


def _is_photo(plain: str, low: str, words: list[str], cues: _Cues) -> bool:
    if low.startswith(cues.photo_prefix) or low.startswith(cues.photo_colon):
        return True
    # ``… region Photo: akorda.kz``, ``cover Photo: …``: a cue inside a short line.
    return len(words) <= 40 and any(c in low for c in cues.photo_colon)


def _one_sentence(plain: str, lang: str) -> bool:
    return len(split_sentences(plain, lang)) <= 1


def _is_byline(plain: str, low: str, words: list[str], cues: _Cues) -> bool:
    """``Author: …`` lines; ``By …`` only when a name follows (not ``By the end of…``)."""
    if len(words) > 12:
        return False
    for cue in cues.byline:
        if low.startswith(cue):
            rest = plain[len(cue):].strip(" :")
            return cue.endswith(":") or _namey(rest)
    return False


def _namey(text: str) -> bool:
    """A list of personal names: capitalised words, maybe joined by ``and``/``,``."""
    words = [w for w in _words(text) if len(w) > 3 or w[:1].isupper()]
    return 1 <= len(words) <= 8 and all(w[:1].isupper() for w in words) \
        and not _TERMINAL_END.search(text)


def _set_apart(roles: list[str | None], i: int) -> bool:
    """Is block ``i`` followed by a credit, date or byline and then more text (a lead)?"""
    j = i + 1
    while j < len(roles) and roles[j] in ("meta", "photo_credit", "byline"):
        j += 1
    return j > i + 1 and j < len(roles) and roles[j] is None


def _is_press_service(plain: str, low: str, words: list[str], cues: _Cues) -> bool:
    """``Түркітілдес журналистер қорының Баспасөз қызметі``: a signature line."""
    return len(words) <= 10 and any(p in low for p in cues.press) and not _TERMINAL_END.search(plain)


def _headline_like(plain: str, words: list[str], lang: str) -> bool:
    """A title's shape: a few words, one unit, no full stop at the end (``?`` and ``!`` are fine)."""
    return 2 <= len(words) <= 35 and not _STOP_END.search(plain.rstrip("*_")) \
        and not plain.endswith((",", ";")) and _one_sentence(plain, lang)


def _short_heading(plain: str, words: list[str], lang: str) -> bool:
    return 1 <= len(words) <= 12 and not _OPEN_END.search(plain) and _one_sentence(plain, lang)


def assign_roles(blocks: Sequence[RawBlock], lang: str) -> list[str]:
    """One role per block, from cues, position and shape (see the module docstring)."""
    cues = _cues(lang)
    n = len(blocks)
    roles: list[str | None] = [None] * n
    plains = [_plain(b.text[b.body:]) for b in blocks]
    lows = [p.lower() for p in plains]
    words = [_words(p) for p in plains]

    # 1. Cues in the block itself.
    for i in range(n):
        plain, low, ws = plains[i], lows[i], words[i]
        if blocks[i].hint:
            roles[i] = blocks[i].hint
        elif not ws:
            roles[i] = "furniture"
        elif low.strip(" :.!").strip() in cues.related:
            roles[i] = "related_header"
        elif ":" in low and low.split(":", 1)[0].strip() in cues.related and len(ws) <= 40:
            roles[i] = "related_title"  # ``Read also: Toqayev Signs…`` on one line
        elif _is_photo(plain, low, ws, cues):
            roles[i] = "photo_credit"
        elif _is_byline(plain, low, ws, cues):
            roles[i] = "byline"
        elif low.startswith(cues.source):
            roles[i] = "source_note"
        elif _is_furniture(blocks[i].text, plain, low, cues):
            roles[i] = "furniture"
        elif blocks[i].kind != "heading" and _is_meta(plain, low, ws, cues):
            roles[i] = "meta"

    # 2. The title: a level-1 heading, else the first headline-like block
    #    before any body text.
    title = next((i for i, b in enumerate(blocks)
                  if b.kind == "heading" and b.level == 1 and roles[i] is None), None)
    if title is None:
        for i in range(n):
            if roles[i] is not None:
                continue
            if _headline_like(plains[i], words[i], lang) and blocks[i].kind != "list_item":
                title = i
            break
    if title is not None:
        roles[title] = "title"

    # 3. Related lists: after a "Latest news" header, list items and
    #    headline-like lines are related titles, dates are related meta.
    in_related = False
    for i in range(n):
        if roles[i] == "related_header":
            in_related = True
            continue
        if not in_related:
            continue
        if roles[i] == "meta":
            roles[i] = "related_meta"
        elif roles[i] is None and (blocks[i].kind == "list_item" or _headline_like(plains[i], words[i], lang)):
            roles[i] = "related_title"
        elif roles[i] is None and i > 0 and roles[i - 1] == "related_title" and len(words[i]) <= 60 \
                and blocks[i].kind != "heading":
            roles[i] = "related_body"
        elif roles[i] is None:
            in_related = False

    # 4. Repeats of an earlier block (a headline or lead shown twice).
    seen: set[str] = set()
    for i in range(n):
        if roles[i] is None and lows[i] in seen:
            roles[i] = "duplicate"
        seen.add(lows[i])

    # 5. Shape and position for the rest.
    body_seen = False
    last_body = max((i for i in range(n) if roles[i] is None), default=-1)
    for i in range(n):
        if roles[i] is not None:
            if roles[i] in ("body", "list_item"):
                body_seen = True
            continue
        b, plain, low, ws = blocks[i], plains[i], lows[i], words[i]
        role = "body"
        if b.kind == "heading":
            role = "subheading"
        elif b.kind == "list_item":
            role = "list_item"
        elif (_NAME.match(plain) and b.kind == "paragraph") or _is_press_service(plain, low, ws, cues):
            role = "byline"
        elif _DOMAIN.match(plain) or (len(ws) <= 4 and low.startswith(STOCK_PHOTO)):
            role = "source_note" if body_seen else "photo_credit"
        elif not body_seen and title is not None and i > title and b.kind == "paragraph" and (
                _EMPHASISED.match(b.text.strip()) or _set_apart(roles, i)) and len(ws) <= 60:
            role = "standfirst"
        elif body_seen and i < last_body and _short_heading(plain, ws, lang) and b.kind == "paragraph":
            role = "subheading"
        roles[i] = role
        if role in ("body", "list_item"):
            body_seen = True
    return [r or "body" for r in roles]
