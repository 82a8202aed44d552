"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that a crash or a full disk never leaves half a file.

    See :func:`write_atomic_with`.
    """
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    write_atomic_with(path, lambda handle: handle.write(data))


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
