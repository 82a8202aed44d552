"""Wrapped labels that keep every line visible in a splitter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

LINE_PROBE = "Ag あ漢"  # a line with Latin and CJK glyphs: CJK fallback fonts draw taller lines


def lines_height(label: QLabel, lines: int) -> int:
    """The height ``lines`` lines of ``label``'s font take, CJK fallback glyphs included (the
    font's own line spacing is that of its Latin glyphs)."""
    probe = QLabel("\n".join([LINE_PROBE] * lines))
    probe.setFont(label.font())
    return max(probe.sizeHint().height(), lines * label.fontMetrics().lineSpacing())


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
