"""Numbers as text: the few formats lossgui writes, each in one function used everywhere.

- :func:`round_trip` for exact figures (the CLI's table, tooltips): the shortest text that
  reads back as the identical float64 (``repr``), ``nan``/``inf``/``-inf`` spelled out.
- :func:`csv_number` for CSV files: the same digits in the layout polars' CSV writer uses.
- :func:`cell_text` for a table cell's value (what editing, copying and tooltips show): the
  same digits without a trailing ``.0``, blank for a missing value, a decimal comma where the
  locale writes one.
- :func:`cell_shown` for a table cell as drawn: :func:`cell_text`, or CELL_DIGITS significant
  digits where those are shorter (a learned 0.08320000000000001 is drawn 0.0832).
- :func:`cell_fitted` for a cell whose column is narrower than that text: as many digits as fit.
- :func:`short` for a sentence: about six significant digits (``%g``).
- :func:`shown` for a total or a value in a panel: six significant digits, ``∞``/``−∞``,
  a decimal comma where the locale writes one.
- :func:`in_formula` for a worked formula: six significant digits with the minus sign and ∞,
  a decimal comma where the locale writes one; :func:`formula_with_decimal_comma` for a whole
  written-out formula from the core in such a locale.
- :func:`truth`, :func:`is_truth` and :func:`setting` for a yes/no or a parameter's value:
  ``true``/``false``, never Python's ``True``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

DIGITS = 6
"""Significant digits of every rounded number a learner reads (what ``%g`` gives)."""

CELL_DIGITS = 10
"""Significant digits a table cell is drawn with at most: every number typed with up to ten digits
is drawn as typed, while a float's rounding tail (0.08320000000000001 after a step) would make
its column too wide to show its neighbours."""

MINUS = "−"  # U+2212, the minus sign a formula is typeset with
INFINITY = "∞"


def round_trip(value: float) -> str:
    """Shortest text that reads back as the identical float64; ``nan``, ``inf``, ``-inf``."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(float(value))


def csv_number(value: float) -> str:
    """Shortest text that reads back as the identical float64, as the CSV writer (polars) writes it.

    The digits are ``repr``'s (the shortest round trip); the layout is polars': plain notation
    for exponents −5 … 15, otherwise ``1e-7`` / ``1e+16`` with no padded exponent; ``inf``,
    ``-inf`` and ``nan`` spelled out. The totals and the numbered rows of one file so look
    alike (tests/core/test_csvio.py checks this against polars itself).
    """
    text = round_trip(value)
    mantissa, e, exponent = text.partition("e")
    if not e:
        return text
    power = int(exponent)
    if power == -5:  # repr writes 1.5e-05, polars 0.000015
        sign, digits = ("-", mantissa[1:]) if mantissa.startswith("-") else ("", mantissa)
        return f"{sign}0.0000{digits.replace('.', '')}"
    return f"{mantissa}e{'+' if power > 0 else '-'}{abs(power)}"


def cell_text(value: float, decimal_comma: bool = False) -> str:
    """A cell's value as the shortest text that reads back exactly; blank for missing."""
    if math.isnan(value):
        return ""
    text = round_trip(value).removesuffix(".0")
    return with_decimal_comma(text) if decimal_comma else text


def cell_shown(value: float, decimal_comma: bool = False) -> str:
    """A cell as the table draws it: the exact text, or CELL_DIGITS significant digits where
    that is shorter; blank for missing. The exact text stays in the cell's editor and tooltip."""
    exact = cell_text(value)
    rounded = f"{value:.{CELL_DIGITS}g}"
    text = rounded if len(rounded) < len(exact) else exact
    return with_decimal_comma(text) if decimal_comma else text


def cell_fitted(value: float, fits: Callable[[str], bool], decimal_comma: bool = False) -> str:
    """A cell drawn in a column too narrow for :func:`cell_shown`: the most significant digits
    (CELL_DIGITS down to 1) whose text ``fits``, as a spreadsheet rounds a number to its column
    (a batch's z showed "0.002…", "1.220…" after a Step); the shortest if none fits."""
    text = ""
    for digits in range(CELL_DIGITS, 0, -1):
        text = f"{value:.{digits}g}"
        text = with_decimal_comma(text) if decimal_comma else text
        if fits(text):
            break
    return text


def short(value: float) -> str:
    """About six significant digits, short enough for a sentence (``0.35``, ``1e-07``)."""
    return f"{value:.{DIGITS}g}"


def telling(value: float, wrong: Callable[[float], bool]) -> str:
    """:func:`short`, unless those six digits no longer show what is wrong with ``value``
    (``wrong`` of them is False): then every digit (:func:`round_trip`).

    For a number a message quotes because of its value: y = 1.0000001 must not read
    "y = 1 is outside [0, 1]", and y = 1.0359778906832318 reads 1.03598.
    """
    text = short(value)
    return text if wrong(float(text)) else round_trip(value)


def shown(value: float, decimal_comma: bool = False) -> str:
    """A total or value as a panel shows it: six significant digits, ∞ and −∞."""
    if math.isinf(value):
        return INFINITY if value > 0 else MINUS + INFINITY
    text = short(value)
    return with_decimal_comma(text) if decimal_comma else text


def in_formula(value: float, decimal_comma: bool = False) -> str:
    """A value as a learner would write it in a formula: ``−0.5``, ``1e−07``, ``∞`` (``−0,5``
    with ``decimal_comma``)."""
    text = short(value).replace("-", MINUS).replace("inf", INFINITY)
    return with_decimal_comma(text) if decimal_comma else text


def formula_with_decimal_comma(text: str) -> str:
    """A formula the core wrote out (``max(0, 1−1·0.65)``) as a locale with a decimal comma
    writes it: ``max(0; 1−1·0,65)``. The arguments of a function are parted by ``;``, as that
    locale's spreadsheets part them, or ``max(0, 0,5)`` would read as three numbers."""
    return with_decimal_comma(text.replace(", ", "; "))


def with_decimal_comma(text: str) -> str:
    """``text`` with its decimal point written as a comma, as the locale does (``1,5``)."""
    return text.replace(".", ",")


def truth(value: bool) -> str:
    """A yes/no setting as files, the CLI and the undo history write it: ``true``/``false``."""
    return "true" if value else "false"


def is_truth(value: object) -> bool:
    """Whether a stored yes/no reads as yes: ``True``, or the text :func:`truth` writes (QSettings
    keeps a bool as ``true`` in its INI file and hands it back as text)."""
    return value is True or value == truth(True)


def setting(value: float | bool | str, rounded: bool = False, decimal_comma: bool = False) -> str:
    """A parameter's value as text: ``true``/``false``, a choice as it is, a number exactly
    (``rounded``: six significant digits, as an editor or a menu shows it)."""
    if isinstance(value, bool):
        return truth(value)
    if isinstance(value, float) and rounded:
        text = short(value)
        return with_decimal_comma(text) if decimal_comma else text
    return str(value)
