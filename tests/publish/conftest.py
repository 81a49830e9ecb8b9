"""Fixtures for the publish tests: a gold-structure reader and PO catalogs written with polib.

The golden tests read the sample article's structure from its
``.blocks.json`` (the gold segmentation, written by hand), so that the golden
files test the publisher and not whatever the segmenter does today; the
end-to-end test uses the real segmenter.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from translator.article import Article, Block, Segment, segment_id

DATA = Path(__file__).parent / "data"
SLUG = "shymkent-library"


def gold_reader(path: Path, lang: str | None = None) -> Article:
    """Read ``<article>.blocks.json`` beside ``path`` into an Article (blocks joined by one space)."""
    path = Path(path)
    spec = json.loads(path.with_suffix(".blocks.json").read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    blocks = []
    for index, b in enumerate(spec["blocks"]):
        segs, pos = [], 0
        for sent in b["sentences"]:
            key = segment_id(sent)
            seen[key] = seen.get(key, 0) + 1
            segs.append(Segment(segment_id(sent, seen[key]), sent, pos, pos + len(sent)))
            pos += len(sent) + 1
        text = " ".join(b["sentences"])
        blocks.append(Block(index, b["role"], text, tuple(segs), line=index + 1,
                            kind=b.get("kind", "paragraph"), level=b.get("level", 0)))
    return Article(path.stem, lang or spec["lang"], tuple(blocks), source=path)


def write_po(path: Path, article: Article, locale: str, translations: dict, *, source_file: str,
             revision: str = "YEAR-MO-DA HO:MI+ZONE", created: str = "2026-11-29 10:00+0000",
             pseudo: bool = False) -> Path:
    """A catalog for ``article`` following the conventions of translator.catalog.

    ``translations`` maps a source sentence to ``[msgstr, state, engine?]``.
    """
    po = polib.POFile(wrapwidth=76)
    po.metadata = {
        "Project-Id-Version": "translator test",
        "POT-Creation-Date": created,
        "PO-Revision-Date": revision,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-File": source_file,
        "X-Source-Language": article.lang,
        "X-Article-Slug": article.slug,
    }
    for block, seg in article.translatable_segments():
        msgstr, state, *rest = translations.get(seg.text, ["", "untranslated"])
        comments = [f"role: {block.role}", f"block: {block.index}"]
        if rest:
            comments.append(f"engine: {rest[0]}")
        if pseudo:
            comments = ["pseudo"] + comments + ["engine: pseudo"]
        po.append(polib.POEntry(
            msgctxt=seg.id, msgid=seg.text, msgstr=msgstr,
            comment="\n".join(comments), occurrences=[(source_file, str(block.line))],
            flags=["fuzzy"] if state == "machine" or pseudo else [],
        ))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the sample article and its ru and kk catalogs; cwd is the project."""
    root = tmp_path / "project"
    shutil.copytree(DATA / "articles", root / "articles")
    monkeypatch.chdir(root)
    article = gold_reader(root / "articles" / f"{SLUG}.md")
    tr = json.loads((DATA / "translations.json").read_text(encoding="utf-8"))
    write_po(root / "locales" / "ru" / "LC_MESSAGES" / f"{SLUG}.po", article, "ru", tr["ru"],
             source_file=f"articles/{SLUG}.md", revision="2026-11-28 14:05+0500")
    write_po(root / "locales" / "kk" / "LC_MESSAGES" / f"{SLUG}.po", article, "kk", tr["kk"],
             source_file=f"articles/{SLUG}.md")
    return root


@pytest.fixture
def translations():
    return json.loads((DATA / "translations.json").read_text(encoding="utf-8"))


@pytest.fixture(name="gold_reader")
def _gold_reader_fixture():
    return gold_reader


@pytest.fixture(name="write_po")
def _write_po_fixture():
    return write_po
