"""The "Other tools" tab's PyTorch and Keras rows against what the real libraries returned.

data/torch_losses.jsonl and data/keras_losses.jsonl hold one line per measured version, written
by framework_probe.py (its docstring has the commands). Each recorded case names the loss whose
tab shows the row and the row's function; the row's value must be the library's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from framework_probe import KERAS_CASES, LABELS, ML_T, ML_Z1, TORCH_CASES, Z
from measured import covers, measured_lines

from lossgui.core import evaluate
from lossgui.core.conventions import KERAS_VERSIONS, PYTORCH_VERSIONS, compare

TORCH = measured_lines("torch_losses.jsonl")
KERAS = measured_lines("keras_losses.jsonl")
MEAN = "(reduction='mean')"
SUM = "(reduction='sum')"
NLL = "nll_loss(torch.log(y), class indices)"
MISTAKE = "cross_entropy(y, t) on softmax's output y (a mistake)"

# case: (the loss whose tab shows the row, its parameters, the row's function)
TORCH_ROWS: dict[str, tuple[str, dict[str, Any], str]] = {
    "mse_article_y1": ("sse", {}, f"mse_loss {MEAN}"),
    "mse_article_y2": ("sse", {}, f"mse_loss {MEAN}"),
    "bce_article_y1": ("cee", {}, f"binary_cross_entropy {MEAN}"),
    "bce_article_y2": ("cee", {}, f"binary_cross_entropy {MEAN}"),
    "bce_y_zero_and_one": ("bce", {}, f"binary_cross_entropy {MEAN}"),
    "bce_y_above_one": ("bce", {}, f"binary_cross_entropy {MEAN}"),
    "kl_div_mean": ("kl", {}, f"kl_div(log y, t) {MEAN}"),
    "poisson_defaults": ("poisson", {}, "poisson_nll_loss (defaults, log_input=True)"),
    "soft_margin_overflow": ("soft_margin", {}, "soft_margin_loss"),
    "soft_margin_plain": ("soft_margin", {}, "soft_margin_loss"),
    "cross_entropy_indices": ("softmax_cee", {}, f"cross_entropy(z, class indices) {MEAN}"),
    "cross_entropy_indices_ls01": ("softmax_cee", {"label_smoothing": 0.1},
                                   f"cross_entropy(z, class indices, label_smoothing=0.1) {MEAN}"),
    "cross_entropy_one_hot": ("softmax_cee", {}, f"cross_entropy(z, probabilities) {MEAN}"),
    "cross_entropy_one_hot_ls01": ("softmax_cee", {"label_smoothing": 0.1},
                                   f"cross_entropy(z, probabilities, label_smoothing=0.1) {MEAN}"),
    "cross_entropy_soft": ("softmax_cee", {}, f"cross_entropy(z, probabilities) {MEAN}"),
    "cross_entropy_soft_ls01": ("softmax_cee", {"label_smoothing": 0.1},
                                f"cross_entropy(z, probabilities, label_smoothing=0.1) {MEAN}"),
    "cross_entropy_one_sample": ("softmax_cee", {}, f"cross_entropy(z, probabilities) {MEAN}"),
    "bce_logits_y1": ("bce_logits", {}, f"binary_cross_entropy_with_logits(z, t) {MEAN}"),
    "bce_logits_y2": ("bce_logits", {}, f"binary_cross_entropy_with_logits(z, t) {MEAN}"),
    # under every regression loss (tester9 #5), with huber's delta and smooth_l1's beta as set
    "mse_regression": ("mae", {}, f"mse_loss {MEAN}"),
    "mse_batch": ("huber", {}, f"mse_loss {MEAN}"),
    "l1_regression": ("mse", {}, f"l1_loss {MEAN}"),
    "l1_batch": ("mae", {}, f"l1_loss {MEAN}"),
    "huber_regression": ("mae", {}, "huber_loss (delta=1, reduction='mean')"),
    "huber_regression_d05": ("huber", {"delta": 0.5}, "huber_loss (delta=0.5, reduction='mean')"),
    "huber_batch": ("log_cosh", {}, "huber_loss (delta=1, reduction='mean')"),
    "smooth_l1_regression": ("mse", {}, "smooth_l1_loss (beta=1, reduction='mean')"),
    "smooth_l1_regression_b05": ("smooth_l1", {"beta": 0.5},
                                 "smooth_l1_loss (beta=0.5, reduction='mean')"),
    "smooth_l1_batch": ("pinball", {}, "smooth_l1_loss (beta=1, reduction='mean')"),
    # reduction='sum' rows, given when sum is chosen on the left (tester9 #20)
    "mse_article_y1_sum": ("sse", {}, f"mse_loss {SUM}"),
    "mse_regression_sum": ("mse", {"reduction": "sum"}, f"mse_loss {SUM}"),
    "l1_regression_sum": ("mae", {"reduction": "sum"}, f"l1_loss {SUM}"),
    "huber_regression_sum": ("huber", {"reduction": "sum"},
                             "huber_loss (delta=1, reduction='sum')"),
    "smooth_l1_regression_sum": ("smooth_l1", {"reduction": "sum"},
                                 "smooth_l1_loss (beta=1, reduction='sum')"),
    "bce_article_y1_sum": ("bce", {"reduction": "sum"}, f"binary_cross_entropy {SUM}"),
    "kl_div_sum": ("kl", {"reduction": "sum"}, f"kl_div(log y, t) {SUM}"),
    "cross_entropy_indices_sum": ("softmax_cee", {"reduction": "sum"},
                                  f"cross_entropy(z, class indices) {SUM}"),
    "cross_entropy_soft_sum": ("softmax_cee", {"reduction": "sum"},
                               f"cross_entropy(z, probabilities) {SUM}"),
    "bce_logits_y1_sum": ("bce_logits", {"reduction": "sum"},
                          f"binary_cross_entropy_with_logits(z, t) {SUM}"),
    # probabilities with class indices, and the softmax-twice mistake (tester9 #20)
    "nll_log_book": ("cee", {"reduction": "mean"}, f"{NLL} {MEAN}"),
    "nll_log_off": ("cee", {}, f"{NLL} {MEAN}"),
    "nll_log_article": ("sse", {}, f"{NLL} {MEAN}"),
    "nll_log_book_sum": ("cee", {}, f"{NLL} {SUM}"),
    "cross_entropy_on_probabilities_book": ("cee", {}, MISTAKE),
    "cross_entropy_on_probabilities_article": ("sse", {}, MISTAKE),
}
# What lossgui's own loss gives for a case no row shows (the reasons say they are the same).
TORCH_OWN: dict[str, tuple[str, dict[str, Any]]] = {
    "kl_div_batchmean": ("kl", {"reduction": "mean"}),
    # the mistake's value under sum: lossgui's softmax_cee of the probabilities, summed
    "cross_entropy_on_probabilities_book_sum": ("softmax_cee", {"reduction": "sum"}),
}
LOGITS = "(from_logits=True"
KERAS_ROWS: dict[str, tuple[str, dict[str, Any], str]] = {
    "categorical_article_y1": ("cee", {}, "categorical_crossentropy (float32)"),
    "categorical_article_y2": ("cee", {}, "categorical_crossentropy (float32)"),
    "categorical_logits": ("softmax_cee", {}, f"CategoricalCrossentropy{LOGITS})"),
    "categorical_logits_ls01": ("softmax_cee", {"label_smoothing": 0.1},
                                f"CategoricalCrossentropy{LOGITS}, label_smoothing=0.1)"),
    "categorical_logits_soft": ("softmax_cee", {}, f"CategoricalCrossentropy{LOGITS})"),
    "categorical_logits_soft_ls01": ("softmax_cee", {"label_smoothing": 0.1},
                                     f"CategoricalCrossentropy{LOGITS}, label_smoothing=0.1)"),
    "categorical_logits_one_sample": ("softmax_cee", {}, f"CategoricalCrossentropy{LOGITS})"),
    "sparse_logits": ("softmax_cee", {}, f"SparseCategoricalCrossentropy{LOGITS})"),
    "binary_logits_y1": ("bce_logits", {}, f"BinaryCrossentropy{LOGITS})"),
    "binary_logits_y2": ("bce_logits", {}, f"BinaryCrossentropy{LOGITS})"),
    "hinge_binary": ("hinge", {}, "hinge"),
    "hinge_mixed": ("hinge", {}, "hinge"),
    "squared_hinge_mixed": ("squared_hinge", {}, "squared_hinge"),
    "msle_negative": ("msle", {}, "mean_squared_logarithmic_error"),
    "msle_positive": ("msle", {}, "mean_squared_logarithmic_error"),
    "poisson_rates": ("poisson", {}, "poisson"),
    "mse_regression": ("mae", {}, "MeanSquaredError (float32)"),
    "mse_batch": ("mse", {}, "MeanSquaredError (float32)"),
    "mae_regression": ("huber", {}, "MeanAbsoluteError (float32)"),
    "mae_batch": ("mae", {}, "MeanAbsoluteError (float32)"),
    "huber_regression": ("mse", {}, "Huber (delta=1, float32)"),
    "huber_regression_d05": ("huber", {"delta": 0.5}, "Huber (delta=0.5, float32)"),
    "huber_batch": ("huber", {}, "Huber (delta=1, float32)"),
    "sparse_probabilities_book": ("cee", {}, "sparse_categorical_crossentropy(t, y) (float32)"),
    "sparse_probabilities_off": ("cee", {}, "sparse_categorical_crossentropy(t, y) (float32)"),
    "sparse_probabilities_article": ("sse", {},
                                     "sparse_categorical_crossentropy(t, y) (float32)"),
}
KERAS_OWN: dict[str, tuple[str, dict[str, Any]]] = {
    "categorical_hinge_negative_rivals": ("categorical_hinge", {}),
    "categorical_hinge_positive_rival": ("categorical_hinge", {}),
    "mape_t_zero": ("mape", {}),  # lossgui's mape is Keras's: a percentage, |t| ≥ 1e-7
}


def _as_lossgui_reads(case: tuple[str, dict[str, Any], Any, Any]) -> tuple[np.ndarray, np.ndarray]:
    """The case's y and t as the document holds them: class indices as their one-hot rows."""
    _, _, y, t = case
    y = np.asarray(y, float)
    t = np.asarray(t, float)
    if t.ndim == 1 and y.ndim == 2:
        t = np.eye(y.shape[1])[t.astype(int)]
    if y.ndim == 2 and len(y) == 1:  # one sample: the tab reads it as a vector
        y, t = y[0], t[0]
    return y, t


