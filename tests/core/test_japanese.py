"""Every sentence the core shows a user exists in Japanese too (日本語 is first-class)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lossgui.core import LOSSES, evaluate
from lossgui.core.conventions import compare, input_remarks
from lossgui.core.explain import substitute

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Inputs that trip every check of every loss: blanks, zeros under logs, values out of range,
# labels that are not ±1, targets with two 1s, predictions that do not sum to 1, many elements.
BAD_INPUTS = [
    ([0.0, 1.2, np.nan, -0.5, 0.3], [1.0, 0.0, 1.0, 1.0, 0.5]),
    ([0.2, 0.3, 0.1], [np.nan, 2.0, 1.0]),
    ([0.5, 0.5, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0]),
    (list(np.full(30, 1.5)), list(np.full(30, 1.0))),
    (list(np.zeros(30)), list(np.ones(30))),
]


@pytest.mark.parametrize("loss", LOSSES, ids=lambda loss: loss.id)
def test_every_problem_has_a_japanese_sentence(loss):
    seen = 0
    for y, t in BAD_INPUTS:
        for params in ({}, {"eps": 1e-3} if loss.id in {"cee", "bce"} else {}):
            for problem in evaluate(loss.id, y, t, **params).problems:
                seen += 1
                assert JAPANESE.search(problem.text("ja_JP")), problem
                assert problem.text("en_US") == problem.message
    assert seen > 0 or loss.id in {"sse", "mse", "mae", "huber"}


def test_names_parameters_and_input_kinds_are_japanese_too():
    for loss in LOSSES:
        assert JAPANESE.search(loss.name_ja)
        assert JAPANESE.search(loss.expects.describe("ja"))
        for param in loss.params:
            assert JAPANESE.search(param.describe("ja")), (loss.id, param.name)


def test_conventions_and_remarks_in_japanese():
    y, t = np.array([0.01, 0.0, 0.13, 0.70, 0.15]), np.array([0, 1, 0, 1, 0.0])
    for convention in compare(y, t):
        assert JAPANESE.search(convention.explain("ja")), convention.tool
    remarks = input_remarks(y, t, "ja")
    assert remarks == [
        "t には 1 が 2 個 — マルチラベルですか?",
        "y の合計は 0.99 で、1 ではありません",
        "t₂ が 1 なのに y₂ が 0 です",
    ]


def test_the_article_message_reads_naturally():
    [problem] = [p for p in evaluate("cee", [0.3, 0.0], [0.0, 1.0]).problems if p.index]
    assert problem.text("ja") == (
        "t₂ = 1 なのに y₂ = 0 です。log 0 は −∞ なので損失は無限大になります。"
        "eps を設定すると(書籍では 1e-7)有限の値になります。"
    )
    long = np.linspace(0, 1, 100)
    line = substitute("sse", long, long, evaluate("sse", long, long))
    assert "ほか94項" in line.plain("ja")


def test_input_errors_say_why_in_japanese_too(tmp_path):
    from lossgui.core import CellError, ParameterError
    from lossgui.core.csvio import read_data_csv
    from lossgui.core.parsing import parse_block, parse_number
    from lossgui.core.problems import error_text

    with pytest.raises(ValueError) as typed:
        parse_number("abc")
    assert error_text(typed.value, "ja") == "'abc' は数ではありません"
    assert error_text(typed.value, "en") == "'abc' is not a number"
    with pytest.raises(CellError) as pasted:
        parse_block("0.1\t0.2\r\n0.3\tabc\r\n")
    assert error_text(pasted.value, "ja") == "2 行目、2 列目: 'abc' は数ではありません"
    path = tmp_path / "data.csv"
    path.write_text("t,y\n1,0.5\n0\n", encoding="utf-8")
    with pytest.raises(CellError) as ragged:
        read_data_csv(path)
    assert "3 行目: セルが 1 個ありますが、見出しは 2 列です" in error_text(ragged.value, "ja")
    with pytest.raises(ParameterError) as param:
        evaluate("cee", [0.5], [1.0], eps=-1)
    assert error_text(param.value, "ja") == "eps は 0 以上です(-1 は使えません)"
