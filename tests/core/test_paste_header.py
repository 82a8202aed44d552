"""The one rule for a pasted header row: when the first row is one, and what it names."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core.paste_header import header_names, refusal_under_header, split_header


@pytest.mark.parametrize(("text", "header", "values"), [
    ("正解\t予測A\t予測B\r\n0\t0.1\t0.2\r\n1\t0.9\t0.8\r\n", ("正解", "予測A", "予測B"),
     [[0, 0.1, 0.2], [1, 0.9, 0.8]]),
    ("予測 1\n0.1\n0.2\n", ("予測 1",), [[0.1], [0.2]]),  # one column: the line is one name
    ("a b\n0.1 0.2\n", ("a", "b"), [[0.1, 0.2]]),  # spaces split the header as the numbers
    ("a, b\n0.1, 0.2\n", ("a", "b"), [[0.1, 0.2]]),
    ('"my y"\t"x"\n0.1\t\n', ("my y", "x"), [[0.1, np.nan]]),  # quoted, a blank under x
    ("\tpred\n1\t0.5\n", ("", "pred"), [[1, 0.5]]),  # nothing over t
    ("a\tb\tc\n1\t2\n", ("a", "b"), [[1, 2]]),  # a name over no numbers names nothing
])
def test_a_first_row_that_is_not_numbers_is_the_header(
    text: str, header: tuple[str, ...], values: list[list[float]]
) -> None:
    block = split_header(text)
    assert block is not None
    assert block.header == header
    np.testing.assert_array_equal(block.values, values)


@pytest.mark.parametrize("text", [
    "0.1\t0.2\n0.3\t0.4\n",  # all numbers: data, no header
    "\t0.2\n0.3\t0.4\n",  # a blank is a missing number, not a name
    "name\nx\n",  # text below it too: not a table with a header
    "name\n",  # no numbers under it
    "name",
])
def test_no_header_unless_names_stand_over_numbers(text: str) -> None:
    assert split_header(text) is None


def test_a_header_renames_the_predictions_it_lands_on_and_leaves_t() -> None:
    naming = header_names(("正解", "予測A", "予測B"), 0, ("t", "y1", "y2"))
    assert naming.renames == ((1, "y1", "予測A"), (2, "y2", "予測B"))
    assert naming.over_target and not naming.kept


def test_unusable_names_are_refused_with_the_reason_and_the_rest_apply() -> None:
    naming = header_names(("t", "y1", "", "x", "x"), 1, ("t", "y1", "y2", "y3", "y4", "y5"))
    # t is refused; y1 over y2 is taken by y1 (not renamed); a blank names nothing;
    # the second x is taken by the first.
    assert naming.renames == ((4, "y4", "x"),)
    assert [(column, str(error)) for column, error in naming.kept] == [
        (1, "t is the target's name; choose another name for a prediction."),
        (2, "There is already a column called 'y1'."),
        (5, "There is already a column called 'x'."),
    ]
    assert not naming.over_target


def test_renames_are_checked_in_order_so_a_freed_name_can_be_taken() -> None:
    naming = header_names(("z", "y1"), 1, ("t", "y1", "y2"))
    assert naming.renames == ((1, "y1", "z"), (2, "y2", "y1"))
    assert not naming.kept


@pytest.mark.parametrize(("text", "cell", "row"), [
    ("y2\r\n0,5\r\n0,25\r\n", "'0,5'", 0),  # a European spreadsheet's column with its title
    ("a\tb\n0.1\t0.2\n0.3\tx\n", "'x'", 1),
    ("name\nx\n", "'x'", 0),
])
def test_a_refusal_names_the_cell_under_the_header_not_the_header(
    text: str, cell: str, row: int
) -> None:
    error = refusal_under_header(text)
    assert error is not None and str(error).startswith(f"row {row + 1}, ") and cell in str(error)


@pytest.mark.parametrize("text", ["0.1\n0,5\n", "y\n0.1\n", "y2\n", "0.1\tabc\n0.2\t0.3\n"])
def test_no_refusal_under_a_header_where_there_is_none_or_it_is_fine(text: str) -> None:
    assert refusal_under_header(text) is None


def test_a_decimal_comma_is_no_name_for_a_column() -> None:
    # "0,5" over 0.25 renamed y2 "0,5"; with a point as the mark, 0,5 is a refused number.
    assert split_header("0,5\n0.25\n") is None
    assert refusal_under_header("0,5\n0,25\n") is None  # the refusal stays at 0,5 itself
