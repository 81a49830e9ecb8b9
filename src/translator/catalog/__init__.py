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

from . import files, merge, po, stats
from .files import *  # noqa: F403
from .merge import *  # noqa: F403
from .po import *  # noqa: F403
from .stats import *  # noqa: F403

# The package exports what its modules export; each module's __all__ is the one list.
__all__ = [*po.__all__, *merge.__all__, *files.__all__, *stats.__all__]
