"""Fixtures for the catalog tests.

Every PO file a test leaves under its ``tmp_path`` is checked after the test
(msgfmt, polib, Babel; see ``every_catalog_is_valid`` in tests/conftest.py),
unless the test registered it as deliberately broken with ``broken_po``.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _every_catalog_is_valid(every_catalog_is_valid):
    """Every PO file a test leaves under its ``tmp_path`` is checked (see tests/conftest.py)."""


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
