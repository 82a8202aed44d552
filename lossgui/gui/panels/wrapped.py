"""Wrapped labels that keep every line visible in a splitter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def fit_wrapped_height(label: QLabel) -> None:
    """Give a word-wrapped label the height its text needs at its current width.

    A splitter ignores height-for-width, so a wrapped label would otherwise be cut off.
    The minimum set here is taken off before measuring: QLabel never measures itself below
    its minimum, so a label could only grow (after a 3-line text, a 2-line one kept 3 lines'
    height, a blank gap under the loss's formula).
    """
    width = label.width() if label.width() > 0 else label.sizeHint().width()
    old = label.minimumHeight()
    label.setMinimumHeight(0)
    needed = label.heightForWidth(width)
    label.setMinimumHeight(old)
    if needed > 0 and needed != label.minimumHeight():
        label.setMinimumHeight(needed)
