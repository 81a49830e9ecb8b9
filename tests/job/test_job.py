"""The job library behind ``translator run``: progress inside a direction, what watch compares."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.config import load_config
from translator.errors import ModelNotInstalled
from translator.job import ProgressEngine, watched_state


def test_progress_engine_reports_slices_and_opens_the_engine_lazily():
    from translator.mt.pseudo import PseudoEngine

    opened, reports = [], []

    def factory():
        opened.append(1)
        return PseudoEngine()

    texts = [f"Sentence number {i}." for i in range(600)]
    with ProgressEngine(factory, lambda *a: reports.append(a), min_chunk=256) as engine:
        assert opened == []  # nothing to translate yet: no model loaded
        out = engine.translate(texts, "en", "ru")
    assert opened == [1]
    assert reports == [("en→ru", 256, 600), ("en→ru", 512, 600), ("en→ru", 600, 600)]
    assert [t.text for t in out] == [t.text for t in PseudoEngine().translate(texts, "en", "ru")]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("TRANSLATOR_CONFIG", raising=False)
    (tmp_path / "news").mkdir()
    for name in ("en-bridge.txt", "en-second.txt"):
        (tmp_path / "news" / name).write_text("A sentence.\n", encoding="utf-8")
    (tmp_path / "translator.toml").write_text('sources = ["news"]\n', encoding="utf-8")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "glossary.tsv").write_text(
        "concept\tlang\tform\tstatus\ttype\tnote\noskemen\ten\tOskemen\tpreferred\tplace\t\n"
        "oskemen\tru\tУсть-Каменогорск\tpreferred\t\t\noskemen\tkk\tӨскемен\tpreferred\t\t\n",
        encoding="utf-8")
    return tmp_path


def test_watched_state_sees_sources_and_catalogs(project):
    cfg = load_config(start=project, env={})
    before = watched_state(cfg)
    assert sorted(Path(p).name for p in before) == ["en-bridge.txt", "en-second.txt"]
    po = project / "locales" / "kk" / "LC_MESSAGES" / "en-bridge.po"
    po.parent.mkdir(parents=True)
    po.write_text("", encoding="utf-8")
    assert str(po) in watched_state(cfg) and watched_state(cfg) != before


def test_run_job_falls_back_to_pseudo_and_says_so(project, caplog):
    from translator.job import plan_job, run_job

    (project / "news" / "en-bridge.txt").write_text(
        "The bridge in Oskemen opened on Monday. It is 1,200 metres long.\n", encoding="utf-8")
    (project / "translator.toml").write_text(
        'sources = ["news"]\ntargets = ["ru"]\nmodels_dir = "no-models"\n\n'
        '[engine]\nkind = "auto"\nfallback = "pseudo"\n\n[publish]\ninclude_pseudo = true\n'
        '[output]\nformats = ["json"]\n', encoding="utf-8")
    cfg = load_config(start=project, env={})
    told = []
    result = run_job(cfg, cfg.source_files(), on_fallback=told.append)
    assert result.engine == "pseudo" and result.fallback == (("en", "ru"),) and told == [(("en", "ru"),)]
    assert result.translated.from_mt == 3 and not result.translated.failures
    assert (project / "locales" / "ru" / "articles" / "en-bridge.json").is_file()
    assert plan_job(cfg, cfg.source_files()).directions == ()
    (project / "news" / "en-third.txt").write_text("A new article arrived.\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="translator.job"):
        again = run_job(cfg, cfg.source_files())
    assert again.translated.from_mt == 1 and again.engine == "pseudo"
    assert "using the pseudo engine" in caplog.text


def test_run_job_without_fallback_raises(project):
    from translator.job import run_job

    (project / "translator.toml").write_text(
        'sources = ["news"]\ntargets = ["kk"]\nmodels_dir = "no-models"\n', encoding="utf-8")
    cfg = load_config(start=project, env={})
    with pytest.raises(ModelNotInstalled, match="en→kk"):
        run_job(cfg, cfg.source_files())
    assert not any((project / "locales").rglob("*.po"))
