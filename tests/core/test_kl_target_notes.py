"""kl says what cee says about a t that is not one correct class, in kl's own words, and what it
says is what kl computes (the round-4 tester: under kl a t with two 1s got no note)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.examples import ARTICLE, example_columns
from lossgui.core.problems import Severity


def article() -> tuple[np.ndarray, np.ndarray]:
    _, columns = example_columns(ARTICLE)
    return np.asarray(columns[1], dtype=float), np.asarray(columns[0], dtype=float)


def test_a_t_with_two_ones_gets_kls_note_and_each_one_adds_minus_log_y() -> None:
    y, t = article()
    ev = evaluate("kl", y, t)
    [note] = [p for p in ev.problems if p.code == "t_multi_label"]
    assert note.severity is Severity.NOTE and note.index is None  # one vector: a note, as cee
    assert note.message == (
        "t has 2 ones: KL divergence compares t and y as probability distributions, each "
        "summing to 1. Is this multi-label? Each 1 adds its own t·log(t/y) = −log y term to "
        "the sum.")
    assert note.message_ja == (
        "t には 1 が 2 個あります。KLダイバージェンスは t と y を、それぞれ合計 1 の確率分布"
        "として比べます。マルチラベルですか? 1 のそれぞれが t·log(t/y) = −log y の項を足します。")
    # What the note says: at each 1 the term is −log y, at each 0 it is 0, and they add up.
    ones = t == 1
    np.testing.assert_allclose(ev.contributions[ones], -np.log(y[ones]), rtol=1e-15)
    assert (ev.contributions[~ones] == 0).all()
    assert ev.total == pytest.approx(-(math.log(0.65) + math.log(0.70)), rel=1e-15)
    assert ev.total == pytest.approx(evaluate("cee", y, t).total, rel=1e-15)


def test_in_a_batch_the_sample_is_named_and_warned_about_as_under_cee() -> None:
    y = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.3, 0.3, 0.4]])
    t = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0]])
    kl = {p.code: p for p in evaluate("kl", y, t).problems if p.code.startswith("t_")}
    cee = {p.code: p for p in evaluate("cee", y, t).problems if p.code.startswith("t_")}
    assert set(kl) == set(cee) == {"t_multi_label", "t_no_class"}
    for code in kl:
        assert (kl[code].severity, kl[code].sample) == (cee[code].severity, cee[code].sample)
    assert kl["t_multi_label"].message.startswith("In sample 2, t has 2 ones: KL divergence")
    assert kl["t_no_class"].message.startswith(
        "In sample 3, t has no 1 (every class is 0): no class is correct, so this sample adds "
        "nothing to KL divergence.")
    ev = evaluate("kl", y, t, reduction="sum")
    assert (ev.contributions[2] == 0).all()  # "adds nothing": every t·log(t/y) of it is 0
    assert ev.per_sample[1] == pytest.approx(-(math.log(0.5) + math.log(0.4)), rel=1e-15)


def test_a_t_that_sums_to_less_than_1_is_said_under_kl() -> None:
    problems = evaluate("kl", [0.5, 0.5], [0.25, 0.25]).problems
    [remark] = [p for p in problems if p.code == "t_not_distribution_uncompared"]
    assert remark.message.startswith("t sums to 0.5, not 1: KL divergence expects one correct "
                                     "class (one-hot) or a probability distribution. KL ≥ 0 ")
    assert "KLダイバージェンスは正解が1つのクラス" in remark.message_ja
