"""Why do other tools give another number? Each common convention, computed, with its reason.

The values follow each tool's definition (re-derived here in numpy, none of the tools is a
dependency): the article's plain sums, the book *Deep Learning from Scratch*, PyTorch, Keras and
scikit-learn. ``None`` as a value means the tool refuses this input; ``reason`` says why. Every
library row names the versions it describes (``version``), measured with the real libraries:
tests/core/data/{torch,keras,sklearn_log_loss}.jsonl, by the probe scripts beside them.

Each function is given the whole N×K batch (a vector is one sample) and reduces it as that
function does by default: the article's and the book's sums add every element, the libraries
take their mean.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lossgui.core.arrays import FloatArray
from lossgui.core.checks import samples_off_one, usable_samples
from lossgui.core.classes import NotOneHot, class_indices
from lossgui.core.evaluate import evaluate
from lossgui.core.losses import InputKind, get_loss
from lossgui.core.names import TARGET_SYMBOL, class_index_of, element_of
from lossgui.core.numbers import short
from lossgui.core.params import ParamValue
from lossgui.core.problems import counted, element_name, in_language, label
from lossgui.core.ranges import sample_sums

BOOK_DELTA = 1e-7
KERAS_EPSILON = 1e-7
PYTORCH_LOG_FLOOR = -100.0
# The versions measured (tests/core/data/*.jsonl): PyTorch 2.13.0 (the one CPU wheel at hand);
# Keras 3.0.5, 3.1.1, 3.2.1, 3.3.3, 3.6.0, 3.9.2, 3.12.0 and 3.15.1 gave the same numbers.
PYTORCH_VERSIONS = "2.13"
KERAS_VERSIONS = "3.0–3.15"
# What the general table's functions read; under a loss reading anything else (logits, scores,
# log-probabilities, rates) they would take those numbers for probabilities, so they are left out.
READ_AS_PROBABILITIES = frozenset({InputKind.PROBABILITY, InputKind.REAL})


@dataclass(frozen=True)
class Convention:
    """What one tool reports for the current data, and the one-line reason it differs."""

    tool: str
    function: str
    value: float | None
    reason: str
    reason_ja: str = ""
    version: str = ""  # the library versions described ("2.13", "3.0–3.15"); "" for a book

    @property
    def label(self) -> str:
        """The tool with the versions it describes: "PyTorch 2.13", "scikit-learn 1.3–1.4"."""
        return f"{self.tool} {self.version}" if self.version else self.tool

    def explain(self, language: str) -> str:
        """The reason in ``language`` ("ja…" for Japanese, else English)."""
        return self.reason_ja if language.startswith("ja") and self.reason_ja else self.reason


Formula = Callable[[FloatArray, FloatArray], "float | None"]


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


def _pytorch_bce(y: FloatArray, t: FloatArray, reduction: str = "mean") -> float | None:
    if np.any((y < 0) | (y > 1)):
        return None
    with np.errstate(divide="ignore"):
        log_y = np.maximum(np.log(y), PYTORCH_LOG_FLOOR)
        log_1my = np.maximum(np.log(1 - y), PYTORCH_LOG_FLOOR)
    terms = t * log_y + (1 - t) * log_1my
    return float(-(np.sum(terms) if reduction == "sum" else np.mean(terms)))


def _pytorch_nll_of_log(y: FloatArray, t: FloatArray, reduction: str = "mean") -> float | None:
    # nll_loss(torch.log(y), c): −log y[c] per sample, nothing added or clipped (log 0 = −∞,
    # so the loss is ∞); the mean over the N samples or their sum. Class indices exist only
    # for one-hot samples: that is lossgui's cee (eps 0) of a one-hot t.
    if not _one_class_each(t):
        return None
    return evaluate("cee", y, t, eps=0.0, reduction=reduction).total


def _keras_sparse_categorical(y: FloatArray, t: FloatArray) -> float | None:
    # Keras 3 sparse_categorical_crossentropy(t, y) on probabilities: categorical_crossentropy
    # of the one-hot rows (y divided by its sum, clipped, float32).
    return _keras_categorical(y, t) if _one_class_each(t) else None


def _pytorch_cross_entropy_of_probabilities(y: FloatArray, t: FloatArray) -> float | None:
    # cross_entropy(y, t) where y is already softmax's output: it takes y for logits and applies
    # softmax again: lossgui's softmax_cee of y (reduction mean, float64), class indices or
    # probabilities as targets alike.
    return evaluate("softmax_cee", y, t, reduction="mean").total


def _sklearn_log_loss(renormalises: bool, refuses_outside: bool) -> Formula:
    """scikit-learn's ``log_loss`` on a one-hot (or multi-hot) t, as a given version computes it.

    Measured on 1.3.2 … 1.9.1 (tests/core/data/sklearn_log_loss.jsonl): y is clipped to
    [ε, 1 − ε] (float64 ε), and before 1.5 each row is then divided by its sum. From 1.7 a y
    below 0 or above 1 is refused. Every version refuses a missing value, targets that are not
    0 or 1, and a single class (K = 1); several 1s are taken as they are.
    """

    def formula(y: FloatArray, t: FloatArray) -> float | None:
        rows_y, rows_t = np.atleast_2d(y), np.atleast_2d(t)
        if rows_y.shape[-1] < 2 or not np.isfinite(rows_y).all() \
                or not np.isin(rows_t, (0, 1)).all():
            return None
        if refuses_outside and ((rows_y < 0) | (rows_y > 1)).any():
            return None
        eps = np.finfo(np.float64).eps
        clipped = np.clip(rows_y, eps, 1 - eps)
        if renormalises:
            clipped = clipped / clipped.sum(axis=1, keepdims=True)
        return float(np.mean(-np.sum(rows_t * np.log(clipped), axis=1)))

    return formula


# tool, versions, function, formula, reason (English, Japanese)
_TABLE: tuple[tuple[str, str, str, Formula, str, str], ...] = (
    ("the article", "", "2乗和誤差 Σ (y−t)²", _article_sse, "A plain sum of squared differences.",
     "差の2乗をそのまま足し合わせます。"),
    ("the article", "", "交差エントロピー誤差 −Σ t log y", _article_cee,
     "A plain sum with no δ inside the log (so a y of 0 where t is 1 would be infinite).",
     "log の中に δ を足さずにそのまま足します(t = 1 のところで y = 0 なら無限大)。"),
    ("Deep Learning from Scratch", "", "sum_squared_error: ½ Σ (y−t)²", _book_sse,
     "The book multiplies by ½ so that the gradient is simply y − t.",
     "書籍は ½ を掛けて、勾配がちょうど y − t になるようにしています。"),
    ("Deep Learning from Scratch", "", "cross_entropy_error (1-D): −Σ t log(y + 1e-7)",
     _book_cee_delta, "The book adds δ = 1e-7 inside the log so that log 0 never happens.",
     "書籍は log の中に δ = 1e-7 を足して、log 0 にならないようにしています。"),
    ("Deep Learning from Scratch", "", "cross_entropy_error (batch, argmax of t)",
     _book_cross_entropy_error,
     "The batch version takes the argmax of a one-hot t, so only the first 1 of each row "
     "counts, and divides by the batch size.",
     "バッチ版は one-hot の t の argmax をとるので、各行の最初の 1 だけが数えられ、"
     "バッチサイズで割ります。"),
    ("Keras", KERAS_VERSIONS, "categorical_crossentropy (float32)", _keras_categorical,
     "Keras divides y by its sum, then clips to [1e-7, 1 − 1e-7], in float32.",
     "Keras は y をその合計で割ってから [1e-7, 1 − 1e-7] にクリップし、float32 で計算します。"),
    ("Keras", KERAS_VERSIONS, "sparse_categorical_crossentropy(t, y) (float32)",
     _keras_sparse_categorical,
     "t as class indices, y as probabilities: as categorical_crossentropy, y is divided by its "
     "sum and clipped to [1e-7, 1 − 1e-7], in float32. A sample that is not one-hot has no "
     "class index.",
     "t をクラス番号、y を確率として渡します。categorical_crossentropy と同じく y をその合計で"
     "割って [1e-7, 1 − 1e-7] にクリップし、float32 で計算します。one-hot でないサンプルには"
     "クラス番号がありません。"),
    ("PyTorch", PYTORCH_VERSIONS, "mse_loss (reduction='mean')", _pytorch_mse,
     "PyTorch's default reduction is the mean over elements, not the sum.",
     "PyTorch の既定の reduction は合計ではなく要素の平均です。"),
    ("PyTorch", PYTORCH_VERSIONS, "nll_loss(torch.log(y), class indices) (reduction='mean')",
     _pytorch_nll_of_log,
     "The call for probabilities with class indices: the mean over the N samples of −log y[c], "
     "nothing added or clipped (the article's cee ÷ N). A sample that is not one-hot has no "
     "class index.",
     "確率とクラス番号のための呼び方です。N サンプルでの −log y[c] の平均で、何も足さず"
     "クリップもしません(記事の交差エントロピー誤差 ÷ N)。one-hot でないサンプルには"
     "クラス番号がありません。"),
    ("PyTorch", PYTORCH_VERSIONS, "cross_entropy(y, t) on softmax's output y (a mistake)",
     _pytorch_cross_entropy_of_probabilities,
     "The classic mistake behind \"why is my loss different\": cross_entropy applies softmax "
     "itself, so probabilities given to it are put through softmax twice. softmax of numbers in "
     "[0, 1] is nearly flat, so the loss stays near log K however good y is. Give it the "
     "logits z, or use nll_loss(torch.log(y), t).",
     "「なぜ損失が違うのか」のよくある原因です。cross_entropy は自分で softmax をかけるので、"
     "確率を渡すと softmax が2回かかります。0〜1 の数の softmax はほぼ平らなので、y がどれほど"
     "良くても損失は log K 近くにとどまります。ロジット z を渡すか、"
     "nll_loss(torch.log(y), t) を使ってください。"),
    ("PyTorch", PYTORCH_VERSIONS, "binary_cross_entropy (reduction='mean')", _pytorch_bce,
     "Each element is a separate yes/no question, t = 0 terms count too; log is clamped at −100.",
     "各要素を別々の2択問題として扱うので t = 0 の項も数えます。log は −100 で下限を切ります。"),
    ("scikit-learn", "1.3–1.4", "log_loss", _sklearn_log_loss(True, False),
     "scikit-learn 1.3–1.4 clip y to [ε, 1 − ε] (float64 ε), then renormalise each row to sum "
     "1 (warning that 1.5 will stop). Several 1s in t are taken, each adding its −log y; soft "
     "targets and a single class are refused.",
     "scikit-learn 1.3〜1.4 は y を [ε, 1 − ε](float64 の ε)にクリップしてから、各行を合計 1 "
     "に正規化します(1.5 でやめると警告)。t に 1 が複数あってもそのまま受け付け、それぞれが "
     "−log y を足します。0/1 でない t と1クラスだけの入力は受け付けません。"),
    ("scikit-learn", "1.5–1.6", "log_loss", _sklearn_log_loss(False, False),
     "From 1.5 scikit-learn no longer renormalises: y is only clipped to [ε, 1 − ε], with a "
     "warning when it does not sum to 1. Several 1s in t are taken; soft targets and a single "
     "class are refused.",
     "1.5 から scikit-learn は正規化しません。y を [ε, 1 − ε] にクリップするだけで、合計が 1 "
     "でなければ警告します。t に 1 が複数あっても受け付け、0/1 でない t と1クラスだけの入力は"
     "受け付けません。"),
    ("scikit-learn", "1.7–1.9", "log_loss", _sklearn_log_loss(False, True),
     "As 1.5–1.6, but from 1.7 a y below 0 or above 1 is refused instead of clipped.",
     "1.5〜1.6 と同じですが、1.7 からは 0 未満や 1 を超える y をクリップせずに拒否します。"),
)


# --- framework defaults that differ, for the losses of the wider catalogue ----------------------
# Each is shown only under the losses it is about; the values re-derive the named version's code.


def _torch_kl_div_mean(y: FloatArray, t: FloatArray) -> float | None:
    # PyTorch 2.x kl_div(log y, t) with the default reduction='mean': the sum over every
    # element divided by their number N·K (it warns that 'batchmean', ÷N, is the true KL).
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(t != 0, t * (np.log(t) - np.log(y)), 0.0)
    return float(np.sum(terms) / t.size)


def _class_indices_text(t: FloatArray) -> tuple[str, str]:
    """This t's class indices as torch would be given them ("tensor([1, 0, 2])", the first 8),
    or what they would be when t is not one class per sample (English, Japanese)."""
    found = class_indices(np.atleast_2d(t))
    if isinstance(found, NotOneHot):
        return ("one integer per sample", "サンプルごとに整数1つ")
    # A blank sample has no index: "?" as the window's bars say it (int(nan) raised, and the
    # window died as Other tools was opened on a batch with a blank target).
    shown = ", ".join(str(int(c)) if math.isfinite(c) else "?" for c in found[:8])
    text = f"tensor([{shown}{', …' if len(found) > 8 else ''}])"
    return (f"here {text}", f"ここでは {text}")


def _keras_hinge_labels(t: FloatArray) -> FloatArray:
    # Keras 3 convert_binary_labels_to_hinge: 2t − 1 only when *every* label is 0 or 1.
    binary = bool(np.all((t == 0) | (t == 1)))
    converted: FloatArray = 2.0 * t - 1.0 if binary else t
    return converted


def _keras_hinge(y: FloatArray, t: FloatArray) -> float | None:
    return float(np.mean(np.maximum(1.0 - _keras_hinge_labels(t) * y, 0.0)))


def _keras_squared_hinge(y: FloatArray, t: FloatArray) -> float | None:
    return float(np.mean(np.maximum(1.0 - _keras_hinge_labels(t) * y, 0.0) ** 2))


def _sklearn_mape(y: FloatArray, t: FloatArray) -> float | None:
    # scikit-learn mean_absolute_percentage_error: a fraction (no ×100), |t| floored at float64 ε.
    eps = np.finfo(np.float64).eps
    return float(np.mean(np.abs(y - t) / np.maximum(np.abs(t), eps)))


def _keras_msle(y: FloatArray, t: FloatArray) -> float | None:
    # Keras 3 mean_squared_logarithmic_error: max(x, 1e-7) before log(x + 1), for y and t.
    first = np.log(np.maximum(y, KERAS_EPSILON) + 1.0)
    second = np.log(np.maximum(t, KERAS_EPSILON) + 1.0)
    return float(np.mean((first - second) ** 2))


def _torch_poisson_default(y: FloatArray, t: FloatArray) -> float | None:
    # PyTorch poisson_nll_loss defaults: log_input=True, so y is log λ: mean(eʸ − t·y).
    with np.errstate(over="ignore"):
        return float(np.mean(np.exp(y) - t * y))


def _keras_poisson(y: FloatArray, t: FloatArray) -> float | None:
    # Keras 3 poisson: y is the rate λ itself, mean(y − t·log(y + 1e-7)).
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.mean(y - t * np.log(y + KERAS_EPSILON)))


def _torch_soft_margin(y: FloatArray, t: FloatArray) -> float | None:
    # PyTorch soft_margin_loss evaluates log(1 + e^(−t·y)) as written: e^(−t·y) overflows to
    # inf past −t·y ≈ 709.8 in float64 (≈ 88.7 in float32), and so does the loss.
    with np.errstate(over="ignore"):
        return float(np.mean(np.log1p(np.exp(-t * y))))


def _crammer_singer(y: FloatArray, t: FloatArray) -> float | None:
    # The textbook multi-class hinge (Crammer & Singer 2001): max(0, 1 + max_{i≠c} zᵢ − z_c),
    # for one-hot t; Keras's max((1 − t)·z) also sees the 0 at the correct class.
    rows_y, rows_t = np.atleast_2d(y), np.atleast_2d(t)
    if not np.all(np.count_nonzero(rows_t, axis=1) == 1) or not np.all(np.isin(rows_t, (0, 1))):
        return None
    correct = rows_t.argmax(axis=1)
    picked = rows_y[np.arange(len(rows_y)), correct]
    rivals = np.where(rows_t == 1, -np.inf, rows_y).max(axis=1)
    return float(np.mean(np.maximum(0.0, 1.0 + rivals - picked)))


# losses, tool, versions, function, formula, reason (English, Japanese)
_BY_LOSS: tuple[tuple[frozenset[str], str, str, str, Formula, str, str], ...] = (
    (frozenset({"kl"}), "PyTorch", PYTORCH_VERSIONS, "kl_div(log y, t) (reduction='mean')",
     _torch_kl_div_mean,
     "PyTorch's default 'mean' divides the sum by every element (N·K), not by the N samples: "
     "use reduction='batchmean' for the KL divergence per sample (lossgui's mean); lossgui "
     "reads a vector as one sample, so give torch y.unsqueeze(0) and t.unsqueeze(0) too.",
     "PyTorch の既定の 'mean' は合計を全要素数 N·K で割ります(サンプル数 N ではありません)。"
     "1サンプルあたりの KL ダイバージェンス(lossgui の mean)には reduction='batchmean' を"
     "使います。lossgui はベクトルを1サンプルとして読むので、torch には y.unsqueeze(0) と "
     "t.unsqueeze(0) も渡してください。"),
    (frozenset({"hinge"}), "Keras", KERAS_VERSIONS, "hinge", _keras_hinge,
     "Keras turns 0/1 labels into −1/+1 only when every label is 0 or 1; mixed with −1, a 0 "
     "stays 0 (cost 1 whatever y). lossgui reads each 0 as −1.",
     "Keras は全部のラベルが 0 か 1 のときだけ −1/+1 に変換します。−1 と混ざると 0 は 0 の"
     "まま(y によらず損失 1)。lossgui はどの 0 も −1 として読みます。"),
    (frozenset({"squared_hinge"}), "Keras", KERAS_VERSIONS, "squared_hinge", _keras_squared_hinge,
     "As Keras hinge: 0/1 labels become −1/+1 only when every label is 0 or 1.",
     "Keras の hinge と同じく、全部のラベルが 0 か 1 のときだけ −1/+1 に変換します。"),
    (frozenset({"mape"}), "scikit-learn", "1.3–1.9", "mean_absolute_percentage_error",
     _sklearn_mape,
     "A fraction, not a percentage (no ×100), and |t| is floored at float64 ε ≈ 2.2e-16 "
     "instead of Keras 3.0–3.15's 1e-7 (lossgui's default), so t = 0 costs even more.",
     "百分率ではなく割合(×100 しない)で、|t| の下限は Keras 3.0〜3.15 の 1e-7(lossgui の"
     "既定)ではなく float64 の ε ≈ 2.2e-16 なので、t = 0 ではさらに大きくなります。"),
    (frozenset({"msle"}), "Keras", KERAS_VERSIONS, "mean_squared_logarithmic_error", _keras_msle,
     "Keras replaces every y and t below 1e-7 by 1e-7 first, so negative values count as 0; "
     "lossgui (as scikit-learn) uses log(1 + x) as it is.",
     "Keras は 1e-7 未満の y と t を先に 1e-7 に置き換えるので、負の値は 0 として扱われます。"
     "lossgui は(scikit-learn と同じく)log(1 + x) をそのまま使います。"),
    (frozenset({"poisson"}), "PyTorch", PYTORCH_VERSIONS,
     "poisson_nll_loss (defaults, log_input=True)",
     _torch_poisson_default,
     "PyTorch's default reads y as log λ: eʸ − t·y. lossgui's default is the same.",
     "PyTorch の既定は y を log λ として読みます: eʸ − t·y。lossgui の既定も同じです。"),
    (frozenset({"poisson"}), "Keras", KERAS_VERSIONS, "poisson", _keras_poisson,
     "Keras reads y as the rate λ itself: y − t·log(y + 1e-7), i.e. log_input false with "
     "eps 1e-7.",
     "Keras は y を率 λ そのものとして読みます: y − t·log(y + 1e-7)。log_input を false、"
     "eps を 1e-7 にしたのと同じです。"),
    (frozenset({"soft_margin"}), "PyTorch", PYTORCH_VERSIONS, "soft_margin_loss",
     _torch_soft_margin,
     "PyTorch computes log(1 + e^(−t·y)) as written, so −t·y above ≈ 710 (≈ 89 in float32) "
     "overflows to ∞; lossgui's stable form gives ≈ −t·y.",
     "PyTorch は log(1 + e^(−t·y)) を式のまま計算するので、−t·y が約 710(float32 では約 89)"
     "を超えると ∞ になります。lossgui の安定な形では約 −t·y です。"),
    (frozenset({"categorical_hinge"}), "Crammer & Singer", "", "max(0, 1 + max_{i≠c} zᵢ − z_c)",
     _crammer_singer,
     "The textbook multi-class hinge uses the largest wrong score; Keras 3.0–3.15's "
     "max((1 − t)·z) (lossgui's categorical_hinge) also sees the 0 at the correct class, so "
     "when every wrong score is negative it uses 0.",
     "教科書の多クラスヒンジは誤りクラスの最大スコアを使います。Keras 3.0〜3.15 の "
     "max((1 − t)·z)(lossgui の categorical_hinge)は"
     "正解クラスの 0 も含むので、誤りクラスのスコアが全部負なら 0 を使います。"),
)


# --- the functions a user of logits reaches for ---------------------------------------------------


def _log_softmax(z: NDArray[np.floating[Any]]) -> NDArray[np.floating[Any]]:
    """log softmax along the last axis in z's own precision (float32 for Keras)."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    norm = np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
    result: NDArray[np.floating[Any]] = shifted - norm
    return result


