"""Inflection engines that read the data in :mod:`translator.glossary.morphdata`.

For matching, each word of a glossary term gets a *paradigm*: the set of
endings (*tails*) the word may carry in running text, each with the
grammatical features it expresses. Matching looks the stem up in an index
and the tail up in the paradigm's table, so no language is special-cased.
Tails are recognised tolerantly (any allomorph, either vowel harmony), and
generated strictly (the right allomorph for the stem), which is how
enforcement re-derives ``Өскеменде`` from ``Усть-Каменогорскіде``.

>>> kk = get_morphology("kk")
>>> kk.generate("Өскемен", "regular", ("LOC",))[0]
'Өскеменде'
>>> ru = get_morphology("ru")
>>> ru.generate("Астана", "a_noun", ("loc",))[0]
'Астане'
"""

from __future__ import annotations

import itertools
from functools import cache

from ..errors import GlossaryError
from . import morphdata
from .text import HYPHENS, fold

__all__ = ["Morphology", "TableMorphology", "AgglutinativeMorphology", "get_morphology"]


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Morphology:
    """What a language does to the words of a name. Subclasses read data only."""

    code: str
    decline: str
    copy_tail: bool

    def __init__(self, code: str, data: dict) -> None:
        self.code = code
        self.data = data
        self.decline = data["decline"]
        self.copy_tail = data.get("copy_tail", False)
        self._tails: dict[str | None, dict[str, tuple[str, ...]]] = {None: {"": ()}}

    # -- which words of a term decline ---------------------------------
    def roles(self, words: list[str], seps: list[str], ctype: str) -> list[str]:
        """``head`` (declines), ``attr`` (an adjective declining with its noun) or ``fixed``."""
        n = len(words)
        roles = ["fixed"] * n
        if self.decline == "last":
            roles[-1] = "head"
            return roles
        head_seen = False
        for i, word in enumerate(words):
            joined = i < n - 1 and any(h in seps[i] for h in HYPHENS) and not seps[i].strip(HYPHENS)
            if joined:
                continue
            if ctype == "person":
                roles[i] = "head"
            elif not head_seen:
                if i < n - 1 and self._rule_for(word, "attr", ctype, attr_only=True):
                    roles[i] = "attr"
                else:
                    roles[i] = "head"
                    head_seen = True
        return roles

    def _rule_for(self, word, role, ctype, attr_only=False):  # pragma: no cover - overridden
        return None

    # -- per word -----------------------------------------------------------
    def paradigm(self, word: str, role: str, ctype: str, phrase: bool = False) -> str | None:
        """The paradigm of one word of a term in ``role``; ``None``: it never changes."""
        raise NotImplementedError

    def stem(self, word: str, paradigm: str | None) -> str:
        return word

    def features(self, paradigm: str | None, feats: tuple[str, ...]) -> tuple[str, ...]:
        return feats

    def tails(self, paradigm: str | None) -> dict[str, tuple[str, ...]]:
        """Folded tail -> features, every tail the paradigm's words may carry."""
        if paradigm not in self._tails:
            self._tails[paradigm] = self._build_tails(paradigm)
        return self._tails[paradigm]

    def _build_tails(self, paradigm: str) -> dict[str, tuple[str, ...]]:
        raise NotImplementedError

    @property
    def max_tail(self) -> int:
        raise NotImplementedError

    def generate(self, word: str, paradigm: str | None, features: tuple[str, ...],
                 source_tail: str = "") -> list[str]:
        """The forms of ``word`` that express ``features``, best first (never empty)."""
        raise NotImplementedError


