"""Behaviour of publish(): what goes in, determinism, bad input, locale selection."""

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from translator.publish import PublishOptions, check_output, publish

SLUG = "shymkent-library"


def run(gold_reader, out="out", **kw):
    return publish(Path("locales"), Path(out), kw.pop("locales", None),
                   kw.pop("formats", ("md", "json", "html")), PublishOptions(reader=gold_reader, **kw))


def read(root, locale, fmt):
    return (root / "out" / locale / "articles" / f"{SLUG}.{fmt}").read_text(encoding="utf-8")


def test_unchanged_catalogs_write_nothing_and_give_identical_bytes(project, gold_reader):
    first = run(gold_reader, include_machine=True)
    assert len(first.written) == 12 and first.unchanged == 0
    snapshot = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    mtimes = {p: p.stat().st_mtime_ns for p in snapshot}
    second = run(gold_reader, include_machine=True)
    assert second.written == () and second.unchanged == 12
    assert {p: p.read_bytes() for p in snapshot} == snapshot
    assert {p: p.stat().st_mtime_ns for p in snapshot} == mtimes
    assert not list((project / "out").rglob("*.tmp"))


def test_only_the_changed_locale_is_rewritten(project, gold_reader, write_po, translations):
    run(gold_reader, include_machine=True)
    article = gold_reader(project / "articles" / f"{SLUG}.md")
    translations["kk"]["Entry is free."] = ["Кіру ақысыз.", "reviewed"]
    write_po(project / "locales" / "kk" / "LC_MESSAGES" / f"{SLUG}.po", article, "kk",
             translations["kk"], source_file=f"articles/{SLUG}.md")
    summary = run(gold_reader, include_machine=True)
    assert sorted(str(p) for p in summary.written) == sorted(
        f"out/{loc}/articles/{SLUG}.{fmt}" for loc in ("kk", "kk-Latn") for fmt in ("md", "json", "html")
    )
    assert "Kıru aqysyz." in read(project, "kk-Latn", "html")


def test_machine_output_needs_include_machine(project, gold_reader):
    run(gold_reader)
    page = read(project, "ru", "html")
    assert "Вход свободный." not in page and '<span lang="en">Entry is free.</span>' in page
    assert not re.search(r"<[^>]* data-mt[ >]", page)
    meta = json.loads(read(project, "ru", "json"))["meta"]
    assert meta["counts"]["withheld"] == 1 and meta["counts"]["machine"] == 0
    assert meta["state"] == "partial" and meta["engines"] == []
    kk = read(project, "kk", "html")
    assert '<address class="byline" lang="en">Author: Timur Saparov</address>' in kk


def test_machine_output_is_flagged_when_included(project, gold_reader):
    run(gold_reader, include_machine=True)
    assert '<span data-mt>Вход свободный.</span>' in read(project, "ru", "html")
    assert '<address class="byline" data-mt>Авторы: Тимур Сапаров</address>' in read(project, "kk", "html")
    meta = json.loads(read(project, "kk", "json"))["meta"]
    assert (meta["state"], meta["machine_translated"], meta["engines"]) == ("machine", True, ["nllb:en>kk"])


@pytest.fixture
def pseudo_project(project, gold_reader, write_po):
    from translator.mt.pseudo import pseudo_translate

    article = gold_reader(project / "articles" / f"{SLUG}.md")
    for loc in ("ru", "kk"):
        tr = {s.text: [pseudo_translate(s.text, loc), "machine"] for _b, s in article.translatable_segments()}
        write_po(project / "locales" / loc / "LC_MESSAGES" / f"{SLUG}.po", article, loc, tr,
                 source_file=f"articles/{SLUG}.md", pseudo=True)
    return project


def test_pseudo_output_is_never_published_without_include_pseudo(pseudo_project, gold_reader):
    run(gold_reader, include_machine=True)
    for loc in ("ru", "kk", "kk-Latn"):
        for fmt in ("md", "json", "html"):
            assert "⟦" not in read(pseudo_project, loc, fmt)
    meta = json.loads(read(pseudo_project, "ru", "json"))["meta"]
    assert meta["counts"]["untranslated"] == meta["counts"]["segments"] == meta["counts"]["withheld"]


def test_pseudo_output_with_include_pseudo(pseudo_project, gold_reader):
    run(gold_reader, include_pseudo=True)
    page = read(pseudo_project, "ru", "html")
    assert "⟦ru: " in page and "<article data-state=\"machine\" data-mt>" in page
    meta = json.loads(read(pseudo_project, "kk", "json"))["meta"]
    assert meta["counts"]["pseudo"] == meta["counts"]["segments"] == 14
    assert meta["engines"] == ["pseudo"]


