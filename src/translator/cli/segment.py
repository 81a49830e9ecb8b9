"""``translator segment``: show blocks, roles and sentences."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _
from ..errors import TranslatorError
from ..locales import SOURCE_LANGUAGES
from ._common import warn


@click.command(help=_("Show the blocks, roles and sentences of articles."))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(SOURCE_LANGUAGES),
              help=_("Source language (detected when not given)."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help=_("text: readable listing; json: one JSON object per file and line."))
def segment(files: tuple[Path, ...], lang: str | None, fmt: str) -> None:
    """Segment each FILE; a bad file is reported on stderr and the others still run."""
    from ..segment import read_article

    failed = False
    for path in files:
        try:
            article = read_article(path, lang=lang)
        except TranslatorError as exc:
            warn(_("error: {error}").format(error=exc))
            failed = True
            continue
        encoding = dict(article.meta).get("encoding")
        if encoding:
            warn(_("warning: {path}: not UTF-8; read as {encoding}").format(path=path, encoding=encoding))
        if fmt == "json":
            blocks = [
                {"index": b.index, "role": b.role, "text": b.text, "sentences": [s.text for s in b]}
                for b in article
            ]
            record = {"file": str(path), "slug": article.slug, "lang": article.lang, "blocks": blocks}
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_("== {path} ({lang}, {count} blocks)").format(
                path=path, lang=article.lang, count=len(article)))
            for b in article:
                click.echo(f"[{b.index}] {b.role}")
                for s in b:
                    click.echo(f"    {s.text}")
    if failed:
        raise SystemExit(2)