class TableMorphology(Morphology):
    """Languages whose words pick a table of endings by their own ending (ru, en)."""

    def __init__(self, code: str, data: dict) -> None:
        super().__init__(code, data)
        self.paradigms = data["paradigms"]
        self.rules = data["rules"]
        self.consonants = data.get("consonants", "")
        self.spelling = data.get("spelling", ())
        self.animate = data.get("animate", {})
        self._max_tail = max(len(e) for _b, ends in self.paradigms.values() for e in ends)

    @property
    def max_tail(self) -> int:
        return self._max_tail

    def _rule_for(self, word: str, role: str, ctype: str, attr_only: bool = False):
        low = word.lower()
        for ending, paradigm, where in self.rules:
            if where == "attr" and role != "attr":
                continue
            if attr_only and where != "attr":
                continue
            if where == "person" and ctype != "person":
                continue
            if low.endswith(ending) and len(low) > len(ending):
                return paradigm
        return None

    def paradigm(self, word: str, role: str, ctype: str, phrase: bool = False) -> str | None:
        if role == "fixed":
            return None
        if _is_abbreviation(word) or not word[-1:].isalpha():
            return "indecl" if "indecl" in self.paradigms else None
        found = self._rule_for(word, role, ctype)
        if found:
            return found
        if not self.consonants:
            return None
        if word[-1].lower() not in self.consonants:
            return "indecl"
        return self.animate.get("hard", "hard") if ctype == "person" else "hard"

    def stem(self, word: str, paradigm: str | None) -> str:
        if paradigm is None:
            return word
        base = self.paradigms[paradigm][0]
        return word[: len(word) - len(base)] if base else word

    def _build_tails(self, paradigm: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for ending, feats in self.paradigms[paradigm][1].items():
            key = fold(ending)
            out[key] = tuple(dict.fromkeys(out.get(key, ()) + feats))
        return out

    def _spell(self, stem: str, ending: str) -> str:
        last = stem[-1:].lower()
        for after, start, instead in self.spelling:
            if last and last in after and ending.startswith(start):
                return stem + instead + ending[len(start):]
        return stem + ending

    def generate(self, word: str, paradigm: str | None, features: tuple[str, ...],
                 source_tail: str = "") -> list[str]:
        if paradigm is None:
            return [word]
        base, endings = self.paradigms[paradigm]
        stem = word[: len(word) - len(base)] if base else word
        out: list[str] = []
        if self.copy_tail and source_tail and fold(source_tail) in self.tails(paradigm):
            out.append(stem + source_tail)
        for feat in features:
            for ending, feats in endings.items():
                if feat in feats:
                    out.append(self._spell(stem, ending))
        if not out:
            out.append(word)
        return list(dict.fromkeys(out))


class AgglutinativeMorphology(Morphology):
    """Languages whose suffixes stack in slots with harmony and assimilation (kk)."""

    def __init__(self, code: str, data: dict) -> None:
        super().__init__(code, data)
        self.morphemes: dict[str, dict[str, tuple[str, str]]] = data["morphemes"]
        self.slots = data["slots"]
        self.classes = data["classes"]
        self.default_class = data["default_class"]
        self.back = data["back"]
        self.front = data["front"]
        self.neutral = data["neutral"]
        self.transparent = data.get("harmony_transparent", ())
        self.possessive_tags = set(data["possessive_tags"])
        self.link_vowels = data["link_vowels"]
        self.suffix_hyphen = data["suffix_hyphen"]
        self.script = data.get("script", "")
        self.possessive_heads = data["possessive_heads"]
        self.possessive_head_endings = data["possessive_head_endings"]
        self.harmony_exceptions = data.get("harmony_exceptions", {})
        self.voicing = data.get("voicing", {})
        self.devoicing = {v: k for k, v in self.voicing.items()}
        self.voicing_endings = tuple(data.get("voicing_endings", ()))
        self.vowel_keys = frozenset(fold(c) for c in self.back + self.front)
        self.structural_tags = tuple(data.get("structural_tags", ()))

    def paradigm(self, word: str, role: str, ctype: str, phrase: bool = False) -> str | None:
        if role == "fixed":
            return None
        if phrase and self._bare(word) is not None:
            return "possnoun" if self._bare(word) else "posshead"
        return "regular"

    def _bare(self, word: str) -> str | None:
        """The noun under a possessive head (``облысы`` → ``облыс``); ``""``: keep it whole;
        ``None``: not a possessive head."""
        low = word.lower()
        if low in self.possessive_heads:
            bare = self.possessive_heads[low]
            if not bare:
                return ""
            if low.startswith(bare):
                return word[: len(bare)]
            return word[: len(bare) - 1] + bare[-1]  # the devoiced last letter
        for ending, cut in self.possessive_head_endings:
            if low.endswith(ending) and len(low) > len(ending):
                bare = word[: len(word) - cut]
                last = bare[-1:].lower()
                if last in self.devoicing and (bare[:-1] + self.devoicing[last]).lower().endswith(
                        self.voicing_endings):
                    bare = bare[:-1] + self.devoicing[last]
                return bare
        return None

    def alternate(self, stem: str) -> str:
        """The stem as written before a vowel when its last consonant is voiced there, or ``""``."""
        if stem.lower().endswith(self.voicing_endings):
            return stem[:-1] + self.voicing[stem[-1].lower()]
        return ""

    def stem(self, word: str, paradigm: str | None) -> str:
        return self._bare(word) if paradigm == "possnoun" else word

    def features(self, paradigm: str | None, feats: tuple[str, ...]) -> tuple[str, ...]:
        """What a matched ending says, less what only builds the word (the head's possessive)."""
        if paradigm == "possnoun":
            return tuple(f for f in feats if f not in self.structural_tags)
        return feats

    # -- sound classes ------------------------------------------------------
    def sound_class(self, text: str) -> str:
        letters = [c for c in text.lower() if c.isalpha() and c not in "ьъ"]
        if not letters:
            return self.default_class
        return self.classes.get(letters[-1], self.default_class)

    def harmony(self, text: str, default: str = "back") -> str:
        neutral = None
        for ch in reversed(text.lower()):
            if ch in self.back:
                return "back"
            if ch in self.front:
                if ch in self.neutral:
                    neutral = neutral or "front"
                    continue
                return "front"
            if ch in self.neutral and neutral is None:
                neutral = "back"
        return neutral or default

    def stem_harmony(self, word: str) -> str:
        """Harmony of a word, looking through Russian surname endings."""
        low = word.lower()
        if low in self.harmony_exceptions:
            return self.harmony_exceptions[low]
        for ending in self.transparent:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                return self.harmony(low[: -len(ending)])
        return self.harmony(low)

    def _allomorph(self, tag: str, cls: str, harmony: str) -> str:
        table = self.morphemes[tag]
        back, front = table.get(cls, table.get("*", ("", "")))
        return back if harmony == "back" else front

    def _after(self, tag: str, previous: str | None) -> set[str]:
        """The forms of ``tag`` after ``previous``: only the ``P`` forms after a possessive."""
        table = self.morphemes[tag]
        if previous in self.possessive_tags:
            return set(table.get("P", table.get("*", ("", ""))))
        return self._realisations(tag)

    def _realisations(self, tag: str) -> set[str]:
        return {form for pair in self.morphemes[tag].values() for form in pair}

    # -- tails --------------------------------------------------------------
    @property
    def max_tail(self) -> int:
        return max(len(t) for t in self.tails("regular"))

    def _build_tails(self, paradigm: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        cost: dict[str, float] = {}

        def add(surface: str, tags: tuple[str, ...], extra: float = 0.0) -> None:
            # The simplest analysis wins; an epenthetic vowel costs more than a real suffix.
            for prefix in (("", "-") if self.suffix_hyphen else ("",)):
                if prefix and not surface:
                    continue
                key = fold(prefix + surface)
                feats = (("HYPH",) if prefix else ()) + tags
                score = len(feats) + extra
                if key not in out or cost[key] > score:
                    out[key], cost[key] = feats, score

        case_slot = self.slots[-1]
        if paradigm == "possnoun":
            # [PL] POSS3 [case], or DER [PL] [case]: every form of the bare noun in a name.
            poss, pl, der = (sorted(self._realisations(t)) for t in ("POSS3", "PL", "DER"))
            cases = [("", None)] + [(f, t) for t in case_slot for f in sorted(self._realisations(t))]
            cases_p = [("", None)] + [(f, t) for t in case_slot for f in sorted(self._after(t, "POSS3"))]
            for p in [""] + pl:
                for x in poss:
                    for c, tag in cases_p:
                        add(p + x + c, tuple(t for t in ("PL" if p else None, "POSS3", tag) if t))
            for d in der:
                for p in [""] + pl:
                    for c, tag in cases:
                        add(d + p + c, tuple(t for t in ("DER", "PL" if p else None, tag) if t))
            return out
        if paradigm == "posshead":
            add("", ())
            for tag in case_slot:
                for form in self._realisations(tag):
                    add(form, (tag,))
            return out
        choices = [(None,) + slot for slot in self.slots]
        for combo in itertools.product(*choices):
            tags = tuple(t for t in combo if t)
            forms = [sorted(self._after(t, tags[n - 1] if n else None)) for n, t in enumerate(tags)]
            for parts in itertools.product(*forms):
                add("".join(parts), tags)
            if len(tags) == 1 and tags[0] in case_slot:
                for link in self.link_vowels:
                    for form in self._realisations(tags[0]):
                        add(link + form, tags, 1.5)
        return out

    # -- generation ---------------------------------------------------------
    def generate(self, word: str, paradigm: str | None, features: tuple[str, ...],
                 source_tail: str = "") -> list[str]:
        if paradigm is None:
            return [word]
        tags = [f for f in features if f in self.morphemes]
        if paradigm == "posshead":
            tags = [t for t in tags if t in self.slots[-1]]
        if paradigm == "possnoun":
            word = self._bare(word)
            tags = [t for t in tags if t not in self.structural_tags]
            if "DER" not in tags:
                tags.insert(1 if tags[:1] == ["PL"] else 0, "POSS3")
        last = [c for c in word if c.isalpha()][-1:]
        # A hyphen after abbreviations and words in another script (ҚР-дың), never elsewhere.
        hyphen = _is_abbreviation(word) or (
            bool(self.script) and bool(last) and last[0].lower() not in self.script)
        cls = "P" if paradigm == "posshead" else self.sound_class(word)
        harmony = self.stem_harmony(word)
        out = word + ("-" if hyphen and tags else "")
        for n, tag in enumerate(tags):
            suffix = self._allomorph(tag, cls, harmony)
            if n == 0 and not hyphen and fold(suffix[:1]) in self.vowel_keys and self.alternate(out):
                out = self.alternate(out)
            out += suffix
            cls = "P" if tag in self.possessive_tags else self.sound_class(suffix) if any(
                c.isalpha() for c in suffix) else cls
            harmony = self.harmony(suffix, harmony)
        return [out]


@cache
def get_morphology(lang: str) -> Morphology:
    """The morphology of ``lang``; unknown languages fail with the known ones."""
    data = morphdata.LANGUAGE_DATA.get(lang)
    if data is None:
        known = ", ".join(sorted(morphdata.LANGUAGE_DATA))
        raise GlossaryError(f"no morphology for language {lang!r}; known: {known}")
    engine = {"table": TableMorphology, "agglutinative": AgglutinativeMorphology}[data["engine"]]
    return engine(lang, data)
