"""Where models live: discovery, install, remove, and fetching from the Argos index.

Folders searched, in order (the first is where ``install`` writes):

1. the toolkit's models folder: the ``models_dir`` argument (from the
   configuration), else ``$TRANSLATOR_MODELS_DIR``, else
   ``$XDG_DATA_HOME/translator/models``, else ``~/.local/share/translator/models``;
2. argostranslate's package folder, as argostranslate's ``settings.py``
   computes it: ``$ARGOS_PACKAGES_DIR``, else the legacy
   ``$ARGOS_TRANSLATE_PACKAGES_DIR``, else
   ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share`` when
   ``XDG_DATA_HOME`` is unset; ``$SNAP_USER_DATA`` stands for home under snap).

Installing validates first and writes atomically: the package is unpacked
or copied into a hidden temporary folder next to its destination, read back
with :func:`~translator.mt.packages.read_model`, then renamed into place.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import ModelError
from .packages import ModelInfo, is_model_folder, read_model

__all__ = [
    "Inventory",
    "toolkit_models_dir",
    "argos_packages_dir",
    "scan",
    "install",
    "install_from_index",
    "remove",
]

log = logging.getLogger(__name__)

_TMP_PREFIX = ".installing-"
_FETCH_HINT = "download a .argosmodel file and run: translator models install FILE"


@dataclass
class Inventory:
    """Installed models, and folders that look like models but cannot be read."""

    models: list[ModelInfo] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)
    folders: tuple[Path, ...] = ()

    def __len__(self) -> int:
        return len(self.models)

    def __iter__(self):
        return iter(self.models)

    def serving(self, source: str, target: str) -> list[ModelInfo]:
        """Models for a direction, best first: Argos before multilingual, newest version first."""
        found = [m for m in self.models if m.serves(source, target)]
        return sorted(found, key=lambda m: (m.kind != "argos", _version_key(m.version)), reverse=False)


def _version_key(version: str) -> tuple:
    parts = []
    for part in version.replace("_", ".").split("."):
        parts.append(-int(part) if part.isdigit() else 0)
    return tuple(parts)


def _data_home() -> Path:
    env = os.environ.get("XDG_DATA_HOME")
    if env:
        return Path(env)
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ and "SNAP_USER_DATA" in os.environ else Path.home()
    return home / ".local" / "share"


def toolkit_models_dir(models_dir: Path | str | None = None) -> Path:
    """The toolkit's own models folder (see the module docstring)."""
    if models_dir:
        return Path(models_dir).expanduser()
    env = os.environ.get("TRANSLATOR_MODELS_DIR")
    if env:
        return Path(env).expanduser()
    return _data_home() / "translator" / "models"


def argos_packages_dir() -> Path:
    """argostranslate's package folder, computed as its ``settings.py`` does."""
    for var in ("ARGOS_PACKAGES_DIR", "ARGOS_TRANSLATE_PACKAGES_DIR"):
        if os.environ.get(var):
            return Path(os.environ[var]).expanduser()
    return _data_home() / "argos-translate" / "packages"


def scan(models_dir: Path | str | None = None) -> Inventory:
    """Find every installed model. Unreadable folders are reported, not fatal."""
    own, argos = toolkit_models_dir(models_dir), argos_packages_dir()
    folders = (own,) if own.resolve() == argos.resolve() else (own, argos)
    inventory = Inventory(folders=folders)
    for root, origin in zip(folders, ("toolkit", "argos"), strict=False):
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir()):
            if child.name.startswith(".") or not child.is_dir():
                continue
            if not is_model_folder(child):
                continue
            try:
                inventory.models.append(read_model(child, origin=origin))
            except ModelError as exc:
                log.warning("skipping %s", exc)
                inventory.problems.append((child, str(exc)))
    return inventory


# -- install -----------------------------------------------------------------


