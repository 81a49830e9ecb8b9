"""``translator run`` and ``translator watch``: the whole configured job, in one process.

Thin commands over :func:`translator.job.run_job` (translate every article
into every locale, then publish) and :func:`translator.job.plan_job`
(``--dry-run``): they read the configuration, draw progress on a terminal,
and print a summary. Exit status: 0 ok, 1 QA errors with ``--strict``, 2 a
usage or input error (including an article that failed while the others went
on).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .._i18n import _
from ..config import ENGINE_KINDS, Config
from ..errors import TranslatorError
from ..job import plan_job, run_job, translation_targets, watched_state
from ._common import fail, report_errors, warn
from ._progress import ProgressBars, render_plan, render_summary
from .config import config_option, load_config_for_cli

__all__ = ["run", "watch", "summarize"]

EXIT_OK, EXIT_QA, EXIT_INPUT = 0, 1, 2


# --- the summary ----------------------------------------------------------------------------

def summarize(job, locales: Sequence[str], seconds: float) -> dict[str, Any]:
    """One flat summary of a :class:`~translator.job.JobResult` (the pipeline's and publish's figures)."""
    result, published, engine = job.translated, job.published, job.engine
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
    with report_errors():
        files = cfg.source_files()
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
            def no_model(directions: tuple[tuple[str, str], ...]) -> None:
                bars.clear()
                warn(_("no translation model installed for {directions}: using the pseudo engine, "
                       "whose output is not a translation; install a model with: "
                       "translator models install FILE").format(
                           directions=", ".join(f"{s}→{t}" for s, t in directions)))

            job = run_job(cfg, files, progress=bars if bars.enabled else None, publish=publish,
                          on_fallback=no_model)
    except TranslatorError as exc:
        warn(_("error: {message}").format(message=exc))
        return getattr(exc, "exit_code", EXIT_INPUT)
    locales = cfg.locale_codes if job.published is not None else translation_targets(cfg)
    summary = summarize(job, locales, time.perf_counter() - started)
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
        with report_errors():
            plan = plan_job(cfg, files).to_dict()
        click.echo(json.dumps(plan, ensure_ascii=False) if fmt == "json" else render_plan(plan))
        raise SystemExit(EXIT_INPUT if plan["failures"] else EXIT_OK)
    code = _execute(cfg, files, quiet=quiet, fmt=fmt, strict=strict, publish=not no_publish)
    if code:
        raise SystemExit(code)


# --- watch ---------------------------------------------------------------------------------------

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
