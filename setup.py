"""Build hook: compile the toolkit's message catalogs into the package.

``i18n/messages/<lang>.po`` becomes
``src/translator/locale/<lang>/LC_MESSAGES/translator.mo`` when the build
starts, before setuptools looks for packages and package data, so wheels and
editable installs carry them (the ``.mo`` files are not in git) and their
folders are found like any other package data. Everything else is in
``pyproject.toml``.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent


def compile_catalogs() -> None:
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:  # the package compiles them in memory at run time instead
        print("babel is not available: message catalogs will be compiled at run time")
        return
    for po in sorted((ROOT / "i18n" / "messages").glob("*.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.stem, domain="translator")
        out = ROOT / "src" / "translator" / "locale" / po.stem / "LC_MESSAGES" / "translator.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".mo.tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        os.replace(tmp, out)


compile_catalogs()
setup()
