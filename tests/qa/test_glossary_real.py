"""The glossary checks against the real termbase (translator.glossary), with a glossary written here."""

import pytest

from translator import glossary
from translator.qa import ERROR, WARNING, check_pair

TSV = "\n".join("\t".join(row) for row in [
    ("concept", "lang", "form", "status", "type", "note"),
    ("toqayev", "en", "Toqayev", "preferred", "person", ""),
    ("toqayev", "en", "Tokayev", "variant", "", ""),
    ("toqayev", "ru", "Токаев", "preferred", "person", ""),
    ("toqayev", "kk", "Тоқаев", "preferred", "person", ""),
    ("oskemen", "en", "Oskemen", "preferred", "place", ""),
    ("oskemen", "en", "Ust-Kamenogorsk", "forbidden", "", ""),
    ("oskemen", "ru", "Усть-Каменогорск", "preferred", "place", ""),
    ("oskemen", "kk", "Өскемен", "preferred", "place", ""),
]) + "\n"


@pytest.fixture(scope="module")
def termbase(tmp_path_factory):
    path = tmp_path_factory.mktemp("glossary") / "glossary.tsv"
    path.write_text(TSV, encoding="utf-8")
    return glossary.load_termbase([path])


def glossary_findings(termbase, source, target, sl, tl):
    return [f for f in check_pair(source, target, sl, tl, termbase=termbase) if f.check.startswith("glossary")]


@pytest.mark.parametrize(
    ("sl", "tl", "source", "target"),
    [
        ("en", "kk", "Toqayev arrived in Oskemen.", "Тоқаев Өскеменге келді."),
        ("ru", "en", "Токаев прибыл в Усть-Каменогорск.", "Toqayev arrived in Oskemen."),
        ("en", "ru", "Toqayev met farmers.", "Токаев встретился с фермерами."),
    ],
    ids=["en-kk-declined", "ru-en", "en-ru"],
)
def test_preferred_forms_pass(termbase, sl, tl, source, target):
    assert glossary_findings(termbase, source, target, sl, tl) == []


def test_variant_is_a_non_preferred_form(termbase):
    [finding] = glossary_findings(termbase, "Токаев выступил в Астане.", "Tokayev spoke in Astana.", "ru", "en")
    assert finding.check == "glossary-form" and finding.severity == WARNING
    assert "'Tokayev'" in finding.message and "'Toqayev'" in finding.message


def test_forbidden_form_is_an_error_reported_once(termbase):
    findings = glossary_findings(termbase, "Токаев прибыл в Усть-Каменогорск.", "Toqayev arrived in Ust-Kamenogorsk.",
                                 "ru", "en")
    assert [(f.check, f.severity) for f in findings] == [("glossary-forbidden", ERROR)]
    assert "'Ust-Kamenogorsk'" in findings[0].message and "'Oskemen'" in findings[0].message


def test_missing_concept(termbase):
    [finding] = glossary_findings(termbase, "Toqayev met farmers.", "Президент встретился с фермерами.", "en", "ru")
    assert finding.check == "glossary-missing" and finding.severity == WARNING
    assert "toqayev" in finding.message and "'Токаев'" in finding.message
