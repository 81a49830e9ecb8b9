"""Roles from per-language cues, position and shape."""

import pytest

from translator.segment import parse_article

PAGES = {
    "en-page": ("en", """\
# source: https://example.kz/en/page
Politics
Mazhilis Passes Water Code in Second Reading
Views: 1 254
Deputies in the chamber on Wednesday Photo: example.kz
ASTANA. EXAMPLE – The Mazhilis passed the new Water Code on Wednesday. The Senate will vote next.
The code sets limits for farms. It also creates a water agency.
What Changes for Farmers
Farmers will pay by the cubic metre from 2026. Small farms get a discount.
Source: Example News
Aliya Serikova
Read also
Almaty Opens Two Metro Stations
12 March 2025, 09:15
Toqayev Meets Governors in Astana
Water Code    Mazhilis    Farming
Share
USD 471.20 EUR 512.35 RUB 5.10
"""),
    "ru-page": ("ru", """\
Новости
Мажилис принял Водный кодекс во втором чтении
5 марта 2025, 10:42
Фото: пресс-служба Мажилиса
Депутаты приняли новый Водный кодекс в среду. Документ направлен в Сенат.
Кодекс вводит лимиты для хозяйств. Он же создает водное агентство.
Что изменится для фермеров
Фермеры будут платить за кубометр с 2026 г. Мелким хозяйствам дадут скидку.
Автор: Алия Серикова
Читайте также
- Алматы открыл две станции метро
- Токаев встретился с акимами в Астане
Теги: Мажилис, вода
"""),
    "kk-page": ("kk", """\
Мәжіліс Су кодексін екінші оқылымда қабылдады
Сурет: Мәжілістің баспасөз қызметі
Депутаттар жаңа Су кодексін сәрсенбіде қабылдады. Құжат Сенатқа жіберілді.
Кодекс шаруашылықтарға лимит енгізеді. Сондай-ақ су агенттігі құрылады.
Фермерлер үшін не өзгереді
Фермерлер 2026 жылдан бастап текше метр үшін төлейді. Шағын шаруашылықтарға жеңілдік беріледі.
Қаралым: 312
Мәжілістің баспасөз қызметі
Соңғы жаңалықтар
Алматыда метроның екі бекеті ашылды
Тоқаев Астанада әкімдермен кездесті
"""),
}

EXPECTED = {
    "en-page": ["meta", "title", "meta", "photo_credit", "body", "body", "subheading", "body",
                "source_note", "byline", "related_header", "related_title", "related_meta",
                "related_title", "furniture", "furniture", "furniture"],
    "ru-page": ["meta", "title", "meta", "photo_credit", "body", "body", "subheading", "body",
                "byline", "related_header", "related_title", "related_title", "furniture"],
    "kk-page": ["title", "photo_credit", "body", "body", "subheading", "body", "meta", "byline",
                "related_header", "related_title", "related_title"],
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_roles(name):
    lang, text = PAGES[name]
    article = parse_article(text, lang=lang)
    assert [b.role for b in article] == EXPECTED[name]


def test_roles_do_not_depend_on_the_given_language():
    lang, text = PAGES["kk-page"]
    assert [b.role for b in parse_article(text)] == EXPECTED["kk-page"]


def test_first_block_with_several_sentences_is_body_not_title():
    article = parse_article("The akimat met today. It voted on the budget.\nAliya Serikova\n", lang="en")
    assert [b.role for b in article] == ["body", "byline"]


def test_repeated_headline_is_a_duplicate():
    text = "Toqayev Opens a Bridge\nThe bridge opened today. It is long.\nToqayev Opens a Bridge\n"
    assert [b.role for b in parse_article(text, lang="en")] == ["title", "body", "duplicate"]


def test_markdown_standfirst_and_subheading():
    text = ("# Title Here\n\n*A lead set apart from the body, in italics.*\n\nBody text. More body.\n\n"
            "## A Section\n\nMore body text here.\n")
    roles = [b.role for b in parse_article(text, fmt="markdown", lang="en")]
    assert roles == ["title", "standfirst", "body", "subheading", "body"]


def test_breadcrumbs_bylines_and_calls_to_subscribe():
    text = (
        "Home / News / Politics\nToqayev Signs Law on Water\nBy Aliya Serikova and Marat Bekov\n"
        "By the end of 2026, every farm will pay for water by the cubic metre.\n"
        "The law was signed on Friday.\n"
        "Subscribe to our Telegram channel to get the latest news first.\n"
    )
    roles = [b.role for b in parse_article(text, lang="en")]
    assert roles == ["furniture", "title", "byline", "body", "body", "furniture"]


def test_captions_and_meta_are_one_unit_unless_full_sentences():
    text = ("A Title Here\nDeputies in the chamber. Photo: example.kz\nViews: 254. Comments: 3\n"
            "The vote passed. The deputies left.\n")
    article = parse_article(text, lang="en")
    assert [b.role for b in article] == ["title", "photo_credit", "meta", "body"]
    assert [len(b) for b in article] == [1, 1, 1, 2]
    assert all(b.rebuild() == b.text for b in article)


def test_share_buttons_and_inline_read_also():
    text = ("Мажилис принял кодекс\nДепутаты приняли кодекс в среду. Документ ушел в Сенат.\n"
            "Читайте также: Сенат одобрил бюджет\nFacebook Telegram WhatsApp\n")
    roles = [b.role for b in parse_article(text, lang="ru")]
    assert roles == ["title", "body", "related_title", "furniture"]


def test_headlines_and_subheadings_may_end_with_a_question_mark():
    text = ("Will the Tenge Fall Again?\nThe central bank met on Friday. It kept the rate.\n"
            "What changes for savers?\nDeposits stay insured. Rates stay high.\n")
    roles = [b.role for b in parse_article(text, lang="en")]
    assert roles == ["title", "body", "subheading", "body"]


def test_lead_set_apart_by_a_date_line_is_a_standfirst():
    text = ("# Shymkent Opens a Library\n\nPhoto: Example News\n\nThe reading rooms stay open late.\n\n"
            "12 March 2026, 09:15\n\nThe city opened a library on Monday. It cost 2.1 billion tenge.\n")
    roles = [b.role for b in parse_article(text, fmt="markdown", lang="en")]
    assert roles == ["title", "photo_credit", "standfirst", "meta", "body"]
