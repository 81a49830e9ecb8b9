"""The checks. Each is a small function registered with its id and severity.

Per-language behaviour is data: separators and quote marks come from the
locale records, percent and currency words from :mod:`.numbers`, expected
length ratios from :data:`LENGTH_RATIO`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from ..locales import LOCALES, get_locale
from ..markup import EMAIL_RE, HASHTAG_RE, MENTION_RE, URL_RE, trim_url
from ..segment.languages import LANGUAGES
from .numbers import find_currencies, is_percentage
from .registry import ERROR, WARNING, Pair, register

__all__ = ["LENGTH_RATIO", "LENGTH_MIN_CHARS", "LENGTH_BAND", "QUOTE_PAIRS", "BRACKET_PAIRS", "SPECIFIC_LETTERS",
           "LANGUAGE_MIN_LETTERS"]


# -- pseudo output ---------------------------------------------------------------

@register("pseudo", ERROR)
def pseudo(p: Pair) -> Iterator[str]:
    """The target is pseudo-localised output, not a translation; it must never be published."""
    if p.pseudo:
        yield "the target is pseudo-translation output, not a translation; translate it before publishing"


# -- numbers, percentages, amounts -----------------------------------------------

@register("numbers", ERROR)
def numbers(p: Pair) -> Iterator[str]:
    """Every number of the source is in the target with the same value (read with each language's separators)."""
    src, tgt = p.source_numbers, p.target_numbers
    if p.pseudo:  # pseudo output copies numbers as written; its scale words are not words of any language
        src_texts, tgt_texts = Counter(n.text for n in src), Counter(n.text for n in tgt)
        for text in dict.fromkeys(n.text for n in src):
            if src_texts[text] > tgt_texts[text]:
                yield f"number {text} of the source is missing or changed in the pseudo output"
        return
    missing = Counter(n.value for n in src) - Counter(n.value for n in tgt)
    extra = Counter(n.value for n in tgt) - Counter(n.value for n in src)
    seen = set()
    for n in src:
        if not missing[n.value] or n.value in seen:
            continue
        seen.add(n.value)
        rescaled = next((t for t in tgt if extra[t.value] and t.digits_value == n.digits_value), None)
        misread = next((t for t in tgt if extra[t.value] and t.text == n.text), None)
        if rescaled is not None:  # same digits, another scale word (or none)
            seen.add(rescaled.value)
            yield (f"number {n.text} is {_plain(n.value)} in the source but {_plain(rescaled.value)}"
                   " in the target; check the scale word (thousand, million, billion)")
        elif misread is not None:  # same characters, other separators: "7,000" is 7 in Russian
            seen.add(misread.value)
            yield (f"number {n.text} of the source reads as {_plain(misread.digits_value)} in"
                   f" {p.target_locale.language}; write {_format(n.digits_value, p.target_lang)}")
        else:
            yield f"number {n.text} of the source is missing or changed in the target"
    for t in tgt:
        if extra[t.value] and t.value not in seen:
            seen.add(t.value)
            yield f"number {t.text} in the target is not in the source"


def _plain(value) -> str:
    return format(value.normalize(), "f")


def _format(value, lang: str) -> str:
    """``value`` as ``lang`` writes it (CLDR through Babel): 7000 is ``7 000`` (no-break space) in ru."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=get_locale(lang).babel, decimal_quantization=False)


@register("percent", ERROR)
def percent(p: Pair) -> Iterator[str]:
    """A percentage of the source is still a percentage in the target (``%`` or the language's word)."""
    src = Counter(n.value for n in p.source_numbers if is_percentage(p.masked_source, n, p.source_lang))
    tgt = Counter(n.value for n in p.target_numbers if is_percentage(p.masked_target, n, p.target_lang))
    for value in src - tgt:
        yield f"{_plain(value)}% of the source is not a percentage in the target"


@register("currency", ERROR)
def currency(p: Pair) -> Iterator[str]:
    """A currency the source names (``€44``, ``44 euros``) is named in the target (``€``, ``EUR`` or ``евро``)."""
    tgt_codes = {c.code for c, _ in find_currencies(p.masked_target, p.target_lang)}
    reported = set()
    for cur, m in find_currencies(p.masked_source, p.source_lang):
        if cur.code in tgt_codes or cur.code in reported:
            continue
        reported.add(cur.code)
        names = ", ".join(cur.names(p.target_lang))
        yield f"{_amount(p, m)}: the target does not name the currency ({names})"


def _amount(p: Pair, m: re.Match[str]) -> str:
    """``amount €44`` when a number stands right next to the currency mention, else ``currency euro``."""
    near = [n for n in p.source_numbers if n.end <= m.start() <= n.end + 2 or m.end() <= n.start <= m.end() + 2]
    if not near:
        return f"currency {m.group()}"
    start = min(m.start(), *(n.start for n in near))
    end = max(m.end(), *(n.end for n in near))
    return f"amount {p.source[start:end]}"


# -- things kept verbatim ----------------------------------------------------------

def _verbatim(p: Pair, pattern: re.Pattern[str], kind: str, clean=lambda s: s) -> Iterator[str]:
    target_items = {clean(m.group()) for m in pattern.finditer(p.target)}
    seen = set()
    for m in pattern.finditer(p.source):
        item = clean(m.group())
        if item in seen:
            continue
        seen.add(item)
        if item not in target_items:
            yield f"{kind} {item} is missing or changed in the target; keep it exactly as in the source"


@register("url", ERROR)
def url(p: Pair) -> Iterator[str]:
    """Every URL of the source is in the target, character for character."""
    yield from _verbatim(p, URL_RE, "URL", trim_url)


_LINK_TARGET = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


@register("link", ERROR)
def link(p: Pair) -> Iterator[str]:
    """Every relative Markdown link target (``[text](/news/123)``) of the source is in the target unchanged."""
    targets = set(_LINK_TARGET.findall(p.target))
    for href in dict.fromkeys(_LINK_TARGET.findall(p.source)):
        if href not in targets and not URL_RE.match(href):  # absolute URLs: the url check reports them
            yield f"link target {href} is missing or changed in the target; keep it exactly as in the source"


_MARKUP = re.compile(r"\*\*|__|`|(?<!\*)\*(?!\*)|<(/?[A-Za-z][\w-]*)[^>]*>")


def _markup(text: str) -> Counter:
    return Counter(f"<{m.group(1)}>" if m.group(1) else m.group() for m in _MARKUP.finditer(text))


@register("markup", WARNING)
def markup(p: Pair) -> Iterator[str]:
    """Inline markup (``**``, ``*``, ``__``, backticks, HTML tags) is kept as many times as in the source."""
    src, tgt = _markup(p.masked_source), _markup(p.masked_target)
    for mark in sorted(set(src) | set(tgt)):
        if src[mark] != tgt[mark]:
            yield f"markup {mark!r} appears {src[mark]} time(s) in the source but {tgt[mark]} in the target"


@register("email", ERROR)
def email(p: Pair) -> Iterator[str]:
    """Every e-mail address of the source is in the target unchanged."""
    yield from _verbatim(p, EMAIL_RE, "e-mail address")


@register("hashtag", ERROR)
def hashtag(p: Pair) -> Iterator[str]:
    """Every hashtag (``#NeMolchiKZ``) of the source is in the target unchanged: a changed tag links elsewhere."""
    yield from _verbatim(p, HASHTAG_RE, "hashtag")


@register("mention", ERROR)
def mention(p: Pair) -> Iterator[str]:
    """Every @mention of the source is in the target unchanged."""
    yield from _verbatim(p, MENTION_RE, "mention")


# -- glossary ------------------------------------------------------------------------

def _attr(obj, *names: str) -> str | None:
    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value
    return None


@register("glossary-forbidden", ERROR, on_pseudo=False)
def glossary_forbidden(p: Pair) -> Iterator[str]:
    """The target uses a form the glossary forbids (an outdated name, a wrong spelling)."""
    if p.enforcement is None:
        return
    for match in p.enforcement.forbidden:
        text = _attr(match, "text") or str(match)
        concept = _attr(match, "concept_id")
        preferred = _attr(match, "suggestion", "preferred")  # the preferred form in the case used
        where = f" for {concept}" if concept else ""
        fix = f"; use {preferred!r}" if preferred else ""
        yield f"the glossary forbids {text!r}{where}{fix}"


@register("glossary-form", WARNING, on_pseudo=False)
def glossary_form(p: Pair) -> Iterator[str]:
    """The target names a glossary concept with a non-preferred form."""
    if p.enforcement is None:
        return
    for change in p.enforcement.changes:
        if getattr(change, "forbidden", False):
            continue  # reported by glossary-forbidden
        old = _attr(change, "old", "found", "before", "text", "source")
        new = _attr(change, "new", "replacement", "after", "preferred", "target")
        concept = _attr(change, "concept_id", "concept")
        where = f" for {concept}" if concept else ""
        if old and new:
            yield f"non-preferred form {old!r}{where}; the glossary prefers {new!r}"
        else:
            yield f"non-preferred form{where}: {change}"


@register("glossary-missing", WARNING, on_pseudo=False)
def glossary_missing(p: Pair) -> Iterator[str]:
    """A glossary concept of the source does not appear in the target."""
    if p.enforcement is None or not p.enforcement.missing:
        return
    preferred: dict[str, str] = {}
    concepts_in = getattr(p.termbase, "concepts_in", None)
    if concepts_in is not None:
        preferred = dict(concepts_in(p.source, p.source_lang, p.target_lang))
    for concept in p.enforcement.missing:
        expected = preferred.get(concept)
        hint = f"; expected {expected!r}" if expected else ""
        yield f"glossary concept {concept} of the source is missing in the target{hint}"


# -- untranslated text --------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SCRIPTS = {"Latn": "LATIN", "Cyrl": "CYRILLIC"}


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _has_common_words(text: str) -> bool:
    """Two or more words, one of them a lower-case word of three letters or more.

    Headlines of names only (``Astana Open 2024``, ``Kassym-Jomart Toqayev``)
    and single words may legitimately stay as they are.
    """
    words = _WORD.findall(text)
    return len(words) >= 2 and any(w[0].islower() and len(w) >= 3 for w in words)


@register("untranslated", WARNING, on_pseudo=False)
def untranslated(p: Pair) -> Iterator[str]:
    """The target is the source copied through (names-only and one-word strings excepted)."""
    if _same_text(p.source, p.target) and _has_common_words(p.masked_source):
        yield "the target is the source text, untranslated"


def _script(word: str) -> str:
    return unicodedata.name(word[0], "").split(" ")[0]


@register("copied-source", WARNING, on_pseudo=False)
def copied_source(p: Pair) -> Iterator[str]:
    """Part of the target is source text left untranslated (three or more common words, across scripts)."""
    src_script = _SCRIPTS.get(p.source_locale.script)
    if src_script is None or src_script == _SCRIPTS.get(p.target_locale.script) or _same_text(p.source, p.target):
        return
    source_words = " ".join(w.casefold() for w in _WORD.findall(p.masked_source))
    run: list[str] = []
    for word in [*_WORD.findall(p.masked_target), ""]:
        if word and _script(word) == src_script:
            run.append(word)
            continue
        lower = [w for w in run if w[0].islower()]
        phrase = " ".join(run)
        if len(run) >= 3 and lower and f" {phrase.casefold()} " in f" {source_words} ":
            yield f"the target keeps source text untranslated: {phrase!r}"
        run = []


#: Letters only one language of a script uses: a Kazakh (Cyrillic) text of any
#: length has some; a Russian text has none. Keyed by locale code; read from the
#: language records language detection uses (``LanguageData.own_letters``).
SPECIFIC_LETTERS: dict[str, str] = {code: data.own_letters for code, data in LANGUAGES.items()
                                    if data.own_letters}
#: Letters of a script a text needs before the language check judges it.
LANGUAGE_MIN_LETTERS = 40


@register("wrong-language", WARNING, on_pseudo=False)
def wrong_language(p: Pair) -> Iterator[str]:
    """The target looks like another language of its script (Russian in a Kazakh catalog, or the reverse)."""
    text = p.masked_target.casefold()
    own = SPECIFIC_LETTERS.get(p.target_locale.code)
    if own is not None:
        letters = sum(1 for ch in text if ch.isalpha() and _script(ch) == _SCRIPTS.get(p.target_locale.script))
        if letters >= LANGUAGE_MIN_LETTERS and not any(ch in own for ch in text):
            yield (f"the target has none of the letters of {p.target_locale.code} ({' '.join(own)});"
                   " is it in another language?")
        return
    for code, marks in SPECIFIC_LETTERS.items():
        if _LOCALE_SCRIPTS.get(code) != p.target_locale.script:
            continue
        words = [w for w in _WORD.findall(text) if any(ch in marks for ch in w)]
        if len(words) >= 2:
            yield (f"the target has words in the letters of {code} ({', '.join(words[:3])});"
                   " is it in another language?")


_LOCALE_SCRIPTS = {code: info.script for code, info in LOCALES.items()}


# -- quotes and brackets ------------------------------------------------------------

#: Quote pairs every language may use; each language's own pairs are tried first.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("«", "»"), ("„", "“"), ("“", "”"), ("‘", "’"), ('"', '"'))
BRACKET_PAIRS: tuple[tuple[str, str], ...] = (("(", ")"), ("[", "]"), ("{", "}"))


def _balance(text: str, pairs: tuple[tuple[str, str], ...]) -> tuple[int, int]:
    """(unclosed openers, closers without an opener) of ``text``.

    A character that can both close and open (``“`` closes „ in Russian and
    opens in English; ``"`` both) closes when the innermost open mark expects
    it, and opens otherwise. ``’`` is an apostrophe unless a ``‘`` is open.
    """
    openers: dict[str, list[str]] = {}
    closers: set[str] = set()
    for o, c in pairs:
        openers.setdefault(o, []).append(c)
        closers.add(c)
    stack: list[str] = []
    stray = 0
    for ch in text:
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in openers:
            stack.append(openers[ch][0])
        elif ch in closers:
            if ch == "’":
                continue  # apostrophe
            if ch in stack:  # closes an outer mark: the inner ones were left open
                while stack and stack[-1] != ch:
                    stack.pop()
                    stray += 1
                stack.pop()
            else:
                stray += 1
    return len(stack), stray


def _quote_pairs(locale) -> tuple[tuple[str, str], ...]:
    own = (locale.quotes, locale.inner_quotes)
    return own + tuple(q for q in QUOTE_PAIRS if q not in own)


def _balance_message(kind: str, src: tuple[int, int], tgt: tuple[int, int]) -> str | None:
    if tgt == src:
        return None
    (s_open, s_stray), (t_open, t_stray) = src, tgt
    if t_open > s_open:
        return f"the target leaves {t_open - s_open} {kind} open that the source closes"
    if t_stray > s_stray:
        return f"the target closes {t_stray - s_stray} {kind} that it never opened"
    return f"the target's {kind} do not match the source's"


@register("quotes", WARNING)
def quotes(p: Pair) -> Iterator[str]:
    """Quotation marks open and close as in the source (« », „ “, “ ”, ‘ ’, " ")."""
    msg = _balance_message("quotation mark(s)", _balance(p.source, _quote_pairs(p.source_locale)),
                           _balance(p.target, _quote_pairs(p.target_locale)))
    if msg:
        yield msg


@register("brackets", WARNING)
def brackets(p: Pair) -> Iterator[str]:
    """Brackets open and close as in the source."""
    msg = _balance_message("bracket(s)", _balance(p.source, BRACKET_PAIRS), _balance(p.target, BRACKET_PAIRS))
    if msg:
        yield msg


# -- length --------------------------------------------------------------------------

#: Typical length of a translation relative to its source, per language pair
#: (rough figures for news prose: Russian and Kazakh run longer than English).
LENGTH_RATIO: dict[tuple[str, str], float] = {
    ("en", "ru"): 1.15, ("en", "kk"): 1.1,
    ("ru", "en"): 0.87, ("kk", "en"): 0.9,
    ("ru", "kk"): 0.95, ("kk", "ru"): 1.05,
}
#: A target may be this many times shorter or longer than typical before the check fires.
LENGTH_BAND = 2.0
#: Sources shorter than this are not judged: short strings vary too much.
LENGTH_MIN_CHARS = 20


@register("length", WARNING, on_pseudo=False)
def length(p: Pair) -> Iterator[str]:
    """The target is suspiciously short or long for its source (only for sources of 20 characters or more)."""
    src, tgt = len(p.source.strip()), len(p.target.strip())
    if src < LENGTH_MIN_CHARS or not tgt:
        return
    expected = LENGTH_RATIO.get((p.source_locale.language, p.target_locale.language), 1.0)
    ratio = tgt / src
    if ratio < expected / LENGTH_BAND:
        yield f"the target is suspiciously short ({tgt} characters for {src}); is something left out?"
    elif ratio > expected * LENGTH_BAND:
        yield f"the target is suspiciously long ({tgt} characters for {src}); is something added?"