def _one_class_each(t: FloatArray) -> bool:
    """Whether every sample of t is one-hot, so that it can be given as class indices."""
    return not isinstance(class_indices(np.atleast_2d(t)), NotOneHot)


def _torch_cross_entropy(z: FloatArray, t: FloatArray, smoothing: float,
                         indices: bool, reduction: str = "mean") -> float | None:
    # PyTorch cross_entropy is lossgui's softmax_cee with the same reduction (float64): the same
    # rule, so the same code. Class indices exist only for one-hot samples.
    if indices and not _one_class_each(t):
        return None
    return evaluate("softmax_cee", z, t, label_smoothing=smoothing, reduction=reduction).total


def _keras_categorical_logits(z: FloatArray, t: FloatArray, smoothing: float,
                              sparse: bool) -> float | None:
    # Keras 3 (float32, torch backend): label_smoothing makes t·(1 − ε) + ε/K; the sparse class
    # takes class indices and has no label_smoothing argument.
    if sparse and not _one_class_each(t):
        return None
    z32 = np.atleast_2d(z).astype(np.float32)
    t32 = np.atleast_2d(t).astype(np.float32)
    if smoothing and not sparse:
        t32 = t32 * np.float32(1 - smoothing) + np.float32(smoothing / t32.shape[-1])
    per_sample = -np.sum(t32 * _log_softmax(z32), axis=-1)
    return float(np.mean(per_sample))


