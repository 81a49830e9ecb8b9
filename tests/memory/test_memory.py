import sqlite3

import pytest

from translator.errors import MemoryStoreError, TranslatorError
from translator.memory import (
    CHUNK,
    SCHEMA_VERSION,
    TMHit,
    TMUnit,
    TranslationMemory,
    default_tm_path,
    source_key,
)


@pytest.fixture
def tm(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        yield memory


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("Latest news", "Latest news"),
        ("  Latest\tnews\n", "Latest news"),
        ("Latest\u00a0news", "Latest news"),
        ("Latest\u202f\u2009 news", "Latest news"),
        ("“Latest news”", '"Latest news"'),
        ("Toqayev’s visit", "Toqayev's visit"),
        ("«Последние новости»", "«Последние новости»"),
        ("Е\u0308лка", "Ёлка"),  # decomposed Ё becomes the composed letter (NFC)
    ],
    ids=["plain", "tabs-newlines", "nbsp", "narrow-spaces", "curly-double", "curly-apostrophe",
         "guillemets-kept", "nfc"],
)
def test_source_key(given, key):
    assert source_key(given) == key


def test_case_and_punctuation_matter():
    assert source_key("Latest news") != source_key("latest news")
    assert source_key("Latest news.") != source_key("Latest news")


def test_add_then_lookup_with_normalised_source(tm):
    assert tm.add("Latest news", "Последние новости", "en", "ru", "ru/a.po#ctx1")
    hit = tm.lookup("  Latest\u00a0news ", "en", "ru")
    assert hit is not None
    assert (hit.target, hit.origin) == ("Последние новости", "ru/a.po#ctx1")


def test_lookup_is_per_language_pair(tm):
    tm.add("Latest news", "Последние новости", "en", "ru", "a")
    assert tm.lookup("Latest news", "en", "kk") is None
    assert tm.lookup("Latest news", "ru", "en") is None
    assert tm.lookup("Latest news", "EN", "ru-RU") is not None  # tags are normalised


def test_empty_source_or_target_is_not_stored(tm):
    assert not tm.add("   ", "x", "en", "ru")
    assert not tm.add("Latest news", "  ", "en", "ru")
    assert len(tm) == 0


def test_newest_translation_wins(tm):
    tm.add("Latest news", "Новости", "en", "ru", "old.po", changed="2026-01-01T00:00:00Z")
    tm.add("Latest news", "Последние новости", "en", "ru", "new.po", changed="2026-06-01T00:00:00Z")
    assert tm.lookup("Latest news", "en", "ru") == TMHit("Последние новости", "new.po", "2026-06-01T00:00:00Z")
    # an older unit (e.g. from an old TMX file) does not replace a newer one
    assert not tm.add("Latest news", "Свежие новости", "en", "ru", "tmx:old.tmx", changed="2025-01-01T00:00:00Z")
    assert tm.lookup("Latest news", "en", "ru").target == "Последние новости"
    assert len(tm) == 1


def test_within_one_batch_the_later_row_wins(tm):
    tm.add_many([("Weather", "Погода", "en", "ru", "a.po"), ("Weather ", "Прогноз погоды", "en", "ru", "b.po")])
    assert tm.lookup("Weather", "en", "ru") == TMHit("Прогноз погоды", "b.po", tm.lookup("Weather", "en", "ru").changed)
    assert len(tm) == 1


def test_adding_the_same_unit_again_changes_nothing(tm):
    assert tm.add("Latest news", "Последние новости", "en", "ru", "a.po", changed="2026-01-01T00:00:00Z")
    assert not tm.add("Latest news", "Последние новости", "en", "ru", "a.po")
    assert tm.lookup("Latest news", "en", "ru").changed == "2026-01-01T00:00:00Z"


def test_later_write_wins_without_explicit_times(tm):
    tm.add("Astana", "Астана", "en", "kk", "a")
    tm.add("Astana", "Астана қаласы", "en", "kk", "b")
    assert tm.lookup("Astana", "en", "kk").target == "Астана қаласы"


def test_lookup_many_keys_by_given_text_and_spans_chunks(tm):
    n = CHUNK * 2 + 17
    rows = [(f"Sentence number {i}.", f"Предложение номер {i}.", "en", "ru", f"a.po#{i}") for i in range(n)]
    assert tm.add_many(rows) == n
    asked = [f"Sentence  number {i}." for i in range(0, n, 3)] + ["Not in memory.", "Sentence number 5."]
    hits = tm.lookup_many(asked, "en", "ru")
    assert set(hits) == set(asked) - {"Not in memory."}
    assert hits["Sentence number 5."].target == "Предложение номер 5."
    last = (n - 1) // 3 * 3  # the last one asked, in the third chunk
    assert last >= 2 * CHUNK and hits[f"Sentence  number {last}."].origin == f"a.po#{last}"


