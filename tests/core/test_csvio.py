"""Data CSVs in, results CSVs out: exact numbers, clear refusals, atomic writes."""

from __future__ import annotations

import csv
import io
import math
import os

import numpy as np
import pytest

from lossgui.core import CellError, LossguiError, evaluate
from lossgui.core.atomic import WriteError, write_atomic
from lossgui.core.csvio import (
    read_data_csv,
    results_csv_text,
    safe_text,
)
from lossgui.core.numbers import csv_number

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_reads_the_article_example(tmp_path):
    data = read_data_csv(write(tmp_path, ARTICLE))
    assert data.names == ["t", "y1", "y2"]
    name, t, preds = data.split()
    assert name == "t" and t.tolist() == [0, 1, 0, 1, 0]
    assert [n for n, _ in preds] == ["y1", "y2"]
    assert evaluate("sse", preds[0][1], t).total == 0.252


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("\ufefft,y\r\n1,0.5\r\n0,0.25\r\n", "utf-8"),
        ("t;y\n1;0,5\n0;0,25\n", "utf-8"),
        ("t\ty\n1\t0.5\n0\t0.25\n", "utf-8"),
        ('"t","y"\n"1","0.5"\n"0","0.25"\n', "utf-8"),
        ("t,y\n1,0.5\n0,0.25\n", "cp932"),
    ],
)
def test_real_world_dialects(tmp_path, text, encoding):
    data = read_data_csv(write(tmp_path, text, encoding=encoding))
    assert data.names == ["t", "y"]
    assert data.column("y").tolist() == [0.5, 0.25]


def test_japanese_headers_and_headerless_files(tmp_path):
    data = read_data_csv(write(tmp_path, "正解,予測\n1,0.8\n"))
    assert data.names == ["正解", "予測"]
    sjis = read_data_csv(write(tmp_path, "正解,予測\n1,0.8\n", encoding="cp932"))
    assert sjis.names == ["正解", "予測"]
    bare = read_data_csv(write(tmp_path, "0,0.1,0.2\n1,0.9,0.7\n"))
    assert bare.names == ["t", "y1", "y2"] and bare.column("y2").tolist() == [0.2, 0.7]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "data.csv: the file is empty"),
        ("t,y\n1,0.5\n0\n", "data.csv, row 3: has 1 cell but the header has 2 columns"),
        ("t,y\n1,0.5\n0,abc\n", "data.csv, row 3, column 'y': 'abc' is not a number"),
        ("t,y\n", "data.csv, row 2: there are no data rows under the header"),
        ("t,t\n1,2\n", "appears twice"),
    ],
)
def test_unusable_files_are_refused_naming_file_row_and_column(tmp_path, text, message):
    with pytest.raises(CellError) as caught:
        read_data_csv(write(tmp_path, text))
    assert message in str(caught.value)


def test_binary_and_missing_files_are_refused(tmp_path):
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CellError, match="not a text file"):
        read_data_csv(binary)
    with pytest.raises(CellError, match="cannot read"):
        read_data_csv(tmp_path / "absent.csv")


def test_missing_target_column_is_named(tmp_path):
    data = read_data_csv(write(tmp_path, "a,b\n1,2\n"))
    with pytest.raises(LossguiError,
                       match=r"data\.csv: there is no target column 't'.*columns: 'a', 'b'"):
        data.split()
    assert data.split(target="a")[0] == "a"


def _article_results():
    t = np.array([0, 1, 0, 1, 0.0])
    preds = [("y1", np.array([0.01, 0.65, 0.13, 0.70, 0.15])),
             ("y2", np.array([0.34, 0.21, 0.91, 0.33, 0.22]))]
    return t, [(n, y, evaluate("cee", y, t, eps=1e-7)) for n, y in preds]


def test_results_csv_round_trips_to_identical_floats(tmp_path):
    t, results = _article_results()
    path = tmp_path / "results.csv"
    write_atomic(path, results_csv_text("t", t, results))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["k", "t", "y1", "contribution(y1)", "gradient(y1)", "y2",
                       "contribution(y2)", "gradient(y2)"]
    assert [float(r[3]) for r in rows[1:6]] == results[0][2].contributions.tolist()
    assert float(rows[6][3]) == results[0][2].total and rows[6][0] == "total"
    assert ["loss", "cee"] in rows and ["eps", "1e-07"] in rows
    again = read_data_csv(path)  # a results file opens as its data again
    assert again.names == ["t", "y1", "y2"]
    assert again.column("y1").tolist() == results[0][1].tolist()


def test_numbers_use_the_shortest_exact_form():
    for value in (0.1, 1 / 3, 2.0651, 1e-300, 123456789.123456789):
        assert float(csv_number(value)) == value
    assert csv_number(math.inf) == "inf" and csv_number(math.nan) == "nan"


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "+1", "-x", "@SUM(A1)", "\tx", "\rx"])
def test_formula_injection_is_neutralised(name):
    assert safe_text(name) == "'" + name
    t, results = _article_results()
    header = results_csv_text(name, t, results).split("\r\n")[0]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in next(csv.reader([header])))


def test_an_interrupted_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "results.csv"
    path.write_text("old contents", encoding="utf-8")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(WriteError, match=r"results\.csv: cannot write the file: No space"):
        write_atomic(path, "new contents")
    assert path.read_text(encoding="utf-8") == "old contents"
    assert os.listdir(tmp_path) == ["results.csv"]


def test_bom_option_for_excel(tmp_path):
    path = tmp_path / "r.csv"
    write_atomic(path, "a\r\n", bom=True)
    assert path.read_bytes() == b"\xef\xbb\xbfa\r\n"
