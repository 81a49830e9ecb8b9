"""``translator qa``: check the translations in PO catalogs and report every finding."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _, ngettext
from ..errors import TranslatorError
from ._common import fail, report_errors, warn

DEFAULT_PATH = Path("locales")


def _load_termbase(files: tuple[Path, ...], use_default: bool):
    """The termbase of ``--glossary`` files, else the starter glossary if there is one, else None."""
    from ..glossary import default_glossary_paths, load_termbase

    if not files and use_default:
        files = default_glossary_paths()
    return load_termbase(list(files)) if files else None


@click.command(help=_("Check translations in catalogs: numbers, amounts, hashtags, URLs, glossary, "
                      "untranslated text, quotes and brackets, length. Exits with 1 when errors are found."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=_("Output format."))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help=_("Termbase file for the glossary checks (repeatable). Default: i18n/glossary.tsv "
                     "when it exists."))
@click.option("--no-glossary", is_flag=True, help=_("Run no glossary checks."))
@click.option("--list-checks", is_flag=True, help=_("List the checks with their severity and exit."))
def qa(paths: tuple[Path, ...], fmt: str, glossaries: tuple[Path, ...], no_glossary: bool,
       list_checks: bool) -> None:
    from ..qa import CHECKS, check_catalogs

    if list_checks:
        for check in CHECKS.values():
            click.echo(f"{check.id:20} {check.severity:8} {check.description.replace('``', '')}")
        return

    if not paths:
        if not DEFAULT_PATH.is_dir():
            fail(_("no catalogs to check: {path}/ does not exist; pass the catalogs or folders to check")
                 .format(path=DEFAULT_PATH))
        paths = (DEFAULT_PATH,)
    broken: list[str] = []

    def on_error(path: Path, exc: TranslatorError) -> None:
        broken.append(str(exc))
        warn(f"error: {exc}")

    with report_errors():
        if no_glossary and glossaries:
            fail(_("--glossary and --no-glossary exclude each other; pass one of them"))
        termbase = _load_termbase(glossaries, use_default=not no_glossary)
        records = check_catalogs(paths, termbase, on_error=on_error)
    errors = sum(1 for r in records if r.finding.severity == "error")
    warnings = len(records) - errors
    if fmt == "json":
        click.echo(json.dumps({
            "findings": [
                {"file": str(r.path), "line": r.entry.line, "msgctxt": r.entry.msgctxt, "msgid": r.entry.msgid,
                 "severity": r.finding.severity, "check": r.finding.check, "message": r.finding.message}
                for r in records
            ],
            "errors": errors,
            "warnings": warnings,
            "broken_catalogs": broken,
        }, ensure_ascii=False, indent=2))
    else:
        for r in records:
            ctx = f" [{r.entry.msgctxt}]" if r.entry.msgctxt else ""
            click.echo(f"{r.path}:{r.entry.line}:{ctx} {r.finding.severity}: {r.finding.check}: {r.finding.message}")
        click.echo(", ".join([
            ngettext("{n} error", "{n} errors", errors).format(n=errors),
            ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        ]))
    if broken:
        raise SystemExit(2)
    if errors:
        raise SystemExit(1)
