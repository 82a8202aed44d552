"""`lossgui descend`: the loss over the steps as a table, JSON or CSV; one line on bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest

from lossgui.core.descend import descend
from tests.cli.test_cli import ARTICLE, run

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
T = [0.0, 1.0, 0.0, 1.0, 0.0]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_has_the_issues_shape_and_the_cores_numbers(capsysbinary, article):
    code, out, err = run(capsysbinary, "descend", article, "--loss", "sse", "--lr", "0.1",
                         "--steps", "3", "--format", "json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert list(report) == ["loss", "params", "lr", "steps", "space", "predictions", "warnings"]
    assert report["loss"] == "sse" and report["params"] == {"reduction": "sum", "half": False}
    assert report["lr"] == 0.1 and report["steps"] == 3 and report["space"] == "input"
    y1, y2 = report["predictions"]
    assert list(y1) == ["name", "totals", "final"] and y1["name"] == "y1"
    assert y1["totals"][:2] == [0.252, 0.16128]
    expected = descend("sse", Y2, T, {}, 0.1, 3)
    assert y2["totals"] == expected.totals.tolist() and y2["final"] == expected.final.tolist()
    assert report["warnings"] == []


def test_logits_space_is_named_and_its_notes_reach_stderr_and_json(capsysbinary, article):
    code, out, err = run(capsysbinary, "descend", article, "--loss", "cee", "--lr", "0.5",
                         "--steps", "2", "--space", "logits", "--pred", "y1", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["space"] == "logits"
    # Step 0 is the total `compute` gives (round 2: it read 1.7768 after a renormalisation).
    assert report["predictions"][0]["totals"][0] == 0.7874578600311867
    assert report["predictions"][0]["totals"][1] < 0.7874578600311867
    (note,) = report["warnings"]
    assert note["prediction"] == "y1" and note["severity"] == "note" and note["row"] is None
    assert "sums to 1.64" in note["message"] and "note: y1 sums to 1.64" in err
    assert "y = σ(z)" in note["message"]
    code, out, _ = run(capsysbinary, "descend", article, "--loss", "cee", "--lr", "0.5",
                       "--steps", "2", "--space", "logits")
    assert "space: logits (steps on the logits z, with y = σ(z))" in out


def test_table_lists_every_step_and_says_the_space(capsysbinary, article):
    code, out, err = run(capsysbinary, "descend", article, "--loss", "sse", "--lr", "1.5",
                         "--steps", "2")
    assert code == 0 and err == ""
    assert "learning rate: 1.5, steps: 2, space: input (steps on y itself)" in out
    assert "step  y1                  y2" in out
    assert "\n1     1.0079999999999996  8.260399999999999\n" in out
    assert "final y1 (step 2): [" in out
    assert "warning: y1: E rose from 0.252 to 4.032 in 2 steps" in out


def test_csv_has_one_row_per_step_and_blanks_after_a_stop(capsysbinary, tmp_path):
    data = tmp_path / "far.csv"
    data.write_text("t,near,far\n0,0.5,\n1,0.5,0.5\n", encoding="utf-8")  # far has a blank
    out_file = tmp_path / "steps.csv"
    code, out, err = run(capsysbinary, "descend", data, "--loss", "sse", "--lr", "0.25",
                         "--steps", "2", "--output", out_file)
    assert code == 0 and out == ""
    assert "warning: far: E is nan at the start, so there is no finite slope" in err
    rows = list(csv.reader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert rows[0] == ["step", "near", "far"]
    assert rows[1] == ["0", "0.5", "nan"]
    assert rows[2] == ["1", "0.125", ""] and rows[3] == ["2", "0.03125", ""]


@pytest.mark.parametrize(("args", "says"), [
    (["--lr", "0", "--steps", "3"], "the learning rate must be a finite number greater than 0"),
    (["--lr", "0.1", "--steps", "-2"], "the number of steps must be a whole number"),
    (["--lr", "0.1", "--steps", "3", "--space", "logits", "--loss", "mae"],
     "mae has no logits to step on: space logits moves the z behind y = softmax(z) (sse, mse,"),
    (["--lr", "0.1", "--steps", "3", "--space", "z"], "argument --space: invalid choice"),
    (["--lr", "0.1", "--steps", "3", "--param", "half"], "--param 'half': write it as NAME="),
    (["--lr", "0.1", "--steps", "3", "--param", "eps=1"], "sse has no parameter 'eps'"),
    (["--lr", "0.1"], "the following arguments are required: --steps"),
    (["--lr", "0.1", "--steps", "3", "--bom"], "--bom is for CSV output"),
])
def test_bad_arguments_exit_2_with_one_line(capsysbinary, article, args, says):
    loss = [] if "--loss" in args else ["--loss", "sse"]
    code, out, err = run(capsysbinary, "descend", article, *loss, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err


def test_a_missing_file_exits_2_naming_it(capsysbinary, tmp_path):
    code, _, err = run(capsysbinary, "descend", tmp_path / "nope.csv", "--loss", "sse",
                       "--lr", "0.1", "--steps", "1")
    assert code == 2 and "nope.csv" in err and err.count("\n") == 1


def test_compute_marks_no_total_from_y_outside_the_domain_as_lowest(capsysbinary, tmp_path):
    # Round 2's tester: y > 1 under cee gave a negative total that the table called lowest.
    path = tmp_path / "outside.csv"
    path.write_text("t,a,b,c\n0,0.2,0.3,0.4\n1,1.3,0.7,0.6\n", encoding="utf-8")
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "cee")
    lines = {line.split()[0]: line for line in out.splitlines() if line[:2] in ("a ", "b ", "c ")}
    assert code == 0
    assert "(not compared: a is outside the loss's domain)" in lines["a"]  # named, as the notes do
    assert "← lowest loss" in lines["b"] and "lowest" not in lines["a"] + lines["c"]
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "cee", "--totals-only")
    assert "← lowest loss" in next(line for line in out.splitlines() if line.startswith("b "))
    assert "not compared" in next(line for line in out.splitlines() if line.startswith("a "))


def test_compute_does_not_rank_kl_totals_over_a_t_that_is_no_distribution(capsysbinary,
                                                                         tmp_path):
    # Round-6 tester, finding 2: y1 −0.30649537425959444 "← lowest loss", y2 = t 0.0.
    path = tmp_path / "klneg.csv"
    path.write_text("t,y1,y2\n0.3,0.5,0.3\n0.3,0.5,0.3\n", encoding="utf-8")
    batch = tmp_path / "kl_b2.csv"
    batch.write_text("t[0],t[1],y[0],y[1],p[0],p[1]\n1,1,0.5,0.5,0.6,0.4\n"
                     "0.3,0.3,0.5,0.5,0.3,0.3\n0,1,0.5,0.5,0.4,0.6\n", encoding="utf-8")
    for data, names, extra in ((path, ("y1", "y2"), ()), (path, ("y1", "y2"), ("--totals-only",)),
                               (batch, ("y", "p"), ()), (batch, ("y", "p"), ("--totals-only",))):
        code, out, _ = run(capsysbinary, "compute", data, "--loss", "kl", *extra)
        assert code == 0 and "lowest" not in out, out
        for name in names:
            line = next(line for line in out.splitlines() if line.startswith(name + " "))
            assert line.endswith("(not compared: t is not a probability distribution)"), line
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "cee")
    assert "← lowest loss" in next(line for line in out.splitlines() if line.startswith("y1 "))
