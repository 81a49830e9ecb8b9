"""The termbase: glossary files, morphology for en/ru/kk, matching and enforcing.

>>> from translator.glossary import load_termbase
>>> tb = load_termbase([Path("i18n/glossary.tsv")])             # doctest: +SKIP
>>> [m.text for m in tb.find("Тоқаевқа хат жазды", "kk")]       # doctest: +SKIP
['Тоқаевқа']
"""

from __future__ import annotations

from .model import (
    LANGUAGES,
    STATUSES,
    TYPES,
    Change,
    Concept,
    Enforcement,
    Issue,
    Match,
    Term,
)
from .termbase import STARTER_GLOSSARY, Termbase, default_glossary_paths, load_termbase

__all__ = [
    "LANGUAGES",
    "STATUSES",
    "TYPES",
    "Change",
    "Concept",
    "Enforcement",
    "Issue",
    "Match",
    "Term",
    "Termbase",
    "load_termbase",
    "default_glossary_paths",
    "STARTER_GLOSSARY",
]
