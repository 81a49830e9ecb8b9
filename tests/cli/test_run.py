"""``translator run``: orchestration, summary, exit statuses, progress, incremental re-runs.

The first tests drive the command against stand-ins for the pipeline and
publish stages (recording what the command hands them and returning chosen
results), so that each exit status is reached on purpose. The last tests run
the real stages end to end with the pseudo engine.
"""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import translator
from translator.cli import cli
from translator.cli._progress import ProgressBars, event_fields
from translator.errors import InputError, ModelNotInstalled
from translator.pipeline import Failure, TranslateOptions
from translator.pipeline import RunSummary as _RealRunSummary
from translator.publish import Problem, PublishOptions

ARTICLE_EN = """Oskemen opens a new bridge

The new bridge over the Irtysh in Oskemen opened on Monday. It is 1,200 metres long.

Traffic will start in June. Officials said the work cost 30 billion tenge.
"""


GLOSSARY = """concept\tlang\tform\tstatus\ttype\tnote
oskemen\ten\tOskemen\tpreferred\tplace\t
oskemen\ten\tUst-Kamenogorsk\tvariant\t\t
oskemen\tru\tУсть-Каменогорск\tpreferred\t\t
oskemen\tkk\tӨскемен\tpreferred\t\t
"""


@pytest.fixture
def clean_env(monkeypatch):
    for var in ("TRANSLATOR_CONFIG", "TRANSLATOR_ENGINE", "TRANSLATOR_MODELS_DIR", "TRANSLATOR_TM",
                "TRANSLATOR_THREADS", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    translator._i18n.reset()
    yield
    translator._i18n.reset()


@pytest.fixture
def project(tmp_path, monkeypatch, clean_env):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "en-bridge.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "news" / "en-second.txt").write_text("Astana hosts a forum.\n\nIt lasts two days.\n",
                                                      encoding="utf-8")
    (tmp_path / "translator.toml").write_text(
        'sources = ["news"]\ntargets = ["ru", "kk"]\n\n[engine]\nkind = "pseudo"\n\n'
        '[publish]\ninclude_pseudo = true\n', encoding="utf-8")
    (tmp_path / "i18n").mkdir()  # the project's own termbase, found by default
    (tmp_path / "i18n" / "glossary.tsv").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- stand-in stages --------------------------------------------------------------------
# The CLI is tested against recorders of translate() and publish() that take the real
# option types, so a change to those types shows up here too.

def RunSummary(**changes):  # noqa: N802 - reads like the type it builds
    """The real RunSummary with the figures these tests print."""
    base = dict(articles=2, from_tm=3, from_mt=9, mt_calls=1, qa_warnings=1,
                written=("a.po", "b.po", "c.po", "d.po"))
    return _RealRunSummary(**{**base, **changes})


@pytest.fixture
def stages(monkeypatch):
    calls: dict[str, list] = {"translate": [], "publish": []}
    behaviour: dict = {"summary": RunSummary(), "raise_for": (), "problems": ()}

    def translate(paths, targets, options=None, progress=None, *, engine=None, memory=None, termbase=None):
        calls["translate"].append((list(paths), list(targets), options))
        if options.engine in behaviour["raise_for"]:
            raise ModelNotInstalled([("en", "ru")])
        return behaviour["summary"]

    def publish(catalog_root, output_root, locales=None, formats=("md",), options=None):
        calls["publish"].append((catalog_root, output_root, list(locales), list(formats), options))
        return types.SimpleNamespace(written=tuple(Path(f"x{i}.md") for i in range(6)),
                                     problems=behaviour["problems"])

    pipeline = types.ModuleType("translator.pipeline")
    pipeline.TranslateOptions, pipeline.translate = TranslateOptions, translate
    pub = types.ModuleType("translator.publish")
    pub.PublishOptions, pub.publish = PublishOptions, publish
    for name, mod in (("pipeline", pipeline), ("publish", pub)):
        monkeypatch.setitem(sys.modules, f"translator.{name}", mod)
        monkeypatch.setattr(translator, name, mod, raising=False)
    return calls, behaviour


def invoke(*args, **kw):
    return CliRunner().invoke(cli, ["run", *args], **kw)


