"""A count in a sentence agrees with its number (tester8: "row 3: has 1 cells"): "1 cell",
"2 cells", through one helper, problems.counted. Japanese has no plural: its sentences keep
their counter words (「セルが 1 個」) and must still read so."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from lossgui import cli
from lossgui.core import evaluate
from lossgui.core.csvio import read_data_csv
from lossgui.core.problems import CellError, counted


def test_counted_says_one_thing_in_the_singular() -> None:
    assert counted(1, "cell") == "1 cell"
    assert counted(0, "cell") == "0 cells"
    assert counted(12_345, "class", "classes") == "12,345 classes"


@pytest.mark.parametrize(("row", "en", "ja"), [
    ("1", "has 1 cell but the header has 3 columns", "セルが 1 個ありますが、見出しは 3 列です"),
    ("1,0.5", "has 2 cells but the header has 3 columns",
     "セルが 2 個ありますが、見出しは 3 列です"),
])
def test_a_short_row_counts_its_cells_in_words_that_agree(
    tmp_path: Path, row: str, en: str, ja: str,
) -> None:
    path = tmp_path / "short.csv"
    path.write_text(f"t,y1,y2\n1,0.5,0.2\n{row}\n", encoding="utf-8")
    with pytest.raises(CellError) as error:
        read_data_csv(path)
    assert str(error.value).endswith(f"row 3: {en}"), str(error.value)
    assert error.value.text("ja").endswith(f"3 行目: {ja}"), error.value.text("ja")


def test_a_header_of_one_column_is_one_column(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("t\n1,0.5\n", encoding="utf-8")
    with pytest.raises(CellError, match=r"has 2 cells but the header has 1 column$"):
        read_data_csv(path)


def test_one_more_element_or_sample_is_one(capsysbinary: pytest.CaptureFixture[bytes],
                                           tmp_path: Path) -> None:
    blanks = [p.message for p in evaluate("sse", [math.nan] * 21, [0.0] * 21).problems
              if p.index is None]
    assert blanks == ["…and 1 more element: y is missing there."]
    path = tmp_path / "one.csv"
    path.write_text("t[0],t[1],t[2],z[0],z[1],z[2]\n0,1,0,2,5,3\n", encoding="utf-8")
    assert cli.main(["compute", str(path), "--loss", "softmax_cee"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "batch: 1 sample × 3 classes;" in out, out
    z = np.zeros((21, 3))
    z[:, 0] = 1.0  # every row sums to 1 but is 0 where t is 1: 21 samples told, 1 counted
    listed = [p.message for p in evaluate("cee", z + 0.5, np.eye(3)[[1] * 21]).problems
              if p.index is None and p.sample is None]
    assert any(m.startswith("…and 1 more sample: ") for m in listed), listed
