import pytest

from translator.errors import GlossaryError
from translator.glossary import Concept, Term
from translator.glossary.enforce import render
from translator.glossary.morphology import get_morphology
from translator.glossary.text import fold

KK = [
    ("Тоқаев", ("DAT",), "Тоқаевқа"),
    ("Тоқаев", ("GEN",), "Тоқаевтың"),
    ("Тоқаев", ("INS",), "Тоқаевпен"),
    ("Тоқаев", ("ACC",), "Тоқаевты"),
    ("Өскемен", ("LOC",), "Өскеменде"),
    ("Өскемен", ("ABL",), "Өскеменнен"),
    ("Өскемен", ("GEN",), "Өскеменнің"),
    ("Алматы", ("LOC",), "Алматыда"),
    ("Алматы", ("GEN",), "Алматының"),
    ("Алматы", ("DER",), "Алматылық"),
    ("Астана", ("DAT",), "Астанаға"),
    ("Астана", ("ABL",), "Астанадан"),
    ("Астана", ("ACC",), "Астананы"),
    ("Шымкент", ("LOC",), "Шымкентте"),
    ("Шымкент", ("DAT",), "Шымкентке"),
    ("Ақтөбе", ("DAT",), "Ақтөбеге"),
    ("Атырау", ("GEN",), "Атыраудың"),
    ("Орал", ("LOC",), "Оралда"),
    ("Тараз", ("INS",), "Таразбен"),
    ("Қазақстан", ("POSS1PL", "LOC"), "Қазақстанымызда"),
    ("Қазақстан", ("LOCATTR",), "Қазақстандағы"),
    ("ҚР", ("GEN",), "ҚР-дың"),
    ("АҚШ", ("DAT",), "АҚШ-қа"),
]


@pytest.mark.parametrize("word, feats, expected", KK, ids=[e for _w, _f, e in KK])
def test_kazakh_suffixes_follow_harmony_and_assimilation(word, feats, expected):
    kk = get_morphology("kk")
    assert kk.generate(word, "regular", feats) == [expected]


@pytest.mark.parametrize("feats, expected", [
    (("DAT",), "облысына"), (("LOC",), "облысында"), (("GEN",), "облысының"), (("ACC",), "облысын"),
], ids=["dat", "loc", "gen", "acc"])
def test_kazakh_case_after_a_possessive(feats, expected):
    assert get_morphology("kk").generate("облысы", "posshead", feats) == [expected]


@pytest.mark.parametrize("tail, feats", [
    ("қа", ("DAT",)), ("ке", ("DAT",)), ("тың", ("GEN",)), ("нің", ("GEN",)),
    ("дағы", ("LOCATTR",)), ("іде", ("LOC",)), ("-ның", ("HYPH", "GEN")),
    ("лардың", ("PL", "GEN")), ("ымызда", ("POSS1PL", "LOC")),
], ids=lambda v: v if isinstance(v, str) else None)
def test_kazakh_tails_are_recognised_in_any_allomorph(tail, feats):
    assert get_morphology("kk").tails("regular")[fold(tail)] == feats


RU = [
    ("Токаев", "person", ("dat",), "Токаеву"),
    ("Токаев", "person", ("ins",), "Токаевым"),
    ("Токаев", "person", ("gen",), "Токаева"),
    ("Касым-Жомарт Токаев", "person", ("gen",), "Касым-Жомарта Токаева"),
    ("Оразова", "person", ("ins",), "Оразовой"),
    ("Астана", "place", ("loc",), "Астане"),
    ("Астана", "place", ("gen",), "Астаны"),
    ("Караганда", "place", ("gen",), "Караганды"),
    ("Усть-Каменогорск", "place", ("loc",), "Усть-Каменогорске"),
    ("Усть-Каменогорск", "place", ("gen",), "Усть-Каменогорска"),
    ("Семей", "place", ("loc",), "Семее"),
    ("Алматы", "place", ("loc",), "Алматы"),
    ("Бишкек", "place", ("ins",), "Бишкеком"),
    ("Россия", "place", ("loc",), "России"),
    ("Восточно-Казахстанская область", "place", ("gen",), "Восточно-Казахстанской области"),
    ("Восточно-Казахстанская область", "place", ("ins",), "Восточно-Казахстанской областью"),
    ("Национальный курултай", "organisation", ("loc",), "Национальном курултае"),
    ("Министерство иностранных дел", "organisation", ("gen",), "Министерства иностранных дел"),
    ("Республика Казахстан", "place", ("gen",), "Республики Казахстан"),
]


@pytest.mark.parametrize("form, ctype, feats, expected", RU, ids=[e for *_x, e in RU])
def test_russian_declension(form, ctype, feats, expected):
    assert render(Term("x", "ru", form, "preferred"), ctype, feats, "ru") == expected


@pytest.mark.parametrize("form, tail, expected", [
    ("Toqayev", "'s", "Toqayev's"), ("Toqayev", "’s", "Toqayev’s"), ("Kazakhstan", "", "Kazakhstan"),
], ids=["ascii-apostrophe", "curly-apostrophe", "base"])
def test_english_possessive_keeps_its_apostrophe(form, tail, expected):
    feats = ("poss",) if tail else ("base",)
    assert render(Term("x", "en", form, "preferred"), "person", feats, "en", tail) == expected


@pytest.mark.parametrize("word, feats, expected", [
    ("облысы", (), "облысы"), ("облысы", ("DAT",), "облысына"), ("облысы", ("DER",), "облыстық"),
    ("облысы", ("PL", "LOC"), "облыстарында"), ("министрлігі", ("GEN",), "министрлігінің"),
    ("банкі", ("LOC",), "банкінде"),
], ids=["base", "dat", "der", "pl-loc", "voiced-gen", "front-loanword"])
def test_kazakh_possessive_heads_of_names(word, feats, expected):
    kk = get_morphology("kk")
    paradigm = kk.paradigm(word, "head", "place", phrase=True)
    assert kk.generate(word, paradigm, feats) == [expected]


@pytest.mark.parametrize("feats, expected", [
    (("POSS3",), "әкімдігі"), (("DAT",), "әкімдікке"), (("POSS3", "GEN"), "әкімдігінің"),
], ids=["poss", "dat", "poss-gen"])
def test_kazakh_final_consonant_is_voiced_before_a_vowel(feats, expected):
    assert get_morphology("kk").generate("әкімдік", "regular", feats) == [expected]


def test_unknown_language_names_the_known_ones():
    with pytest.raises(GlossaryError, match="known: en, kk, ru"):
        get_morphology("de")


def test_concept_helpers():
    c = Concept("c", "place", (Term("c", "en", "A", "variant"), Term("c", "en", "B", "preferred")))
    assert c.preferred_form("en") == "B" and c.preferred_form("ru") is None and len(c) == 2
