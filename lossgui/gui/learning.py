"""Learning in motion: the window's gradient steps, one per frame, one undo step per press.

The core's :class:`~lossgui.core.descend.Descender` takes each step (one per prediction, keeping
the logits between steps); this controller writes the new predictions into the document and
keeps the loss at every step for the loss-over-steps plot. A *run* lasts from the first Step or
Run after any other change until the next other change (an edit, another loss or learning
rate). Each press is one undo step: a Step click its one step, a Run all the steps it took
until it stopped ("Learn: 12 steps"), as a learner counts what they did. Undoing a press that
went on with the run takes the run back to where that press began (it goes on from there);
undoing the press that began it ends the run, which stays on the plot, faded, to compare with
the next one. Reset puts the data back to where the run began as a new undo step, the run
faded too; undoing the Reset, or redoing a press, brings the run back at its last step. A batch
is stepped whole, as `lossgui descend` steps it: the total is the batch's (mean or sum over its
samples) and every sample moves.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand

from lossgui.core import LossguiError
from lossgui.core.arrays import FloatArray
from lossgui.core.descend import (
    SPACE_OPTION,
    Descender,
    check_lr,
    describe_space,
    logit_squash,
)
from lossgui.core.document import Change, ChangeKind
from lossgui.core.names import problem_of
from lossgui.core.problems import Problem, error_text
from lossgui.core.squash import Squash
from lossgui.gui.commands import PutColumnsCommand
from lossgui.gui.document import TARGET, Document
from lossgui.gui.files import background
from lossgui.gui.handover import hand_over
from lossgui.gui.language import current_language

DEFAULT_LR = 0.1
DEFAULT_CAP = 200  # steps per Run; a learner can always press Run again
FRAME_MS = 15  # a step per frame: the timer asks no faster than about 60 per second
EARLIER_RUNS = 3  # finished runs kept, faded, on the plot


def in_window_words(text: str) -> str:
    """A core sentence about what the steps move, naming the window's control ("Step on ▸ the
    logits z") where the core names the command line's option ("(space logits)")."""
    for space, option in SPACE_OPTION.items():
        if option in text:
            choice = QCoreApplication.translate("LearnPanel", "the logits z" if space == "logits"
                                                else "y itself")
            text = text.replace(option, QCoreApplication.translate(
                "Learning", "(Step on ▸ %1)").replace("%1", choice))
    return text


@dataclass(frozen=True)
class Trace:
    """The loss at every step of one run, per prediction, and what the run was."""

    names: tuple[str, ...]
    totals: tuple[tuple[float, ...], ...]
    loss_id: str
    lr: float
    space: str  # what the steps moved, as the core says it: "input" (y itself) or "logits"


