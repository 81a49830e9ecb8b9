"""Catalogs written under a configured layout are found again by publish."""

from pathlib import Path

from translator.catalog import catalog_path, find_catalogs
from translator.pipeline import TranslateOptions, translate
from translator.publish import PublishOptions, publish

ARTICLE = "# Astana Hosts a Water Forum\n\nDelegates met in Astana on Monday. They discussed the Irtysh.\n"


def test_find_catalogs_inverts_catalog_path(tmp_path):
    layout = "po/{locale}/{slug}.po"
    for locale, slug in [("ru", "b-story"), ("kk", "a-story"), ("ru", "a-story")]:
        path = catalog_path(tmp_path, locale, slug, layout)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    (tmp_path / "po" / "ru" / "notes.txt").write_text("not a catalog", encoding="utf-8")
    found = [(loc, slug) for loc, slug, _p in find_catalogs(tmp_path, layout)]
    assert found == [("kk", "a-story"), ("ru", "a-story"), ("ru", "b-story")]
    assert find_catalogs(tmp_path) == []  # nothing under the default layout


def test_publish_follows_the_layout_translate_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "water-forum.md"
    src.write_text(ARTICLE, encoding="utf-8")
    layout = "{locale}/{slug}.po"
    summary = translate([src], "ru", TranslateOptions(output_dir=tmp_path / "out", layout=layout,
                                                      engine="pseudo", project_root=tmp_path))
    assert summary.ok and (tmp_path / "out" / "ru" / "water-forum.po").is_file()
    result = publish(tmp_path / "out", tmp_path / "site", formats=["json"],
                     options=PublishOptions(include_machine=True, include_pseudo=True,
                                            layout=layout, source_root=tmp_path))
    assert not result.problems, result.problems
    assert Path(tmp_path / "site" / "ru" / "articles" / "water-forum.json").is_file()