def _torch_bce_logits(z: FloatArray, t: FloatArray) -> float | None:
    # PyTorch binary_cross_entropy_with_logits is lossgui's bce_logits (float64, mean).
    return evaluate("bce_logits", z, t).total


def _keras_binary_logits(z: FloatArray, t: FloatArray) -> float | None:
    # Keras 3 BinaryCrossentropy(from_logits=True): max(z, 0) − z·t + log(1 + e^−|z|) in float32,
    # the mean over each sample's elements, then over the samples.
    z32, t32 = np.atleast_2d(z).astype(np.float32), np.atleast_2d(t).astype(np.float32)
    terms = np.maximum(z32, 0) - z32 * t32 + np.log1p(np.exp(-np.abs(z32)))
    return float(np.mean(np.mean(terms, axis=-1)))


def _smoothing_suffix(smoothing: float) -> str:
    return f", label_smoothing={short(smoothing)}" if smoothing else ""


def _logit_rows(loss_id: str | None, z: FloatArray, t: FloatArray,
                params: Mapping[str, ParamValue]) -> list[Convention]:
    """What PyTorch and Keras report for logits, under the losses that read them."""
    if loss_id == "bce_logits":
        return [
            Convention("PyTorch", "binary_cross_entropy_with_logits(z, t) (reduction='mean')",
                       _torch_bce_logits(z, t),
                       "The mean over every element (reduction='mean'), in float64: lossgui's "
                       "bce_logits with reduction mean.",
                       "全要素の平均(reduction='mean')を float64 で計算します。lossgui の "
                       "bce_logits(reduction mean)と同じです。", PYTORCH_VERSIONS),
            Convention("Keras", "BinaryCrossentropy(from_logits=True)", _keras_binary_logits(z, t),
                       "The mean over each sample's elements, then over the samples, in float32 "
                       "(so the last digits differ).",
                       "各サンプルの要素で平均してからサンプルで平均し、float32 で計算します"
                       "(そのため下の桁が違います)。", KERAS_VERSIONS),
        ]
    if loss_id != "softmax_cee":
        return []
    smoothing = float(params.get("label_smoothing", 0.0))
    suffix = _smoothing_suffix(smoothing)
    indices = _class_indices_text(t)
    return [
        Convention("PyTorch", f"cross_entropy(z, class indices{suffix}) (reduction='mean')",
                   _torch_cross_entropy(z, t, smoothing, indices=True),
                   f"t as class indices ({indices[0]}), each sample's one 1: the mean over "
                   "the N samples of −log softmax(z)[c] (reduction='mean'), label_smoothing as set "
                   "on the left, in float64. A sample that is not one-hot has no class index.",
                   f"t をクラス番号({indices[1]})として、各サンプルのただ1つの 1 を渡し"
                   "ます。N サンプルでの −log softmax(z)[c] の平均(reduction='mean')で、"
                   "label_smoothing は左の設定のまま、float64 で計算します。one-hot でない"
                   "サンプルにはクラス番号がありません。", PYTORCH_VERSIONS),
        Convention("PyTorch", f"cross_entropy(z, probabilities{suffix}) (reduction='mean')",
                   _torch_cross_entropy(z, t, smoothing, indices=False),
                   "t as class probabilities (a float tensor shaped like z), taken as they are: "
                   "the mean over the N samples of −Σ t log softmax(z). For a one-hot t the same "
                   "as with class indices.",
                   "t をクラスの確率(z と同じ形の float のテンソル)としてそのまま渡します。"
                   "N サンプルでの −Σ t log softmax(z) の平均です。one-hot の t ならクラス番号と"
                   "同じ値です。",
                   PYTORCH_VERSIONS),
        Convention("Keras", f"CategoricalCrossentropy(from_logits=True{suffix})",
                   _keras_categorical_logits(z, t, smoothing, sparse=False),
                   "One-hot or soft t, the mean over the samples, in float32 (so the last digits "
                   "differ); label_smoothing makes t·(1 − ε) + ε/K, as PyTorch.",
                   "one-hot でもソフトな t でもよく、サンプルでの平均を float32 で計算します(その"
                   "ため下の桁が違います)。label_smoothing は PyTorch と同じく t·(1 − ε) + ε/K "
                   "にします。", KERAS_VERSIONS),
        Convention("Keras", "SparseCategoricalCrossentropy(from_logits=True)",
                   _keras_categorical_logits(z, t, smoothing, sparse=True),
                   "t as class indices, the mean over the samples, in float32. It has no "
                   "label_smoothing argument, so a smoothing set on the left is not applied.",
                   "t をクラス番号として、サンプルでの平均を float32 で計算します。label_smoothing "
                   "の引数がないので、左で設定した smoothing はかかりません。", KERAS_VERSIONS),
    ]


