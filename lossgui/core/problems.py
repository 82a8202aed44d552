"""Typed errors and warnings carrying where the problem is and a sentence a learner understands."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# Text quoted in a message is cut to this many characters: a 2,000-character cell or name
# would bury the sentence, and the cut text still says which cell it was.
QUOTE_LIMIT = 40


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` for a one-line message: repr (so a newline shows as \\n), long text cut with …."""
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    if isinstance(value, int) and value.bit_length() > 4 * limit:
        # repr of an int over 4,300 digits raises; its size is what the reader needs anyway
        return f"≈{'-' if value < 0 else ''}1e{int(value.bit_length() * math.log10(2))}"
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and its noun as English says them: "1 cell", "3 cells", "1,000 classes".

    The one place a sentence's count and its noun agree (a tester read "row 3: has 1 cells");
    Japanese needs none: its counter word (「セルが 1 個」) has no plural.
    """
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"


def label(name: str) -> str:
    """A column name as a message shows it: as it is, or quoted if it would break the line."""
    plain = name.isprintable() and len(name) <= QUOTE_LIMIT and name.strip() == name and name
    return name if plain else quoted(name)


def element_name(symbol: str, index: tuple[int, ...]) -> str:
    """Name an element as the article writes it: ``y₂`` for 0-based index (1,).

    In an N×K batch, ``y₁[2]`` is class 2 of sample 1: the sample counted from 1 as the
    article counts elements, the class in brackets counted from 0 as a batch CSV's ``y[2]``.
    """
    if len(index) == 2:
        return f"{symbol}{str(index[0] + 1).translate(_SUBSCRIPTS)}[{index[1]}]"
    return symbol + ",".join(str(i + 1).translate(_SUBSCRIPTS) for i in index)


class Severity(Enum):
    """How much a problem matters: a note explains a convention, a warning flags bad input."""

    NOTE = "note"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with, or worth knowing about, the input of an evaluation.

    ``index`` is the 0-based element index into ``y`` (``(k,)`` in 1-D, ``(n, k)`` in 2-D),
    or ``None`` when the problem is about the whole vector; ``sample`` (0-based) names the
    sample of an N×K batch that a problem about a whole sample is about.
    """

    code: str
    message: str
    index: tuple[int, ...] | None = None
    severity: Severity = Severity.WARNING
    message_ja: str = ""
    sample: int | None = None

    @property
    def sample_and_class(self) -> tuple[int | None, int | None]:
        """The 0-based sample and class of a batch problem (None where it has none)."""
        if self.index is not None and len(self.index) == 2:
            return self.index[0], self.index[1]
        return self.sample, None

    @property
    def about_target(self) -> bool:
        """Whether the problem is the target's own (a blank t, t not one-hot, …), not y's."""
        return self.code == "missing_t" or self.code.startswith("t_")

    def text(self, language: str) -> str:
        """The message in ``language`` ("ja…" for Japanese, else English)."""
        return in_language(language, self.message, self.message_ja)


class HasProblems(Protocol):
    """What :func:`listed_problems` reads of an evaluation."""

    @property
    def problems(self) -> Sequence[Problem]: ...


Message = tuple[str, str]
"""A sentence in English and in Japanese, in that order."""


class LossguiError(ValueError):
    """Base for every refusal a user can see: one sentence, in English and in Japanese.

    ``str(error)`` is the English sentence, ``message_ja`` the Japanese one; show it with
    :meth:`text` (or :func:`error_text` for any exception). Both are required, so no refusal
    reaches a Japanese window in English (tests/test_errors.py checks every raise site).
    """

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja

    def text(self, language: str) -> str:
        """The sentence in ``language`` ("ja…" for Japanese, else English)."""
        return in_language(language, str(self), self.message_ja)


class NotANumber(LossguiError):
    """Text typed or pasted where a number belongs, with the reason in English and Japanese."""


def in_language(language: str, english: str, japanese: str) -> str:
    """``japanese`` for a Japanese ``language`` ("ja…") where there is one, else ``english``.

    The one rule every two-language text follows: problems, errors, parameter help.
    """
    return japanese if language.startswith("ja") and japanese else english


def error_text(error: BaseException, language: str) -> str:
    """Any exception's sentence in ``language``: a LossguiError's own, else ``str(error)``."""
    return error.text(language) if isinstance(error, LossguiError) else str(error)


class UnknownLossError(LossguiError):
    """A loss id that the catalogue does not have."""


class ParameterError(LossguiError):
    """An unknown parameter, or a value of the wrong type or out of range."""


class ShapeError(LossguiError):
    """``y`` and ``t`` cannot be compared element by element."""


@dataclass
class CellError(LossguiError):
    """A cell of pasted or loaded data that cannot be used; row and column are 0-based."""

    reason: str
    row: int | None = None
    column: int | None = None
    column_name: str | None = None
    source: str | None = None
    reason_ja: str = ""

    def __post_init__(self) -> None:
        super().__init__(str(self), self._located("ja") if self.reason_ja else "")

    def __str__(self) -> str:
        return self._located("en")

    def reason_in(self, language: str) -> str:
        """The reason alone, in ``language`` where the core has it."""
        return in_language(language, self.reason, self.reason_ja)

    def _located(self, language: str) -> str:
        """"file, row 3, column 'y': reason" (or 「file、3 行目、列 'y': 理由」)."""
        ja = language.startswith("ja")
        where = [self.source] if self.source else []
        if self.row is not None:
            where.append(f"{self.row + 1} 行目" if ja else f"row {self.row + 1}")
        if self.column_name is not None:
            name = quoted(self.column_name)
            where.append(f"列 {name}" if ja else f"column {name}")
        elif self.column is not None:
            where.append(f"{self.column + 1} 列目" if ja else f"column {self.column + 1}")
        reason = self.reason_ja if ja else self.reason
        return f"{('、' if ja else ', ').join(where)}: {reason}" if where else reason


def listed_problems(
    results: Sequence[tuple[str, object, HasProblems]],
) -> list[tuple[str | None, Problem]]:
    """Every prediction's problems; those about the target alone are listed once, for no one.

    ``results`` are (prediction name, its values, its evaluation), as the writers take them.
    Each prediction's are listed by the row of the file they are about (:func:`_row`), each
    row's in the order the checks found them, and those about no row last: so a file read in
    blocks (``compute --totals-only``, whose blocks each run the checks) lists them as the
    whole file read at once does.
    """
    seen: set[tuple[str, tuple[int, ...] | None, str]] = set()
    listed: list[tuple[str | None, Problem]] = []
    for name, _, ev in results:
        for problem in sorted(ev.problems, key=_row):  # stable: each row's in check order
            if problem.about_target:
                key = (problem.code, problem.index, problem.message)
                if key in seen:
                    continue
                seen.add(key)
            listed.append((None if problem.about_target else name, problem))
    return listed


def _row(problem: Problem) -> tuple[int, int]:
    """Where ``problem`` sorts among its prediction's: its element's row (a vector's element,
    a batch's sample) or its batch sample; one about no row (a whole vector, "…and 5 more")
    after every row."""
    if problem.index is not None:
        return 0, problem.index[0]
    return (0, problem.sample) if problem.sample is not None else (1, 0)
