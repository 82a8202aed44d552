"""The document model: target, named predictions, loss and parameters, and their evaluations.

Pure numpy, no Qt: the GUI's ``Document`` adapts it (undo stack, signals), and the batch,
learning and catalogue work build on it.

**Shapes.** Every column — the target and each prediction — is a 2-D float64 array of shape
N×K: N samples (rows of a batch) × K elements (classes, or the elements k of a vector). Blank is
NaN. Today's vectors are one sample: a 1-D vector of K values is stored as shape (1, K), and
:meth:`DocumentModel.vector` gives it back as a (K,) view. The model never chooses a layout:
a view shows a (1, K) column as K rows, a batch view as an N×K table. A one-sample document is
evaluated as the vector itself (the core's 1-D conventions: softmax and class sums over the
whole vector, problems indexed ``(k,)``); an N×K document as the table (``(n, k)``). Problems are
indexed by cell ``(column, n, k)`` either way.

**Columns** are numbered across the document: 0 is the target ``t``, 1… the predictions.

**Changes.** Raw changes (``put``, ``insert``, ``remove``, …; the undo commands call them) emit
:attr:`DocumentModel.about_to_change` before a change of structure, :attr:`changed` after every
change, each with a :class:`Change` saying what changed; then, once the evaluations are fresh,
:attr:`evaluated` with the predictions that were re-evaluated. Only the touched predictions are
re-evaluated (every one when the target, the loss or the shape changes); ``batch()`` groups
several raw changes into one evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

import numpy as np
from numpy.typing import ArrayLike

from lossgui.core import side_by_side
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.classes import NotOneHot, class_indices
from lossgui.core.columns import (
    TARGET_NAME,
    check_given_name,
    check_prediction_removable,
    check_rows_removable,
    check_shapes,
)
from lossgui.core.evaluate import Evaluation, evaluate_resolved
from lossgui.core.events import Event
from lossgui.core.losses import Loss, get_loss
from lossgui.core.lowest import NotCompared, compared_total, lowest_indices, not_compared
from lossgui.core.names import TARGET_SYMBOL, class_index_of, element_of, problem_of
from lossgui.core.params import ParamValue, resolve
from lossgui.core.problems import (
    LossguiError,
    ParameterError,
    Problem,
    Severity,
    ShapeError,
    error_text,
)

TARGET = 0
SAMPLES = 0  # the first axis of every column: samples n
ELEMENTS = 1  # the second axis: elements (classes) k
MISSING_CODES = ("missing_t", "missing_y")
Cell = tuple[int, int, int]  # document column, sample n, element k


class ChangeKind(Enum):
    """What a raw change did."""

    VALUES = "values"  # cells overwritten in place
    INSERTED = "inserted"  # samples or elements inserted into every column
    REMOVED = "removed"  # samples or elements removed from every column
    COLUMN_INSERTED = "column_inserted"
    COLUMN_REMOVED = "column_removed"
    RENAMED = "renamed"
    LOSS = "loss"  # the loss or one of its parameters
    RESET = "reset"  # everything replaced


@dataclass(frozen=True)
class Change:
    """One raw change: its kind, the document columns, samples and elements it covers.

    For INSERTED/REMOVED, ``axis`` is SAMPLES or ELEMENTS and the range on that axis is where
    the new (or the removed) ones are; for COLUMN_*/RENAMED, ``columns`` is the one column.
    """

    kind: ChangeKind
    columns: range = range(0)
    samples: range = range(0)
    elements: range = range(0)
    axis: int | None = None


@dataclass(frozen=True)
class Evaluated:
    """The evaluations are fresh; ``predictions`` are the document columns re-evaluated."""

    predictions: frozenset[int]


def as_column(values: ArrayLike, take: bool = False) -> FloatArray:
    """``values`` as an N×K float64 column: a 1-D vector of K values becomes shape (1, K).

    A copy, unless ``take``: then a float64 array the caller hands over is used as it is (a
    file's freshly read columns: a second copy would be 8 MB a column at 10⁶ rows).
    """
    array = np.asarray(values, dtype=np.float64) if take else np.array(values, dtype=np.float64)
    if not array.flags.writeable:
        array = array.copy()
    if array.ndim == 1:
        return array.reshape(1, -1)
    if array.ndim != 2:
        raise ShapeError(f"a column must be a vector or an N×K table, not {array.ndim}-D",
                         f"列はベクトルか N×K の表でなければなりません({array.ndim} 次元ではなく)")
    return array


class DocumentModel:
    """Target and predictions as N×K float64 columns (blank = NaN), the loss, its evaluations."""

    def __init__(
        self,
        names: Sequence[str],
        columns: Sequence[ArrayLike],
        loss_id: str = "sse",
    ) -> None:
        self.about_to_change: Event[Change] = Event()
        self.changed: Event[Change] = Event()
        self.evaluated: Event[Evaluated] = Event()
        self._names: list[str] = []
        self._columns: list[FloatArray] = []
        self._colours: list[int] = []  # per prediction: its colour slot (see colour_slots)
        self._loss_id = get_loss(loss_id).id
        self._given: dict[str, dict[str, ParamValue]] = {}
        self._batch_depth = 0
        self._dirty = False
        self._stale: set[int] | None = None  # predictions to re-evaluate (None: all of them)
        self._evaluations: list[Evaluation | None] = []
        self._errors: list[LossguiError | None] = []
        # Problems by cell: the core lists a few per check and marks every flagged element in a
        # mask; the masks are looked up per painted cell, never copied per edit.
        self._listed_problems: dict[Cell, list[Problem]] = {}
        self._listed: dict[int, set[tuple[int, int]]] = {}  # column -> listed (n, k)
        # Problems no cell shows, as (prediction name or None, problem): notes and the warnings
        # about a whole sample or vector; the severity says which (notes / warnings).
        self._without_cell: list[tuple[str | None, Problem]] = []
        self._problem_count: int | None = None
        self._class_indices = False
        self._set_contents(names, columns)
        self._evaluate()

    # --- reading ------------------------------------------------------------------------------

    @property
    def samples(self) -> int:
        """Number of samples N (1 for the article's vectors)."""
        return int(self._columns[TARGET].shape[SAMPLES])

    @property
    def elements(self) -> int:
        """Number of elements K of each sample."""
        return int(self._columns[TARGET].shape[ELEMENTS])

    @property
    def class_indices(self) -> bool:
        """Whether the target is shown and saved as N class indices (its rows stay one-hot).

        A class index means its one-hot row for every loss (PyTorch's ``cross_entropy(z, idx)``),
        so the rows are what the core evaluates either way; only the layout differs.
        """
        return self._class_indices

    def target_indices(self) -> FloatArray | NotOneHot:
        """The target's class indices (blank for a blank row), or the first row that is not
        one-hot and so has none."""
        return class_indices(self._columns[TARGET])

    @property
    def column_count(self) -> int:
        """Number of document columns: the target plus every prediction."""
        return len(self._columns)

    @property
    def names(self) -> tuple[str, ...]:
        """Column names: the target's first, then the predictions'."""
        return tuple(self._names)

    @property
    def prediction_names(self) -> tuple[str, ...]:
        """The predictions' names, in column order."""
        return tuple(self._names[1:])

    @property
    def colour_slots(self) -> tuple[int, ...]:
        """Per prediction, a number that stays with it while it exists; views colour by it.

        Removing y1 must not hand y1's colour to y2 (the plot would change under the user):
        a new prediction takes the lowest slot no other one holds, and undoing a removal puts
        the removed slot back.
        """
        return tuple(self._colours)

    def column(self, column: int) -> FloatArray:
        """A read-only N×K view of one document column."""
        view = self._columns[column].view()
        view.flags.writeable = False
        return view

    def vector(self, column: int) -> FloatArray:
        """A read-only (K,) view of a one-sample column (ShapeError for a batch)."""
        if self.samples != 1:
            raise ShapeError(
                f"the document holds {self.samples} samples, not one vector",
                f"ドキュメントには 1 つのベクトルではなく {self.samples} 個のサンプルがあります")
        row: FloatArray = self.column(column)[0]
        return row

    def cell(self, column: int, sample: int, element: int) -> float:
        """One cell; NaN when blank."""
        return float(self._columns[column][sample, element])

    def cells(self, column: int, sample: int, element: int, samples: int, elements: int
              ) -> FloatArray:
        """A copy of a samples×elements rectangle of one column."""
        return self._columns[column][sample : sample + samples,
                                     element : element + elements].copy()

    @property
    def loss(self) -> Loss:
        """The selected loss."""
        return get_loss(self._loss_id)

    @property
    def loss_id(self) -> str:
        """The selected loss's id."""
        return self._loss_id

    @property
    def params(self) -> dict[str, ParamValue]:
        """Every parameter of the selected loss with its value (defaults filled in)."""
        return self.params_of(self._loss_id)

    def params_of(self, loss_id: str) -> dict[str, ParamValue]:
        """Every parameter of ``loss_id`` as last set in this document."""
        loss = get_loss(loss_id)
        return resolve(loss.id, loss.params, self._given.get(loss.id, {}))

    @property
    def evaluations(self) -> tuple[Evaluation | None, ...]:
        """One evaluation per prediction; None where the core refused the input (see errors)."""
        return tuple(self._evaluations)

    def errors(self, language: str) -> tuple[str | None, ...]:
        """Per prediction, why it could not be evaluated (in ``language``), or None."""
        return tuple(None if e is None else error_text(e, language) for e in self._errors)

    @property
    def lowest(self) -> frozenset[int]:
        """The predictions (0-based among them) with the lowest loss; see :mod:`core.lowest`."""
        return lowest_indices([None if e is None else compared_total(e.total, e.problems)
                               for e in self._evaluations])

    def not_compared(self, prediction: int) -> NotCompared | None:
        """Why a prediction's total is not compared: "y" (its y lies outside the loss's
        domain), "t" (the loss is no distance over this t) or "y_sum" (nor over this y, which
        sums above 1); None if it is (core.lowest)."""
        evaluation = self._evaluations[prediction]
        return None if evaluation is None else not_compared(evaluation.problems)

    def missing_elements(self, prediction: int, language: str = "en") -> tuple[str, ...]:
        """The blank cells that leave a prediction's total unknown, t's first, named as the
        notes name them (core.names): "t, element 6", "y1, element 6", "y, sample 3, class 1",
        a blank class index "t (class), sample 2" (never a one-hot cell the table hides)."""
        evaluation = self._evaluations[prediction]
        if evaluation is None:
            return ()
        name = self._names[prediction + 1]
        missing: list[tuple[tuple[int, ...], int]] = []
        for problem in evaluation.problems:
            sample = self._sample_of_index(problem)
            if problem.code == MISSING_CODES[0] and sample is not None:
                missing.append(((sample,), 0))
            elif problem.code in MISSING_CODES and problem.index is not None:
                code = MISSING_CODES.index(problem.code)
                missing.append((self._shown_index(code == 0, problem.index), code))
        return tuple(dict.fromkeys(
            class_index_of(TARGET_SYMBOL, index[0], language)
            if code == 0 and self._one_cell_per_sample(True) else
            element_of(TARGET_SYMBOL if code == 0 else name, index, language)
            for index, code in sorted(missing)))

    def _sample_of_index(self, problem: Problem) -> int | None:
        """The sample whose class index ``problem`` is about (a blank or unusable one: the
        core's remark per sample on a class-index target); None for any other problem."""
        if self._class_indices and problem.about_target and problem.index is None \
                and problem.sample is not None and problem.severity is Severity.WARNING:
            return problem.sample
        return None

    def _one_cell_per_sample(self, of_target: bool) -> bool:
        """Whether a problem's cell is its sample's only one: a target shown as class indices
        (its K one-hot cells are one cell, so t₅[0], t₅[1], t₅[2] are just t₅)."""
        return of_target and self._class_indices

    def _shown_index(self, of_target: bool, index: tuple[int, ...]) -> tuple[int, ...]:
        """The index of the cell a user sees (see :meth:`_one_cell_per_sample`)."""
        return index[:1] if self._one_cell_per_sample(of_target) and len(index) == 2 else index

    def is_flagged(self, column: int, sample: int, element: int) -> bool:
        """Whether this cell has a problem to highlight."""
        return (column, sample, element) in self._listed_problems \
            or self._masked(column, sample, element)

    def cell_messages(self, column: int, sample: int, element: int, language: str) -> list[str]:
        """The core's explanations of this cell's problems, in ``language``."""
        problems = self._listed_problems.get((column, sample, element))
        if problems is not None:
            return _unique(p.text(language) for p in problems)
        if self._masked(column, sample, element):  # the core lists 20 per check, then sums up
            return [_UNLISTED[1] if language.startswith("ja") else _UNLISTED[0]]
        return []

    @property
    def problem_count(self) -> int:
        """How many cells are highlighted as problems, plus the predictions that were refused."""
        count = self._problem_count
        if count is None:
            count, fresh = len(self._listed_problems), True
            for offset, evaluation in enumerate(self._evaluations):
                if evaluation is None or not evaluation.flagged.size:
                    continue
                flagged = self._flagged(evaluation)
                if flagged is None:
                    fresh = False
                    continue
                count += int(np.count_nonzero(flagged))
                # cells already counted through a listed problem, or listed about t, are not extra
                count -= sum(1 for n, k in self._listed.get(offset + 1, ()) if flagged[n, k])
            if fresh:
                self._problem_count = count
        return count + sum(e is not None for e in self._errors)

    def cell_problems(self, language: str) -> tuple[str, ...]:
        """Every listed problem of one cell, as its highlighted cell explains it, in column order.

        A prediction's name its element ("y1, element 2 is missing …", see
        :func:`~lossgui.core.names.problem_of`, as the CLI names it), the target's stand alone.
        With :attr:`unlisted_problem_count` and the refused predictions, these are what
        :attr:`problem_count` counts, so a problems list can say all that the count says.
        """
        lines = []
        for (column, _, _), problems in sorted(self._listed_problems.items()):
            for problem in problems:
                lines.append(problem_of(None if column == TARGET else self._names[column],
                                        problem, language))
        return tuple(_unique(lines))

    @property
    def unlisted_problem_count(self) -> int:
        """Highlighted cells the core does not list one by one (it lists 20 per check)."""
        return self.problem_count - len(self._listed_problems) \
            - sum(e is not None for e in self._errors)

    def notes(self, language: str) -> tuple[str, ...]:
        """Notes on the input, about a whole vector or one element: "t₁ = 0 is read as −1"."""
        return self._uncelled(Severity.NOTE, language)

    def warnings(self, language: str) -> tuple[str, ...]:
        """Warnings with no one cell to colour: about a whole sample of a batch ("In sample 2,
        t has 2 ones") or a vector, or how many more elements a check found."""
        return self._uncelled(Severity.WARNING, language)

    def _uncelled(self, severity: Severity, language: str) -> tuple[str, ...]:
        """The problems of ``severity`` that no cell shows, named by their prediction."""
        texts = (problem_of(name, p, language)
                 for name, p in self._without_cell if p.severity is severity)
        return tuple(_unique(texts))

    # --- validation ------------------------------------------------------------------------------

    def check_name(self, name: str, column: int | None = None) -> None:
        """EditRefused (en + ja) if ``name`` cannot name a prediction (``column``: its own)."""
        check_given_name(name, [n for c, n in enumerate(self._names) if c != column])

    def check_removal(self, axis: int, count: int) -> None:
        """EditRefused unless ``count`` samples or elements may go (at least one must stay)."""
        check_rows_removable(count, self._columns[TARGET].shape[axis])

    def check_prediction_removal(self, column: int) -> None:
        """EditRefused for the target or the last prediction."""
        check_prediction_removable(column, self.column_count)

    def coerce_param(self, name: str, value: object) -> ParamValue:
        """``value`` as a value of the selected loss's parameter ``name``, or ParameterError."""
        loss = self.loss
        if name not in {p.name for p in loss.params}:
            raise ParameterError(f"{loss.id} has no parameter {name!r}",
                                 f"{loss.id} にはパラメータ {name!r} がありません")
        return loss.param(name).coerce(value)

    def fresh_names(self, count: int) -> list[str]:
        """``count`` unused prediction names: y1, y2, … skipping the ones taken."""
        names: list[str] = []
        n = 1
        while len(names) < count:
            candidate = f"y{n}"
            if candidate not in self._names and candidate != TARGET_NAME:
                names.append(candidate)
            n += 1
        return names

    # --- raw changes (the undo commands call these; nothing here is undoable itself) ----------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Evaluate once at the end of several raw changes instead of after each."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty:
                self._evaluate()

    def put(self, column: int, sample: int, element: int, values: FloatArray) -> None:
        """Overwrite a samples×elements rectangle of existing cells of one column."""
        height, width = values.shape
        self._columns[column][sample : sample + height, element : element + width] = values
        self.changed.emit(Change(ChangeKind.VALUES, range(column, column + 1),
                                 range(sample, sample + height), range(element, element + width)))
        # Only the edited prediction changes, unless t does (every prediction is scored on it).
        self._touched(None if column == TARGET else {column})

    def insert(self, axis: int, index: int, values: Sequence[FloatArray]) -> None:
        """Insert samples or elements before ``index`` into every column (``values``: one each)."""
        count = int(values[0].shape[axis])
        change = self._along(ChangeKind.INSERTED, axis, index, count)
        self.about_to_change.emit(change)
        for c, inserted in enumerate(values):
            self._columns[c] = np.concatenate(
                [self._columns[c][_cut(axis, 0, index)], inserted,
                 self._columns[c][_cut(axis, index, None)]], axis=axis)
        self.changed.emit(change)
        self._touched()

    def blank(self, axis: int, count: int) -> list[FloatArray]:
        """Blank values for inserting ``count`` samples or elements into every column.

        A target shown as class indices gets 0s in its new classes wherever a sample has a
        class: its one-hot row stays one-hot and the sample keeps its class. Blank there, every
        row had a blank among numbers, so no index at all, and a paste that added a class to
        z blanked every label and made Save fail (tester7).
        """
        shape = [self.samples, self.elements]
        shape[axis] = count
        values = [np.full(shape, np.nan) for _ in self._columns]
        if axis == ELEMENTS and self._class_indices:
            labelled = ~np.isnan(self._columns[TARGET]).all(axis=1)
            values[TARGET][labelled] = 0.0
        return values

    def remove(self, axis: int, index: int, count: int) -> list[FloatArray]:
        """Remove samples or elements from every column; returns their values for undo."""
        change = self._along(ChangeKind.REMOVED, axis, index, count)
        removed = [c[_cut(axis, index, index + count)].copy() for c in self._columns]
        self.about_to_change.emit(change)
        for c, array in enumerate(self._columns):
            self._columns[c] = np.delete(array, np.s_[index : index + count], axis=axis)
        self.changed.emit(change)
        self._touched()
        return removed

    def insert_column(self, column: int, name: str, values: FloatArray | None,
                      colour: int | None = None) -> None:
        """Insert a prediction column (blank when ``values`` is None).

        ``colour``: its colour slot (a removal being undone), else the lowest one free.
        """
        change = Change(ChangeKind.COLUMN_INSERTED, range(column, column + 1))
        self.about_to_change.emit(change)
        shape = (self.samples, self.elements)
        data = np.full(shape, np.nan) if values is None else as_column(values).reshape(shape)
        if colour is None:
            taken = set(self._colours)
            colour = next(slot for slot in range(len(taken) + 1) if slot not in taken)
        self._columns.insert(column, data)
        self._names.insert(column, name)
        self._colours.insert(column - 1, colour)
        self.changed.emit(change)
        self._touched()

    def remove_column(self, column: int) -> tuple[str, FloatArray]:
        """Remove a prediction column; returns its name and values for undo."""
        change = Change(ChangeKind.COLUMN_REMOVED, range(column, column + 1))
        self.about_to_change.emit(change)
        name = self._names.pop(column)
        values = self._columns.pop(column)
        del self._colours[column - 1]
        self.changed.emit(change)
        self._touched()
        return name, values

    def rename(self, column: int, name: str) -> None:
        """Rename a column (already checked)."""
        self._names[column] = name
        self.changed.emit(Change(ChangeKind.RENAMED, range(column, column + 1)))
        self._touched(set())  # no number changes; the notes name the prediction again

    def select_loss(self, loss_id: str) -> None:
        """Select a loss."""
        self._loss_id = get_loss(loss_id).id
        self.changed.emit(Change(ChangeKind.LOSS))
        self._touched()

    def put_param(self, loss_id: str, name: str, value: ParamValue) -> None:
        """Set an already checked parameter value of ``loss_id``."""
        self._given.setdefault(loss_id, {})[name] = value
        self.changed.emit(Change(ChangeKind.LOSS))
        self._touched()

    def replace(self, names: Sequence[str], columns: Sequence[ArrayLike],
                loss_id: str | None = None,
                params: Mapping[str, Mapping[str, ParamValue]] | None = None,
                take: bool = False) -> None:
        """Replace the data (and the loss, if given): opening a file or an example.

        The new data starts from its own ``params`` (loss id → name → value) or the defaults,
        never from the parameters set for the previous data (the book's ½ must not stay).
        With ``take``, float64 arrays among ``columns`` become the document's own (see
        :func:`as_column`): the caller must not use them afterwards.
        """
        arrays = _checked_columns(names, columns, take)
        new_loss = self._loss_id if loss_id is None else get_loss(loss_id).id
        self.about_to_change.emit(Change(ChangeKind.RESET))
        self._install(names, arrays)
        self._class_indices = False
        self._loss_id = new_loss
        self._given = {loss: dict(values) for loss, values in (params or {}).items()}
        self.changed.emit(Change(ChangeKind.RESET))
        self.changed.emit(Change(ChangeKind.LOSS))
        self._touched()

    def set_class_indices(self, on: bool) -> None:
        """Show the target as class indices or as its one-hot table (checked by the caller)."""
        self.about_to_change.emit(Change(ChangeKind.RESET))
        self._class_indices = on
        self.changed.emit(Change(ChangeKind.RESET))
        self._touched()  # the core is given the indices now, or the one-hot rows again

    def reindex(self) -> None:
        """Say the problems again (e.g. in another language): nothing is re-evaluated."""
        self._touched(set())

    # --- internals ------------------------------------------------------------------------------

    def _set_contents(self, names: Sequence[str], columns: Sequence[ArrayLike]) -> None:
        self._install(names, _checked_columns(names, columns))

    def _install(self, names: Sequence[str], arrays: list[FloatArray]) -> None:
        # The target keeps the name it came with (正解, label, …) so exports match the CLI.
        self._names = [names[0] or TARGET_NAME, *names[1:]]
        self._columns = arrays
        self._colours = list(range(len(arrays) - 1))

    def _along(self, kind: ChangeKind, axis: int, index: int, count: int) -> Change:
        every = range(self.column_count)
        span = range(index, index + count)
        if axis == SAMPLES:
            return Change(kind, every, span, range(self.elements), axis)
        return Change(kind, every, range(self.samples), span, axis)

    def _touched(self, columns: set[int] | None = None) -> None:
        """Something changed: re-evaluate ``columns`` (document columns), or everything."""
        if columns is None:
            self._stale = None
        elif self._stale is not None:
            self._stale |= columns
        if self._batch_depth:
            self._dirty = True
        else:
            self._evaluate()

    def _evaluate(self) -> None:
        """Evaluate the stale predictions through the core and index the problems by cell."""
        self._dirty = False
        stale, self._stale = self._stale, set()
        params: dict[str, ParamValue] | None
        refused: LossguiError | None = None
        try:
            params = self.params
        except LossguiError as error:  # cannot happen through the editors; never crash
            params, refused = None, error
        count = self.column_count - 1
        if stale is None or len(self._evaluations) != count:
            stale = set(range(1, count + 1))
            self._evaluations = [None] * count
            self._errors = [None] * count
        columns = sorted(stale)
        t, ys = self.evaluated_inputs(columns)
        loss_id = self._loss_id

        def evaluated(y: FloatArray) -> tuple[Evaluation | None, LossguiError | None]:
            if params is None:
                return None, refused
            try:
                return evaluate_resolved(loss_id, y, t, params), None
            except LossguiError as refusal:
                return None, refusal

        outcomes = side_by_side.mapped(evaluated, ys, t.size)
        for column, outcome in zip(columns, outcomes, strict=True):
            self._evaluations[column - 1], self._errors[column - 1] = outcome
        self._index_problems()
        self.evaluated.emit(Evaluated(frozenset(stale)))

    def evaluated_inputs(self, columns: Iterable[int]) -> tuple[FloatArray, list[FloatArray]]:
        """The target and the predictions ``columns`` as the core evaluates them: the one
        input of the totals and of a run's steps (gui.learning), so both name a cell alike.

        A target shown as class indices is its N indices, so the core speaks of a blank one as
        that one cell (t (class), sample 5), as it does for a batch CSV, never of the K one-hot
        elements behind it; the predictions are then N×K even for one sample (the window shows
        it as a batch). Else each column is :meth:`evaluated_column`.
        """
        if self._class_indices:
            indices = self.target_indices()
            if not isinstance(indices, NotOneHot):
                return indices, [self._columns[c] for c in columns]
        return self.evaluated_column(TARGET), [self.evaluated_column(c) for c in columns]

    def evaluated_column(self, column: int) -> FloatArray:
        """One sample as the vector itself (the core's 1-D conventions), a batch as N×K."""
        array = self._columns[column]
        shaped: FloatArray = array[0] if array.shape[SAMPLES] == 1 else array
        return shaped

    def _flagged(self, evaluation: Evaluation) -> BoolArray | None:
        """The evaluation's mask in the columns' N×K shape; None while rows are changing."""
        shape = self._columns[TARGET].shape
        if evaluation.flagged.size != shape[SAMPLES] * shape[ELEMENTS]:
            return None  # read between a change and its evaluation (a view repainting)
        return evaluation.flagged.reshape(shape)

    def _masked(self, column: int, sample: int, element: int) -> bool:
        """Flagged by the core's mask beyond the listed problems (predictions only)."""
        if column == TARGET or column > len(self._evaluations):
            return False
        evaluation = self._evaluations[column - 1]
        if evaluation is None or (sample, element) in self._listed.get(column, ()):
            return False
        flagged = self._flagged(evaluation)
        return bool(flagged[sample, element]) if flagged is not None else False

    def _index_problems(self) -> None:
        """Index the listed problems by cell; the masks stay in the evaluations (no O(n) copy)."""
        self._listed_problems = {}
        self._listed = {}
        self._problem_count = None
        self._without_cell = []
        for offset, evaluation in enumerate(self._evaluations):
            column = offset + 1
            if evaluation is None:
                continue
            listed: set[tuple[int, int]] = set()
            for problem in evaluation.problems:
                sample = self._sample_of_index(problem)
                if sample is not None:
                    # One cell, t (class) of the sample: the flags on its row are this cell's.
                    self._listed_problems.setdefault((TARGET, sample, 0), []).append(problem)
                    listed.update((sample, k) for k in range(self.elements))
                    continue
                if problem.index is None or problem.severity is not Severity.WARNING:
                    # Remarks about a whole sample or vector, and notes about one element
                    # ("t₁ = 0 is read as −1"): no red cell, but the user must still read them.
                    name = None if problem.about_target else self._names[column]
                    self._without_cell.append((name, problem))
                    continue
                n, k = (0, problem.index[0]) if len(problem.index) == 1 else problem.index[:2]
                shown_k = 0 if self._one_cell_per_sample(problem.about_target) else k
                cell = (TARGET if problem.about_target else column, n, shown_k)
                self._listed_problems.setdefault(cell, []).append(problem)
                listed.add((n, k))
            self._listed[column] = listed


_UNLISTED = ("This element has a problem; see the problems list for the summary.",
             "この要素には問題があります。まとめは注意の一覧を見てください。")


def _checked_columns(
    names: Sequence[str], columns: Sequence[ArrayLike], take: bool = False
) -> list[FloatArray]:
    """The columns as N×K arrays, or ShapeError unless they can make a document."""
    arrays = [as_column(c, take) for c in columns]
    check_shapes(names, [a.shape for a in arrays])
    return arrays


def _cut(axis: int, start: int, stop: int | None) -> tuple[slice, ...]:
    """An index that takes ``start:stop`` along ``axis`` of an N×K array."""
    return (slice(start, stop),) if axis == SAMPLES else (slice(None), slice(start, stop))


def _unique(texts: Iterable[str]) -> list[str]:
    """``texts`` without repeats, in their first order."""
    return list(dict.fromkeys(texts))