def _safe_extract(archive: Path, dest: Path) -> None:
    """Unpack a zip into ``dest``, refusing entries that would land outside it."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelError(f"{archive}: not a readable .argosmodel (zip) archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        links = []
        for info in infos:
            name = info.filename
            pure = PurePosixPath(name.replace("\\", "/"))
            if name.startswith(("/", "\\")) or pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
                raise ModelError(f"{archive}: refusing archive with an absolute path: {name}")
            if ".." in pure.parts:
                raise ModelError(f"{archive}: refusing archive with a '..' path: {name}")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                target = zf.read(info).decode("utf-8", "replace")
                if target.startswith("/") or not _inside(pure.parent / target):
                    raise ModelError(f"{archive}: refusing archive with a link pointing outside: {name} -> {target}")
                links.append((pure, target))
        for info in infos:
            if stat.S_ISLNK(info.external_attr >> 16):
                continue
            out = dest.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
            if info.is_dir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        for pure, target in links:
            out = dest.joinpath(*pure.parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, out)


def _normalise(path: PurePosixPath) -> list[str]:
    parts: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return ["..", *parts]
            parts.pop()
        else:
            parts.append(part)
    return parts


def _inside(path: PurePosixPath) -> bool:
    return ".." not in _normalise(path)


def _check_links(folder: Path) -> None:
    """Refuse a package folder holding links that lead outside it."""
    top = folder.resolve()
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.resolve().is_relative_to(top):
            raise ModelError(f"{folder}: refusing a folder with a link pointing outside: {path.relative_to(folder)}")


def _package_root(tree: Path) -> Path:
    """The package folder inside an unpacked archive: the root, or its single top folder."""
    if is_model_folder(tree):
        return tree
    children = [c for c in tree.iterdir() if not c.name.startswith(".") and c.name != "__MACOSX"]
    if len(children) == 1 and children[0].is_dir() and is_model_folder(children[0]):
        return children[0]
    raise ModelError(
        f"{tree.name}: no metadata.json or translator-model.json at the top of the archive; not a model package"
    )


def _destination_name(info: ModelInfo, suggested: str) -> str:
    if info.kind == "argos":
        (src, tgt), = info.directions
        fallback = f"translate-{src}_{tgt}-{info.version.replace('.', '_')}"
    else:
        fallback = info.name
    name = suggested if suggested and not suggested.startswith(".") else fallback
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)


def install(path: Path | str, models_dir: Path | str | None = None) -> ModelInfo:
    """Install a ``.argosmodel`` file, an Argos package folder or a multilingual model folder.

    Raises :class:`ModelError` (nothing is left behind) when the input is not
    a valid model, the archive is hostile, or the model is already installed.
    """
    source = Path(path).expanduser()
    if not source.exists():
        raise ModelError(f"{source}: no such file or folder")
    root = toolkit_models_dir(models_dir)
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=root))
    try:
        if source.is_dir():
            read_model(source)  # validate before copying gigabytes
            _check_links(source)
            staged = tmp / "pkg"
            shutil.copytree(source, staged, symlinks=False)
            suggested = source.resolve().name
        else:
            unpacked = tmp / "unpacked"
            unpacked.mkdir()
            _safe_extract(source, unpacked)
            staged = _package_root(unpacked)
            suggested = staged.name if staged != unpacked else source.stem
        info = read_model(staged)
        dest = root / _destination_name(info, suggested)
        if dest.exists():
            raise ModelError(
                f"{dest.name} is already installed in {root}; remove it first with: translator models remove {dest.name}"
            )
        os.replace(staged, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("installed %s into %s", info.direction_label, dest)
    return read_model(dest, origin="toolkit")


def remove(name: str, models_dir: Path | str | None = None) -> ModelInfo:
    """Remove an installed model by folder name (as ``translator models list`` shows it)."""
    inventory = scan(models_dir)
    matches = [m for m in inventory if m.folder.name == name or str(m.folder) == name]
    if not matches:
        known = ", ".join(m.folder.name for m in inventory) or "none installed"
        raise ModelError(f"no installed model named {name!r}; installed: {known}")
    info = matches[0]
    trash = info.folder.with_name(f"{_TMP_PREFIX}removing-{info.folder.name}")
    try:
        os.replace(info.folder, trash)  # atomic: the model disappears at once
    except OSError as exc:
        raise ModelError(f"{info.folder}: cannot remove ({exc.strerror})") from None
    shutil.rmtree(trash, ignore_errors=True)
    return info


def install_from_index(source: str, target: str, models_dir: Path | str | None = None) -> ModelInfo:
    """Fetch the ``source``→``target`` package from the Argos index and install it.

    Needs the optional ``argostranslate`` package and a network; without
    either, raises :class:`ModelError` with one line saying what to do.
    """
    try:
        import argostranslate.package as argos_package
    except ImportError:
        raise ModelError(
            "fetching models needs the argos extra (pip install 'translator[argos]') and a network; "
            f"offline, {_FETCH_HINT}"
        ) from None
    try:
        argos_package.update_package_index()
        available = argos_package.get_available_packages()
    except Exception as exc:  # any network failure: urllib, socket, JSON
        raise ModelError(f"cannot reach the Argos package index ({exc}); {_FETCH_HINT}") from None
    for pkg in available:
        if pkg.from_code == source and pkg.to_code == target:
            try:
                downloaded = pkg.download()
            except Exception as exc:
                raise ModelError(f"cannot download {source}→{target} ({exc}); {_FETCH_HINT}") from None
            return install(Path(downloaded), models_dir)
    raise ModelError(
        f"the Argos index has no {source}→{target} package; for Kazakh install a multilingual "
        "model folder with: translator models install FOLDER"
    )
