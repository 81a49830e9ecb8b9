"""Guessing the source language of an article: English, Russian or Kazakh.

Latin against Cyrillic letters separates English from the other two. Between
Russian and Kazakh, letters found only in Kazakh (``әғқңөұүһі``) are strong
evidence but not enough: Kazakh is often typed on a Russian keyboard
(``жане``, ``ушин``), and Russian news from Kazakhstan quotes Kazakh names.
So every Cyrillic word votes: Kazakh-only letters, function words and
typical endings of each language, all read from :mod:`.languages`.

>>> detect_language("Мемлекет басшысы Астанада шетел инвесторларымен кездесті.")
'kk'
>>> detect_language("Глава государства встретился с иностранными инвесторами.")
'ru'
"""

from __future__ import annotations

import re
from functools import cache

from .languages import LANGUAGES, LanguageData

__all__ = ["detect_language", "language_scores"]

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
_SAMPLE = 20_000  # characters looked at; enough for any article's language


@cache
def _own_letter_re(letters: str) -> re.Pattern[str]:
    return re.compile(f"[{letters}{letters.upper()}]")


def _cyrillic_languages() -> list[LanguageData]:
    return [lang for lang in LANGUAGES.values() if lang.code != "en"]


def language_scores(text: str) -> dict[str, float]:
    """Evidence for each language in ``text`` (higher is stronger)."""
    sample = text[:_SAMPLE]
    latin = len(_LATIN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    scores = {"en": float(latin)}
    cyr = _cyrillic_languages()
    votes = {lang.code: 0.0 for lang in cyr}
    for word in _CYR_WORD.findall(sample):
        low = word.lower()
        for lang in cyr:
            if lang.own_letters and _own_letter_re(lang.own_letters).search(word):
                # names (capitalised) travel between languages; common words do not
                votes[lang.code] += 0.5 if word[0].isupper() else 2.0
            if low in lang.stopwords:
                votes[lang.code] += 1.0
            if len(low) > 3 and low.endswith(lang.suffixes):
                votes[lang.code] += 0.5
    total = sum(votes.values()) or 1.0
    for code, vote in votes.items():
        # Split the Cyrillic letters between the Cyrillic languages by their votes;
        # with no votes at all, Russian (the language without own letters) wins.
        share = vote / total if sum(votes.values()) else (1.0 if code == "ru" else 0.0)
        scores[code] = cyrillic * share
    return scores


def detect_language(text: str) -> str:
    """``"en"``, ``"ru"`` or ``"kk"``: the language with the most evidence in ``text``.

    Mixed pages (a Kazakh article with Russian menus, an English article
    quoting Russian) go to the language of most of the words.
    """
    scores = language_scores(text)
    best = max(scores, key=lambda code: (scores[code], code == "en"))
    return best if scores[best] > 0 else "en"
