"""The output lock (atomic writes are tested in tests/test_fs.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from translator.catalog.files import LOCK_NAME, OutputLock
from translator.errors import LockError


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
