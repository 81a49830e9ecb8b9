"""The model engine on real tiny models: routes, pivots, prefixes, batching, long sentences, errors.

The synthetic models copy their source (see translator.mt.synthetic), so the
right output of every direction is the input text itself: anything lost,
reordered, shifted or left with a language token shows up as a difference.
"""

from __future__ import annotations

import pytest

from translator.errors import ModelNotInstalled
from translator.mt import EngineSettings, install, open_engine
from translator.mt.ct2 import ModelEngine

SENTENCES = [
    "The city council met on Tuesday to discuss the budget.",
    "Цены на хлеб выросли на четыре процента.",
    "Әуежай келесі айда жаңа рейстер қосады.",
    "Heavy snow closed the mountain road for two days.",
    "A new school opened in the eastern district, officials said on Monday.",
    "Учёные опубликовали исследование.",
    "Prices rose.",
    "Scientists at the university published a study on water quality in the lakes of the north.",
]


def test_direct_model_translates_in_input_order(pivot_models):
    with open_engine("auto", EngineSettings(), models_dir=pivot_models) as engine:
        out = engine.translate(SENTENCES, "en", "ru")
    assert [t.text for t in out] == SENTENCES
    assert {t.route for t in out} == {("argos:en-ru@1.9",)}
    assert all(isinstance(t.score, float) and not t.pseudo for t in out)


def test_empty_and_blank_segments_never_reach_the_model(pivot_models):
    texts = ["", "   ", "Prices rose.", "\n\t", " Heavy snow.\n"]
    with ModelEngine(models_dir=pivot_models) as engine:
        out = engine.translate(texts, "en", "ru")
    assert [t.text for t in out] == texts
    assert [t.route for t in out] == [(), (), ("argos:en-ru@1.9",), (), ("argos:en-ru@1.9",)]
    assert out[0].score is None and out[1].score is None


def test_target_prefix_from_metadata_is_forced_and_removed(pivot_models):
    # The ru→en package declares target_prefix "__en__"; its model only copies
    # correctly when that token is forced first, and it must not leak out.
    with ModelEngine(models_dir=pivot_models) as engine:
        out = engine.translate(SENTENCES, "ru", "en")
    assert [t.text for t in out] == SENTENCES
    assert not any("__en__" in t.text for t in out)


def test_language_tokens_of_a_multilingual_model(pivot_models):
    # Source [eng_Latn] pieces </s>, target prefix [kaz_Cyrl]: a missing source
    # token would drop the first word, a kept target token would show up.
    with ModelEngine(models_dir=pivot_models) as engine:
        to_kk = engine.translate(SENTENCES, "en", "kk")
        to_en = engine.translate(SENTENCES, "kk", "en")
    assert [t.text for t in to_kk] == SENTENCES == [t.text for t in to_en]
    assert to_kk[0].route == ("nllb:en-kk@0.1",)
    assert not any("kaz_Cyrl" in t.text or "eng_Latn" in t.text for t in to_kk + to_en)


def test_legacy_nllb_source_layout(built, tmp_path):
    # pieces </s> [src_lang]: the model copies only if the engine lays the source out so.
    from translator.mt import synthetic

    folder = synthetic.build_multilingual_model(
        tmp_path / "legacy", name="nllb-legacy", sp_model=built["sp"], source_format="lang_last"
    )
    install(folder, tmp_path / "models")
    with ModelEngine(models_dir=tmp_path / "models") as engine:
        out = engine.translate(SENTENCES, "ru", "kk")
    assert [t.text for t in out] == SENTENCES
    assert out[0].route == ("nllb-legacy:ru-kk@0.1",)


def test_packages_in_argostranslates_folder_are_used(built, tmp_path):
    import shutil

    shutil.copytree(built["ru_en"], tmp_path / "argos-packages" / "translate-ru_en-1_9")
    with open_engine("argos", EngineSettings(), models_dir=tmp_path / "own") as engine:
        out = engine.translate(["Учёные опубликовали исследование."], "ru", "en")
    assert out[0].text == "Учёные опубликовали исследование."
    assert out[0].route == ("argos:ru-en@1.9",)


def test_pivot_through_english(pivot_models):
    with ModelEngine(models_dir=pivot_models) as engine:
        assert engine.check("ru", "kk") == ("argos:ru-en@1.9", "nllb:en-kk@0.1")
        out = engine.translate(SENTENCES, "ru", "kk")
        back = engine.translate(SENTENCES, "kk", "ru")
    assert [t.text for t in out] == SENTENCES == [t.text for t in back]
    assert out[0].route == ("argos:ru-en@1.9", "nllb:en-kk@0.1")
    assert back[0].route == ("nllb:kk-en@0.1", "argos:en-ru@1.9")


def test_direct_multilingual_model_beats_a_pivot(built, tmp_path):
    models = tmp_path / "models"
    install(built["ru_en"], models)
    install(built["nllb_all"], models)
    with ModelEngine(models_dir=models) as engine:
        assert engine.check("ru", "kk") == ("nllb:ru-kk@2.0",)
        assert engine.check("ru", "en") == ("argos:ru-en@1.9",)  # an Argos package first


