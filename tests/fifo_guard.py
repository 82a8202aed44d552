"""A guard for tests of writes onto a FIFO: a regression fails instead of hanging the suite."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def reader_if_blocked(fifo: str | os.PathLike[str], seconds: float = 5.0) -> Iterator[list[bytes]]:
    """Yield a list that gets what was written into ``fifo``, if anything.

    Opening a FIFO to write waits until a program opens it to read. If the code under test
    does that (the bug), this opens the reading end after ``seconds``: the write goes on, the
    bytes land in the list, and the test's assertions fail rather than the suite hanging.
    """
    done = threading.Event()
    received: list[bytes] = []

    def read() -> None:
        if not done.wait(seconds):
            received.append(Path(fifo).read_bytes())

    reader = threading.Thread(target=read, name="fifo-guard", daemon=True)
    reader.start()
    try:
        yield received
    finally:
        done.set()
        reader.join(timeout=seconds + 5)