def _row(case: tuple[str, dict[str, Any], Any, Any], loss_id: str, params: dict[str, Any],
         function: str) -> float | None:
    y, t = _as_lossgui_reads(case)
    [row] = [c for c in compare(y, t, loss_id, params) if c.function == function]
    return row.value


def _check(measured: dict[str, Any], value: float | None, rel: float) -> None:
    if "error" in measured:
        assert value is None, measured["error"]
    else:
        assert value == pytest.approx(float(measured["value"]), rel=rel, abs=0), measured


def test_every_case_is_checked_and_every_version_is_named():
    assert set(TORCH_ROWS) | set(TORCH_OWN) == set(TORCH_CASES)
    assert set(KERAS_ROWS) | set(KERAS_OWN) == set(KERAS_CASES)
    assert [line["version"] for line in TORCH] == ["2.13.0"]
    assert [line["version"] for line in KERAS] == ["3.0.5", "3.1.1", "3.2.1", "3.3.3", "3.6.0",
                                                  "3.9.2", "3.12.0", "3.15.1"]
    assert all(covers(PYTORCH_VERSIONS, line["version"]) for line in TORCH)
    assert all(covers(KERAS_VERSIONS, line["version"]) for line in KERAS)
    # The range's ends are versions that were measured, not guessed.
    assert KERAS_VERSIONS == "3.0–3.15" and PYTORCH_VERSIONS == "2.13"


