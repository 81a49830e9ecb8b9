"""The toolkit's own messages, translated with gettext.

Messages are marked with ``_()`` (``ngettext`` for plurals, ``N_`` for strings
translated later) and extracted with Babel::

    pybabel extract -F i18n/babel.cfg -o i18n/messages/translator.pot .

The translations live in ``i18n/messages/<lang>.po`` and are compiled at build
time into ``translator/locale/<lang>/LC_MESSAGES/translator.mo``. In a source
checkout where no ``.mo`` was compiled (or the ``.po`` is newer), the ``.po``
is compiled in memory with Babel, so ``PYTHONPATH=src`` runs and editable
installs show the same messages as a built wheel.

The language comes from ``LANGUAGE`` (a colon-separated list), ``LC_ALL``,
``LC_MESSAGES`` and ``LANG``, in that order, as GNU gettext does. English is
the source language and needs no catalog.

click's own messages (``Usage:``, ``Options:``, its errors) are looked up in
the same catalog: the strings are listed in :data:`CLICK_MESSAGES` so that
extraction finds them, and click's modules are pointed at our ``_``.

Numbers and dates shown to the user go through :func:`format_number`,
:func:`format_seconds` and :func:`format_datetime`, in the UI language.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import sys
from datetime import datetime
from functools import lru_cache
from pathlib import Path

__all__ = [
    "_",
    "N_",
    "ngettext",
    "ui_language",
    "reset",
    "format_number",
    "format_seconds",
    "format_datetime",
    "compile_catalogs",
    "LANGUAGES",
]

DOMAIN = "translator"
LOCALE_DIR = Path(__file__).parent / "locale"
#: Where the translated catalogs live in a source checkout.
SOURCE_DIR = Path(__file__).resolve().parents[2] / "i18n" / "messages"
#: Languages the toolkit's messages are translated into (English is the source).
LANGUAGES = ("ru", "kk")


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    """Mark a string for extraction without translating it now."""
    return message


def _requested_languages() -> list[str]:
    """Language codes asked for by the environment, most preferred first, e.g. ``["ru_RU", "ru"]``."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            break
    else:
        return []
    out: list[str] = []
    for item in value.split(":"):
        base = item.split(".")[0].split("@")[0].replace("-", "_")
        if not base or base in ("C", "POSIX"):
            continue
        for code in (base, base.split("_")[0].lower()):
            if code not in out:
                out.append(code)
    return out


def _mo_bytes(po: Path, lang: str) -> bytes:
    """The compiled ``.mo`` form of the message catalog ``po``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def _from_po(po: Path, lang: str) -> _gettext.GNUTranslations:
    return _gettext.GNUTranslations(io.BytesIO(_mo_bytes(po, lang)))


def _load(lang: str) -> _gettext.NullTranslations | None:
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = SOURCE_DIR / f"{lang}.po"
    try:
        if po.is_file() and (not mo.is_file() or po.stat().st_mtime > mo.stat().st_mtime):
            return _from_po(po, lang)
        if mo.is_file():
            with mo.open("rb") as f:
                return _gettext.GNUTranslations(f)
    except Exception:  # a broken catalog must never stop the toolkit: fall back to English
        return None
    return None


@lru_cache(maxsize=1)
def _translations() -> tuple[str, _gettext.NullTranslations]:
    for code in _requested_languages():
        if code.split("_")[0] == "en":
            break
        found = _load(code)
        if found is not None:
            _point_click_here()
            return code.split("_")[0], found
    return "en", _gettext.NullTranslations()


def reset() -> None:
    """Forget the loaded catalog, so a changed environment takes effect (tests use this)."""
    _translations.cache_clear()


def _(message: str) -> str:
    """Translate ``message`` into the user's language."""
    return _translations()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a number, choosing the plural form of the user's language."""
    return _translations()[1].ngettext(singular, plural, n)


def ui_language() -> str:
    """The language the messages are shown in: ``en``, ``ru`` or ``kk``."""
    return _translations()[0]


# --- numbers and dates in the UI language ----------------------------------------

def format_number(value: float, decimals: int | None = None) -> str:
    """``12345`` -> ``12,345`` (en), ``12 345`` (ru, kk); ``decimals`` fixes the fraction digits."""
    from babel.numbers import format_decimal

    fmt = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=fmt, locale=ui_language())


def format_seconds(seconds: float) -> str:
    """A duration for a summary: ``2.5 s``, ``1 min 05 s``."""
    if seconds < 60:
        return _("{seconds} s").format(seconds=format_number(seconds, 1))
    minutes, secs = divmod(int(round(seconds)), 60)
    return _("{minutes} min {seconds:02d} s").format(minutes=format_number(minutes), seconds=secs)


def format_datetime(moment: datetime | None = None) -> str:
    """A date and time in the UI language's medium format."""
    from babel.dates import format_datetime as _fmt

    return _fmt(moment or datetime.now(), format="medium", locale=ui_language())


# --- click's own messages ---------------------------------------------------------

#: click's user-facing strings, so that extraction puts them in our catalog.
CLICK_MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Aborted!"),
)


def _click_plurals(n: int) -> tuple[str, ...]:  # pragma: no cover - only read by extraction
    return (
        ngettext("Got unexpected extra argument ({args})",
                 "Got unexpected extra arguments ({args})", n),
        ngettext("Option {name!r} requires an argument.",
                 "Option {name!r} requires {nargs} arguments.", n),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", n),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", n),
    )


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def _point_click_here() -> None:
    """Make click look its messages up in our catalog (click uses the global gettext domain)."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if getattr(module, "_", None) is not None:
            module._ = _
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = ngettext


if "click" in sys.modules:  # the CLI imported click first: translate its messages too
    _point_click_here()


# --- build time ---------------------------------------------------------------------

def extract_command_table(fileobj, keywords, comment_tags, options):
    """A Babel extractor for ``cli/__init__.py``: its ``_()`` calls plus the ``COMMANDS`` short helps.

    The command table holds plain strings (it is read before any command
    module is imported) which the CLI translates at run time; this lets
    ``pybabel extract`` see them (``i18n/babel.cfg`` names this function).
    """
    import ast

    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    tree = ast.parse(source.decode(options.get("encoding", "utf-8")))
    for node in ast.walk(tree):
        target = getattr(node, "target", None) or (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "COMMANDS" and isinstance(node.value, ast.Dict):
            for value in node.value.values:
                if isinstance(value, ast.Tuple) and value.elts and isinstance(value.elts[-1], ast.Constant):
                    yield value.elts[-1].lineno, "_", value.elts[-1].value, []



def compile_catalogs(source: Path = SOURCE_DIR, dest: Path = LOCALE_DIR) -> list[Path]:
    """Compile ``source/<lang>.po`` into ``dest/<lang>/LC_MESSAGES/translator.mo``; return the files."""
    from ._fs import atomic_write

    written = []
    for po in sorted(Path(source).glob("*.po")):
        out = Path(dest) / po.stem / "LC_MESSAGES" / f"{DOMAIN}.mo"
        atomic_write(out, _mo_bytes(po, po.stem), what="message catalog")
        written.append(out)
    return written


if __name__ == "__main__":  # python -m translator._i18n: compile the catalogs (Makefile, setup.py)
    for path in compile_catalogs():
        print(path)
