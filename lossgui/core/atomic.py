"""Writing files so that a crash or a full disk never leaves half a file behind.

The one writer for the CLI and the window. A regular file is written to a temporary file beside
it, flushed to disk, then renamed over it, so the old file stays whole until the new one is
complete. The new file keeps the old one's permissions (and owner, where allowed); a new file
gets the usual ones (0666 less the umask). A symbolic link is written through: its target is
replaced and the link stays. A FIFO, a terminal or a device (``/dev/stdout``, ``/dev/null``) is
refused by default (the window's saves: opening a FIFO waits, in the GUI thread, until some
program reads it); the command line's ``--output`` asks for it to be written directly, never
renamed over, as any Unix tool writes ``/dev/stdout`` or a named pipe.

Temporary files are called ``.NAME.PID.RANDOM.lossgui-tmp``. One left by a process that was
killed mid-write (SIGKILL, a power cut) is removed by the next write to, or open of, NAME: a
temporary whose process no longer runs on this machine is stale.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lossgui.core.problems import CellError, LossguiError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

TEMPORARY_SUFFIX = ".lossgui-tmp"
NEW_FILE_MODE = 0o666  # less the umask, which the kernel applies in os.open

_RUST_OS_ERROR = re.compile(r"\(os error (\d+)\)")
# The reasons a user meets, in Japanese; any other keeps the system's English sentence.
_REASONS_JA = {
    errno.ENOSPC: "ディスクがいっぱいです",
    errno.EDQUOT: "ディスクの割り当て量を超えました",
    errno.EFBIG: "ファイルが大きすぎます",
    errno.EACCES: "書き込む権限がありません",
    errno.EPERM: "書き込む権限がありません",
    errno.EROFS: "読み取り専用の場所です",
    errno.ENOENT: "フォルダがありません",
    errno.ENOTDIR: "フォルダがありません",
    errno.EISDIR: "フォルダです",
}
# What a destination that is neither a regular file nor a folder is, for the refusal's words.
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)", "名前付きパイプ(FIFO)"),
    (stat.S_ISCHR, "a device", "デバイス"),
    (stat.S_ISBLK, "a device", "デバイス"),
    (stat.S_ISSOCK, "a socket", "ソケット"),
)
# The same reasons where a file is read: its own name can be what is missing.
_READ_REASONS_JA = {
    **_REASONS_JA,
    errno.ENOENT: "ファイルがありません",
    errno.EACCES: "読む権限がありません",
    errno.EPERM: "読む権限がありません",
}


def os_error_number(error: OSError) -> int | None:
    """The errno of ``error``, also when polars' (Rust) writer only says it in its text."""
    if error.errno is None and (found := _RUST_OS_ERROR.search(str(error))):
        return int(found.group(1))  # polars' writer: "File too large (os error 27)"
    return error.errno


def os_reason(error: OSError) -> str:
    """The system's sentence for ``error`` ("No such file or directory"), without Python's
    "[Errno 2] …: 'path'" wrapping: the one wording of every file refusal, read or write."""
    number = os_error_number(error)
    return error.strerror or (os.strerror(number) if number else str(error))


def unreadable(source: str, error: OSError) -> CellError:
    """The refusal of a file that cannot be read, "SOURCE: cannot read the file: REASON" in
    English and Japanese: the one wording for a data CSV and a session alike."""
    reason = os_reason(error)
    reason_ja = _READ_REASONS_JA.get(os_error_number(error) or 0, reason)
    return CellError(f"cannot read the file: {reason}", source=source,
                     reason_ja=f"ファイルを読めません: {reason_ja}")


class WriteError(LossguiError):
    """A file that could not be written; the message names the user's file and the reason
    (an OSError's, or one given as text with its Japanese, ``reason_ja``)."""

    def __init__(self, target: str, error: OSError | str, reason_ja: str = "") -> None:
        if isinstance(error, OSError):
            number = os_error_number(error)
            reason = os_reason(error)
            reason_ja = _REASONS_JA.get(number or 0, reason)
        else:
            number, reason = None, error
            reason_ja = reason_ja or error
        super().__init__(f"{target}: cannot write the file: {reason}",
                         f"{target}: ファイルを書けません: {reason_ja}")
        self.target = target
        self.reason = reason
        self.errno = number  # EPIPE: a reader of /dev/stdout that stopped early


