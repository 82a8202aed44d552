"""File ▸ Save Data as CSV on a batch writes the batch layout, every sample, and the file opens
as the same batch, in the window and in ``lossgui compute`` (tester6: it wrote sample 1 only as
a vector and said it saved)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from gui_helpers import WindowFactory

from lossgui.cli import main as cli_main
from lossgui.core import csvio, evaluate
from lossgui.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
BOOK_BATCH = ROOT / "resources" / "examples" / "book-batch.csv"
Y = np.array([[0.08, 0.2, 0.72], [0.82, 0.1, 0.08], [0.1, 0.64, 0.26], [0.28, 0.08, 0.64],
              [0.14, 0.32, 0.54]])


def _save_data(window: MainWindow, path: Path) -> str:
    """Trigger File ▸ Save Data as CSV, answering the file dialog with ``path``; the file's text."""
    window.files.ask_save_path = lambda *_: (str(path), "")  # type: ignore[method-assign]
    window.action_map["save_data"].trigger()
    return path.read_bytes().decode("utf-8")


def _reopened(make_window: WindowFactory, path: Path) -> MainWindow:
    other = make_window()
    other.files.ask_target = lambda *_: pytest.fail("asked for the target")  # type: ignore[method-assign]
    assert other.open_path(str(path))
    return other


def _same_batch(window: MainWindow, other: MainWindow) -> None:
    before, after = window.document, other.document
    assert after.is_batch and after.names == before.names
    assert after.model.class_indices == before.model.class_indices
    for c in range(before.column_count):
        np.testing.assert_array_equal(after.file_column(c), before.file_column(c))
    np.testing.assert_array_equal([e.total for e in after.evaluations if e],
                                  [e.total for e in before.evaluations if e])  # NaN = NaN


def test_a_one_hot_batch_is_saved_whole_and_reopens(
    make_window: WindowFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = make_window()
    assert window.open_path(str(BOOK_BATCH))
    assert window.document.model.samples == 2
    path = tmp_path / "bookb-data.csv"
    text = _save_data(window, path)
    lines = text.split("\r\n")
    assert lines[0] == BOOK_BATCH.read_text().splitlines()[0]  # t[0]…t[9],y[0]…y[9]
    assert len([line for line in lines if line]) == 3  # the header and both samples
    assert "Saved the data" in window.statusBar().currentMessage()
    _same_batch(window, _reopened(make_window, path))
    assert cli_main(["compute", str(path), "--loss", "cee", "--totals-only"]) == 0
    t = np.zeros((2, 10))
    t[0, 2] = t[1, 7] = 1
    expected = evaluate("cee", window.document.file_column(1), t).total
    assert csvio.csv_number(expected) in capsys.readouterr().out


def test_a_class_index_batch_keeps_its_index_column_and_a_blank(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    data = tmp_path / "kl_bidx.csv"
    rows = [f"{t},{','.join(map(str, y))}" for t, y in zip(["0", "0", "", "1", "2"], Y,
                                                            strict=True)]
    data.write_text("t,y[0],y[1],y[2]\n" + "\n".join(rows) + "\n")
    window = make_window()
    assert window.open_path(str(data))
    assert window.document.model.class_indices
    path = tmp_path / "bidx-data.csv"
    lines = _save_data(window, path).split("\r\n")
    assert lines[:4] == ["t,y[0],y[1],y[2]", "0,0.08,0.2,0.72", "0,0.82,0.1,0.08",
                         ",0.1,0.64,0.26"]  # an index, not 0.0 or a one-hot row; blank stays
    other = _reopened(make_window, path)
    _same_batch(window, other)


def test_a_batch_target_not_called_t_is_marked(make_window: WindowFactory,
                                               tmp_path: Path) -> None:
    data = tmp_path / "blab2.csv"
    data.write_text("lab[0],lab[1],lab[2],y[0],y[1],y[2]\n1,0,0,0.7,0.2,0.1\n0,0,1,0.3,,0.4\n")
    window = make_window()
    window.files.ask_target = lambda *_: "lab"  # type: ignore[method-assign]
    assert window.open_path(str(data))
    path = tmp_path / "blab2-data.csv"
    lines = _save_data(window, path).split("\r\n")
    assert lines[0] == "lab (t)[0],lab (t)[1],lab (t)[2],y[0],y[1],y[2]"
    assert lines[2] == "0.0,0.0,1.0,0.3,,0.4"  # the blank stays blank, never 0
    _same_batch(window, _reopened(make_window, path))
    assert cli_main(["compute", str(path), "--loss", "sse", "--totals-only"]) == 0
