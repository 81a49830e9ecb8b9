"""Discovery, install (folders, .argosmodel archives, hostile archives) and removal."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from translator.errors import ModelError
from translator.mt import (
    argos_packages_dir,
    install,
    install_from_index,
    remove,
    scan,
    toolkit_models_dir,
)
from translator.mt.packages import read_model


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- where models are looked for -------------------------------------------


def test_default_folders_follow_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    assert toolkit_models_dir() == tmp_path / "xdg" / "translator" / "models"
    assert argos_packages_dir() == tmp_path / "xdg" / "argos-translate" / "packages"


def test_environment_and_argument_override(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSLATOR_MODELS_DIR", str(tmp_path / "mine"))
    assert toolkit_models_dir() == tmp_path / "mine"
    assert toolkit_models_dir(tmp_path / "configured") == tmp_path / "configured"
    assert argos_packages_dir() == tmp_path / "argos-packages"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("ARGOS_TRANSLATE_PACKAGES_DIR", str(tmp_path / "legacy"))
    assert argos_packages_dir() == tmp_path / "legacy"


def test_packages_installed_by_argospm_are_found_as_they_are(built, tmp_path):
    argos = tmp_path / "argos-packages"
    shutil.copytree(built["ru_en"], argos / "translate-ru_en-1_9")
    (argos / "not-a-package").mkdir()
    found = scan(tmp_path / "empty")
    assert [(m.kind, m.directions, m.origin, m.version) for m in found] == [
        ("argos", (("ru", "en"),), "argos", "1.9")
    ]
    assert found.models[0].target_prefix == ("__en__",)


def test_broken_folders_are_reported_not_fatal(built, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(built["en_ru"], models / "good")
    shutil.copytree(built["en_ru"], models / "broken")
    (models / "broken" / "sentencepiece.model").unlink()
    inventory = scan(models)
    assert [m.folder.name for m in inventory] == ["good"]
    assert [p.name for p, _msg in inventory.problems] == ["broken"]
    assert "sentencepiece.model" in inventory.problems[0][1]


# -- install -----------------------------------------------------------------


def test_install_argosmodel_archive(built, tmp_path):
    models = tmp_path / "models"
    info = install(built["en_ru_zip"], models)
    assert info.folder == models / "translate-en_ru-1_9"
    assert (info.kind, info.directions, info.version) == ("argos", (("en", "ru"),), "1.9")
    assert info.size > 0
    assert leftovers(models) == ["translate-en_ru-1_9"]  # no temp folder left
    with pytest.raises(ModelError, match="already installed.*translator models remove translate-en_ru-1_9"):
        install(built["en_ru_zip"], models)
    assert leftovers(models) == ["translate-en_ru-1_9"]


def test_install_folders_of_both_kinds(built, tmp_path):
    models = tmp_path / "models"
    argos = install(built["en_ru"], models)
    multi = install(built["nllb_all"], models)
    assert argos.kind == "argos"
    assert multi.kind == "multilingual" and multi.folder.name == "nllb-all"
    assert set(multi.directions) == {(s, t) for s in ["en", "ru", "kk"] for t in ["en", "ru", "kk"] if s != t}
    assert dict(multi.language_tokens) == {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}
    assert multi.route("en", "kk") == "nllb:en-kk@2.0"
    assert argos.route("en", "ru") == "argos:en-ru@1.9"


def _zip(path: Path, entries: list[tuple[str, bytes]], links: tuple[tuple[str, str], ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            zf.writestr(name, data)
        for name, target in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


def _package_entries(package: Path, top: str = "pkg") -> list[tuple[str, bytes]]:
    return [(f"{top}/{p.relative_to(package).as_posix()}", p.read_bytes()) for p in package.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    "extra, links, message",
    [
        ([("/etc/evil", b"x")], (), "absolute path"),
        ([("pkg/../../evil", b"x")], (), "'..' path"),
        ([], (("pkg/model/link", "../../../../etc/passwd"),), "link pointing outside"),
        ([], (("pkg/abs", "/etc/passwd"),), "link pointing outside"),
    ],
    ids=["absolute", "dotdot", "relative-link-outside", "absolute-link"],
)
def test_hostile_archives_are_refused(built, tmp_path, extra, links, message):
    archive = _zip(tmp_path / "bad.argosmodel", _package_entries(built["en_ru"]) + extra, links)
    models = tmp_path / "models"
    with pytest.raises(ModelError, match=message):
        install(archive, models)
    assert leftovers(models) == []
    assert not (tmp_path / "evil").exists()


def test_link_inside_the_package_is_kept(built, tmp_path):
    archive = _zip(
        tmp_path / "ok.argosmodel", _package_entries(built["en_ru"]), (("pkg/README", "metadata.json"),)
    )
    info = install(archive, tmp_path / "models")
    assert (info.folder / "README").is_symlink()


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: (d / "metadata.json").write_text("{not json"), "cannot read"),
        (lambda d: (d / "metadata.json").write_text(json.dumps({"from_code": "en"})), "missing to_code"),
        (lambda d: shutil.rmtree(d / "model"), "no CTranslate2 model"),
        (lambda d: (d / "metadata.json").unlink(), "neither an Argos package"),
    ],
    ids=["bad-json", "no-to-code", "no-model", "no-metadata"],
)
def test_invalid_packages_are_refused_before_installing(built, tmp_path, mutate, message):
    package = shutil.copytree(built["en_ru"], tmp_path / "pkg")
    mutate(package)
    models = tmp_path / "models"
    with pytest.raises(ModelError, match=message):
        install(package, models)
    archive = _zip(tmp_path / "p.argosmodel", _package_entries(package))
    with pytest.raises(ModelError):
        install(archive, models)
    assert leftovers(models) == []


def test_folder_with_a_link_outside_is_refused(built, tmp_path):
    package = shutil.copytree(built["en_ru"], tmp_path / "pkg")
    (package / "secret").symlink_to("/etc/hostname")
    with pytest.raises(ModelError, match="link pointing outside: secret"):
        install(package, tmp_path / "models")
    assert leftovers(tmp_path / "models") == []


def test_not_a_zip(tmp_path):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"hello")
    with pytest.raises(ModelError, match="not a readable .argosmodel"):
        install(junk, tmp_path / "models")


def test_multilingual_manifest_is_validated(built, tmp_path):
    folder = shutil.copytree(built["en_kk_nllb"], tmp_path / "m")
    manifest = json.loads((folder / "translator-model.json").read_text())
    manifest["languages"] = {"en": "eng_Latn", "uz": "uzn_Latn"}
    (folder / "translator-model.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="not in the model's vocabulary: uzn_Latn"):
        read_model(folder)
    manifest["languages"] = ["en", "xx"]
    (folder / "translator-model.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="unknown locale 'xx'"):
        read_model(folder)
    manifest["languages"] = ["en", "kk"]  # tokens from LocaleInfo.nllb
    (folder / "translator-model.json").write_text(json.dumps(manifest))
    assert dict(read_model(folder).language_tokens) == {"en": "eng_Latn", "kk": "kaz_Cyrl"}


def test_remove(built, tmp_path):
    models = tmp_path / "models"
    install(built["en_ru"], models)
    removed = remove("translate-en_ru-1_9", models)
    assert removed.directions == (("en", "ru"),)
    assert leftovers(models) == []
    with pytest.raises(ModelError, match="no installed model named 'nope'"):
        remove("nope", models)


def test_fetching_without_the_argos_extra_says_what_to_do(tmp_path):
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("argostranslate is installed here")
    with pytest.raises(ModelError) as exc:
        install_from_index("en", "ru", tmp_path / "models")
    message = str(exc.value)
    assert "\n" not in message
    assert "pip install 'translator[argos]'" in message and "translator models install FILE" in message
