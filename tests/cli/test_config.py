"""``translator config show``: the effective configuration and origins, and its errors."""

from __future__ import annotations

import json

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from click.testing import CliRunner

from translator.cli import cli


@pytest.fixture
def project(tmp_path, monkeypatch):
    for var in ("TRANSLATOR_CONFIG", "TRANSLATOR_ENGINE", "TRANSLATOR_MODELS_DIR", "TRANSLATOR_TM",
                "TRANSLATOR_THREADS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    (tmp_path / "translator.toml").write_text(
        'sources = ["news"]\ntargets = ["ru", "kk"]\n\n[engine]\nkind = "pseudo"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_show_toml_is_valid_toml_with_origins(project):
    result = CliRunner().invoke(cli, ["config", "show"], env={"TRANSLATOR_THREADS": "2"})
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.output)
    assert data["targets"] == ["ru", "kk"]
    assert data["engine"]["kind"] == "pseudo" and data["engine"]["threads"] == 2
    lines = result.output.splitlines()
    assert any(line.startswith("kind = ") and line.endswith("translator.toml:5") for line in lines)
    assert 'threads = 2  # env TRANSLATOR_THREADS' in lines
    assert 'beam = 4  # default' in lines
    assert f"# read from {project.resolve() / 'translator.toml'}" in lines


def test_show_json(project):
    result = CliRunner().invoke(cli, ["config", "show", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["file"] == str(project.resolve() / "translator.toml")
    assert data["config"]["engine"]["kind"] == "pseudo"
    assert data["origins"]["engine.beam"] == "default"
    assert data["origins"]["sources"].endswith("translator.toml:1")


def test_explicit_config_option(project):
    (project / "other.toml").write_text('targets = ["en"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "show", "--config", "other.toml", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["config"]["targets"] == ["en"]


def test_bad_configuration_is_one_line_and_exit_2(project):
    (project / "translator.toml").write_text('[engine]\nbeam = "wide"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "show"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "translator.toml:2: engine.beam" in result.output
    assert "Traceback" not in result.output


def test_show_without_a_file(project):
    (project / "translator.toml").unlink()
    result = CliRunner().invoke(cli, ["config", "show"])
    assert result.exit_code == 0
    assert "# no configuration file found: defaults, environment and options" in result.output
    assert tomllib.loads(result.output)["targets"] == ["ru", "kk"]


def test_missing_explicit_file(project):
    result = CliRunner().invoke(cli, ["config", "show", "--config", "nope.toml"])
    assert result.exit_code == 2
    assert "nope.toml: no such configuration file" in result.output
