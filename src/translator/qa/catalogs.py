"""Run the checks over PO catalogs (files, or folders searched for ``*.po``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from ..catalog import Catalog, Entry, iter_catalogs, read_catalog
from ..errors import CatalogError, ConfigError, TranslatorError
from ..locales import locale_of_po
from ..mt.pseudo import is_pseudo
from .pair import check_pair
from .registry import Finding

__all__ = ["QARecord", "check_catalogs", "iter_catalogs", "catalog_languages"]


class QARecord(NamedTuple):
    """A finding in a catalog: the file, the entry (its ``line`` and ``msgctxt``) and the finding."""

    path: Path
    entry: Entry
    finding: Finding


def catalog_languages(catalog: Catalog) -> tuple[str, str]:
    """(source, target) language of a catalog, from ``X-Source-Language`` and ``Language``.

    Without a ``Language`` header the ``<locale>/LC_MESSAGES/`` folder
    names the target.
    """
    path = catalog.path
    source = catalog.source_lang
    if not source:
        raise CatalogError(f"{path}: no X-Source-Language header; add one, e.g. 'X-Source-Language: en'")
    target = catalog.locale
    if not target and path is not None and path.parent.name == "LC_MESSAGES":
        target = path.parent.parent.name
    if not target:
        raise CatalogError(f"{path}: no Language header; add one, e.g. 'Language: ru'")
    try:
        return locale_of_po(source).code, locale_of_po(target).code
    except ConfigError as exc:
        raise CatalogError(f"{path}: {exc}") from None


def check_catalogs(
    paths: Iterable[Path | str],
    termbase=None,
    *,
    on_error: Callable[[Path, TranslatorError], None] | None = None,
) -> list[QARecord]:
    """Check every translated entry of the catalogs under ``paths``; return all findings.

    Untranslated and obsolete entries are skipped; fuzzy (machine) entries are
    checked, so that reviewers see the findings. Pseudo output is an entry
    whose text :func:`~translator.mt.is_pseudo` recognises, or a fuzzy entry
    marked ``pseudo``. A catalog that cannot be read raises, or, with
    ``on_error``, is reported to it and skipped so that the others are still
    checked.
    """
    records: list[QARecord] = []
    for path in iter_catalogs(paths):
        try:
            catalog = read_catalog(path)
            source_lang, target_lang = catalog_languages(catalog)
        except TranslatorError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
            continue
        for entry in catalog:
            if not entry.msgid or not entry.msgstr.strip():
                continue
            pseudo = is_pseudo(entry.msgstr.strip()) or (entry.pseudo and entry.fuzzy)
            for finding in check_pair(entry.msgid, entry.msgstr, source_lang, target_lang, termbase,
                                      pseudo=pseudo):
                records.append(QARecord(path, entry, finding))
    return records
