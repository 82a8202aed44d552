"""Learning in motion: the window's gradient steps, one per frame, as ONE undo step per run.

The core's :class:`~lossgui.core.descend.Descender` takes each step (one per prediction, keeping
the logits between steps); this controller writes the new predictions into the document and
keeps the loss at every step for the loss-over-steps plot. A *run* lasts from the first Step or
Run after any other change until the next other change (an edit, an undo, another loss or
learning rate): its steps are merged into one undo command, so Ctrl+Z puts the data back to
where the run began. Reset does that as a new undo step, and the run stays on the plot, faded,
to compare with the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from lossgui.core import LossguiError
from lossgui.core.arrays import FloatArray
from lossgui.core.descend import Descender, check_lr
from lossgui.core.problems import Problem, error_text
from lossgui.gui.commands import SetCellsCommand
from lossgui.gui.document import TARGET, Document
from lossgui.gui.handover import hand_over
from lossgui.gui.language import current_language

DEFAULT_LR = 0.1
DEFAULT_CAP = 200  # steps per Run; a learner can always press Run again
FRAME_MS = 15  # a step per frame: the timer asks no faster than about 60 per second
EARLIER_RUNS = 3  # finished runs kept, faded, on the plot


@dataclass(frozen=True)
class Trace:
    """The loss at every step of one run, per prediction, and what the run was."""

    names: tuple[str, ...]
    totals: tuple[tuple[float, ...], ...]
    loss_id: str
    lr: float


class LearnStepCommand(SetCellsCommand):
    """Writes one step's predictions; the steps of one run merge into a single undo command."""

    ID = 0x1EA12

    def __init__(self, document: Document, block: FloatArray, run: int, steps: int) -> None:
        # Written through the core model, as the document's own edits are.
        super().__init__(document.model, [(0, TARGET + 1, block)], 0, [],
                         lambda: _run_text(steps))
        self.run = run
        self.steps = steps

    def id(self) -> int:
        """Commands of the same id may merge (QUndoStack asks mergeWith)."""
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take the later step's values, keep the first step's old values: one undo step."""
        if not isinstance(other, LearnStepCommand) or other.run != self.run:
            return False
        self._patches = other._patches
        self.steps += other.steps
        steps = self.steps
        self.set_describe(lambda: _run_text(steps))
        return True


def _run_text(steps: int) -> str:
    if steps == 1:  # English has no plural forms file here: the singular is its own text
        return QCoreApplication.translate("Learning", "Learn: 1 step")
    return QCoreApplication.translate("Learning", "Learn: %n steps", None, steps)


class Learning(QObject):
    """Steps every prediction of the document down its loss; Run repeats it on a timer."""

    stepped = Signal()  # after each step, and when the run's trace is cleared or kept
    running_changed = Signal(bool)
    message = Signal(str)  # why a step was refused or a run stopped, in the window's language

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.lr = DEFAULT_LR
        self.space = "input"
        self.cap = DEFAULT_CAP
        self.earlier: list[Trace] = []
        self._descenders: list[Descender] = []
        self._totals: list[list[float]] = []
        self._names: tuple[str, ...] = ()
        # descenders whose stop (i) or leaving the domain (i, code) was already said
        self._announced: set[int | tuple[int, str]] = set()
        self._start: FloatArray | None = None
        self._written: FloatArray | None = None
        self._writing = False
        self._run_id = 0
        self._run_steps = 0  # steps since Run was pressed, for the cap
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_tick)
        document.changed.connect(self._on_document_changed)
        document.loss_changed.connect(self._end_run)
        document.reset_done.connect(self._forget_earlier)  # other data: nothing to compare

    def serve(self, window: QObject) -> None:
        """Work for ``window`` (rebuilt in another language) from now on; only it listens.

        The run, the learning rate, what the steps move and the earlier runs stay: a language
        switch must not undo what the learner set up. A Run in progress stops first (its steps
        stay), as the new window's Run button starts unpressed.
        """
        self.stop()
        hand_over(self, window, ("stepped()", "running_changed(bool)", "message(QString)"))

    # --- what the views read -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether Run is stepping on the timer."""
        return self.timer.isActive()

    @property
    def step_count(self) -> int:
        """Steps taken in the current run (0 before the first)."""
        return max((len(t) for t in self._totals), default=1) - 1

    def trace(self) -> Trace:
        """The current run's loss at every step (just E₀ before the first step)."""
        if self._totals:
            return Trace(self._names, tuple(tuple(t) for t in self._totals),
                         self._descenders[0].loss.id, self._descenders[0].lr)
        names = self.document.prediction_names
        # In the middle of a replace the evaluations may still be the old data's: pair them.
        evaluations = self.document.evaluations[: len(names)]
        return Trace(names[: len(evaluations)],
                     tuple((e.total,) if e is not None else () for e in evaluations),
                     self.document.loss_id, self.lr)

    def describe_space(self) -> str:
        """Which variable the steps move, as the core says it."""
        from lossgui.core.descend import describe_space

        return describe_space(self.document.loss, self._usable_space(), current_language())

    def can_use_logits(self) -> bool:
        """Whether the selected loss reads probabilities that have logits behind them."""
        from lossgui.core.descend import LOGIT_SQUASH

        return self.document.loss_id in LOGIT_SQUASH

    # --- settings ------------------------------------------------------------------------------

    def set_lr(self, value: object, typed: str | None = None) -> None:
        """Set the learning rate (DescendError with a sentence, quoting ``typed``, if it cannot
        be used)."""
        lr = check_lr(value, typed)
        if lr != self.lr:
            self.lr = lr
            self._end_run()

    def set_space(self, space: str) -> None:
        """Step on y itself ("input") or on the logits behind probabilities ("logits")."""
        if space != self.space:
            self.space = space
            self._end_run()

    # --- the buttons ---------------------------------------------------------------------------

    def step(self) -> bool:
        """Take one step on every prediction; False (and ``message``) when none could move."""
        if not self._descenders and not self._begin():
            return False
        moved = [descender.step() for descender in self._descenders]
        self._announce_stops()
        if not any(moved):
            self.stop()
            return False
        block = np.column_stack([d.values for d in self._descenders])
        self._writing = True
        try:
            self.document.undo_stack.push(
                LearnStepCommand(self.document, block, self._run_id, 1))
        finally:
            self._writing = False
        self._written = block
        for totals, descender, did in zip(self._totals, self._descenders, moved, strict=True):
            if did:
                totals.append(descender.evaluation.total)
        self.stepped.emit()
        return True

    def run(self) -> None:
        """Step once per frame until Stop, the cap, or a step that cannot be taken."""
        if self.running:
            return
        self._run_steps = 0
        self.timer.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """Stop a Run; the steps taken stay (and are one undo step)."""
        if self.timer.isActive():
            self.timer.stop()
            self.running_changed.emit(False)

    def reset(self) -> None:
        """Put the predictions back to where the run began (a new undo step)."""
        self.stop()
        start = self._start
        if start is None:
            return
        self._end_run()
        self.document.edit_cells(0, TARGET + 1, start, lambda: QCoreApplication.translate(
            "Learning", "Reset the predictions to where learning began"))

    # --- internals ----------------------------------------------------------------------------

    def _usable_space(self) -> str:
        return self.space if self.can_use_logits() else "input"

    def _begin(self) -> bool:
        """Start a run from the document's current predictions."""
        document = self.document
        if document.is_batch:
            # The steps and their undo are written for one vector; a batch's total is a mean
            # over its samples, which stepping one shown sample would not follow.
            self.message.emit(QCoreApplication.translate(
                "Learning", "Learning steps one vector: this document holds %1 samples (a "
                "batch). Open a one-sample table to watch the loss fall.")
                .replace("%1", str(document.model.samples)))
            return False
        t = document.column(TARGET)
        params = document.params
        descenders = []
        try:
            for column in range(TARGET + 1, document.column_count):
                descenders.append(Descender(document.loss_id, document.column(column), t,
                                            params, self.lr, self._usable_space()))
        except LossguiError as error:
            name = document.names[len(descenders) + 1]
            self.message.emit(f"{name}: {error_text(error, current_language())}")
            self.stop()
            return False
        self._descenders = descenders
        self._names = document.prediction_names
        self._announced = set()
        self._start = np.column_stack([document.column(c) for c in
                                       range(TARGET + 1, document.column_count)])
        self._written = self._start
        self._totals = [[d.evaluation.total] for d in descenders]
        self._run_id += 1
        self._announce_stops()  # a blank y: no slope to follow from the start
        return True

    def _on_tick(self) -> None:
        if not self.step():
            self.stop()
            return
        self._run_steps += 1
        if self._run_steps >= self.cap:
            self.stop()
            self.message.emit(QCoreApplication.translate(
                "Learning", "Run stopped after %n steps (the most one Run takes); press Run "
                "again to go on.", None, self.cap))

    def _announce_stops(self) -> None:
        """Say once why each prediction that can go no further stopped, and once when a step
        took it out of its loss's domain (its E is no longer a loss to compare)."""
        stops = []
        for i, descender in enumerate(self._descenders):
            if descender.stopped is not None and i not in self._announced:
                self._announced.add(i)
                stops.append((self._names[i], descender.stopped))
            for problem in descender.notes:
                if problem.code == "left_domain" and (i, problem.code) not in self._announced:
                    self._announced.add((i, problem.code))
                    stops.append((self._names[i], problem))
        if stops:
            language = current_language()
            self.message.emit(" ".join(f"{name}: {p.text(language)}" for name, p in stops))

    def problems(self) -> list[tuple[str, Problem]]:
        """What the current run found so far, per prediction (the core's sentences)."""
        return [(name, problem) for name, descender in zip(self._names, self._descenders,
                                                           strict=True)
                for problem in descender.problems()]

    def _on_document_changed(self) -> None:
        """Any change but our own steps ends the run (an edit, an undo, a file)."""
        if self._writing or self._written is None:
            return
        document = self.document
        current = [document.column(c) for c in range(TARGET + 1, document.column_count)]
        if len(current) == self._written.shape[1] and len(current[0]) == len(self._written) \
                and np.array_equal(np.column_stack(current), self._written, equal_nan=True):
            return
        self._end_run()

    def _forget_earlier(self) -> None:
        self._end_run()
        self.earlier.clear()  # the document's changed signal redraws the plot

    def _end_run(self) -> None:
        """Forget the run's descenders; keep its trace, faded, if it took a step."""
        if not self._descenders:
            return
        self.stop()
        if self.step_count > 0:
            first = self._descenders[0]
            self.earlier.append(Trace(self._names, tuple(tuple(t) for t in self._totals),
                                      first.loss.id, first.lr))
            del self.earlier[:-EARLIER_RUNS]
        self._descenders = []
        self._names = ()
        self._totals = []
        self._start = None
        self._written = None
        self.stepped.emit()
