"""``translator translate``: articles in, PO catalogs for review out."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _
from ..errors import ModelNotInstalled
from ..locales import SOURCE_LANGUAGES
from ._common import fail, report_errors, warn
from .config import config_option, load_config_for_cli


@click.command(help=_("Translate articles into PO catalogs for review. Without FILE arguments or --to, "
                      "the configuration's sources and targets are used."))
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--to", "targets", metavar="LOCALES",
              help=_("Target locales, comma-separated (e.g. ru,kk). Default: the configured targets."))
@click.option("--from", "source_lang", type=click.Choice(SOURCE_LANGUAGES),
              help=_("Source language (detected per article when not given)."))
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("locales"),
              show_default=True, help=_("Root of the locales tree the catalogs go into."))
@click.option("--engine", type=click.Choice(["auto", "argos", "pseudo"]), default="auto", show_default=True,
              help=_("Translation engine; pseudo needs no model and shows the flow."))
@click.option("--models-dir", type=click.Path(path_type=Path, file_okay=False),
              help=_("Where installed models are looked for."))
@click.option("--tm", "tm_path", type=click.Path(path_type=Path, dir_okay=False),
              help=_("Translation memory (SQLite file; created when missing)."))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help=_("Termbase file (repeatable); the starter glossary when not given."))
@click.option("--no-glossary", is_flag=True, help=_("Do not apply any glossary."))
@click.option("--no-qa", is_flag=True, help=_("Do not run the QA checks."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=_("Format of the summary."))
@click.option("-q", "--quiet", is_flag=True, help=_("No progress messages."))
@config_option
def translate(files, targets, source_lang, output_dir, engine, models_dir, tm_path, glossaries,
              no_glossary, no_qa, fmt, quiet, config_file) -> None:
    from ..pipeline import TranslateOptions
    from ..pipeline import translate as run_translate

    if not files or not targets:
        files, targets = _from_config(files, targets, config_file)

    options = TranslateOptions(
        output_dir=output_dir, source_lang=source_lang, engine=engine, models_dir=models_dir,
        tm_path=tm_path, glossary=None if no_glossary else tuple(glossaries), qa=not no_qa,
        project_root=Path.cwd(),
    )

    def progress(stage: str, done: int, total: int) -> None:
        if not quiet and stage not in ("read", "write") and done == 0:
            warn(_("translating {stage}: {n} segments").format(stage=stage, n=total))

    with report_errors():
        try:
            summary = run_translate(files, targets, options, progress)
        except ModelNotInstalled as exc:
            fail(_("{error}; or try the flow without a model: --engine pseudo").format(error=exc),
                 exc.exit_code)
    for f in summary.failures:
        warn(_("error: {message}").format(message=f.message))
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        click.echo(_("{articles} articles, {catalogs} catalogs ({written} written); "
                     "{planned} segments to translate: {tm} from memory, {mt} by MT "
                     "({texts} unique texts, {calls} engine calls); QA: {errors} errors, {warnings} warnings")
                   .format(articles=summary.articles, catalogs=summary.catalogs, written=summary.files_written,
                           planned=summary.planned, tm=summary.from_tm, mt=summary.from_mt,
                           texts=summary.mt_texts, calls=summary.mt_calls, errors=summary.qa_errors,
                           warnings=summary.qa_warnings))
    if summary.failures:
        raise SystemExit(1)


def _from_config(files: tuple[Path, ...], targets: str | None, config_file: Path | None):
    """Fill in the articles and target locales the command line left out from the configuration."""
    from ..job import translation_targets

    cfg = load_config_for_cli(config_file)
    with report_errors():
        files = files or tuple(cfg.source_files())
    if not files:
        fail(_("no articles to translate: pass FILE arguments, or set 'sources' in the configuration"))
    targets = targets or ",".join(translation_targets(cfg))
    if not targets:
        fail(_("no target locale: pass --to, e.g. --to ru,kk, or set 'targets' in the configuration"))
    return files, targets
