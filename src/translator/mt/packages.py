"""What an installed model folder is: Argos packages and multilingual models.

Two kinds of folder are read, both holding a CTranslate2 model and a
SentencePiece model:

**Argos Translate package** (``kind="argos"``), exactly as argospm installs
it or as a ``.argosmodel`` zip unpacks::

    translate-en_ru-1_9/
        metadata.json          {"from_code": "en", "to_code": "ru",
                                "package_version": "1.9",
                                "target_prefix": ""}      (optional)
        model/                 CTranslate2 model (model.bin, config.json, vocabulary)
        sentencepiece.model

**Multilingual model** (``kind="multilingual"``): a CTranslate2 conversion
of an NLLB-200-family model (NLLB-200 and its Kazakh fine-tunes), one
folder serving every direction among its languages through language
tokens. The toolkit recognises it by a small manifest,
``translator-model.json``, that you write next to the converted model::

    {
      "format": "translator-multilingual/1",
      "name": "nllb-200-distilled-600M",     # used in routes: nllb-200-distilled-600M:en-kk@1.0
      "version": "1.0",
      "model": ".",                          # CTranslate2 model folder, relative (default ".")
      "sentencepiece": "sentencepiece.bpe.model",
      "languages": {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}
    }

``languages`` may also be a list of toolkit codes (``["en", "ru", "kk"]``);
the tokens then come from :attr:`translator.locales.LocaleInfo.nllb`.
``source_format`` is ``"lang_first"`` (default, current NLLB tokenizers:
``[src_lang] pieces </s>``) or ``"lang_last"`` (legacy: ``pieces </s>
[src_lang]``); the target language token is always forced as the first
target token and removed from the output.

Route labels name the model per leg: ``argos:en-ru@1.9`` for a package,
``<name>:en-kk@<version>`` for a multilingual model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError

__all__ = ["MANIFEST_NAME", "ModelInfo", "read_model", "is_model_folder", "folder_size"]

MANIFEST_NAME = "translator-model.json"
MANIFEST_FORMAT = "translator-multilingual/1"
SOURCE_FORMATS = ("lang_first", "lang_last")


@dataclass(frozen=True)
class ModelInfo:
    """One installed model folder and the directions it serves."""

    kind: str  # "argos" | "multilingual"
    name: str
    folder: Path
    version: str
    directions: tuple[tuple[str, str], ...]
    model_dir: Path
    sentencepiece: Path
    target_prefix: tuple[str, ...] = ()
    language_tokens: tuple[tuple[str, str], ...] = ()
    source_format: str = "lang_first"
    origin: str = "toolkit"  # where it was found: "toolkit" or "argos"
    size: int = field(default=0, compare=False)

    def serves(self, source: str, target: str) -> bool:
        return (source, target) in self.directions

    def token(self, lang: str) -> str:
        """The language token of ``lang`` (multilingual models only)."""
        return dict(self.language_tokens)[lang]

    def route(self, source: str, target: str) -> str:
        label = "argos" if self.kind == "argos" else self.name
        return f"{label}:{source}-{target}@{self.version}"

    @property
    def direction_label(self) -> str:
        if self.kind == "argos":
            return ", ".join(f"{s}→{t}" for s, t in self.directions)
        return "↔".join(lang for lang, _tok in self.language_tokens)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink())


def is_model_folder(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / "metadata.json").is_file() or (folder / MANIFEST_NAME).is_file()


def _load_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read ({exc}); reinstall the model") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path}: expected a JSON object; reinstall the model")
    return data


def _check_ct2_model(folder: Path, owner: Path) -> None:
    if not (folder / "model.bin").is_file() or not (folder / "config.json").is_file():
        raise ModelError(
            f"{owner}: no CTranslate2 model in {folder} (model.bin and config.json are needed)"
        )


def _vocabulary(model_dir: Path) -> set[str] | None:
    """The target vocabulary of a CTranslate2 model, or None if it is not found."""
    for stem in ("shared_vocabulary", "target_vocabulary"):
        js, txt = model_dir / f"{stem}.json", model_dir / f"{stem}.txt"
        if js.is_file():
            return set(json.loads(js.read_text(encoding="utf-8")))
        if txt.is_file():
            return set(txt.read_text(encoding="utf-8").splitlines())
    return None


def _version(value: object) -> str:
    return str(value) if value not in (None, "") else "0"


def read_model(folder: Path, origin: str = "toolkit") -> ModelInfo:
    """Read and validate a model folder; raises :class:`ModelError` naming the problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelError(f"{folder}: not a model folder")
    if (folder / MANIFEST_NAME).is_file():
        return _read_multilingual(folder, origin)
    if (folder / "metadata.json").is_file():
        return _read_argos(folder, origin)
    raise ModelError(
        f"{folder}: neither an Argos package (metadata.json) nor a multilingual model ({MANIFEST_NAME})"
    )


