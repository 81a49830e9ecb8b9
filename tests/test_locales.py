import pytest

from translator.catalog.stats import collect_status
from translator.errors import ConfigError
from translator.locales import locale_of_po


@pytest.mark.parametrize("value, code", [
    ("ru", "ru"), ("kk@latin", "kk-Latn"), ("ru_RU", "ru"), ("kk-KZ", "kk"), (" en ", "en"),
], ids=["plain", "latin-modifier", "region-underscore", "region-hyphen", "spaces"])
def test_po_language_values_name_our_locales(value, code):
    assert locale_of_po(value).code == code


def test_an_unknown_language_names_the_known_ones():
    with pytest.raises(ConfigError, match="known locales: en, ru, kk, kk-Latn"):
        locale_of_po("de_DE")


def test_status_and_qa_read_a_regional_language_header_alike(tmp_path):
    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru_RU\\n"\n"X-Source-Language: en\\n"\n\n'
                  'msgid "One."\nmsgstr "Один."\n', encoding="utf-8")
    from translator.catalog import read_catalog
    from translator.qa.catalogs import catalog_languages

    assert catalog_languages(read_catalog(po)) == ("en", "ru")
    assert [r.locale for r in collect_status([po]).rows] == ["ru"]
