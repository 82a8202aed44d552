"""Logits and the probabilities behind them: softmax over classes, σ for each element alone.

One home for both directions, so that the learning steps, the window's read-only probability
column and the written-out formula all turn logits into probabilities the same way.
"""

from __future__ import annotations

from enum import Enum

import numpy as np

from lossgui.core.arrays import FloatArray


class Squash(Enum):
    """How logits z become probabilities y."""

    SOFTMAX = "softmax"  # the classes of one sample share 1 (last axis)
    SIGMOID = "sigmoid"  # every element is its own yes/no probability

    @property
    def symbol(self) -> str:
        """How the window and the notes write it before (z): ``softmax`` or ``σ``, one spelling
        (the steps header said "sigmoid(z)" above a note saying "σ(z)")."""
        return "softmax" if self is Squash.SOFTMAX else "σ"

    def apply(self, z: FloatArray) -> FloatArray:
        """The probabilities of logits ``z``."""
        return softmax(z) if self is Squash.SOFTMAX else sigmoid(z)

    def chain(self, y: FloatArray, gradient: FloatArray) -> FloatArray:
        """∂E/∂z from ∂E/∂y at y = squash(z) (the Jacobian applied to the gradient)."""
        if self is Squash.SOFTMAX:
            # ∂yᵢ/∂zⱼ = yᵢ(δᵢⱼ − yⱼ), so ∂E/∂zⱼ = yⱼ(gⱼ − Σᵢ gᵢyᵢ) within each sample.
            inner = np.sum(gradient * y, axis=-1, keepdims=True)
            result: FloatArray = y * (gradient - inner)
            return result
        result = gradient * y * (1.0 - y)  # σ'(z) = σ(z)(1 − σ(z))
        return result

    def logits(self, y: FloatArray) -> FloatArray:
        """Logits whose probabilities are ``y`` (for softmax: log y, up to a shift per sample).

        Values with no logit (y ≤ 0, or y ≥ 1 for σ) give ±inf or NaN; the caller explains them.
        """
        with np.errstate(divide="ignore", invalid="ignore"):
            if self is Squash.SOFTMAX:
                result: FloatArray = np.log(y)
            else:
                result = np.log(y) - np.log1p(-y)  # log(y / (1 − y)), accurate near 0
        return result


def softmax(z: FloatArray) -> FloatArray:
    """softmax along the last axis, shifted by the largest logit so exp never overflows."""
    shifted = np.exp(z - np.max(z, axis=-1, keepdims=True))
    result: FloatArray = shifted / np.sum(shifted, axis=-1, keepdims=True)
    return result


def sigmoid(z: FloatArray) -> FloatArray:
    """σ(z) = 1/(1 + e^−z), written so that neither branch overflows."""
    e = np.exp(-np.abs(z))
    result: FloatArray = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return result


# The losses that read logits, and how they turn them into probabilities (one sample's classes
# share 1 under softmax cross-entropy; BCE with logits asks one yes/no question per element).
LOGIT_LOSSES: dict[str, Squash] = {"softmax_cee": Squash.SOFTMAX, "bce_logits": Squash.SIGMOID}
