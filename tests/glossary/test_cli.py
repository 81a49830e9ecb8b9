import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator.cli import cli
from translator.segment import read_article

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """Тоқаев Өскеменге барды

Президент Қ.Тоқаевты Өскемен әкімі қарсы алды. Сапар барысында Тоқаевқа қаланың жоспары көрсетілді.

Кездесу Астанада жалғасады.
"""


def run(*args, input=None):
    return CliRunner().invoke(cli, ["glossary", *args], input=input)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "kk-visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_scan_json_offsets_point_into_the_blocks(article):
    result = run("scan", str(article), "--format", "json", "--glossary", str(ROOT / "i18n" / "glossary.tsv"))
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    data = json.loads(line)
    assert data["file"] == str(article) and data["lang"] == "kk"
    blocks = {b.index: b.text for b in read_article(article)}
    for m in data["matches"]:
        assert set(m) == {"block", "start", "end", "text", "concept", "preferred"}
        assert blocks[m["block"]][m["start"]:m["end"]] == m["text"]
    assert [(m["text"], m["concept"]) for m in data["matches"]] == [
        ("Тоқаев", "toqayev"), ("Өскеменге", "oskemen"), ("Қ.Тоқаевты", "toqayev"),
        ("Өскемен", "oskemen"), ("әкімі", "akim"), ("Тоқаевқа", "toqayev"), ("Астанада", "astana")]


def test_scan_uses_i18n_glossary_in_the_current_directory(article, tmp_path, monkeypatch):
    (tmp_path / "i18n").mkdir()
    shutil.copy(DATA / "small.tsv", tmp_path / "i18n" / "glossary.tsv")
    monkeypatch.chdir(tmp_path)
    result = run("scan", str(article), "--format", "json", "--lang", "kk")
    assert result.exit_code == 0, result.output
    assert {m["concept"] for m in json.loads(result.output)["matches"]} == {"toqayev", "oskemen"}


def test_no_glossary_is_a_one_line_error(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("scan", str(article))
    assert result.exit_code == 2
    assert "pass one with --glossary PATH" in result.output


def test_scan_a_missing_file_reports_and_goes_on(article):
    result = run("scan", "nope.txt", str(article), "--format", "json", "-g", str(DATA / "small.tsv"))
    assert result.exit_code == 2
    assert "nope.txt" in result.output and '"file"' in result.output


def test_enforce_reads_json_lines_and_reports_bad_ones():
    lines = "\n".join([
        json.dumps({"source": "Токаеву", "target": "Токаевқа хат", "source_lang": "ru", "target_lang": "kk"}),
        "{not json",
        json.dumps({"source": "x", "target": "y", "source_lang": "de", "target_lang": "kk"}),
        json.dumps({"source": "in Oskemen", "target": "Тоқаев", "source_lang": "en", "target_lang": "kk"}),
    ]) + "\n"
    result = run("enforce", "-g", str(DATA / "small.tsv"), input=lines)
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0] == {"target": "Тоқаевқа хат", "missing": [], "changes": [
        {"start": 0, "end": 8, "old": "Токаевқа", "new": "Тоқаевқа", "concept": "toqayev"}]}
    assert "line 2" in out[1]["error"] and "line 3" in out[2]["error"] and "'de'" in out[2]["error"]
    assert out[3] == {"target": "Тоқаев", "changes": [], "missing": ["oskemen"]}
    assert "error: line 2: not JSON" in result.stderr


def test_import_export_round_trip(tmp_path):
    tbx, tsv = tmp_path / "g.tbx", tmp_path / "g.tsv"
    assert run("export", "-g", str(DATA / "small.tsv"), "-o", str(tbx)).exit_code == 0
    assert run("import", str(tbx), "-o", str(tsv)).exit_code == 0
    listed = run("list", "-g", str(tsv))
    assert listed.exit_code == 0
    assert "toqayev (person): en: Toqayev | ru: Токаев | kk: Тоқаев" in listed.output
    assert run("list", "-g", str(tsv)).output == run("list", "-g", str(DATA / "small.tsv")).output


def test_import_to_stdout_and_a_broken_file():
    ok = run("import", str(DATA / "martif_v2.tbx"))
    assert ok.exit_code == 0 and ok.output.startswith("concept\tlang\tform\tstatus\ttype\tnote\n")
    bad = run("import", str(DATA / "broken.tbx"))
    assert bad.exit_code == 2 and "broken.tbx" in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize("name, code", [("small.tsv", 0), ("conflicts.tsv", 1)], ids=["clean", "conflicts"])
def test_check_exit_code(name, code):
    result = run("check", "-g", str(DATA / name))
    assert result.exit_code == code
    if code:
        assert "claimed by concepts" in result.output


def test_a_broken_glossary_names_file_and_line(article):
    result = run("scan", str(article), "-g", str(DATA / "bad_status.tsv"))
    assert result.exit_code == 2
    assert f"{DATA / 'bad_status.tsv'}:3: unknown status 'best'" in result.output


def test_scan_text_and_list_json(article):
    text = run("scan", str(article), "-g", str(DATA / "small.tsv"))
    assert text.exit_code == 0
    assert "[1] 10-20 Қ.Тоқаевты → toqayev (Тоқаев)" in text.output  # after "Президент "
    listed = run("list", "--format", "json", "-g", str(DATA / "small.tsv"))
    rows = [json.loads(x) for x in listed.output.splitlines()]
    assert [r["concept"] for r in rows] == ["toqayev", "oskemen", "tenge"]
    assert {"lang": "en", "form": "Tokaev", "status": "forbidden"} in rows[0]["terms"]