def _edit_source(project):
    spec_path = project / "articles" / f"{SLUG}.blocks.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    spec["blocks"][7]["sentences"][1] = "Entry is free for students."
    spec_path.write_text(json.dumps(spec), encoding="utf-8")


def test_stale_catalog_is_reported_and_skipped(project, gold_reader):
    _edit_source(project)
    summary = run(gold_reader, include_machine=True)
    assert not summary.ok and len(summary.problems) == 2
    for problem, loc in zip(summary.problems, ("ru", "kk"), strict=True):
        assert str(problem).startswith(f"locales/{loc}/LC_MESSAGES/{SLUG}.po: catalog does not match")
        assert "1 source sentence(s) not in the catalog; 1 catalog entry not in the source" in str(problem)
    assert not (project / "out" / "ru" / "articles").exists()
    assert set(summary.skipped) == {("ru", SLUG), ("kk", SLUG)}


def test_stale_catalog_published_from_the_old_catalog_alone(project, gold_reader):
    _edit_source(project)
    summary = run(gold_reader, include_machine=True, on_stale="old")
    assert summary.ok and all(p.severity == "warning" for p in summary.problems) and summary.problems
    page = read(project, "ru", "html")
    assert "Вход свободный." in page and "for students" not in page
    meta = json.loads(read(project, "ru", "json"))["meta"]
    assert meta["layout"] == "catalog" and meta["counts"]["segments"] == 14
    assert "<h1>Шымкент открыл" in page and "<li><a href=\"https://example.kz/news/astana-tram\">" in page
    assert check_output(project / "out") == []


def test_missing_source_is_reported(project, gold_reader):
    (project / "articles" / f"{SLUG}.md").unlink()
    (project / "articles" / f"{SLUG}.blocks.json").unlink()

    def reader(path, lang=None):
        from translator.errors import InputError

        raise InputError(path, "no such file")

    summary = publish(Path("locales"), Path("out"), options=PublishOptions(reader=reader))
    assert [str(p) for p in summary.problems][0] == (
        f"locales/ru/LC_MESSAGES/{SLUG}.po: source article articles/{SLUG}.md: no such file; "
        "skipped (--on-stale old publishes the catalog as it is)"
    )


def test_broken_catalog_does_not_stop_the_others(project, gold_reader):
    (project / "locales" / "ru" / "LC_MESSAGES" / f"{SLUG}.po").write_text('msgid "a"\nmsgstr "b"\nfoo bar\n', encoding="utf-8")
    summary = run(gold_reader)
    assert not summary.ok and "broken catalog" in str(summary.problems[0])
    assert (project / "out" / "kk" / "articles" / f"{SLUG}.html").exists()


def test_locale_selection_and_latin_switch(project, gold_reader):
    summary = run(gold_reader, locales=["kk"], formats=["json"])
    assert sorted(str(p) for p in summary.written) == [
        f"out/kk-Latn/articles/{SLUG}.json", "out/kk-Latn/index.json",
        f"out/kk/articles/{SLUG}.json", "out/kk/index.json",
    ]
    shutil.rmtree(project / "out")
    summary = run(gold_reader, locales=["kk"], formats=["md"], latin=False)
    assert not (project / "out" / "kk-Latn").exists() and summary.articles == 1
    summary = run(gold_reader, locales=["kk-Latn"], formats=["md"])
    assert summary.articles == 1 and (project / "out" / "kk-Latn" / "articles" / f"{SLUG}.md").exists()


