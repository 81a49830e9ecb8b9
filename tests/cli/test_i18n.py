"""The toolkit's own messages in Russian and Kazakh: language choice, catalogs, formats.

Help texts are translated when a command module is imported (one process,
one language), so the CLI tests import ``translator.cli`` afresh after
setting the language.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from translator import _i18n

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "i18n" / "messages"
LANG_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def language(monkeypatch):
    """Set the UI language and give a freshly imported CLI."""
    def use(**env):
        for var in LANG_VARS:
            monkeypatch.delenv(var, raising=False)
        for var, value in env.items():
            monkeypatch.setenv(var, value)
        _i18n.reset()
        for name in [m for m in sys.modules if m == "translator.cli" or m.startswith("translator.cli.")]:
            monkeypatch.delitem(sys.modules, name)
        import translator.cli

        return translator.cli.cli
    yield use
    _i18n.reset()


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANGUAGE": "ru"}, "ru"),
    ({"LANGUAGE": "kk"}, "kk"),
    ({"LANG": "kk_KZ.UTF-8"}, "kk"),
    ({"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}, "ru"),
    ({"LANGUAGE": "fr:ru", "LANG": "kk_KZ.UTF-8"}, "ru"),
    ({"LANGUAGE": "en", "LANG": "ru_RU.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({}, "en"),
], ids=["LANGUAGE-ru", "LANGUAGE-kk", "LANG-kk", "LC_ALL-first", "LANGUAGE-list", "english-first",
        "C", "untranslated", "nothing"])
def test_language_comes_from_the_environment(language, env, expected):
    language(**env)
    assert _i18n.ui_language() == expected


def test_russian_help(language):
    cli = language(LANGUAGE="ru")
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Использование:" in result.output
    assert "Команды" in result.output
    assert "Выполнить всю настроенную работу: перевести, затем опубликовать." in result.output
    assert "Показать это сообщение и выйти." in result.output
    run_help = CliRunner().invoke(cli, ["run", "--help"]).output
    assert "Показать, что будет переведено, и остановиться." in run_help
    assert "Параметры" in run_help


def test_kazakh_help_and_errors(language):
    cli = language(LANGUAGE="kk")
    result = CliRunner().invoke(cli, ["config", "show", "--help"])
    assert "Қолданыстағы баптауларды және әр мәннің қайдан алынғанын көрсету." in result.output
    assert "Шығыс пішімі." in result.output
    bad = CliRunner().invoke(cli, ["config", "show", "--format", "xml"])
    assert bad.exit_code == 2
    assert "Қате:" in bad.output and "мәні жарамсыз" in bad.output
    missing = CliRunner().invoke(cli, ["nosuch"])
    assert "'nosuch' деген команда жоқ." in missing.output


def test_russian_plurals_numbers_and_dates(language):
    language(LANGUAGE="ru")
    from translator.cli._progress import render_plan, render_summary

    summary = {
        "articles": 2, "locales": ["ru", "kk"], "from_memory": 12345, "from_mt": 21,
        "qa_errors": 0, "qa_warnings": 5, "files_written": 1, "failures": [("a.txt", "x")],
        "engine": "pseudo", "seconds": 75.4, "finished": datetime(2026, 11, 29, 18, 5, 0),
    }
    text = render_summary(summary)
    assert "2 статьи, 2 локали (ru, kk)" in text
    assert "сегментов из памяти переводов: 12\u00a0345" in text  # CLDR ru groups with a no-break space
    assert "ошибок проверки: 0, предупреждений: 5" in text
    assert "время: 1 мин 15 с (завершено 29 нояб. 2026\u202fг., 18:05:00)" in text  # CLDR: narrow no-break space
    assert "1 статья не обработана" in text
    plan = render_plan({"articles": 5, "failures": [], "directions": [
        {"source": "en", "target": "ru", "segments": 1, "words": 22}]})
    assert plan.splitlines() == ["Будет обработано 5 статей.", "     en→ru  1 сегмент  22 слова"]


def test_kazakh_numbers(language):
    language(LANGUAGE="kk")
    assert _i18n.format_number(1234567) == "1\u00a0234\u00a0567"
    assert _i18n.format_seconds(2.5) == "2,5 с"
    assert _i18n.ngettext("{n} article", "{n} articles", 3).format(n=3) == "3 мақала"


def test_english_is_the_source(language):
    language(LANGUAGE="en")
    assert _i18n.format_number(12345) == "12,345"
    assert _i18n._("Usage:") == "Usage:"


# --- the catalogs themselves ------------------------------------------------------------------

def _fields(text: str) -> set[str]:
    brace = {m.group(1).split("!")[0].split(":")[0] for m in re.finditer(r"\{([^{}]*)\}", text)}
    percent = set(re.findall(r"%\((\w+)\)s", text))
    return brace | percent


def _owned_messages() -> set[str]:
    """Strings marked in the modules of this feature (the whole-tree extraction is `make messages`)."""
    from babel.messages.extract import extract_from_file

    files = ["src/translator/cli/run.py", "src/translator/cli/config.py",
             "src/translator/cli/_progress.py", "src/translator/_i18n.py"]
    out = set()
    for name in files:
        for _lineno, message, _comments, _ctx in extract_from_file(
                "python", str(ROOT / name), keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
            out.add(message[0] if isinstance(message, tuple) else message)
    for _lineno, message, _c, _x in extract_from_file(
            _i18n.extract_command_table, str(ROOT / "src/translator/cli/__init__.py")):
        out.add(message)
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_catalog_translates_every_message_with_the_same_placeholders(lang):
    with (MESSAGES / f"{lang}.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    translated = {}
    for m in catalog:
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, tuple) else m.id
        assert not m.fuzzy, key
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings), f"{lang}: untranslated {key!r}"
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        wanted = set().union(*(_fields(i) for i in ids))
        for s in strings:
            assert _fields(s) <= wanted, f"{lang}: {key!r} -> {s!r}"
        if not isinstance(m.id, tuple):
            assert _fields(m.string) == _fields(m.id), f"{lang}: {key!r} -> {m.string!r}"
        translated[key] = strings
    missing = _owned_messages() - set(translated)
    assert not missing, f"{lang}.po lacks {sorted(missing)}; run `make messages` and translate"
    assert catalog.num_plurals == (3 if lang == "ru" else 2)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_msgfmt_accepts_the_catalog(lang, tmp_path):
    subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(MESSAGES / f"{lang}.po")],
                   check=True, capture_output=True)


def test_compiled_catalogs_load_with_gettext(tmp_path):
    written = _i18n.compile_catalogs(MESSAGES, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "kk/LC_MESSAGES/translator.mo", "ru/LC_MESSAGES/translator.mo"]
    ru = gettext.translation("translator", localedir=str(tmp_path), languages=["ru"])
    assert ru.gettext("Usage:") == "Использование:"
    assert ru.ngettext("{n} article", "{n} articles", 22) == "{n} статьи"
    assert ru.ngettext("{n} article", "{n} articles", 25) == "{n} статей"


def test_babel_cfg_names_an_importable_extractor():
    cfg = (ROOT / "i18n" / "babel.cfg").read_text(encoding="utf-8")
    methods = re.findall(r"^\[([\w.]+):", cfg, re.M)
    assert "translator._i18n.extract_command_table" in methods and "python" in methods
    tree = ast.parse((ROOT / "src/translator/cli/__init__.py").read_text(encoding="utf-8"))
    assert any(isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "COMMANDS"
               or isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "COMMANDS"
               for n in ast.walk(tree))
