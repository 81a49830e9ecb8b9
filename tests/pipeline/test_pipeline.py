"""pipeline.translate end to end, on real files, with the pseudo engine or a counting stub."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from translator.catalog import LOCK_NAME, OutputLock, atomic_write, catalog_text, read_catalog
from translator.errors import ConfigError, LockError, ModelNotInstalled
from translator.mt import Engine, Translation, pseudo_translate
from translator.pipeline import TranslateOptions, translate

ARTICLES = {
    "oskemen-bridge.txt": "Oskemen opens a new bridge\n\n"
                          "The bridge over the Irtysh cost 44 billion tenge. It took three years to build.\n\n"
                          "Latest news\n",
    "astana-forum.txt": "Astana hosts a water forum\n\n"
                        "Delegates from 40 countries discussed the Aral Sea.\n\n"
                        "Latest news\n",
}


class CountingEngine(Engine):
    """Pseudo output (so it does not replace pseudo entries), but every call is recorded."""

    name = "pseudo"

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[str, ...], str, str]] = []

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        self.calls.append((tuple(texts), source, target))
        return [Translation(pseudo_translate(t, target), -0.5, (f"stub:{source}-{target}",), pseudo=True)
                for t in texts]


class DictMemory:
    """The TranslationMemory contract, in a dict."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], tuple[str, str]] = {}

    def add_many(self, rows) -> None:
        for source, target, sl, tl, origin in rows:
            self.rows[(" ".join(source.split()), sl, tl)] = (target, origin)

    def lookup_many(self, sources, sl, tl):
        hits = {}
        for s in sources:
            found = self.rows.get((" ".join(s.split()), sl, tl))
            if found:
                hits[s] = types.SimpleNamespace(target=found[0], origin=found[1])
        return hits


@pytest.fixture
def project(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    return tmp_path


def options(project: Path, **kw) -> TranslateOptions:
    kw.setdefault("engine", "pseudo")
    kw.setdefault("source_lang", "en")
    return TranslateOptions(output_dir=project / "locales", project_root=project, **kw)


def catalogs(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "locales").rglob("*.po"))}


def test_first_run_writes_one_catalog_per_article_per_locale(project):
    summary = translate([project / "articles"], "ru,kk", options(project))
    assert summary.ok and summary.articles == 2 and summary.catalogs == 4 and summary.files_written == 4
    assert sorted(catalogs(project)) == [
        "locales/kk/LC_MESSAGES/astana-forum.po", "locales/kk/LC_MESSAGES/oskemen-bridge.po",
        "locales/ru/LC_MESSAGES/astana-forum.po", "locales/ru/LC_MESSAGES/oskemen-bridge.po"]
    cat = read_catalog(project / "locales/kk/LC_MESSAGES/oskemen-bridge.po")
    assert cat.meta("Language") == "kk" and cat.meta("X-Source-File") == "articles/oskemen-bridge.txt"
    assert cat.entries and all(e.fuzzy and e.pseudo and e.msgstr.startswith("⟦kk:") for e in cat.entries)
    assert summary.mt_calls == 2 and summary.from_mt == summary.planned == summary.segments


def test_one_engine_call_per_direction_and_shared_sentences_translated_once(project):
    engine = CountingEngine()
    summary = translate([project / "articles"], "ru,kk", options(project), engine=engine)
    assert sorted((s, t) for _texts, s, t in engine.calls) == [("en", "kk"), ("en", "ru")]
    for texts, _s, _t in engine.calls:
        assert texts.count("Latest news") == 1 and len(texts) == len(set(texts))
    assert summary.mt_texts == summary.segments - 2  # "Latest news" twice per locale, sent once
    for name in ("oskemen-bridge", "astana-forum"):
        cat = read_catalog(project / f"locales/ru/LC_MESSAGES/{name}.po")
        assert any(e.msgid == "Latest news" and e.comment("engine") == "stub:en-ru" for e in cat.entries)


def test_unchanged_rerun_makes_no_engine_call_and_changes_no_byte(project):
    translate([project / "articles"], "ru,kk", options(project))
    before = catalogs(project)
    engine = CountingEngine()
    summary = translate([project / "articles"], "ru,kk", options(project), engine=engine)
    assert engine.calls == [] and summary.mt_calls == 0 and summary.planned == 0
    assert summary.files_written == 0 and catalogs(project) == before


def test_edit_reaches_the_engine_only_for_the_new_sentence(project):
    translate([project / "articles"], "ru", options(project))
    path = project / "articles" / "astana-forum.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe forum closes on Friday.\n", encoding="utf-8")
    engine = CountingEngine()
    summary = translate([project / "articles"], "ru", options(project), engine=engine)
    assert [texts for texts, _s, _t in engine.calls] == [("The forum closes on Friday.",)]
    assert summary.written == (str(project / "locales/ru/LC_MESSAGES/astana-forum.po"),)


