"""Independent evaluations side by side on the machine's cores.

Each prediction's evaluation reads only its own y and the shared t, and numpy lets go of the
GIL inside its loops over large arrays, so on two cores two predictions of 10⁶ rows take less
than twice one (measured with the other core half taken by another program: cee 7.9 → 5.6 ms,
huber 10.6 → 8.5, bce 14.9 → 12.7, sse 3.7 → 3.6). The window's open, its Reset and the CLI's
compute evaluate every prediction. Small inputs stay in the calling thread: there a thread's
hand-over costs more than the work.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many elements an evaluation takes well under a millisecond: one thread.
SIDE_BY_SIDE_ELEMENTS = 1 << 17
_pool: ThreadPoolExecutor | None = None


def mapped(function: Callable[[T], R], items: Sequence[T], elements: int) -> list[R]:
    """``[function(item) for item in items]``, side by side in threads when there are several
    items of ``elements`` elements each and more than one core. ``function`` must not change
    anything shared; what it raises is raised here."""
    cores = os.cpu_count() or 1
    if len(items) < 2 or elements < SIDE_BY_SIDE_ELEMENTS or cores < 2:
        return [function(item) for item in items]
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=min(cores, 4),
                                   thread_name_prefix="lossgui-side-by-side")
    return list(_pool.map(function, items))
