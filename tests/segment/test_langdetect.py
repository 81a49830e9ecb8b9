"""Language detection: en / ru / kk, also Kazakh typed without Kazakh letters and mixed pages."""

import pytest

from translator.segment import detect_language, parse_article

CASES = [
    ("en", "en", "The Mazhilis passed the new water code on Wednesday, and the Senate will vote next."),
    ("ru", "ru", "Депутаты приняли новый водный кодекс в среду, документ направлен в Сенат."),
    ("kk", "kk", "Депутаттар жаңа су кодексін сәрсенбіде қабылдады, құжат Сенатқа жіберілді."),
    # Kazakh typed on a Russian keyboard: no Kazakh-only letters at all.
    ("kk-no-own-letters", "kk",
     "Депутаттар жана су кодексин сарсенбиде кабылдады жане кужат Сенатка жиберилди. "
     "Бул туралы баспасоз кызмети хабарлады."),
    # A Russian text quoting Kazakh names and places.
    ("ru-with-kazakh-names", "ru",
     "В Өскемен приехал Қасым-Жомарт Тоқаев. Президент осмотрел новый мост и встретился с жителями города."),
    # A Kazakh article with Russian navigation and an English tag line.
    ("kk-mixed-page", "kk",
     "Главная Новости Контакты\nТоқаев Өскеменде жаңа көпірді ашты. Көпір арқылы сағатына мың көлік "
     "өте алады. Құрылыс үш жылға созылды және оған облыс бюджетінен қаржы бөлінді.\nShare Tweet"),
    ("en-with-russian-quote", "en",
     "The minister answered in Russian: «Мы готовы». Then he explained the plan to the deputies "
     "in English, speaking for almost an hour about water prices and farms."),
]


@pytest.mark.parametrize("expected, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_detect_language(expected, text):
    assert detect_language(text) == expected


def test_empty_text_defaults_to_english():
    assert detect_language("") == "en"
    assert detect_language("12 345") == "en"


def test_parse_article_detects_when_not_given_and_respects_given():
    text = "Депутаттар жаңа кодексті қабылдады. Құжат Сенатқа жіберілді.\n"
    assert parse_article(text).lang == "kk"
    assert parse_article(text, lang="ru").lang == "ru"