def _read_argos(folder: Path, origin: str) -> ModelInfo:
    meta = _load_json(folder / "metadata.json")
    codes = []
    for key in ("from_code", "to_code"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ModelError(f"{folder / 'metadata.json'}: missing {key}; this is not a translation package")
        codes.append(value.strip())
    if meta.get("type", "translate") != "translate":
        raise ModelError(f"{folder}: an Argos {meta.get('type')!r} package, not a translation package")
    model_dir = folder / "model"
    _check_ct2_model(model_dir, folder)
    sp = folder / "sentencepiece.model"
    if not sp.is_file():
        raise ModelError(f"{folder}: no sentencepiece.model (packages with other tokenizers are not supported)")
    prefix = meta.get("target_prefix") or ""
    if not isinstance(prefix, str):
        raise ModelError(f"{folder / 'metadata.json'}: target_prefix must be a string")
    return ModelInfo(
        kind="argos",
        name=folder.name,
        folder=folder,
        version=_version(meta.get("package_version")),
        directions=((codes[0], codes[1]),),
        model_dir=model_dir,
        sentencepiece=sp,
        target_prefix=tuple(prefix.split()),
        origin=origin,
        size=folder_size(folder),
    )


def _read_multilingual(folder: Path, origin: str) -> ModelInfo:
    from ..errors import ConfigError
    from ..locales import SOURCE_LANGUAGES, get_locale

    path = folder / MANIFEST_NAME
    manifest = _load_json(path)
    if manifest.get("format") != MANIFEST_FORMAT:
        raise ModelError(f"{path}: format must be {MANIFEST_FORMAT!r}")
    languages = manifest.get("languages") or list(SOURCE_LANGUAGES)
    try:
        if isinstance(languages, list):
            tokens = [(code, get_locale(code).nllb) for code in languages]
        elif isinstance(languages, dict):
            tokens = [(str(code), str(tok)) for code, tok in languages.items()]
        else:
            raise ModelError(f"{path}: languages must be a list of codes or a code→token mapping")
    except ConfigError as exc:
        raise ModelError(f"{path}: {exc}") from None
    if len(tokens) < 2:
        raise ModelError(f"{path}: a multilingual model needs at least two languages")
    model_dir = (folder / str(manifest.get("model", "."))).resolve()
    if not model_dir.is_relative_to(folder.resolve()):
        raise ModelError(f"{path}: model must be a folder inside the model folder")
    _check_ct2_model(model_dir, folder)
    sp = folder / str(manifest.get("sentencepiece", "sentencepiece.bpe.model"))
    if not sp.is_file() or not sp.resolve().is_relative_to(folder.resolve()):
        raise ModelError(f"{path}: sentencepiece model {sp.name} not found in the folder")
    source_format = manifest.get("source_format", "lang_first")
    if source_format not in SOURCE_FORMATS:
        raise ModelError(f"{path}: source_format must be one of {', '.join(SOURCE_FORMATS)}")
    vocab = _vocabulary(model_dir)
    if vocab is not None:
        missing = [tok for _code, tok in tokens if tok not in vocab]
        if missing:
            raise ModelError(f"{path}: language tokens not in the model's vocabulary: {', '.join(missing)}")
    codes = [code for code, _tok in tokens]
    return ModelInfo(
        kind="multilingual",
        name=str(manifest.get("name") or folder.name),
        folder=folder,
        version=_version(manifest.get("version")),
        directions=tuple((s, t) for s in codes for t in codes if s != t),
        model_dir=model_dir,
        sentencepiece=sp,
        language_tokens=tuple(tokens),
        source_format=source_format,
        origin=origin,
        size=folder_size(folder),
    )
