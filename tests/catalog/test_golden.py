"""Golden files: the PO files the toolkit writes, byte for byte.

The expected files in ``data/`` were produced once (``UPDATE_GOLDEN=1``)
and then checked by reading them against the conventions in
``translator.catalog``; only ``X-Generator`` is normalised (it names the
version), and ``POT-Creation-Date`` is pinned through ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from translator.catalog import Proposal, read_catalog, update_catalog
from translator.catalog.files import atomic_write
from translator.catalog.po import catalog_text

DATA = Path(__file__).parent / "data"

BLOCKS = [
    ("title", ["Toqayev opens the new bridge in Oskemen"]),
    ("photo_credit", ["Photo: Akorda press service"]),
    ("body", ["The bridge over the Irtysh cost 44 billion tenge and took three years to build.",
              "\"It will serve the city for a century,\" the President said on Monday, 7 April."]),
    ("body", ["About 7,000 residents came to the opening; traffic starts at 06:00 on Tuesday with "
              "a speed limit of 60 km/h for the first month."]),
    ("related_header", ["Latest news"]),
]

ROUTE = "argos:en-ru@1.9"
CONCEPTS = (("toqayev", "Токаев"), ("oskemen", "Усть-Каменогорск"))
RU = {
    "Toqayev opens the new bridge in Oskemen":
        Proposal("Токаев открыл новый мост в Усть-Каменогорске", engine=ROUTE, concepts=CONCEPTS),
    "Photo: Akorda press service":
        Proposal("Фото: пресс-служба Акорды", fuzzy=False, tm="ru/LC_MESSAGES/older.po"),
    "The bridge over the Irtysh cost 44 billion tenge and took three years to build.":
        Proposal("Мост через Иртыш обошёлся в 44 миллиарда тенге, его строили три года.", engine=ROUTE),
    "\"It will serve the city for a century,\" the President said on Monday, 7 April.":
        Proposal("«Он будет служить городу сто лет», — сказал президент в понедельник, 7 апреля.",
                 engine=ROUTE, qa=(("warning", "quotes: \"…\" became «…»"),)),
    BLOCKS[3][1][0]:
        Proposal("На открытие пришли около 7 000 жителей; движение откроется во вторник в 06:00, "
                 "в первый месяц скорость ограничат 60 км/ч.", engine=ROUTE,
                 qa=(("error", "numbers: 7,000 is written 7 000"),)),
    "Latest news": Proposal("Последние новости", fuzzy=False, tm="ru/LC_MESSAGES/older.po"),
}


def normalised(text: str) -> str:
    return re.sub(r"X-Generator: translator [^\\]+", "X-Generator: translator VERSION", text)


def check_golden(path: Path, name: str) -> None:
    got = normalised(path.read_text(encoding="utf-8"))
    expected = DATA / name
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def proposals_for(article):
    return {s.id: RU[s.text] for _b, s in article.translatable_segments() if s.text in RU}


def test_new_catalog_matches_golden(tmp_path, article_of, fixed_date):
    article = article_of(BLOCKS, source=tmp_path / "articles" / "oskemen-bridge.md")
    path = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "oskemen-bridge.po"
    assert update_catalog(path, article, "ru", proposals_for(article), project_root=tmp_path)
    check_golden(path, "oskemen-bridge.ru.po")


def test_merged_catalog_matches_golden(tmp_path, article_of, fixed_date):
    """After review and a source edit: reviewed kept, #| previous, #~ obsolete, new entry fuzzy."""
    source = tmp_path / "articles" / "oskemen-bridge.md"
    path = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "oskemen-bridge.po"
    article = article_of(BLOCKS, source=source)
    update_catalog(path, article, "ru", proposals_for(article), project_root=tmp_path)
    # the reviewer accepts the title with an edit and a note, and accepts the first body sentence
    cat = read_catalog(path)
    reviewed = []
    for e in cat.entries:
        if e.msgid.startswith("Toqayev"):
            e = replace(e, msgstr="Токаев открыл новый мост в Усть-Каменогорске", fuzzy=False,
                        translator_comments=("checked against the Akorda release",))
        elif e.msgid.startswith("The bridge over"):
            e = replace(e, fuzzy=False)
        reviewed.append(e)
    atomic_write(path, catalog_text(replace(cat, entries=tuple(reviewed))).encode())
    # the editor corrects a figure, drops the photo credit and adds a closing paragraph
    blocks = [BLOCKS[0],
              ("body", ["The bridge over the Irtysh cost 45 billion tenge and took three years to build.",
                        BLOCKS[2][1][1]]),
              BLOCKS[3],
              ("body", ["The old pontoon crossing will close in May."]),
              BLOCKS[4]]
    article = article_of(blocks, source=source)
    new = {s.id: Proposal("Старую понтонную переправу закроют в мае.", engine=ROUTE)
           for _b, s in article.translatable_segments() if s.text.startswith("The old pontoon")}
    assert update_catalog(path, article, "ru", new, project_root=tmp_path)
    check_golden(path, "oskemen-bridge.merged.ru.po")
    assert not update_catalog(path, article, "ru", new, project_root=tmp_path)


@pytest.mark.parametrize("locale, nplurals", [("ru", 3), ("kk", 2), ("en", 2)])
def test_header_plural_forms_come_from_babel(tmp_path, article_of, fixed_date, locale, nplurals):
    article = article_of(BLOCKS[:1], lang="ru" if locale == "en" else "en")
    path = tmp_path / f"{locale}.po"
    update_catalog(path, article, locale, {}, project_root=tmp_path)
    cat = read_catalog(path)
    assert cat.meta("Plural-Forms").startswith(f"nplurals={nplurals};")
    assert cat.meta("Language") == locale
    assert cat.meta("POT-Creation-Date") == fixed_date
