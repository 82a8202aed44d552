"""`compute --totals-only` says of a blank target what `compute` says of the same file (tester8
#3): the same sentences, named by the one rule of core/names.py, with the rows of the whole
file, in English and Japanese, also when the file is read in many small blocks."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from lossgui import cli
from lossgui.core.stream import stream_totals

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _rows(blank: int, rows: int, row: str, blank_row: str) -> str:
    return "".join((blank_row if n == blank else row.format(n=n % 3)) + "\n" for n in range(rows))


# name -> (file text, loss): each file has one blank target cell in a later block's rows.
FILES = {
    "class index": ("t,z[0],z[1],z[2]\n" + _rows(13, 30, "{n},1,2,0.5", ",1,1,1"), "softmax_cee"),
    "class index, cee": ("t,z[0],z[1],z[2]\n" + _rows(13, 30, "{n},0.2,0.3,0.5", ",0.2,0.2,0.6"),
                         "cee"),
    "one-hot": ("t[0],t[1],y[0],y[1]\n" + _rows(17, 30, "1,0,0.8,0.2", ",1,0.3,0.7"), "cee"),
    "vector": ("t,y1,y2\n" + _rows(21, 30, "1,0.8,0.6", ",0.2,0.4"), "sse"),
}


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: object) -> tuple[str, str]:
    assert cli.main([str(a) for a in args]) == 0
    out, err = capsysbinary.readouterr()
    return out.decode(), err.decode()


@pytest.mark.parametrize("locale", ["C", "ja_JP.UTF-8"])
@pytest.mark.parametrize("name", list(FILES))
def test_totals_only_warns_as_compute_does(
    name: str, locale: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    text, loss = FILES[name]
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LC_ALL", locale)
    # Small blocks, so that the blank row lies in a later block than the first.
    monkeypatch.setattr(cli, "stream_totals", functools.partial(stream_totals, block_bytes=60))

    out, said = _run(capsysbinary, "compute", path, "--loss", loss, "--format", "json")
    whole = json.loads(out)
    out, streamed_said = _run(capsysbinary, "compute", path, "--loss", loss, "--totals-only",
                              "--format", "json")
    streamed = json.loads(out)

    assert any("missing" in line or "空欄" in line for line in said.splitlines())
    assert sorted(streamed_said.splitlines()) == sorted(said.splitlines())
    key = json.dumps
    assert sorted(map(key, streamed["warnings"])) == sorted(map(key, whole["warnings"]))
    out, table = _run(capsysbinary, "compute", path, "--loss", loss, "--totals-only")
    assert table == ""
    assert sorted(line for line in out.splitlines() if line in said.splitlines()) \
        == sorted(said.splitlines())
