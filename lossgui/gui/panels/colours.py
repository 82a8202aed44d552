"""One colour per prediction, shared by the plot, its legend and the results table."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Okabe–Ito: told apart by colour-blind readers too, and readable on white.
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000",
            "#F0E442")


def prediction_colour(index: int) -> QColor:
    """The colour of the ``index``-th prediction (0-based), cycling after eight."""
    return QColor(_PALETTE[index % len(_PALETTE)])
