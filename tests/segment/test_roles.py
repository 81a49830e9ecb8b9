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
