"""Keep an error in our Qt overrides (showEvent, data, redo, …) from killing the process.

PySide6 6.11 on Python 3.11 segfaults (in shiboken's ``storePythonOverrideErrorOrPrint``,
reading the exception's args) when a Python override of a C++ virtual raises an exception
that C code set and no Python ``except`` ever held: ``int(nan)``, ``d[key]``, ``1 / 0``,
numpy's own errors. Such an exception is still a bare (type, message) pair in 3.11 and only
becomes an object when a handler catches it. One raised by a Python ``raise`` is an object
already, which is why ``raise ValueError`` in a showEvent is reported and ``int(nan)`` there
crashed (round 5: the Other tools tab on a batch with a blank target). It crashes when a
Python call is under way beneath the virtual (a click sent by QTest, ``widget.show()``, an
undo stack's ``push``), which in the running window is most of the time.

:func:`guard_overrides` wraps every method of our Qt classes that overrides one of its base
classes' (Qt's virtuals, and pyqtgraph's Python event handlers that Qt's reach) in a
``try``/``except: raise``: the exception is the same, now an object, and PySide reports it
through ``sys.excepthook`` (the app's :func:`lossgui.gui.app.show_exception`) or hands it to
the Python caller, as it does for any other error. tests/gui/test_overrides.py checks that
every override in lossgui.gui is wrapped and that a raising virtual leaves the app running.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import shiboken6

_GUARDED = "__lossgui_guarded__"


def guard_overrides() -> int:
    """Wrap the overrides of every Qt class defined in lossgui so far; returns how many."""
    wrapped = 0
    for cls in _lossgui_qt_classes():
        for name, member in list(vars(cls).items()):
            if _is_override(cls, name, member):
                setattr(cls, name, _guarded(member))
                wrapped += 1
    return wrapped


def unguarded_overrides() -> list[str]:
    """The overrides not wrapped yet, as ``module.Class.method`` (for the test)."""
    return [f"{cls.__module__}.{cls.__qualname__}.{name}"
            for cls in _lossgui_qt_classes()
            for name, member in vars(cls).items() if _is_override(cls, name, member)]


def _lossgui_qt_classes() -> Iterator[type]:
    """Every subclass of a Qt class that a lossgui module defines (pyqtgraph's in between)."""
    seen: set[type] = set()
    stack: list[type] = [shiboken6.Object]
    while stack:
        subclasses: list[type] = type.__subclasses__(stack.pop())
        for sub in subclasses:
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.__module__.startswith("lossgui."):
                    yield sub


def _is_override(cls: type, name: str, member: object) -> bool:
    """A plain function of ``cls`` that a base class also has (so Qt or pyqtgraph call it)."""
    if not inspect.isfunction(member) or getattr(member, _GUARDED, False):
        return False
    if name.startswith("__") and name.endswith("__"):
        return False  # __init__ and kin: Python's, not a virtual
    return any(name in vars(base) for base in cls.__mro__[1:])


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except BaseException:  # holding it makes it an object PySide can read; see above
            raise

    setattr(guarded, _GUARDED, True)
    return guarded
