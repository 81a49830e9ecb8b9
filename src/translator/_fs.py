"""Atomic file replacement, the one way the toolkit writes a file.

A file is written to a temporary file in its own directory, flushed to disk
and renamed over the old one (``os.replace`` is atomic on POSIX and Windows),
so an interrupted run (Ctrl-C, a crash, a full disk) leaves every file either
old or new, never half-written. Catalogs, published articles, glossaries and
TMX exports all go through :func:`atomic_write`.

(Installing a model renames a whole directory instead; see ``mt/store.py``.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import TranslatorError

__all__ = ["atomic_write", "sync_dirs", "new_file_mode"]


def new_file_mode() -> int:
    """The mode a plain ``open()`` would give a new file.

    ``mkstemp`` creates 0600, which a web server serving published pages
    (or a colleague sharing the glossary) could not read.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, sync_dir: bool = True,
                 mkdir: bool = True, error: type[TranslatorError] = TranslatorError,
                 what: str = "") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory + fsync + rename.

    ``data`` is bytes, or an iterable of byte chunks for output that is
    generated piece by piece (a TMX export of a large memory). An existing
    file keeps its permissions; a new one gets the umask's (not mkstemp's
    0600). On any exception, KeyboardInterrupt included, the temporary file
    is removed and ``path`` is untouched; an ``OSError`` becomes ``error``
    with a one-line message (``what`` names the kind of file in it).
    ``mkdir`` creates missing parent folders. ``sync_dir=False`` leaves the
    directory fsync (which makes the rename survive a power cut; atomicity
    does not depend on it) to the caller, who can do it once per directory
    with :func:`sync_dirs` after many writes.

    >>> atomic_write(Path("out/a.po"), b"...")   # doctest: +SKIP
    """
    path = Path(path)
    label = f"cannot write {what}".rstrip()
    try:
        if mkdir:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = new_file_mode()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        hint = "" if mkdir or path.parent.is_dir() else "; check the folder exists"
        raise error(f"{path}: {label}: {exc.strerror or exc}{hint}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                for chunk in data:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise error(f"{path}: {label}: {exc.strerror or exc}") from None
        raise
    if sync_dir:
        _fsync_dir(path.parent)


def sync_dirs(directories: Iterable[Path]) -> None:
    """fsync each directory once (after many ``atomic_write(..., sync_dir=False)``)."""
    for d in sorted(set(directories)):
        _fsync_dir(Path(d))


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX only; a no-op elsewhere)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