def test_run_hands_the_configuration_to_both_stages(project, stages):
    calls, _ = stages
    result = invoke()
    assert result.exit_code == 0, result.output
    (paths, targets, options), = calls["translate"]
    assert [p.name for p in paths] == ["en-bridge.txt", "en-second.txt"]
    assert targets == ["ru", "kk"]  # kk-Latn is derived at publish time, never translated
    assert options.engine == "pseudo"
    assert options.tm_path == project.resolve() / ".translator/tm.sqlite"
    assert options.project_root == project.resolve() and options.source_lang is None
    assert options.glossary == (project.resolve() / "i18n" / "glossary.tsv",)
    (cat_root, out_root, locales, formats, pub_options), = calls["publish"]
    assert locales == ["ru", "kk", "kk-Latn"]
    assert formats == ["md", "json", "html"]
    assert pub_options.include_pseudo is True and pub_options.include_machine is False
    assert pub_options.source_root == project.resolve()
    assert cat_root == project.resolve() / "locales"
    assert "segments from memory: 3" in result.output
    assert "segments from the MT engine: 9" in result.output
    assert "files written: 10" in result.output


def test_paths_and_options_override_the_configuration(project, stages):
    calls, _ = stages
    result = invoke("news/en-second.txt", "--to", "kk", "--engine", "argos", "--no-publish")
    assert result.exit_code == 0, result.output
    (paths, targets, options), = calls["translate"]
    assert [p.name for p in paths] == ["en-second.txt"] and targets == ["kk"]
    assert options.engine == "argos"
    assert calls["publish"] == []


