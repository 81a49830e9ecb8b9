"""``translator run``: the whole configured job, translate then publish, in one process.

The command reads the configuration, picks the engine (the installed models,
or the pseudo engine when none are and the configuration allows it), calls
:func:`translator.pipeline.translate` once for every article and locale (so
each model is loaded once), then :func:`translator.publish.publish`, and
prints a summary. Exit status: 0 ok, 1 QA errors with ``--strict``, 2 a usage
or input error (including an article that failed while the others went on).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .._i18n import _
from ..config import ENGINE_KINDS, Config
from ..errors import ModelNotInstalled, TranslatorError
from ._common import fail, warn
from ._progress import ProgressBars, ProgressEngine, render_plan, render_summary
from .config import config_option, load_config_for_cli

__all__ = ["run", "watch", "run_job", "watched_state", "plan_run", "summarize", "translate_options", "publish_options"]

EXIT_OK, EXIT_QA, EXIT_INPUT = 0, 1, 2


# --- the stages' options, from the configuration ----------------------------------------

def translate_options(cfg: Config, engine: str):
    """:class:`translator.pipeline.TranslateOptions` for this configuration."""
    from ..pipeline import TranslateOptions

    return TranslateOptions(
        output_dir=cfg.output.dir, layout=cfg.output.layout, source_lang=cfg.source_language,
        engine=engine, engine_settings=cfg.engine.settings(), models_dir=cfg.models_dir,
        tm_path=cfg.tm, glossary=cfg.glossary, project_root=cfg.root,
    )


def publish_options(cfg: Config):
    """:class:`translator.publish.PublishOptions` for this configuration."""
    from ..publish import PublishOptions

    return PublishOptions(include_machine=cfg.publish.include_machine,
                          include_pseudo=cfg.publish.include_pseudo,
                          latin=cfg.publish.latin, source_root=cfg.root)


def translation_targets(cfg: Config) -> tuple[str, ...]:
    """Locales MT produces (``kk-Latn`` is derived from ``kk`` when publishing)."""
    from ..locales import get_locale

    return tuple(c for c in cfg.targets if get_locale(c).derived_from is None)


# --- dry run ------------------------------------------------------------------------------

def _served(cfg: Config) -> Callable[[str, str], bool]:
    """Whether the configured engine would really serve a direction (pseudo output is then replaced)."""
    if cfg.engine.kind == "pseudo":
        return lambda source, target: False
    cache: dict[tuple[str, str], bool] = {}
    engine: list[Any] = []

    def served(source: str, target: str) -> bool:
        if (source, target) not in cache:
            try:
                if not engine:
                    from ..mt import open_engine

                    engine.append(open_engine(cfg.engine.kind, cfg.engine.settings(),
                                              models_dir=cfg.models_dir))
                engine[0].check(source, target)
                cache[source, target] = True
            except (ModelNotInstalled, ImportError):
                cache[source, target] = cfg.engine.fallback != "pseudo"
        return cache[source, target]
    return served


def plan_run(cfg: Config, paths: Sequence[Path]) -> dict[str, Any]:
    """What a run would send to translation: articles, and segments and words per direction.

    Uses the same planning as the pipeline (:func:`translator.catalog.plan`):
    a segment counts when its catalog has no entry for it, its source changed,
    or it holds pseudo output that an installed model would now replace.
    Segments the translation memory may supply are counted too.
    """
    from ..catalog import plan, read_catalog
    from ..locales import get_locale
    from ..segment import read_article

    served = _served(cfg)
    directions: dict[tuple[str, str], list[int]] = {}
    failures: list[tuple[str, str]] = []
    articles = 0
    for path in paths:
        try:
            article = read_article(path, lang=cfg.source_language)
            articles += 1
            for code in translation_targets(cfg):
                locale = get_locale(code)
                if locale.language == article.lang:
                    continue
                po = cfg.output.dir / cfg.output.layout.format(locale=locale.code, slug=article.slug)
                catalog = read_catalog(po) if po.is_file() else None
                todo = plan(article, locale.code, catalog,
                            replace_pseudo=served(article.lang, locale.language))
                if todo:
                    row = directions.setdefault((article.lang, locale.code), [0, 0])
                    row[0] += len(todo)
                    row[1] += sum(len(s.text.split()) for s in todo)
        except TranslatorError as exc:
            failures.append((str(path), str(exc)))
    return {
        "articles": articles,
        "directions": [{"source": s, "target": t, "segments": n, "words": w}
                       for (s, t), (n, w) in sorted(directions.items())],
        "failures": failures,
    }


# --- the summary ----------------------------------------------------------------------------

def summarize(result: Any, published: Any, locales: Sequence[str], engine: str,
              seconds: float) -> dict[str, Any]:
    """One flat summary from the pipeline's ``RunSummary`` and publish's ``PublishSummary``."""
    failures = [(f.path, f.message) for f in result.failures]
    written = len(result.written)
    warnings: list[tuple[str, str]] = []
    if published is not None:
        written += len(published.written)
        for problem in published.problems:
            row = (str(problem.path), problem.message)
            (failures if problem.severity == "error" else warnings).append(row)
    return {
        "articles": result.articles,
        "locales": list(locales),
        "from_memory": result.from_tm,
        "from_mt": result.from_mt,
        "mt_calls": result.mt_calls,
        "qa_errors": result.qa_errors,
        "qa_warnings": result.qa_warnings,
        "files_written": written,
        "failures": failures,
        "warnings": warnings,
        "engine": engine,
        "seconds": round(seconds, 3),
        "finished": datetime.now().replace(microsecond=0),
    }


def run_job(cfg: Config, files: Sequence[Path], kind: str, bars: ProgressBars | None = None, *,
            publish: bool = True, engine: Any = None) -> tuple[Any, Any, str]:
    """Translate ``files`` into every configured locale, then publish: ``(RunSummary, PublishSummary, engine)``.

    With ``engine.fallback = "pseudo"``, a run that finds no installed model
    is done again with the pseudo engine (the first attempt stops before
    writing anything that needed a model); the returned engine says which.
    ``engine`` is an opened engine to use instead (benchmarks pass an
    instrumented one); the caller closes it.
    """
    from .. import pipeline

    def attempt(kind: str) -> Any:
        options = translate_options(cfg, kind)
        targets = list(translation_targets(cfg))
        progress = bars if bars is not None and bars.enabled else None
        if engine is not None:
            return pipeline.translate(list(files), targets, options, progress=progress, engine=engine)
        if progress is None:
            return pipeline.translate(list(files), targets, options)
        from ..mt import open_engine

        factory = lambda: open_engine(kind, cfg.engine.settings(), models_dir=cfg.models_dir)  # noqa: E731
        with ProgressEngine(factory, bars) as wrapped:
            return pipeline.translate(list(files), targets, options, progress=bars, engine=wrapped)

    try:
        result = attempt(kind)
    except ModelNotInstalled as exc:
        if kind == "pseudo" or cfg.engine.fallback != "pseudo" or engine is not None:
            raise
        if bars is not None:
            bars.clear()
        directions = ", ".join(f"{s}→{t}" for s, t in exc.directions) or "?"
        warn(_("no translation model installed for {directions}: using the pseudo engine, whose "
               "output is not a translation; install a model with: "
               "translator models install FILE").format(directions=directions))
        kind = "pseudo"
        result = attempt(kind)
    published = None
    if publish and cfg.publish.enabled:
        from ..publish import publish as publish_files

        published = publish_files(cfg.output.dir, cfg.output.dir, list(cfg.locale_codes),
                                  list(cfg.output.formats), publish_options(cfg))
    return result, published, kind


# --- the commands ---------------------------------------------------------------------------

class _LibraryMessages(logging.Handler):
    """Show the library's warnings on stderr while a run goes on (not its errors: the summary lists them)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.ERROR:
            warn(_("warning: {message}").format(message=record.getMessage()))


