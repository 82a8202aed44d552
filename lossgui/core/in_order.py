"""Map a function over an iterator on worker threads, a few items ahead, results in order.

A large CSV is read a 2 MB block at a time (a third of the peak memory of reading it whole).
polars parses such a block on one core and releases the GIL while it does, so with two blocks
in flight a two-core machine parses twice as fast, and memory stays bounded by the few blocks
in flight. Results come back in the items' order, and so do exceptions: a refusal in block 3
is raised before block 4's, exactly as the one-at-a-time loop would raise it.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MOST_WORKERS = 4  # beyond this the reading of the blocks, not their parsing, is the limit


def workers() -> int:
    """How many threads to map with: the cores this process may use, at most MOST_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MOST_WORKERS))


def map_in_order(function: Callable[[T], R], items: Iterable[T],
                 threads: int | None = None) -> Iterator[R]:
    """``function(item)`` for each item, computed on ``threads`` workers, yielded in order.

    At most two items per worker are taken from ``items`` ahead of the one yielded, so memory
    holds a few items, never the whole iterable. With one thread no worker is started. An
    exception from ``items`` or from ``function`` is raised where the loop would have raised
    it; the items not yet started are then dropped and the running ones finish first.
    """
    threads = workers() if threads is None else threads
    if threads <= 1:
        yield from map(function, items)
        return
    pool = ThreadPoolExecutor(threads, thread_name_prefix="lossgui-in-order")
    pending: deque[Future[R]] = deque()
    iterator = iter(items)
    try:
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                break
            except BaseException:
                # The results before it first, as the one-at-a-time loop would give them.
                while pending:
                    yield pending.popleft().result()
                raise
            pending.append(pool.submit(function, item))
            if len(pending) >= 2 * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
