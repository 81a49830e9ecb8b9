"""``translator glossary``: list, check, import, export, scan and enforce the termbase."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .._i18n import _
from ..errors import GlossaryError, TranslatorError
from ..locales import SOURCE_LANGUAGES
from ._common import fail, report_errors, warn


def _termbase(paths: tuple[Path, ...]):
    from ..glossary import STARTER_GLOSSARY, default_glossary_paths, load_termbase

    if not paths:
        paths = default_glossary_paths()
        if not paths:
            raise GlossaryError(f"no glossary: {STARTER_GLOSSARY} does not exist here; "
                                "pass one with --glossary PATH")
    return load_termbase(list(paths))


def _emit(concepts, output: Path | None, generate, write) -> None:
    """Write ``concepts`` with ``write`` to ``output``, or ``generate``'s text to stdout when none is given."""
    if output is None:
        click.echo("".join(generate(concepts)), nl=False)
    else:
        write(concepts, output)


glossary_option = click.option(
    "--glossary", "-g", "glossaries", multiple=True, type=click.Path(path_type=Path),
    help=_("Glossary file (.tsv or .tbx); repeat for several. Default: i18n/glossary.tsv."))


@click.group(help=_("Work with the termbase."))
def glossary() -> None:
    pass


@glossary.command("list", help=_("List the concepts and their preferred forms."))
@glossary_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_(glossaries: tuple[Path, ...], fmt: str) -> None:
    with report_errors():
        tb = _termbase(glossaries)
    for c in tb:
        if fmt == "json":
            click.echo(json.dumps({"concept": c.id, "type": c.type, "terms": [
                {"lang": t.lang, "form": t.text, "status": t.status} for t in c.terms]},
                ensure_ascii=False))
        else:
            names = " | ".join(f"{lang}: {c.preferred_form(lang) or '-'}" for lang in SOURCE_LANGUAGES)
            click.echo(f"{c.id} ({c.type}): {names}")


@glossary.command(help=_("Report conflicts and gaps in glossary files."))
@glossary_option
def check(glossaries: tuple[Path, ...]) -> None:
    with report_errors():
        tb = _termbase(glossaries)
        issues = tb.issues()
    for issue in issues:
        click.echo(str(issue))
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    warn(_("{n} concepts, {e} errors, {w} warnings").format(n=len(tb), e=errors, w=warnings))
    if errors:
        raise SystemExit(1)


@glossary.command("import", help=_("Convert a TBX file into a glossary TSV file."))
@click.argument("tbx", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_("TSV file to write (default: stdout)."))
def import_(tbx: Path, output: Path | None) -> None:
    from ..glossary.tbx import read_tbx
    from ..glossary.tsv import generate_tsv, write_tsv

    with report_errors():
        _emit(read_tbx(tbx), output, generate_tsv, write_tsv)


@glossary.command(help=_("Write the glossary as TBX-Basic."))
@glossary_option
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_("TBX file to write (default: stdout)."))
def export(glossaries: tuple[Path, ...], output: Path | None) -> None:
    from ..glossary.tbx import generate_tbx, write_tbx

    with report_errors():
        _emit(_termbase(glossaries), output, generate_tbx, write_tbx)


@glossary.command(help=_("Find the glossary's concepts in articles."))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(SOURCE_LANGUAGES), help=_("Language of the files (detected when not given)."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@glossary_option
def scan(files: tuple[Path, ...], lang: str | None, fmt: str, glossaries: tuple[Path, ...]) -> None:
    from ..glossary.batch import scan_file

    with report_errors():
        tb = _termbase(glossaries)
    failed = False
    for path in files:
        try:
            result = scan_file(tb, path, lang)
        except TranslatorError as exc:
            warn(f"error: {exc}")
            failed = True
            continue
        if fmt == "json":
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            click.echo(f"== {path} ({result['lang']}, {len(result['matches'])} matches)")
            for m in result["matches"]:
                click.echo(f"[{m['block']}] {m['start']}-{m['end']} {m['text']} → {m['concept']} ({m['preferred']})")
    if failed:
        raise SystemExit(2)


@glossary.command(help=_("Fix translations read as JSON lines on stdin: "
                         '{"source", "target", "source_lang", "target_lang"} per line.'))
@glossary_option
def enforce(glossaries: tuple[Path, ...]) -> None:
    from ..glossary.batch import enforce_lines

    with report_errors():
        tb = _termbase(glossaries)
    failed = False
    for _lineno, result, error in enforce_lines(tb, sys.stdin):
        if error is not None:
            warn(f"error: {error}")
            click.echo(json.dumps({"error": error}, ensure_ascii=False))
            failed = True
            continue
        click.echo(json.dumps(result, ensure_ascii=False))
    if failed:
        fail(_("some lines could not be read; see the errors above"), 1)
