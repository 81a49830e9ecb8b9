"""Project configuration: discovery, validation, origins, environment and option overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from translator.config import KEYS, Config, find_config_file, load_config
from translator.errors import ConfigError, InputError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(start=tmp_path, env={})
    assert cfg.file is None and cfg.root == tmp_path.resolve()
    assert cfg.targets == ("ru", "kk")
    assert cfg.engine.kind == "auto" and cfg.engine.beam == 4
    assert cfg.tm == tmp_path.resolve() / ".translator/tm.sqlite"
    assert cfg.glossary == ()
    assert all(o.kind == "default" for o in cfg.origins().values())
    assert set(cfg.origins()) == set(KEYS)


def test_translator_toml_found_upward_and_paths_relative_to_it(tmp_path):
    write(tmp_path / "translator.toml", 'sources = ["news"]\ntm = "mem.db"\n\n[engine]\nbeam = 2\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load_config(start=deep, env={})
    assert cfg.file == tmp_path.resolve() / "translator.toml"
    assert cfg.root == tmp_path.resolve()
    assert cfg.tm == tmp_path.resolve() / "mem.db"
    assert cfg.engine.beam == 2
    origin = cfg.origin("engine.beam")
    assert (origin.kind, origin.line) == ("file", 5)
    assert str(cfg.origin("tm")).endswith("translator.toml:2")


def test_pyproject_without_section_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.translator]\ntargets = ["kk"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    found = find_config_file(tmp_path / "sub")
    assert found == (tmp_path.resolve() / "pyproject.toml", "tool.translator")
    cfg = load_config(start=tmp_path / "sub", env={})
    assert cfg.targets == ("kk",)
    assert cfg.origin("targets").line == 2


def test_translator_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.translator]\ntargets = ["kk"]\n')
    write(tmp_path / "translator.toml", 'targets = ["en"]\n')
    assert load_config(start=tmp_path, env={}).targets == ("en",)


def test_pyproject_subtables(tmp_path):
    write(tmp_path / "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.translator]\nsources = ["a"]\n\n'
          '[tool.translator.publish]\ninclude_machine = true\n')
    cfg = load_config(start=tmp_path, env={})
    assert cfg.publish.include_machine is True
    assert cfg.origin("publish.include_machine").line == 8


@pytest.mark.parametrize(("text", "needle"), [
    ("bogus = 1\n", "unknown key 'bogus'"),
    ("[engine]\nbem = 3\n", "did you mean 'engine.beam'"),
    ("[engine]\nbeam = 0\n", "engine.beam: expected a whole number from 1 to 32"),
    ("[engine]\nbeam = true\n", "engine.beam"),
    ('[engine]\nkind = "google"\n', "engine.kind: expected one of auto, argos, pseudo"),
    ('targets = ["fr"]\n', "unknown locale 'fr'"),
    ('source_lang = "de"\n', "source_lang"),
    ("sources = 3\n", "sources: expected a list of strings"),
    ('[output]\nformats = ["pdf"]\n', "output.formats"),
    ('[output]\nlayout = "{slug}.po"\n', "output.layout"),
    ('[publish]\nlatin = "maybe"\n', "publish.latin"),
    ("engine = 1\n", "'engine' must be a table"),
    ("targets = [\n", "not valid TOML"),
], ids=["unknown", "typo", "beam-range", "beam-bool", "engine-kind", "locale", "source-lang",
        "sources-type", "format", "layout", "bool", "table", "syntax"])
def test_bad_files_name_the_key_and_file(tmp_path, text, needle):
    write(tmp_path / "translator.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path, env={})
    message = str(info.value)
    assert needle in message
    assert "translator.toml" in message
    assert message == message.strip() and "\n" not in message


def test_error_gives_the_line(tmp_path):
    write(tmp_path / "translator.toml", 'targets = ["ru"]\n\n[engine]\nbeam = 99\n')
    with pytest.raises(ConfigError, match=r"translator\.toml:4: engine\.beam"):
        load_config(start=tmp_path, env={})


def test_environment_overrides_file_and_option_overrides_environment(tmp_path):
    write(tmp_path / "translator.toml", '[engine]\nkind = "argos"\nthreads = 2\n')
    env = {"TRANSLATOR_ENGINE": "pseudo", "TRANSLATOR_MODELS_DIR": "models", "TRANSLATOR_THREADS": "3"}
    cfg = load_config(start=tmp_path, env=env)
    assert cfg.engine.kind == "pseudo" and cfg.engine.threads == 3
    assert cfg.models_dir == tmp_path.resolve() / "models"
    assert str(cfg.origin("engine.kind")) == "env TRANSLATOR_ENGINE"
    cfg = load_config(start=tmp_path, env=env, overrides={"engine.kind": ("auto", "--engine")})
    assert cfg.engine.kind == "auto"
    assert str(cfg.origin("engine.kind")) == "option --engine"
    with pytest.raises(ConfigError, match="environment variable TRANSLATOR_THREADS: engine.threads"):
        load_config(start=tmp_path, env={"TRANSLATOR_THREADS": "many"})


def test_explicit_file_and_env_config(tmp_path):
    other = write(tmp_path / "elsewhere" / "job.toml", 'targets = ["en", "kk"]\n')
    write(tmp_path / "translator.toml", 'targets = ["ru"]\n')
    assert load_config(start=tmp_path, explicit=other, env={}).targets == ("en", "kk")
    assert load_config(start=tmp_path, env={"TRANSLATOR_CONFIG": str(other)}).root == other.parent.resolve()
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(start=tmp_path, explicit=tmp_path / "missing.toml", env={})


def test_default_glossary_used_when_present(tmp_path):
    write(tmp_path / "translator.toml", "")
    assert load_config(start=tmp_path, env={}).glossary == ()
    gl = write(tmp_path / "i18n" / "glossary.tsv", "id\ten\n")
    assert load_config(start=tmp_path, env={}).glossary == (gl.resolve(),)


def test_kk_latin_follows_kk(tmp_path):
    write(tmp_path / "translator.toml", 'targets = ["ru", "kk"]\n')
    assert load_config(start=tmp_path, env={}).locale_codes == ("ru", "kk", "kk-Latn")
    write(tmp_path / "translator.toml", 'targets = ["ru", "kk"]\n[publish]\nlatin = false\n')
    assert load_config(start=tmp_path, env={}).locale_codes == ("ru", "kk")
    write(tmp_path / "translator.toml", 'targets = "ru"\n')
    assert load_config(start=tmp_path, env={}).locale_codes == ("ru",)


def test_source_files_folders_globs_and_missing(tmp_path):
    write(tmp_path / "news" / "b.md", "x")
    write(tmp_path / "news" / "a.txt", "x")
    write(tmp_path / "news" / "notes.json", "{}")
    write(tmp_path / "extra" / "c.md", "x")
    write(tmp_path / "translator.toml", 'sources = ["news", "extra/*.md", "news/a.txt"]\n')
    cfg = load_config(start=tmp_path, env={})
    names = [p.name for p in cfg.source_files()]
    assert names == ["a.txt", "b.md", "c.md"]
    write(tmp_path / "translator.toml", 'sources = ["nowhere"]\n')
    with pytest.raises(InputError, match="nowhere"):
        load_config(start=tmp_path, env={}).source_files()


def test_a_folder_leaves_out_the_output_tree_and_hidden_files(tmp_path):
    write(tmp_path / "a.md", "x")
    write(tmp_path / "locales" / "ru" / "articles" / "a.md", "published")
    write(tmp_path / ".git" / "notes.md", "x")
    write(tmp_path / "drafts" / ".b.md", "x")
    write(tmp_path / "drafts" / "c.txt", "x")
    write(tmp_path / "translator.toml", 'sources = ["."]\n')
    cfg = load_config(start=tmp_path, env={})
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in cfg.source_files()] == ["a.md", "drafts/c.txt"]


def test_as_dict_round_trips_through_toml(tmp_path):
    write(tmp_path / "translator.toml", 'sources = ["news"]\n[engine]\nkind = "pseudo"\n')
    cfg = load_config(start=tmp_path, env={})
    data = cfg.as_dict()
    data.pop("models_dir")  # None has no TOML form
    again = tmp_path / "again.toml"
    lines = []
    for key, value in data.items():
        if not isinstance(value, dict):
            lines.append(f"{key} = {value!r}".replace("'", '"').replace("True", "true").replace("False", "false"))
    for table in ("engine", "output", "publish"):
        lines.append(f"[{table}]")
        for key, value in data[table].items():
            lines.append(f"{key} = {value!r}".replace("'", '"').replace("True", "true").replace("False", "false"))
    again.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert tomllib.loads(again.read_text())["engine"]["kind"] == "pseudo"
    cfg2 = load_config(start=tmp_path, explicit=again, env={})
    assert cfg2.as_dict() == cfg.as_dict()
    assert isinstance(cfg2, Config)