def test_missing_directions_are_named_with_the_fix(built, tmp_path):
    models = tmp_path / "models"
    install(built["en_ru"], models)
    with ModelEngine(models_dir=models) as engine:
        with pytest.raises(ModelNotInstalled) as exc:
            engine.check("ru", "kk")
        assert exc.value.directions == (("ru", "kk"), ("ru", "en"), ("en", "kk"))
        assert str(exc.value) == (
            "no model for ru→kk, ru→en, en→kk; install one with: translator models install FILE"
        )
        with pytest.raises(ModelNotInstalled, match="no model for en→kk;"):
            engine.translate(["Hello."], "en", "kk")
    with ModelEngine(models_dir=tmp_path / "nothing") as engine:
        with pytest.raises(ModelNotInstalled, match="no model for ru→en;"):
            engine.translate(["Привет."], "ru", "en")
        assert engine.translate(["", " "], "ru", "en")[1].text == " "  # nothing to translate: no error


def test_results_do_not_depend_on_batch_composition(built, tmp_path):
    # nllb_all is built with a low confidence, so scores differ per sentence.
    models = tmp_path / "models"
    install(built["nllb_all"], models)
    together = ModelEngine(EngineSettings(beam_size=4), models_dir=models).translate(SENTENCES, "en", "ru")
    alone = [ModelEngine(EngineSettings(beam_size=4), models_dir=models).translate([s], "en", "ru")[0]
             for s in SENTENCES]
    small_batches = ModelEngine(EngineSettings(beam_size=4, max_batch_tokens=40, inter_threads=2),
                                models_dir=models).translate(SENTENCES[::-1], "en", "ru")[::-1]
    for a, b, c in zip(together, alone, small_batches, strict=True):
        assert a.text == b.text == c.text
        assert b.score == pytest.approx(a.score, abs=1e-4)
        assert c.score == pytest.approx(a.score, abs=1e-4)
    assert len({round(t.score, 3) for t in together}) > 1  # the scores are real, not constant
    assert all(t.score < 0 for t in together)


def test_long_sentences_are_split_and_rejoined_not_truncated(pivot_models):
    long = (
        "The council met on Tuesday; members discussed the budget for buses, trams and trains, "
        "and the mayor said that the new bridge over the river would open in the spring — "
        "after two years of repairs, delays and arguments about the cost."
    )
    settings = EngineSettings(max_input_length=20)
    with ModelEngine(settings, models_dir=pivot_models) as engine:
        tokenizer = engine._load(engine.plan("en", "ru")[0][0]).tokenizer
        assert tokenizer.count(long) > 3 * 20
        out = engine.translate([long, "Prices rose."], "en", "ru")
        through_nllb = engine.translate([long], "en", "kk")
    assert out[0].text == long and out[1].text == "Prices rose."
    assert through_nllb[0].text == long


def test_model_loaded_once_and_released_on_close(pivot_models):
    engine = ModelEngine(models_dir=pivot_models)
    engine.translate(["One."], "en", "ru")
    engine.translate(["Two."], "en", "ru")
    engine.translate(["Three."], "ru", "kk")
    assert len(engine._loaded) == 3  # en→ru, ru→en, en↔kk: one each
    first = engine._loaded[engine.plan("en", "ru")[0][0].model_dir].translator
    engine.translate(["Four."], "en", "ru")
    assert engine._loaded[engine.plan("en", "ru")[0][0].model_dir].translator is first
    engine.close()
    assert engine._loaded == {}
    engine.translate(["Five."], "en", "ru")  # a closed engine loads again, on demand
    assert engine._loaded[engine.plan("en", "ru")[0][0].model_dir].translator is not first
    engine.close()


def test_same_language_is_identity(pivot_models):
    with ModelEngine(models_dir=pivot_models) as engine:
        assert engine.translate(["Hello."], "en", "en")[0].route == ("identity",)


def test_hitting_the_decoding_limit_is_reported(pivot_models, caplog):
    with ModelEngine(EngineSettings(max_decoding_length=4), models_dir=pivot_models) as engine:
        out = engine.translate(["The city council met on Tuesday to discuss the budget."], "en", "ru")
    assert out[0].text != "The city council met on Tuesday to discuss the budget."
    assert "stopped at max_decoding_length (4 tokens)" in caplog.text


def test_balanced_batches_cover_every_source_once_with_the_same_mix_of_lengths():
    from translator.mt.ct2 import _balanced_batches

    sources = [["x"] * n for n in (3, 30, 7, 12, 5, 21, 9, 16, 2, 25, 11, 4)]
    two = _balanced_batches(sources, workers=2, max_tokens=4096)
    assert len(two) == 2 and sorted(j for b in two for j in b) == list(range(len(sources)))
    lengths = [sum(len(sources[j]) for j in b) for b in two]
    assert abs(lengths[0] - lengths[1]) <= 30  # dealt like cards: no batch holds all the long ones
    assert max(len(sources[j]) for j in two[0]) < 30 <= max(len(sources[j]) for j in two[1])
    small = _balanced_batches(sources, workers=2, max_tokens=40)
    assert sorted(j for b in small for j in b) == list(range(len(sources)))
    assert all(sum(len(sources[j]) for j in b) <= 40 + 30 for b in small)  # at most one long source over
    assert len(small) >= 4
    assert _balanced_batches(sources[:1], workers=8, max_tokens=10) == [[0]]


def test_preload_loads_every_leg_once_without_translating(pivot_models):
    engine = ModelEngine(models_dir=pivot_models)
    engine.preload("ru", "kk")  # a pivot: ru→en, then en→kk
    assert len(engine._loaded) == 2 and engine.stats["sentences"] == 0
    engine.translate(["Один."], "ru", "kk")
    assert len(engine._loaded) == 2  # nothing loaded again
    engine.preload("en", "en")  # identity needs no model
    assert len(engine._loaded) == 2
    engine.close()
