"""The one rule naming a cell in a sentence (lossgui/core/names.py), for the window and the CLI."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.classes import NotOneHot, class_indices
from lossgui.core.document import DocumentModel
from lossgui.core.names import class_index_of, problem_of


@pytest.mark.parametrize(("language", "vector", "batch"), [
    ("en", "y1, element 2 is missing (blank or nan), so its term, and so the total, is not a "
     "number.", "z, sample 2, class 1 is missing (blank or nan), so its term, and so the total, "
     "is not a number."),
    ("ja", "y1 の要素 2 が空欄(または nan)なので、その項も合計も数になりません。",
     "z のサンプル 2、クラス 1 が空欄(または nan)なので、その項も合計も数になりません。"),
])
def test_a_cell_problem_names_the_prediction_and_its_element_once(
    language: str, vector: str, batch: str
) -> None:
    [blank] = evaluate("sse", [0.1, math.nan], [0.0, 1.0]).problems
    assert problem_of("y1", blank, language) == vector
    [blank] = [p for p in evaluate("softmax_cee", [[1.0, 2.0, 0.5], [0.1, math.nan, 1.0]],
                                   [0.0, 2.0]).problems if p.code == "missing_y"]
    assert problem_of("z", blank, language) == batch


def test_a_remark_about_a_whole_vector_follows_the_name_and_the_targets_stands_alone() -> None:
    problems = evaluate("cee", [0.5, 0.7], [1.0, 1.0]).problems
    by_code = {p.code: p for p in problems}
    assert problem_of("y1", by_code["y_not_normalised"], "en").startswith("y1 sums to 1.2")
    assert problem_of(None, by_code["t_multi_label"], "en").startswith("t has 2 ones")
    assert problem_of("y\nbad", by_code["y_not_normalised"], "en").startswith(
        "'y\\nbad' sums to 1.2")


def test_a_class_index_is_named_as_its_table_heads_it() -> None:
    assert class_index_of("t", 4, "en") == "t (class), sample 5"
    assert class_index_of("t", 4, "ja") == "t(クラス) のサンプル 5"


def test_class_indices_of_one_hot_rows_blank_rows_and_the_first_odd_row() -> None:
    table = np.array([[0, 1, 0], [math.nan] * 3, [1, -0.0, 0], [0, 0, 1]], dtype=float)
    indices = class_indices(table)
    assert not isinstance(indices, NotOneHot)
    np.testing.assert_array_equal(indices, [1, math.nan, 0, 2])
    for odd in ([1, 1, 0], [0.5, 0.5, 0], [1, math.nan, 0], [0, 0, 0], [1, 2, 0], [math.inf, 0, 0]):
        found = class_indices(np.vstack([table, odd, [[0, 1, 0]]]))
        assert isinstance(found, NotOneHot) and found.row == 4, odd
        assert found.message[0].startswith("sample 5 is not one-hot")


def test_a_class_index_document_evaluates_the_numbers_of_its_one_hot_rows() -> None:
    """The document hands the core N class indices; the totals are the one-hot table's."""
    z = [[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [-0.5, 0.4, 1.5]]
    one_hot = np.eye(3)[[0, 1, 2]]
    document = DocumentModel(["t", "z"], [one_hot, z], "softmax_cee")
    before = document.evaluations[0]
    document.set_class_indices(True)
    after = document.evaluations[0]
    assert before is not None and after is not None
    assert after.total == before.total == evaluate("softmax_cee", z, [0.0, 1.0, 2.0]).total
    np.testing.assert_array_equal(after.contributions, before.contributions)
    np.testing.assert_array_equal(after.gradient, before.gradient)


def test_a_one_sample_class_index_target_is_named_and_evaluated_as_its_batch() -> None:
    """One sample left of a class-index batch: still its one t (class) cell, and still a
    batch's numbers (its own loss per sample), as the window shows it."""
    z = [[1.2, -0.3, 0.5]]
    document = DocumentModel(["t", "z"], [[[math.nan] * 3], z], "softmax_cee")
    document.set_class_indices(True)
    assert document.cell_problems("en") == (
        "t (class), sample 1 is missing (blank or nan), so that sample's loss, and so the "
        "total, is not a number.",)
    assert document.missing_elements(0) == ("t (class), sample 1",)
    document.replace(["t", "z"], [[[0.0, 0.0, 1.0]], z])
    document.set_class_indices(True)
    [evaluation] = document.evaluations
    assert evaluation is not None and evaluation.contributions.shape == (1, 3)
    assert evaluation.total == evaluation.per_sample[0] == evaluate("softmax_cee", z[0],
                                                                    [0.0, 0.0, 1.0]).total


@pytest.mark.parametrize(("language", "vector", "batch"), [
    ("en", "t, element 2 is missing (blank or nan), so its term, and so the total, is not a "
     "number.", "t, sample 2, class 1 is missing (blank or nan), so its term, and so the total, "
     "is not a number."),
    ("ja", "t の要素 2 が空欄(または nan)なので、その項も合計も数になりません。",
     "t のサンプル 2、クラス 1 が空欄(または nan)なので、その項も合計も数になりません。"),
])
def test_a_target_cell_is_named_as_a_prediction_cell_is(
    language: str, vector: str, batch: str
) -> None:
    """"t₂ is missing" stood beside "y1, element 3 is missing" in the notes and the CLI (round-5
    testers): the target's cell is named by the same rule, with t for its name."""
    [blank] = [p for p in evaluate("sse", [0.1, 0.2], [0.0, math.nan]).problems
               if p.about_target]
    assert problem_of(None, blank, language) == vector
    [blank] = [p for p in evaluate("cee", [[0.2, 0.8], [0.6, 0.4]], [[0.0, 1.0], [1.0, math.nan]])
               .problems if p.about_target and p.index is not None]
    assert problem_of(None, blank, language) == batch
