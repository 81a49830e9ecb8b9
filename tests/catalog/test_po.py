"""The PO reader and writer: wrapping, escaping, round trips, broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.catalog import WIDTH, Catalog, Entry, catalog_text, read_catalog
from translator.catalog.files import atomic_write
from translator.errors import ParseError

HEADER = (("Project-Id-Version", "t"), ("PO-Revision-Date", "2026-03-01 09:30+0000"),
          ("Last-Translator", ""), ("Language-Team", "Russian"), ("Language", "ru"), ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=UTF-8"),
          ("Content-Transfer-Encoding", "8bit"), ("Plural-Forms", "nplurals=3; plural=(n%10==1 ? 0 : n ? 1 : 2);"))


def test_msgfmt_is_available():
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (GNU gettext) is not installed: catalogs are checked by polib and Babel only")


def write(tmp_path: Path, *entries: Entry, name: str = "t.po") -> Path:
    path = tmp_path / name
    atomic_write(path, catalog_text(Catalog(path, HEADER, entries)).encode("utf-8"))
    return path


def test_long_strings_wrap_at_76_columns_after_spaces(tmp_path):
    text = " ".join(["Oskemen"] * 30)
    path = write(tmp_path, Entry(text, text.upper(), "a1"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    at = lines.index('msgctxt "a1"')
    assert lines[at + 1] == 'msgid ""' and lines[at + 2].endswith(' "')  # breaks come after a space
    assert read_catalog(path).entries[0].msgid == text


def test_a_word_longer_than_the_width_stays_whole(tmp_path):
    url = "https://example.kz/" + "x" * 100
    path = write(tmp_path, Entry(f"See {url} now.", "", "a1"))
    assert f'"{url} "' in path.read_text(encoding="utf-8")
    assert read_catalog(path).entries[0].msgid == f"See {url} now."


def test_embedded_newlines_break_lines_as_gettext_does(tmp_path):
    path = write(tmp_path, Entry("one\ntwo", "раз\nдва", "a1"))
    text = path.read_text(encoding="utf-8")
    assert 'msgid ""\n"one\\n"\n"two"\n' in text
    assert read_catalog(path).entries[0].msgstr == "раз\nдва"


def test_comments_are_never_wrapped(tmp_path):
    long = "qa: warning: " + "length ratio is suspicious " * 6
    path = write(tmp_path, Entry("A.", "Б.", "a1", comments=(long.strip(),)))
    assert read_catalog(path).entries[0].comments == (long.strip(),)


def test_fuzzy_and_flags_agree():
    e = Entry("A.", "Б.", fuzzy=True, flags=("no-wrap",))
    assert e.flags == ("fuzzy", "no-wrap")
    assert Entry("A.", flags=("fuzzy",)).flags == ()


def test_reading_and_writing_back_changes_nothing(tmp_path):
    path = write(tmp_path,
                 Entry("Hello.", "Привет.", "c1", fuzzy=True, comments=("role: body", "block: 0"),
                       references=(("a.md", 3),), previous_msgid="Hi.", translator_comments=("note",)),
                 Entry("Gone.", "Ушло.", "c2", obsolete=True))
    first = path.read_bytes()
    cat = read_catalog(path)
    assert catalog_text(cat).encode("utf-8") == first
    assert [e.obsolete for e in cat.entries] == [False, True]  # each entry once


def test_broken_catalog_names_file_and_line(tmp_path, broken_po):
    path = tmp_path / "broken.po"
    broken_po.append(path)
    path.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "A"\nmsgstr "Б\n', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        read_catalog(path)
    assert info.value.path == path and info.value.line is not None
    message = str(info.value)
    assert message.startswith(f"{path}:{info.value.line}: broken catalog") and "\n" not in message


def test_unreadable_catalog_is_a_parse_error_without_line(tmp_path):
    with pytest.raises(ParseError, match="cannot read catalog"):
        read_catalog(tmp_path / "missing.po")


PIECES = list("aZ яқ ӘӨ\"'\\\n\t{}%#:;,.!?-—«»“”") + [
    "\u200f", "\u200e", "\u202b", "\u202c", "😀", "👍🏽", "\u00a0", "  ", "\\n", "\\\"", "msgid \"x\"",
]
ODD = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(msgid=ODD.filter(lambda s: s.strip()), msgstr=ODD | st.just(""), ctxt=ODD, prev=ODD,
       note=st.text(alphabet=st.sampled_from(list("ab \"\\😀\u200f")), max_size=40).filter(lambda s: "\n" not in s))
def test_odd_text_survives_write_and_read(tmp_path_factory, msgid, msgstr, ctxt, prev, note):
    tmp = tmp_path_factory.mktemp("odd")
    note = note.strip()  # comment lines are stored without surrounding blanks
    entries = (
        Entry(msgid, msgstr, ctxt, fuzzy=bool(msgstr), previous_msgid=prev if msgstr else None,
              comments=(f"qa: warning: {note}".rstrip(),), translator_comments=(note,) if note.strip() else ()),
        Entry(msgid + " x", msgstr, ctxt, obsolete=True),
    )
    path = write(tmp, *entries)
    back = read_catalog(path)
    assert back.entries == tuple(e for e in entries if not e.obsolete) + entries[1:]
    assert catalog_text(back) == path.read_text(encoding="utf-8")


def test_files_from_other_tools_read_fine(tmp_path, broken_po):
    """Plural forms, `#~|`, previous context, continuation lines: valid gettext, read as such."""
    path = tmp_path / "poedit.po"
    broken_po.append(path)  # not broken, but Babel cannot read GNU's `#~|` lines (we never write them)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"PO-Revision-Date: 2026-03-01 09:30+0000\\n"\n'
        '"Last-Translator: A <a@example.kz>\\n"\n"Language-Team: Russian\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        '#, fuzzy\n#| msgctxt "old"\n#| msgid "Old"\nmsgctxt "new"\nmsgid ""\n"New"\n" text"\nmsgstr "Новый"\n\n'
        'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "%d файл"\nmsgstr[1] "%d файла"\n'
        'msgstr[2] "%d файлов"\n\n'
        '#, fuzzy\n#~| msgid "Older"\n#~ msgid "Gone"\n#~ msgstr "Ушло"\n', encoding="utf-8")
    cat = read_catalog(path)
    new = cat.entries[0]
    assert new.msgid == "New text" and new.previous_msgid == "Old" and new.previous_msgctxt == "old"
    assert [e.msgid for e in cat.obsolete] == ["Gone"]
