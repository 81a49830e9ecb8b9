"""``translator run``: the whole configured job, translate then publish, in one process.

The command reads the configuration, picks the engine (the installed models,
or the pseudo engine when none are and the configuration allows it), calls
:func:`translator.pipeline.translate` once for every article and locale (so
each model is loaded once), then :func:`translator.publish.publish`, and
prints a summary. Exit status: 0 ok, 1 QA errors with ``--strict``, 2 a usage
or input error (including an article that failed while the others went on).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .._i18n import _
from ..config import ENGINE_KINDS, Config
from ..errors import ModelNotInstalled, TranslatorError
from ._common import fail, warn
from ._progress import ProgressBars, render_plan, render_summary
from .config import config_option, load_config_for_cli

__all__ = ["run", "plan_run", "make_options"]

EXIT_OK, EXIT_QA, EXIT_INPUT = 0, 1, 2


# --- building the stages' options from the configuration ------------------------------

def make_options(cls: type, values: Mapping[str, Any]) -> Any:
    """An options dataclass of another stage, filled with the values it has fields for.

    The stages own their option types; the configuration knows every value.
    Values are offered under the names a stage may use (``values`` may hold
    several aliases); fields with no value keep their defaults.
    """
    if not dataclasses.is_dataclass(cls):
        return cls(**values)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    return cls(**{k: v for k, v in values.items() if k in names})


def _pipeline_values(cfg: Config, engine: str) -> dict[str, Any]:
    settings = cfg.engine.settings()
    return {
        "engine": engine, "engine_kind": engine,
        "settings": settings, "engine_settings": settings,
        "models_dir": cfg.models_dir,
        "source_lang": cfg.source_language, "lang": cfg.source_language,
        "glossary": cfg.glossary, "glossaries": cfg.glossary, "glossary_paths": cfg.glossary,
        "tm": cfg.tm, "tm_path": cfg.tm, "memory": cfg.tm,
        "output_dir": cfg.output.dir, "catalog_root": cfg.output.dir, "root": cfg.output.dir,
        "layout": cfg.output.layout,
        "project_root": cfg.root,
    }


def _publish_values(cfg: Config) -> dict[str, Any]:
    return {
        "include_machine": cfg.publish.include_machine,
        "include_pseudo": cfg.publish.include_pseudo,
        "latin": cfg.publish.latin, "layout": cfg.output.layout, "project_root": cfg.root,
    }


def translation_targets(cfg: Config) -> tuple[str, ...]:
    """Locales MT produces (``kk-Latn`` is derived from ``kk`` when publishing)."""
    from ..locales import get_locale

    return tuple(c for c in cfg.targets if get_locale(c).derived_from is None)


# --- dry run ------------------------------------------------------------------------------

def plan_run(cfg: Config, paths: Sequence[Path]) -> dict[str, Any]:
    """What a run would send to translation: articles, and segments and words per direction.

    Uses the same planning as the pipeline (:func:`translator.catalog.plan`):
    a segment counts when its catalog has no entry for it or its source changed.
    Segments the translation memory may supply are counted too.
    """
    from ..catalog import plan, read_catalog
    from ..locales import get_locale
    from ..segment import read_article

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
                todo = plan(article, locale.code, catalog)
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

def _first(obj: Any, names: Iterable[str], default: Any = 0) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            value = getattr(obj, name)
            return value() if callable(value) else value
    return default


def _count(value: Any) -> int:
    return len(value) if isinstance(value, (list, tuple, set, frozenset, dict)) else int(value or 0)


def summarize(result: Any, published: Any, cfg: Config, locales: Sequence[str], engine: str,
              seconds: float) -> dict[str, Any]:
    """One flat summary from the pipeline's ``RunSummary`` and publish's ``PublishSummary``."""
    failures = [(str(p), str(m)) for p, m in _first(result, ("failures", "errors", "failed"), [])]
    failures += [(str(p), str(m)) for p, m in _first(published, ("failures", "errors", "failed"), [])]
    written = _count(_first(result, ("files_written", "written", "catalogs_written")))
    written += _count(_first(published, ("files_written", "written")))
    return {
        "articles": _count(_first(result, ("articles",))),
        "locales": list(locales),
        "from_memory": _count(_first(result, ("from_memory", "tm_hits", "memory"))),
        "from_mt": _count(_first(result, ("from_mt", "mt_segments", "machine", "translated"))),
        "mt_calls": _count(_first(result, ("mt_calls", "engine_calls"))),
        "qa_errors": _count(_first(result, ("qa_errors",))),
        "qa_warnings": _count(_first(result, ("qa_warnings",))),
        "files_written": written,
        "failures": failures,
        "engine": engine,
        "seconds": round(seconds, 3),
        "finished": datetime.now().replace(microsecond=0),
    }


# --- the command --------------------------------------------------------------------------------

def _translate(cfg: Config, paths: Sequence[Path], engine: str, progress: Any) -> Any:
    from .. import pipeline

    options_cls = getattr(pipeline, "PipelineOptions", None) or pipeline.Options
    options = make_options(options_cls, _pipeline_values(cfg, engine))
    return pipeline.translate(list(paths), list(translation_targets(cfg)), options, progress=progress)


def _publish(cfg: Config, locales: Sequence[str]) -> Any:
    from .. import publish

    options_cls = getattr(publish, "PublishRules", None) or publish.PublishOptions
    options = make_options(options_cls, _publish_values(cfg))
    return publish.publish(cfg.output.dir, cfg.output.dir, list(locales), list(cfg.output.formats), options)


@click.command(help=_("Run the whole configured job: translate, then publish."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option("--dry-run", is_flag=True, help=_("Show what would be translated, and stop."))
@click.option("--quiet", "-q", is_flag=True, help=_("No progress bars and no summary."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=_("Format of the summary."))
@click.option("--strict", is_flag=True, help=_("Exit with status 1 when QA finds errors."))
@click.option("--engine", type=click.Choice(ENGINE_KINDS), default=None,
              help=_("Translation engine (default: from the configuration)."))
@click.option("--to", "targets", default=None, metavar="LOCALES",
              help=_("Target locales, comma-separated (default: from the configuration)."))
@click.option("--no-publish", is_flag=True, help=_("Translate only; do not publish."))
def run(paths: tuple[Path, ...], config_file: Path | None, dry_run: bool, quiet: bool, fmt: str,
        strict: bool, engine: str | None, targets: str | None, no_publish: bool) -> None:
    overrides = {"engine.kind": (engine, "--engine"), "targets": (targets, "--to")}
    if paths:
        overrides["sources"] = ([str(p.resolve()) for p in paths], "PATHS")
    cfg = load_config_for_cli(config_file, overrides)
    try:
        files = cfg.source_files()
    except TranslatorError as exc:
        fail(str(exc))
    if not files:
        fail(_("no articles to translate; list source folders under 'sources' in translator.toml "
               "or give files"))

    if dry_run:
        result = plan_run(cfg, files)
        click.echo(json.dumps(result, ensure_ascii=False) if fmt == "json" else render_plan(result))
        raise SystemExit(EXIT_INPUT if result["failures"] else EXIT_OK)

    show_progress = not quiet and fmt == "text" and sys.stderr.isatty()
    kind = cfg.engine.kind
    started = time.perf_counter()
    try:
        with ProgressBars(enabled=show_progress) as bars:
            try:
                result = _translate(cfg, files, kind, bars)
            except ModelNotInstalled as exc:
                if kind == "pseudo" or cfg.engine.fallback != "pseudo":
                    raise
                warn(_("no translation model installed ({reason}); using the pseudo engine, whose "
                       "output is not a translation. Install a model with: "
                       "translator models install FILE").format(reason=exc))
                kind = "pseudo"
                result = _translate(cfg, files, kind, bars)
        locales = cfg.locale_codes
        published = None
        if cfg.publish.enabled and not no_publish:
            published = _publish(cfg, locales)
    except TranslatorError as exc:
        fail(str(exc), getattr(exc, "exit_code", EXIT_INPUT))
    summary = summarize(result, published, cfg, locales, kind, time.perf_counter() - started)

    for path, message in summary["failures"]:
        warn(_("error: {path}: {message}").format(path=path, message=message)
             if not message.startswith(str(path)) else _("error: {message}").format(message=message))
    if fmt == "json":
        click.echo(json.dumps({**summary, "finished": summary["finished"].isoformat()}, ensure_ascii=False))
    elif not quiet:
        click.echo(render_summary(summary))
    if summary["failures"]:
        raise SystemExit(EXIT_INPUT)
    if strict and summary["qa_errors"]:
        raise SystemExit(EXIT_QA)
