"""A data CSV marks a target that is not called t (``label (t)``): every reader finds it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lossgui.cli import main as cli_main
from lossgui.core import csvio
from lossgui.core.columns import marked_target, target_header


def test_the_mark_is_written_only_for_a_target_with_another_name() -> None:
    assert target_header("t") == "t" and target_header("label") == "label (t)"
    columns = [np.array([0.0, 1.0]), np.array([0.2, 0.7])]
    assert csvio.data_csv_text(["t", "y1"], columns).startswith("t,y1\r\n")  # as always
    assert csvio.data_csv_text(["正解", "y1"], columns).startswith("正解 (t),y1\r\n")


@pytest.mark.parametrize(("names", "read"), [
    (["label (t)", "y1"], (["label", "y1"], "label")),
    (["t", "label (t)"], (["t", "label (t)"], None)),  # a column called t is the target
    (["a (t)", "b (t)"], (["a (t)", "b (t)"], None)),  # two marks: which? ask, as before
    (["a (t)", "a"], (["a (t)", "a"], None)),  # unmarked it would be a name taken
    (["(t)", "y"], (["(t)", "y"], None)),
    (["a", "b"], (["a", "b"], None)),
])
def test_which_names_mark_a_target(names: list[str], read: tuple[list[str], str | None]) -> None:
    assert marked_target(names) == read


@pytest.mark.parametrize("large", [False, True])
def test_every_reader_finds_the_marked_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    if large:  # the window's reading in blocks, and the CLI's polars reading of the whole
        monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 16)
        monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 32)
    path = tmp_path / "saved.csv"
    rows = [[float(k % 2), k / 10, 1 - k / 10] for k in range(8)]
    path.write_text(csvio.data_csv_text(["label", "y1", "y2"],
                                        [np.array(c) for c in zip(*rows, strict=True)]))
    for whole in (False, True):
        data = csvio.read_data_csv(path, whole=whole)
        assert (data.names, data.target) == (["label", "y1", "y2"], "label")
        name, t, predictions = data.split()
        assert name == "label" and [n for n, _ in predictions] == ["y1", "y2"]
        np.testing.assert_array_equal(t, [r[0] for r in rows])
    blocks = list(csvio.iter_data_blocks(path, block_bytes=32))
    assert len(blocks) > 1 and all(b.target == "label" for _, _, b in blocks)


def test_compute_and_totals_only_need_no_target_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "saved.csv"
    path.write_text("label (t),y1\r\n0,0.25\r\n1,0.5\r\n")
    for only in ([], ["--totals-only"]):
        assert cli_main(["compute", str(path), "--loss", "sse", "--format", "json", *only]) == 0
        out = capsys.readouterr().out
        assert '"target": "label"' in out and '"total": 0.3125' in out
