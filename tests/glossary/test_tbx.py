import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from translator.errors import ParseError
from translator.glossary.tbx import TBX_NS, generate_tbx, parse_tbx, read_tbx, write_tbx

DATA = Path(__file__).parent / "data"


def _rows(concepts):
    return [(c.id, c.type, [(t.lang, t.text, t.status, t.note) for t in c.terms]) for c in concepts]


def test_starter_glossary_round_trips_through_tbx(tmp_path, starter):
    out = tmp_path / "glossary.tbx"
    write_tbx(starter, out)
    assert _rows(read_tbx(out)) == _rows(starter)


def test_written_tbx_is_tbx_basic_v3(small):
    root = ET.fromstring("".join(generate_tbx(small)))
    assert root.tag == f"{{{TBX_NS}}}tbx" and root.get("type") == "TBX-Basic"
    entries = root.findall(f".//{{{TBX_NS}}}conceptEntry")
    assert [e.get("id") for e in entries] == ["toqayev", "oskemen", "tenge"]
    statuses = [n.text for n in root.iter(f"{{{TBX_NS}}}termNote")]
    assert {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"} <= set(statuses)


def test_reads_tbx_v2_martif_with_region_codes_and_superseded_terms():
    (semey,) = read_tbx(DATA / "martif_v2.tbx")
    assert semey.id == "semey" and semey.type == "place"
    assert [(t.lang, t.text, t.status) for t in semey.terms] == [
        ("en", "Semey", "preferred"), ("en", "Semipalatinsk", "variant"),
        ("kk", "Семей", "preferred"), ("ru", "Семей", "preferred"),
        ("ru", "Семипалатинск", "forbidden")]
    assert semey.terms[1].note == "until 2007"


@pytest.mark.parametrize("name, fragment", [
    ("broken.tbx", "not well-formed XML"),
    ("not_tbx.tbx", "root element is <html>"),
    ("bad_status.tbx", "unknown administrative status 'approvedTerm'"),
], ids=["broken-xml", "not-tbx", "unknown-status"])
def test_bad_tbx_files(name, fragment):
    with pytest.raises(ParseError, match=fragment) as info:
        read_tbx(DATA / name)
    assert str(DATA / name) in str(info.value)


def test_parse_error_carries_the_line():
    with pytest.raises(ParseError) as info:
        parse_tbx(b"<tbx>\n<text>\n</tbx>", Path("x.tbx"))
    assert info.value.line == 3