def write_atomic(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 (with a BOM if asked) to ``path``; see :func:`write_atomic_with`."""
    write_bytes(path, text.encode("utf-8-sig" if bom else "utf-8"))


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``; see :func:`write_atomic_with`."""
    write_atomic_with(path, lambda handle: handle.write(data))


def not_a_regular_file(target: str, mode: int) -> WriteError:
    """The refusal of a destination that exists but is not a regular file (a FIFO, a device, a
    socket): "TARGET: cannot write the file: it is not a regular file but …", English and
    Japanese."""
    kind, kind_ja = next(((en, ja) for test, en, ja in _SPECIAL_KINDS if test(mode)),
                         ("a special file", "特殊なファイル"))
    return WriteError(target, f"it is not a regular file but {kind}; choose another file name",
                      reason_ja=f"通常のファイルではなく{kind_ja}です。別のファイル名を選んでください")


def write_atomic_with(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *,
    special_files: bool = False,
) -> None:
    """Let ``write`` fill a binary file that replaces ``path`` only once it is complete.

    All of the new file, or the old file untouched (see the module's note for links, special
    files and permissions). A ``path`` that is a FIFO, a device or a socket is refused (see
    :func:`not_a_regular_file`) unless ``special_files``: then it is written directly. Raises
    WriteError naming ``path`` (as the user gave it) and the reason.
    """
    shown = os.fspath(path)
    try:
        # The path as given, not its realpath: /dev/stdout on a pipe resolves to
        # /proc/PID/fd/pipe:[N], a name that does not exist, though opening the path works.
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise WriteError(shown, error) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise WriteError(shown, OSError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if status is not None and not stat.S_ISREG(status.st_mode) and not special_files:
        raise not_a_regular_file(shown, status.st_mode)
    try:
        if status is not None and not stat.S_ISREG(status.st_mode):
            with open(path, "wb") as handle:  # a FIFO, pipe, terminal or device: in place
                write(handle)
        else:
            target = Path(os.path.realpath(path))  # through symbolic links, as QSaveFile does
            remove_stale_temporaries(target)
            _replace(target, write, status)
    except OSError as error:
        raise WriteError(shown, error) from None


def start_forgetting(path: str | os.PathLike[str]) -> threading.Thread | None:
    """Start dropping from the page cache, on another thread, the pages of the regular file
    that a later :func:`write_atomic_with` to ``path`` will replace; returns that thread.

    Renaming the new file over the old one frees the old one's cached pages within the rename:
    ~22 of its ~38 ms for 143 MB of results, at the very end of ``lossgui compute``. Asked for
    while the data is still being read, the other core drops them, and the rename frees only
    their blocks (docs/benchmarks.md). Only the cache is touched: the file stays whole until it
    is replaced, and the system never drops a page that is not yet on disk. None where there is
    nothing worth it: no such file, not a regular file, or under WRITEBACK_BYTES.
    """
    if not hasattr(os, "posix_fadvise"):
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None  # not there (or not a name at all): write_atomic_with says so if need be
    if not stat.S_ISREG(status.st_mode) or status.st_size < WRITEBACK_BYTES:
        return None
    thread = threading.Thread(target=_forget_cached, args=(os.fspath(path),),
                              name="lossgui-forget-cached", daemon=True)
    thread.start()
    return thread


def _forget_cached(path: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _replace(
    target: Path, write: Callable[[BinaryIO], object], old: os.stat_result | None
) -> None:
    temporary = target.with_name(
        f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMPORARY_SUFFIX}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 NEW_FILE_MODE)
    try:
        with _EarlyWriteback(io.FileIO(fd, "wb")) as handle:
            if old is not None:
                _keep_owner_and_mode(fd, old)
            write(handle)
            handle.flush()
            os.fsync(fd)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# How much is written before the disk is asked to take it (see _EarlyWriteback).
WRITEBACK_BYTES = 16 << 20


class _EarlyWriteback(io.BufferedWriter):
    """A buffered file that asks the system to start writing each 16 MiB to disk once written.

    Otherwise all of a large file (143 MB of results at 10⁶ rows) waits in memory until the
    fsync that makes it safe, and the fsync then waits for the disk to take every byte. Started
    early, the disk works while the rest is being formatted, and the fsync waits for the last
    part only (docs/benchmarks.md). POSIX_FADV_DONTNEED starts the writing of dirty pages
    (Linux); pages still being written stay cached. Without posix_fadvise it writes as usual.
    """

    def __init__(self, raw: io.FileIO) -> None:
        super().__init__(raw, buffer_size=1 << 20)
        self._written = 0
        self._started = 0  # bytes already handed to the disk

    def write(self, data: ReadableBuffer, /) -> int:
        count = super().write(data)
        self._written += count
        if self._written - self._started >= WRITEBACK_BYTES and hasattr(os, "posix_fadvise"):
            super().flush()
            os.posix_fadvise(self.fileno(), self._started, self._written - self._started,
                             os.POSIX_FADV_DONTNEED)
            self._started = self._written
        return count


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the replaced file's owner (where allowed) and permissions."""
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        # only root may give a file away; the permissions below hold either way
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files a killed write to ``path`` left beside it; returns them."""
    target = Path(os.path.realpath(path))
    removed = []
    try:
        candidates = list(target.parent.glob(f".{_glob_escape(target.name)}.*{TEMPORARY_SUFFIX}"))
    except OSError:
        return []
    for candidate in candidates:
        middle = candidate.name[len(target.name) + 2 : -len(TEMPORARY_SUFFIX)]
        pid, _, token = middle.partition(".")
        if not pid.isdigit() or len(token) != 8 or _is_running(int(pid)):
            continue
        try:
            candidate.unlink()
        except OSError:
            continue  # someone else's folder, or already gone: nothing to do
        removed.append(candidate)
    return removed


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # running as another user (or not a pid at all): leave it alone
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
