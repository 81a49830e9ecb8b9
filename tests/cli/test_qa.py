import json

from click.testing import CliRunner

from translator.cli import cli


def _tree(tmp_path, ru_msgstr):
    folder = tmp_path / "locales" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "budget.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-Source-Language: en\\n"\n\n'
        'msgctxt "s1"\nmsgid "The budget grew by 12% to 2.5 trillion tenge."\n'
        f'msgstr "{ru_msgstr}"\n\n'
        'msgctxt "s2"\nmsgid "He said: “The plan is ready.”"\nmsgstr "Он сказал: «План готов."\n',
        encoding="utf-8")
    return folder / "budget.po"


def test_text_report_and_exit_1_on_errors(tmp_path, monkeypatch):
    po = _tree(tmp_path, "Бюджет вырос на 12 до 2,5 триллиона тенге.")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["qa"])  # default path: locales/
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    rel = po.relative_to(tmp_path)
    assert any(line.startswith(f"{rel}:") and "[s1] error: percent:" in line for line in lines), lines
    assert any("[s2] warning: quotes:" in line for line in lines)
    assert lines[-1] == "1 error, 1 warning"


def test_json_report_and_exit_0_on_warnings_only(tmp_path):
    po = _tree(tmp_path, "Бюджет вырос на 12% до 2,5 триллиона тенге.")
    result = CliRunner().invoke(cli, ["qa", str(po), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["errors"] == 0 and data["warnings"] == 1
    [finding] = data["findings"]
    assert finding["file"] == str(po) and finding["msgctxt"] == "s2" and finding["line"] > 0
    assert finding["severity"] == "warning" and finding["check"] == "quotes" and finding["message"]


def test_broken_catalog_exit_2_but_others_reported(tmp_path):
    _tree(tmp_path, "Бюджет вырос на 12 до 2,5 триллиона тенге.")
    broken = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["qa", str(tmp_path / "locales")])
    assert result.exit_code == 2
    assert f"error: {broken}" in result.output and "error: percent:" in result.output


def test_usage_errors_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["qa"])
    assert result.exit_code == 2 and "locales/ does not exist" in result.output
    result = CliRunner().invoke(cli, ["qa", "missing-dir"])
    assert result.exit_code == 2 and "missing-dir: no such file or folder" in result.output
    result = CliRunner().invoke(cli, ["qa", "--format", "xml"])
    assert result.exit_code == 2
