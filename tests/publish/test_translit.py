import pytest

from translator.publish.translit import table, to_latin


@pytest.mark.parametrize(
    "cyrillic, latin",
    [
        # the sample transliteration of the 2021 alphabet (Wikipedia, "Kazakh alphabets")
        ("Бұрыңғы өткен заманда, бір данышпан кісі", "Būryñğy ötken zamanda, bır danyşpan kısı"),
        ("үйіне сый беріп", "üiıne syi berıp"),
        ("Бағдат шаһарының", "Bağdat şaharynyñ"),
        ("Қазақ тілі", "Qazaq tılı"),
        ("Өскемен", "Öskemen"),
        ("Тоқаев", "Toqaev"),
        ("Әкімдік Ұлттық Үкімет", "Äkımdık Ūlttyq Ükımet"),
        ("ЖҰМЫС", "JŪMYS"),
        ("Ишим Йемен", "İşim İemen"),
    ],
    ids=["wikipedia-sample-1", "wikipedia-sample-2", "h-and-sh", "language-name", "oskemen",
         "toqayev", "title-case-special", "all-caps", "dotted-capital-i"],
)
def test_kazakh_letters(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    "cyrillic, latin",
    [
        ("Цемент", "Tsement"),
        ("ЦЕНТР", "TSENTR"),
        ("Юрий", "İurii"),
        ("ЮРИЙ", "İURİİ"),
        ("Яндекс", "İandeks"),
        ("Ёлка", "İolka"),
        ("Чехия", "Çehiia"),
        ("Щучинск", "Şuçinsk"),
        ("объект", "obekt"),
        ("Пьеса", "Pesa"),
        ("Экономика", "Ekonomika"),
        ("КОНЦЕРТ", "KONTSERT"),
        ("Я", "İa"),
    ],
    ids=["ts-title", "ts-caps", "iu-title", "iu-caps", "ia-title", "io-title", "ch", "shch",
         "hard-sign", "soft-sign", "e-reversed", "ts-inside-caps", "single-capital"],
)
def test_russian_only_letters(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_lower_case_never_goes_through_str_lower():
    # str.lower("İ") is "i̇" (two code points) and str.lower("I") is "i"
    assert to_latin("и") == "i" and to_latin("і") == "ı"
    assert to_latin("И") == "İ" and to_latin("І") == "I"
    assert "\u0307" not in to_latin("ИНТЕРНЕТ иінтернет")


def test_every_kazakh_cyrillic_letter_is_in_the_table():
    alphabet = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    assert len(alphabet) == 42
    for letter in alphabet + alphabet.lower():
        assert letter in table(), letter
    out = to_latin(alphabet + alphabet.lower())
    assert not any("\u0400" <= ch <= "\u04ff" for ch in out)


def test_addresses_and_link_targets_are_kept():
    text = "[сайт](https://ақорда.kz/жаңалық) info@mail.kz https://gov.kz/қала"
    assert to_latin(text) == "[sait](https://ақорда.kz/жаңалық) info@mail.kz https://gov.kz/қала"


def test_latin_digits_and_punctuation_pass_through():
    assert to_latin("2026 ж. 29 қараша, 7,000 — «Astana»!") == "2026 j. 29 qaraşa, 7,000 — «Astana»!"