@contextmanager
def _library_messages(quiet: bool) -> Iterator[None]:
    logger = logging.getLogger("translator")
    handler = _LibraryMessages(level=logging.ERROR if quiet else logging.WARNING)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _load(paths: Sequence[Path], config_file: Path | None, engine: str | None,
          targets: str | None) -> Config:
    overrides = {"engine.kind": (engine, "--engine"), "targets": (targets, "--to")}
    if paths:
        overrides["sources"] = ([str(Path(p).resolve()) for p in paths], "PATHS")
    return load_config_for_cli(config_file, overrides)


def _files(cfg: Config) -> list[Path]:
    try:
        files = cfg.source_files()
    except TranslatorError as exc:
        fail(str(exc))
    if not files:
        fail(_("no articles to translate; list source folders under 'sources' in translator.toml "
               "or give files"))
    return files


def _execute(cfg: Config, files: Sequence[Path], *, quiet: bool, fmt: str, strict: bool,
             publish: bool) -> int:
    """One run with its report; returns the exit status."""
    show_progress = not quiet and fmt == "text" and sys.stderr.isatty()
    started = time.perf_counter()
    try:
        with _library_messages(quiet), ProgressBars(enabled=show_progress) as bars:
            result, published, kind = run_job(cfg, files, cfg.engine.kind, bars, publish=publish)
    except TranslatorError as exc:
        warn(_("error: {message}").format(message=exc))
        return getattr(exc, "exit_code", EXIT_INPUT)
    summary = summarize(result, published, cfg.locale_codes if published is not None else
                        translation_targets(cfg), kind, time.perf_counter() - started)
    for path, message in summary["failures"]:
        warn(_("error: {message}").format(message=message) if str(path) in message
             else _("error: {path}: {message}").format(path=path, message=message))
    if not quiet:
        for path, message in summary["warnings"]:
            warn(_("warning: {path}: {message}").format(path=path, message=message))
    if fmt == "json":
        click.echo(json.dumps({**summary, "finished": summary["finished"].isoformat()}, ensure_ascii=False))
    elif not quiet:
        click.echo(render_summary(summary))
    if summary["failures"]:
        return EXIT_INPUT
    if strict and summary["qa_errors"]:
        return EXIT_QA
    return EXIT_OK


