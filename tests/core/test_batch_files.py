"""Batch CSVs in and out, batch sessions, and pasted numpy/PyTorch prints.

The refusals are asserted word for word (file, row, column, reason): a faster reader must give
the same ones.
"""

from __future__ import annotations

import csv
import io
import json
import math
from importlib import resources

import numpy as np
import pytest
from test_csvio import write as write_file

from lossgui.core import CellError, LossguiError, evaluate
from lossgui.core.csvio import read_data_csv, results_csv_text
from lossgui.core.parsing import parse_block
from lossgui.core.project import Session, SessionError, from_json, to_json

LABELS = ("t,y1[0],y1[1],y1[2],y2[0],y2[1],y2[2]\n"
          "2,0.1,0.2,0.7,0.3,0.3,0.4\n0,0.8,0.1,0.1,0.2,0.5,0.3\n")


def write(tmp_path, text, name="batch.csv", encoding="utf-8"):
    return write_file(tmp_path, text, name, encoding)


def test_blocks_are_n_by_k_tables_and_a_plain_t_is_class_indices(tmp_path):
    data = read_data_csv(write(tmp_path, LABELS))
    assert data.is_batch and data.names == ["t", "y1", "y2"]
    name, t, predictions = data.split()
    assert name == "t" and t.tolist() == [2.0, 0.0]
    assert [(n, y.shape) for n, y in predictions] == [("y1", (2, 3)), ("y2", (2, 3))]
    assert predictions[1][1].tolist() == [[0.3, 0.3, 0.4], [0.2, 0.5, 0.3]]


def test_a_one_hot_block_target_and_columns_in_any_order(tmp_path):
    text = "y[1],t[0],y[0],t[1]\n0.9,0,0.1,1\n0.4,1,0.6,0\n"
    _, t, [(_, y)] = read_data_csv(write(tmp_path, text)).split()
    assert t.tolist() == [[0, 1], [1, 0]] and y.tolist() == [[0.1, 0.9], [0.6, 0.4]]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("\ufefft,y[0],y[1]\r\n1,0.25,0.75\r\n0,0.5,0.5\r\n", "utf-8"),
        ("t;y[0];y[1]\n1;0,25;0,75\n0;0,5;0,5\n", "utf-8"),
        ("t\ty[0]\ty[1]\n1\t0.25\t0.75\n0\t0.5\t0.5\n", "utf-8"),
        ('"t","y[0]","y[1]"\n"1","0.25","0.75"\n\n0,0.5,0.5\n', "utf-8"),
        ("t,y[0],y[1]\n1,0.25,0.75\n0,0.5,0.5\n", "cp932"),
    ],
)
def test_the_dialect_rules_of_the_vector_reader_apply(tmp_path, text, encoding):
    _, t, [(_, y)] = read_data_csv(write(tmp_path, text, encoding=encoding)).split()
    assert t.tolist() == [1.0, 0.0] and y.tolist() == [[0.25, 0.75], [0.5, 0.5]]


def test_a_file_without_blocks_is_the_vector_format_unchanged(tmp_path):
    data = read_data_csv(write(tmp_path, "t,y1\n0,0.1\n1,0.9\n"))
    assert not data.is_batch and data.column("y1").tolist() == [0.1, 0.9]


def test_a_blank_class_index_is_missing_not_zero(tmp_path):
    _, t, _ = read_data_csv(write(tmp_path, "t,y[0],y[1]\n,0.5,0.5\n1,0.2,0.8\n")).split()
    assert math.isnan(t[0]) and t[1] == 1.0


@pytest.mark.parametrize(
    ("text", "message", "message_ja"),
    [
        ("t,y[0],y[1]\n1,0.5,0.5\n0.5,0.2,0.8\n",
         "batch.csv, row 3, column 't': 0.5 is not a class index: a class index is a whole "
         "number 0…1 (beside the N×K blocks, a plain column holds one class index per sample)",
         "batch.csv、3 行目、列 't': 0.5 はクラス番号ではありません。"),
        ("t,y[0],y[1]\n1,0.5,0.5\n\n-1,0.2,0.8\n",
         "batch.csv, row 4, column 't': the class index -1 is negative: classes are numbered 0…1",
         "batch.csv、4 行目、列 't': クラス番号 -1 が負です"),
        ("t,y[0],y[1]\n2,0.5,0.5\n",
         "batch.csv, row 2, column 't': the class index 2 is not below K = 2: classes are "
         "numbered 0…1", "クラス番号 2 が K = 2 以上です"),
        ('t,y[0],y[1]\n1,0.5,0.5\n"x",0.2,0.8\n',
         "batch.csv, row 3, column 't': 'x' is not a number", "'x' は数ではありません"),
        ("t,y[0],y[2]\n1,0.5,0.5\n",
         "batch.csv, row 1, column 'y': the block 'y' has no column y[1]: a block needs every "
         "class y[0]…y[2]", "ブロック 'y' に列 y[1] がありません"),
        ("t[0],t[1],y[0],y[1],y[2]\n1,0,0.2,0.3,0.5\n",
         "batch.csv, row 1, column 'y': the block 'y' has 3 classes but 't' has 2: every block "
         "of a batch needs the same number of classes K",
         "ブロック 'y' のクラスは 3 個ですが 't' は 2 個です"),
        ("t,t[0],t[1],y[0],y[1]\n1,0,1,0.5,0.5\n",
         "batch.csv, row 1, column 't': 't' is both a plain column and a block t[k]",
         "普通の列とブロック t[k] の両方にあります"),
        ("t,y[0],y[1],y[ 1]\n1,0.5,0.5,0.5\n",
         "batch.csv, row 1, column 'y[ 1]': the block 'y' has class 1 twice",
         "ブロック 'y' にクラス 1 が2回あります"),
        ("t,y[0],y[1]\n1,0.5\n", "batch.csv, row 2: has 2 cells but the header has 3 columns",
         "セルが 2 個ありますが"),
    ],
)
def test_unusable_batch_files_are_refused_naming_row_and_block(
    tmp_path, text, message, message_ja
):
    with pytest.raises(CellError) as caught:
        read_data_csv(write(tmp_path, text))
    assert message in str(caught.value)
    assert message_ja in caught.value.message_ja


