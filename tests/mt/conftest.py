"""Tiny real models, built once per session from numpy (see translator.mt.synthetic)."""

from __future__ import annotations

import pytest

from translator.mt import synthetic


@pytest.fixture(autouse=True)
def _isolated_model_folders(tmp_path, monkeypatch):
    """Never look at the real user's model folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos-packages"))
    monkeypatch.delenv("ARGOS_TRANSLATE_PACKAGES_DIR", raising=False)
    monkeypatch.delenv("TRANSLATOR_MODELS_DIR", raising=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Package folders and archives: en→ru, ru→en (with a target prefix), multilingual models."""
    root = tmp_path_factory.mktemp("built")
    sp = synthetic.train_sentencepiece(root / "sp.model")
    out = {"sp": sp}
    out["en_ru"] = synthetic.build_argos_package(root / "translate-en_ru-1_9", "en", "ru", sp_model=sp)
    out["ru_en"] = synthetic.build_argos_package(
        root / "translate-ru_en-1_9", "ru", "en", sp_model=sp, target_prefix="__en__", seed=99
    )
    out["en_kk_nllb"] = synthetic.build_multilingual_model(
        root / "nllb-en-kk", {"en": "eng_Latn", "kk": "kaz_Cyrl"}, name="nllb", sp_model=sp
    )
    out["nllb_all"] = synthetic.build_multilingual_model(
        root / "nllb-all", name="nllb", version="2.0", sp_model=sp, confidence=6.0
    )
    out["en_ru_zip"] = synthetic.zip_package(out["en_ru"], root / "translate-en_ru-1_9.argosmodel")
    out["ru_en_zip"] = synthetic.zip_package(out["ru_en"], root / "translate-ru_en-1_9.argosmodel")
    return out


@pytest.fixture(scope="session")
def pivot_models(tmp_path_factory, built):
    """A models folder with en→ru and ru→en packages and an en↔kk multilingual model."""
    from translator.mt import install

    folder = tmp_path_factory.mktemp("models")
    install(built["en_ru_zip"], folder)
    install(built["ru_en_zip"], folder)
    install(built["en_kk_nllb"], folder)
    return folder
