"""The array types every module names: one alias each, so a signature reads the same everywhere."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
"""Values of t, y, contributions and gradients: float64, NaN for a blank cell."""

BoolArray = NDArray[np.bool_]
"""A mask over elements (flagged, usable, missing)."""

IntArray = NDArray[np.intp]
"""Element indices (the points a downsampled curve keeps)."""
