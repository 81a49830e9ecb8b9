"""Publishing: per-locale article files for sites, built from the PO catalogs.

For every catalog ``<catalogs>/<locale>/LC_MESSAGES/<slug>.po`` the source
article (the ``X-Source-File`` header, relative to ``source_root``) is read
again for its structure, each segment is replaced by what may be published
(:mod:`.model`), and the article is written as
``<output>/<locale>/articles/<slug>.{md,json,html}``, with
``<output>/<locale>/index.json`` listing the locale's articles. ``kk-Latn``
is derived from ``kk`` by transliteration (:mod:`.translit`).

The date shown is, in this order: a ``date`` the source article carries in
its metadata; the catalog's ``PO-Revision-Date`` (when a translator last
revised it); its ``POT-Creation-Date``. Only the calendar date is used, as
written, so the output depends on the catalog bytes alone.

Files are written only when their bytes change (temp file + rename), so
publishing unchanged catalogs writes nothing.

>>> summary = publish(Path("locales"), Path("locales"))  # doctest: +SKIP
>>> summary.written, summary.unchanged  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .._fs import atomic_write
from ..article import Article
from ..catalog.po import DEFAULT_LAYOUT
from ..errors import ConfigError, TranslatorError
from ..locales import LOCALES, get_locale
from .model import LocalArticle, PublishRules, from_catalog, localise, stale_reason, transliterate

__all__ = [
    "FORMATS",
    "PublishOptions",
    "PublishSummary",
    "Problem",
    "publish",
    "check_output",
    "LocalArticle",
    "render",
]

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("md", "json", "html")
ON_STALE = ("skip", "old")


@dataclass(frozen=True)
class PublishOptions:
    """What to publish and how.

    ``include_machine``: publish machine (fuzzy) output, flagged; otherwise the
    source sentence stands in for it. ``include_pseudo``: publish pseudo output
    too (never by default). ``latin``: publish ``kk-Latn`` whenever ``kk`` is.
    ``on_stale``: a catalog that no longer matches its source article (or whose
    source is gone) is skipped (``skip``) or published from the catalog alone
    (``old``). ``layout``: where catalogs lie under the catalog root, as
    ``translator translate`` wrote them (the file name is ``{slug}.po``). ``source_root``: where ``X-Source-File`` paths start (the
    current directory by default). ``reader``: how source articles are read
    (:func:`translator.segment.read_article` by default). ``lock``: hold the
    output folder's lock (the one ``translator translate`` takes) while writing.
    """

    include_machine: bool = False
    include_pseudo: bool = False
    include_furniture: bool = False
    latin: bool = True
    on_stale: str = "skip"
    source_root: Path | None = None
    reader: Callable[..., Article] | None = None
    lock: bool = True
    layout: str = DEFAULT_LAYOUT

    @property
    def rules(self) -> PublishRules:
        return PublishRules(self.include_machine, self.include_pseudo, self.include_furniture)


@dataclass(frozen=True)
class Problem:
    """Something the user must know about: a stale catalog, a missing source, a broken file."""

    path: Path
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class PublishSummary:
    """What a run did: files written and left unchanged, articles published, problems."""

    written: tuple[Path, ...] = ()
    unchanged: int = 0
    articles: int = 0
    skipped: tuple[tuple[str, str], ...] = ()  # (locale, slug)
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def render(article: LocalArticle, fmt: str) -> str:
    """The text of ``article`` in ``fmt`` (``md``, ``json`` or ``html``)."""
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(article)
    if fmt == "json":
        from .json_ import render_json

        return render_json(article)
    if fmt == "html":
        from .html import render_html

        return render_html(article)
    raise ConfigError(f"unknown publish format {fmt!r}; known formats: {', '.join(FORMATS)}")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless the file already holds exactly these bytes."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data, sync_dir=False)
    return True


def _catalog_locales(root: Path, layout: str) -> dict[str, list[Path]]:
    """``{locale code: [catalog paths sorted by slug]}`` for the catalogs under ``root``."""
    from ..catalog import find_catalogs

    out: dict[str, list[Path]] = {}
    unknown: set[str] = set()
    for locale, _slug, path in find_catalogs(root, layout):
        try:
            code = get_locale(locale).code
        except ConfigError:
            if locale not in unknown:
                log.warning("%s: %r is not a known locale; skipped", path, locale)
                unknown.add(locale)
            continue
        out.setdefault(code, []).append(path)
    return out


def _wanted_locales(requested: Sequence[str] | None, available: Iterable[str], latin: bool) -> list[str]:
    codes = [get_locale(c).code for c in requested] if requested else list(available)
    if latin:
        for info in LOCALES.values():
            if info.derived_from in codes and info.code not in codes:
                codes.append(info.code)
    order = list(LOCALES)
    return sorted(dict.fromkeys(codes), key=order.index)


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(article: Article | None, catalog) -> str | None:
    candidates = []
    if article is not None:
        candidates += [v for k, v in article.meta if k == "date"]
    candidates += [catalog.meta("PO-Revision-Date") or "", catalog.meta("POT-Creation-Date") or ""]
    import datetime as _dt

    for value in candidates:
        m = _DATE.search(value)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


def _date_display(iso: str | None, locale: str) -> str | None:
    if not iso:
        return None
    import datetime as _dt

    from babel.dates import format_date

    info = get_locale(locale)
    return format_date(_dt.date.fromisoformat(iso), "long", locale=info.babel)


class _Run:
    """One publish run: caches source articles, collects files and problems."""

    def __init__(self, catalog_root: Path, output_root: Path, formats: Sequence[str],
                 options: PublishOptions) -> None:
        self.catalog_root = catalog_root
        self.output_root = output_root
        self.formats = formats
        self.options = options
        self.source_root = options.source_root or Path.cwd()
        if options.reader is None:
            from ..segment import read_article

            self.reader = read_article
        else:
            self.reader = options.reader
        self.articles: dict[tuple[Path, str | None], Article | TranslatorError] = {}
        self.written: list[Path] = []
        self.unchanged = 0
        self.problems: list[Problem] = []
        self.skipped: list[tuple[str, str]] = []

    def source(self, path: Path, lang: str | None) -> Article | TranslatorError:
        key = (path, lang)
        if key not in self.articles:
            try:
                self.articles[key] = self.reader(path, lang)
            except TranslatorError as exc:
                self.articles[key] = exc
        return self.articles[key]

    def put(self, path: Path, text: str) -> None:
        if write_if_changed(path, text.encode("utf-8")):
            self.written.append(path)
        else:
            self.unchanged += 1

    def build(self, po: Path, locale: str) -> LocalArticle | None:
        """The localised article for one catalog, or ``None`` (problem recorded) when skipped."""
        from ..catalog import read_catalog

        slug = po.stem
        try:
            catalog = read_catalog(po)
        except TranslatorError as exc:
            self.problems.append(Problem(po, f"{getattr(exc, 'reason', exc)}; not published"))
            self.skipped.append((locale, slug))
            return None
        rules = self.options.rules
        source_file = catalog.source_file
        source_lang = catalog.source_lang
        problem = None
        article: Article | None = None
        if not source_file:
            problem = "no X-Source-File header, so the source article is unknown"
        else:
            got = self.source(self.source_root / source_file, source_lang)
            if isinstance(got, TranslatorError):
                problem = f"source article {source_file}: {getattr(got, 'reason', got)}"
            else:
                article = got
                reason = stale_reason(article, catalog)
                if reason:
                    problem = (f"catalog does not match its source {source_file} ({reason}); "
                               "update it with: translator translate")
        if problem is None and article is not None:
            local = localise(article, catalog, locale, rules, source_file or "")
        elif self.options.on_stale == "old":
            self.problems.append(Problem(po, problem + "; published from the catalog alone", "warning"))
            local = from_catalog(catalog, locale, rules, slug, source_lang or "en", source_file or "")
        else:
            self.problems.append(Problem(po, problem + "; skipped (--on-stale old publishes the catalog as it is)"))
            self.skipped.append((locale, slug))
            return None
        iso = _date(article, catalog)
        return replace(local, slug=slug, date=iso, date_display=_date_display(iso, locale))


def _converter(code: str) -> Callable[[str], str]:
    """The script converter that derives ``code`` from its base locale (kk-Latn: to_latin)."""
    from .translit import to_latin

    converters = {"kk-Latn": to_latin}
    if code not in converters:
        raise ConfigError(f"no script converter for {code}; known: {', '.join(converters)}")
    return converters[code]


def _alternates(slug: str, locale: str, available: dict[str, set[str]]) -> tuple[str, ...]:
    return tuple(code for code in LOCALES if code != locale and slug in available.get(code, ()))


def _index_entry(article: LocalArticle, formats: Sequence[str]) -> dict:
    return {
        "slug": article.slug,
        "title": article.title,
        "state": article.state,
        "date": article.date,
        "date_display": article.date_display,
        "translated_from": article.source_file,
        "files": {fmt: f"articles/{article.slug}.{fmt}" for fmt in formats},
    }


def _old_index(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {a["slug"]: a for a in data.get("articles", []) if isinstance(a, dict) and "slug" in a}
    except (OSError, ValueError, AttributeError):
        return {}


def publish(catalog_root: Path, output_root: Path, locales: Sequence[str] | None = None,
            formats: Sequence[str] = FORMATS, options: PublishOptions | None = None) -> PublishSummary:
    """Write the article files and indexes of ``locales`` (all catalog locales when ``None``)."""
    options = options or PublishOptions()
    if options.on_stale not in ON_STALE:
        raise ConfigError(f"unknown --on-stale value {options.on_stale!r}; use one of: {', '.join(ON_STALE)}")
    formats = list(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown publish format {fmt!r}; known formats: {', '.join(FORMATS)}")
    catalog_root, output_root = Path(catalog_root), Path(output_root)
    catalogs = _catalog_locales(catalog_root, options.layout)
    wanted = _wanted_locales(locales, catalogs, options.latin)
    available = {code: {p.stem for p in paths} for code, paths in catalogs.items()}
    if options.latin:
        for info in LOCALES.values():
            if info.derived_from in available:
                available[info.code] = set(available[info.derived_from])
    run = _Run(catalog_root, output_root, formats, options)
    if not catalogs:
        problem = Problem(catalog_root, f"no catalogs found ({options.layout}); "
                                        "make them with: translator translate")
        return PublishSummary(problems=(problem,))
    if options.lock:
        from ..catalog import OutputLock

        with OutputLock(output_root):
            published = _publish_all(run, catalogs, wanted, available)
    else:
        published = _publish_all(run, catalogs, wanted, available)
    log.info("published %d article(s): %d file(s) written, %d unchanged",
             published, len(run.written), run.unchanged)
    return PublishSummary(
        written=tuple(run.written), unchanged=run.unchanged, articles=published,
        skipped=tuple(run.skipped), problems=tuple(run.problems),
    )


def _publish_all(run: _Run, catalogs: dict[str, list[Path]], wanted: list[str],
                 available: dict[str, set[str]]) -> int:
    """Build, render and write every wanted article and index; return how many were published."""
    catalog_root, output_root, formats = run.catalog_root, run.output_root, run.formats
    # A base locale is read once and serves the locales derived from it too.
    bases: dict[str, list[str]] = {}
    for code in wanted:
        info = get_locale(code)
        bases.setdefault(info.derived_from or code, []).append(code)
    published = 0
    # Slug by slug, so a source article is read once for all locales and then dropped:
    # memory stays flat however many articles there are.
    by_slug: dict[str, list[tuple[str, Path]]] = {}
    for base in bases:
        if base not in catalogs:
            run.problems.append(Problem(catalog_root / base, "no catalogs for this locale; nothing published", "warning"))
            continue
        for po in catalogs[base]:
            by_slug.setdefault(po.stem, []).append((base, po))
    targets_of = {base: targets for base, targets in bases.items() if base in catalogs}
    entries: dict[str, list[dict]] = {code: [] for targets in targets_of.values() for code in targets}
    skipped: dict[str, list[str]] = {code: [] for code in entries}
    for slug in sorted(by_slug):
        for base, po in by_slug[slug]:
            targets = targets_of[base]
            local = run.build(po, base)
            if local is None:
                for code in targets:
                    skipped[code].append(slug)
                continue
            for code in targets:
                article = local if code == base else transliterate(local, code, _converter(code))
                article = replace(article, alternates=_alternates(article.slug, code, available))
                for fmt in formats:
                    run.put(output_root / code / "articles" / f"{article.slug}.{fmt}", render(article, fmt))
                entries[code].append(_index_entry(article, formats))
                published += 1
        run.articles.clear()
    for code in entries:
        index_path = output_root / code / "index.json"
        if skipped[code]:
            old = _old_index(index_path)
            entries[code] += [old[s] for s in skipped[code] if s in old]
        index = {
            "schema_version": 1,
            "language": code,
            "articles": sorted(entries[code], key=lambda a: a["slug"]),
        }
        run.put(index_path, json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    return published


def check_output(output_root: Path, locales: Sequence[str] | None = None) -> list[Problem]:
    """Validate published files; see :func:`translator.publish.check.check_output`."""
    from .check import check_output as _check

    return _check(output_root, locales)
