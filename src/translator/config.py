"""Project settings: ``[tool.translator]`` in ``pyproject.toml`` or ``translator.toml``.

The configuration is looked for upward from the working directory: in each
folder, ``translator.toml`` (its top-level table) wins over a
``pyproject.toml`` that has a ``[tool.translator]`` table; a
``pyproject.toml`` without one is passed over. An explicit file
(``--config FILE`` or ``TRANSLATOR_CONFIG``) skips the search. Relative
paths in the file are relative to the folder holding it.

Every key is declared once, in :data:`KEYS`, with its type, default and
environment variable. Unknown keys and bad values are :class:`ConfigError`
naming the key and the file (and line, when it can be found). Each value
remembers where it came from (default, file, environment, command-line
option); :meth:`Config.origins` tells.

>>> cfg = load_config(explicit=None, start=Path("/nonexistent"), env={})
>>> cfg.engine.kind, cfg.origin("engine.kind").kind
('auto', 'default')
"""

from __future__ import annotations

import difflib
import glob as _glob
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog.po import DEFAULT_LAYOUT
from .errors import ConfigError, InputError
from .locales import LOCALES, SOURCE_LANGUAGES, parse_locales
from .memory import DEFAULT_TM
from .mt import ENGINE_KINDS  # the kinds open_engine accepts

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    try:
        import tomli as _toml  # type: ignore[no-redef]
    except ModuleNotFoundError:
        _toml = None  # type: ignore[assignment]

__all__ = [
    "Config",
    "EngineConfig",
    "OutputConfig",
    "PublishConfig",
    "Origin",
    "KEYS",
    "load_config",
    "find_config_file",
    "SOURCE_SUFFIXES",
    "source_files_in",
]

CONFIG_NAME = "translator.toml"
PYPROJECT = "pyproject.toml"
#: File suffixes picked up when a folder is given.
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
FALLBACKS = ("none", "pseudo")
DEVICES = ("cpu", "cuda", "auto")
FORMATS = ("md", "json", "html")
COMPUTE_TYPES = (
    "default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
    "int16", "float16", "bfloat16", "float32",
)


# --- where a value came from ---------------------------------------------------

@dataclass(frozen=True)
class Origin:
    """Where a setting's value came from: ``default``, ``file``, ``env`` or ``option``.

    ``name`` is the environment variable or the option (``--engine``);
    ``path``/``line`` locate a value read from a file.
    """

    kind: str
    path: Path | None = None
    line: int | None = None
    name: str | None = None

    def __str__(self) -> str:
        if self.kind == "file" and self.path is not None:
            return f"{self.path}:{self.line}" if self.line else str(self.path)
        if self.kind in ("env", "option") and self.name:
            return f"{self.kind} {self.name}"
        return self.kind


DEFAULT = Origin("default")


# --- the settings --------------------------------------------------------------

@dataclass(frozen=True)
class EngineConfig:
    """Which MT engine to use and how to run it."""

    kind: str = "auto"
    beam: int = 4
    compute_type: str = "int8"
    threads: int = 0  # 0: let CTranslate2 decide
    device: str = "cpu"
    fallback: str = "none"  # "pseudo": use the pseudo engine when no model is installed

    def settings(self):
        """The :class:`~translator.mt.EngineSettings` these values stand for."""
        from .mt.base import EngineSettings

        return EngineSettings(beam_size=self.beam, compute_type=self.compute_type,
                              intra_threads=self.threads, device=self.device)


@dataclass(frozen=True)
class OutputConfig:
    """Where catalogs and published files go."""

    dir: Path = Path("locales")
    layout: str = DEFAULT_LAYOUT
    formats: tuple[str, ...] = FORMATS


@dataclass(frozen=True)
class PublishConfig:
    """What ``translator run`` publishes after translating."""

    enabled: bool = True
    include_machine: bool = False
    include_pseudo: bool = False
    latin: bool = True  # publish kk-Latn whenever kk is published


