"""Other tools over blank cells (round-6 tester, finding 7): a blank is missing, never a value a
tool could read, so every row over it is "not a number" (the book's batch cross_entropy_error
took np.argmax of t₂ = [0, nan, 1] as class 1 and gave 0.594597); and a sample with a blank
gets no "y sums to …" remark (its sum is unknown), as checks.prediction_sums says none."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.conventions import compare, input_remarks

NAN = math.nan
T = np.array([[1, 0, 0], [0, NAN, 1], [0, 0, 1]], dtype=float)
Y = np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4], [0.1, NAN, 0.8]])


@pytest.mark.parametrize("loss", [None, "sse", "cee", "kl", "softmax_cee", "bce"])
def test_every_row_over_a_blank_is_not_a_number_or_refused(loss: str | None) -> None:
    rows = compare(Y, T, loss)
    assert rows
    shown = {(row.tool, row.function): row.value for row in rows}
    assert all(value is None or math.isnan(value) for value in shown.values()), shown


def test_the_books_batch_row_is_no_longer_the_argmax_of_a_blank() -> None:
    [book] = [row for row in compare(Y, T, "sse") if "argmax" in row.function]
    assert book.value is not None and math.isnan(book.value)
    # With the blanks filled the row is the book's number again: (−log .7 − log .4 − log .8)/3.
    filled_t, filled_y = np.nan_to_num(T), np.nan_to_num(Y, nan=0.1)
    [book] = [row for row in compare(filled_y, filled_t, "sse") if "argmax" in row.function]
    want = -(math.log(0.7 + 1e-7) + math.log(0.4 + 1e-7) + math.log(0.8 + 1e-7)) / 3
    assert book.value == pytest.approx(want, rel=1e-15)


def test_a_vector_with_a_blank_y_where_t_is_0_is_not_a_number_either() -> None:
    y, t = np.array([0.5, NAN, 0.4]), np.array([1.0, 0.0, 0.0])
    values = [row.value for row in compare(y, t, "cee")]
    assert all(v is None or math.isnan(v) for v in values), values
    assert math.isnan(evaluate("cee", y, t).total)  # as lossgui (now) says


@pytest.mark.parametrize("language", ["en", "ja"])
def test_no_sum_remark_for_a_sample_with_a_blank(language: str) -> None:
    remarks = input_remarks(Y, T, language, "sse")
    assert not any("0.9" in r for r in remarks), remarks  # y₃ = [0.1, blank, 0.8]
    # The same rule as the notes: checks.prediction_sums says nothing of that sample either.
    notes = [p for p in evaluate("cee", Y, T).problems if p.code == "y_not_normalised"]
    assert notes == []
    # A sample without blanks that does not sum to 1 is still remarked on, in both places.
    y = Y.copy()
    y[0] = [0.5, 0.2, 0.1]
    remarks = input_remarks(y, T, language, "sse")
    assert remarks[1] == ("サンプル 1: y の合計は 0.8 で、1 ではありません" if language == "ja"
                          else "sample 1: y sums to 0.8, not 1")
    # The samples with a blank are not left out unsaid: each is unknown (tester8 #7).
    assert [r.split(" is missing")[0].split(" が空欄")[0] for r in remarks[2:]] == (
        ["t のサンプル 2、クラス 1", "y のサンプル 3、クラス 1"] if language == "ja"
        else ["t, sample 2, class 1", "y, sample 3, class 1"])
    assert [p.sample for p in evaluate("cee", y, T).problems
            if p.code == "y_not_normalised"] == [0]