def test_furniture_only_when_asked(project, gold_reader):
    run(gold_reader)
    assert "Share:" not in read(project, "ru", "html") and "12 March" not in read(project, "ru", "md")
    run(gold_reader, include_furniture=True)
    page = read(project, "ru", "html")
    assert '<p class="furniture" lang="en">Share: Facebook Telegram WhatsApp</p>' in page
    assert '<p class="meta" lang="en">12 March 2026, 09:15</p>' in page


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang, self.hreflang, self.tags, self.attrs, self.text = None, {}, [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate":
            self.hreflang[a["hreflang"]] = a["href"]

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = [
    "Officials <script>alert('x')</script> said the bridge is safe.",
    "See [the report](javascript:alert(1)) and [this](https://ok.kz/\" onclick=\"alert(1)).",
    "A quote \"><img src=x onerror=alert(1)> closes nothing.",
]


def test_html_page_lang_hreflang_and_hostile_text(project, gold_reader, write_po, translations):
    spec_path = project / "articles" / f"{SLUG}.blocks.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    spec["blocks"][4]["sentences"] = HOSTILE
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    article = gold_reader(project / "articles" / f"{SLUG}.md")
    translations["ru"][HOSTILE[0]] = ["Чиновники </p><script>alert(1)</script> сказали.", "reviewed"]
    for loc in ("ru", "kk"):
        write_po(project / "locales" / loc / "LC_MESSAGES" / f"{SLUG}.po", article, loc,
                 translations[loc], source_file=f"articles/{SLUG}.md")
    summary = run(gold_reader)
    assert summary.ok
    for loc in ("ru", "kk", "kk-Latn"):
        page = _Page()
        page.feed(read(project, loc, "html"))
        assert page.html_lang == loc
        assert set(page.hreflang) == {"ru", "kk", "kk-Latn"}
        assert page.hreflang[loc] == f"{SLUG}.html"
        assert all(href == f"../../{code}/articles/{SLUG}.html" for code, href in page.hreflang.items() if code != loc)
        assert "script" not in page.tags and "img" not in page.tags
        assert not any(name.startswith("on") for name, _v in page.attrs)
        assert not any(v and "javascript" in v.lower() for _n, v in page.attrs)
        text = "".join(page.text)
        assert "onerror=alert(1)>" in text or loc == "ru"  # shown as text, not markup
    assert "Чиновники </p><script>alert(1)</script> сказали." in "".join(_parsed_text(project, "ru"))
    assert "<script>" not in read(project, "ru", "md") and "javascript:" not in read(project, "ru", "md")
    assert check_output(project / "out") == []


def _parsed_text(project, loc):
    page = _Page()
    page.feed(read(project, loc, "html"))
    return page.text


def test_check_reports_every_problem(project, gold_reader):
    run(gold_reader)
    out = project / "out"
    assert check_output(out) == []
    (out / "ru" / "articles" / f"{SLUG}.md").write_text("---\ntitle: [unclosed\n---\n\nbody\n", encoding="utf-8")
    data = json.loads((out / "kk" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
    del data["meta"]["state"]
    data["blocks"][0]["kind"] = "marquee"
    (out / "kk" / "articles" / f"{SLUG}.json").write_text(json.dumps(data), encoding="utf-8")
    page = out / "kk-Latn" / "articles" / f"{SLUG}.html"
    page.write_text(re.sub(r'<html lang="kk-Latn"', "<html", page.read_text(encoding="utf-8"))
                    .replace('<meta charset="utf-8">', "").replace("</nav>", ""), encoding="utf-8")
    problems = [str(p) for p in check_output(out)]
    joined = "\n".join(problems)
    assert "ru/articles/shymkent-library.md: front matter is not valid YAML" in joined
    assert "kk/articles/shymkent-library.json: meta: 'state' is a required property" in joined
    assert "kk/articles/shymkent-library.json: blocks/0/kind: 'marquee' is not one of" in joined
    assert "kk-Latn/articles/shymkent-library.html: <html lang> is None, expected 'kk-Latn'" in joined
    assert 'kk-Latn/articles/shymkent-library.html: no <meta charset="utf-8">' in joined
    assert "kk-Latn/articles/shymkent-library.html: line" in joined and "</aside> closes nav" in joined
    assert len(problems) == 6


def test_catalog_whitespace_and_normalisation_do_not_make_it_stale(project, gold_reader, write_po, translations):
    import unicodedata

    import polib

    path = project / "locales" / "ru" / "LC_MESSAGES" / f"{SLUG}.po"
    po = polib.pofile(str(path))
    for e in po:
        e.msgid = unicodedata.normalize("NFD", e.msgid).replace(" ", "  ", 1)
    po.save(str(path))
    summary = run(gold_reader)
    assert summary.ok and summary.problems == ()
    assert "Шымкент открыл" in read(project, "ru", "html")


def test_plain_text_source_gets_its_structure_from_roles(project, gold_reader):
    spec_path = project / "articles" / f"{SLUG}.blocks.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    for block in spec["blocks"]:
        block.pop("kind", None)
        block.pop("level", None)
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    run(gold_reader)
    md = read(project, "ru", "md")
    assert "\n# Шымкент открыл" in md and "\n## Последние новости\n" in md
    assert "\n- [В Астане трамвайная линия" in md
    page = read(project, "ru", "html")
    assert "<h1>Шымкент открыл" in page and "<h2>Последние новости</h2>" in page
    assert "<li><a href=\"https://example.kz/news/astana-tram\">" in page
    assert check_output(project / "out") == []


def test_written_files_are_readable_by_others(project, gold_reader):
    import os
    import stat

    old = os.umask(0o022)
    try:
        run(gold_reader)
    finally:
        os.umask(old)
    mode = (project / "out" / "ru" / "articles" / f"{SLUG}.html").stat().st_mode
    assert stat.S_IMODE(mode) == 0o644


def test_publish_waits_for_no_one_while_another_run_holds_the_output(project, gold_reader):
    from translator.catalog import OutputLock
    from translator.errors import TranslatorError

    with OutputLock(project / "out"), pytest.raises(TranslatorError, match="in use by another translator run"):
        run(gold_reader)
    assert not (project / "out" / "ru").exists()