@pytest.mark.parametrize("loss_id", ["sse", "cee", "bce", "kl", "poisson", "soft_margin",
                                     "softmax_cee", "bce_logits", "hinge", "squared_hinge",
                                     "msle"])
def test_every_pytorch_and_keras_row_names_the_versions_it_describes(loss_id: str):
    y, t = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]), np.array([[0, 1, 0], [1, 0, 0.0]])
    rows = [c for c in compare(y, t, loss_id) if c.tool in ("PyTorch", "Keras")]
    assert rows
    for row in rows:
        expected = PYTORCH_VERSIONS if row.tool == "PyTorch" else KERAS_VERSIONS
        assert row.version == expected and row.label == f"{row.tool} {expected}"


@pytest.mark.parametrize("line", TORCH, ids=lambda line: str(line["version"]))
def test_pytorch_rows_are_what_that_version_returned(line: dict[str, Any]):
    for case, (loss_id, params, function) in TORCH_ROWS.items():
        value = _row(TORCH_CASES[case], loss_id, params, function)
        _check(line[case], value, rel=1e-14)
    for case, (loss_id, params) in TORCH_OWN.items():
        y, t = _as_lossgui_reads(TORCH_CASES[case])
        _check(line[case], evaluate(loss_id, y, t, **params).total, rel=1e-14)


