"""The pipeline with a real (tiny, copying) CTranslate2 model installed, as `--engine argos` runs it."""

from __future__ import annotations

import pytest

from translator.catalog import read_catalog
from translator.errors import ModelNotInstalled
from translator.pipeline import TranslateOptions, translate


def test_argos_engine_output_lands_fuzzy_with_its_route(tmp_path, models):
    src = tmp_path / "bridge.txt"
    src.write_text("The bridge opens on Monday.\n\nLatest news\n", encoding="utf-8")
    opts = TranslateOptions(output_dir=tmp_path / "locales", source_lang="en", engine="argos",
                            models_dir=models, project_root=tmp_path, glossary=None)
    summary = translate([src], "ru", opts)
    assert summary.ok and summary.mt_calls == 1
    cat = read_catalog(tmp_path / "locales/ru/LC_MESSAGES/bridge.po")
    for e in cat.entries:
        assert e.fuzzy and not e.pseudo and e.msgstr  # the copy model gives the source back
        assert "en-ru" in e.comment("engine") and "1.9" in e.comment("engine")
    again = translate([src], "ru", opts)
    assert again.mt_calls == 0 and again.files_written == 0


def test_missing_direction_fails_before_writing(tmp_path, models):
    src = tmp_path / "bridge.txt"
    src.write_text("The bridge opens on Monday.\n", encoding="utf-8")
    opts = TranslateOptions(output_dir=tmp_path / "locales", source_lang="en", engine="argos",
                            models_dir=models, project_root=tmp_path, glossary=None)
    with pytest.raises(ModelNotInstalled, match="en→kk"):
        translate([src], "ru,kk", opts)
    assert not list((tmp_path / "locales").rglob("*.po"))
