"""The CLI: `translator publish` and `translator publish --check`, with click's CliRunner."""

from pathlib import Path

from click.testing import CliRunner

from translator.cli import cli

SLUG = "shymkent-library"


def test_publish_then_check(project, monkeypatch, gold_reader):
    import translator.segment as segment

    monkeypatch.setattr(segment, "read_article", gold_reader)
    runner = CliRunner()
    result = runner.invoke(cli, ["publish", "--include-machine", "--output-dir", "site"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "3 articles published; 12 files written, 0 unchanged"
    result = runner.invoke(cli, ["publish", "--include-machine", "--output-dir", "site", "--format", "md,json,html"])
    assert result.output.strip() == "3 articles published; 0 files written, 12 unchanged"
    result = runner.invoke(cli, ["publish", "--check", "--output-dir", "site"])
    assert result.exit_code == 0 and "every published file is valid" in result.output
    (Path("site") / "ru" / "articles" / f"{SLUG}.json").write_text("{", encoding="utf-8")
    result = runner.invoke(cli, ["publish", "--check", "--output-dir", "site"])
    assert result.exit_code == 1
    assert f"site/ru/articles/{SLUG}.json: not valid JSON" in result.output
    assert "1 problem found" in result.output


def test_stale_catalog_exit_code_and_message(project):
    # the source changed after the catalogs were made: reported by name, exit 1, no traceback
    source = Path("articles") / f"{SLUG}.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Entry is free.", "Entry is free for all."),
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["publish", "--output-dir", "site"])
    assert result.exit_code == 1
    assert f"error: locales/ru/LC_MESSAGES/{SLUG}.po: catalog does not match its source" in result.output
    assert "Traceback" not in result.output


def test_bad_options_are_one_line_errors(project):
    result = CliRunner().invoke(cli, ["publish", "--format", "pdf"])
    assert result.exit_code == 2 and "unknown publish format 'pdf'; known formats: md, json, html" in result.output
    result = CliRunner().invoke(cli, ["publish", "--locale", "de"])
    assert result.exit_code == 2 and "unknown locale 'de'" in result.output
    result = CliRunner().invoke(cli, ["publish", "--check", "--output-dir", "nowhere"])
    assert result.exit_code == 1 and "publish first with: translator publish" in result.output



def test_no_catalogs_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["publish"])
    assert result.exit_code == 1
    assert "error: locales: no catalogs found" in result.output and "translator translate" in result.output
    assert not (tmp_path / "locales").exists()


def test_include_machine_defaults_to_the_project_configuration(project, monkeypatch, gold_reader):
    import json

    import translator.segment as segment

    monkeypatch.setattr(segment, "read_article", gold_reader)
    runner = CliRunner()

    def machine_counts(out):
        assert runner.invoke(cli, ["publish", "--output-dir", out, "--format", "json"]).exit_code == 0
        meta = json.loads((Path(out) / "ru" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
        return meta["meta"]["counts"]["machine"], meta["meta"]["counts"]["withheld"]

    machine, withheld = machine_counts("plain")
    assert machine == 0 and withheld > 0  # no configuration: machine output is held back
    Path("translator.toml").write_text("[publish]\ninclude_machine = true\n", encoding="utf-8")
    assert machine_counts("configured") == (withheld, 0)
