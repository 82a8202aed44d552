"""`lossgui compute --totals-only`: the same totals as compute, streamed, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys

import pytest

from lossgui.cli import main
from lossgui.core import evaluate
from lossgui.core.examples import EXAMPLES

ARTICLE = EXAMPLES["article"].path


def run(capsysbinary, *args):
    code = main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_table_gives_the_article_totals(capsysbinary):
    code, out, err = run(capsysbinary, "compute", ARTICLE, "--loss", "sse", "--totals-only")
    assert code == 0 and err == ""
    assert "rows: 5" in out
    assert "y1          0.252  ← lowest loss" in out and "y2          2.0651" in out


def test_json_and_csv_carry_the_totals_and_parameters(capsysbinary):
    code, out, _ = run(capsysbinary, "compute", ARTICLE, "--loss", "cee", "--param", "eps=1e-7",
                       "--totals-only", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["rows"] == 5 and report["params"]["eps"] == 1e-7
    assert [p["total"] for p in report["predictions"]] == [0.7874575633279122, 2.66930959356566]
    code, out, _ = run(capsysbinary, "compute", ARTICLE, "--loss", "mse", "--totals-only",
                       "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["prediction", "total"] and rows[-2:] == [["loss", "mse"],
                                                                ["reduction", "mean"]]
    assert float(rows[1][1]) == evaluate("mse", [0.01, 0.65, 0.13, 0.70, 0.15],
                                         [0, 1, 0, 1, 0]).total


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["--loss", "softmax_cee"], "without --totals-only"),
     (["--loss", "sse", "--plot", "x.png"], "--plot needs every contribution")],
)
def test_refusals_are_one_line_and_exit_2(capsysbinary, extra, message):
    code, out, err = run(capsysbinary, "compute", ARTICLE, "--totals-only", *extra)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_terminal_gets_a_progress_line(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("t,y\n" + "1,0.5\n" * 50_000)
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "lossgui", "compute", str(path), "--loss", "mse", "--totals-only",
         "--format", "json"], stdout=subprocess.PIPE, stderr=follower, check=False, timeout=60)
    os.close(follower)
    progress = os.read(leader, 4096).decode()
    os.close(leader)
    assert done.returncode == 0 and json.loads(done.stdout)["rows"] == 50_000
    assert "lossgui: read" in progress and "(100 %)" in progress
