"""``translator status`` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from translator.catalog import Catalog, Entry, catalog_text
from translator.cli import cli

HEADER = (("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8"), ("X-Article-Slug", "bridge"))


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ru = tmp_path / "locales/ru/LC_MESSAGES"
    ru.mkdir(parents=True)
    entries = (
        Entry("Oskemen opens a bridge.", "Мост открыт.", "a"),                       # reviewed
        Entry("It cost 44 billion tenge.", "Стоил 45 млрд тенге.", "b", fuzzy=True,  # machine, QA error
              comments=("qa: error: numbers: 44 is missing",)),
        Entry("Latest news", "", "c"),                                                # untranslated
        Entry("Gone.", "Ушло.", "d", obsolete=True),
    )
    (ru / "bridge.po").write_text(catalog_text(Catalog(None, HEADER, entries)), encoding="utf-8")
    kk = tmp_path / "locales/kk/LC_MESSAGES"
    kk.mkdir(parents=True)
    header = (("Language", "kk"), ("Content-Type", "text/plain; charset=UTF-8"), ("X-Article-Slug", "bridge"))
    (kk / "bridge.po").write_text(catalog_text(Catalog(None, header, (Entry("Latest news", "Соңғы жаңалықтар",
                                                                            "c"),))), encoding="utf-8")
    return tmp_path


def test_status_json_counts_per_catalog_locale_and_total(tree):
    result = CliRunner().invoke(cli, ["status", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ru = next(r for r in data["catalogs"] if r["locale"] == "ru")
    assert (ru["entries"], ru["words"], ru["translated"], ru["fuzzy"], ru["untranslated"], ru["qa_errors"]) \
        == (3, 11, 1, 1, 1, 1)
    assert ru["obsolete"] == 1 and ru["article"] == "bridge"
    assert data["locales"]["kk"]["translated"] == 1
    assert data["total"]["entries"] == 4 and data["total"]["translated"] == 2 and data["total"]["words"] == 13


def test_status_text_table(tree):
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["locale", "article", "entries", "words", "translated", "fuzzy", "untranslated",
                                "qa", "errors"]
    assert lines[-1].split() == ["total", "4", "13", "2", "1", "1", "1"]


def test_status_reports_a_broken_catalog_and_exits_1(tree):
    (tree / "locales/kk/LC_MESSAGES/broken.po").write_text('msgid "x\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 1 and "broken.po:1: broken catalog" in result.stderr
    assert "total" in result.stdout


def test_status_without_tree_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 2 and "run translator translate first" in result.stderr
