"""Plain-Python change notification: an ``Event`` holds callbacks and calls them with a value.

The core's document model says what changed through these, so it needs no Qt; the GUI's
adapter connects a callback that re-emits each event as a Qt signal (napari's evented models
and glue's Qt-free command stack are built the same way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Event(Generic[T]):
    """Callbacks to call, in the order they were connected, each time ``emit`` is called."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> None:
        """Call ``callback(value)`` on every ``emit(value)`` from now on."""
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], object]) -> None:
        """Stop calling ``callback`` (ValueError if it was not connected)."""
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        """Call every connected callback with ``value``."""
        for callback in list(self._callbacks):  # a callback may disconnect itself
            callback(value)
