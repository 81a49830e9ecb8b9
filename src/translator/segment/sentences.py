"""Sentence splitting for news text in English, Russian and Kazakh.

The splitter follows the conventions of the project's gold data
(``../shared/data/README.md``):

1. split after ``.`` ``!`` ``?`` ``…`` when a new sentence follows; closing
   quotes and brackets stay with the sentence they close;
2. not after abbreviations, initials (also glued: ``Қ.Тоқаев``,
   ``Р.Т.Ердоған``), decimals, times, dates or datelines (``ASTANA. KAZINFORM –``);
3. an abbreviation that ends a sentence (``2021 г.`` before a new sentence)
   ends it with its period;
4. a quotation's last sentence stays with the attribution that follows;
5. a missing space after a full stop is still a boundary (``келді.Сонымен``);
7. ``:`` ``;`` and dashes never split.

How: one precompiled regex finds candidate ends (a run of terminal marks
and closing quotes/brackets); each candidate is judged from the word before
it and the word after it, with the language's abbreviation classes
(:mod:`.languages`). No per-character Python loop.

>>> text = "Қ.Тоқаев келді.Сонымен бірге 40 млн. теңге бөлінді."
>>> [text[s:e] for s, e in split_sentences(text, "kk")]
['Қ.Тоқаев келді.', 'Сонымен бірге 40 млн. теңге бөлінді.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .languages import LANGUAGES, get_language

__all__ = ["split_sentences", "sentence_texts"]

_TERMINALS = ".!?…"
_CLOSERS = "\"'»”“’)]*_›"
# A terminal mark, then any further terminals and closing quotes/brackets.
_CANDIDATE = re.compile(r"[.!?…][.!?…\"'»”“’)\]*_›]*")
# What follows a candidate: spaces, an optional dash, opening marks, a word.
_NEXT = re.compile(r"\s*(?P<dash>[-–—]+\s*)?(?P<open>[\"'«“„‘(\[*_‹]*)(?P<word>\S*)")
# A closing mark followed by a terminal: that terminal ends the sentence
# whatever precedes the closing mark (``млн.).``, ``ойлаймын”.``).
_CLOSED = re.compile(r"[\"'»”“’)\]*_›][.!?…]")
_OPENERS = "\"'«“„‘([*_‹"
_TRAIL = ",.;:!?…»”“\"')]*_›"
_START_SYMBOLS = frozenset("$€£₸₽¥#@№%")
# A figure: digits with separators, or a Roman numeral (``XX ғ.``).
# A case ending may follow (``2010-х гг.``, ``1990-жж.``).
_NUMBER = re.compile(r"^(?:\d[\d.,:/\-\u00a0]*(?<=\d)(?:-[^\W\d_]{1,4})?|[IVXLCM]+)$")
_WORD_ONLY = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "a-zа-яёәғқңөұүһі"
# A word of a place name: in capitals or title case, hyphenated parts allowed
# (``УСТЬ-КАМЕНОГОРСК``, ``Нур-Султан``, ``Ростов-на-Дону``).
_PLACE_WORD = rf"[{_UP}](?:[{_UP}]+|[{_LO}]+)(?:-(?:[{_UP}](?:[{_UP}]+|[{_LO}]+)|[{_LO}]+))*"
_SEP = r"(?:\s*[.,]\s*|\s+)"
_WINDOW = 80
_RANGE_TAIL = re.compile(r"[-–—/]([^\W\d_][\w.]*)$")


def _dateline_pattern(months: frozenset[str], agencies: frozenset[str]) -> re.Pattern[str]:
    """A dateline at the start of a block, up to and including its dash.

    ``ASTANA. KAZINFORM –``, ``УСТЬ-КАМЕНОГОРСК. 12 ноября. –``,
    ``Өскемен. 12 қараша. ҚазАқпарат –``, ``ALMATY, Nov. 12 (Kazinform) —``:
    a place, optionally a date (with a month name of any language we read,
    or in figures), optionally an agency (capitals, camel case or a known
    name), then a dash. A place in title case needs a date or an agency.
    """
    month = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    month = rf"(?i:{month})[{_LO}]*\.?"
    year = r"\d{4}(?:\s*[^\W\d_]{1,3}\.)?"
    date = (
        rf"(?:\d{{1,2}}[\s\-]+{month}(?:,?\s+{year})?"
        rf"|{month}\s+\d{{1,2}}(?:,?\s+{year})?"
        r"|\d{1,2}\.\d{1,2}\.\d{2,4})"
    )
    known = "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True))
    agency_word = (
        rf"(?:[{_UP}]{{2,}}|[{_UP}][{_LO}]+[{_UP}][\w]*"
        + (rf"|{known}" if known else "") + ")"
    )
    agency = rf"[(/]?\s*{agency_word}(?:[ \-/]{agency_word})*\)?"
    return re.compile(
        rf"^\s*[*_]*(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
        rf"(?:{_SEP}(?P<date>{date}))?(?:{_SEP}(?P<agency>{agency}))?"
        r"\s*[.,]?\s*[-–—]\s"
    )


@dataclass(frozen=True)
class _Rules:
    prefix: frozenset[str]
    after_number: frozenset[str]
    late_dates: frozenset[str]
    counting: frozenset[str]
    unit_followers: frozenset[str]
    general: frozenset[str]
    ambiguous: frozenset[str]
    before_number: frozenset[str]
    openers: frozenset[str]
    attribution: frozenset[str]
    attribution_dash: bool
    close_quotes: frozenset[str]
    known: frozenset[str]
    months: frozenset[str]
    dateline: re.Pattern[str]

    def dateline_end(self, text: str) -> int:
        """Where the dateline that opens ``text`` ends (0 if there is none)."""
        m = self.dateline.match(text)
        if not m:
            return 0
        place = m.group("place")
        if not (m.group("date") or m.group("agency")) and place.upper() != place:
            return 0
        return m.end()


@cache
def _rules(lang: str) -> _Rules:
    own = get_language(lang)
    records = [own] + [LANGUAGES[code] for code in own.borrows]

    def union(attr: str) -> frozenset[str]:
        out: set[str] = set()
        for rec in records:
            out |= getattr(rec, attr)
        return frozenset(out)

    prefix, after, general = union("prefix"), union("after_number"), union("general")
    ambiguous, before = union("ambiguous"), union("before_number")
    late = union("late_dates")
    # units and number words that may stand between a figure and a unit
    counting = after | union("number_words")
    # datelines name months and agencies of any language we read
    months = frozenset(m for rec in LANGUAGES.values() for m in rec.months)
    agencies = frozenset(a for rec in LANGUAGES.values() for a in rec.agencies)
    return _Rules(
        prefix=prefix, after_number=after, late_dates=late, counting=counting, unit_followers=union("unit_followers"), general=general, ambiguous=ambiguous,
        before_number=before, openers=union("openers"), attribution=union("attribution"),
        attribution_dash=own.attribution_dash,
        close_quotes=frozenset("".join(r.close_quotes for r in records)),
        known=prefix | after | late | general | ambiguous,
        months=months, dateline=_dateline_pattern(months, agencies),
    )


def _is_initials(tok: str) -> int:
    """Number of initials in ``tok`` (``О.К`` → 2, ``К.-Ж`` → 2), 0 if it is not initials."""
    pieces = tok.replace(".-", ".").replace("-", ".").split(".")
    for p in pieces:
        if len(p) != 1 or not p.isupper():
            return 0
    return len(pieces)


def _attribution_follows(text: str, pos: int, rules: _Rules) -> bool:
    """Is the text at ``pos`` a short attribution (``Toqayev said.``)?"""
    chunk = text[pos:pos + 60]
    m = re.search(r"[.!?…]", chunk)
    words = (chunk[:m.start()] if m else chunk).split()
    if not words or len(words) > 5:
        return False
    return any(w.strip(_TRAIL).lower() in rules.attribution for w in words)


def _after_figure(words: list[str], rules: _Rules) -> bool:
    """Do ``words`` end with a figure, maybe followed by units (``3 тыс.``, ``300 мың``)?"""
    for w in reversed(words[-4:]):
        w = w.strip(_OPENERS + _TRAIL)
        if _NUMBER.match(w.lstrip("$€£₸₽¥~≈+-−±")):
            return True
        if w.lower() not in rules.counting:
            return False
    return False


def _fronted(words: list[str], rules: _Rules) -> bool:
    """Are ``words`` only a date phrase (``В 2021``, ``С 1 по 15 октября 2025``)?

    Such a phrase opens a sentence or a clause after a comma (``В 2021 г.
    Токаев подписал…``, ``По данным ООН, в 2024 г. Арал…``); it is not a
    sentence, so a unit after it does not end one.
    """
    for i in range(len(words) - 1, -1, -1):
        if words[i].endswith(","):
            words = words[i + 1:]
            break
    for w in words:
        w = w.strip(_OPENERS + _TRAIL).lower()
        if not (len(w) <= 3 or _NUMBER.match(w) or w in rules.months or w in rules.known):
            return False
    return True


def _is_boundary(text: str, s: int, e: int, frag: int, rules: _Rules) -> bool:
    """Does the candidate ``text[s:e]`` (terminal marks and closers) end a sentence?"""
    run = text[s:e]
    glued = e < len(text) and not text[e].isspace()
    nxt = _NEXT.match(text, e)
    word = nxt.group("word")
    if not word:
        return False
    first = word[0]
    if first.islower():
        # a lower-case word continues the sentence, unless it is a brand
        # written in camel case (``eGov``, ``iPhone``)
        if not (word[:2].isalpha() and any(c.isupper() for c in word[1:4])):
            return False
    elif not (first.isupper() or first.isdigit() or first in _START_SYMBOLS):
        return False
    if glued and (run != "." or nxt.group("dash") or nxt.group("open")):
        return False
    if (run[-1] in rules.close_quotes and not glued
            and (nxt.group("dash") or not rules.attribution_dash)
            and _attribution_follows(text, nxt.start("word"), rules)):
        return False
    if any(c in "!?…" for c in run) or ".." in run or _CLOSED.search(run):
        return True

    # A single full stop, maybe followed by closing marks: look at the word before it.
    window = text[max(0, s - _WINDOW):s]
    if not window or window[-1].isspace():
        return True
    words = window.split()
    tok = words[-1].lstrip(_OPENERS)
    prev = words[-2].strip(_OPENERS + _TRAIL) if len(words) > 1 else ""
    if not tok:
        return True
    low = tok.lower()
    if len(tok) <= 2 and len(words) > 1 and (joined := f"{words[-2]}{tok}".lower()) in rules.known:
        low = joined  # written with a space: ``т. д.``, ``т. б.``
    elif low not in rules.known and (m := _RANGE_TAIL.search(low)) and m.group(1) in rules.known:
        low = m.group(1)  # a range or pair: ``Jan.-Oct.``, ``янв.–март.``
    clean = word.strip(_OPENERS + _TRAIL)

    if glued:
        # ``келді.Сонымен``: a word, a full stop, a capitalised word.
        return (
            bool(_WORD_ONLY.match(tok)) and tok[-1].islower() and len(tok.rsplit("-", 1)[-1]) >= 2
            and low not in rules.known and len(word) > 1 and word[1].islower()
        )
    # words of the sentence so far (a bounded window: only short counts matter)
    so_far = text[max(frag, s - 120):s].split()
    n_words = len(so_far)
    figure = _after_figure(words[:-1], rules)
    if low in rules.late_dates and figure:  # ``2024 ж. Ол…`` but ``2024 ж. Арал…``
        return clean in rules.openers
    if low in rules.after_number and figure:  # ``5 млн.``, chained: ``3 тыс. чел.``
        # ``в 2021 г. Строительство``: ends the sentence, unless the sentence
        # would be only ``В 2021 г.`` (a fronted date, not a sentence).
        # A typical opener after it needs less (``Пострадали 20 чел. Их…``).
        return (not first.isdigit() and clean not in rules.unit_followers and (n_words >= 4 or (n_words >= 3 and clean in rules.openers))
                and not _fronted(so_far, rules))
    if low in rules.prefix or low in rules.after_number or low in rules.late_dates:
        return False
    if low in rules.before_number and first.isdigit():
        return False
    if low in rules.ambiguous:
        return clean in rules.openers
    if low in rules.general:
        return not first.isdigit() and (clean in rules.openers or n_words >= 4)
    initials = _is_initials(tok)
    if initials:
        # ``Таурбекова О.К. Жители…``: initials after a surname end a sentence;
        # before a surname (``М. Оспанов``) they do not, nor do hyphenated
        # ones (``К.-Ж. Токаев``), nor those after an acronym (``РК О.К.``)
        # or a title (``Mr. A.B.``).
        if nxt.group("open"):
            return True  # ``on X. "The reforms…"``: a quote does not follow an initial
        return (
            initials >= 2 and "-" not in tok and first.isupper() and prev[:1].isupper()
            and bool(_WORD_ONLY.match(prev)) and len(prev) > 1 and prev != prev.upper()
            and prev.lower() not in rules.known  # ``Mr. A.B. Sultanov``
        )
    if tok.isdigit() and len(tok) <= 2 and (n_words <= 1 or words[-2].endswith((":", ";"))):
        return False  # an enumerator: ``1. ``, ``Итоги: 1. Рост…``
    if len(tok) == 1 and tok.isalpha():
        return False  # an unknown one-letter abbreviation
    if "." in tok and all(0 < len(p) <= 2 and p.isalpha() for p in tok.split(".")):
        # an unknown dotted abbreviation (``т.н``): like ``general``
        return not first.isdigit() and (clean in rules.openers or n_words >= 4)
    return True


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``text``.

    Spans are in order, do not overlap, hold no leading or trailing
    whitespace, and the text between them is whitespace only, so the spans
    and the gaps rebuild ``text`` exactly.
    """
    rules = _rules(lang)
    ends: list[int] = []
    frag = 0
    dateline = rules.dateline_end(text)  # a dateline is part of the first sentence
    for m in _CANDIDATE.finditer(text):
        s, e = m.span()
        if e >= len(text):
            break
        if s < dateline:
            continue
        if _is_boundary(text, s, e, frag, rules):
            ends.append(e)
            frag = e
    ends.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            left = start + (len(piece) - len(piece.lstrip()))
            spans.append((left, left + len(stripped)))
        start = end
    return spans


def sentence_texts(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` as strings (a convenience over :func:`split_sentences`)."""
    return [text[s:e] for s, e in split_sentences(text, lang)]
