"""The :class:`Termbase`: concepts loaded from glossary files, ready to match.

>>> from pathlib import Path
>>> tb = Termbase([Concept("toqayev", "person", (
...     Term("toqayev", "kk", "Тоқаев", "preferred"), Term("toqayev", "ru", "Токаев", "preferred")))])
>>> tb.enforce("Токаеву", "Токаевқа", "ru", "kk").target
'Тоқаевқа'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import GlossaryError
from . import enforce as _enforce
from .matcher import Hit, Index
from .model import LANGUAGES, Concept, Enforcement, Issue, Match, language
from .text import fold, nfc

__all__ = ["Termbase", "load_termbase", "language", "STARTER_GLOSSARY", "default_glossary_paths"]

#: The project's starter glossary, relative to the project root.
STARTER_GLOSSARY = Path("i18n") / "glossary.tsv"


class Termbase:
    """A set of concepts; behaves like a container of :class:`Concept` keyed by id."""

    def __init__(self, concepts: Iterable[Concept] = (), paths: Sequence[Path] = ()) -> None:
        self._concepts: dict[str, Concept] = {}
        self.paths = tuple(paths)
        for concept in concepts:
            self._add(concept)
        self._indexes: dict[str, Index] = {}

    def _add(self, concept: Concept) -> None:
        old = self._concepts.get(concept.id)
        if old is None:
            self._concepts[concept.id] = concept
            return
        ctype = old.type
        if concept.type != old.type:
            if old.type == "other":
                ctype = concept.type
            elif concept.type != "other":
                where = concept.terms[0].where if concept.terms else "<glossary>"
                raise GlossaryError(f"{where}: concept {concept.id!r} is {concept.type!r} here and "
                                    f"{old.type!r} in an earlier file; give it one type")
        self._concepts[concept.id] = Concept(concept.id, ctype, old.terms + concept.terms,
                                             old.note or concept.note)

    # -- container ----------------------------------------------------------
    def __len__(self) -> int:
        return len(self._concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Concept):
            return self._concepts.get(item.id) == item
        return item in self._concepts

    def __getitem__(self, concept_id: str) -> Concept:
        try:
            return self._concepts[concept_id]
        except KeyError:
            raise KeyError(f"no concept {concept_id!r} in the termbase") from None

    def __repr__(self) -> str:
        return f"<Termbase {len(self)} concepts>"

    # -- matching -----------------------------------------------------------
    def index(self, lang: str) -> Index:
        """The matching index for texts in ``lang`` (built on first use).

        A locale such as ``ru-RU`` or ``kk_KZ`` uses its language's index.
        """
        lang = language(lang)
        if lang not in LANGUAGES:
            raise GlossaryError(f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}")
        if lang not in self._indexes:
            self._indexes[lang] = Index(self._concepts.values(), lang)
        return self._indexes[lang]

    def hits(self, text: str, lang: str) -> list[Hit]:
        return self.index(lang).hits(nfc(text))

    def find(self, text: str, lang: str) -> list[Match]:
        """Every occurrence of every concept in ``text`` (in ``lang``), in text order.

        Offsets are into ``text`` as given (NFC text is expected; news text is).
        """
        index = self.index(lang)
        return [_enforce.to_match(h, text, index.lang) for h in index.hits(text)]

    def enforce(self, source: str, target: str, source_lang: str, target_lang: str) -> Enforcement:
        """Rewrite the concepts of ``target`` to their preferred forms; report missing ones."""
        return _enforce.enforce(self.index(source_lang), self.index(target_lang), source, target)

    def concepts_in(self, text: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
        """``(concept_id, preferred target form)`` for each concept in ``text``, once each.

        Names inside hashtags are left out: a hashtag is copied, not translated.
        """
        out: dict[str, str] = {}
        target_lang = language(target_lang)
        for hit in self.index(source_lang).hits(text):
            if hit.verbatim:
                continue
            c = hit.concept
            if c.id not in out:
                out[c.id] = c.preferred_form(target_lang) or ""
        return list(out.items())

    def protect(self, text: str, lang: str, *, mode: str = "normalise"
                ) -> tuple[str, Callable[[str, str], str]]:
        """Prepare ``text`` for MT; see :func:`translator.glossary.enforce.protect`."""
        return _enforce.protect(self.index(lang), text, mode=mode, target_index=self.index)

    # -- checking -----------------------------------------------------------
    def issues(self, languages: Sequence[str] = LANGUAGES) -> list[Issue]:
        """Conflicts and gaps, every one of them (checks collect, they don't stop)."""
        found: list[Issue] = []
        claimed: dict[str, tuple[str, object]] = {}
        for concept in self:
            for term in concept.terms:
                key = fold(term.text)
                other = claimed.get(key)
                if other is None:
                    claimed[key] = (concept.id, term)
                elif other[0] != concept.id:
                    first = other[1]
                    found.append(Issue("error", f"form {term.text!r} is claimed by concepts "
                                       f"{other[0]!r} ({first.where}) and {concept.id!r}; "
                                       "keep it in one concept", concept.id, term.path, term.line))
            for lang in languages:
                forms = concept.forms(lang)
                if not concept.preferred(lang):
                    where = forms[0] if forms else (concept.terms[0] if concept.terms else None)
                    sev = "error" if forms else "warning"
                    what = ("has forms but none is preferred" if forms else "has no form")
                    found.append(Issue(sev, f"concept {concept.id!r} {what} in {lang}; mark one "
                                       f"{lang} row 'preferred'" if forms else
                                       f"concept {concept.id!r} {what} in {lang}; add a preferred "
                                       f"{lang} row", concept.id,
                                       where.path if where else None, where.line if where else None))
            found.extend(self._overlaps(concept))
            seen: dict[tuple[str, str], object] = {}
            for term in concept.terms:
                k = (term.lang, term.text.casefold())
                prev = seen.get(k)
                if prev is not None and prev.status != term.status:
                    found.append(Issue("error", f"{term.lang} form {term.text!r} of {concept.id!r} is "
                                       f"both {prev.status} and {term.status}; keep one row",
                                       concept.id, term.path, term.line))
                seen.setdefault(k, term)
        return found


    def _overlaps(self, concept: Concept) -> list[Issue]:
        """Terms that read as inflected forms of other terms (found by the matcher itself)."""
        out: list[Issue] = []
        for term in concept.terms:
            if term.lang not in LANGUAGES:
                continue
            whole = [h for h in self.index(term.lang).candidates(term.text)
                     if h.start == 0 and h.end == len(term.text) and h.pattern.term is not term
                     and not h.given and not h.initials and _inflected(h, term.text)]
            for hit in whole:
                other = hit.pattern.term
                if hit.concept.id == concept.id:
                    if other.preferred and not term.preferred and other.lang == term.lang:
                        out.append(Issue("warning", f"{term.lang} {term.status} {term.text!r} of "
                                         f"{concept.id!r} is a grammatical form of the preferred "
                                         f"{other.text!r}, which is matched in every form anyway; "
                                         "remove the row", concept.id, term.path, term.line))
                elif other.lang == term.lang:
                    out.append(Issue("warning", f"{term.lang} form {term.text!r} of {concept.id!r} "
                                     f"also reads as a form of {other.text!r} ({hit.concept.id!r}); "
                                     "the longer or first-listed name wins", concept.id,
                                     term.path, term.line))
        return out


def _inflected(hit: Hit, text: str) -> bool:
    """Does ``text`` carry an ending on a word of the term ``hit`` read it as?"""
    return any(fold(text[s + n:e]) != fold(w.text[n:])
               for w, (s, e, n) in zip(hit.pattern.words, hit.spans, strict=False))


def load_termbase(paths: Sequence[Path]) -> Termbase:
    """Load glossary files (``.tsv``, ``.csv``, or TBX: ``.tbx``/``.xml``) into one termbase.

    There is no built-in glossary: the project's starter glossary is
    ``i18n/glossary.tsv`` and callers pass it (see :func:`default_glossary_paths`).
    """
    from .tbx import read_tbx
    from .tsv import read_tsv

    concepts: list[Concept] = []
    for path in paths:
        path = Path(path)
        reader = read_tbx if path.suffix.lower() in (".tbx", ".xml") else read_tsv
        concepts.extend(reader(path))
    return Termbase(concepts, paths=[Path(p) for p in paths])


def default_glossary_paths(root: Path | None = None) -> tuple[Path, ...]:
    """The glossary files to use when none is named: the starter glossary, if the project has one.

    ``root/i18n/glossary.tsv`` (``root`` is the project root; the current
    folder when None, and the path is then relative) when that file exists,
    else ``()``. ``translator translate``, ``translator glossary`` and
    ``translator qa`` all default to it.
    """
    path = STARTER_GLOSSARY if root is None else Path(root) / STARTER_GLOSSARY
    return (path,) if path.is_file() else ()
