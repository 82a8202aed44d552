"""A results CSV marks a target that is not called t as Save Data as CSV does (``label (t)``), so
it reopens with that target, unasked, in the window and in ``lossgui compute`` (tester6, minor
points); a target called t is written as it always was (the pinned format)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lossgui.cli import main as cli_main
from lossgui.core import csvio, evaluate

T = np.array([0.0, 1.0, 0.0])
Y = np.array([0.2, 0.7, 0.1])
TB = np.array([[0.0, 1.0], [1.0, 0.0]])
YB = np.array([[0.3, 0.7], [0.6, 0.4]])
IDX = np.array([1.0, 0.0])


@pytest.mark.parametrize(("t", "y", "header"), [
    (T, Y, "k,label (t),y1,contribution(y1),gradient(y1)"),
    (TB, YB, "n,label (t)[0],label (t)[1],y1[0],y1[1],contribution(y1),gradient(y1)[0],"
             "gradient(y1)[1]"),
    (IDX, YB, "n,label (t),y1[0],y1[1],contribution(y1),gradient(y1)[0],gradient(y1)[1]"),
])
def test_a_results_csv_reopens_with_its_target_unasked(
    tmp_path: Path, t: np.ndarray, y: np.ndarray, header: str,
) -> None:
    evaluation = evaluate("cee", y, t)
    path = tmp_path / "results.csv"
    with open(path, "wb") as handle:
        csvio.write_results_csv(handle, "label", t, [("y1", y, evaluation)])
    assert path.read_text(encoding="utf-8").splitlines()[0] == header
    data = csvio.read_data_csv(path)
    assert (data.names, data.target) == (["label", "y1"], "label")
    name, target, [(_, values)] = data.split()
    assert name == "label"
    np.testing.assert_array_equal(target, t)
    np.testing.assert_array_equal(values, y)


def test_a_target_called_t_is_written_as_before(tmp_path: Path) -> None:
    text = csvio.results_csv_text("t", T, [("y1", Y, evaluate("sse", Y, T))])
    assert text.startswith("k,t,y1,contribution(y1),gradient(y1)\r\n")


def test_compute_reopens_its_own_results_without_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("label,y1,y2\n0,0.2,0.5\n1,0.7,0.5\n", encoding="utf-8")
    results = tmp_path / "results.csv"
    assert cli_main(["compute", str(data), "--loss", "sse", "--target", "label",
                     "--output", str(results)]) == 0
    capsys.readouterr()
    assert results.read_text(encoding="utf-8").startswith("k,label (t),y1,")
    assert cli_main(["compute", str(results), "--loss", "sse"]) == 0  # no --target needed
    out = capsys.readouterr().out
    assert "y1          0.13000000000000003  ← lowest loss" in out, out