@pytest.mark.parametrize("line", KERAS, ids=lambda line: str(line["version"]))
def test_keras_rows_are_what_that_version_returned(line: dict[str, Any]):
    assert (line["backend"], line["floatx"]) == ("torch", "float32")
    for case, (loss_id, params, function) in KERAS_ROWS.items():
        value = _row(KERAS_CASES[case], loss_id, params, function)
        _check(line[case], value, rel=1e-6)  # float32: a few units in the last place
    for case, (loss_id, params) in KERAS_OWN.items():
        y, t = _as_lossgui_reads(KERAS_CASES[case])
        _check(line[case], evaluate(loss_id, y, t, **params).total, rel=1e-6)


def test_logit_losses_show_the_logit_functions_and_no_probability_ones():
    z, t = np.array(Z), np.eye(3)[LABELS]
    rows = compare(z, t, "softmax_cee")
    assert {c.tool for c in rows} == {"PyTorch", "Keras"}
    assert [c.function for c in rows] == [
        f"cross_entropy(z, class indices) {MEAN}", f"cross_entropy(z, probabilities) {MEAN}",
        "CategoricalCrossentropy(from_logits=True)",
        "SparseCategoricalCrossentropy(from_logits=True)"]
    assert rows[0].value == pytest.approx(0.7974423294050565, rel=1e-15)  # the tester's number
    smoothed = compare(z, t, "softmax_cee", {"label_smoothing": 0.1})
    assert smoothed[0].value == pytest.approx(0.8757756627383898, rel=1e-15)
    # Keras's sparse class has no label_smoothing: its value stays the unsmoothed one.
    assert smoothed[3].value == pytest.approx(rows[3].value)
    multi_label = compare(np.array(ML_Z1), np.array(ML_T), "bce_logits")
    assert [c.label for c in multi_label] == ["PyTorch 2.13", "Keras 3.0–3.15"]


def test_class_index_rows_refuse_a_soft_target():
    soft = np.array([[0.1, 0.6, 0.3], [0.5, 0.5, 0.0]])
    rows = {c.function: c.value for c in compare(np.array(Z[:2]), soft, "softmax_cee")}
    assert rows[f"cross_entropy(z, class indices) {MEAN}"] is None
    assert rows["SparseCategoricalCrossentropy(from_logits=True)"] is None
    assert rows[f"cross_entropy(z, probabilities) {MEAN}"] is not None



def test_the_batch_format_doc_quotes_lossgui_and_torch_as_they_are():
    """docs/batch-format.md names lossgui's softmax_cee and torch's cross_entropy on the logits
    batch; each number must be the one that program gives (round-3 tester: they are 1 ulp apart)."""
    from pathlib import Path

    doc = " ".join((Path(__file__).parents[2] / "docs" / "batch-format.md").read_text("utf-8")
                   .split())
    ours = evaluate("softmax_cee", np.array(Z), np.array(LABELS, dtype=float)).total
    smoothed = evaluate("softmax_cee", np.array(Z), np.array(LABELS, dtype=float),
                        label_smoothing=0.1).total
    [torch] = [line for line in TORCH if line["version"] == "2.13.0"]
    theirs = float(torch["cross_entropy_indices"]["value"])  # type: ignore[index]
    theirs_smoothed = float(torch["cross_entropy_indices_ls01"]["value"])  # type: ignore[index]
    assert f"`softmax_cee` gives {ours!r}" in doc
    assert f"float64 numbers prints {theirs!r}, one unit in the last digit apart" in doc
    assert np.nextafter(theirs, np.inf) == ours
    assert f"`label_smoothing=0.1` gives {theirs_smoothed!r} in both" in doc
    if int(np.__version__.split(".")[0]) >= 2:
        assert smoothed == theirs_smoothed
    else:  # the lowest declared numpy: the sum over classes in another order, as the doc says
        assert "with numpy 1.x lossgui's last digit is 9" in doc
        assert smoothed == np.nextafter(theirs_smoothed, np.inf)


def test_a_blank_target_sample_is_a_question_mark_among_the_class_indices() -> None:
    """int(nan) raised on a blank sample, and the window died on the Other tools tab
    (round-5 tester's batch with a missing t₅)."""
    z = np.array([[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [2.0, 1.0, 0.1]])
    t = np.array([[1.0, 0, 0], [0, 0, 1], [np.nan, np.nan, np.nan]])
    rows = compare(z, t, "softmax_cee", {"reduction": "mean", "label_smoothing": 0.0})
    indices = [c for c in rows if "class indices" in c.function]
    assert indices and "here tensor([0, 2, ?])" in indices[0].explain("en")
    assert all(c.value is None or np.isnan(c.value) for c in indices)  # the total is unknown
