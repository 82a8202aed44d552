"""core.atomic against real files: modes, links, FIFOs, devices, faults and a killed writer."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fifo_guard import reader_if_blocked

from lossgui.core import csvio, project
from lossgui.core.atomic import (
    TEMPORARY_SUFFIX,
    WriteError,
    remove_stale_temporaries,
    write_atomic,
    write_atomic_with,
)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMPORARY_SUFFIX))


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path, mode):
    path = tmp_path / "out.csv"
    path.write_text("old")
    path.chmod(mode)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_follows_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.csv", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o666 & ~umask


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "data.csv"
    target.write_text("old")
    target.chmod(0o644)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o644
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "real" / "later.csv")
    write_atomic(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "real" / "later.csv").read_text() == "made"
    assert _temporaries(tmp_path) == _temporaries(tmp_path / "real") == []


def test_a_fifo_asked_for_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic_with(fifo, lambda handle: handle.write(b"t,y\r\n0,1\r\n"), special_files=True)
    reader.join(timeout=10)
    assert received == [b"t,y\r\n0,1\r\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and _temporaries(tmp_path) == []


def test_a_device_asked_for_is_written_into_not_replaced():
    before = os.stat("/dev/null")
    write_atomic_with("/dev/null", lambda handle: handle.write(b"anything"), special_files=True)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_fifo_is_refused_by_default_at_once_naming_it(tmp_path):
    """The window's saves: opening a FIFO nobody reads would wait for ever (tester8 #7)."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with reader_if_blocked(fifo) as received, pytest.raises(WriteError) as raised:
        write_atomic(fifo, "t,y\r\n0,1\r\n")
    assert received == []
    assert str(raised.value) == (f"{fifo}: cannot write the file: it is not a regular file but "
                                 "a named pipe (FIFO); choose another file name")
    assert raised.value.text("ja") == (f"{fifo}: ファイルを書けません: 通常のファイルではなく"
                                       "名前付きパイプ(FIFO)です。別のファイル名を選んでください")
    assert stat.S_ISFIFO(fifo.stat().st_mode) and _temporaries(tmp_path) == []


def test_a_device_is_refused_by_default_and_left_alone():
    before = os.stat("/dev/null")
    with pytest.raises(WriteError) as raised:
        write_atomic("/dev/null", "anything")
    assert str(raised.value) == ("/dev/null: cannot write the file: it is not a regular file but "
                                 "a device; choose another file name")
    assert os.stat("/dev/null").st_ino == before.st_ino


def test_errors_name_the_users_file_never_the_temporary(tmp_path):
    missing = tmp_path / "nowhere" / "out.csv"
    with pytest.raises(WriteError) as caught:
        write_atomic(missing, "x")
    assert str(caught.value) == f"{missing}: cannot write the file: No such file or directory"
    assert caught.value.message_ja == f"{missing}: ファイルを書けません: フォルダがありません"
    with pytest.raises(WriteError, match="Is a directory"):
        write_atomic(tmp_path, "x")
    assert TEMPORARY_SUFFIX not in str(caught.value)


_KILLED_WRITER = """
import os, sys, time
import lossgui.core.atomic as atomic
def hang(fd):
    print("writing", flush=True)
    time.sleep(60)
atomic.os.fsync = hang
atomic.write_atomic(sys.argv[1], "new " * 100000)
"""


@pytest.mark.parametrize("next_use", ["write", "open csv", "open session"])
def test_a_write_killed_half_way_leaves_a_temporary_that_the_next_use_removes(tmp_path, next_use):
    path = tmp_path / ("s.lossgui.json" if next_use == "open session" else "data.csv")
    if next_use == "open session":
        project.save(path, project.Session("t", *_article()))
    else:
        path.write_text("t,y\n0,0.5\n")
    old = path.read_bytes()
    with subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path)],
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert path.read_bytes() == old  # the old file is whole
    [stale] = _temporaries(tmp_path)
    assert stale.startswith(f".{path.name}.{child.pid}.")
    assert (tmp_path / stale).stat().st_size == 400000
    if next_use == "write":
        write_atomic(path, "newer")
    elif next_use == "open csv":
        csvio.read_data_csv(path)
    else:
        project.load(path)
    assert _temporaries(tmp_path) == []


def test_a_running_writers_temporary_is_left_alone(tmp_path):
    path = tmp_path / "data.csv"
    mine = tmp_path / f".data.csv.{os.getpid()}.0123abcd{TEMPORARY_SUFFIX}"
    mine.write_text("in progress")
    unrelated = tmp_path / f".data.csv.notours{TEMPORARY_SUFFIX}"
    unrelated.write_text("?")
    assert remove_stale_temporaries(path) == []
    assert mine.exists() and unrelated.exists()


def _article():
    import numpy as np

    return np.array([0.0, 1.0]), [("y1", np.array([0.2, 0.7]))]


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="posix_fadvise is POSIX-only")
def test_a_large_write_hands_each_part_to_the_disk_as_it_goes(tmp_path, monkeypatch):
    """Every WRITEBACK_BYTES written are handed to the disk at once (so the final fsync waits
    for the last part only), in order and without a gap, and the file is whole."""
    from lossgui.core import atomic

    handed: list[tuple[int, int, int]] = []
    real = os.posix_fadvise
    monkeypatch.setattr(atomic.os, "posix_fadvise",
                        lambda fd, start, length, advice: (handed.append((start, length, advice)),
                                                           real(fd, start, length, advice)))
    chunk = bytes(range(256)) * 4096  # 1 MiB
    count = 2 * atomic.WRITEBACK_BYTES // len(chunk) + 3
    target = tmp_path / "big.csv"
    atomic.write_atomic_with(target, lambda handle: [handle.write(chunk) for _ in range(count)])
    assert target.read_bytes() == chunk * count
    assert [advice for _, _, advice in handed] == [os.POSIX_FADV_DONTNEED] * 2
    assert [start for start, _, _ in handed] == [0, handed[0][1]]
    assert all(length >= atomic.WRITEBACK_BYTES for _, length, _ in handed)


def test_the_file_to_be_replaced_leaves_the_cache_early_and_stays_whole(tmp_path, monkeypatch):
    """start_forgetting asks the system, on another thread, to drop the old file's cached pages
    (all of them: offset 0, length 0), so that the rename over it has fewer to free; the file
    itself is read back unchanged."""
    from lossgui.core import atomic

    old = tmp_path / "out.csv"
    content = os.urandom(1 << 16) * (atomic.WRITEBACK_BYTES // (1 << 16) + 1)
    old.write_bytes(content)
    asked: list[tuple[int, int, int]] = []
    real = os.posix_fadvise
    monkeypatch.setattr(os, "posix_fadvise",
                        lambda fd, offset, length, advice: (asked.append((offset, length, advice)),
                                                            real(fd, offset, length, advice)))
    thread = atomic.start_forgetting(old)
    assert thread is not None
    thread.join(10)
    assert asked == [(0, 0, os.POSIX_FADV_DONTNEED)]
    assert old.read_bytes() == content
    write_atomic(old, "k,t\r\n")
    assert old.read_bytes() == b"k,t\r\n"


def test_nothing_is_started_for_a_small_missing_or_special_file(tmp_path):
    from lossgui.core import atomic

    small = tmp_path / "small.csv"
    small.write_text("t,y\n1,0.5\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (small, tmp_path / "missing.csv", tmp_path, fifo, "/dev/null"):
        assert atomic.start_forgetting(path) is None, path
