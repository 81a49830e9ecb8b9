"""``translator publish``: write per-locale article files for sites, or check them."""

from __future__ import annotations

from pathlib import Path

import click

from .._i18n import _, ngettext
from ._common import report_errors, warn


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


@click.command(help=_("Write per-locale article files for sites."))
@click.option("--locale", "locales", multiple=True, metavar="L",
              help=_("Locale to publish (repeat or comma-separate); default: every locale with catalogs."))
@click.option("--format", "formats", default="md,json,html", show_default=True,
              help=_("Output formats, comma-separated: md, json, html."))
@click.option("--catalogs", type=click.Path(path_type=Path, file_okay=False), default=Path("locales"),
              show_default=True, help=_("Folder holding <locale>/LC_MESSAGES/<slug>.po."))
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("locales"),
              show_default=True, help=_("Folder to write <locale>/articles/<slug>.* into."))
@click.option("--source-root", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help=_("Where the catalogs' X-Source-File paths start (the project root)."))
@click.option("--include-machine/--no-include-machine", default=None,
              help=_("Publish machine translations (flagged) instead of the source text "
                     "[default: no, unless the project configuration says so]."))
@click.option("--include-pseudo", is_flag=True, help=_("Publish pseudo-localised output too (for trying the pipeline)."))
@click.option("--include-furniture", is_flag=True, help=_("Keep furniture and meta blocks (in the source language)."))
@click.option("--latin/--no-latin", default=True, show_default=True,
              help=_("Publish kk-Latn (transliterated) whenever kk is published."))
@click.option("--on-stale", type=click.Choice(["skip", "old"]), default="skip", show_default=True,
              help=_("A catalog out of date with its source: skip it, or publish the old catalog as it is."))
@click.option("--check", is_flag=True, help=_("Validate the files already published instead of writing."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print problems only."))
def publish(locales: tuple[str, ...], formats: str, catalogs: Path, output_dir: Path,
            source_root: Path, include_machine: bool | None, include_pseudo: bool, include_furniture: bool, latin: bool,
            on_stale: str, check: bool, quiet: bool) -> None:
    from ..publish import PublishOptions, check_output
    from ..publish import publish as run_publish

    with report_errors():
        if check:
            problems = check_output(output_dir, _split(locales) or None)
            for p in problems:
                warn(str(p))
            if problems:
                warn(ngettext("{n} problem found", "{n} problems found", len(problems)).format(n=len(problems)))
                raise SystemExit(1)
            if not quiet:
                click.echo(_("{path}: every published file is valid").format(path=output_dir))
            return
        if include_machine is None:  # the project's choice, as the option's help says
            from .config import load_config_for_cli

            include_machine = load_config_for_cli().publish.include_machine
        options = PublishOptions(
            include_machine=include_machine, include_pseudo=include_pseudo,
            include_furniture=include_furniture, latin=latin, on_stale=on_stale,
            source_root=source_root,
        )
        summary = run_publish(catalogs, output_dir, _split(locales) or None, _split((formats,)), options)
    for p in summary.problems:
        warn(f"{p.severity}: {p}")
    if not quiet:
        click.echo(
            ngettext("{n} article published", "{n} articles published", summary.articles).format(n=summary.articles)
            + "; "
            + _("{written} files written, {unchanged} unchanged").format(
                written=len(summary.written), unchanged=summary.unchanged)
        )
    if not summary.ok:
        raise SystemExit(1)
