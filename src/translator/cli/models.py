"""``translator models``: list, install and remove translation models."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._i18n import _
from ._common import report_errors, warn

_DIR_OPTION = click.option(
    "--models-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=_("The toolkit's models folder (default: $TRANSLATOR_MODELS_DIR or ~/.local/share/translator/models)."),
)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover


@click.group(help=_("List, install and remove translation models."))
def models() -> None:
    pass


@models.command("list", help=_("Show installed models: directions, kind, version, size, folder."))
@_DIR_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_(models_dir: Path | None, fmt: str) -> None:
    from ..mt.store import scan

    with report_errors():
        inventory = scan(models_dir)
    for _folder, problem in inventory.problems:
        warn(_("warning: {problem}").format(problem=problem))
    if fmt == "json":
        rows = [
            {
                "name": m.folder.name,
                "kind": m.kind,
                "directions": [f"{s}-{t}" for s, t in m.directions],
                "version": m.version,
                "size": m.size,
                "folder": str(m.folder),
                "origin": m.origin,
            }
            for m in inventory
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not inventory.models:
        click.echo(_("no models installed (looked in: {folders}); install one with: translator models install FILE")
                   .format(folders=", ".join(str(f) for f in inventory.folders)))
        return
    for m in inventory:
        click.echo(f"{m.direction_label:<12} {m.kind:<12} {m.version:<8} {_size(m.size):>9}  {m.folder}")


@models.command(help=_(
    "Install a model: a .argosmodel file, an Argos package folder or a multilingual model folder; "
    "or two language codes (e.g. 'en ru') to fetch from the Argos index (needs the argos extra and a network)."
))
@click.argument("source")
@click.argument("target", required=False)
@_DIR_OPTION
def install(source: str, target: str | None, models_dir: Path | None) -> None:
    from ..mt.store import install as install_path
    from ..mt.store import install_from_index

    with report_errors():
        if target is not None:
            info = install_from_index(source, target, models_dir)
        else:
            info = install_path(Path(source), models_dir)
    click.echo(_("installed {directions} ({kind} {version}) in {folder}").format(
        directions=info.direction_label, kind=info.kind, version=info.version, folder=info.folder))


@models.command(help=_("Remove an installed model by the folder name that 'translator models list' shows."))
@click.argument("name")
@_DIR_OPTION
def remove(name: str, models_dir: Path | None) -> None:
    from ..mt.store import remove as remove_model

    with report_errors():
        info = remove_model(name, models_dir)
    click.echo(_("removed {directions} ({folder})").format(directions=info.direction_label, folder=info.folder))
