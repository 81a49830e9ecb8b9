"""Fixtures for the pipeline tests (the same catalog check as tests/catalog).

Every PO file a test leaves under its ``tmp_path`` is checked after the test
by GNU ``msgfmt --check`` (no warnings allowed), polib and Babel, unless the
test registered it as deliberately broken with ``broken_po``.
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


@pytest.fixture(autouse=True)
def _every_catalog_is_valid(request, tmp_path: Path, broken_po: list[Path]):
    yield
    skip = {p.resolve() for p in broken_po}
    for po in sorted(tmp_path.rglob("*.po")):
        if po.resolve() not in skip:
            check_po(po)
