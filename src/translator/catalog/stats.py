"""Review progress: counts per catalog, per locale and in total (``translator status``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import ParseError
from .po import Catalog, iter_catalogs, read_catalog

__all__ = ["CatalogStats", "StatusReport", "catalog_stats", "collect_status"]


def _words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class CatalogStats:
    """Counts for one catalog (or a sum of several: ``article`` is then empty).

    ``words`` counts source words of the active entries; ``qa_errors`` the
    ``qa: error`` findings recorded on entries still awaiting review.
    """

    locale: str
    article: str = ""
    path: str = ""
    entries: int = 0
    words: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    qa_errors: int = 0
    obsolete: int = 0

    def __add__(self, other: CatalogStats) -> CatalogStats:
        nums = ("entries", "words", "translated", "fuzzy", "untranslated", "qa_errors", "obsolete")
        return CatalogStats(self.locale if self.locale == other.locale else "",
                            **{n: getattr(self, n) + getattr(other, n) for n in nums})

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.entries, 1) if self.entries else 100.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["percent"] = self.percent
        return d


def catalog_stats(catalog: Catalog, locale: str | None = None, article: str | None = None) -> CatalogStats:
    """Count the entries of one catalog by review state."""
    counts = {"reviewed": 0, "machine": 0, "untranslated": 0}
    words = qa = 0
    for e in catalog.active:
        counts[e.state] += 1
        words += _words(e.msgid)
        if not e.reviewed:
            qa += sum(1 for c in e.comments_of("qa") if c.startswith("error"))
    path = catalog.path
    return CatalogStats(
        locale=locale or catalog.locale or (path.parent.parent.name if path else ""),
        article=article or catalog.meta("X-Article-Slug") or (path.stem if path else ""),
        path=str(path) if path else "",
        entries=len(catalog.active), words=words, translated=counts["reviewed"],
        fuzzy=counts["machine"], untranslated=counts["untranslated"], qa_errors=qa,
        obsolete=len(catalog.obsolete),
    )


@dataclass(frozen=True)
class StatusReport:
    """Per-catalog rows, per-locale sums, a grand total and the catalogs that could not be read."""

    rows: tuple[CatalogStats, ...]
    failures: tuple[tuple[str, str], ...] = field(default=())

    @property
    def locales(self) -> dict[str, CatalogStats]:
        out: dict[str, CatalogStats] = {}
        for r in self.rows:
            out[r.locale] = out[r.locale] + r if r.locale in out else CatalogStats(r.locale) + r
        return dict(sorted(out.items()))

    @property
    def total(self) -> CatalogStats:
        total = CatalogStats("")
        for r in self.rows:
            total = total + r
        return CatalogStats("", **{k: v for k, v in asdict(total).items() if k not in ("locale", "article", "path")})

    def to_dict(self) -> dict:
        return {
            "catalogs": [r.to_dict() for r in self.rows],
            "locales": {k: v.to_dict() for k, v in self.locales.items()},
            "total": self.total.to_dict(),
            "failures": [{"path": p, "error": m} for p, m in self.failures],
        }


def _locale_code(po_language: str | None) -> str | None:
    from ..errors import ConfigError
    from ..locales import locale_of_po

    if not po_language:
        return None
    try:
        return locale_of_po(po_language).code
    except ConfigError:
        return po_language


def collect_status(paths: Iterable[Path]) -> StatusReport:
    """Read every catalog under ``paths`` (files or directories searched for ``*.po``)."""
    rows, failures = [], []
    for f in iter_catalogs(paths):
        try:
            cat = read_catalog(f)
        except ParseError as exc:
            failures.append((str(f), str(exc)))
            continue
        rows.append(catalog_stats(cat, locale=_locale_code(cat.locale)))
    rows.sort(key=lambda r: (r.locale, r.article, r.path))
    return StatusReport(tuple(rows), tuple(failures))
