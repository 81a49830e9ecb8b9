"""One default glossary location for translate, glossary and qa."""

from pathlib import Path

from translator.glossary import STARTER_GLOSSARY, default_glossary_paths


def test_the_starter_glossary_under_the_root_when_it_exists(tmp_path, monkeypatch):
    assert default_glossary_paths(tmp_path) == ()
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "glossary.tsv").write_text("concept\tlang\tform\n", encoding="utf-8")
    assert default_glossary_paths(tmp_path) == (tmp_path / "i18n" / "glossary.tsv",)
    monkeypatch.chdir(tmp_path)
    assert default_glossary_paths() == (Path("i18n/glossary.tsv"),) == (STARTER_GLOSSARY,)
    monkeypatch.chdir(tmp_path / "i18n")
    assert default_glossary_paths() == ()