class LearnStepCommand(PutColumnsCommand):
    """Writes one step's predictions; the steps of one press (a Step click, or a Run until it
    stops) merge into a single undo command.

    Undone, the run goes back to where the press began (``before``), or ends if the press began
    it (it stays on the plot, faded); redone, it is back at the press's last step, as an undone
    Reset brings it back (see :class:`ResetCommand`).
    """

    ID = 0x1EA12

    def __init__(self, learning: Learning, columns: list[FloatArray], run: int, press: int,
                 before: _SetAside | None) -> None:
        # Written through the core model, as the document's own edits are.
        super().__init__(learning.document.model, TARGET + 1, columns, lambda: _run_text(1))
        self.run = run
        self.press = press
        self.steps = 1
        self._before = before
        self._learning = learning
        self._aside: _SetAside | None = None

    def undo(self) -> None:
        """Take the run back to where the press began, then put the predictions back."""
        self._aside = self._learning.take_back(self.run, self._before)
        super().undo()

    def redo(self) -> None:
        """Write the press's last predictions; after an undo, go on with the run that wrote
        them (it came back as a new run at step 0, the old one faded)."""
        if self._aside is not None:
            self._learning.drop_run(self.run)  # the run taken back: its later self comes back
        super().redo()
        if self._aside is not None:
            self._learning.bring_back(self._aside)
            self._aside = None

    def id(self) -> int:
        """Commands of the same id may merge (QUndoStack asks mergeWith)."""
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take the later step's values, keep the first step's old values: one undo step."""
        if not isinstance(other, LearnStepCommand) or (other.run, other.press) != (
                self.run, self.press):
            return False
        self._new = other._new
        self.steps += other.steps
        steps = self.steps
        self.set_describe(lambda: _run_text(steps))
        return True


@dataclass(frozen=True)
class _SetAside:
    """A run that Reset or an undo ended, everything needed to go on with it if that Reset is
    undone or the run redone."""

    descenders: list[Descender]
    totals: list[list[float]]
    announced: set[int | tuple[int, str]]
    start: list[FloatArray]
    written: list[FloatArray]
    target: FloatArray
    run_id: int
    faded: Trace | None  # its line among the earlier runs while the Reset stands


class ResetCommand(PutColumnsCommand):
    """Reset as an undo step: the predictions back to where the run began, the run set aside;
    undone, the run is back at its last step (round-5 tester: it came back as a new run at step
    0, the old one faded into "earlier"), and redone, it is reset again."""

    def __init__(self, learning: Learning, start: list[FloatArray]) -> None:
        super().__init__(learning.document.model, TARGET + 1, start,
                         lambda: QCoreApplication.translate(
                             "Learning", "Reset the predictions to where learning began"))
        self._learning = learning
        self._aside: _SetAside | None = None

    def redo(self) -> None:
        """End the run (kept, faded, on the plot), then write the starting predictions."""
        self._aside = self._learning.set_aside()
        super().redo()

    def undo(self) -> None:
        """Put the last step's predictions back, then the run that reached them."""
        super().undo()
        if self._aside is not None:
            self._learning.bring_back(self._aside)


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
        self._start: list[FloatArray] | None = None  # each prediction N×K, as the run began
        self._written: list[FloatArray] | None = None
        self._target: FloatArray | None = None  # t as the run began: another t is other data
        self._writing = False
        self._run_id = 0  # the current run's: steps of another run never merge
        self._runs = 0  # runs begun: each new one takes the next id
        self._presses = 0  # Step clicks and Run presses: the steps of one press merge
        self._press = 0  # the press being stepped
        self._known_names = document.prediction_names  # to tell what a rename renamed
        self._run_steps = 0  # steps since Run was pressed, for the cap
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_tick)
        self._paused_by_dialog = False  # a dialog or job was up at the last tick (_on_tick)
        document.changed.connect(self._on_document_changed)
        document.model_changed.connect(self._on_model_changed)
        document.loss_changed.connect(self._end_run)
        document.reset_done.connect(self._forget_earlier)  # other data: nothing to compare
        # New data starts stepping on y itself: a choice made for the last example must not
        # carry over unseen (a lesson sets its own after loading).
        document.replaced.connect(lambda: self.set_space("input"))

    def serve(self, window: QObject) -> None:
        """Work for ``window`` (rebuilt in another language) from now on; only it listens.

        The run, the learning rate, what the steps move and the earlier runs stay: a language
        switch must not undo what the learner set up. A Run in progress goes on (its Stop is the
        new window's; round-7 tester: the switch stopped it without a word).
        """
        hand_over(self, window, ("stepped()", "running_changed(bool)", "message(QString)"))

    # --- what the views read -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether Run is stepping on the timer."""
        return self.timer.isActive()

    @property
    def can_reset(self) -> bool:
        """Whether Reset has a start to go back to (a run since the last other change)."""
        return self._start is not None

    @property
    def step_count(self) -> int:
        """Steps taken in the current run (0 before the first)."""
        return max((len(t) for t in self._totals), default=1) - 1

    def trace(self) -> Trace:
        """The current run's loss at every step (just E₀ before the first step)."""
        if self._totals:
            first = self._descenders[0]
            return Trace(self._names, tuple(tuple(t) for t in self._totals), first.loss.id,
                         first.lr, first.space)
        names = self.document.prediction_names
        # In the middle of a replace the evaluations may still be the old data's: pair them.
        evaluations = self.document.evaluations[: len(names)]
        return Trace(names[: len(evaluations)],
                     tuple((e.total,) if e is not None else () for e in evaluations),
                     self.document.loss_id, self.lr, self._usable_space())

    def describe_space(self) -> str:
        """Which variable the steps move, as the core says it; on logits the data chooses
        softmax or σ per prediction (core.descend.logit_squash), so each is named if they
        differ."""
        loss, space, language = self.document.loss, self._usable_space(), current_language()
        names = self._names or self.document.prediction_names
        squashes = [d.squash for d in self._descenders] or \
            [self._squash_for(c) for c in range(TARGET + 1, self.document.column_count)]
        said = [describe_space(loss, space, language, squash) for squash in squashes]
        if len(set(said)) <= 1:
            return said[0] if said else describe_space(loss, space, language)
        return "; ".join(f"{name}: {text}" for name, text in zip(names, said, strict=False))

    def _squash_for(self, column: int) -> Squash | None:
        """The squash a run would use for a prediction (None on y itself or with no logits)."""
        if self._usable_space() != "logits":
            return None
        try:
            return logit_squash(self.document.loss_id, self.document.model.column(column))
        except LossguiError:
            return None

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
        """Step: take one step on every prediction, its own undo step; False (and
        ``message``) when none could move."""
        self._presses += 1
        self._press = self._presses
        return self._step()

    def _step(self) -> bool:
        """One step of the press ``self._press``."""
        # The run as it stands before the press, to go back to if the press is undone (None
        # when the press begins the run: undone, it ends).
        first_of_press = self._last_pushed() != (self._run_id, self._press)
        before = self._kept() if first_of_press else None
        if not self._descenders and not self._begin():
            return False
        moved = [descender.step() for descender in self._descenders]
        if not any(moved):
            self._announce_stops()
            self.stop()
            return False
        model = self.document.model
        # Each prediction in the model's N×K shape (a vector is stepped as the 1-D y it is).
        columns = [d.values.reshape(model.column(c).shape) for c, d in
                   enumerate(self._descenders, start=TARGET + 1)]
        self._writing = True
        try:
            self.document.undo_stack.push(
                LearnStepCommand(self, columns, self._run_id, self._press, before))
        finally:
            self._writing = False
        self._written = columns
        for totals, descender, did in zip(self._totals, self._descenders, moved, strict=True):
            if did:
                totals.append(descender.evaluation.total)
        # After the step is written: a new undo text hides older notices, not this one.
        self._announce_stops()
        self.stepped.emit()
        return True

    def run(self) -> None:
        """Step once per frame until Stop, the cap, or a step that cannot be taken."""
        if self.running:
            return
        self._run_steps = 0
        self._presses += 1
        self._press = self._presses
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
        if self._start is not None:
            self.document.undo_stack.push(ResetCommand(self, self._start))

    def take_back(self, run: int, before: _SetAside | None) -> _SetAside | None:
        """Undo of a press of ``run``: the run as it stands (to bring back on redo), then back
        to ``before``, where the press began; ended (see :meth:`set_aside`) if the press began
        the run or the run is no longer the current one."""
        if before is None or run != self._run_id or not self._descenders:
            return self.set_aside()
        self.stop()
        after = self._kept(copied=False)
        self._restore(self._copy(before))
        self.stepped.emit()
        return after

    def drop_run(self, run: int) -> None:
        """Forget ``run``, unfaded, if it is the current one: a redo is about to bring back its
        later self (:meth:`take_back` took it back)."""
        if run == self._run_id and self._descenders:
            self.stop()
            self._descenders = []
            self._names = ()
            self._totals = []
            self._start = self._written = self._target = None

    def set_aside(self) -> _SetAside | None:
        """End the run for a Reset or an undo, and return it as it stands, to bring back."""
        aside = self._kept(copied=False)
        if aside is None:
            return None
        return replace(aside, faded=self._end_run())

    def bring_back(self, aside: _SetAside) -> None:
        """Go on with a run that Reset ended, if the data and settings are still its own."""
        first = aside.descenders[0]
        model = self.document.model
        current = [model.column(c) for c in range(TARGET + 1, model.column_count)]
        if self._descenders or first.lr != self.lr or first.space != self._usable_space() or \
                first.loss.id != model.loss_id or not _same_columns(current, aside.written) or \
                not _same_columns([model.column(TARGET)], [aside.target]):
            return  # something else changed since (the learning rate): the data is just data
        self._restore(aside)
        if aside.faded is not None and aside.faded in self.earlier:
            self.earlier.remove(aside.faded)
        self.stepped.emit()

    def _restore(self, aside: _SetAside) -> None:
        self._descenders = aside.descenders
        self._totals = aside.totals
        self._names = self.document.prediction_names
        self._announced = aside.announced
        self._start = aside.start
        self._written = aside.written
        self._target = aside.target
        self._run_id = aside.run_id

    def _kept(self, copied: bool = True) -> _SetAside | None:
        """The current run as it stands (a copy to step on from again, if ``copied``)."""
        if not self._descenders or self._start is None or self._written is None or \
                self._target is None:
            return None
        aside = _SetAside(self._descenders, self._totals, self._announced,
                          self._start, self._written, self._target, self._run_id, None)
        return self._copy(aside) if copied else aside

    @staticmethod
    def _copy(aside: _SetAside) -> _SetAside:
        """``aside`` with its own descenders and totals: stepping on never changes it."""
        return replace(aside, descenders=copy.deepcopy(aside.descenders),
                       totals=[list(t) for t in aside.totals], announced=set(aside.announced))

    def _last_pushed(self) -> tuple[int, int] | None:
        """(run, press) of the undo stack's last command if it is a step, else None."""
        stack = self.document.undo_stack
        index = stack.index() - 1
        command = stack.command(index) if index >= 0 else None
        if isinstance(command, LearnStepCommand):
            return command.run, command.press
        return None

    # --- internals ----------------------------------------------------------------------------

    def _usable_space(self) -> str:
        return self.space if self.can_use_logits() else "input"

    def _begin(self) -> bool:
        """Start a run from the document's current predictions, a vector or a batch.

        The core steps what the document evaluates (one sample as its vector, a batch as its
        N×K table with the batch's reduction), so the totals are the table's and `lossgui
        descend`'s on the same data.
        """
        model = self.document.model
        columns = range(TARGET + 1, model.column_count)
        t, ys = model.evaluated_inputs(columns)  # what the totals evaluate: a class index too
        params = model.params
        descenders = []
        try:
            for y in ys:
                descenders.append(Descender(model.loss_id, y, t, params, self.lr,
                                            self._usable_space()))
        except LossguiError as error:
            name = model.names[len(descenders) + 1]
            self.message.emit(in_window_words(f"{name}: {error_text(error, current_language())}"))
            self.stop()
            return False
        self._descenders = descenders
        self._names = model.prediction_names
        self._announced = set()
        self._start = [np.array(model.column(c)) for c in columns]
        self._written = self._start
        self._target = np.array(model.column(TARGET))
        self._totals = [[d.evaluation.total] for d in descenders]
        self._runs += 1
        self._run_id = self._runs
        self._announce_stops()  # a blank y: no slope to follow from the start
        return True

    def _on_tick(self) -> None:
        # A modal dialog (Quit's unsaved-changes box, Save As, a rename) pauses the Run: the
        # timer still fires inside the dialog's event loop, and a step taken there is one the
        # user never saw but a Save would write (round-7 tester: the box opened at step 146,
        # Save wrote step 293). So does a background job (a large save or export reads the
        # document meanwhile). The run goes on when the dialog closes, if the window stays —
        # one tick later: the tick due with the click that closed the box was served before the
        # dialog returned, so the file got one step more than the box showed (CI, loaded).
        if QGuiApplication.modalWindow() is not None or background.is_busy():
            self._paused_by_dialog = True
            return
        if self._paused_by_dialog:
            self._paused_by_dialog = False  # what runs after the dialog (a Save) comes first
            return
        if not self._step():
            self.stop()
            return
        self._run_steps += 1
        if self._run_steps >= self.cap:
            self.stop()
            # One line: lupdate did not see this call across lines (it had no Japanese).
            self.message.emit(self.tr("Run stopped at its cap of %n steps; press Run to go on.",
                                      "", self.cap))

    def _announce_stops(self) -> None:
        """Say once why each prediction that can go no further stopped, and once when a step
        took it out of its loss's domain (its E is no longer a loss to compare). A Run stops at
        that step: its line would go on falling below 0 on an axis of E, read as learning
        (round-7 tester: cee on y itself left [0, 1] at step 3 and ran on to step 200)."""
        stops = []
        left = False
        for i, descender in enumerate(self._descenders):
            if descender.stopped is not None and i not in self._announced:
                self._announced.add(i)
                stops.append((self._names[i], descender.stopped))
            for problem in descender.notes:
                if problem.code == "left_domain" and (i, problem.code) not in self._announced:
                    self._announced.add((i, problem.code))
                    stops.append((self._names[i], problem))
                    left = True
        if not stops:
            return
        language = current_language()
        said = [problem_of(None if p.about_target else name, p, language) for name, p in stops]
        if left and self.timer.isActive():
            self.stop()
            said.append(self.tr("The Run stopped at step %1, where E stopped being a loss; Step "
                                "or Run goes on from here.").replace("%1", str(self.step_count)))
        # Sentences follow one another with a space in English, none after 。 in Japanese.
        between = self.tr("%1 %2", "two sentences in a row").removeprefix("%1") \
            .removesuffix("%2")
        self.message.emit(in_window_words(between.join(said)))

    def problems(self) -> list[tuple[str, Problem]]:
        """What the current run found so far, per prediction (the core's sentences)."""
        return [(name, problem) for name, descender in zip(self._names, self._descenders,
                                                           strict=True)
                for problem in descender.problems()]

    def _on_document_changed(self) -> None:
        """Any change but our own steps ends the run (an edit, an undo, a file), of t too: the
        steps went on through an edit of t, one line joining E's of two targets."""
        if self._writing or self._written is None or self._target is None:
            return
        model = self.document.model
        current = [model.column(c) for c in range(TARGET + 1, model.column_count)]
        if not _same_columns(current, self._written) or \
                not _same_columns([model.column(TARGET)], [self._target]):
            self._end_run()

    def _on_model_changed(self, change: Change) -> None:
        """A rename reaches the run and the earlier ones, as it reaches the table: their lines
        are the renamed prediction's (round-5 tester: the header and legend kept the old
        name)."""
        names = self.document.prediction_names
        if change.kind is ChangeKind.RENAMED:
            i = change.columns.start - (TARGET + 1)
            old, new = self._known_names[i], names[i]
            if i < len(self._names) and self._names[i] == old:
                self._names = (*self._names[:i], new, *self._names[i + 1:])
            self.earlier = [replace(run, names=tuple(new if name == old else name
                                                     for name in run.names))
                            for run in self.earlier]
        self._known_names = names

    def _forget_earlier(self) -> None:
        self._end_run()
        self.earlier.clear()  # the document's changed signal redraws the plot

    def _end_run(self) -> Trace | None:
        """Forget the run's descenders; keep its trace, faded, if it took a step (returned)."""
        if not self._descenders:
            return None
        self.stop()
        faded = None
        if self.step_count > 0:
            faded = self.trace()
            self.earlier.append(faded)
            del self.earlier[:-EARLIER_RUNS]
        self._descenders = []
        self._names = ()
        self._totals = []
        self._start = None
        self._written = None
        self._target = None
        self.stepped.emit()
        return faded


def _same_columns(now: list[FloatArray], then: list[FloatArray]) -> bool:
    """Whether the predictions are still those a run wrote (blanks equal blanks)."""
    return len(now) == len(then) and all(
        a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
        for a, b in zip(now, then, strict=True))
