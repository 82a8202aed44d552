"""core/numbers.py: each named format gives the text the places that use it always showed."""

from __future__ import annotations

import math

from lossgui.core.numbers import (
    CELL_DIGITS,
    cell_shown,
    cell_text,
    in_formula,
    is_truth,
    round_trip,
    setting,
    short,
    shown,
    truth,
)


def test_round_trip_reads_back_identically() -> None:
    for value in (0.1 + 0.2, 1e-7, -2.5, 1e300, 0.0):
        assert float(round_trip(value)) == value
    assert (round_trip(math.nan), round_trip(math.inf), round_trip(-math.inf)) == \
        ("nan", "inf", "-inf")


def test_cell_text_drops_the_trailing_zero_and_follows_the_locale() -> None:
    assert cell_text(1.0) == "1" and cell_text(0.65) == "0.65" and cell_text(math.nan) == ""
    assert cell_text(2.5, decimal_comma=True) == "2,5"


def test_a_cell_is_drawn_exactly_unless_its_rounding_tail_makes_it_long() -> None:
    """Learned values (0.08320000000000001) are drawn short; what was typed is drawn as typed."""
    assert cell_shown(0.08320000000000001) == "0.0832" != cell_text(0.08320000000000001)
    assert cell_shown(0.1 + 0.2) == "0.3"
    assert cell_shown(1 / 3) == "0." + "3" * CELL_DIGITS  # as many digits as a cell draws
    for typed in ("0.65", "1e-07", "123456789012", "-2.5", "0.1234567891", "-0"):
        assert cell_shown(float(typed)) == cell_text(float(typed))
    assert cell_shown(math.nan) == "" and cell_shown(math.inf) == "inf"
    assert cell_shown(2.7499999999999996, decimal_comma=True) == "2,75"
    for value in (0.08320000000000001, 1 / 3, -2.2250738585072014e-308, 1.2345678901234567e-05):
        assert len(cell_shown(value)) <= len(cell_text(value))
        assert float(cell_shown(value)) == float(f"{value:.{CELL_DIGITS}g}")


def test_rounded_forms_for_sentences_panels_and_formulas() -> None:
    assert short(0.35000000000000003) == "0.35" and short(1e-7) == "1e-07"
    assert shown(math.inf) == "∞" and shown(-math.inf) == "−∞"
    assert shown(1.23456789, decimal_comma=True) == "1,23457"
    assert in_formula(-0.5) == "−0.5" and in_formula(1e-7) == "1e−07"
    assert in_formula(math.inf) == "∞"


def test_yes_no_and_parameter_values_as_text() -> None:
    assert (truth(True), truth(False)) == ("true", "false")
    assert is_truth(True) and is_truth("true") and not is_truth("false") and not is_truth(None)
    assert setting(True) == "true" and setting("mean") == "mean" and setting(1e-7) == "1e-07"
    assert setting(0.30000000000000004, rounded=True) == "0.3"
    assert setting(0.5, rounded=True, decimal_comma=True) == "0,5"


def test_a_formula_in_a_decimal_comma_locale() -> None:
    """Numbers with a comma, and a function's arguments parted by ';' so none reads as two."""
    from lossgui.core.numbers import formula_with_decimal_comma, in_formula

    assert in_formula(-0.5, decimal_comma=True) == "−0,5"
    assert in_formula(1e-7, decimal_comma=True) == "1e−07"
    assert formula_with_decimal_comma("max(0, 1−(−1)·0.01)") == "max(0; 1−(−1)·0,01)"
    assert formula_with_decimal_comma("(0.01−0)²") == "(0,01−0)²"


def test_a_cell_fitted_to_its_column_keeps_the_most_digits_that_fit() -> None:
    from lossgui.core.numbers import cell_fitted

    fits = lambda text: len(text) <= 7  # noqa: E731 (a column of seven characters)
    assert cell_fitted(0.0021497351, fits) == "0.00215"
    assert cell_fitted(-0.90945312, fits) == "-0.9095"
    assert cell_fitted(-0.90945312, fits, decimal_comma=True) == "-0,9095"
    assert cell_fitted(1234567890.5, fits) == "1.2e+09"