def test_bad_article_is_reported_and_the_run_goes_on(project):
    (project / "articles" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x80")
    summary = translate([project / "articles"], "ru", options(project))
    assert not summary.ok and summary.articles == 2 and summary.files_written == 2
    (failure,) = summary.failures
    assert failure.path.endswith("broken.txt") and "\n" not in failure.message


def test_broken_catalog_stops_that_catalog_only_and_is_not_overwritten(project, broken_po):
    translate([project / "articles"], "ru,kk", options(project))
    bad = project / "locales/ru/LC_MESSAGES/oskemen-bridge.po"
    broken_po.append(bad)
    text = bad.read_text(encoding="utf-8").replace('msgstr "⟦ru:', 'msgstr ⟦ru:', 1)
    bad.write_text(text, encoding="utf-8")
    for name in ARTICLES:
        p = project / "articles" / name
        p.write_text(p.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    summary = translate([project / "articles"], "ru,kk", options(project))
    assert bad.read_text(encoding="utf-8") == text
    (failure,) = summary.failures
    assert failure.path == str(bad) and failure.message.startswith(f"{bad}:")
    assert failure.message.split(":")[1].isdigit()  # the line number
    assert summary.files_written == 3  # the other catalogs, kk of the same article included


def test_memory_fills_from_reviewed_entries_and_serves_identical_sentences(project):
    translate([project / "articles"], "ru", options(project))
    path = project / "locales/ru/LC_MESSAGES/oskemen-bridge.po"
    text = path.read_text(encoding="utf-8")
    at = text.index('msgid "Latest news"')
    start = text.rindex("#, fuzzy\n", 0, at)
    path.write_text(text[:start] + text[start + len("#, fuzzy\n"):at] + 'msgid "Latest news"\nmsgstr "Последние '
                    'новости"' + text[text.index("\n", text.index("msgstr", at)):], encoding="utf-8")
    assert read_catalog(path).find(read_catalog(path).entries[-1].msgctxt, "Latest news").reviewed
    (project / "articles" / "third.txt").write_text("Kazakhstan wins gold\n\nLatest news\n", encoding="utf-8")
    memory, engine = DictMemory(), CountingEngine()
    summary = translate([project / "articles"], "ru", options(project), engine=engine, memory=memory)
    assert summary.from_tm == 1  # third.txt; the others' entries are not empty, so nothing was asked
    assert all("Latest news" not in texts for texts, _s, _t in engine.calls)
    third = read_catalog(project / "locales/ru/LC_MESSAGES/third.po")
    e = next(e for e in third.entries if e.msgid == "Latest news")
    assert e.msgstr == "Последние новости" and not e.fuzzy
    assert e.comment("tm") == f"ru/LC_MESSAGES/oskemen-bridge.po#{e.msgctxt}"


def test_memory_takes_a_reviewed_rewrite_of_pseudo_output_but_never_the_pseudo_text(project):
    """A reviewer who rewrites a pseudo entry keeps its ``#. engine: pseudo`` line until the next merge.

    The memory judges the text, not that comment: the rewrite goes in; an entry
    whose fuzzy flag was cleared with the pseudo text left in place does not.
    """
    translate([project / "articles"], "ru", options(project))
    path = project / "locales/ru/LC_MESSAGES/oskemen-bridge.po"
    cat = read_catalog(path)
    title, body = cat.active[0], cat.active[1]
    assert title.pseudo and body.pseudo and title.fuzzy and body.fuzzy
    entries = [replace(e, msgstr="Усть-Каменогорск открывает новый мост", fuzzy=False) if e is title
               else replace(e, fuzzy=False) if e is body else e for e in cat.entries]
    atomic_write(path, catalog_text(replace(cat, entries=tuple(entries))).encode("utf-8"))
    reviewed = read_catalog(path).active
    assert reviewed[0].pseudo and reviewed[0].reviewed and reviewed[1].reviewed  # as the reviewer left them

    memory = DictMemory()
    translate([project / "articles"], "ru", options(project), memory=memory)
    assert memory.rows[(title.msgid, "en", "ru")][0] == "Усть-Каменогорск открывает новый мост"
    assert (" ".join(body.msgid.split()), "en", "ru") not in memory.rows


def test_glossary_and_qa_land_in_comments(project, monkeypatch):
    class Termbase:
        def concepts_in(self, text, sl, tl):
            return [("oskemen", "Усть-Каменогорск")] if "Oskemen" in text else []

        def enforce(self, source, target, sl, tl):
            return types.SimpleNamespace(target=target.replace("Оскемен", "Усть-Каменогорск"))

    qa = types.ModuleType("translator.qa")
    qa.check_pair = lambda s, t, sl, tl, termbase=None: (
        [types.SimpleNamespace(severity="error", check="numbers", message="44 is missing")] if "44" in s else [])
    monkeypatch.setitem(sys.modules, "translator.qa", qa)
    summary = translate([project / "articles"], "ru", options(project), termbase=Termbase())
    cat = read_catalog(project / "locales/ru/LC_MESSAGES/oskemen-bridge.po")
    title = next(e for e in cat.entries if e.msgid.startswith("Oskemen"))
    assert title.comment("concepts") == "oskemen=Усть-Каменогорск" and "Усть-Каменогорск" in title.msgstr
    assert any(e.comments_of("qa") == ["error: numbers: 44 is missing"] for e in cat.entries)
    assert summary.qa_errors == 1


def test_progress_reports_each_direction(project):
    events = []
    translate([project / "articles"], "ru,kk", options(project), lambda *e: events.append(e))
    directions = {stage for stage, _d, _t in events} - {"read", "write"}
    assert directions == {"en→ru", "en→kk"}
    assert ("read", 2, 2) in events and ("write", 2, 2) in events


def test_a_second_run_on_the_same_tree_is_refused(project):
    with OutputLock(project / "locales"), pytest.raises(LockError, match="in use by another translator run"):
        translate([project / "articles"], "ru", options(project))


def test_ctrl_c_during_translation_leaves_files_old_and_releases_the_lock(project):
    translate([project / "articles"], "ru", options(project))
    before = catalogs(project)
    for name in ARTICLES:
        p = project / "articles" / name
        p.write_text(p.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")

    class Interrupted(CountingEngine):
        def translate(self, texts, source, target):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        translate([project / "articles"], "ru", options(project), engine=Interrupted())
    assert catalogs(project) == before and not (project / "locales" / LOCK_NAME).exists()
    assert not [p for p in (project / "locales").rglob("*") if p.name.endswith(".tmp")]


def test_no_model_for_auto_is_a_clear_error(project):
    opts = TranslateOptions(output_dir=project / "locales", source_lang="en", engine="auto",
                            models_dir=project / "no-models")
    with pytest.raises(ModelNotInstalled, match="install"):
        translate([project / "articles"], "ru", opts)


def test_without_engine_entries_stay_empty_for_review(project):
    summary = translate([project / "articles"], "ru", options(project, engine=None))
    assert summary.ok and summary.mt_calls == 0
    cat = read_catalog(project / "locales/ru/LC_MESSAGES/astana-forum.po")
    assert all(e.state == "untranslated" for e in cat.entries)


def test_derived_locale_is_refused(project):
    with pytest.raises(ConfigError, match="kk-Latn"):
        translate([project / "articles"], "kk-Latn", options(project))


def test_article_already_in_the_target_language_is_skipped(project):
    (project / "ru").mkdir()
    (project / "ru" / "novosti.txt").write_text("Новый мост открыт в Усть-Каменогорске.\n", encoding="utf-8")
    summary = translate([project / "ru"], "ru,kk", TranslateOptions(output_dir=project / "locales",
                                                                    engine="pseudo", project_root=project))
    assert summary.ok and sorted(catalogs(project)) == ["locales/kk/LC_MESSAGES/novosti.po"]


def test_two_files_with_one_slug_are_refused(project):
    (project / "other").mkdir()
    (project / "other" / "astana-forum.txt").write_text("Another forum.\n", encoding="utf-8")
    summary = translate([project / "articles", project / "other"], "ru", options(project))
    (failure,) = summary.failures
    assert "already used" in failure.message and failure.path.endswith("other/astana-forum.txt")


def test_real_engine_replaces_pseudo_trial_output_once(project):
    class Real(CountingEngine):
        name = "real"

        def translate(self, texts, source, target):
            self.calls.append((tuple(texts), source, target))
            return [Translation(f"[{target}] {t}", -0.1, ("real:en-ru",)) for t in texts]

    translate([project / "articles"], "ru", options(project))  # a pseudo trial run
    engine = Real()
    summary = translate([project / "articles"], "ru", options(project, engine="auto"), engine=engine)
    assert len(engine.calls) == 1 and summary.from_mt == summary.segments
    cat = read_catalog(project / "locales/ru/LC_MESSAGES/astana-forum.po")
    assert all(e.msgstr.startswith("[ru] ") and not e.pseudo and e.fuzzy for e in cat.entries)
    engine = Real()
    translate([project / "articles"], "ru", options(project, engine="auto"), engine=engine)
    assert engine.calls == []


def test_folder_expansion_skips_the_output_tree_and_hidden_folders(project):
    (project / "articles" / ".drafts").mkdir()
    (project / "articles" / ".drafts" / "draft.txt").write_text("Not yet.\n", encoding="utf-8")
    published = project / "locales" / "ru" / "articles"
    published.mkdir(parents=True)
    (published / "oskemen-bridge.md").write_text("# Мост\n", encoding="utf-8")
    summary = translate([project], "kk", options(project, source_lang=None))
    assert summary.ok and summary.articles == 2


def test_folder_expansion_and_config_sources_read_a_folder_alike(tmp_path):
    from translator.config import load_config
    from translator.pipeline import expand_paths

    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    for name in ("a.md", "sub/b.txt", ".#a.md", "notes.csv"):
        (news / name).write_text("A sentence.\n", encoding="utf-8")
    (tmp_path / "translator.toml").write_text('sources = ["news"]\n', encoding="utf-8")
    from_cli = expand_paths([news], exclude=[tmp_path / "locales"])
    from_config = load_config(start=tmp_path, env={}).source_files()
    assert [p.relative_to(news).as_posix() for p in from_cli] == ["a.md", "sub/b.txt"]
    assert [p.resolve() for p in from_config] == [p.resolve() for p in from_cli]
