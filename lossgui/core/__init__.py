"""The loss engine and the document model: numpy only. Importing Qt or pyqtgraph here is a bug.

``document.DocumentModel`` holds the data (N×K columns), the loss and the evaluations;
``evaluate`` and ``losses`` compute; the rest parse, read and write, check and explain.
"""

from lossgui.core.evaluate import Evaluation, evaluate
from lossgui.core.losses import LOSSES, Loss, get_loss
from lossgui.core.problems import (
    CellError,
    LossguiError,
    ParameterError,
    Problem,
    Severity,
    ShapeError,
    UnknownLossError,
)

__all__ = [
    "LOSSES",
    "CellError",
    "Evaluation",
    "Loss",
    "LossguiError",
    "ParameterError",
    "Problem",
    "Severity",
    "ShapeError",
    "UnknownLossError",
    "evaluate",
    "get_loss",
]
