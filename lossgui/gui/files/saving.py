"""Writing files from the window with QSaveFile: all of the new file, or the old one untouched."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QCoreApplication, QIODevice, QSaveFile

CHUNK = 1 << 20


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file that replaces it only when complete.

    Raises OSError with a sentence naming the file and the reason (disk full, no permission, …);
    the previous file, if any, is left as it was and no temporary file stays behind.
    """
    target = os.fspath(path)
    save = QSaveFile(target)
    # Unbuffered: a failing write reports the system's reason ("No space left on device");
    # through the buffer it would only surface at commit() as "Unknown error".
    if not save.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Unbuffered):
        raise OSError(QCoreApplication.translate("Saving", "%1: cannot write there: %2")
                      .replace("%1", str(target)).replace("%2", save.errorString()))
    done = 0
    while done < len(data):
        # A write that stops short (the disk filled up) is retried, so that the next one
        # fails with the reason.
        written = save.write(QByteArray(data[done : done + CHUNK]))
        if written <= 0:
            reason = save.errorString()
            save.cancelWriting()
            save.commit()  # after cancelWriting this only removes the temporary file
            raise OSError(_not_written(target, reason))
        done += written
    if not save.commit():
        raise OSError(_not_written(target, save.errorString()))


def write_text(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 (with a BOM if asked), byte for byte as core.atomic does."""
    write_bytes(path, text.encode("utf-8-sig" if bom else "utf-8"))


def _not_written(target: object, reason: str) -> str:
    """The sentence for a write that failed half-way."""
    return QCoreApplication.translate("Saving", "%1: the file could not be written: %2") \
        .replace("%1", str(target)).replace("%2", reason)
