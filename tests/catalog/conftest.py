"""Fixtures for the catalog tests.

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


def build_article(blocks, *, slug: str = "oskemen-bridge", lang: str = "en", source: Path | None = None):
    """An Article from ``[(role, [sentence, ...]), ...]``: sentences joined by one space, one block per line."""
    from translator.article import Article, Block, Segment, segment_id

    seen: dict[str, int] = {}
    out = []
    for index, (role, sentences) in enumerate(blocks):
        segs, pos = [], 0
        text = " ".join(sentences)
        for sent in sentences:
            start = text.index(sent, pos)
            base = segment_id(sent)
            seen[base] = seen.get(base, 0) + 1
            segs.append(Segment(segment_id(sent, seen[base]), sent, start, start + len(sent)))
            pos = start + len(sent)
        out.append(Block(index, role, text, tuple(segs), line=index + 1))
    return Article(slug=slug, lang=lang, blocks=tuple(out), source=source)


@pytest.fixture
def article_of():
    return build_article


@pytest.fixture
def fixed_date(monkeypatch):
    """POT-Creation-Date from SOURCE_DATE_EPOCH: 2026-03-01 09:30 UTC."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772357400")
    return "2026-03-01 09:30+0000"
