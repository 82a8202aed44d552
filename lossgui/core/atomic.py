"""Writing files so that a crash or a full disk never leaves half a file behind.

The one way lossgui writes a file, for the CLI and the window alike: :func:`write_atomic`
and :func:`write_atomic_with` raise the system's OSError; :func:`write_file` says the same
as a :class:`WriteError` naming the file and the reason in English and Japanese, for a
window to show.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from lossgui.core.problems import LossguiError


class WriteError(LossguiError):
    """A file could not be written; the old file, if any, is as it was."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, bom: bool = False) -> None:
    """Write ``data`` (text as UTF-8, with a BOM if asked) so a failure never leaves half a file.

    See :func:`write_atomic_with`.
    """
    raw = data if isinstance(data, bytes) else data.encode("utf-8-sig" if bom else "utf-8")
    write_atomic_with(path, lambda handle: handle.write(raw))


def write_atomic_with(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Let ``write`` fill a binary file that replaces ``path`` only once it is complete.

    The bytes go to a temporary file in the same folder, are flushed to disk, then replace the
    target in one step; on any error the temporary file is removed and the old file stays.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                     dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_file(path: str | os.PathLike[str], data: str | bytes, bom: bool = False) -> None:
    """:func:`write_atomic`, refusing with a WriteError that names the file and the reason."""
    try:
        write_atomic(path, data, bom)
    except OSError as error:
        reason = error.strerror or str(error)
        name = os.fspath(path)
        raise WriteError(f"{name}: the file could not be written: {reason}",
                         f"{name}: ファイルを書き込めませんでした: {reason}") from None