# --- the functions of real numbers, under the regression losses ---------------------------------

SKLEARN_VERSIONS = "1.3–1.9"


def _keras_regression(kind: str, delta: float = 1.0) -> Formula:
    """Keras 3 MeanSquaredError / MeanAbsoluteError / Huber (float32): the mean over each
    sample's elements, then over the samples (a vector is one sample)."""

    def formula(y: FloatArray, t: FloatArray) -> float | None:
        d = np.atleast_2d(y).astype(np.float32) - np.atleast_2d(t).astype(np.float32)
        a = np.abs(d)
        half = np.float32(0.5)
        if kind == "mse":
            terms = d * d
        elif kind == "mae":
            terms = a
        else:  # ½d² up to delta, then delta·|d| − ½delta², as PyTorch's huber_loss
            d32 = np.float32(delta)
            terms = np.where(a <= d32, half * d * d, d32 * a - half * d32 * d32)
        return float(np.mean(np.mean(terms, axis=-1)))

    return formula


def _sklearn_regression(squared: bool) -> Formula:
    """scikit-learn mean_squared_error / mean_absolute_error(t, y): each column (output) is
    averaged over the samples, then the columns are (multioutput='uniform_average')."""

    def formula(y: FloatArray, t: FloatArray) -> float | None:
        d = (t - y).reshape(len(t), -1)
        terms = d ** 2 if squared else np.abs(d)
        return float(np.mean(np.mean(terms, axis=0)))

    return formula


