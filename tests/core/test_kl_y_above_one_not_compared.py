"""Under kl a y summing above 1 over a t that is not 0s and 1s leaves that prediction's total
uncompared (learn6's "Noticed": t = [.5, .5], y1 = [.6, .6] scored −0.1823 "← lowest loss" over
y = t's 0). KL = Σ t·log(t/y) ≥ −log Σy (Gibbs), so a y summing to at most 1 keeps KL ≥ 0, and
a 0/1 t (the article's, under kl) makes each term −log y ≥ 0: those stay ranked. One rule in
core.lowest; the window and `lossgui compute` (and --totals-only) read it from the core."""

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
ABOVE, EXACT, BELOW = [0.6, 0.6], [0.5, 0.5], [0.3, 0.6]


def test_a_y_summing_above_one_over_a_distribution_is_not_compared() -> None:
    above = evaluate("kl", ABOVE, T)
    assert above.total == pytest.approx(-math.log(1.2), rel=1e-15) and above.total < 0
    assert not_compared(above.problems) == "y_sum"
    model = DocumentModel(["t", "y1", "y2", "y3"], [T, ABOVE, EXACT, [0.3, 0.7]], "kl")
    # y = t is the lowest of the compared totals; the negative one is not among them.
    assert model.lowest == {1}
    assert [model.not_compared(i) for i in range(3)] == ["y_sum", None, None]
    [note] = [p for p in above.problems if p.code == "y_above_one_uncompared"]
    assert note.message.endswith(
        "y sums to 1.2, not 1, so it is not one probability distribution (a softmax output sums "
        "to 1). The loss uses the values as they are; nothing is renormalised. KL ≥ 0 holds only "
        "between distributions, so with this y the total can be negative (below y = t's 0) and "
        "is not compared with the others.")
    assert note.message_ja is not None and note.message_ja.endswith(
        "KL ≥ 0 は確率分布どうしでしか成り立たないので、この y では合計が負になる"
        "(y = t の 0 より小さくなる)こともあり、ほかの合計とは比べません。")


def test_what_stays_compared_is_never_below_y_equals_t() -> None:
    """The rule's claim, checked on the values: a sum ≤ 1 over a distribution, or any y in
    (0, 1] over a 0/1 t, gives KL ≥ 0, so lower is closer there."""
    rng = np.random.default_rng(7)
    t = rng.dirichlet(np.ones(4), size=2000)
    y = rng.dirichlet(np.ones(4), size=2000) * rng.uniform(0.05, 1.0, size=(2000, 1))
    per_sample = evaluate("kl", y, t, reduction="sum").per_sample
    assert per_sample is not None and (per_sample >= 0).all()
    one_hot = np.eye(4)[rng.integers(0, 4, size=2000)]
    loose = rng.uniform(0.01, 1.0, size=(2000, 4))  # sums up to 4
    hot = evaluate("kl", loose, one_hot, reduction="sum").per_sample
    assert hot is not None and (hot >= 0).all()
    assert not_compared(evaluate("kl", loose, one_hot).problems) is None
    below = evaluate("kl", BELOW, T)
    assert below.total > 0 and not_compared(below.problems) is None


def test_the_article_and_cee_keep_their_ranking() -> None:
    article = DocumentModel(["t", "y1", "y2"], [[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15],
                                                [0.34, 0.21, 0.91, 0.33, 0.22]], "kl")
    assert article.lowest == {0}  # y1 sums to 1.64, but over a 0/1 t each term is −log y
    cee = DocumentModel(["t", "y1", "y2"], [T, ABOVE, EXACT], "cee")
    # cee = H(t) + KL: the same rule holds (test_cross_entropy_y_above_one_not_compared.py)
    assert cee.not_compared(0) == "y_sum"


def test_in_a_batch_only_a_soft_sample_above_one_counts() -> None:
    t = [[1.0, 0.0], [0.5, 0.5]]
    hot_above = [[0.9, 0.9], [0.5, 0.5]]  # sample 1 sums to 1.8 over a one-hot t: −log 0.9 ≥ 0
    soft_above = [[0.9, 0.1], [0.6, 0.6]]
    model = DocumentModel(["t", "a", "b"], [t, hot_above, soft_above], "kl")
    assert model.not_compared(0) is None and model.not_compared(1) == "y_sum"
    [note] = [p for p in model.evaluations[1].problems  # type: ignore[union-attr]
              if p.code == "y_above_one_uncompared"]
    assert note.sample == 1 and note.message.startswith("In sample 2, y sums to 1.2, not 1")


def test_a_soft_sample_beyond_the_listed_ones_counts_too() -> None:
    """The first 20 samples off 1 are told one by one; a 22nd is only counted, and still
    leaves the total uncompared."""
    t = np.eye(2)[np.zeros(25, dtype=int)]
    t[21] = [0.5, 0.5]
    y = np.full((25, 2), 0.6)  # every sample sums to 1.2
    model = DocumentModel(["t", "y"], [t, y], "kl")
    assert model.not_compared(0) == "y_sum"
    [counted] = [p for p in model.evaluations[0].problems  # type: ignore[union-attr]
                 if p.code == "y_above_one_uncompared"]
    assert counted.message == "…and 5 more samples: y does not sum to 1 there."
    t[21] = [1.0, 0.0]
    assert DocumentModel(["t", "y"], [t, y], "kl").not_compared(0) is None


def test_compute_and_totals_only_say_it(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kl.csv"
    path.write_text("t,y1,y2\n0.5,0.6,0.5\n0.5,0.6,0.5\n", encoding="utf-8")
    for extra in ([], ["--totals-only"]):
        assert cli_main(["compute", str(path), "--loss", "kl", *extra]) == 0
        out = capsys.readouterr().out
        assert "← lowest loss" not in out
        assert "y1          -0.1823215567939546  (not compared: y1 (exp(y1) under nll) sums " \
               "above 1, so it is no distribution)" in out, out
    streamed = stream_totals(path, "kl", {"reduction": "mean"})
    assert [p.not_compared for p in streamed.predictions] == ["y_sum", None]