def _common_options(func):
    for option in reversed([
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        config_option,
        click.option("--quiet", "-q", is_flag=True, help=_("No progress bars and no summary.")),
        click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                     show_default=True, help=_("Format of the summary.")),
        click.option("--strict", is_flag=True, help=_("Exit with status 1 when QA finds errors.")),
        click.option("--engine", type=click.Choice(ENGINE_KINDS), default=None,
                     help=_("Translation engine (default: from the configuration).")),
        click.option("--to", "targets", default=None, metavar="LOCALES",
                     help=_("Target locales, comma-separated (default: from the configuration).")),
        click.option("--no-publish", is_flag=True, help=_("Translate only; do not publish.")),
    ]):
        func = option(func)
    return func


@click.command(help=_("Run the whole configured job: translate, then publish."))
@_common_options
@click.option("--dry-run", is_flag=True, help=_("Show what would be translated, and stop."))
def run(paths: tuple[Path, ...], config_file: Path | None, dry_run: bool, quiet: bool, fmt: str,
        strict: bool, engine: str | None, targets: str | None, no_publish: bool) -> None:
    cfg = _load(paths, config_file, engine, targets)
    files = _files(cfg)
    if dry_run:
        result = plan_run(cfg, files)
        click.echo(json.dumps(result, ensure_ascii=False) if fmt == "json" else render_plan(result))
        raise SystemExit(EXIT_INPUT if result["failures"] else EXIT_OK)
    code = _execute(cfg, files, quiet=quiet, fmt=fmt, strict=strict, publish=not no_publish)
    if code:
        raise SystemExit(code)


# --- watch ---------------------------------------------------------------------------------------

def watched_state(cfg: Config) -> dict[str, tuple[int, int]]:
    """``(mtime, size)`` of every source article and every catalog: what a change shows in."""
    try:
        files = cfg.source_files()
    except TranslatorError:
        files = []
    if cfg.output.dir.is_dir():
        files += sorted(cfg.output.dir.rglob("*.po"))
    state = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        state[str(path)] = (st.st_mtime_ns, st.st_size)
    return state


_sleep = time.sleep  # tests replace it


@click.command(help=_("Run the job again whenever source articles or catalogs change."))
@_common_options
@click.option("--interval", type=click.FloatRange(0.1), default=2.0, show_default=True,
              help=_("Seconds between checks for changes."))
@click.option("--runs", "max_runs", type=click.IntRange(0), default=0, hidden=True)
def watch(paths: tuple[Path, ...], config_file: Path | None, quiet: bool, fmt: str, strict: bool,
          engine: str | None, targets: str | None, no_publish: bool, interval: float,
          max_runs: int) -> None:
    cfg = _load(paths, config_file, engine, targets)
    _files(cfg)
    state: dict[str, tuple[int, int]] | None = None
    runs = 0
    try:
        while True:
            current = watched_state(cfg)
            if current != state:
                if state is not None and not quiet:
                    click.echo(_("changes found; running again"), err=True)
                try:
                    files = cfg.source_files()
                except TranslatorError as exc:
                    warn(_("error: {message}").format(message=exc))
                    files = []
                if files:
                    _execute(cfg, files, quiet=quiet, fmt=fmt, strict=strict, publish=not no_publish)
                state = watched_state(cfg)  # what the run wrote is not a change to react to
                runs += 1
                if max_runs and runs >= max_runs:
                    return
                if not quiet:
                    click.echo(_("watching for changes (Ctrl-C to stop)"), err=True)
            _sleep(interval)
    except KeyboardInterrupt:
        return
