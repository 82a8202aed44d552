"""Why do other tools give another number? Each common convention, computed, with its reason.

The values follow each tool's documented definition (re-derived here in numpy, none of the tools
is a dependency): the article's plain sums, the book *Deep Learning from Scratch*, PyTorch,
Keras and scikit-learn. ``None`` as a value means the tool refuses this input; ``reason`` says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.numbers import short
from lossgui.core.problems import element_name

BOOK_DELTA = 1e-7
KERAS_EPSILON = 1e-7
PYTORCH_LOG_FLOOR = -100.0


@dataclass(frozen=True)
class Convention:
    """What one tool reports for the current data, and the one-line reason it differs."""

    tool: str
    function: str
    value: float | None
    reason: str
    reason_ja: str = ""

    def explain(self, language: str) -> str:
        """The reason in ``language`` ("ja…" for Japanese, else English)."""
        return self.reason_ja if language.startswith("ja") and self.reason_ja else self.reason


def _article_sse(y: FloatArray, t: FloatArray) -> float | None:
    return float(np.sum((y - t) ** 2))


def _article_cee(y: FloatArray, t: FloatArray) -> float | None:
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(np.where(t != 0, t * np.log(y), 0.0)))


def _book_sse(y: FloatArray, t: FloatArray) -> float | None:
    return float(0.5 * np.sum((y - t) ** 2))


def _book_cee_delta(y: FloatArray, t: FloatArray) -> float | None:
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(t * np.log(y + BOOK_DELTA)))


def _book_cross_entropy_error(y: FloatArray, t: FloatArray) -> float | None:
    # The book's batch version: a one-hot t is turned into labels with argmax, so only the
    # first 1 of each row counts; the sum is divided by the batch size.
    rows_y, rows_t = np.atleast_2d(y), np.atleast_2d(t)
    labels = rows_t.argmax(axis=1)
    picked = rows_y[np.arange(rows_y.shape[0]), labels]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(np.log(picked + BOOK_DELTA)) / rows_y.shape[0])


def _keras_categorical(y: FloatArray, t: FloatArray) -> float | None:
    # Keras (float32): y is divided by its sum, clipped to [ε, 1 − ε], then −Σ t log y; the
    # batch mean of the per-sample sums.
    y32 = np.atleast_2d(y).astype(np.float32)
    t32 = np.atleast_2d(t).astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        y32 = y32 / y32.sum(axis=1, keepdims=True)
        y32 = np.clip(y32, np.float32(KERAS_EPSILON), np.float32(1 - KERAS_EPSILON))
        per_sample = -np.sum(t32 * np.log(y32), axis=1)
    return float(np.mean(per_sample))


def _pytorch_mse(y: FloatArray, t: FloatArray) -> float | None:
    return float(np.mean((y - t) ** 2))


def _pytorch_bce(y: FloatArray, t: FloatArray) -> float | None:
    if np.any((y < 0) | (y > 1)):
        return None
    with np.errstate(divide="ignore"):
        log_y = np.maximum(np.log(y), PYTORCH_LOG_FLOOR)
        log_1my = np.maximum(np.log(1 - y), PYTORCH_LOG_FLOOR)
    return float(-np.mean(t * log_y + (1 - t) * log_1my))


def _sklearn_log_loss(y: FloatArray, t: FloatArray) -> float | None:
    rows_y, rows_t = np.atleast_2d(y), np.atleast_2d(t)
    if not np.all(np.count_nonzero(rows_t, axis=1) == 1) or not np.all(np.isin(rows_t, (0, 1))):
        return None
    eps = np.finfo(np.float64).eps
    with np.errstate(divide="ignore", invalid="ignore"):
        normalised = rows_y / rows_y.sum(axis=1, keepdims=True)
        clipped = np.clip(normalised, eps, 1 - eps)
        return float(np.mean(-np.sum(rows_t * np.log(clipped), axis=1)))


Formula = Callable[[FloatArray, FloatArray], "float | None"]

_TABLE: tuple[tuple[str, str, Formula, str, str], ...] = (
    ("the article", "2乗和誤差 Σ (y−t)²", _article_sse, "A plain sum of squared differences.",
     "差の2乗をそのまま足し合わせます。"),
    ("the article", "交差エントロピー誤差 −Σ t log y", _article_cee,
     "A plain sum with no δ inside the log (so a y of 0 where t is 1 would be infinite).",
     "log の中に δ を足さずにそのまま足します(t = 1 のところで y = 0 なら無限大)。"),
    ("Deep Learning from Scratch", "sum_squared_error: ½ Σ (y−t)²", _book_sse,
     "The book multiplies by ½ so that the gradient is simply y − t.",
     "書籍は ½ を掛けて、勾配がちょうど y − t になるようにしています。"),
    ("Deep Learning from Scratch", "cross_entropy_error (1-D): −Σ t log(y + 1e-7)",
     _book_cee_delta, "The book adds δ = 1e-7 inside the log so that log 0 never happens.",
     "書籍は log の中に δ = 1e-7 を足して、log 0 にならないようにしています。"),
    ("Deep Learning from Scratch", "cross_entropy_error (batch, argmax of t)",
     _book_cross_entropy_error,
     "The batch version takes the argmax of a one-hot t, so only the first 1 of each row "
     "counts, and divides by the batch size.",
     "バッチ版は one-hot の t の argmax をとるので、各行の最初の 1 だけが数えられ、"
     "バッチサイズで割ります。"),
    ("Keras", "categorical_crossentropy (float32)", _keras_categorical,
     "Keras divides y by its sum, then clips to [1e-7, 1 − 1e-7], in float32.",
     "Keras は y をその合計で割ってから [1e-7, 1 − 1e-7] にクリップし、float32 で計算します。"),
    ("PyTorch", "mse_loss (reduction='mean')", _pytorch_mse,
     "PyTorch's default reduction is the mean over elements, not the sum.",
     "PyTorch の既定の reduction は合計ではなく要素の平均です。"),
    ("PyTorch", "binary_cross_entropy (mean)", _pytorch_bce,
     "Each element is a separate yes/no question, t = 0 terms count too; log is clamped at −100.",
     "各要素を別々の2択問題として扱うので t = 0 の項も数えます。log は −100 で下限を切ります。"),
    ("scikit-learn", "log_loss", _sklearn_log_loss,
     "Renormalises y to sum 1 and clips at float64 ε; it refuses a t that is not one class per "
     "sample (two 1s would be multi-label).",
     "y を合計 1 に正規化し float64 の ε でクリップします。1サンプルに正解が1つでない t"
     "(1 が2つならマルチラベル)は受け付けません。"),
)


def compare(y: FloatArray, t: FloatArray) -> list[Convention]:
    """Every convention in the table, evaluated on this prediction and target."""
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    return [Convention(tool, function, formula(y, t), reason, reason_ja)
            for tool, function, formula, reason, reason_ja in _TABLE]


def input_remarks(y: FloatArray, t: FloatArray, language: str = "en") -> list[str]:
    """Plain-language remarks on the input beside the conventions ("t has two 1s", …)."""
    ja = language.startswith("ja")
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    remarks = []
    ones = int(np.count_nonzero(t == 1))
    if ones > 1:
        remarks.append(f"t には 1 が {ones} 個 — マルチラベルですか?" if ja
                       else f"t has {ones} ones — is this multi-label?")
    total = float(np.nansum(y))
    if not np.isclose(total, 1.0):
        remarks.append(f"y の合計は {short(total)} で、1 ではありません" if ja
                       else f"y sums to {short(total)}, not 1")
    for k in np.flatnonzero((y == 0) & (t == 1))[:5]:
        index = (int(k),)
        y_k, t_k = element_name("y", index), element_name("t", index)
        remarks.append(
            f"{t_k} が 1 なのに {y_k} が 0 です" if ja else f"{y_k} is 0 where {t_k} is 1"
        )
    return remarks