@dataclass(frozen=True)
class Config:
    """The effective project configuration. Paths are absolute."""

    root: Path
    file: Path | None = None
    sources: tuple[str, ...] = ()
    source_lang: str = "auto"
    targets: tuple[str, ...] = ("ru", "kk")
    glossary: tuple[Path, ...] = ()
    models_dir: Path | None = None
    tm: Path = DEFAULT_TM
    engine: EngineConfig = field(default_factory=EngineConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    publish: PublishConfig = field(default_factory=PublishConfig)
    _origins: tuple[tuple[str, Origin], ...] = field(default=(), repr=False, compare=False)

    def origins(self) -> dict[str, Origin]:
        """Every key (dotted: ``engine.beam``) and where its value came from."""
        out = {k: DEFAULT for k in KEYS}
        out.update(dict(self._origins))
        return out

    def origin(self, key: str) -> Origin:
        if key not in KEYS:
            raise KeyError(key)
        return self.origins()[key]

    def get(self, key: str) -> Any:
        """The value of a dotted key, e.g. ``cfg.get("engine.beam")``."""
        obj: Any = self
        for part in key.split("."):
            obj = getattr(obj, part)
        return obj

    @property
    def locale_codes(self) -> tuple[str, ...]:
        """Target locales, with ``kk-Latn`` added when ``kk`` is a target and ``publish.latin`` is on.

        Read from the locale records (a Latin locale ``derived_from`` a target), like publish does.
        """
        codes = list(self.targets)
        if self.publish.latin:
            codes += [info.code for info in LOCALES.values()
                      if info.script == "Latn" and info.derived_from in codes and info.code not in codes]
        return tuple(codes)

    @property
    def source_language(self) -> str | None:
        """The configured source language, or ``None`` to detect it per article."""
        return None if self.source_lang == "auto" else self.source_lang

    def source_files(self) -> list[Path]:
        """The articles named by ``sources``, sorted, without repeats.

        A folder stands for the article files under it (``.txt``, ``.md``,
        ``.html``, recursively, leaving out hidden ones and the output tree);
        a glob is expanded from the project root.
        A source that names nothing is an :class:`InputError`.
        """
        found: dict[Path, None] = {}
        for pattern in self.sources:
            base = Path(pattern).expanduser()
            if not base.is_absolute():
                base = self.root / base
            if any(ch in pattern for ch in "*?["):
                matches = sorted(Path(p) for p in _glob.glob(str(base), recursive=True))
                matches = [p for p in matches if p.is_file()]
            elif base.is_dir():
                out = self.output.dir.resolve()
                matches = source_files_in(base, exclude=() if out == base.resolve() else (out,))
            elif base.is_file():
                matches = [base]
            else:
                raise InputError(base, "no such file or folder (from 'sources')")
            if not matches:
                raise InputError(base, "no article files here (from 'sources')")
            for p in matches:
                found.setdefault(p, None)
        return list(found)

    def as_dict(self) -> dict[str, Any]:
        """The settings as plain TOML/JSON-friendly values, nested as in the file."""
        out: dict[str, Any] = {}
        for key in KEYS:
            value = _plain(self.get(key))
            head, _, tail = key.rpartition(".")
            (out.setdefault(head, {}) if head else out)[tail] = value
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


# --- key declarations ----------------------------------------------------------

Convert = Callable[[Any, Path], Any]


@dataclass(frozen=True)
class Key:
    """One setting: how to check and convert its value, and its environment variable."""

    convert: Convert
    help: str
    env: str | None = None


def _expect(kind: str, value: Any) -> ConfigError:
    return ConfigError(f"expected {kind}, got {value!r}")


def _str(value: Any, root: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _expect("a non-empty string", value)
    return value


def _str_list(value: Any, root: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _expect("a list of strings", value)
    return tuple(value)


def _path(value: Any, root: Path) -> Path:
    p = Path(_str(value, root)).expanduser()
    return p if p.is_absolute() else root / p


def _opt_path(value: Any, root: Path) -> Path | None:
    if value in ("", None):
        return None
    return _path(value, root)


def _paths(value: Any, root: Path) -> tuple[Path, ...]:
    return tuple(_path(v, root) for v in _str_list(value, root)) if value != [] else ()


def _choice(*choices: str) -> Convert:
    def convert(value: Any, root: Path) -> str:
        if value not in choices:
            raise ConfigError(f"expected one of {', '.join(choices)}, got {value!r}")
        return value
    return convert


def _choices(*choices: str) -> Convert:
    def convert(value: Any, root: Path) -> tuple[str, ...]:
        items = [p.strip() for v in _str_list(value, root) for p in v.split(",") if p.strip()]
        bad = [v for v in items if v not in choices]
        if bad or not items:
            raise ConfigError(f"expected some of {', '.join(choices)}, got {value!r}")
        return tuple(dict.fromkeys(items))
    return convert


def _int(low: int, high: int) -> Convert:
    def convert(value: Any, root: Path) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _expect(f"a whole number from {low} to {high}", value)
        return value
    return convert


def _bool(value: Any, root: Path) -> bool:
    if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return value.lower() in ("1", "true", "yes", "on")
    if not isinstance(value, bool):
        raise _expect("true or false", value)
    return value


def _targets(value: Any, root: Path) -> tuple[str, ...]:
    items = _str_list(value, root)
    return tuple(info.code for info in parse_locales(list(items)))


def _layout(value: Any, root: Path) -> str:
    text = _str(value, root)
    if "{locale}" not in text or not text.endswith("{slug}.po"):
        raise ConfigError(f"expected a path with {{locale}} ending in {{slug}}.po, got {value!r}")
    try:
        text.format(locale="x", slug="y")
    except (KeyError, IndexError, ValueError):
        raise ConfigError(f"only {{locale}} and {{slug}} may be used, got {value!r}") from None
    return text


#: Every setting, by dotted key. The order is the order of ``config show``.
KEYS: dict[str, Key] = {
    "sources": Key(_str_list, "source folders, files and globs"),
    "source_lang": Key(_choice("auto", *SOURCE_LANGUAGES), "language of the sources, or auto"),
    "targets": Key(_targets, "target locales"),
    "glossary": Key(_paths, "glossary files (TSV)"),
    "models_dir": Key(_opt_path, "folder of installed models", env="TRANSLATOR_MODELS_DIR"),
    "tm": Key(_path, "translation memory (SQLite file)", env="TRANSLATOR_TM"),
    "engine.kind": Key(_choice(*ENGINE_KINDS), "MT engine", env="TRANSLATOR_ENGINE"),
    "engine.beam": Key(_int(1, 32), "beam size"),
    "engine.compute_type": Key(_choice(*COMPUTE_TYPES), "CTranslate2 compute type"),
    "engine.threads": Key(_int(0, 1024), "CPU threads (0: all)", env="TRANSLATOR_THREADS"),
    "engine.device": Key(_choice(*DEVICES), "cpu, cuda or auto", env="TRANSLATOR_DEVICE"),
    "engine.fallback": Key(_choice(*FALLBACKS), "what to do when no model is installed"),
    "output.dir": Key(_path, "root of the locales tree"),
    "output.layout": Key(_layout, "catalog path under the root"),
    "output.formats": Key(_choices(*FORMATS), "published formats"),
    "publish.enabled": Key(_bool, "publish after translating"),
    "publish.include_machine": Key(_bool, "publish machine translations"),
    "publish.include_pseudo": Key(_bool, "publish pseudo translations"),
    "publish.latin": Key(_bool, "publish kk-Latn with kk"),
}
TABLES = ("engine", "output", "publish")
ENV_CONFIG = "TRANSLATOR_CONFIG"


# --- finding and reading the file ------------------------------------------------

def find_config_file(start: Path | None = None) -> tuple[Path, str] | None:
    """The nearest ``translator.toml`` or ``pyproject.toml`` with ``[tool.translator]``.

    Returns ``(path, table)`` where ``table`` is ``""`` for translator.toml and
    ``"tool.translator"`` for pyproject.toml, or ``None`` when there is none.
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate, ""
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[\s*tool\.translator(\s*\]|\.)", text, re.M):
                return pyproject, "tool.translator"
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    if _toml is None:  # pragma: no cover - Python 3.10 without tomli
        raise ConfigError(f"{path}: reading TOML needs Python 3.11 or the tomli package; "
                          "install it with: pip install tomli")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    try:
        return _toml.loads(text), text
    except _toml.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _key_lines(text: str, table: str) -> dict[str, int]:
    """Best-effort line numbers of ``key =`` lines under ``table`` and its sub-tables.

    tomllib keeps no positions; a line scan is enough for the keys of a flat
    configuration (dotted keys and sub-tables included).
    """
    lines: dict[str, int] = {}
    current: str | None = "" if table == "" else None
    prefix = f"{table}." if table else ""
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = re.match(r"^\[\s*([^\[\]]+?)\s*\]$", line)
        if header:
            name = header.group(1).replace('"', "").replace(" ", "")
            if name == table:
                current = ""
            elif prefix and name.startswith(prefix):
                current = name[len(prefix):]
            elif not table:
                current = name
            else:
                current = None
            continue
        if current is None:
            continue
        m = re.match(r"^([A-Za-z0-9_.\"' -]+?)\s*=", line)
        if m:
            key = m.group(1).replace('"', "").replace("'", "").replace(" ", "")
            full = f"{current}.{key}" if current else key
            lines.setdefault(full, lineno)
    return lines


def _flatten(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table ([{key}])")
            for sub, subvalue in value.items():
                flat[f"{key}.{sub}"] = subvalue
        else:
            flat[key] = value
    return flat


def _unknown(key: str, where: str) -> ConfigError:
    close = difflib.get_close_matches(key, list(KEYS), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(KEYS)}"
    return ConfigError(f"{where}: unknown key '{key}'{hint}")


# --- building the Config -----------------------------------------------------------

def source_files_in(folder: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """The article files under ``folder``, recursively, sorted.

    Hidden files and folders (``.git``, ``.translator``, an editor's ``.#a.md``)
    and the ``exclude`` trees (the output tree, whose published ``.md`` files
    are not sources) are left out. The one rule for "a folder of articles",
    used by ``sources`` and by :func:`translator.pipeline.expand_paths`.
    """
    folder = Path(folder)
    skip = [Path(p).resolve() for p in exclude]

    def wanted(f: Path) -> bool:
        if f.suffix.lower() not in SOURCE_SUFFIXES or not f.is_file():
            return False
        if any(part.startswith(".") for part in f.relative_to(folder).parts):
            return False
        resolved = f.resolve()
        return not any(resolved.is_relative_to(s) for s in skip)

    return sorted(f for f in folder.rglob("*") if wanted(f))


def load_config(start: Path | None = None, explicit: Path | None = None, *,
                env: Mapping[str, str] | None = None,
                overrides: Mapping[str, tuple[Any, str]] | None = None) -> Config:
    """Read the project configuration.

    ``explicit`` names the file (``--config``); otherwise ``TRANSLATOR_CONFIG``
    or the upward search from ``start`` (the working directory) finds it.
    ``env`` defaults to ``os.environ``. ``overrides`` maps dotted keys to
    ``(value, option name)`` from the command line; they win over everything.
    """
    env = os.environ if env is None else env
    origins: dict[str, Origin] = {}
    raw: dict[str, Any] = {}
    table = ""
    if explicit is None and env.get(ENV_CONFIG):
        explicit = Path(env[ENV_CONFIG])
    if explicit is not None:
        path = Path(explicit).expanduser().resolve()
        if path.name == PYPROJECT:
            table = "tool.translator"
        found: tuple[Path, str] | None = (path, table)
    else:
        found = find_config_file(start)
    file: Path | None = None
    root = Path(start or Path.cwd()).resolve()
    if found is not None:
        file, table = found
        root = file.parent
        data, text = _read_toml(file)
        if table:
            data = data.get("tool", {}).get("translator", {})
            if not isinstance(data, dict):
                raise ConfigError(f"{file}: [tool.translator] must be a table")
        lines = _key_lines(text, table)
        for key, value in _flatten(data, str(file)).items():
            where = f"{file}:{lines[key]}" if key in lines else str(file)
            if key not in KEYS:
                raise _unknown(key, where)
            raw[key] = (value, where)
            origins[key] = Origin("file", file, lines.get(key))
    for key, spec in KEYS.items():
        if spec.env and env.get(spec.env, "") != "":
            raw[key] = (env[spec.env], f"environment variable {spec.env}")
            origins[key] = Origin("env", name=spec.env)
    for key, (value, option) in (overrides or {}).items():
        if key not in KEYS:
            raise _unknown(key, f"option {option}")
        if value is None:
            continue
        raw[key] = (value, f"option {option}")
        origins[key] = Origin("option", name=option)

    values: dict[str, Any] = {}
    for key, (value, where) in raw.items():
        try:
            values[key] = KEYS[key].convert(value, root)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None

    if "glossary" not in values:
        from .glossary import default_glossary_paths  # lazy: keeps --help light

        values["glossary"] = default_glossary_paths(root)
    values.setdefault("tm", root / Config.tm)
    values.setdefault("output.dir", root / OutputConfig.dir)

    def section(name: str, cls: type) -> Any:
        return cls(**{k.split(".", 1)[1]: v for k, v in values.items() if k.startswith(name + ".")})

    top = {k: v for k, v in values.items() if "." not in k}
    return Config(
        root=root,
        file=file,
        engine=section("engine", EngineConfig),
        output=section("output", OutputConfig),
        publish=section("publish", PublishConfig),
        _origins=tuple(origins.items()),
        **top,
    )
