"""The loss engine: numpy only. Importing Qt or pyqtgraph anywhere in this package is a bug."""

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