def test_a_class_index_column_cannot_be_a_prediction(tmp_path):
    text = "t,label,y[0],y[1]\n1,0,0.5,0.5\n"
    data = read_data_csv(write(tmp_path, text))
    name, t, predictions = data.split("label")
    assert name == "label" and t.tolist() == [0.0] and [n for n, _ in predictions] == ["y"]
    with pytest.raises(LossguiError, match=r"'t' is a column of class indices: a prediction of "
                       r"a batch is a block t\[0\]…t\[K−1\]"):
        data.split("label", ["t"])


# --- results CSV ---------------------------------------------------------------------------------


def _results(tmp_path, text, loss="cee", **params):
    name, t, predictions = read_data_csv(write(tmp_path, text)).split()
    results = [(n, y, evaluate(loss, y, t, **params)) for n, y in predictions]
    return t, results, results_csv_text(name, t, results)


def test_results_csv_of_a_batch_is_one_row_per_sample(tmp_path):
    _, results, text = _results(tmp_path, LABELS, reduction="mean")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["n", "t", "y1[0]", "y1[1]", "y1[2]", "contribution(y1)",
                       "gradient(y1)[0]", "gradient(y1)[1]", "gradient(y1)[2]",
                       "y2[0]", "y2[1]", "y2[2]", "contribution(y2)",
                       "gradient(y2)[0]", "gradient(y2)[1]", "gradient(y2)[2]"]
    ev = results[0][2]
    assert rows[1][:6] == ["1", "2", "0.1", "0.2", "0.7", repr(-math.log(0.7) / 2)]
    assert rows[1][6:9] == ["0.0", "0.0", repr(-1 / 0.7 / 2)]
    assert rows[2][:2] == ["2", "0"]
    assert [float(r[5]) for r in rows[1:3]] == pytest.approx(ev.contributions.sum(axis=1))
    assert rows[3][0] == "total" and float(rows[3][5]) == ev.total
    assert float(rows[3][12]) == results[1][2].total
    assert rows[4:] == [["loss", "cee"], ["eps", "0.0"], ["reduction", "mean"]]
    assert text.endswith("\r\n")


@pytest.mark.parametrize("target", ["labels", "one-hot"])
def test_a_batch_results_csv_reopens_as_the_batch(tmp_path, target):
    text = LABELS if target == "labels" else (
        "t[0],t[1],t[2],y[0],y[1],y[2]\n0,0,1,0.1,0.2,0.7\n1,0,0,0.8,0.1,0.1\n")
    t, results, out = _results(tmp_path, text)
    again = read_data_csv(write(tmp_path, out, "results.csv"))
    _, t2, predictions = again.split()
    np.testing.assert_array_equal(t2, t)
    assert [n for n, _ in predictions] == [n for n, _, _ in results]
    for (_, y, _), (_, y2) in zip(results, predictions, strict=True):
        np.testing.assert_array_equal(y2, y)


# --- sessions ------------------------------------------------------------------------------------


def _batch_session(target: np.ndarray) -> Session:
    y = np.array([[0.1, 0.2, 0.7], [0.8, math.nan, math.inf]])
    return Session("正解", target, [("y1", y)], "softmax_cee", {"label_smoothing": 0.1})


