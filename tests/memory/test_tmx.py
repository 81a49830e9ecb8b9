import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.errors import InputError, ParseError
from translator.memory import TMUnit, TranslationMemory
from translator.tmx import XML_LANG, escape_seg, read_tmx, write_tmx

HEADER_ATTRS = ("creationtool", "creationtoolversion", "datatype", "segtype", "adminlang", "srclang", "o-tmf")


def _units():
    return [
        TMUnit("The tenge fell to 520 per dollar.", "Тенге упал до 520 за доллар.", "en", "ru", "ru/a.po#1",
               "2026-03-01T10:00:00Z", "2026-03-02T11:30:00Z"),
        TMUnit("Latest news", "Соңғы жаңалықтар", "en", "kk", "kk/a.po#2"),
        TMUnit('He said: "5 < 7 & 8 > 3".', "Он сказал: «5 < 7 & 8 > 3».", "en", "ru", "tmx:x&y.tmx"),
    ]


def test_export_is_valid_tmx_14(tmp_path):
    out = tmp_path / "out.tmx"
    assert write_tmx(out, _units()) == 3
    root = ET.parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in HEADER_ATTRS:
        assert header.get(attr), attr
    assert header.get("srclang") == "*all*"
    tus = root.findall("body/tu")
    assert len(tus) == 3
    for tu in tus:
        tuvs = tu.findall("tuv")
        assert len(tuvs) == 2 and all(t.get(XML_LANG) for t in tuvs)
        assert all(t.find("seg") is not None for t in tuvs)
        assert tu.get("changedate").endswith("Z") and "-" not in tu.get("changedate")
    first = tus[0]
    assert first.get("creationdate") == "20260301T100000Z" and first.get("changedate") == "20260302T113000Z"
    assert [t.find("seg").text for t in tus[2].findall("tuv")] == [_units()[2].source, _units()[2].target]
    assert tus[2].find("prop").text == "tmx:x&y.tmx"


def test_round_trip_through_memory(tmp_path):
    with TranslationMemory(tmp_path / "a.sqlite") as a:
        a.add_many(_units())
        assert a.export_tmx(tmp_path / "a.tmx") == 3
        assert a.export_tmx(tmp_path / "ru.tmx", source="en", target="ru") == 2
        before = sorted(a.units(), key=lambda u: u.source)
    root = ET.parse(tmp_path / "ru.tmx").getroot()
    assert root.find("header").get("srclang") == "en"
    with TranslationMemory(tmp_path / "b.sqlite") as b:
        assert b.import_tmx(tmp_path / "a.tmx") == 3
        after = sorted(b.units(), key=lambda u: u.source)
    assert after == before  # text, languages, origin and both dates survive


def test_import_tmx_of_another_tool(tmp_path):
    (tmp_path / "cat.tmx").write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OtherCAT" creationtoolversion="9" datatype="html" segtype="sentence"
          adminlang="en-US" srclang="EN-US" o-tmf="other"/>
  <body>
    <tu changedate="20250105T080000Z">
      <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>
      <tuv xml:lang="ru-RU"><seg>Нажмите <hi>здесь</hi> сейчас.</seg></tuv>
      <tuv xml:lang="kk"><seg>Осында басыңыз.</seg></tuv>
    </tu>
    <tu><tuv xml:lang="ru"><seg>Только русский.</seg></tuv></tu>
    <tu srclang="*all*">
      <tuv lang="RU"><seg>Погода</seg></tuv>
      <tuv lang="KK"><seg>Ауа райы</seg></tuv>
    </tu>
  </body>
</tmx>
""", encoding="utf-8")
    units = list(read_tmx(tmp_path / "cat.tmx"))
    pairs = {(u.source_lang, u.target_lang, u.source, u.target) for u in units}
    assert pairs == {
        ("en", "ru", "Press <b>here</b> now.", "Нажмите здесь сейчас."),
        ("en", "kk", "Press <b>here</b> now.", "Осында басыңыз."),
        ("ru", "kk", "Погода", "Ауа райы"),
        ("kk", "ru", "Ауа райы", "Погода"),
    }
    assert all(u.origin == "tmx:cat.tmx" for u in units)
    assert units[0].changed == "2025-01-05T08:00:00Z"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("<tmx version='1.4'><body><tu></body></tmx>", 1),
        ("<?xml version='1.0'?>\n<tmx>\n<body>\n<tu><tuv xml:lang='en'><seg>a &nbsp; b</seg></tuv></tu>", 4),
        ("<xliff version='1.2'></xliff>", 1),
    ],
    ids=["mismatched-tag", "undefined-entity", "not-tmx"],
)
def test_broken_tmx_is_a_parse_error_and_imports_nothing(tmp_path, content, line):
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add("Kept", "Сохранено", "en", "ru")
        with pytest.raises(ParseError) as info:
            memory.import_tmx(bad)
        assert info.value.line == line and str(bad) in str(info.value)
        assert len(memory) == 1


def test_broken_tmx_after_good_units_rolls_back(tmp_path):
    bad = tmp_path / "half.tmx"
    bad.write_text("<tmx version='1.4'><header srclang='en'/><body>"
                   "<tu><tuv xml:lang='en'><seg>One</seg></tuv><tuv xml:lang='ru'><seg>Один</seg></tuv></tu>"
                   "<tu><tuv xml:lang='en'><seg>Two</seg></tuv>", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(ParseError):
            memory.import_tmx(bad)
        assert len(memory) == 0


def test_missing_tmx_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read TMX"):
        list(read_tmx(tmp_path / "absent.tmx"))


def test_forbidden_xml_characters_are_inline_codes():
    assert escape_seg("bell\x07 and nul\x00") == (
        'bell<ph type="x-ctrl">U+0007</ph> and nul<ph type="x-ctrl">U+0000</ph>')
    assert escape_seg("line\r\nend") == "line&#13;\nend"
    assert escape_seg("tab\tok") == "tab\tok"


def test_failed_export_leaves_old_file(tmp_path):
    out = tmp_path / "out.tmx"
    out.write_text("old", encoding="utf-8")

    def broken():
        yield _units()[0]
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_tmx(out, broken())
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tmx"]  # no temporary left behind


# Quotes, backslashes, newlines, tabs, CR, markup characters, no-break spaces,
# RTL/LTR marks and override, XML-forbidden controls, emoji (and a ZWJ family).
ODD = st.lists(
    st.one_of(
        st.sampled_from(list("\"'\\\n\t\r<>&«»„“”‘’ \u00a0\u202f\u200f\u200e\u202e\x00\x07\x1b\ufffe")
                        + ["😀", "👩\u200d👩\u200d👧", "Ё", "ә", "]]>", "&amp;"]),
        st.characters(exclude_categories=("Cs",)),
    ),
    min_size=1, max_size=30,
).map("".join).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=ODD, target=ODD)
def test_tmx_round_trip_of_odd_text(tmp_path, source, target):
    out = tmp_path / "odd.tmx"
    unit = TMUnit(source, target, "en", "ru", "ru/odd.po#x", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
    write_tmx(out, [unit])
    ET.parse(out)  # well-formed XML 1.0 whatever the text
    assert list(read_tmx(out)) == [unit]


def test_memory_round_trip_of_odd_text(tmp_path):
    with TranslationMemory(tmp_path / "odd.sqlite") as memory:

        @settings(max_examples=40, deadline=None)
        @given(source=ODD, target=ODD)
        def round_trip(source, target):
            memory.add(source, target, "kk", "en", "x")
            hit = memory.lookup(source, "kk", "en")
            assert hit is not None and hit.target == target

        round_trip()
