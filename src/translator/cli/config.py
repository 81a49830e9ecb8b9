"""``translator config show``: the effective configuration and where each value came from.

Other commands read the configuration the same way::

    from .config import config_option, load_config_for_cli

    @click.command()
    @config_option
    def mycommand(config_file):
        cfg = load_config_for_cli(config_file)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import click

from .._i18n import _
from ._common import report_errors

__all__ = ["config", "config_option", "load_config_for_cli"]


def config_option(func: Callable) -> Callable:
    """Add ``--config FILE`` (passed as ``config_file``) to a command."""
    return click.option(
        "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=_("Configuration file (default: translator.toml or pyproject.toml, searched upward)."),
    )(func)


def load_config_for_cli(path: Path | None = None, overrides: Mapping[str, tuple[Any, str]] | None = None):
    """Load the configuration for a command; a bad file ends the command with exit status 2."""
    from ..config import load_config

    with report_errors():
        return load_config(explicit=path, overrides=overrides)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _toml_line(key: str, value: Any, origin: Any) -> str:
    if value is None:  # TOML has no null: show the key commented out
        return f"# {key} = (not set)  # {origin}"
    return f"{key} = {_toml_value(value)}  # {origin}"


def render_toml(cfg) -> str:
    """The configuration as TOML, each value followed by a comment saying where it came from."""
    origins = cfg.origins()
    nested = cfg.as_dict()
    lines = [_("# effective configuration of {root}").format(root=cfg.root),
             _("# read from {file}").format(file=cfg.file) if cfg.file
             else _("# no configuration file found: defaults, environment and options")]
    tables: list[tuple[str, dict]] = []
    for key, value in nested.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            lines.append(_toml_line(key, value, origins[key]))
    for name, table in tables:
        lines.append("")
        lines.append(f"[{name}]")
        for key, value in table.items():
            lines.append(_toml_line(key, value, origins[f"{name}.{key}"]))
    return "\n".join(lines)


def render_json(cfg) -> str:
    return json.dumps({
        "file": str(cfg.file) if cfg.file else None,
        "root": str(cfg.root),
        "config": cfg.as_dict(),
        "origins": {k: str(v) for k, v in cfg.origins().items()},
    }, ensure_ascii=False, indent=2)


@click.group(help=_("Show the effective configuration."))
def config() -> None:
    pass


@config.command(help=_("Print the effective configuration and where each value came from."))
@config_option
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True,
              help=_("Output format."))
def show(config_file: Path | None, fmt: str) -> None:
    cfg = load_config_for_cli(config_file)
    click.echo(render_json(cfg) if fmt == "json" else render_toml(cfg))
