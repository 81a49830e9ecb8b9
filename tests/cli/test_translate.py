"""``translator translate`` through click's CliRunner."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator.catalog import read_catalog
from translator.cli import cli


def msgfmt_ok(path: Path) -> None:
    if shutil.which("msgfmt"):
        r = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert r.returncode == 0 and "warning" not in r.stderr, r.stderr


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Oskemen opens a bridge.\n\nLatest news\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Astana forum\n\nDelegates met on Monday.\n", encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["translate", *args])


def test_translate_with_pseudo_writes_catalogs_and_a_summary(articles):
    result = run("a.txt", "b.md", "--to", "ru,kk", "--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 0, result.output
    assert "2 articles, 4 catalogs (4 written)" in result.output
    pos = sorted((articles / "locales").rglob("*.po"))
    assert [p.relative_to(articles).as_posix() for p in pos] == [
        "locales/kk/LC_MESSAGES/a.po", "locales/kk/LC_MESSAGES/b.po",
        "locales/ru/LC_MESSAGES/a.po", "locales/ru/LC_MESSAGES/b.po"]
    for p in pos:
        msgfmt_ok(p)
    assert read_catalog(articles / "locales/ru/LC_MESSAGES/a.po").meta("X-Source-File") == "a.txt"


def test_rerun_reports_no_engine_call_as_json(articles):
    run("a.txt", "--to", "ru", "--from", "en", "--engine", "pseudo", "--no-glossary")
    result = run("a.txt", "--to", "ru", "--from", "en", "--engine", "pseudo", "--no-glossary",
                 "--format", "json", "-q")
    assert result.exit_code == 0
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["mt_calls"] == 0 and summary["files_written"] == 0 and summary["ok"]


def test_output_dir_option(articles):
    result = run("a.txt", "--to", "kk", "--from", "en", "--engine", "pseudo", "--output-dir", "out",
                 "--no-glossary")
    assert result.exit_code == 0 and (articles / "out/kk/LC_MESSAGES/a.po").exists()


def test_no_model_says_how_to_install_and_about_pseudo(articles):
    result = run("a.txt", "--to", "ru", "--from", "en", "--models-dir", str(articles / "none"), "--no-glossary")
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "install" in lines[0] and "--engine pseudo" in lines[0]
    assert not (articles / "locales/ru/LC_MESSAGES/a.po").exists()


def test_broken_catalog_gives_a_one_line_error_and_exit_1(articles):
    bad = articles / "locales/ru/LC_MESSAGES/a.po"
    bad.parent.mkdir(parents=True)
    bad.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "x\nmsgstr ""\n', encoding="utf-8")
    result = run("a.txt", "b.md", "--to", "ru", "--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 1
    assert f"error: {Path('locales/ru/LC_MESSAGES/a.po')}:5: broken catalog" in result.stderr
    assert (articles / "locales/ru/LC_MESSAGES/b.po").exists()


def test_unknown_locale_is_a_usage_error(articles):
    result = run("a.txt", "--to", "xx", "--engine", "pseudo")
    assert result.exit_code == 2 and "unknown locale 'xx'" in result.stderr


def test_missing_file_is_reported(articles):
    result = run("nope.txt", "a.txt", "--to", "ru", "--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 1 and "nope.txt" in result.stderr
    assert (articles / "locales/ru/LC_MESSAGES/a.po").exists()


@pytest.fixture
def configured(articles, monkeypatch):
    """The articles in a project whose translator.toml names the sources and the targets."""
    monkeypatch.delenv("TRANSLATOR_CONFIG", raising=False)
    (articles / "news").mkdir()
    (articles / "a.txt").rename(articles / "news" / "a.txt")
    (articles / "translator.toml").write_text('sources = ["news"]\ntargets = ["kk"]\n', encoding="utf-8")
    return articles


def test_files_and_targets_come_from_the_configuration(configured):
    result = run("--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 0, result.output
    assert "1 articles, 1 catalogs (1 written)" in result.output
    assert [p.relative_to(configured).as_posix() for p in (configured / "locales").rglob("*.po")] == [
        "locales/kk/LC_MESSAGES/a.po"]
    # what the command line gives wins: b.md only, into ru only
    result = run("b.md", "--to", "ru", "--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(configured).as_posix() for p in (configured / "locales").rglob("*.po")) == [
        "locales/kk/LC_MESSAGES/a.po", "locales/ru/LC_MESSAGES/b.po"]
    # files given, no --to: the configured targets
    result = run("b.md", "--from", "en", "--engine", "pseudo", "--no-glossary")
    assert result.exit_code == 0, result.output
    assert (configured / "locales/kk/LC_MESSAGES/b.po").is_file()


def test_no_articles_and_no_targets_anywhere_are_one_line_errors(articles, monkeypatch):
    monkeypatch.delenv("TRANSLATOR_CONFIG", raising=False)
    result = run("--to", "ru", "--engine", "pseudo")
    assert result.exit_code == 2
    assert result.output == ("error: no articles to translate: pass FILE arguments, "
                             "or set 'sources' in the configuration\n")
    (articles / "translator.toml").write_text("targets = []\n", encoding="utf-8")
    result = run("a.txt", "--engine", "pseudo")
    assert result.exit_code == 2
    assert result.output == ("error: no target locale: pass --to, e.g. --to ru,kk, "
                             "or set 'targets' in the configuration\n")
    assert not (articles / "locales").exists()


def test_a_configured_source_that_names_nothing_is_reported(articles, monkeypatch):
    monkeypatch.delenv("TRANSLATOR_CONFIG", raising=False)
    (articles / "translator.toml").write_text('sources = ["missing"]\n', encoding="utf-8")
    result = run("--to", "ru", "--engine", "pseudo")
    assert result.exit_code == 2 and "missing" in result.output and "sources" in result.output
    assert len(result.output.splitlines()) == 1
