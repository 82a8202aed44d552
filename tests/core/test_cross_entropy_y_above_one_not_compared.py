"""cee and nll rank no y summing above 1 over a soft t (round 6: t = [.5, .5], y1 = [.6, .6]
scored 0.51 "← lowest loss" under cee, over y = t's 0.693). Cross-entropy is H(t) + KL(t‖y):
over distributions it is lowest at y = t, where it is H(t), and kl's bound (Gibbs) keeps every
y summing to at most 1 at or above that, as it keeps every y over a 0/1 t at or above 0. nll
is cee of exp(y). The one rule is kl's, in core.lowest and checks.above_one_over_soft_t; the
window and `lossgui compute` (and --totals-only) read it from the core."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from lossgui.cli import main as cli_main
from lossgui.core import evaluate
from lossgui.core.document import DocumentModel
from lossgui.core.lowest import not_compared
from lossgui.core.stream import stream_totals

T = [0.5, 0.5]
ABOVE, EXACT, OTHER = [0.6, 0.6], [0.5, 0.5], [0.3, 0.7]


def _y(loss: str, y: object) -> np.ndarray:
    """y as ``loss`` reads it: probabilities for cee, their logs for nll."""
    values = np.asarray(y, dtype=float)
    return np.log(values) if loss == "nll" else values


@pytest.mark.parametrize("loss", ["cee", "nll"])
def test_a_y_summing_above_one_over_a_soft_t_scores_below_y_equal_t_and_is_not_compared(
    loss: str,
) -> None:
    above, exact = evaluate(loss, _y(loss, ABOVE), T), evaluate(loss, _y(loss, EXACT), T)
    assert exact.total == pytest.approx(math.log(2), rel=1e-15)  # H(t)
    assert above.total == pytest.approx(-math.log(0.6), rel=1e-15)
    assert above.total < exact.total
    assert not_compared(above.problems) == "y_sum" and not_compared(exact.problems) is None
    model = DocumentModel(["t", "y1", "y2", "y3"],
                          [T, *(_y(loss, y) for y in (ABOVE, EXACT, OTHER))], loss)
    assert model.lowest == {1}  # the ★ goes to y = t, the lowest of the compared totals
    assert [model.not_compared(i) for i in range(3)] == ["y_sum", None, None]


def test_the_notes_say_why_in_english_and_japanese() -> None:
    [note] = [p for p in evaluate("cee", ABOVE, T).problems if p.code == "y_above_one_uncompared"]
    assert note.message.endswith(
        "nothing is renormalised. Over distributions cross-entropy is lowest at y = t (where it "
        "is the entropy of t), so with this y the total can fall below that and is not compared "
        "with the others.")
    assert note.message_ja.endswith(
        "確率分布どうしでは交差エントロピーは y = t のとき最小(そのときの値は t のエントロピー)"
        "なので、この y では合計がそれより小さくなることもあり、ほかの合計とは比べません。")
    [note] = [p for p in evaluate("nll", np.log(ABOVE), T).problems
              if p.code == "y_above_one_uncompared"]
    assert note.message.startswith("exp(y) sums to 1.2, not 1") and note.message.endswith(
        "Over log-distributions nll is lowest at y = log t (where it is the entropy of t), so "
        "with this y the total can fall below that and is not compared with the others.")
    assert "対数確率分布どうしでは nll は y = log t のとき最小" in note.message_ja


@pytest.mark.parametrize("loss", ["cee", "nll"])
def test_what_stays_compared_is_never_below_y_equals_t(loss: str) -> None:
    """The rule's claim, checked on the values: over a distribution t, a y summing to at most 1
    never scores below y = t's H(t); over a 0/1 t, any y in (0, 1] scores at least 0 = y = t's."""
    rng = np.random.default_rng(11)
    t = rng.dirichlet(np.ones(4), size=2000)
    y = rng.dirichlet(np.ones(4), size=2000) * rng.uniform(0.05, 1.0, size=(2000, 1))
    per_sample = evaluate(loss, _y(loss, y), t, reduction="sum").per_sample
    at_t = evaluate(loss, _y(loss, t), t, reduction="sum").per_sample
    assert per_sample is not None and at_t is not None
    assert (per_sample >= at_t - 1e-12).all()
    one_hot = np.eye(4)[rng.integers(0, 4, size=2000)]
    loose = rng.uniform(0.01, 1.0, size=(2000, 4))  # sums up to 4
    hot = evaluate(loss, _y(loss, loose), one_hot, reduction="sum")
    assert hot.per_sample is not None and (hot.per_sample >= 0).all()
    assert not_compared(hot.problems) is None
    # and above 1 over a soft t it does go below: the rule is not idle
    soft_above = evaluate(loss, _y(loss, t * 1.5), t, reduction="sum").per_sample
    assert soft_above is not None and (soft_above < at_t).all()


def test_the_articles_cee_ranking_stays() -> None:
    article = DocumentModel(["t", "y1", "y2"], [[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15],
                                                [0.34, 0.21, 0.91, 0.33, 0.22]], "cee")
    assert article.lowest == {0}  # y1 sums to 1.64, but over a 0/1 t each term is −log y ≥ 0


@pytest.mark.parametrize("loss", ["cee", "nll"])
def test_a_soft_sample_beyond_the_listed_ones_counts_too(loss: str) -> None:
    t = np.eye(2)[np.zeros(25, dtype=int)]
    t[21] = [0.5, 0.5]
    y = _y(loss, np.full((25, 2), 0.6))  # every sample sums to 1.2
    model = DocumentModel(["t", "y"], [t, y], loss)
    assert model.not_compared(0) == "y_sum"
    t[21] = [1.0, 0.0]
    assert DocumentModel(["t", "y"], [t, y], loss).not_compared(0) is None


def test_compute_and_totals_only_say_it(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cee.csv"
    path.write_text("t,y1,y2\n0.5,0.6,0.5\n0.5,0.6,0.5\n", encoding="utf-8")
    for extra in ([], ["--totals-only"]):
        assert cli_main(["compute", str(path), "--loss", "cee", *extra]) == 0
        out = capsys.readouterr().out
        assert "y1          0.5108256237659907  (not compared: y1 (exp(y1) under nll) sums above " \
               "1, so it is no distribution)" in out, out
        assert "y2          0.6931471805599453  ← lowest loss" not in out  # one compared: no ★
    streamed = stream_totals(path, "cee", {"reduction": "sum", "eps": 0.0})
    assert [p.not_compared for p in streamed.predictions] == ["y_sum", None]
