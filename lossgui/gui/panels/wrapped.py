"""Wrapped labels that keep every line visible in a splitter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def fit_wrapped_height(label: QLabel) -> None:
    """Give a word-wrapped label the height its text needs at its current width.

    A splitter ignores height-for-width, so a wrapped label would otherwise be cut off.
    """
    width = label.width() if label.width() > 0 else label.sizeHint().width()
    needed = label.heightForWidth(width)
    if needed > 0 and needed != label.minimumHeight():
        label.setMinimumHeight(needed)