def reads_real_numbers(loss_id: str | None, params: Mapping[str, ParamValue] | None = None
                       ) -> bool:
    """Whether this is a regression loss of real numbers (mse, mae, huber, …), under which the
    regression functions apply and the functions of probabilities do not. The article's sse is
    the exception: the article puts it on probabilities, beside cee."""
    if loss_id is None or loss_id == "sse":
        return False
    given = _defaults(loss_id) | dict(params or {})
    return get_loss(loss_id).expects_for(given) is InputKind.REAL


def _regression_rows(loss_id: str | None, y: FloatArray, t: FloatArray,
                     params: Mapping[str, ParamValue]) -> list[Convention]:
    """What PyTorch, Keras and scikit-learn report for real numbers, under a regression loss.

    PyTorch's four are lossgui's own losses of the same names (the same rule, so the same code);
    huber's delta and smooth_l1's beta follow the parameters set on the left under those losses.
    """
    if not reads_real_numbers(loss_id, params):
        return []
    delta = float(params.get("delta", 1.0)) if loss_id == "huber" else 1.0
    beta = float(params.get("beta", 1.0)) if loss_id == "smooth_l1" else 1.0
    mean = "reduction='mean'"

    def torch(loss: str, **extra: float) -> float | None:
        return evaluate(loss, y, t, reduction="mean", **extra).total

    return [
        Convention("PyTorch", f"mse_loss ({mean})", torch("mse"),
                   "The mean of (y − t)² over every element, in float64: lossgui's mse.",
                   "全要素での (y − t)² の平均を float64 で計算します。lossgui の mse と同じです。",
                   PYTORCH_VERSIONS),
        Convention("PyTorch", f"l1_loss ({mean})", torch("mae"),
                   "The mean of |y − t| over every element: lossgui's mae. An outlier counts by "
                   "its distance, not by its square.",
                   "全要素での |y − t| の平均です。lossgui の mae と同じです。外れ値は2乗ではなく"
                   "距離のまま数えます。", PYTORCH_VERSIONS),
        Convention("PyTorch", f"huber_loss (delta={short(delta)}, {mean})",
                   torch("huber", delta=delta),
                   "½d² where |d| < delta, else delta·(|d| − ½delta) (d = y − t), the mean over "
                   "every element: lossgui's huber with this delta.",
                   "|d| < delta なら ½d²、そうでなければ delta·(|d| − ½delta)(d = y − t)で、"
                   "全要素の平均です。この delta の lossgui の huber と同じです。",
                   PYTORCH_VERSIONS),
        Convention("PyTorch", f"smooth_l1_loss (beta={short(beta)}, {mean})",
                   torch("smooth_l1", beta=beta),
                   "½d²/beta where |d| < beta, else |d| − ½beta: huber_loss divided by beta "
                   "(with beta = 1 the same as huber_loss with delta = 1): lossgui's smooth_l1.",
                   "|d| < beta なら ½d²/beta、そうでなければ |d| − ½beta で、huber_loss を beta "
                   "で割ったものです(beta = 1 なら delta = 1 の huber_loss と同じ)。lossgui の "
                   "smooth_l1 と同じです。", PYTORCH_VERSIONS),
        Convention("Keras", "MeanSquaredError (float32)", _keras_regression("mse")(y, t),
                   "The mean over each sample's elements, then over the samples: the same mean "
                   "as PyTorch's, in float32 (so the last digits differ).",
                   "各サンプルの要素で平均してからサンプルで平均します。PyTorch と同じ平均を "
                   "float32 で計算します(そのため下の桁が違います)。", KERAS_VERSIONS),
        Convention("Keras", "MeanAbsoluteError (float32)", _keras_regression("mae")(y, t),
                   "The mean of |y − t| as PyTorch's l1_loss, in float32.",
                   "PyTorch の l1_loss と同じ |y − t| の平均を float32 で計算します。",
                   KERAS_VERSIONS),
        Convention("Keras", f"Huber (delta={short(delta)}, float32)",
                   _keras_regression("huber", delta)(y, t),
                   "PyTorch's huber_loss (½d² up to delta, then linear), in float32; its default "
                   "delta is 1.0 too.",
                   "PyTorch の huber_loss と同じ(delta までは ½d²、その先は1次)で、float32 で"
                   "計算します。既定の delta も 1.0 です。", KERAS_VERSIONS),
        Convention("scikit-learn", "mean_squared_error(t, y)", _sklearn_regression(True)(y, t),
                   "The target comes first. A table's columns are outputs, each averaged over the "
                   "samples and then averaged together (multioutput='uniform_average'): the same "
                   "mean, in float64.",
                   "正解を先に渡します。表の各列を出力として、それぞれサンプルで平均してから列どうし"
                   "を平均します(multioutput='uniform_average')。同じ平均を float64 で計算します。",
                   SKLEARN_VERSIONS),
        Convention("scikit-learn", "mean_absolute_error(t, y)", _sklearn_regression(False)(y, t),
                   "The mean of |t − y|, the columns averaged as in mean_squared_error.",
                   "|t − y| の平均で、列は mean_squared_error と同じく平均します。",
                   SKLEARN_VERSIONS),
    ]