def test_json_summary(project, stages):
    result = invoke("--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output.strip().splitlines()[-1])
    assert data["articles"] == 2 and data["from_mt"] == 9 and data["from_memory"] == 3
    assert data["locales"] == ["ru", "kk", "kk-Latn"] and data["engine"] == "pseudo"
    assert data["failures"] == []


def test_quiet_prints_nothing_on_success(project, stages):
    result = invoke("--quiet")
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize(("strict", "code"), [(False, 0), (True, 1)], ids=["lenient", "strict"])
def test_qa_errors_fail_only_with_strict(project, stages, strict, code):
    stages[1]["summary"] = RunSummary(qa_errors=2)
    result = invoke(*(["--strict"] if strict else []))
    assert result.exit_code == code
    assert "QA errors: 2" in result.output


def test_a_failed_article_is_reported_and_exit_is_2(project, stages):
    bad = project / "news" / "en-second.txt"
    stages[1]["summary"] = RunSummary(failures=(Failure(str(bad), str(InputError(bad, "not UTF-8 (byte 3)"))),))
    result = invoke("--strict")
    assert result.exit_code == 2
    assert f"error: {bad}: not UTF-8 (byte 3)" in result.output
    assert "1 article failed" in result.output
    assert "segments from the MT engine: 9" in result.output  # the rest of the run went on


def test_publish_problems_errors_fail_and_warnings_are_shown(project, stages):
    stages[1]["problems"] = (Problem(Path("locales/kk"), "no catalogs for this locale; nothing published",
                                     "warning"),)
    result = invoke()
    assert result.exit_code == 0
    assert "warning: locales/kk: no catalogs for this locale; nothing published" in result.output
    stages[1]["problems"] = (Problem(Path("locales/ru/LC_MESSAGES/a.po"), "source changed", "error"),)
    result = invoke()
    assert result.exit_code == 2
    assert "error: locales/ru/LC_MESSAGES/a.po: source changed" in result.output


def test_no_model_falls_back_to_pseudo_when_configured(project, stages):
    calls, behaviour = stages
    behaviour["raise_for"] = ("auto",)
    (project / "translator.toml").write_text(
        'sources = ["news"]\n[engine]\nkind = "auto"\nfallback = "pseudo"\n', encoding="utf-8")
    result = invoke()
    assert result.exit_code == 0, result.output
    assert [c[2].engine for c in calls["translate"]] == ["auto", "pseudo"]
    assert "using the pseudo engine" in result.output
    assert "translator models install" in result.output
    assert "engine: pseudo (not a translation)" in result.output


def test_no_model_without_fallback_is_an_error(project, stages):
    stages[1]["raise_for"] = ("auto",)
    result = invoke("--engine", "auto")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: no model for en→ru; install one with: translator models install FILE")


def test_usage_and_input_errors_exit_2(project, stages):
    assert invoke("--format", "xml").exit_code == 2
    assert invoke("missing.txt").exit_code == 2
    (project / "translator.toml").write_text("sources = []\n", encoding="utf-8")
    result = invoke()
    assert result.exit_code == 2 and "no articles to translate" in result.output
    (project / "translator.toml").write_text("[engine]\nbeam = -1\n", encoding="utf-8")
    result = invoke()
    assert result.exit_code == 2 and "engine.beam" in result.output


def test_library_warnings_are_shown_and_quiet_hides_them(project, stages, monkeypatch):
    import logging

    def translate(paths, targets, options=None, progress=None, **kw):
        logging.getLogger("translator.pipeline").warning("no glossary module: the glossary step is left out")
        logging.getLogger("translator.pipeline").error("an error the summary reports")
        return RunSummary()

    monkeypatch.setattr(sys.modules["translator.pipeline"], "translate", translate)
    result = invoke()
    assert "warning: no glossary module: the glossary step is left out" in result.output
    assert "an error the summary reports" not in result.output
    assert "no glossary module" not in invoke("--quiet").output


# --- watch ----------------------------------------------------------------------------------------

def test_watch_runs_again_when_a_source_changes(project, stages, monkeypatch):
    import translator.cli.run as run_module

    calls, _ = stages
    edits = []

    def sleep(seconds):
        assert seconds == 0.5
        if not edits:  # the first pause: an editor saves an article
            path = project / "news" / "en-second.txt"
            path.write_text(path.read_text(encoding="utf-8") + "\nA third paragraph.\n", encoding="utf-8")
            edits.append(path)

    monkeypatch.setattr(run_module, "_sleep", sleep)
    result = CliRunner().invoke(cli, ["watch", "--interval", "0.5", "--runs", "2"])
    assert result.exit_code == 0, result.output
    assert len(calls["translate"]) == 2
    assert "changes found; running again" in result.output


def test_watch_ignores_what_its_own_run_wrote(project, stages, monkeypatch):
    import translator.cli.run as run_module

    calls, behaviour = stages
    pauses = []
    original = stages[1]["summary"]

    def translate_writing(paths, targets, options=None, progress=None, **kw):
        calls["translate"].append((paths, targets, options))
        po = options.output_dir / "ru" / "LC_MESSAGES" / "en-bridge.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(f"# run {len(calls['translate'])}\n", encoding="utf-8")
        return original

    def sleep(seconds):
        pauses.append(seconds)
        if len(pauses) >= 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys.modules["translator.pipeline"], "translate", translate_writing)
    monkeypatch.setattr(run_module, "_sleep", sleep)
    result = CliRunner().invoke(cli, ["watch", "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(calls["translate"]) == 1  # three checks, nothing changed but its own output
    assert len(pauses) == 3


# --- progress ----------------------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("args", "kwargs", "expected"), [
    ((("en", "ru"), 3, 10), {}, ("en→ru", 3, 10)),
    (("ru→kk", 1, 2), {}, ("ru→kk", 1, 2)),
    ((), {"direction": ("en", "kk"), "done": 5, "total": 5}, ("en→kk", 5, 5)),
    ((types.SimpleNamespace(source="kk", target="en", done=0, total=7),), {}, ("kk→en", 0, 7)),
    (({"stage": "segment", "done": 1, "total": 4},), {}, ("segment", 1, 4)),
    ((types.SimpleNamespace(stage="publish"),), {}, None),
], ids=["tuple", "label", "kwargs", "event", "mapping", "notice"])
def test_progress_event_shapes(args, kwargs, expected):
    assert event_fields(*args, **kwargs) == expected


@pytest.fixture
def language_en(clean_env):
    return None


def test_progress_bars_draw_one_bar_per_direction():
    out = Terminal()
    with ProgressBars(enabled=True, file=out) as bars:
        for done in range(0, 5):
            bars(("en", "ru"), done, 4)
        bars(("en", "kk"), 1, 3)
    text = out.getvalue()
    assert "en→ru" in text and "4/4" in text
    assert "en→kk" in text and "1/3" in text
    assert "seg/s" in text


