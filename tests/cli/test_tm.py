import json
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from translator.cli import cli
from translator.memory import TranslationMemory

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence"
          adminlang="en" srclang="en" o-tmf="t"/>
  <body>
    <tu><tuv xml:lang="en"><seg>Latest news</seg></tuv><tuv xml:lang="ru"><seg>Последние новости</seg></tuv>
        <tuv xml:lang="kk"><seg>Соңғы жаңалықтар</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>Weather</seg></tuv><tuv xml:lang="ru"><seg>Погода</seg></tuv></tu>
  </body>
</tmx>
"""


def _invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_import_stats_export(tmp_path):
    src = tmp_path / "in.tmx"
    src.write_text(TMX, encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    result = _invoke("tm", "import", str(src), "--tm", str(tm))
    assert result.exit_code == 0, result.output
    assert "3 units imported" in result.output
    with TranslationMemory(tm, readonly=True) as memory:
        assert memory.lookup("Latest news", "en", "kk").target == "Соңғы жаңалықтар"

    result = _invoke("tm", "stats", "--tm", str(tm), "--format", "json")
    info = json.loads(result.output)
    assert info["units"] == 3 and info["size_bytes"] > 0
    assert {(p["source"], p["target"]): p["units"] for p in info["pairs"]} == {("en", "kk"): 1, ("en", "ru"): 2}
    text = _invoke("tm", "stats", "--tm", str(tm)).output
    assert "3 units" in text and "en → ru: 2" in text

    out = tmp_path / "ru.tmx"
    result = _invoke("tm", "export", "-o", str(out), "--source", "en", "--target", "ru", "--tm", str(tm))
    assert result.exit_code == 0 and "2 units written" in result.output
    root = ET.parse(out).getroot()
    assert root.find("header").get("srclang") == "en"
    assert len(root.findall("body/tu")) == 2


def test_default_tm_path_is_in_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.tmx").write_text(TMX, encoding="utf-8")
    assert _invoke("tm", "import", "in.tmx").exit_code == 0
    assert (tmp_path / ".translator" / "tm.sqlite").is_file()


def test_errors_are_one_line_with_exit_2(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 100)
    for args in (["tm", "stats", "--tm", str(bad)],
                 ["tm", "stats", "--tm", str(tmp_path / "absent.sqlite")],
                 ["tm", "import", str(tmp_path / "absent.tmx"), "--tm", str(tmp_path / "tm.sqlite")],
                 ["tm", "export", "-o", str(tmp_path / "no" / "dir" / "x.tmx"), "--tm", str(bad)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith("error: ") and result.output.count("\n") == 1
        assert "Traceback" not in result.output


def test_broken_tmx_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx version='1.4'>\n<body>\n<tu>\n</body></tmx>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "import", str(bad), "--tm", str(tmp_path / "tm.sqlite")])
    assert result.exit_code == 2
    assert f"{bad}:4:" in result.output


def test_the_project_configuration_names_the_memory(tmp_path, monkeypatch):
    # `translator run` fills the memory the configuration names; `tm` must read the same one
    (tmp_path / "translator.toml").write_text('tm = "shared/memory.sqlite"\n', encoding="utf-8")
    src = tmp_path / "in.tmx"
    src.write_text(TMX, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRANSLATOR_TM", raising=False)
    assert _invoke("tm", "import", str(src)).exit_code == 0
    assert (tmp_path / "shared" / "memory.sqlite").is_file()
    assert not (tmp_path / ".translator").exists()