# --- reduction='sum', when it is chosen on the left --------------------------------------------

def _torch_sum_row(loss_id: str | None, y: FloatArray, t: FloatArray,
                   params: Mapping[str, ParamValue]) -> tuple[str, float | None] | None:
    """The PyTorch function that is the chosen loss, called with reduction='sum', and its value
    (its function text then begins as its reduction='mean' row's); None where none is."""
    total = "reduction='sum'"
    own = {"sse": ("mse_loss", "mse"), "mse": ("mse_loss", "mse"), "mae": ("l1_loss", "mae")}
    if loss_id in own:
        function, loss = own[loss_id]
        return f"{function} ({total})", evaluate(loss, y, t, reduction="sum").total
    if loss_id == "huber":
        delta = float(params.get("delta", 1.0))
        return (f"huber_loss (delta={short(delta)}, {total})",
                evaluate("huber", y, t, delta=delta, reduction="sum").total)
    if loss_id == "smooth_l1":
        beta = float(params.get("beta", 1.0))
        return (f"smooth_l1_loss (beta={short(beta)}, {total})",
                evaluate("smooth_l1", y, t, beta=beta, reduction="sum").total)
    if loss_id == "cee":
        return (f"nll_loss(torch.log(y), class indices) ({total})",
                _pytorch_nll_of_log(y, t, "sum"))
    if loss_id == "bce":
        return f"binary_cross_entropy ({total})", _pytorch_bce(y, t, "sum")
    if loss_id == "kl":
        return f"kl_div(log y, t) ({total})", evaluate("kl", y, t, reduction="sum").total
    if loss_id == "bce_logits":
        return (f"binary_cross_entropy_with_logits(z, t) ({total})",
                evaluate("bce_logits", y, t, reduction="sum").total)
    return None


