"""The ``translator`` command line: thin click commands over the library.

Subcommands live in their own modules and are imported only when used, so
``translator --help`` stays fast (no ctranslate2, sentencepiece or polib at
start-up).
"""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from .._i18n import _

__all__ = ["main", "cli"]

# name -> (module, attribute, short help). Short help is repeated here so that
# ``--help`` does not import every command module.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "segment": ("segment", "segment", "Show the blocks, roles and sentences of articles."),
    "translate": ("translate", "translate", "Translate articles into PO catalogs for review."),
    "run": ("run", "run", "Run the whole configured job: translate, then publish."),
    "watch": ("run", "watch", "Run the job again whenever source articles or catalogs change."),
    "publish": ("publish", "publish", "Write per-locale article files for sites."),
    "qa": ("qa", "qa", "Check translations in catalogs."),
    "status": ("status", "status", "Show review progress per locale and article."),
    "models": ("models", "models", "List, install and remove translation models."),
    "glossary": ("glossary", "glossary", "Work with the termbase."),
    "tm": ("tm", "tm", "Work with the translation memory."),
    "config": ("config", "config", "Show the effective configuration."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        cmd = super().get_command(ctx, name)
        if cmd is not None or name not in COMMANDS:
            return cmd
        module, attr, _help = COMMANDS[name]
        mod = importlib.import_module(f"{__name__}.{module}")
        return getattr(mod, attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(COMMANDS[name][2])) for name in sorted(COMMANDS)]
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=_("Offline translation of news articles among English, Russian and Kazakh."))
@click.version_option(__version__, prog_name="translator")
def cli() -> None:
    """The ``translator`` command group (its help text is translated, so it is passed above)."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="translator")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
