"""Putting every concept of a translation into its preferred form.

Enforcement rewrites each occurrence found in the translation to the
concept's preferred form *in the grammatical form the translation used*:
the features of the matched ending are re-expressed on the preferred form
by the target language's morphology (kk ``Усть-Каменогорскіде`` → LOC →
``Өскеменде``; en ``Tokayev's`` → ``Toqayev's``). Nothing outside the
occurrences changes. Concepts of the source that the translation lacks are
reported as missing, forbidden forms as forbidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .matcher import Hit, Index
from .model import Change, Concept, Enforcement, Match, Term
from .morphology import get_morphology
from .text import HYPHENS, tokenize

__all__ = ["render", "rewrite", "enforce", "to_match", "protect", "PLACEHOLDER"]


def _preferred_for(concept: Concept, lang: str, words: int) -> Term | None:
    prefs = concept.preferred(lang)
    if not prefs:
        return None
    return min(prefs, key=lambda t: (abs(len(tokenize(t.text)) - words), prefs.index(t)))


def _source_tail(hit: Hit, text: str) -> str:
    s, e, stem_len = hit.spans[-1]
    return text[s + stem_len:hit.core_end]


def render(term: Term, ctype: str, features: tuple[str, ...], lang: str,
           source_tail: str = "") -> str:
    """``term`` in the grammatical form ``features`` of ``lang``."""
    morph = get_morphology(lang)
    tokens = tokenize(term.text)
    if not tokens:
        return term.text
    words = [t.text for t in tokens]
    seps = [term.text[a.end:b.start] for a, b in zip(tokens, tokens[1:], strict=False)]
    roles = morph.roles(words, seps, ctype)
    out, pos = [], 0
    for tok, role in zip(tokens, roles, strict=False):
        out.append(term.text[pos:tok.start])
        paradigm = morph.paradigm(tok.text, role, ctype, phrase=len(words) > 1)
        if paradigm is None or not features:
            out.append(tok.text)
        else:
            tail = source_tail if tok is tokens[-1] else ""
            out.append(morph.generate(tok.text, paradigm, features, tail)[0])
        pos = tok.end
    out.append(term.text[pos:])
    return "".join(out)


def _is_fine(hit: Hit, text: str, lang: str) -> bool:
    """Is the occurrence already the preferred form, correctly inflected?"""
    term = hit.pattern.term
    if hit.given:
        return False
    prefs = hit.concept.preferred(lang)
    if not any(p.text.casefold() == term.text.casefold() for p in prefs):
        return False
    morph = get_morphology(lang)
    for (_s, e, _n), (s2, _e2, _n2), sep in zip(hit.spans, hit.spans[1:], hit.pattern.seps,
                                               strict=False):
        if _sep_shape(text[e:s2]) != _sep_shape(sep):
            return False  # Samruk Kazyna is written Samruk-Kazyna
    feats_of = hit.word_features or (hit.features,) * len(hit.spans)
    for n, (word, (s, e, _stem)) in enumerate(zip(hit.pattern.words, hit.spans, strict=False)):
        feats = feats_of[n]
        if word.paradigm is None:
            if text[s:e].casefold() != word.text.casefold():
                return False
            continue
        end = hit.core_end if n == len(hit.spans) - 1 else e
        surface = text[s:end].casefold()
        tail = text[s + _stem:end] if n == len(hit.spans) - 1 else ""
        if not feats:
            ok = surface == word.text.casefold()
        else:
            ok = surface in {g.casefold() for g in morph.generate(word.text, word.paradigm,
                                                                   feats, tail)}
        if not ok:
            return False
    return True


def _sep_shape(sep: str) -> str:
    """A separator with any run of spaces as one space and any hyphen or dash as ``-``."""
    return "".join("-" if c in HYPHENS else c for c in " ".join(sep.split()) or (" " if sep else ""))


def _match_case(new: str, old: str, term: Term) -> str:
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not term.text.isupper():
        return new.upper()
    if old[:1].isupper() and not term.text[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]  # a capital the name does not explain: sentence start
    return new


def _suggest(hit: Hit, text: str, lang: str) -> tuple[str, Term | None]:
    """The replacement for the whole hit (initials included) and the term used."""
    concept = hit.concept
    pref = _preferred_for(concept, lang, hit.words)
    old_core = text[hit.core_start:hit.core_end]
    if pref is None or hit.elided:
        return text[hit.start:hit.end], None
    if _is_fine(hit, text, lang):
        new_core = old_core
    else:
        new_core = _match_case(render(pref, concept.type, hit.features, lang,
                                      _source_tail(hit, text)), old_core, hit.pattern.term)
    if new_core.casefold() == old_core.casefold() and new_core != old_core:
        new_core = old_core  # a difference in letter case only is not a rewrite
    before = text[hit.start:hit.core_start]
    after = text[hit.core_end:hit.end]
    if hit.initials:
        before, after = _initials(hit, text, lang, before, after)
    return before + new_core + after, pref


def _initials(hit: Hit, text: str, lang: str, before: str, after: str) -> tuple[str, str]:
    """Initials rewritten from the preferred full name (К.Тоқаев → Қ.Тоқаев in kk)."""
    fulls = [t for t in hit.concept.preferred(lang) if len(tokenize(t.text)) > 1]
    if not fulls:
        return before, after
    given = [tok.text[0] for tok in tokenize(fulls[0].text)[:-1]]
    if len(given) < len(hit.initials):
        return before, after
    chars = list(text)
    for (s, _e), letter in zip(hit.initials, given, strict=False):
        chars[s] = letter.upper()
    fixed = "".join(chars)
    return fixed[hit.start:hit.core_start], fixed[hit.core_end:hit.end]


def to_match(hit: Hit, text: str, lang: str) -> Match:
    concept = hit.concept
    preferred = concept.preferred_form(lang) or concept.preferred_form("en") or hit.pattern.term.text
    suggestion, _ = _suggest(hit, text, lang)
    return Match(hit.start, hit.end, text[hit.start:hit.end], concept.id, preferred,
                 hit.pattern.term, hit.features, suggestion, lang)


def rewrite(hits: list[Hit], text: str, lang: str) -> tuple[str, tuple[Change, ...]]:
    """Apply the preferred forms of ``hits`` to ``text``; returns the text and the changes."""
    out, pos, changes = [], 0, []
    for hit in hits:
        if hit.verbatim:  # a hashtag comes back as written
            continue
        if hit.end < len(text) and text[hit.end].isalpha():
            # letters glued after a name that ends in a stop ("U.S.іде"): the ending is not
            # parsed, so a new form would be spliced into an unknown word; leave it as written
            continue
        old = text[hit.start:hit.end]
        new, _term = _suggest(hit, text, lang)
        if new == old:
            continue
        out.append(text[pos:hit.start])
        out.append(new)
        pos = hit.end
        changes.append(Change(hit.start, hit.end, old, new, hit.concept.id,
                              hit.pattern.term.forbidden))
    out.append(text[pos:])
    return "".join(out), tuple(changes)


def enforce(source_index: Index, target_index: Index, source: str, target: str) -> Enforcement:
    """See :meth:`translator.glossary.Termbase.enforce`."""
    lang = target_index.lang
    target_hits = target_index.hits(target)
    fixed, changes = rewrite(target_hits, target, lang)
    present = {h.concept.id for h in target_hits}
    missing: list[str] = []
    for hit in source_index.hits(source):
        if hit.verbatim:  # a hashtag the translation lost is QA's hashtag finding
            continue
        cid = hit.concept.id
        if cid not in present and cid not in missing and hit.concept.forms(lang):
            missing.append(cid)
    forbidden = tuple(to_match(h, target, lang) for h in target_hits
                      if h.pattern.term.forbidden and not h.verbatim)
    return Enforcement(fixed, changes, tuple(missing), forbidden)


# -- engine side -------------------------------------------------------------

#: What a protected name looks like in the text sent to MT.
PLACEHOLDER = "[[{}]]"
_PLACEHOLDER_RE = re.compile(r"\[\s*\[\s*(\d+)\s*\]\s*\]|\[\s*(\d+)\s*\]\]|\[\[\s*(\d+)\s*\]?")
_BRACKET_DEBRIS = re.compile(r"\[\[|\]\]")


def protect(index: Index, text: str, *, mode: str = "normalise",
            target_index: Callable[[str], Index]) -> tuple[str, Callable[[str, str], str]]:
    """Prepare ``text`` for MT; ``restore(translation, target_lang)`` finishes the output.

    ``normalise`` rewrites every name to the source language's preferred form
    (the form MT has most likely seen). ``placeholder`` replaces each name with
    ``[[N]]``; restore puts the preferred target form back, even when MT has
    mangled the brackets, and removes whatever is left of a placeholder, so
    none ever reaches the output. Either way restore ends with enforcement.
    """
    hits = [h for h in index.hits(text) if not h.verbatim]
    if mode == "normalise":
        protected, _changes = rewrite(hits, text, index.lang)
    elif mode == "placeholder":
        parts, pos = [], 0
        for n, hit in enumerate(hits):
            parts.append(text[pos:hit.start])
            parts.append(PLACEHOLDER.format(n))
            pos = hit.end
        parts.append(text[pos:])
        protected = "".join(parts)
    else:
        raise ValueError(f"unknown protect mode {mode!r}; use 'normalise' or 'placeholder'")
    concepts = [h.concept for h in hits]

    def restore(translation: str, target_lang: str) -> str:
        target = target_index(target_lang)
        if mode == "placeholder":
            def put(m: re.Match) -> str:
                n = int(next(g for g in m.groups() if g is not None))
                if n >= len(concepts):
                    return ""
                form = concepts[n].preferred_form(target.lang) or concepts[n].preferred_form("en")
                return form or ""

            translation = _PLACEHOLDER_RE.sub(put, translation)
            translation = _BRACKET_DEBRIS.sub("", translation)
        result = enforce(index, target, text, translation)
        return result.target

    return protected, restore
