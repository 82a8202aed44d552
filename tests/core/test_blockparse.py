"""The fast block parser gives exactly parse_block's numbers and errors (no Qt)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from lossgui.core import CellError
from lossgui.core.blockparse import (
    _parse_plain,
    parse_block_array,
    rectangle,
    without_blank_overhang,
)
from lossgui.core.parsing import parse_block


def careful(text: str) -> np.ndarray | CellError:
    try:
        return rectangle(parse_block(text))
    except CellError as error:
        return error


def same(text: str) -> None:
    expected = careful(text)
    try:
        got: np.ndarray | CellError = parse_block_array(text)
    except CellError as error:
        got = error
    if isinstance(expected, CellError):
        assert isinstance(got, CellError), text
        assert (str(got), got.row, got.column) == (str(expected), expected.row, expected.column)
    else:
        assert isinstance(got, np.ndarray), text
        assert got.shape == expected.shape, text
        assert got.tobytes() == expected.tobytes(), text  # bitwise, -0.0 and NaN included


def test_a_spreadsheet_block_takes_the_fast_path_and_reads_the_same() -> None:
    rng = np.random.default_rng(1)
    values = rng.standard_normal((10_000, 3)) * 10.0 ** rng.integers(-30, 30, (10_000, 3))
    text = "\r\n".join("\t".join(repr(v) for v in row) for row in values.tolist()) + "\r\n"
    assert _parse_plain(text) is not None
    np.testing.assert_array_equal(parse_block_array(text), values)
    same(text)


@pytest.mark.parametrize("text", [
    "1", "1\n", "1\n2\n3", "-0\t+.5\n5.\t1e-999", "1e999\t-1E+05", "007\t0.1",
    "1\t2\n3\n4\t5\t6", "1\t2\n3\t\n4\t5", "\t1", "1\t", "1\n\n2", "1-2\t\n3\t4", "1-2\n.",
    ".", "-", "e5", "1e", "1.2.3", "1e5e5", "+-1", "1 2", "1,5", "inf\t1", "nan", "[1, 2]",
    "１.５", "−2\t3", '"1"\t2', "", "\n", "\t", "1\r2", "a\tb",
])
def test_unusual_text_reads_exactly_as_the_careful_parser(text: str) -> None:
    same(text)


def test_random_plain_looking_text_agrees_with_the_careful_parser() -> None:
    rng = np.random.default_rng(7)
    alphabet = list("0123456789.eE+-") + ["\t", "\n"] * 2
    for _ in range(3000):
        text = "".join(rng.choice(alphabet, int(rng.integers(1, 14))))
        same(text)


def test_short_rows_are_padded_with_blanks() -> None:
    values = parse_block_array("1\t2\n3")
    assert values[0].tolist() == [1.0, 2.0] and values[1, 0] == 3.0 and math.isnan(values[1, 1])


@pytest.mark.parametrize("text", ["1.2.3", "1e5e5", "0.5\t1.2.3\n1\t2"])
def test_malformed_numbers_are_refused_even_where_numpy_only_warns(text: str) -> None:
    # numpy < 2.3 only warns about 1.2.3 (and reads 1.2); an app that ignores warnings, as a
    # user's does, must still refuse the cell rather than read part of it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _parse_plain(text) is None
        with pytest.raises(CellError, match="is not a number"):
            parse_block_array(text)


def test_a_blank_overhang_past_the_table_is_dropped_and_blanks_inside_are_kept() -> None:
    # " 0.4 \t" pasted at the last column added an empty prediction (tester5).
    block = parse_block_array(" 0.4 \t")
    assert block.shape == (1, 2)
    assert without_blank_overhang(block, 5, 1).tolist() == [[0.4]]
    assert without_blank_overhang(block, 5, 2).shape == (1, 2)  # it blanks the cell under it
    block = parse_block_array("0.3\t\n\t\n")
    assert without_blank_overhang(block, 1, 1).tolist() == [[0.3]]
    kept = without_blank_overhang(block, 2, 1)
    assert kept.shape == (2, 1) and math.isnan(kept[1, 0])
    assert without_blank_overhang(parse_block_array("\t"), 1, 1).shape == (1, 1)
    assert without_blank_overhang(parse_block_array("1\t\t2"), 1, 1).shape == (1, 3)
