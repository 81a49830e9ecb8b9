"""Fixtures shared by several test areas.

- ``every_catalog_is_valid`` / ``broken_po``: every PO file a test leaves
  under its ``tmp_path`` is checked after the test by GNU ``msgfmt --check``
  (no warnings allowed), polib and Babel, unless the test registered it as
  deliberately broken in ``broken_po``. tests/catalog and tests/pipeline make
  the check autouse in their own conftest.
- ``models``: a models folder with one real tiny en→ru CTranslate2 model that
  copies its input (tests/pipeline, tests/markup).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

MSGFMT = shutil.which("msgfmt")


def check_po(path: Path) -> None:
    """Assert that ``path`` is a valid PO file for msgfmt, polib and Babel."""
    import polib
    from babel.messages.pofile import read_po

    if MSGFMT:
        r = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert r.returncode == 0 and "warning" not in r.stderr, f"msgfmt --check {path}:\n{r.stderr}"
    po = polib.pofile(str(path))
    with path.open("rb") as fh:
        cat = read_po(fh, abort_invalid=True)
    assert len(cat) == len([e for e in po if not e.obsolete]) and po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"


@pytest.fixture
def broken_po() -> list[Path]:
    """Append paths of deliberately broken catalogs to this list to exempt them from the check."""
    return []


@pytest.fixture
def every_catalog_is_valid(tmp_path: Path, broken_po: list[Path]):
    """After the test, check every PO file under ``tmp_path`` (areas make it autouse in their conftest)."""
    yield
    skip = {p.resolve() for p in broken_po}
    for po in sorted(tmp_path.rglob("*.po")):
        if po.resolve() not in skip:
            check_po(po)


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A models folder holding one tiny en→ru copy model; the user's real folders are never looked at."""
    from translator.mt import install, synthetic

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos-packages"))
    monkeypatch.delenv("ARGOS_TRANSLATE_PACKAGES_DIR", raising=False)
    monkeypatch.delenv("TRANSLATOR_MODELS_DIR", raising=False)
    package = synthetic.build_argos_package(tmp_path / "build" / "translate-en_ru-1_9", "en", "ru")
    folder = tmp_path / "models"
    install(package, folder)
    return folder
