"""The QA vocabulary: findings, the table of checks, and the pair they look at.

A check is a small function that takes a :class:`Pair` and yields messages;
:func:`register` puts it in :data:`CHECKS` with its id and severity, so the
runner can wrap every message in a :class:`Finding`. Checks collect, they do
not stop: every check runs on every pair.

Severities. ``error`` means the target says something the source does not
(a wrong figure or currency, a lost percentage, a broken link, hashtag or
address, a term the glossary forbids) or is not a translation at all (pseudo
output): publishing it would be a factual or functional defect, so
``translator qa`` exits with 1. ``warning`` means a reviewer should look
(a concept rendered differently, a non-preferred spelling, unbalanced
quotes, a copied or suspiciously short or long target): these have
legitimate exceptions often enough that they must not block anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..locales import LocaleInfo, get_locale

__all__ = ["ERROR", "WARNING", "Finding", "Check", "CHECKS", "Pair", "register"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in one translation.

    >>> str(Finding("error", "numbers", "number 7,000 of the source is missing in the target"))
    'error: [numbers] number 7,000 of the source is missing in the target'
    """

    severity: str  # "error" or "warning"
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: [{self.check}] {self.message}"


@dataclass(frozen=True)
class Pair:
    """A source sentence and its translation, with what the checks need to know about them."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    termbase: Any = None
    pseudo: bool = False

    @cached_property
    def source_locale(self) -> LocaleInfo:
        return get_locale(self.source_lang)

    @cached_property
    def target_locale(self) -> LocaleInfo:
        return get_locale(self.target_lang)

    # Shared by several checks, computed once per pair.
    @cached_property
    def masked_source(self) -> str:
        """The source with URLs, e-mails, hashtags and mentions blanked out (they are checked verbatim)."""
        from .numbers import mask_verbatim

        return mask_verbatim(self.source)

    @cached_property
    def masked_target(self) -> str:
        from .numbers import mask_verbatim

        return mask_verbatim(self.target)

    @cached_property
    def source_numbers(self) -> list:
        from .numbers import find_numbers

        return find_numbers(self.masked_source, self.source_lang)

    @cached_property
    def target_numbers(self) -> list:
        from .numbers import find_numbers

        return find_numbers(self.masked_target, self.target_lang)

    @cached_property
    def enforcement(self) -> Any:
        """The termbase's verdict on this pair (None without a termbase); computed once for all glossary checks."""
        if self.termbase is None:
            return None
        return self.termbase.enforce(self.source, self.target, self.source_lang, self.target_lang)


CheckFunction = Callable[[Pair], Iterable[str]]


@dataclass(frozen=True)
class Check:
    """A registered check: ``id`` names it in findings, ``severity`` is that of all its findings.

    ``on_pseudo=False`` skips the check on pseudo output, which has no
    wording to judge (the ``pseudo`` error already blocks it).
    """

    id: str
    severity: str
    function: CheckFunction
    description: str
    on_pseudo: bool = True


#: Every check, in the order findings are reported.
CHECKS: dict[str, Check] = {}


def register(check_id: str, severity: str, *, on_pseudo: bool = True) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: add a function to :data:`CHECKS` under ``check_id``; its docstring's first line describes it."""
    if severity not in (ERROR, WARNING):
        raise ValueError(f"unknown severity {severity!r}")

    def add(function: CheckFunction) -> CheckFunction:
        doc = (function.__doc__ or "").strip().splitlines()
        CHECKS[check_id] = Check(check_id, severity, function, doc[0] if doc else check_id, on_pseudo)
        return function

    return add
