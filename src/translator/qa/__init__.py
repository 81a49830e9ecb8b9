"""Quality checks on translations: numbers, amounts, verbatim tokens, glossary, copies, quotes, length.

Every check is a small function in a table (:data:`CHECKS`) with its id and
severity; :func:`check_pair` runs them all on one translation and collects
every finding, :func:`check_catalogs` runs them over PO catalogs.

    >>> from translator.qa import check_pair
    >>> for f in check_pair("Follow #NeMolchiKZ.", "Следите за #НеМолчиKZ.", "en", "ru"):
    ...     print(f)
    error: [hashtag] hashtag #NeMolchiKZ is missing or changed in the target; keep it exactly as in the source

See :mod:`translator.qa.registry` for how severities are chosen.
"""

from __future__ import annotations

from .catalogs import QARecord, check_catalogs, iter_catalogs
from .pair import check_pair
from .registry import CHECKS, ERROR, WARNING, Check, Finding, Pair, register

__all__ = [
    "Finding",
    "Check",
    "CHECKS",
    "ERROR",
    "WARNING",
    "Pair",
    "QARecord",
    "register",
    "check_pair",
    "check_catalogs",
    "iter_catalogs",
]
