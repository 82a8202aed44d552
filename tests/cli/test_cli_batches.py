"""`lossgui compute` on a batch: PyTorch's totals, N×K JSON, one CSV row per sample."""

from __future__ import annotations

import csv
import io
import json
import math
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from lossgui.cli import main
from lossgui.core import evaluate
from lossgui.core.csvio import read_data_csv

EXAMPLES = resources.files("lossgui.resources") / "examples"


def run(capsysbinary, *args):
    code = main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.parametrize("file", ["book-batch.csv", "book-batch-labels.csv"])
def test_the_books_batch_gives_the_batch_mean(capsysbinary, file):
    code, out, err = run(capsysbinary, "compute", EXAMPLES / file, "--loss", "cee",
                         "--param", "eps=1e-7", "--param", "reduction=mean")
    assert code == 0 and err == ""
    assert "y           0.43375012909046895" in out
    assert ("batch: 2 samples × 10 classes; the total is the mean of the samples' losses"
            in out)
    assert "1       0.510825" in out and "2       0.356675" in out


def test_json_of_a_batch_has_n_by_k_lists_and_per_sample_totals(capsysbinary):
    code, out, _ = run(capsysbinary, "compute", EXAMPLES / "logits-batch.csv",
                       "--loss", "softmax_cee", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["samples"], report["classes"]) == (4, 3)
    [z] = report["predictions"]
    _, t, [(_, logits)] = read_data_csv(str(EXAMPLES / "logits-batch.csv")).split()
    expected = evaluate("softmax_cee", logits, t)
    assert z["total"] == expected.total == pytest.approx(0.7974423294050564, rel=1e-14)
    assert z["contributions"] == expected.contributions.tolist()
    assert np.shape(z["contributions"]) == np.shape(z["gradient"]) == (4, 3)
    assert z["gradient"] == expected.gradient.tolist()
    assert np.mean(z["per_sample"]) == pytest.approx(z["total"], rel=1e-14)


def test_batch_warnings_name_the_sample_from_1_and_the_class_from_0(capsysbinary, tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("t,y[0],y[1],y[2]\n2,0.1,0.2,0.7\n0,0.0,0.5,0.4\n,0.3,0.3,0.4\n")
    code, out, err = run(capsysbinary, "compute", path, "--loss", "cee", "--format", "json")
    assert code == 0
    warnings = json.loads(out)["warnings"]
    by_code = {(w["sample"], w["class"]): w for w in warnings}
    assert by_code[(3, None)]["prediction"] is None  # the target's own: blank class index
    assert by_code[(3, None)]["message"].startswith("t (class), sample 3 is missing")
    assert by_code[(2, 0)]["message"].startswith("y₂[0] = 0 where t₂[0] = 1")
    assert by_code[(2, None)]["message"].startswith("In sample 2, y sums to 0.9")
    assert by_code[(2, None)]["severity"] == "warning"
    assert all(set(w) == {"prediction", "sample", "class", "severity", "message"}
               for w in warnings)
    assert "warning: In sample 2, y sums to 0.9" in err
    assert json.loads(out)["predictions"][0]["total"] == "nan"  # sample 3 is unknown


def test_csv_out_of_a_batch_reopens_as_the_batch(capsysbinary, tmp_path):
    out_path = tmp_path / "results.csv"
    code, _, _ = run(capsysbinary, "compute", EXAMPLES / "logits-batch.csv",
                     "--loss", "softmax_cee", "--param", "label_smoothing=0.1",
                     "--output", out_path)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out_path.read_text("utf-8"))))
    assert rows[0][:6] == ["n", "t", "z[0]", "z[1]", "z[2]", "contribution(z)"]
    assert [r[0] for r in rows[1:6]] == ["1", "2", "3", "4", "total"]
    assert float(rows[5][5]) == pytest.approx(0.8757756627383898, rel=1e-14)
    code, out, _ = run(capsysbinary, "compute", out_path, "--loss", "softmax_cee",
                       "--param", "label_smoothing=0.1")
    assert code == 0 and "z           0.87577566273838" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t,y[0],y[1]\n1,0.5,0.5\n1.5,0.2,0.8\n", "row 3, column 't': 1.5 is not a class index"),
        ("t,y[0],y[2]\n1,0.5,0.5\n", "column 'y': the block 'y' has no column y[1]"),
    ],
)
def test_a_bad_batch_file_exits_2_with_one_line(capsysbinary, tmp_path, text, message):
    path = tmp_path / "b.csv"
    path.write_text(text)
    code, out, err = run(capsysbinary, "compute", path, "--loss", "cee")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_the_table_lists_at_most_20_samples(capsysbinary, tmp_path):
    path = tmp_path / "many.csv"
    rows = "".join(f"{n % 2},0.25,0.75\n" for n in range(25))
    path.write_text("t,y[0],y[1]\n" + rows)
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "mse")
    assert code == 0 and "… 5 more samples" in out
    total = float(out.split("y       ")[1].split()[0])
    assert total == evaluate("mse", np.tile([0.25, 0.75], (25, 1)),
                             np.array([n % 2 for n in range(25)], float)).total
    assert not math.isnan(total)


def test_the_documented_example_is_what_the_command_prints(capsysbinary, monkeypatch):
    docs = (Path(__file__).parents[2] / "docs" / "batch-format.md").read_text("utf-8")
    command = "$ lossgui compute resources/examples/book-batch-labels.csv"
    block = docs.split(command, 1)[1].split("```", 1)[0]
    line, printed = block.split("\n", 1)
    monkeypatch.chdir(Path(__file__).parents[2])
    code, out, _ = run(capsysbinary, "compute", "resources/examples/book-batch-labels.csv",
                       *line.split())
    assert code == 0 and out == printed


def test_totals_streamed_in_blocks_reduce_a_batch_over_every_sample(tmp_path):
    from lossgui.core.stream import stream_totals

    rng = np.random.default_rng(4)
    z = rng.normal(size=(300, 3))
    labels = rng.integers(0, 3, size=300)
    path = tmp_path / "big.csv"
    path.write_text("t,z[0],z[1],z[2]\n" + "".join(
        f"{c},{a!r},{b!r},{d!r}\n" for c, (a, b, d) in zip(labels, z.tolist(), strict=True)))
    whole = evaluate("softmax_cee", z, labels.astype(float))
    for loss_id, params in (("softmax_cee", {"label_smoothing": 0.0, "reduction": "mean"}),
                            ("mse", {"reduction": "mean"})):
        streamed = stream_totals(path, loss_id, params, block_bytes=1000)
        expected = whole if loss_id == "softmax_cee" else evaluate(
            "mse", z, labels.astype(float))
        assert streamed.rows == 300
        assert streamed.predictions[0].total == pytest.approx(expected.total, rel=1e-12)
