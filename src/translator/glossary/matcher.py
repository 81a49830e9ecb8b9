"""Finding the concepts of a termbase in a text, in any spelling and any form.

The index maps the folded *stem* of the first word of every term (as the
text's language inflects it) to the terms starting with it. A text word is
looked up by cutting off each possible tail (at most the language's longest
ending, a constant), so the work per word does not grow with the glossary:
``O(words × longest tail)`` dictionary look-ups whatever the glossary size.

A hit is kept when the tail is one the word's paradigm allows, the following
words of a multi-word term follow with compatible separators, a name that is
written with a capital does not start in lower case, and an abbreviation is
in capitals. Overlapping hits are resolved leftmost-longest. A person's
surname takes the given names or initials in front of it (``Қ.Тоқаев``,
``К.-Ж. Токаев``) or initials after it (``Токаева К-Ж.К.``) into the same
occurrence.

Nothing inside a URL, an e-mail address, an @mention, a code span or a
Markdown link target is a hit (``@mazhilis_press``,
``https://example.kz/news/mazhilis-budget``): those come back verbatim
(:func:`translator.markup.verbatim_spans`, the one definition markup and QA
use too), so the glossary neither reports nor rewrites them. A hashtag is
verbatim too, but a name that fills it (``#NeMolchiKZ``) is a mention of the
concept: it is reported (``Hit.verbatim``) and never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..markup import verbatim_spans
from .model import Concept, Term
from .morphdata import CAPITAL_TYPES, COORDINATORS, PATRONYMIC_MARKERS, SECONDARY_FEATURE_PREFIX
from .morphology import Morphology, get_morphology
from .text import HYPHENS, QUOTES, Token, fold, sep_key, tokenize

__all__ = ["Word", "Pattern", "Hit", "Index"]


@dataclass(frozen=True)
class Word:
    """One word of a term as a language inflects it."""

    text: str
    key: str  # folded stem
    paradigm: str | None  # None: written exactly so
    role: str
    caps: bool  # an abbreviation: the text must be in capitals too
    alt: str = ""  # folded stem as written before a vowel-initial suffix (әкімдіг-і)


@dataclass(frozen=True)
class Pattern:
    concept: Concept
    term: Term
    words: tuple[Word, ...]
    seps: tuple[str, ...]
    sep_keys: tuple[str, ...]
    capital: bool
    order: int
    trailing: str = ""  # punctuation the form ends with (the last dot of ``U.S.``, a quote)
    leading: str = ""  # an opening quote the form starts with (``«Астана» ...``)


@dataclass(frozen=True)
class Hit:
    """A match with everything enforcement needs to rewrite it."""

    pattern: Pattern
    start: int
    end: int
    core_start: int  # the words the preferred form replaces (without initials)
    core_end: int
    spans: tuple[tuple[int, int, int], ...]  # per pattern word: start, end, stem length
    features: tuple[str, ...]
    word_features: tuple[tuple[str, ...], ...] = ()  # per pattern word
    given: int = 0  # given-name words taken in front of a surname
    initials: tuple[tuple[int, int], ...] = ()  # spans of initial letters
    elided: bool = False  # a name whose head noun is shared with the next name
    verbatim: bool = False  # inside a hashtag: an occurrence, but never rewritten

    @property
    def concept(self) -> Concept:
        return self.pattern.concept

    @property
    def words(self) -> int:
        return self.given + len(self.pattern.words)


def _secondary(hit: Hit) -> bool:
    return bool(hit.features) and all(f.startswith(SECONDARY_FEATURE_PREFIX) for f in hit.features)


_PATRONYMIC = [fold(m) for m in PATRONYMIC_MARKERS]


def _patronymic(tok: Token) -> bool:
    """``Кемелевич``, ``Кемелұлы``, ``Кемелевичу``: a capitalised word with a patronymic ending."""
    if not tok.text[:1].isupper():
        return False
    key = tok.key
    return any(m in key[2:] and len(key) - key.rfind(m) - len(m) <= 3 for m in _PATRONYMIC)


def _initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isalpha() and tok.text.isupper()


def _initial_sep(sep: str) -> bool:
    core = sep.strip()
    return bool(core) and all(c == "." or c in HYPHENS for c in core) and "\n" not in sep


class Index:
    """The concepts of a termbase indexed for one text language."""

    def __init__(self, concepts: Iterable[Concept], lang: str) -> None:
        self.lang = lang
        self.morph: Morphology = get_morphology(lang)
        self.max_tail = self.morph.max_tail
        self._first: dict[str, list[Pattern]] = {}
        self._given: dict[str, list[Pattern]] = {}
        self._heads: dict[tuple[str, str | None], list[Pattern]] = {}
        self._coordinators = {fold(w) for w in COORDINATORS.get(lang, ())}
        self._vowels = getattr(self.morph, "vowel_keys", frozenset())
        order = 0
        for concept in concepts:
            for term in concept.terms:
                pattern = self._pattern(concept, term, order)
                if pattern is None:
                    continue
                order += 1
                self._first.setdefault(pattern.words[0].key, []).append(pattern)
                if pattern.words[0].alt:
                    self._first.setdefault(pattern.words[0].alt, []).append(pattern)
                if concept.type == "person" and len(pattern.words) > 1:
                    self._given.setdefault(concept.id, []).append(pattern)
                last = pattern.words[-1]
                if len(pattern.words) > 1 and last.paradigm is not None:
                    self._heads.setdefault((last.key, last.paradigm), []).append(pattern)
        for patterns in self._given.values():
            patterns.sort(key=lambda p: -len(p.words))

    def __len__(self) -> int:
        return sum(len(v) for v in self._first.values())

    def _pattern(self, concept: Concept, term: Term, order: int) -> Pattern | None:
        tokens = tokenize(term.text)
        if not tokens:
            return None
        texts = [t.text for t in tokens]
        seps = [term.text[a.end:b.start] for a, b in zip(tokens, tokens[1:], strict=False)]
        sep_keys = [sep_key(s) for s in seps]
        if any(k is None for k in sep_keys):
            return None
        roles = self.morph.roles(texts, seps, concept.type)
        words = []
        for text, role in zip(texts, roles, strict=False):
            paradigm = self.morph.paradigm(text, role, concept.type, phrase=len(texts) > 1)
            stem = self.morph.stem(text, paradigm)
            if not stem:
                paradigm, stem = None, text
            caps = sum(c.isalpha() for c in text) >= 2 and text.isupper()
            alt = ""
            if paradigm is not None and hasattr(self.morph, "alternate"):
                alt = fold(self.morph.alternate(stem))
            words.append(Word(text, fold(stem), paradigm, role, caps, alt))
        capital = concept.type in CAPITAL_TYPES and term.text[:1].isupper()
        trailing = term.text[tokens[-1].end:].strip()
        if trailing and not (trailing == "." and len(texts[-1]) == 1 or set(trailing) <= set(QUOTES)):
            trailing = ""
        leading = term.text[:tokens[0].start].strip()
        if not set(leading) <= set(QUOTES):
            leading = ""
        return Pattern(concept, term, tuple(words), tuple(seps), tuple(sep_keys), capital, order,
                       trailing, leading)

    # -- matching ------------------------------------------------------------
    def _word(self, word: Word, tok: Token) -> tuple[str, ...] | None:
        """Features of ``tok`` as a form of ``word``, or None when it is not one."""
        n = len(word.key)
        if not tok.key.startswith(word.key) and not (
                word.alt and tok.key.startswith(word.alt) and tok.key[n:n + 1] in self._vowels):
            return None
        tail = tok.key[n:]
        feats = self.morph.tails(word.paradigm).get(tail)
        if feats is None:
            return None
        if word.caps and not tok.text[:n].isupper():
            return None
        return feats

    def _sep_ok(self, prev_word: Word | None, want: str, text_sep: str) -> bool:
        got = sep_key(text_sep)
        if got is None or "\n\n" in text_sep:
            return False
        if got == want:
            return True
        initial = prev_word is not None and len(prev_word.text) == 1
        return initial and got in ("", ".") and want in ("", ".")

    def hits(self, text: str) -> list[Hit]:
        """Every occurrence of every concept in ``text``, leftmost-longest, not overlapping."""
        tokens = tokenize(text)
        found = self._candidates(text, tokens)
        # Leftmost, longest, then a term whose own form this is (Назарбаевой is
        # Назарбаева's, Назарбаева is Назарбаев's), a whole listed name before a
        # surname with given names taken in front, then glossary order.
        found.sort(key=lambda h: (h.start, -(h.end - h.start), _secondary(h), h.given > 0,
                                  h.pattern.order))
        out: list[Hit] = []
        last_end = -1
        for hit in found:
            if hit.start >= last_end:
                out.append(hit)
                last_end = hit.end
        if self._coordinators and any(len(h.pattern.words) > 1 for h in out):
            out = self._shared_heads(text, tokens, out)
        return out

    def candidates(self, text: str) -> list[Hit]:
        """Every reading of every span, overlapping ones included (for glossary checks)."""
        return self._candidates(text, tokenize(text))

    def _candidates(self, text: str, tokens: list[Token]) -> list[Hit]:
        found: list[Hit] = []
        first = self._first
        tails_of = self.morph.tails
        for i, tok in enumerate(tokens):
            key = tok.key
            size = len(key)
            for k in range(size, max(0, size - self.max_tail) - 1, -1):
                if k == 0:
                    break
                patterns = first.get(key[:k])
                if not patterns:
                    continue
                tail = key[k:]
                for pattern in patterns:
                    w0 = pattern.words[0]
                    feats = tails_of(w0.paradigm).get(tail)
                    if feats is None:
                        continue
                    if w0.alt and key[:k] != w0.key and tail[:1] not in self._vowels:
                        continue
                    if w0.caps and not tok.text[:k].isupper():
                        continue
                    if pattern.capital and tok.text[:1].islower():
                        continue
                    hit = self._rest(text, tokens, i, pattern, feats, k)
                    if hit is not None:
                        found.append(hit)
        verbatim = verbatim_spans(text)
        if verbatim and found:
            found = [h for h in (_outside_verbatim(text, h, verbatim) for h in found) if h is not None]
        return found

    def _shared_heads(self, text: str, tokens: list[Token], hits: list[Hit]) -> list[Hit]:
        """Add the names before a multi-word name that share its head noun."""
        at = {t.start: n for n, t in enumerate(tokens)}
        by_span = {(h.start, h.end): h for h in hits}
        for hit in list(hits):
            last = hit.pattern.words[-1]
            if len(hit.pattern.words) < 2 or last.paradigm is None or hit.given or hit.initials:
                continue
            candidates = self._heads.get((last.key, last.paradigm), ())
            pos = at.get(hit.core_start)
            while pos:
                q, coordinated = pos - 1, 0
                while q >= 0 and tokens[q].key in self._coordinators and coordinated < 2 \
                        and not text[tokens[q].end:tokens[q + 1].start].strip():
                    q, coordinated = q - 1, coordinated + 1
                if q < 0:
                    break
                sep = text[tokens[q].end:tokens[q + 1].start].strip()
                if sep != "," and not (coordinated and sep in ("", ",")):
                    break
                new = self._elided(text, tokens, q, candidates)
                if new is None:
                    break
                old = by_span.get((new.start, new.end))
                if old is not None and len(old.pattern.words) == 1:
                    del by_span[(old.start, old.end)]
                elif any(h.start < new.end and new.start < h.end for h in by_span.values()):
                    break
                by_span[(new.start, new.end)] = new
                pos = at[new.start]
        return sorted(by_span.values(), key=lambda h: h.start)

    def _elided(self, text: str, tokens: list[Token], q: int,
                candidates: Iterable[Pattern]) -> Hit | None:
        """A name without its head noun ending at token ``q`` (``Алматинской`` of ``...областях``)."""
        for pattern in candidates:
            words = pattern.words[:-1]
            first = q - len(words) + 1
            if first < 0:
                continue
            feats, spans = [], []
            for n, word in enumerate(words):
                tok = tokens[first + n]
                if n and not self._sep_ok(words[n - 1], pattern.sep_keys[n - 1],
                                          text[tokens[first + n - 1].end:tok.start]):
                    break
                f = self._word(word, tok)
                if f is None:
                    break
                feats.append(f)
                spans.append((tok.start, tok.end, len(word.key)))
            else:
                if pattern.capital and tokens[first].text[:1].islower():
                    continue
                start, end = tokens[first].start, tokens[q].end
                return Hit(pattern, start, end, start, end, tuple(spans),
                           feats[-1] if feats else (), tuple(feats), elided=True)
        return None

    def _rest(self, text: str, tokens: list[Token], i: int, pattern: Pattern,
              feats: tuple[str, ...], k: int) -> Hit | None:
        spans = [(tokens[i].start, tokens[i].end, k)]
        all_feats = [feats]
        j = i
        for n, word in enumerate(pattern.words[1:], 1):
            j = i + n
            if j >= len(tokens):
                return None
            tok = tokens[j]
            if not self._sep_ok(pattern.words[n - 1], pattern.sep_keys[n - 1],
                                text[tokens[j - 1].end:tok.start]):
                return None
            f = self._word(word, tok)
            if f is None:
                return None
            spans.append((tok.start, tok.end, len(word.key)))
            all_feats.append(f)
        end = tokens[j].end
        # A suffix joined with a hyphen (ҚР-ның) belongs to the name.
        last = pattern.words[-1]
        if (not all_feats[-1] and last.paradigm and j + 1 < len(tokens)
                and text[end:tokens[j + 1].start] in HYPHENS
                and tokens[j + 1].text[:1].islower()):
            f = self.morph.tails(last.paradigm).get("-" + tokens[j + 1].key)
            if f:
                all_feats[-1] = f
                end = tokens[j + 1].end
                j += 1
        start = tokens[i].start
        if pattern.trailing:
            if text[end:end + len(pattern.trailing)] == pattern.trailing:
                end += len(pattern.trailing)
            elif pattern.trailing == ".":
                return None  # U.S. needs its last dot; a quote may be dropped
        if pattern.leading and text[max(0, start - len(pattern.leading)):start] == pattern.leading:
            start -= len(pattern.leading)
        all_feats = [self.morph.features(w.paradigm, f)
                     for w, f in zip(pattern.words, all_feats, strict=False)]
        features = self._features(pattern, all_feats)
        hit = Hit(pattern, start, end, start, end, tuple(spans), features, tuple(all_feats))
        if pattern.concept.type == "person" and len(pattern.words) == 1:
            hit = self._extend_person(text, tokens, i, j, hit)
        return hit

    def _features(self, pattern: Pattern, all_feats: list[tuple[str, ...]]) -> tuple[str, ...]:
        declined = [f for w, f in zip(pattern.words, all_feats, strict=False) if w.paradigm]
        if not declined:
            return ()
        common = declined[-1]
        for f in declined[:-1]:
            both = tuple(x for x in common if x in f)
            if both:
                common = both
        return common

    def _extend_person(self, text: str, tokens: list[Token], i: int, j: int, hit: Hit) -> Hit:
        # Given names from the concept's full names, in any language's spelling, perhaps
        # with a patronymic before the surname (kept as written: only the surname is fixed).
        patronymic = i > 0 and _patronymic(tokens[i - 1]) and \
            not text[tokens[i - 1].end:tokens[i].start].strip()
        for skip in ((0, 1) if patronymic else (0,)):
            anchor = i - skip
            for full in self._given.get(hit.concept.id, ()):
                given = full.words[:-1]
                n = len(given)
                if anchor - n < 0:
                    continue
                if not self._sep_ok(given[-1], full.sep_keys[-1],
                                    text[tokens[anchor - 1].end:tokens[anchor].start]):
                    continue
                ok = True
                for m, word in enumerate(given):
                    tok = tokens[anchor - n + m]
                    if m and not self._sep_ok(given[m - 1], full.sep_keys[m - 1],
                                              text[tokens[anchor - n + m - 1].end:tok.start]):
                        ok = False
                        break
                    if self._word(word, tok) is None:
                        ok = False
                        break
                if ok and not (full.capital and tokens[anchor - n].text[:1].islower()):
                    start = tokens[anchor - n].start
                    if skip:
                        return Hit(hit.pattern, start, hit.end, hit.core_start, hit.core_end,
                                   hit.spans, hit.features, hit.word_features)
                    return Hit(hit.pattern, start, hit.end, start, hit.core_end, hit.spans,
                               hit.features, hit.word_features, given=n)
        # Initials in front: Қ.Тоқаев, К.-Ж. Токаев, Р.Т.Ердоған.
        initials = []
        m = i - 1
        while m >= 0 and _initial(tokens[m]) and _initial_sep(text[tokens[m].end:tokens[m + 1].start]):
            if m == i - 1 and "." not in text[tokens[m].end:tokens[m + 1].start]:
                break
            initials.insert(0, (tokens[m].start, tokens[m].end))
            m -= 1
        if initials:
            return Hit(hit.pattern, initials[0][0], hit.end, hit.core_start, hit.core_end,
                       hit.spans, hit.features, hit.word_features, initials=tuple(initials))
        # Initials after: Токаева К-Ж.К.
        m = j + 1
        after = []
        if m < len(tokens) and text[hit.end:tokens[m].start].strip() == "" and \
                "\n" not in text[hit.end:tokens[m].start]:
            while m < len(tokens) and _initial(tokens[m]):
                nxt = tokens[m + 1].start if m + 1 < len(tokens) else len(text)
                sep = text[tokens[m].end:nxt]
                if not sep.startswith((".",) + tuple(HYPHENS)):
                    break
                after.append((tokens[m].start, tokens[m].end))
                if not _initial_sep(sep) or m + 1 >= len(tokens) or not _initial(tokens[m + 1]):
                    break
                m += 1
            if after:
                last_end = after[-1][1]
                if text[last_end:last_end + 1] != ".":
                    after = []
                else:
                    return Hit(hit.pattern, hit.start, last_end + 1, hit.core_start, hit.core_end,
                               hit.spans, hit.features, hit.word_features, initials=tuple(after))
        return hit


def _outside_verbatim(text: str, hit: Hit, spans: list[tuple[int, int]]) -> Hit | None:
    """``hit`` if it is prose, flagged if it lies within a hashtag, None inside other verbatim text."""
    for a, b in spans:
        if a < hit.end and hit.start < b:
            if text[a] == "#" and a < hit.start and hit.end <= b:
                return replace(hit, verbatim=True)
            return None
    return hit