def test_progress_bars_name_the_stages(language_en):
    out = Terminal()
    with ProgressBars(enabled=True, file=out) as bars:
        bars("read", 1, 2)
        bars("read", 2, 2)
        bars("write", 1, 1)
    text = out.getvalue()
    assert "reading" in text and "writing" in text and "articles/s" in text


def test_progress_is_silent_when_disabled():
    out = Terminal()
    with ProgressBars(enabled=False, file=out) as bars:
        bars(("en", "ru"), 1, 4)
    assert out.getvalue() == ""
    assert ProgressBars(file=io.StringIO()).enabled is False  # not a terminal


# --- the real stages, end to end -----------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() and ".translator" not in p.parts}


def test_second_run_makes_no_mt_call_and_changes_no_file(project, monkeypatch):
    from translator.mt.pseudo import PseudoEngine

    calls: list[int] = []
    original = PseudoEngine.translate

    def counting(self, texts, source, target):
        calls.append(len(texts))
        return original(self, texts, source, target)

    monkeypatch.setattr(PseudoEngine, "translate", counting)
    first = invoke("--format", "json")
    assert first.exit_code == 0, first.output
    assert sum(calls) > 0
    before = snapshot(project)
    assert any(name.endswith(".po") for name in before)
    calls.clear()
    second = invoke("--format", "json")
    assert second.exit_code == 0, second.output
    assert sum(calls) == 0
    assert snapshot(project) == before
    data = json.loads(second.output.strip().splitlines()[-1])
    assert data["from_mt"] == 0 and data["files_written"] == 0


def test_dry_run_counts_new_segments_and_writes_nothing(project):
    from translator import catalog

    if not hasattr(catalog, "plan"):
        pytest.skip("catalog.plan has not landed on this branch yet")
    result = invoke("--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 2
    by_target = {d["target"]: d for d in data["directions"]}
    assert set(by_target) == {"ru", "kk"}
    assert by_target["ru"]["words"] == sum(
        len(line.split()) for text in (ARTICLE_EN, "Astana hosts a forum.\n\nIt lasts two days.\n")
        for line in text.splitlines())
    assert not (project / "locales").exists() or not any((project / "locales").rglob("*.po"))
    text = invoke("--dry-run")
    assert "2 articles would be processed." in text.output and "en→ru" in text.output


def test_dry_run_after_a_pseudo_run_without_models_has_nothing_to_do(project):
    (project / "translator.toml").write_text(
        'sources = ["news"]\ntargets = ["ru"]\nmodels_dir = "no-models"\n\n'
        '[engine]\nkind = "auto"\nfallback = "pseudo"\n\n[publish]\nenabled = false\n', encoding="utf-8")
    first = invoke()
    assert first.exit_code == 0, first.output
    assert "using the pseudo engine" in first.output
    result = invoke("--dry-run", "--format", "json")
    assert json.loads(result.output)["directions"] == []


def test_a_broken_article_and_a_broken_catalog_do_not_stop_the_others(project):
    first = invoke("--format", "json")
    assert first.exit_code == 0, first.output
    broken_po = project / "locales" / "ru" / "LC_MESSAGES" / "en-second.po"
    assert broken_po.is_file()
    broken_po.write_text('msgid "unterminated\n', encoding="utf-8")  # a translator's slip
    (project / "news" / "en-binary.txt").write_bytes(b"abc\x00\x01\x02 binary\x00\x00")
    (project / "news" / "en-bridge.txt").write_text(ARTICLE_EN + "\nA new closing line.\n", encoding="utf-8")
    result = invoke("--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.output.strip().splitlines()[-1])
    failed = {Path(path).name for path, _message in data["failures"]}
    assert {"en-second.po", "en-binary.txt"} <= failed
    assert broken_po.read_text(encoding="utf-8") == 'msgid "unterminated\n'  # nothing of it overwritten
    assert data["from_mt"] >= 2  # the bridge article's new line went on, into ru and kk
    assert "A new closing line." in (project / "locales" / "kk" / "LC_MESSAGES" / "en-bridge.po").read_text(
        encoding="utf-8")
