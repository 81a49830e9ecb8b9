"""The editors' job: every configured article into every configured locale, then published.

:func:`run_job` is what ``translator run`` does: one
:func:`translator.pipeline.translate` call for all articles and locales (so
each model is loaded once and every direction goes to the engine in one
batch), then :func:`translator.publish.publish`. :func:`plan_job` tells what
a run would send to translation without doing it (``--dry-run``), and
:func:`watched_state` what ``translator watch`` compares between checks.

Everything is read from a :class:`~translator.config.Config`; nothing here
prints (progress goes through a callback, notices through ``logging``).

>>> cfg = load_config()                                   # doctest: +SKIP
>>> result = run_job(cfg, cfg.source_files())            # doctest: +SKIP
>>> result.translated.from_mt, len(result.published.written)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import iter_catalogs
from .config import Config
from .errors import ModelNotInstalled, TranslatorError
from .mt.base import Engine

__all__ = [
    "JobResult",
    "JobPlan",
    "DirectionPlan",
    "ProgressEngine",
    "run_job",
    "plan_job",
    "watched_state",
    "translation_targets",
    "translate_options",
    "publish_options",
]

log = logging.getLogger(__name__)

#: ``progress(stage, done, total)``, as :mod:`translator.pipeline` calls it.
Progress = Callable[[str, int, int], None]


# --- the stages' options, from the configuration ----------------------------------------------

def translation_targets(cfg: Config) -> tuple[str, ...]:
    """Locales MT produces (``kk-Latn`` is made from ``kk`` when publishing)."""
    from .locales import get_locale

    return tuple(c for c in cfg.targets if get_locale(c).derived_from is None)


def translate_options(cfg: Config, engine: str):
    """:class:`translator.pipeline.TranslateOptions` for this configuration."""
    from .pipeline import TranslateOptions

    return TranslateOptions(
        output_dir=cfg.output.dir, layout=cfg.output.layout, source_lang=cfg.source_language,
        engine=engine, engine_settings=cfg.engine.settings(), models_dir=cfg.models_dir,
        tm_path=cfg.tm, glossary=cfg.glossary, project_root=cfg.root,
    )


def publish_options(cfg: Config):
    """:class:`translator.publish.PublishOptions` for this configuration."""
    from .publish import PublishOptions

    return PublishOptions(include_machine=cfg.publish.include_machine,
                          include_pseudo=cfg.publish.include_pseudo,
                          latin=cfg.publish.latin, source_root=cfg.root,
                          layout=cfg.output.layout)


# --- progress inside a direction -----------------------------------------------------------------

class ProgressEngine(Engine):
    """An engine wrapper that reports progress while a direction is translated.

    The pipeline hands the engine every segment of a direction in one call;
    to show progress the wrapper passes them on in a few large slices (at
    least ``min_chunk`` segments, at most ``slices`` slices) and calls
    ``progress("en→ru", done, total)`` after each. Slices that large keep
    the engine's own batching efficient; a run with no one watching hands
    the engine the whole batch instead. The real engine is opened on first
    use, so a run with nothing to translate loads no model.
    """

    def __init__(self, factory: Callable[[], Engine], progress: Progress, *, slices: int = 20,
                 min_chunk: int = 256) -> None:
        self._factory = factory
        self._progress = progress
        self._inner: Engine | None = None
        self.slices, self.min_chunk = slices, min_chunk

    @property
    def inner(self) -> Engine:
        if self._inner is None:
            self._inner = self._factory()
        return self._inner

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.inner.name

    def check(self, source: str, target: str) -> tuple[str, ...]:
        return self.inner.check(source, target)

    def translate(self, texts, source: str, target: str):
        texts = list(texts)
        total = len(texts)
        size = max(self.min_chunk, -(-total // self.slices))
        out = []
        for start in range(0, total, size):
            out.extend(self.inner.translate(texts[start:start + size], source, target))
            self._progress(f"{source}→{target}", len(out), total)
        return out

    def close(self) -> None:
        if self._inner is not None:
            self._inner.close()
            self._inner = None


# --- the run ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JobResult:
    """What a job did: the pipeline's ``RunSummary``, publish's ``PublishSummary`` (None when not
    published), the engine kind really used, and the directions that had no model when the
    configuration let the pseudo engine stand in."""

    translated: Any
    published: Any
    engine: str
    fallback: tuple[tuple[str, str], ...] = ()


def run_job(cfg: Config, files: Sequence[Path], *, progress: Progress | None = None,
            publish: bool = True, engine: Engine | None = None,
            on_fallback: Callable[[tuple[tuple[str, str], ...]], None] | None = None) -> JobResult:
    """Translate ``files`` into every configured locale, then publish them.

    With ``engine.fallback = "pseudo"`` in the configuration, a run that
    finds no installed model is done again with the pseudo engine (the first
    attempt stops before writing anything a model was needed for) and
    ``on_fallback(directions)`` is told first (by default a logged warning).
    ``engine`` is an opened engine to use instead of the configured one
    (benchmarks pass an instrumented one); the caller closes it.
    """
    from . import pipeline

    targets = list(translation_targets(cfg))

    def attempt(kind: str):
        options = translate_options(cfg, kind)
        if engine is not None:
            return pipeline.translate(list(files), targets, options, progress=progress, engine=engine)
        if progress is None:
            return pipeline.translate(list(files), targets, options)
        from .mt import open_engine

        def factory() -> Engine:
            return open_engine(kind, cfg.engine.settings(), models_dir=cfg.models_dir)

        with ProgressEngine(factory, progress) as wrapped:
            return pipeline.translate(list(files), targets, options, progress=progress, engine=wrapped)

    kind = cfg.engine.kind
    fallback: tuple[tuple[str, str], ...] = ()
    try:
        translated = attempt(kind)
    except ModelNotInstalled as exc:
        if kind == "pseudo" or cfg.engine.fallback != "pseudo" or engine is not None:
            raise
        fallback = tuple(exc.directions)
        if on_fallback is not None:
            on_fallback(fallback)
        else:
            log.warning("%s; using the pseudo engine, whose output is not a translation", exc)
        kind = "pseudo"
        translated = attempt(kind)
    published = None
    if publish and cfg.publish.enabled:
        from .publish import publish as publish_files

        published = publish_files(cfg.output.dir, cfg.output.dir, list(cfg.locale_codes),
                                  list(cfg.output.formats), publish_options(cfg))
    return JobResult(translated, published, kind, fallback)


# --- dry run ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DirectionPlan:
    """Segments and words a run would send to translation in one direction."""

    source: str
    target: str
    segments: int
    words: int


@dataclass(frozen=True)
class JobPlan:
    """What a run would translate: articles read, work per direction, articles that failed."""

    articles: int
    directions: tuple[DirectionPlan, ...] = ()
    failures: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "directions": [vars(d) for d in self.directions],
            "failures": [list(f) for f in self.failures],
        }


def _served(cfg: Config) -> tuple[Callable[[str, str], bool], Callable[[], None]]:
    """Whether the configured engine would really serve a direction, and how to close what it opened."""
    opened: list[Engine] = []
    cache: dict[tuple[str, str], bool] = {}

    def served(source: str, target: str) -> bool:
        if cfg.engine.kind == "pseudo":
            return False
        if (source, target) not in cache:
            try:
                if not opened:
                    from .mt import open_engine

                    opened.append(open_engine(cfg.engine.kind, cfg.engine.settings(),
                                              models_dir=cfg.models_dir))
                opened[0].check(source, target)
                cache[source, target] = True
            except ModelNotInstalled:
                cache[source, target] = cfg.engine.fallback != "pseudo"
        return cache[source, target]

    def close() -> None:
        for e in opened:
            e.close()

    return served, close


def plan_job(cfg: Config, files: Sequence[Path]) -> JobPlan:
    """What a run would send to translation, per direction, without translating or writing.

    Uses the pipeline's own planning (:func:`translator.catalog.plan`): a
    segment counts when its catalog has no entry for it, its source changed,
    or it holds pseudo output that an installed model would now replace.
    Segments the translation memory may supply are counted too.
    """
    from .catalog import catalog_path, plan, read_catalog
    from .locales import get_locale
    from .segment import read_article

    served, close = _served(cfg)
    totals: dict[tuple[str, str], list[int]] = {}
    failures: list[tuple[str, str]] = []
    articles = 0
    try:
        for path in files:
            try:
                article = read_article(path, lang=cfg.source_language)
                articles += 1
                for code in translation_targets(cfg):
                    locale = get_locale(code)
                    if locale.language == article.lang:
                        continue
                    po = catalog_path(cfg.output.dir, locale.code, article.slug, cfg.output.layout)
                    catalog = read_catalog(po) if po.is_file() else None
                    todo = plan(article, locale.code, catalog,
                                replace_pseudo=served(article.lang, locale.language))
                    if todo:
                        row = totals.setdefault((article.lang, locale.code), [0, 0])
                        row[0] += len(todo)
                        row[1] += sum(len(s.text.split()) for s in todo)
            except TranslatorError as exc:
                failures.append((str(path), str(exc)))
    finally:
        close()
    return JobPlan(
        articles,
        tuple(DirectionPlan(s, t, n, w) for (s, t), (n, w) in sorted(totals.items())),
        tuple(failures),
    )


# --- watch -----------------------------------------------------------------------------------------

def watched_state(cfg: Config) -> dict[str, tuple[int, int]]:
    """``(mtime, size)`` of every source article and every catalog: what a change shows in."""
    try:
        files = cfg.source_files()
    except TranslatorError:
        files = []
    if cfg.output.dir.is_dir():
        files += iter_catalogs([cfg.output.dir])
    state = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        state[str(path)] = (st.st_mtime_ns, st.st_size)
    return state
