"""The one atomic file writer (catalogs, published files, glossaries and TMX use it)."""

from __future__ import annotations

import os

import pytest

from translator._fs import atomic_write
from translator.catalog.files import atomic_write as catalog_atomic_write
from translator.errors import CatalogError, GlossaryError, MemoryStoreError
from translator.glossary.model import Concept, Term
from translator.glossary.tsv import read_tsv, write_tsv
from translator.memory import TMUnit
from translator.tmx import read_tmx, write_tmx


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    path = tmp_path / "a" / "b.bin"
    catalog_atomic_write(path, b"one")
    os.chmod(path, 0o640)
    catalog_atomic_write(path, b"two")
    assert path.read_bytes() == b"two" and (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["b.bin"]  # no temporary file left


def test_a_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "page.html", b"<p>")
        atomic_write(tmp_path / "chunks.txt", iter([b"a", b"b"]))
    finally:
        os.umask(old)
    assert (tmp_path / "page.html").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "chunks.txt").read_bytes() == b"ab"


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError(28, "No space left on device")],
                         ids=["ctrl-c", "disk-full"])
def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch, error):
    path = tmp_path / "b.bin"
    path.write_bytes(b"old")

    def boom(src, dst):
        raise error

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt if error is KeyboardInterrupt else CatalogError):
        catalog_atomic_write(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["b.bin"]


def test_interrupted_chunked_write_leaves_the_old_file(tmp_path):
    path = tmp_path / "b.bin"
    path.write_bytes(b"old")

    def chunks():
        yield b"new"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, chunks())
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["b.bin"]


def test_glossary_and_tmx_writers_go_through_it(tmp_path):
    concept = Concept("astana", "place", (Term("astana", "en", "Astana"), Term("astana", "ru", "Астана")))
    write_tsv([concept], tmp_path / "g.tsv")
    assert [c.id for c in read_tsv(tmp_path / "g.tsv")] == ["astana"]
    unit = TMUnit("Hello.", "Привет.", "en", "ru", "test")
    assert write_tmx(tmp_path / "m.tmx", [unit]) == 1
    assert [u.target for u in read_tmx(tmp_path / "m.tmx")] == ["Привет."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.tsv", "m.tmx"]
    with pytest.raises(GlossaryError, match="cannot write glossary.*check the folder exists"):
        write_tsv([concept], tmp_path / "missing" / "g.tsv")
    with pytest.raises(MemoryStoreError, match="cannot write TMX.*check the folder exists"):
        write_tmx(tmp_path / "missing" / "m.tmx", [unit])
