LANGS = ("en", "ru", "kk")


def test_starter_glossary_is_big_enough_and_complete(starter):
    assert len(starter) >= 60
    for concept in starter:
        for lang in LANGS:
            assert concept.preferred(lang), f"{concept.id} has no preferred {lang} form"


def test_starter_glossary_has_no_conflicts(starter):
    assert [str(i) for i in starter.issues()] == []


def test_house_style_and_russian_city_names(starter):
    assert starter["toqayev"].preferred_form("en") == "Toqayev"
    assert starter["oskemen"].preferred_form("ru") == "Усть-Каменогорск"
    assert starter["oskemen"].preferred_form("kk") == "Өскемен"
    assert starter["astana"].preferred_form("en") == "Astana"
    types = {c.type for c in starter}
    assert types == {"person", "place", "organisation", "other"}
