"""Machine translation: one engine interface over Argos packages, NLLB-style models and pseudo.

>>> from translator.mt import open_engine
>>> with open_engine("pseudo") as engine:
...     engine.translate(["Hello."], "en", "ru")[0].pseudo
True
"""

from __future__ import annotations

from .base import Engine, EngineSettings, Translation
from .packages import ModelInfo
from .pseudo import PseudoEngine, is_pseudo, pseudo_translate
from .store import argos_packages_dir, install, install_from_index, remove, scan, toolkit_models_dir

__all__ = [
    "Engine",
    "EngineSettings",
    "Translation",
    "PseudoEngine",
    "is_pseudo",
    "pseudo_translate",
    "open_engine",
    "ModelInfo",
    "scan",
    "install",
    "install_from_index",
    "remove",
    "toolkit_models_dir",
    "argos_packages_dir",
]

ENGINE_KINDS = ("auto", "argos", "pseudo")


def open_engine(kind: str = "auto", settings: EngineSettings | None = None, models_dir=None) -> Engine:
    """Open an engine by kind: ``pseudo``, ``argos`` (installed models) or ``auto``.

    ``auto`` uses the installed models; it does not fall back to pseudo
    silently (the caller decides, and says so to the user).
    """
    if kind == "pseudo":
        return PseudoEngine()
    if kind in ("auto", "argos"):
        from .ct2 import ModelEngine  # lazy: ctranslate2 is heavy

        return ModelEngine(settings or EngineSettings(), models_dir=models_dir)
    from ..errors import ConfigError

    raise ConfigError(f"unknown engine {kind!r}; choose one of: {', '.join(ENGINE_KINDS)}")
