"""Sessions save and reopen identically; broken, foreign or newer files are refused clearly."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from lossgui.core.atomic import WriteError
from lossgui.core.project import Session, SessionError, from_json, load, save, to_json


def article_session() -> Session:
    return Session(
        "t",
        np.array([0, 1, 0, 1, 0.0]),
        [("y1", np.array([0.01, 0.65, 0.13, 0.70, 0.15])),
         ("予測2", np.array([0.34, math.nan, 0.91, math.inf, 0.22]))],
        "cee",
        {"eps": 1e-7},
    )


def test_save_then_open_gives_an_identical_session(tmp_path):
    path = tmp_path / "homework.lossgui.json"
    save(path, article_session())
    again = load(path)
    assert again.loss_id == "cee" and again.params == {"eps": 1e-7, "reduction": "sum"}
    assert again.target_name == "t" and again.target.tolist() == [0, 1, 0, 1, 0]
    assert [n for n, _ in again.predictions] == ["y1", "予測2"]
    np.testing.assert_array_equal(again.predictions[1][1], article_session().predictions[1][1])
    assert again.predictions[0][1].tolist() == [0.01, 0.65, 0.13, 0.70, 0.15]


def test_the_file_is_plain_json_with_blanks_as_null():
    document = json.loads(to_json(article_session()))
    assert document["format"] == "lossgui-session" and document["version"] == 1
    assert document["predictions"][1]["values"][1:4] == [None, 0.91, "inf"]


def _document(**changes):
    document = json.loads(to_json(article_session()))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "broken JSON"),
        ("[1, 2]", "not a lossgui session"),
        (json.dumps({"format": "other"}), "not a lossgui session"),
        (_document(version=3), "newer lossgui (format version 3); this one reads version 2"),
        (_document(version="1"), "no valid version"),
        (_document(loss="l2"), "unknown loss 'l2'"),
        (_document(params={"eps": -1}), "eps must be at least 0"),
        (_document(predictions=[]), "no prediction"),
        (_document(predictions=[{"name": "y", "values": [1, 2]}]), "has 2 values"),
        (_document(predictions=[{"name": "y", "values": [1, 2, "x", 4, 5]}]),
         "element 3 is 'x', not a number"),
        (_document(target="t"), "target should be a dict"),
    ],
)
def test_bad_session_files_are_refused_with_the_reason(text, message):
    with pytest.raises(SessionError, match=r"homework\.lossgui\.json: ") as caught:
        from_json(text, "homework.lossgui.json")
    assert message in str(caught.value)


def test_a_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "s.lossgui.json"
    save(path, article_session())
    before = path.read_bytes()
    monkeypatch.setattr("lossgui.core.atomic.os.replace",
                        lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    broken = article_session()
    broken.target_name = "changed"
    with pytest.raises(WriteError, match=r"s\.lossgui\.json: cannot write the file: disk full"):
        save(path, broken)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.lossgui.json"]