def _with_sum_rows(rows: list[Convention], loss_id: str | None, y: FloatArray, t: FloatArray,
                   params: Mapping[str, ParamValue]) -> list[Convention]:
    """Under reduction=sum, the PyTorch rows of the chosen loss again with reduction='sum',
    each after its reduction='mean' row (PyTorch's default, which the rows keep)."""
    if params.get("reduction") != "sum":
        return rows
    found = _torch_sum_row(loss_id, y, t, params)
    extra: dict[str, Convention] = {}  # the mean row's function → its sum row
    if loss_id == "softmax_cee":
        smoothing = float(params.get("label_smoothing", 0.0))
        for indices, what in ((True, "class indices"), (False, "probabilities")):
            value = _torch_cross_entropy(y, t, smoothing, indices, "sum")
            function = f"cross_entropy(z, {what}{_smoothing_suffix(smoothing)})"
            extra[f"{function} (reduction='mean')"] = Convention(
                "PyTorch", f"{function} (reduction='sum')", value,
                "The same with reduction='sum': the samples' losses added, as lossgui's sum.",
                "reduction='sum' にしたもので、サンプルの損失を足し合わせます。lossgui の "
                "sum と同じです。", PYTORCH_VERSIONS)
    elif found is not None:
        function, value = found
        extra[function.replace("reduction='sum'", "reduction='mean'")] = Convention(
            "PyTorch", function, value,
            "The same function with reduction='sum': every term added, as the reduction sum "
            "chosen on the left.",
            "同じ関数を reduction='sum' にしたもので、すべての項を足し合わせます。左で選んだ "
            "sum と同じまとめ方です。", PYTORCH_VERSIONS)
    result = []
    for row in rows:
        result.append(row)
        if row.tool == "PyTorch" and row.function in extra:
            result.append(extra.pop(row.function))
    return result


def _defaults(loss_id: str) -> dict[str, ParamValue]:
    return {p.name: p.default for p in get_loss(loss_id).params}


def reads_probabilities(loss_id: str | None, params: Mapping[str, ParamValue] | None = None
                        ) -> bool:
    """Whether the general table's functions (which read y as probabilities) apply to this loss:
    the probability losses and the article's sse, never a regression loss of real numbers."""
    if loss_id is None:
        return True
    given = _defaults(loss_id) | dict(params or {})
    return get_loss(loss_id).expects_for(given) in READ_AS_PROBABILITIES and \
        not reads_real_numbers(loss_id, given)


def compare(y: FloatArray, t: FloatArray, loss_id: str | None = None,
            params: Mapping[str, ParamValue] | None = None) -> list[Convention]:
    """Every convention that applies, evaluated on this prediction and target (a vector or N×K).

    The general table reads y as probabilities, so it is left out under a loss that reads
    logits, scores or rates; with ``loss_id`` the framework functions for that loss follow.
    A blank (NaN) in y or t is missing, never a value a tool could read: every row over it is
    not a number, as lossgui's own total is (a tool that refuses the input still says so).
    Left to each formula, the book's batch cross_entropy_error took np.argmax of t = [0, nan,
    1] as class 1 and gave a number (round-6 tester).
    """
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    given = (_defaults(loss_id) if loss_id else {}) | dict(params or {})
    rows = [Convention(tool, function, formula(y, t), reason, reason_ja, version)
            for tool, version, function, formula, reason, reason_ja in _TABLE
            if reads_probabilities(loss_id, given)]
    rows += _regression_rows(loss_id, y, t, given)
    rows += [Convention(tool, function, formula(y, t), reason, reason_ja, version)
             for losses, tool, version, function, formula, reason, reason_ja in _BY_LOSS
             if loss_id in losses]
    rows += _logit_rows(loss_id, y, t, given)
    rows = _with_sum_rows(rows, loss_id, y, t, given)
    if np.isnan(y).any() or np.isnan(t).any():
        rows = [row if row.value is None else replace(row, value=math.nan) for row in rows]
    return rows
