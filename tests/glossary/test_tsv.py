import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.errors import GlossaryError, InputError, ParseError
from translator.glossary import Concept, Term, Termbase, load_termbase
from translator.glossary.tsv import generate_tsv, parse_tsv, read_tsv, write_tsv

DATA = Path(__file__).parent / "data"


def test_small_glossary_reads_concepts_types_statuses_and_lines():
    concepts = {c.id: c for c in read_tsv(DATA / "small.tsv")}
    assert set(concepts) == {"toqayev", "oskemen", "tenge"}
    toq = concepts["toqayev"]
    assert toq.type == "person"
    assert [t.text for t in toq.preferred("en")] == ["Toqayev", "Kassym-Jomart Toqayev"]
    assert {t.text: t.status for t in toq.forms("en")}["Tokaev"] == "forbidden"
    assert toq.terms[0].line == 3 and toq.terms[0].note == "house style"
    assert concepts["oskemen"].preferred_form("ru") == "Усть-Каменогорск"


@pytest.mark.parametrize("name, line, fragment", [
    ("bad_status.tsv", 3, "unknown status 'best'"),
    ("no_header.tsv", 2, "unknown column 'astana'"),
    ("bad_lang.tsv", 2, "unknown language 'de'"),
    ("bad_type.tsv", 3, "unknown type 'city'"),
    ("type_clash.tsv", 3, "is 'place' on line 2 and 'organisation' here"),
    ("empty_form.tsv", 3, "empty form"),
    ("extra_column.tsv", 2, "7 columns, the header has 6"),
    ("unknown_column.tsv", 1, "unknown column 'language'"),
], ids=lambda v: v if isinstance(v, str) and v.endswith(".tsv") else None)
def test_errors_name_the_file_and_line(name, line, fragment):
    with pytest.raises(ParseError) as info:
        read_tsv(DATA / name)
    err = info.value
    assert err.path == DATA / name and err.line == line
    assert fragment in str(err)
    assert str(err).startswith(f"{DATA / name}:{line}: ")


@pytest.mark.parametrize("name, fragment", [
    ("not_utf8.tsv", "not UTF-8"),
    ("missing.tsv", "no such glossary file"),
], ids=["not-utf8", "missing-file"])
def test_unreadable_files(name, fragment):
    with pytest.raises(InputError, match=fragment):
        read_tsv(DATA / name)


def test_conflicts_are_all_reported_with_their_lines():
    tb = load_termbase([DATA / "conflicts.tsv"])
    issues = tb.issues()
    text = "\n".join(str(i) for i in issues)
    assert "'Алма-Ата' is claimed by concepts 'almaty'" in text
    assert "'Алматы' is claimed by concepts 'almaty'" in text
    assert "concept 'almaty' has forms but none is preferred in ru" in text
    claimed = [i for i in issues if "claimed" in i.message]
    assert {i.line for i in claimed} == {7, 8}  # the second claim of each form
    assert all(i.severity == "error" for i in claimed)


def test_small_glossary_has_no_issues(small):
    assert small.issues() == []


def test_concepts_from_several_files_merge_by_id(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("concept\tlang\tform\tstatus\noskemen\ten\tÖskemen\tvariant\n", encoding="utf-8")
    tb = load_termbase([DATA / "small.tsv", extra])
    assert [t.text for t in tb["oskemen"].forms("en")] == ["Oskemen", "Ust-Kamenogorsk", "Öskemen"]
    assert tb["oskemen"].type == "place"


def test_a_type_clash_across_files_is_an_error(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("concept\tlang\tform\tstatus\ttype\noskemen\ten\tÖskemen\tvariant\tperson\n",
                     encoding="utf-8")
    with pytest.raises(GlossaryError, match="give it one type"):
        load_termbase([DATA / "small.tsv", extra])


def test_written_file_reads_back_the_same(tmp_path, small):
    out = tmp_path / "out.tsv"
    write_tsv(small, out)
    again = Termbase(read_tsv(out))
    assert [(c.id, c.type, [(t.lang, t.text, t.status, t.note) for t in c]) for c in again] == \
           [(c.id, c.type, [(t.lang, t.text, t.status, t.note) for t in c]) for c in small]


forms = st.text(st.characters(whitelist_categories=("L", "N", "P", "Zs")), min_size=1, max_size=20).map(
    lambda s: " ".join(unicodedata.normalize("NFC", s).split())).filter(bool)


@given(st.lists(st.tuples(st.sampled_from(["en", "ru", "kk"]), forms,
                          st.sampled_from(["preferred", "variant", "forbidden"])), min_size=1, max_size=6))
def test_generate_then_parse_round_trips(rows):
    terms = tuple(Term("c1", lang, text, status) for lang, text, status in rows)
    concept = Concept("c1", "place", terms)
    back = parse_tsv("".join(generate_tsv([concept])))
    assert [(t.lang, t.text, t.status) for t in back[0].terms] == \
           [(t.lang, unicodedata.normalize("NFC", t.text), t.status) for t in terms]


def test_csv_glossary_with_a_quoted_comma():
    tb = load_termbase([DATA / "small.csv"])
    astana = tb["astana"]
    assert astana.type == "place" and astana.terms[0].note == "capital, since 1997"
    assert [m.text for m in tb.find("Nur-Sultan's mayor", "en")] == ["Nur-Sultan's"]


def test_a_variant_that_is_only_an_inflected_form_is_reported():
    (issue,) = [i for i in load_termbase([DATA / "inflected_variant.tsv"]).issues() if i.line == 3]
    assert issue.severity == "warning"
    assert "'Конституциялық соты' of 'sud' is a grammatical form of the preferred" in issue.message


def test_tsv_and_tbx_read_locale_codes_as_the_api_does(tmp_path):
    from translator.glossary import load_termbase

    tsv = tmp_path / "g.tsv"
    tsv.write_text("concept\tlang\tform\nastana\ten-GB\tAstana\nastana\tru_RU\tАстана\n", encoding="utf-8")
    tbx = tmp_path / "g.tbx"
    tbx.write_text('<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>'
                   '<conceptEntry id="almaty"><langSec xml:lang="kk_KZ"><termSec><term>Алматы</term>'
                   '</termSec></langSec></conceptEntry></body></text></tbx>', encoding="utf-8")
    tb = load_termbase([tsv, tbx])
    assert [t.lang for t in tb["astana"].terms] == ["en", "ru"]
    assert [t.lang for t in tb["almaty"].terms] == ["kk"]