@pytest.mark.parametrize("target", [np.array([2.0, math.nan]), np.eye(3)[[2, 0]]])
def test_a_batch_session_is_version_2_and_reopens_identically(target):
    session = _batch_session(target)
    text = to_json(session)
    document = json.loads(text)
    assert document["version"] == 2
    key = "class_indices" if target.ndim == 1 else "values"
    assert document["target"] == {"name": "正解", key: [
        None if math.isnan(v) else v for v in target.tolist()] if target.ndim == 1
        else target.tolist()}
    assert document["predictions"][0]["values"] == [[0.1, 0.2, 0.7], [0.8, None, "inf"]]
    if target.ndim == 1:  # written as the whole numbers they are: [2, null], not [2.0, null]
        assert [type(v) for v in document["target"][key]] == [int, type(None)]
    again = from_json(text)
    np.testing.assert_array_equal(again.target, target)
    np.testing.assert_array_equal(again.predictions[0][1], session.predictions[0][1])
    assert again.params == {"label_smoothing": 0.1, "reduction": "mean"}


def test_a_vector_session_is_still_written_as_version_1():
    session = Session("t", np.array([0.0, 1.0]), [("y", np.array([0.2, 0.8]))], "sse")
    assert json.loads(to_json(session))["version"] == 1


def _v2(**changes):
    document = json.loads(to_json(_batch_session(np.array([2.0, 0.0]))))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_v2(version=3), "newer lossgui (format version 3); this one reads version 2"),
        (_v2(predictions=[{"name": "y", "values": [[0.1, 0.9], [0.2]]}]),
         "prediction 1 ('y'), sample 2 has 1 value but sample 1 has 2: every sample needs "
         "the same K"),
        (_v2(predictions=[{"name": "y", "values": [0.1, 0.9]}]),
         "prediction 'y' should be an N×K table beside class indices"),
        (_v2(predictions=[{"name": "y", "values": [[0.1, "x"], [0.2, 0.8]]}]),
         "sample 1, class 1 is 'x', not a number"),
        (_v2(target={"name": "t", "values": [[1, 0]]}), "prediction 'y1' has 2 values but the "
         "target has 1"),
        (_v2(predictions=[{"name": "a", "values": [[0.1, 0.9], [0.2, 0.8]]},
                          {"name": "b", "values": [[0.1, 0.8, 0.1], [0.2, 0.7, 0.1]]}]),
         "different numbers of classes K: 2, 3"),
        (json.dumps({"format": "lossgui-session", "version": 1, "loss": "sse",
                     "target": {"name": "t", "values": [[0, 1]]},
                     "predictions": [{"name": "y", "values": [[0, 1]]}]}),
         "element 1 is [0, 1], not a number"),
    ],
)
def test_bad_batch_sessions_are_refused_with_the_reason(text, message):
    with pytest.raises(SessionError, match=r"^s\.lossgui\.json: ") as caught:
        from_json(text, "s.lossgui.json")
    assert message in str(caught.value)


# --- pasted prints -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tensor([[ 1.2000, -0.3000],\n        [ 0.5000,  2.0000]], requires_grad=True)",
        "tensor([[ 1.2, -0.3], [0.5, 2.0]], device='cuda:0', grad_fn=<AddmmBackward0>)",
        "tensor([[1.2, -0.3], [0.5, 2.0]], dtype=torch.float64,\n       grad_fn=<MulBackward0>)",
        "torch.tensor([[1.2, -0.3], [0.5, 2.0]])",
        "np.array([[1.2, -0.3], [0.5, 2.0]])",
        "array([[ 1.2, -0.3],\n       [ 0.5,  2. ]], dtype=float32)",
        "[[1.2, -0.3], [0.5, 2.0]]",
        "1.2\t-0.3\r\n0.5\t2.0\r\n",
    ],
)
def test_a_batch_pastes_from_pytorch_numpy_lists_and_spreadsheets(text):
    assert parse_block(text) == [[1.2, -0.3], [0.5, 2.0]]


def test_printed_nan_and_inf_are_a_blank_and_infinities():
    rows = parse_block("tensor([[nan, inf], [-inf, 1.]])")
    assert math.isnan(rows[0][0]) and rows[0][1] == math.inf and rows[1] == [-math.inf, 1.0]
    assert parse_block("tensor([2, 0, 1])") == [[2.0], [0.0], [1.0]]


def test_a_shortened_print_is_refused_saying_how_to_print_it_whole():
    with pytest.raises(CellError, match=r"shortened with “\.\.\.”") as caught:
        parse_block("tensor([[0.1, 0.2, ..., 0.3]])")
    assert "torch.set_printoptions(profile='full')" in str(caught.value)
    assert "省略" in caught.value.message_ja


def test_the_shipped_pytorch_print_is_the_shipped_logits_batch():
    examples = resources.files("lossgui.resources") / "examples"
    logits, labels = (examples / "logits-batch-pytorch.txt").read_text("utf-8").split("\n\n")
    _, t, [(_, z)] = read_data_csv(str(examples / "logits-batch.csv")).split()
    assert parse_block(logits.split("\n", 1)[1]) == z.tolist()
    assert [r[0] for r in parse_block(labels.split("\n", 1)[1])] == t.tolist()