def input_remarks(y: FloatArray, t: FloatArray, language: str = "en",
                  loss_id: str | None = None,
                  params: Mapping[str, ParamValue] | None = None,
                  prediction: str = "y", class_indices: bool = False) -> list[str]:
    """Plain-language remarks on the input beside the conventions ("t has two 1s", …).

    A 2-D y and t are a batch: each sample is looked at on its own, and the remarks say that
    the values are the whole batch's. Sums of y are remarked on only where y are probabilities.
    ``prediction`` is y's column name ("z"), and ``class_indices`` says the batch's t is a
    column of class indices (one cell per sample), so that a cell is named as the notes name
    it (core.names). A sample with a blank is unknown, and said so, never left out unsaid.
    """
    ja = language.startswith("ja")
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    batch = y.ndim == 2
    remarks = []
    if batch:
        remarks.append(
            f"{len(y)} サンプルのバッチ: どの値もバッチ全体のもので、各関数の既定のまとめ方です"
            "(ライブラリはサンプルか要素での平均、記事と書籍の和は全要素の合計)" if ja else
            f"A batch of {counted(len(y), 'sample')}: every value is the whole batch's, reduced "
            "as each function does by default (the libraries take the mean over the samples or "
            "the elements; the article's and the book's sums add every element)")
    if reads_real_numbers(loss_id, params):
        remarks.append(
            f"{loss_id} が読むのは実数なので、交差エントロピーなど y を確率として読む関数(記事・"
            "書籍の式、Keras の categorical_crossentropy、PyTorch の binary_cross_entropy、"
            "scikit-learn の log_loss)は当てはまらず、表に載せていません。表は PyTorch・Keras・"
            "scikit-learn の回帰の関数です" if ja else
            f"{loss_id} reads real numbers, so the cross-entropies and the other functions that "
            "read y as probabilities (the article's and the book's, Keras "
            "categorical_crossentropy, PyTorch binary_cross_entropy, scikit-learn log_loss) do "
            "not apply and are left out; the table lists the regression functions of PyTorch, "
            "Keras and scikit-learn")
    elif not reads_probabilities(loss_id, params):
        assert loss_id is not None
        kind = get_loss(loss_id).expects_for(
            _defaults(loss_id) | dict(params or {})).describe(language)
        remarks.append(
            f"{loss_id} が読むのは{kind}なので、y を確率として読む関数(記事・書籍の式、Keras の "
            "categorical_crossentropy、PyTorch の mse_loss と binary_cross_entropy、scikit-learn "
            "の log_loss)は当てはまらず、表に載せていません" if ja else
            f"{loss_id} reads {kind}, so the functions that read y as probabilities (the "
            "article's and the book's, Keras categorical_crossentropy, PyTorch mse_loss and "
            "binary_cross_entropy, scikit-learn log_loss) do not apply and are left out")
    rows_y, rows_t = np.atleast_2d(y), np.atleast_2d(t)
    name = label(prediction)

    def where(n: int) -> str:
        if not batch:
            return ""
        return f"サンプル {n + 1}: " if ja else f"sample {n + 1}: "

    # Two 1s among real-number targets are two values, not two labels.
    multi_hot = np.count_nonzero(rows_t == 1, axis=1) > 1
    for n in np.flatnonzero(multi_hot & (not reads_real_numbers(loss_id, params)))[:3]:
        ones = int(np.count_nonzero(rows_t[n] == 1))
        remarks.append(where(n) + (f"t には 1 が {ones} 個 — マルチラベルですか?" if ja
                                   else f"t has {ones} ones — is this multi-label?"))
    probabilities = reads_probabilities(loss_id, params)
    if probabilities:
        # The notes' rule (checks.prediction_sums): a sample with a blank has no known sum.
        totals = sample_sums(rows_y)
        usable = usable_samples(~(np.isnan(rows_y) | np.isnan(rows_t)))
        for n in samples_off_one(totals, usable)[:3]:
            total = short(float(totals[n]))
            remarks.append(where(n) + (f"{name} の合計は {total} で、1 ではありません" if ja
                                       else f"{name} sums to {total}, not 1"))
    remarks += _unknown_samples(rows_y, rows_t, batch, prediction, class_indices, language)
    # A probability of 0 at the correct class makes log y infinite; a logit or a real number
    # of 0 is an ordinary value (softmax(0) is not 0), so only probabilities are remarked on.
    zeros = np.argwhere((y == 0) & (t == 1) & probabilities)[:5]
    for index in zeros:
        at = tuple(int(i) for i in index)
        if prediction == "y" and not batch:  # the article's own symbols: "y₃ is 0 where t₃ is 1"
            y_k, t_k = element_name("y", at), element_name(TARGET_SYMBOL, at)
        else:  # a named column's cell, by the notes' rule: "z, sample 1, class 2"
            y_k, t_k = element_of(name, at, language), TARGET_SYMBOL
        remarks.append(
            f"{t_k} が 1 なのに {y_k} が 0 です" if ja else f"{y_k} is 0 where {t_k} is 1"
        )
    return remarks


def _unknown_samples(rows_y: FloatArray, rows_t: FloatArray, batch: bool, prediction: str,
                     class_indices: bool, language: str) -> list[str]:
    """A remark per sample (up to 3) with a blank: its first blank cell named by the notes'
    rule, and that its loss is unknown, as every value beside it is not a number."""
    remarks = []
    blank_t, blank_y = np.isnan(rows_t), np.isnan(rows_y)
    for n in np.flatnonzero((blank_t | blank_y).any(axis=1))[:3]:
        n = int(n)
        if blank_t[n].any() and batch and class_indices:
            cell = class_index_of(TARGET_SYMBOL, n, language)
        else:
            column = TARGET_SYMBOL if blank_t[n].any() else label(prediction)
            k = int(np.flatnonzero(blank_t[n] if blank_t[n].any() else blank_y[n])[0])
            cell = element_of(column, (n, k) if batch else (k,), language)
        whose = ("そのサンプルの損失" if batch else "損失", "that sample's loss" if batch
                 else "the loss")
        remarks.append(in_language(
            language, f"{cell} is missing (blank), so {whose[1]} is unknown: no tool below "
                      "gives a number",
            f"{cell} が空欄なので、{whose[0]}は不明です。下のどのツールも数を出しません"))
    return remarks
