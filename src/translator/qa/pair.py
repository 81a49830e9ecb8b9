"""Run every check on one source/target pair."""

from __future__ import annotations

from collections.abc import Iterable

from ..mt.pseudo import is_pseudo
from . import checks as _checks  # noqa: F401 - importing registers the checks
from .registry import CHECKS, Finding, Pair

__all__ = ["check_pair"]


def check_pair(
    source: str,
    target: str,
    source_lang: str,
    target_lang: str,
    termbase=None,
    *,
    pseudo: bool | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Run every registered check on a translation and return all findings, in check order.

    ``termbase`` is anything with ``enforce(source, target, sl, tl)``
    returning an ``Enforcement`` (see :mod:`translator.glossary`); without
    one the glossary checks find nothing. ``pseudo`` says whether the target
    is pseudo output (default: detected with :func:`translator.mt.is_pseudo`).
    ``only`` restricts the run to some check ids. An empty target is not
    checked (it is untranslated, not wrong).

    >>> [f.check for f in check_pair("It cost €44.", "Это стоило 45 евро.", "en", "ru")]
    ['numbers', 'numbers']
    """
    if not target.strip():
        return []
    if pseudo is None:
        pseudo = is_pseudo(target.strip())
    pair = Pair(source, target, source_lang, target_lang, termbase, pseudo)
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for check in CHECKS.values():
        if wanted is not None and check.id not in wanted:
            continue
        if pseudo and not check.on_pseudo:
            continue
        findings.extend(Finding(check.severity, check.id, message) for message in check.function(pair))
    return findings
