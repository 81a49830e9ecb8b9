"""``translator status``: review progress per locale and article."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _
from ._common import fail, report_errors, warn

_COLUMNS = ("entries", "words", "translated", "fuzzy", "untranslated", "qa_errors")


@click.command(help=_("Show review progress per locale and article."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("locales"),
              show_default=True, help=_("Root of the locales tree (used when no PATH is given)."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status(paths, output_dir, fmt) -> None:
    from ..catalog import collect_status

    paths = paths or (output_dir,)
    for p in paths:
        if not p.exists():
            fail(_("{path}: no such file or directory; run translator translate first, "
                   "or pass --output-dir").format(path=p))
    with report_errors():
        report = collect_status(paths)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        headers = [_("locale"), _("article"), _("entries"), _("words"), _("translated"), _("fuzzy"),
                   _("untranslated"), _("qa errors")]
        rows = []
        for code, total in report.locales.items():
            for r in report.rows:
                if r.locale == code:
                    rows.append([r.locale, r.article] + [str(getattr(r, c)) for c in _COLUMNS])
            rows.append([code, _("(all)")] + [str(getattr(total, c)) for c in _COLUMNS])
        rows.append([_("total"), ""] + [str(getattr(report.total, c)) for c in _COLUMNS])
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        for r in [headers] + rows:
            cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
            click.echo("  ".join(cells).rstrip())
    for _path, message in report.failures:
        warn(_("error: {message}").format(message=message))
    if report.failures:
        raise SystemExit(1)
