"""The Learn panel: learning rate, what the steps move, Step, Run/Stop and Reset.

It only sets and shows :class:`~lossgui.gui.learning.Learning`; the steps are the core's.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QWidget,
)

from lossgui.core import LossguiError
from lossgui.core.descend import MAX_STEPS
from lossgui.core.losses import InputKind
from lossgui.core.names import problem_of
from lossgui.core.numbers import cell_text, in_formula
from lossgui.core.parsing import parse_number
from lossgui.core.problems import error_text
from lossgui.gui.language import current_language
from lossgui.gui.learning import Learning, in_window_words
from lossgui.gui.panels.loss_panel import unknown_total
from lossgui.gui.sheet.table_model import uses_decimal_comma

LINE_EDIT_PADDING = 16  # px a QLineEdit adds to its text: frame and text margins, both sides


class LearnPanel(QToolBar):
    """The controls of a learning run as a tool bar, and a status line on where it is."""

    # A learning rate typed after a refused one was taken: the refusal is old news (it stayed
    # in the yellow bar under η 0.2 after '0,5' was refused).
    lr_taken = Signal()

    def __init__(self, learning: Learning, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LearnPanel", "Learn"), parent)
        self.setObjectName("learn_toolbar")
        self.setMovable(False)
        self.learning = learning

        self.lr_edit = QLineEdit(cell_text(learning.lr, uses_decimal_comma()))
        self.lr_edit.setAccessibleName(self.tr("Learning rate"))
        self.lr_edit.setToolTip(self.tr("η in y ← y − η·∂E/∂y: how far each step moves"))
        # Room for a rate like 0.0001 and no more: the tool bar must fit an 800-pixel window in
        # either language (a longer rate scrolls inside the field).
        self.lr_edit.setMaximumWidth(self.lr_edit.fontMetrics().horizontalAdvance("0.0001")
                                     + LINE_EDIT_PADDING)
        self.lr_edit.editingFinished.connect(self._on_lr_edited)
        self._put_back: str | None = None  # the rate's text put back over a refused one
        # The Step or Run button whose press took the focus from a refused η: its click takes
        # no step (it stepped at the old η, and the step's undo entry hid the refusal at once).
        self._refused_for: QWidget | None = None
        lr_label = QLabel(self.tr("Learning &rate η:"))
        lr_label.setBuddy(self.lr_edit)

        self.space_box = QComboBox()
        self.space_box.setAccessibleName(self.tr("What the steps move"))
        self.space_box.addItem(self.tr("y itself"), "input")
        # Short: the box is narrow so the tool bar fits an 800-pixel window ("the logits
        # behind y" was cut to "the logits behi"); its tooltip says what the logits are.
        self.space_box.addItem(self.tr("the logits z"), "logits")
        self._space_tip = self.tr(
            "For losses on probabilities a plain step can leave [0, 1]; stepping on the logits "
            "z behind them (y = softmax(z) or σ(z)) keeps y a probability")
        self.space_box.setToolTip(self._space_tip)
        # As wide as its longest (short) choice, so the chosen one is always read whole.
        self.space_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.space_box.currentIndexChanged.connect(self._on_space_changed)
        space_label = QLabel(self.tr("Step &on:"))
        space_label.setBuddy(self.space_box)

        self.step_button = QPushButton(self.tr("&Step"))
        self.step_button.setToolTip(self.tr("Take one step y ← y − η·∂E/∂y on every prediction"))
        self.step_button.clicked.connect(self._on_step)
        self.run_button = QPushButton(self.tr("R&un"))
        self.run_button.setCheckable(True)
        self.run_button.setToolTip(self.tr("Take a step per frame until Stop (the whole run is "
                                           "one undo step)"))
        self.run_button.toggled.connect(self._on_run_toggled)
        self.reset_button = QPushButton(self.tr("Rese&t"))
        self.reset_button.clicked.connect(learning.reset)
        self.cap_box = QSpinBox()
        self.cap_box.setRange(1, MAX_STEPS)
        self.cap_box.setValue(learning.cap)
        self.cap_box.setAccessibleName(self.tr("Most steps per Run"))
        self.cap_box.setSuffix(self.tr(" steps"))
        self.cap_box.setToolTip(self.tr("Run stops by itself after this many steps"))
        self.cap_box.valueChanged.connect(self._on_cap_changed)
        cap_label = QLabel(self.tr("Run at &most"))
        cap_label.setBuddy(self.cap_box)

        self.status = QLabel()
        self.status.setObjectName("learn_status")
        self.status.setAccessibleName(self.tr("Where learning is"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # A tool bar: at a narrow width the controls that do not fit go behind its » button.
        for widget in (lr_label, self.lr_edit, space_label, self.space_box, self.step_button,
                       self.run_button, self.reset_button, cap_label, self.cap_box):
            if widget in (lr_label, self.step_button, cap_label):
                self.addSeparator()
            self.addWidget(widget)

        # A step changes the document and the run at once: say it once, when both are done.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._refresh)
        # After a step, at once: the totals table updates inside the step (document.changed),
        # so a deferred draw here showed an older step than the table during a Run.
        learning.stepped.connect(self._on_stepped)
        learning.running_changed.connect(self._on_running_changed)
        learning.document.changed.connect(self._pending.start)
        learning.document.loss_changed.connect(self._pending.start)
        self._on_running_changed(learning.running)  # a Run going on through a language switch

    def _on_stepped(self) -> None:
        self._pending.stop()  # the document's change in the same step is drawn now too
        self._refresh()

    def set_lr_text(self, text: str) -> None:
        """Type a learning rate as a user would (the lessons set theirs this way)."""
        self.lr_edit.setText(text)
        self._on_lr_edited()

    def start_lesson(self, lr: float, space: str) -> None:
        """Set a lesson's learning rate and what its steps move."""
        self.set_lr_text(cell_text(lr, uses_decimal_comma()))
        self.space_box.setCurrentIndex(max(self.space_box.findData(space), 0))

    def _on_lr_edited(self) -> None:
        text = self.lr_edit.text()
        try:
            value = parse_number(text, uses_decimal_comma())
        except ValueError:  # not a number at all: the learning rate's own sentence says so
            value = math.nan
        try:
            self.learning.set_lr(value, text.strip())
        except LossguiError as error:
            # The command line's sentence, as a notice the user cannot miss; the field goes
            # back to the rate the next Step really uses.
            self._put_back = cell_text(self.learning.lr, uses_decimal_comma())
            # Left for a button (its press moves the focus before it clicks): that click waits.
            focus = QApplication.focusWidget()
            self._refused_for = focus if focus in (self.step_button, self.run_button) else None
            self.lr_edit.setText(self._put_back)
            self.learning.message.emit(error_text(error, current_language()))
            return
        # Leaving the field with the rate put back is no new rate: the refusal stays.
        if self._put_back is not None and text != self._put_back:
            self._put_back = None
            self.lr_taken.emit()
        self._refresh()

    def _on_space_changed(self) -> None:
        self.learning.set_space(str(self.space_box.currentData()))
        self._refresh()

    def _on_cap_changed(self, value: int) -> None:
        self.learning.cap = value

    def _held_back(self, button: QWidget) -> bool:
        """Whether ``button``'s click came with a refused η (see ``_refused_for``): no step."""
        held = self._refused_for is button
        self._refused_for = None
        return held

    def _on_step(self) -> None:
        if self._held_back(self.step_button):
            return
        self.learning.step()
        self._refresh()

    def _on_run_toggled(self, on: bool) -> None:
        if on and self._held_back(self.run_button):
            with QSignalBlocker(self.run_button):
                self.run_button.setChecked(False)
            return
        if on:
            self.learning.run()
        else:
            self.learning.stop()

    def _on_running_changed(self, running: bool) -> None:
        with QSignalBlocker(self.run_button):
            self.run_button.setChecked(running)
        self.run_button.setText(self.tr("St&op") if running else self.tr("R&un"))
        self.step_button.setEnabled(not running)
        self._refresh()

    def _total_said(self, prediction: int, total: float) -> str:
        """A total in the status line: as in a formula, or, not a number, as the totals table
        says it, "— (t₅ missing)" (it read "E = z nan")."""
        if math.isnan(total):
            return unknown_total(self.learning.document.missing_elements(prediction))
        return in_formula(total, uses_decimal_comma())

    def _refresh(self) -> None:
        learning = self.learning
        logits = learning.can_use_logits()
        self.space_box.setEnabled(logits)
        # Under softmax_cee or bce_logits the y column holds the logits z themselves: say so,
        # as the line above the steps plot does.
        reads_logits = learning.document.loss.expects is InputKind.LOGIT
        self.space_box.setItemText(0, self.tr("z itself") if reads_logits
                                   else self.tr("y itself"))
        self.space_box.setToolTip(self.tr(
            "This loss reads logits: the steps move z, its own input") if reads_logits else
            self._space_tip)
        if not logits:
            with QSignalBlocker(self.space_box):
                self.space_box.setCurrentIndex(0)
        elif self.space_box.currentData() != learning.space:
            with QSignalBlocker(self.space_box):
                self.space_box.setCurrentIndex(self.space_box.findData(learning.space))
        # Enabled only with a run to go back to: after an edit ended the run it was enabled
        # and did nothing (round-7 tester); the tooltip says why it is not.
        can_reset = learning.can_reset
        self.reset_button.setEnabled(can_reset)
        self.reset_button.setToolTip(
            self.tr("Put the predictions back to where learning began") if can_reset else
            self.tr("Nothing to put back: no step was taken since the data, the loss or η last "
                    "changed (each ends a run)"))
        trace = learning.trace()
        totals = ", ".join(f"{name} {self._total_said(i, t[-1])}" for i, (name, t) in
                           enumerate(zip(trace.names, trace.totals, strict=False)) if t)
        text = self.tr("Step %1 (%2): E = %3").replace("%1", str(learning.step_count)) \
            .replace("%2", learning.describe_space()).replace("%3", totals)
        language = current_language()
        said = [in_window_words(problem_of(None if problem.about_target else name, problem,
                                           language))  # cells named as the notes name them
                for name, problem in learning.problems()]
        self.status.setText("\n".join([text, *said]))
