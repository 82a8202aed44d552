"""Typed and pasted text becomes numbers, or a message naming the cell."""

from __future__ import annotations

import math

import pytest

from lossgui.core import CellError
from lossgui.core.parsing import is_blank, parse_block, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.25", 0.25), (" 1e-7 ", 1e-7), ("１．５", 1.5), ("−2", -2.0), ("－０．３", -0.3),
     ("inf", math.inf), ("-inf", -math.inf), ("7", 7.0)],
)
def test_numbers_as_people_type_them(text, value):
    assert parse_number(text) == value


def test_decimal_comma_only_when_the_locale_uses_it():
    assert parse_number("1,5", decimal_comma=True) == 1.5
    with pytest.raises(ValueError, match="not a number"):
        parse_number("1,5")


@pytest.mark.parametrize("text", ["abc", "0.1.2", "1,2,3", "", "  "])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text, decimal_comma=True)


def test_blank_means_missing():
    assert is_blank("") and is_blank(" \u3000") and not is_blank("0")


def test_spreadsheet_clipboard_block_with_crlf_trailing_newline_and_quotes():
    text = '0.01\t0.34\r\n"0.65"\t0.21\r\n0.13\t\r\n'
    rows = parse_block(text)
    assert rows[:2] == [[0.01, 0.34], [0.65, 0.21]]
    assert rows[2][0] == 0.13 and math.isnan(rows[2][1])


@pytest.mark.parametrize(
    "text",
    ["[0.01, 0.65, 0.13]", "np.array([0.01, 0.65, 0.13])", "array([0.01, 0.65, 0.13])",
     "numpy.array((0.01, 0.65, 0.13), dtype=float)", "0.01\n0.65\n0.13\n"],
)
def test_python_and_numpy_lists_paste_as_one_column(text):
    assert parse_block(text) == [[0.01], [0.65], [0.13]]


def test_nested_list_pastes_as_rows():
    assert parse_block("[[0, 1], [1, 0]]") == [[0.0, 1.0], [1.0, 0.0]]


def test_a_bad_cell_is_named_by_row_and_column():
    with pytest.raises(CellError) as caught:
        parse_block("0.1\t0.2\r\n0.3\tabc\r\n")
    assert (caught.value.row, caught.value.column) == (1, 1)
    assert str(caught.value) == "row 2, column 2: 'abc' is not a number"


def test_a_list_with_text_is_refused_naming_the_element():
    with pytest.raises(CellError, match="row 2"):
        parse_block("[0.1, 'x', 0.3]")
    with pytest.raises(CellError):
        parse_block("[0.1, __import__('os')]")


@pytest.mark.parametrize("text", ["0,5\n0,25\n", "0,5\r\n0,25\r\n", "0,5", "1,000 2"])
def test_a_decimal_comma_is_refused_not_split_where_the_mark_is_a_point(text):
    # Split at the comma, 0,5 was read as the two numbers 0 and 5 (tester5); typed, it is
    # refused, so pasted it is refused too, naming the cell and how to write either meaning.
    with pytest.raises(CellError) as caught:
        parse_block(text)
    assert (caught.value.row, caught.value.column) == (0, 0)
    assert str(caught.value).endswith(" is not a number: the decimal mark is a point here "
                                      "(0.5, not 0,5); between two numbers put a tab or a space")
    assert "小数点はピリオド" in caught.value.message_ja


def test_a_decimal_comma_reads_where_the_locale_writes_one():
    assert parse_block("0,5\n0,25\n", decimal_comma=True) == [[0.5], [0.25]]


@pytest.mark.parametrize(
    ("text", "rows"),
    [("0.1,0.2", [[0.1, 0.2]]), ("1,2,3", [[1.0, 2.0, 3.0]]), ("0, 5", [[0.0, 5.0]]),
     ("0.5;1", [[0.5, 1.0]]), ("1 2\n3 4", [[1.0, 2.0], [3.0, 4.0]])],
)
def test_lists_written_out_still_split_at_commas(text, rows):
    assert parse_block(text) == rows


def test_a_typed_decimal_comma_says_the_mark_is_a_point():
    with pytest.raises(ValueError, match=r"^'1,5' is not a number: the decimal mark is a point"):
        parse_number("1,5")
    with pytest.raises(ValueError, match=r"^'1,2,x' is not a number$"):
        parse_number("1,2,x")
