"""What a new user tripped over in the numbers (issue 10): each shown number is the one used."""

from __future__ import annotations

import json

import numpy as np
import pytest
from measured import DATA, covers
from sklearn_log_loss_probe import CASES, MAPE_CASES, REGRESSION_CASES

from lossgui.core import evaluate
from lossgui.core.conventions import compare
from lossgui.core.explain import substitute


def test_hinge_formula_writes_the_minus_one_the_total_uses():
    y, t = np.array([0.01, 0.65, 0.13]), np.array([0.0, 1.0, 0.0])
    ev = evaluate("hinge", y, t)
    line = substitute("hinge", y, t, ev)
    assert line.terms[0].text == "max(0, 1−(−1)·0.01)"
    assert line.terms[1].text == "max(0, 1−1·0.65)"
    # The terms as written add up to the total shown after them.
    written = (max(0, 1 + 0.01) + max(0, 1 - 0.65) + max(0, 1 + 0.13)) / 3
    assert ev.total == pytest.approx(written)
    assert line.plain().endswith(f"= {ev.total:.6g}")


def test_a_log_of_a_negative_has_no_gradient_either():
    y, t = np.array([0.5, -0.1, 0.4]), np.array([0.0, 1.0, 0.0])
    ev = evaluate("cee", y, t)
    assert np.isnan(ev.total)
    assert np.isnan(ev.gradient[1]) and np.isnan(ev.contributions[1])
    assert ev.gradient[0] == 0.0  # the others keep theirs
    assert [p.code for p in ev.problems if p.index == (1,)] == ["log_negative", "y_range"]


# --- the "Other tools" tab's scikit-learn rows against the real library -------------------------

MEASURED = DATA / "sklearn_log_loss.jsonl"


def test_every_measured_sklearn_version_has_exactly_one_row():
    rows = [c.version for c in compare(np.array([0.5, 0.5]), np.array([0.0, 1.0]))
            if c.tool == "scikit-learn"]
    versions = [json.loads(line)["version"] for line in MEASURED.read_text().splitlines()]
    assert versions == ["1.3.2", "1.4.2", "1.5.2", "1.6.1", "1.7.2", "1.8.0", "1.9.1"]
    for version in versions:
        assert sum(covers(row, version) for row in rows) == 1, version


@pytest.mark.parametrize("line", MEASURED.read_text().splitlines(),
                         ids=lambda line: json.loads(line)["version"])
def test_sklearn_rows_match_what_that_version_measured(line: str):
    measured = json.loads(line)
    version = measured.pop("version")
    for case, (t, y) in CASES.items():
        rows = compare(np.array(y[0]), np.array(t[0]))
        row = next(c for c in rows if c.tool == "scikit-learn" and covers(c.version, version))
        result = measured[case]
        if "error" in result:
            assert row.value is None, (version, case, result["error"])
        else:
            assert row.value == pytest.approx(float(result["value"]), rel=1e-12, abs=1e-15), \
                (version, case)


@pytest.mark.parametrize("line", MEASURED.read_text().splitlines(),
                         ids=lambda line: json.loads(line)["version"])
def test_sklearn_mape_row_is_what_that_version_measured(line: str):
    measured = json.loads(line)
    for case, (t, y) in MAPE_CASES.items():
        [row] = [c for c in compare(np.array(y), np.array(t), "mape")
                 if c.function == "mean_absolute_percentage_error"]
        assert covers(row.version, measured["version"])
        assert row.value == pytest.approx(float(measured[case]["value"]), rel=1e-14), case


@pytest.mark.parametrize("line", MEASURED.read_text().splitlines(),
                         ids=lambda line: json.loads(line)["version"])
@pytest.mark.parametrize("loss_id", ["mse", "mae", "huber", "smooth_l1", "msle"])
def test_sklearn_regression_rows_are_what_that_version_measured(line: str, loss_id: str):
    """Under every regression loss, mean_squared_error and mean_absolute_error(t, y) are
    scikit-learn's own numbers, a vector and a batch (tester9 #5)."""
    measured = json.loads(line)
    for case, (function, t, y) in REGRESSION_CASES.items():
        [row] = [c for c in compare(np.array(y), np.array(t), loss_id)
                 if c.function == f"{function}(t, y)"]
        assert row.tool == "scikit-learn" and covers(row.version, measured["version"])
        assert row.value == pytest.approx(float(measured[case]["value"]), rel=1e-14), case


def test_sklearn_on_the_article_y1_is_the_real_value():
    t, y = CASES["article_y1"]
    newest = next(c for c in compare(np.array(y[0]), np.array(t[0]))
                  if c.label == "scikit-learn 1.7–1.9")
    assert newest.value == 0.7874578600311867  # scikit-learn 1.9.1, measured
    assert "renormalise" in next(c for c in compare(np.array(y[0]), np.array(t[0]))
                                 if c.label == "scikit-learn 1.3–1.4").reason


@pytest.mark.parametrize("loss_id", ["cee", "bce", "kl", "softmax_cee", "bce_logits"])
def test_class_labels_as_targets_are_a_warning_that_says_so(loss_id: str):
    ev = evaluate(loss_id, [0.3, 0.7], [2.0, 7.0])
    warned = [p for p in ev.problems if p.code == "t_range"]
    assert [p.index for p in warned] == [(0,), (1,)]
    assert all(p.severity.value == "warning" for p in warned)
    assert "t looks like class labels" in warned[0].message
    assert "クラスのラベル" in warned[0].message_ja
    assert ev.flagged.all()


def test_a_t_slightly_out_of_range_is_not_called_a_label():
    ev = evaluate("cee", [0.3, 0.7], [-0.5, 1.0])
    warned = [p for p in ev.problems if p.code == "t_range"]
    assert len(warned) == 1 and "class labels" not in warned[0].message


# --- what a report keeps ------------------------------------------------------------------------


def test_results_csv_lists_the_notes_and_warnings_after_the_parameters():
    from lossgui.core import csvio

    t = np.array([0.0, 1.0, 0.0, 1.0, 0.0])
    y1 = np.array([0.01, -0.5, 0.13, 0.70, 0.15])
    y2 = np.array([0.34, 0.21, 0.91, 0.33, 0.22])
    results = [(n, y, evaluate("cee", y, t)) for n, y in (("y1", y1), ("y2", y2))]
    lines = csvio.results_csv_text("t", t, results).split("\r\n")
    at = lines.index("reduction,sum")
    after = lines[at + 1:]
    assert after[0].startswith("warning,y1,2,\"y₂ = -0.5 where t₂ = 1: the log of a negative")
    assert any(line.startswith("note,,,t has 2 ones") for line in after)
    assert sum("t has 2 ones" in line for line in after) == 1  # about t: once, for no one
    assert any(line.startswith("note,y2,,\"y sums to 2.01") for line in after)


def test_data_csv_opens_again_as_the_same_data(tmp_path):
    from lossgui.core import csvio

    names = ["正解", "y1", "y2"]
    columns = [np.array([0.0, 1.0, 0.0]), np.array([0.1, np.nan, 1e-300]),
               np.array([1 / 3, 0.5, -2.0])]
    path = tmp_path / "data.csv"
    path.write_text(csvio.data_csv_text(names, columns), encoding="utf-8", newline="")
    data = csvio.read_data_csv(path)
    assert list(data.names) == names
    for got, expected in zip(data.columns, columns, strict=True):
        np.testing.assert_array_equal(got, expected)  # blanks stay blank, digits exact
