"""``translator models list|install|remove`` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from translator.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["models", *args])


def test_install_list_remove(built, tmp_path):
    models = str(tmp_path / "models")
    empty = run("list", "--models-dir", models)
    assert empty.exit_code == 0 and "no models installed" in empty.output

    result = run("install", str(built["en_ru_zip"]), "--models-dir", models)
    assert result.exit_code == 0, result.output
    assert "installed en→ru (argos 1.9)" in result.output
    assert run("install", str(built["nllb_all"]), "--models-dir", models).exit_code == 0

    listed = run("list", "--models-dir", models)
    lines = listed.output.splitlines()
    assert lines[0].split()[:3] == ["en↔ru↔kk", "multilingual", "2.0"]
    assert lines[1].split()[:3] == ["en→ru", "argos", "1.9"]
    assert lines[1].endswith("translate-en_ru-1_9")

    rows = json.loads(run("list", "--models-dir", models, "--format", "json").output)
    assert {r["name"]: r["directions"] for r in rows}["translate-en_ru-1_9"] == ["en-ru"]

    removed = run("remove", "translate-en_ru-1_9", "--models-dir", models)
    assert removed.exit_code == 0 and "removed en→ru" in removed.output
    assert len(json.loads(run("list", "--models-dir", models, "--format", "json").output)) == 1


def test_errors_are_one_line_with_exit_code_2(tmp_path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    for args in (["install", str(bad)], ["remove", "nothing"], ["install", str(tmp_path / "missing")]):
        result = run(*args, "--models-dir", str(tmp_path / "models"))
        assert result.exit_code == 2
        assert result.output.startswith("error: ") and result.output.count("\n") == 1


def test_install_from_index_without_the_extra(tmp_path):
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        result = run("install", "en", "ru", "--models-dir", str(tmp_path / "models"))
        assert result.exit_code == 2
        assert "translator[argos]" in result.output and result.output.count("\n") == 1