def test_lookup_many_issues_one_query_per_chunk(tm):
    tm.add_many([(f"S{i}", f"T{i}", "en", "ru", "") for i in range(CHUNK * 3)])
    statements = []
    tm.db.set_trace_callback(statements.append)
    tm.lookup_many([f"S{i}" for i in range(CHUNK * 3)], "en", "ru")
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3


def test_add_many_is_one_transaction(tm):
    good = TMUnit("Latest news", "Последние новости", "en", "ru", "a")
    with pytest.raises(TypeError):
        tm.add_many([good, ("too", "few")])
    assert len(tm) == 0  # rolled back: nothing half-written


def test_lone_surrogate_is_a_clear_error(tm):
    with pytest.raises(MemoryStoreError, match="lone surrogate"):
        tm.add("Broken \ud800 text", "x", "en", "ru")
    assert len(tm) == 0


def test_file_is_versioned_indexed_and_persistent(tmp_path):
    path = tmp_path / "sub" / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.add("Latest news", "Соңғы жаңалықтар", "en", "kk", "kk/a.po#1")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {r[1]: r for r in db.execute("PRAGMA index_list(units)")}
    cols = [r[2] for r in db.execute("PRAGMA index_info(units_key)")]
    assert cols == ["source_lang", "target_lang", "source_key"] and indexes["units_key"][2] == 1
    row = db.execute("SELECT origin, created, changed FROM units").fetchone()
    assert row[0] == "kk/a.po#1" and row[1].endswith("Z") and row[2] >= row[1]
    db.close()
    assert not (tmp_path / "sub" / "tm.sqlite-wal").exists()  # closed memory is one file
    with TranslationMemory(path, readonly=True) as memory:
        assert memory.lookup("Latest news", "en", "kk").target == "Соңғы жаңалықтар"
        with pytest.raises(MemoryStoreError, match="read-only"):
            memory.add("a", "b", "en", "kk")


def test_corrupt_file_gives_one_line_error_naming_it(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"this is not an sqlite database at all\n" * 200)
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(MemoryStoreError) as info:
            TranslationMemory(path, readonly=readonly)
        message = str(info.value)
        assert str(path) in message and "not a translation memory" in message and "\n" not in message
    assert path.read_bytes() == before  # nothing touched


def test_locked_memory_is_a_clear_error(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.add("Latest news", "Последние новости", "en", "ru")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(MemoryStoreError, match="another run") as info:
            TranslationMemory(path, timeout=0.05)
        assert str(path) in str(info.value) and "not a translation memory" not in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with TranslationMemory(path) as memory:  # nothing was lost
        assert memory.lookup("Latest news", "en", "ru").target == "Последние новости"


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE songs (title TEXT)")
    db.commit()
    db.close()
    with pytest.raises(MemoryStoreError, match="not a translation memory"):
        TranslationMemory(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(MemoryStoreError, match="upgrade translator"):
        TranslationMemory(path)


def test_missing_file_readonly_and_folder(tmp_path):
    with pytest.raises(MemoryStoreError, match="no translation memory here"):
        TranslationMemory(tmp_path / "absent.sqlite", readonly=True)
    assert not (tmp_path / "absent.sqlite").exists()
    with pytest.raises(MemoryStoreError, match="is a folder"):
        TranslationMemory(tmp_path)


def test_stats(tm):
    tm.add_many([("Latest news", "Последние новости", "en", "ru", ""),
                 ("Weather", "Погода", "en", "ru", ""),
                 ("Latest news", "Соңғы жаңалықтар", "en", "kk", "")])
    info = tm.stats()
    assert info["units"] == 3
    assert info["pairs"] == [{"source": "en", "target": "kk", "units": 1},
                             {"source": "en", "target": "ru", "units": 2}]
    assert info["size_bytes"] > 0


def test_closed_memory_and_error_family(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.close()
    with pytest.raises(TranslatorError, match="closed"):
        memory.lookup("x", "en", "ru")
    assert issubclass(MemoryStoreError, TranslatorError)


def test_default_tm_path(tmp_path):
    assert default_tm_path(tmp_path) == tmp_path / ".translator" / "tm.sqlite"
