"""Atomic writes and the output lock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from translator.catalog.files import LOCK_NAME, OutputLock, atomic_write
from translator.errors import CatalogError, LockError


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    path = tmp_path / "a" / "b.bin"
    atomic_write(path, b"one")
    os.chmod(path, 0o640)
    atomic_write(path, b"two")
    assert path.read_bytes() == b"two" and (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["b.bin"]  # no temporary file left


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError(28, "No space left on device")],
                         ids=["ctrl-c", "disk-full"])
def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch, error):
    path = tmp_path / "b.bin"
    path.write_bytes(b"old")

    def boom(src, dst):
        raise error

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt if error is KeyboardInterrupt else CatalogError):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["b.bin"]


def test_second_lock_on_the_same_tree_is_refused_with_a_clear_message(tmp_path):
    with OutputLock(tmp_path):
        with pytest.raises(LockError) as info:
            OutputLock(tmp_path).acquire()
        message = str(info.value)
        assert f"pid {os.getpid()}" in message and LOCK_NAME in message and "\n" not in message
    with OutputLock(tmp_path):  # released: free again
        pass
    assert not (tmp_path / LOCK_NAME).exists()


def test_lock_held_by_another_process(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from translator.catalog.files import OutputLock
            with OutputLock({str(tmp_path)!r}):
                print("locked", flush=True)
                sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError, match=f"pid {holder.pid}"):
            OutputLock(tmp_path).acquire()
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    with OutputLock(tmp_path):
        pass


def test_stale_lock_file_from_a_dead_run_is_taken_over(tmp_path):
    (tmp_path / LOCK_NAME).write_text("999999999 elsewhere\n", encoding="utf-8")
    with OutputLock(tmp_path) as lock:
        assert (tmp_path / LOCK_NAME).read_text().split()[0] == str(os.getpid())
    assert lock._fd is None
