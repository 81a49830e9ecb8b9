import pytest

from translator.glossary.enforce import render

LANGS = ("en", "ru", "kk")


def test_starter_glossary_is_big_enough_and_complete(starter):
    assert len(starter) >= 60
    for concept in starter:
        for lang in LANGS:
            assert concept.preferred(lang), f"{concept.id} has no preferred {lang} form"


def test_starter_glossary_has_no_conflicts(starter):
    issues = starter.issues()
    assert [str(i) for i in issues if i.severity == "error"] == []
    # Two readings Russian and Kazakh really have; the matcher's tie-break decides them.
    assert sorted(i.message.split(" also reads as")[0] for i in issues) == [
        "kk form 'әкімдік' of 'akimat'", "ru form 'Назарбаева' of 'nazarbayeva'"]


def test_house_style_and_russian_city_names(starter):
    assert starter["toqayev"].preferred_form("en") == "Toqayev"
    assert starter["oskemen"].preferred_form("ru") == "Усть-Каменогорск"
    assert starter["oskemen"].preferred_form("kk") == "Өскемен"
    assert starter["astana"].preferred_form("en") == "Astana"
    types = {c.type for c in starter}
    assert types == {"person", "place", "organisation", "other"}


FEATS = {
    "kk": [(), ("GEN",), ("DAT",), ("ACC",), ("LOC",), ("ABL",), ("INS",), ("LOCATTR",), ("PL", "LOC")],
    "ru": [("nom",), ("gen",), ("dat",), ("acc",), ("ins",), ("loc",)],
    "en": [("base",), ("poss",)],
}
# Russian cannot tell these apart: Назарбаева is Nazarbayev's genitive and Nazarbayeva herself.
AMBIGUOUS = {("nazarbayeva", "nazarbayev")}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_preferred_form_in_every_case_is_found_and_left_alone(starter, lang):
    for concept in starter:
        for term in concept.preferred(lang):
            for feats in FEATS[lang]:
                form = render(term, concept.type, feats, lang, "'s" if feats == ("poss",) else "")
                text = f"X {form} Y"
                (match,) = starter.find(text, lang)
                assert match.text == form, (concept.id, feats)
                assert match.concept_id == concept.id or (concept.id, match.concept_id) in AMBIGUOUS
                assert starter.enforce("", text, lang, lang).changes == (), (concept.id, feats, form)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_variant_in_every_case_becomes_the_preferred_form_in_that_case(starter, lang):
    for concept in starter:
        for term in concept.forms(lang):
            if term.preferred:
                continue
            for feats in FEATS[lang][:5]:
                form = render(term, concept.type, feats, lang, "'s" if feats == ("poss",) else "")
                text = f"X {form} Y"
                (match,) = starter.find(text, lang)
                assert (match.text, match.concept_id) == (form, concept.id)
                fixed = starter.enforce("", text, lang, lang)
                assert fixed.changes, (concept.id, form)
                assert starter.enforce("", fixed.target, lang, lang).changes == (), fixed.target
