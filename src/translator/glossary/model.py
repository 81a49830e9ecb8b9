"""The termbase's domain types: small frozen dataclasses.

A :class:`Concept` is one thing in the world (a person, a place, an
organisation) with its :class:`Term` s, the forms it is written with in each
language. A :class:`Match` is one occurrence of a concept found in a text, a
:class:`Change` one rewrite made by enforcement, and an :class:`Enforcement`
the result of enforcing the termbase on one translated sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..locales import SOURCE_LANGUAGES

__all__ = [
    "LANGUAGES",
    "language",
    "STATUSES",
    "TYPES",
    "Term",
    "Concept",
    "Match",
    "Change",
    "Enforcement",
    "Issue",
]

#: Languages a term may be written in.
LANGUAGES: tuple[str, ...] = SOURCE_LANGUAGES
#: ``preferred``: write this; ``variant``: recognise it, rewrite it to the
#: preferred form; ``forbidden``: recognise it, rewrite it and report it.
STATUSES: tuple[str, ...] = ("preferred", "variant", "forbidden")
#: What a concept is; persons and places must be written with a capital.
TYPES: tuple[str, ...] = ("person", "place", "organisation", "other")


def language(code: str) -> str:
    """The glossary language of a locale code: ``ru-RU`` → ``ru``, ``kk_KZ`` → ``kk``; others as given.

    The one reading of a language code in glossaries: API calls, TSV ``lang``
    cells and TBX ``xml:lang`` attributes.
    """
    if code in LANGUAGES:
        return code
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else code


@dataclass(frozen=True)
class Term:
    """One written form of a concept in one language.

    ``path`` and ``line`` tell where the term was read from, for messages.
    """

    concept_id: str
    lang: str
    text: str
    status: str = "variant"
    note: str = ""
    path: Path | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    @property
    def preferred(self) -> bool:
        return self.status == "preferred"

    @property
    def forbidden(self) -> bool:
        return self.status == "forbidden"

    @property
    def where(self) -> str:
        if self.path is None:
            return "<glossary>"
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class Concept:
    """A thing with a stable id, a type and its terms in every language."""

    id: str
    type: str = "other"
    terms: tuple[Term, ...] = ()
    note: str = ""

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def forms(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    def preferred(self, lang: str) -> list[Term]:
        """The preferred terms in ``lang``, in file order (may be empty)."""
        return [t for t in self.terms if t.lang == lang and t.preferred]

    def preferred_form(self, lang: str) -> str | None:
        """The first preferred form in ``lang``: the concept's name there."""
        pref = self.preferred(lang)
        return pref[0].text if pref else None

    @property
    def languages(self) -> list[str]:
        return sorted({t.lang for t in self.terms})


@dataclass(frozen=True)
class Match:
    """One occurrence of a concept in a text: ``text == source[start:end]``.

    ``preferred`` is the concept's preferred form in the text's language (its
    base form); ``suggestion`` is that form in the grammatical case the text
    used, which is what enforcement writes. ``term`` is the glossary term the
    occurrence was recognised as and ``features`` the grammatical analysis of
    its ending (``("LOC",)``, ``("gen", "acc")``, ``()`` for the base form).
    """

    start: int
    end: int
    text: str
    concept_id: str
    preferred: str
    term: Term | None = None
    features: tuple[str, ...] = ()
    suggestion: str = ""
    lang: str = ""

    @property
    def forbidden(self) -> bool:
        return self.term is not None and self.term.forbidden

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "concept": self.concept_id, "preferred": self.preferred}


@dataclass(frozen=True)
class Change:
    """A rewrite made by enforcement; offsets are into the text before the change."""

    start: int
    end: int
    old: str
    new: str
    concept_id: str
    forbidden: bool = False

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "old": self.old, "new": self.new,
               "concept": self.concept_id}
        if self.forbidden:
            out["forbidden"] = True
        return out


@dataclass(frozen=True)
class Enforcement:
    """The result of enforcing the termbase on one translation.

    ``target`` is the fixed translation; ``missing`` the ids of concepts found
    in the source but not in the translation; ``forbidden`` the matches of
    forbidden forms in the translation as it was given.
    """

    target: str
    changes: tuple[Change, ...] = ()
    missing: tuple[str, ...] = ()
    forbidden: tuple[Match, ...] = ()


@dataclass(frozen=True)
class Issue:
    """A problem found in a glossary: a conflict, a missing preferred form."""

    severity: str  # "error" | "warning"
    message: str
    concept_id: str = ""
    path: Path | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.severity}: {self.message}"
