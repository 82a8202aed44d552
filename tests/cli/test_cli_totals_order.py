"""`compute --totals-only` lists its warnings in the order `compute` lists them (names7 left
them in the order the blocks were read): both by row of the file, each row's in the order the
checks say them, for the table, stderr and JSON, in English and Japanese, with the file read in
many small blocks."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pytest

from lossgui import cli
from lossgui.core.document import DocumentModel
from lossgui.core.stream import stream_totals

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _file(rows: int) -> str:
    """A one-hot cee batch with a problem of another check in each of three blocks: y above 1
    in row 2, a blank t in row 14, a blank y in row 27 (the checks say blanks first)."""
    lines = ["t[0],t[1],y1[0],y1[1],y2[0],y2[1]"]
    for n in range(rows):
        t, y1, y2 = "1,0", "0.8,0.2", "0.6,0.4"
        if n == 1:
            y1 = "1.5,0.2"
        if n == 13:
            t = ",0"
        if n == 26:
            y2 = "0.6,"
        lines.append(f"{t},{y1},{y2}")
    return "\n".join(lines) + "\n"


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: object) -> tuple[str, str]:
    assert cli.main([str(a) for a in args]) == 0
    out, err = capsysbinary.readouterr()
    return out.decode(), err.decode()


@pytest.mark.parametrize("locale", ["C", "ja_JP.UTF-8"])
def test_totals_only_lists_the_warnings_in_computes_order(
    locale: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(_file(30), encoding="utf-8")
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LC_ALL", locale)
    monkeypatch.setattr(cli, "stream_totals", functools.partial(stream_totals, block_bytes=120))
    assert len(list(stream_totals(path, "cee", {"eps": 0.0, "reduction": "sum"},
                                  block_bytes=120).predictions)) == 2

    out, said = _run(capsysbinary, "compute", path, "--loss", "cee", "--format", "json")
    whole = json.loads(out)
    out, streamed_said = _run(capsysbinary, "compute", path, "--loss", "cee", "--totals-only",
                              "--format", "json")
    streamed = json.loads(out)
    rows = [(w["prediction"], w["sample"]) for w in whole["warnings"]]
    assert rows == [("y1", 2), ("y1", 2), (None, 14), ("y2", 27)], rows
    assert streamed_said.splitlines() == said.splitlines()
    assert streamed["warnings"] == whole["warnings"]

    table, _ = _run(capsysbinary, "compute", path, "--loss", "cee")
    streamed_table, _ = _run(capsysbinary, "compute", path, "--loss", "cee", "--totals-only")
    warned = [line for line in table.splitlines() if line in said.splitlines()]
    assert warned == said.splitlines()
    assert [line for line in streamed_table.splitlines() if line in said.splitlines()] == warned


def test_compute_lists_a_vectors_warnings_in_element_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """tester9: `compute weird.csv` (t,y1 / 0,1e999 / 1,-inf / 0,nan) listed element 3 (the
    blank, whose check runs first), then 1 and 2. Now 1, 2, 3 in compute, --totals-only and the
    window's notes (DocumentModel.cell_problems)."""
    path = tmp_path / "weird.csv"
    path.write_text("t,y1\n0,1e999\n1,-inf\n0,nan\n", encoding="utf-8")
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for extra in ([], ["--totals-only"]):
        out, _ = _run(capsysbinary, "compute", path, "--loss", "sse", *extra)
        warned = [line.split(" ")[3] for line in out.splitlines() if line.startswith("warning")]
        assert warned == ["1", "2", "3"], out
    model = DocumentModel(["t", "y1"], [[0.0, 1.0, 0.0], [math.inf, -math.inf, math.nan]], "sse")
    assert [line.split(" ")[2] for line in model.cell_problems("en")] == ["1", "2", "3"]
