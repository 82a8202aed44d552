"""One rule for "which prediction is lowest", used by the window's ★ and the CLI's arrow."""

from __future__ import annotations

import math

from lossgui.core.lowest import lowest_indices

INF = math.inf
NAN = math.nan


def test_the_single_lowest_total():
    assert lowest_indices([0.252, 2.0651]) == {0}
    assert lowest_indices([3.0, 1.0, 2.0]) == {1}


def test_a_tie_for_the_lowest_marks_every_tied_prediction():
    assert lowest_indices([1.0, 1.0, 2.0]) == {0, 1}


def test_when_all_totals_tie_none_is_lower():
    assert lowest_indices([1.0, 1.0]) == frozenset()
    assert lowest_indices([INF, INF]) == frozenset()


def test_nothing_to_compare_marks_nothing():
    assert lowest_indices([]) == frozenset()
    assert lowest_indices([0.5]) == frozenset()
    assert lowest_indices([0.5, NAN]) == frozenset()  # an unknown total is not compared
    assert lowest_indices([0.5, None]) == frozenset()  # nor a refused one


def test_a_finite_total_beats_an_infinite_one_and_unknowns_are_skipped():
    assert lowest_indices([INF, 0.7]) == {1}
    assert lowest_indices([NAN, 2.0, INF, None, 2.0, 3.0]) == {1, 4}


def test_a_total_from_y_outside_the_domain_is_not_compared() -> None:
    # Round 2's tester: with y > 1 under cee the total went negative and got the ★.
    from lossgui.core import evaluate
    from lossgui.core.document import DocumentModel
    from lossgui.core.lowest import compared_total

    t = [0.0, 1.0]
    outside, fair, worse = [0.2, 1.3], [0.3, 0.7], [0.4, 0.6]
    evaluations = [evaluate("cee", y, t) for y in (outside, fair, worse)]
    assert evaluations[0].total < 0 < evaluations[1].total < evaluations[2].total
    assert compared_total(evaluations[0].total, evaluations[0].problems) is None
    assert compared_total(evaluations[1].total, evaluations[1].problems) == evaluations[1].total
    model = DocumentModel(["t", "a", "b", "c"], [t, outside, fair, worse], "cee")
    assert model.lowest == {1} and model.not_compared(0) == "y" and model.not_compared(1) is None
    two = DocumentModel(["t", "a", "b"], [t, outside, fair], "cee")
    assert two.lowest == frozenset()  # one total left to compare: nothing is lower


def test_bce_far_outside_the_domain_gets_no_star() -> None:
    from lossgui.core.document import DocumentModel

    t = [0.0, 1.0, 0.0, 1.0, 0.0]
    model = DocumentModel(["t", "y1", "y2", "y3"],
                          [t, [-1e5, 1e5, -1e5, 1e5, -1e5], [-2e5, 2e5, -2e5, 2e5, -2e5],
                           [0.01, 0.65, 0.13, 0.70, 0.15]], "bce")
    assert all(e is not None and e.total < 0 for e in model.evaluations[:2])
    assert model.lowest == frozenset()
