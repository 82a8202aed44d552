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
