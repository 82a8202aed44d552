"""The columnar CSV engine (polars) reads and writes exactly what the careful path does."""

from __future__ import annotations

import io
import math

import numpy as np
import polars as pl
import pytest

from lossgui.core import CellError
from lossgui.core.csvio import (
    _parse_careful,
    _parse_fast,
    parse_data_text,
    read_data_csv,
    results_csv_text,
)
from lossgui.core.evaluate import evaluate
from lossgui.core.numbers import csv_number
from lossgui.core.parsing import parse_number

# Spellings a user or a program writes; the fast path must read each one as parse_number does
# or hand the file to the careful path (which then reads or refuses it as ever).
SPELLINGS = [
    "1.5", "+1.5", ".5", "5.", "-0.0", "0", "1e5", "1E5", "1e+5", "1e-324", "5e-324",
    "0.30000000000000004", "1.7976931348623157e308", "1e400", "-1e400", "inf", "-inf", "+inf",
    "Inf", "INF", "nan", "NaN", "-nan", "infinity", "Infinity", "-Infinity", " 1.5", "1.5 ",
    "1_000", "1 2", "0x10", "1e5e5", "1.2.3", "e5", "1e", "--1", "1d5", "1.5f", "true", "１．５",
    "−2", "²", "#1", "1,5", "12345678901234567890123456789",
]


@pytest.mark.parametrize("cell", SPELLINGS)
def test_fast_path_reads_a_cell_as_parse_number_or_not_at_all(cell):
    fast = _parse_fast(f"t,y\n0,{cell}\n".encode(), None)
    try:
        expected = parse_number(cell)
    except ValueError:
        expected = None
    if fast is None:
        return  # the careful path decides, as before
    assert expected is not None, f"the fast path accepted {cell!r}, which parse_number refuses"
    got = fast.column("y")[0]
    assert (math.isnan(got) and math.isnan(expected)) or (
        got == expected and math.copysign(1, got) == math.copysign(1, expected))


def test_fast_path_takes_the_usual_file():
    text = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\r\n"
    assert _parse_fast(text.encode(), None) is not None


@pytest.mark.parametrize(
    "text",
    [
        "t,y\n1,2\n\n0,0.5\n",        # a blank line: skipped by both
        "t,y\n1,2\n,\n0,0.5\n",       # a line of empty cells: skipped by both
        "t;y\n1;0,5\n0;0,25\n",       # decimal comma
        "t\ty\n1\t0.5\n0\t0.25\n",    # tabs
        "0,0.1\n1,0.9\n",             # no header: t, y1
        "\ufefft,y\r\n1,0.5\r\n",     # BOM and CRLF
    ],
)
def test_fast_and_careful_paths_agree(text):
    fast = _parse_fast(text.encode(), None)
    assert fast is not None
    sep = ";" if ";" in text else ("\t" if "\t" in text else ",")
    careful = _parse_careful(text.removeprefix("\ufeff"), "<text>", sep)
    assert fast.names == careful.names
    for a, b in zip(fast.columns, careful.columns, strict=True):
        assert a.tobytes() == b.tobytes()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t,y\n1,2\n3\n", "row 3: has 1 cell but the header has 2 columns"),
        ("t,y\n1,2\n3,4,5\n", "row 3: has 3 cells but the header has 2 columns"),
        ("t,y\n1,abc\n", "'abc' is not a number"),
    ],
)
def test_refusals_come_from_the_careful_path_with_their_location(text, message):
    with pytest.raises(CellError) as raised:
        parse_data_text(text, "data.csv")
    assert message in str(raised.value) and "data.csv" in str(raised.value)


def test_a_blank_cell_is_missing_not_zero():
    data = parse_data_text("t,y\n1,\n0,0.5\n")
    assert math.isnan(data.column("y")[0]) and data.column("y")[1] == 0.5


def _magnitudes(n: int) -> np.ndarray:
    rng = np.random.default_rng(7)
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-320, 300, n).astype(float)
    edges = [0.0, -0.0, 5e-324, 1e-5, 1.5e-5, -2.5e-5, 1e-4, 1e-6, 1e15, 1e16, 9999999999999998.0,
             1.7976931348623157e308, 0.1, 0.30000000000000004, 1e21, -1e22, math.inf, -math.inf,
             math.nan]
    return np.concatenate([values[np.isfinite(values)], edges])


def test_format_number_writes_what_the_engine_writes():
    values = _magnitudes(20_000)
    engine = pl.DataFrame({"v": values}).with_columns(pl.col("v").fill_nan(None)).write_csv(
        include_header=False, null_value="nan").splitlines()
    ours = [csv_number(v) for v in values.tolist()]
    assert ours == engine
    assert all(float(text) == v or (math.isnan(v) and text == "nan")
               for text, v in zip(ours, values.tolist(), strict=True))


def test_results_round_trip_bit_exact_through_the_engine(tmp_path):
    values = _magnitudes(5_000)
    values = values[np.isfinite(values)]
    t = np.zeros_like(values)
    text = results_csv_text("t", t, [("y", values, evaluate("mse", values, t))])
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8", newline="")
    again = read_data_csv(path)
    assert again.column("y").tobytes() == values.tobytes()
    assert text.count("\r\n") == text.count("\n")  # CRLF everywhere


def test_results_rows_are_what_csv_writer_would_write():
    t = np.array([0.0, 1.0])
    y = np.array([1e-7, math.nan])
    text = results_csv_text("t", t, [("y", y, evaluate("mse", y, t))])
    assert text.splitlines()[1].split(",")[:3] == ["1", "0.0", "1e-7"]
    assert text.splitlines()[2].split(",")[:3] == ["2", "1.0", "nan"]
    io.StringIO(text)  # text, not bytes
