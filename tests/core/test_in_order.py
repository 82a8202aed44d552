"""map_in_order: results and exceptions in the items' order, a bounded few items ahead."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from lossgui.core.in_order import map_in_order, workers


def _slow_for_even(item: int) -> int:
    time.sleep(0.02 if item % 2 == 0 else 0.0)  # even items finish after the odd ones
    return item * item


def test_results_come_in_the_items_order_whichever_finishes_first() -> None:
    assert list(map_in_order(_slow_for_even, range(12), threads=3)) == [i * i for i in range(12)]


def test_the_first_failing_item_is_raised_as_the_loop_would_raise_it() -> None:
    def fails_at_2_and_5(item: int) -> int:
        if item == 5:
            raise ValueError("item 5")  # finishes first: must not be the one raised
        if item == 2:
            time.sleep(0.05)
            raise ValueError("item 2")
        return item

    seen = []
    with pytest.raises(ValueError, match="item 2"):
        for result in map_in_order(fails_at_2_and_5, range(8), threads=4):
            seen.append(result)
    assert seen == [0, 1]


def test_an_error_of_the_items_themselves_comes_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield from range(3)
        raise OSError("the disk went away")

    seen = []
    with pytest.raises(OSError, match="went away"):
        for result in map_in_order(lambda item: item, items(), threads=2):
            seen.append(result)
    assert seen == [0, 1, 2]


def test_only_a_few_items_are_taken_ahead_of_the_one_yielded() -> None:
    taken = []

    def items() -> Iterator[int]:
        for item in range(100):
            taken.append(item)
            yield item

    results = map_in_order(lambda item: item, items(), threads=2)
    assert next(results) == 0
    assert len(taken) <= 2 * 2  # two per worker: memory holds a few blocks, not the file
    results.close()


def test_one_thread_maps_in_the_callers_thread() -> None:
    def thread_name(_: int) -> str:
        return threading.current_thread().name

    assert set(map_in_order(thread_name, range(3), threads=1)) == {
        threading.current_thread().name}
    assert all(name.startswith("lossgui-in-order")
               for name in map_in_order(thread_name, range(3), threads=2))


def test_no_worker_outlives_the_loop_that_stopped_early() -> None:
    results = map_in_order(_slow_for_even, range(50), threads=2)
    next(results)
    results.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("lossgui-in-order")]


def test_workers_are_the_cores_within_reason() -> None:
    assert 1 <= workers() <= 4
