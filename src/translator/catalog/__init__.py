"""PO catalogs: build, merge and read. The only package that imports polib.

Conventions of the catalogs this toolkit writes (one per article per locale,
``<root>/<locale>/LC_MESSAGES/<slug>.po``):

- ``msgctxt`` is the segment id (:func:`translator.article.segment_id`), so
  identical sentences in different places stay apart;
- ``msgid`` is the source sentence, ``msgstr`` its translation;
- machine output is flagged ``fuzzy``; pseudo output also carries a
  ``#. pseudo`` comment;
- extracted comments (``#.``) are ``key: value`` lines: ``role``, ``block``,
  ``engine``, ``tm``, ``concepts`` (``id=preferred; ...``), ``qa``
  (``severity: message``, one line per finding);
- references (``#:``) point to the source file and line;
- headers: ``Language``, ``Plural-Forms``, ``X-Source-File`` (the article,
  relative to the project root), ``X-Source-Language``, ``X-Article-Slug``;
  ``POT-Creation-Date`` comes from the source (its modification time, or
  ``SOURCE_DATE_EPOCH``) and stays put while the source sentences do, so a
  re-run on unchanged input changes no byte;
- strings are wrapped at 76 columns as GNU gettext wraps them; comments are
  never wrapped.

Modules: :mod:`.po` (types, reader, writer), :mod:`.merge` (plan, merge,
update), :mod:`.files` (atomic writes, the output lock), :mod:`.stats`
(review progress).
"""

from __future__ import annotations

from .files import LOCK_NAME, OutputLock, atomic_write
from .merge import Plan, Proposal, make_plan, merge_catalog, normalise, plan, update_catalog
from .po import WIDTH, Catalog, Entry, catalog_path, catalog_text, generate_catalog, read_catalog
from .stats import CatalogStats, StatusReport, catalog_stats, collect_status

__all__ = [
    "Entry",
    "Catalog",
    "read_catalog",
    "generate_catalog",
    "catalog_text",
    "catalog_path",
    "WIDTH",
    "Proposal",
    "Plan",
    "make_plan",
    "plan",
    "merge_catalog",
    "update_catalog",
    "normalise",
    "atomic_write",
    "OutputLock",
    "LOCK_NAME",
    "CatalogStats",
    "StatusReport",
    "catalog_stats",
    "collect_status",
]
