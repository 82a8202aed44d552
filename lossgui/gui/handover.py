"""Handing a window's long-lived helper (its files, its learning) to the window that replaces it.

A window rebuilt in another language takes the helper over while the old window still exists
(it is deleted later). A slot of the old window left connected (a lambda is never cut by Qt)
would run on the deleted window: "Internal C++ object (MainWindow) already deleted". So every
listener of the named signals is cut, and the helper moves to the new window, which connects its
own.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import SIGNAL, QObject


def hand_over(helper: QObject, window: QObject, signatures: Iterable[str]) -> None:
    """Cut every listener of ``helper``'s ``signatures`` ("name(args)"); make it ``window``'s."""
    for signature in signatures:
        if helper.receivers(SIGNAL(signature)) > 0:  # disconnect() warns when there is none
            getattr(helper, signature.partition("(")[0]).disconnect()
    helper.setParent(window)
