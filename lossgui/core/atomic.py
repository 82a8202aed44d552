"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that a crash or a full disk never leaves half a file.

    The text goes to a temporary file in the same folder, is flushed to disk, then replaces the
    target in one step; on any error the temporary file is removed and the old file stays.
    """
    target = Path(path)
    encoding = "utf-8-sig" if bom else "utf-8"
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                     dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
