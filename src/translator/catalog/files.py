"""Safe file writing: atomic replacement and a lock on an output tree.

A catalog is written with :func:`translator._fs.atomic_write` (temporary
file in its own directory, fsync, rename), so an interrupted run (Ctrl-C, a
crash, a full disk) leaves every file either old or new, never half-written.

Two runs writing the same tree at once would merge against each other's
half-finished state; :class:`OutputLock` stops the second one with a clear
message. The lock is an advisory ``flock`` on ``<root>/.translator.lock``,
which the operating system releases when the process dies, so a crashed run
leaves no stale lock behind. The file records the holder's pid for the
message. Where ``fcntl`` is missing, the file itself is the lock (created
exclusively) and a lock whose pid is no longer running is taken over.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
from pathlib import Path

from .. import _fs
from ..errors import CatalogError, LockError

__all__ = ["atomic_write", "OutputLock", "LOCK_NAME"]

log = logging.getLogger(__name__)

LOCK_NAME = ".translator.lock"


def atomic_write(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """:func:`translator._fs.atomic_write` for catalogs: an ``OSError`` becomes a :class:`CatalogError`."""
    _fs.atomic_write(path, data, sync_dir=sync_dir, error=CatalogError)


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").split()
    except OSError:
        return "another run"
    return f"pid {text[0]}" + (f" on {text[1]}" if len(text) > 1 else "") if text else "another run"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


class OutputLock:
    """Hold ``<root>/.translator.lock`` while a run writes under ``root``.

    >>> with OutputLock(tmp_root):        # doctest: +SKIP
    ...     write catalogs
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / LOCK_NAME
        self._fd: int | None = None

    def _message(self) -> str:
        return (f"{self.root} is in use by another translator run ({_holder(self.path)}); "
                f"wait for it to finish, or delete {self.path} if no run is active")

    def acquire(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CatalogError(f"{self.root}: cannot create output directory: {exc.strerror or exc}") from None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self._acquire_exclusive()
            return
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise LockError(self._message()) from None
                raise
            # the holder before us may have unlinked the file after we opened it: retry on the new one
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
                self._fd = fd
                return
            os.close(fd)
        raise LockError(self._message())

    def _acquire_exclusive(self) -> None:  # pragma: no cover - used only without fcntl
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                parts = self.path.read_text(encoding="utf-8", errors="replace").split()
                if parts and parts[0].isdigit() and not _pid_alive(int(parts[0])):
                    log.warning("removing stale lock %s (pid %s is not running)", self.path, parts[0])
                    with contextlib.suppress(OSError):
                        os.unlink(self.path)
                    continue
                raise LockError(self._message()) from None
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
            self._fd = fd
            return
        raise LockError(self._message())

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self._fd)  # closing releases the flock
        self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
