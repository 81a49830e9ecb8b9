"""``translator tm``: import, export and count the translation memory (TMX 1.4)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _, ngettext
from ._common import report_errors

_TM_HELP = _("Translation memory file (default: the project configuration's, else .translator/tm.sqlite).")


def _tm_option(f):
    return click.option("--tm", "tm_path", type=click.Path(path_type=Path), envvar="TRANSLATOR_TM",
                        help=_TM_HELP)(f)


def _resolve(tm_path: Path | None) -> Path:
    """``--tm`` (or TRANSLATOR_TM), else the memory the project configuration names."""
    if tm_path is not None:
        return tm_path
    from .config import load_config_for_cli

    return load_config_for_cli().tm


@click.group(help=_("Work with the translation memory."))
def tm() -> None:
    pass


@tm.command("import", help=_("Add the units of TMX files to the translation memory."))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_tm_option
def import_(files: tuple[Path, ...], tm_path: Path | None) -> None:
    from ..memory import TranslationMemory

    path = _resolve(tm_path)
    with report_errors(), TranslationMemory(path) as memory:
        for file in files:
            n = memory.import_tmx(file)
            click.echo(ngettext("{file}: {n} unit imported into {tm}", "{file}: {n} units imported into {tm}", n)
                       .format(file=file, n=n, tm=path))


@tm.command("export", help=_("Write the translation memory as a TMX 1.4 file."))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help=_("TMX file to write (replaced atomically)."))
@click.option("--source", help=_("Only units translated from this language (e.g. en)."))
@click.option("--target", help=_("Only units translated into this language (e.g. ru)."))
@_tm_option
def export(output: Path, source: str | None, target: str | None, tm_path: Path | None) -> None:
    from ..memory import TranslationMemory

    with report_errors(), TranslationMemory(_resolve(tm_path), readonly=True) as memory:
        n = memory.export_tmx(output, source=source, target=target)
    click.echo(ngettext("{n} unit written to {file}", "{n} units written to {file}", n).format(n=n, file=output))


@tm.command("stats", help=_("Show units per language pair and the file size."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_tm_option
def stats(fmt: str, tm_path: Path | None) -> None:
    from ..memory import TranslationMemory

    with report_errors(), TranslationMemory(_resolve(tm_path), readonly=True) as memory:
        info = memory.stats()
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(ngettext("{path}: {units} unit, {size} bytes", "{path}: {units} units, {size} bytes", info["units"])
               .format(path=info["path"], units=info["units"], size=info["size_bytes"]))
    for pair in info["pairs"]:
        click.echo(f"  {pair['source']} → {pair['target']}: {pair['units']}")
