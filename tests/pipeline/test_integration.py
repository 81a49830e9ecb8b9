"""The pipeline with the real memory, glossary, QA and segmenter, on the project's sample articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from translator.catalog import read_catalog
from translator.glossary import load_termbase
from translator.memory import TranslationMemory
from translator.pipeline import TranslateOptions, translate

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "i18n" / "articles"
GLOSSARY = ROOT / "i18n" / "glossary.tsv"

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir() or not GLOSSARY.is_file(),
                                reason="the sample articles and starter glossary are not in this checkout")


@pytest.fixture
def project(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "i18n").mkdir()
    shutil.copy(GLOSSARY, tmp_path / "i18n" / "glossary.tsv")
    return tmp_path


def opts(project: Path, **kw) -> TranslateOptions:
    kw.setdefault("glossary", ())
    return TranslateOptions(output_dir=project / "locales", engine="pseudo", project_root=project, **kw)


def test_sample_articles_into_ru_and_kk(project):
    summary = translate([project / "articles"], "ru,kk", opts(project))
    assert summary.ok and summary.articles == 4
    # en articles go to ru and kk; the ru article to kk only; the kk article to ru only
    assert summary.catalogs == 6 and summary.mt_calls == 4
    names = sorted(p.relative_to(project / "locales").as_posix() for p in (project / "locales").rglob("*.po"))
    assert "ru/LC_MESSAGES/ru-oskemen-most.po" not in names and "kk/LC_MESSAGES/kk-oskemen-kopir.po" not in names
    cat = read_catalog(project / "locales/ru/LC_MESSAGES/en-oskemen-bridge.po")
    title = cat.active[0]
    assert title.comment("role") == "title"
    assert "toqayev=Токаев" in title.comment("concepts")  # the glossary's preferred Russian form
    assert title.comments_of("qa")  # QA ran on the (pseudo) output and said so
    again = translate([project / "articles"], "ru,kk", opts(project))
    assert again.mt_calls == 0 and again.files_written == 0


def test_reviewed_translation_reaches_other_articles_through_the_real_memory(project):
    tm = project / "tm.sqlite"
    translate([project / "articles" / "en-oskemen-bridge.md"], "ru", opts(project, tm_path=tm))
    path = project / "locales/ru/LC_MESSAGES/en-oskemen-bridge.po"
    cat = read_catalog(path)
    entry = cat.active[-1]
    text = path.read_text(encoding="utf-8")
    block_start = text.index(f'msgctxt "{entry.msgctxt}"')
    head, tail = text[:block_start], text[block_start:]
    head = head[:head.rindex("#, fuzzy\n")] + head[head.rindex("#, fuzzy\n") + len("#, fuzzy\n"):]
    msgstr_at = tail.index("msgstr")
    tail = tail[:msgstr_at] + 'msgstr "Проверенный перевод"\n'
    path.write_text(head + tail, encoding="utf-8")
    assert read_catalog(path).active[-1].reviewed

    other = project / "articles" / "en-copy.txt"
    other.write_text(f"A different headline about rivers\n\n{entry.msgid}\n", encoding="utf-8")
    summary = translate([project / "articles" / "en-oskemen-bridge.md", other], "ru",
                        opts(project, tm_path=tm))
    assert summary.from_tm == 1
    copy = read_catalog(project / "locales/ru/LC_MESSAGES/en-copy.po")
    hit = next(e for e in copy.active if e.msgid == entry.msgid)
    assert hit.msgstr == "Проверенный перевод" and not hit.fuzzy
    assert hit.comment("tm") == f"ru/LC_MESSAGES/en-oskemen-bridge.po#{entry.msgctxt}"
    with TranslationMemory(tm) as memory:
        assert memory.lookup(entry.msgid, "en", "ru").target == "Проверенный перевод"


def test_glossary_enforcement_on_machine_output(project):
    termbase = load_termbase([GLOSSARY])
    translate([project / "articles" / "en-oskemen-bridge.md"], "ru", opts(project, glossary=None),
              termbase=termbase)
    cat = read_catalog(project / "locales/ru/LC_MESSAGES/en-oskemen-bridge.po")
    assert any("Усть-Каменогорск" in e.msgstr for e in cat.active if "oskemen" in (e.comment("concepts") or ""))
