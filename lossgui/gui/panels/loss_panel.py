"""The loss selector with its parameters and formula, and the results: one total per prediction.

Editors push undoable changes to the document and are updated from it with their signals
blocked, so an undo shows in the editor without echoing back as a new change.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lossgui.core import Evaluation, LossguiError
from lossgui.core.losses import grouped
from lossgui.core.names import problem_of
from lossgui.core.numbers import (
    cell_text,
    formula_with_decimal_comma,
    round_trip,
    setting,
    short,
    shown,
    with_decimal_comma,
)
from lossgui.core.params import Param, ParamKind, ParamValue
from lossgui.core.parsing import parse_number
from lossgui.core.problems import NotANumber, error_text
from lossgui.gui.document import Document
from lossgui.gui.language import current_language, is_japanese
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.wrapped import fit_wrapped_height
from lossgui.gui.param_text import choice_label, param_label
from lossgui.gui.sheet.sheet_view import compact_rows
from lossgui.gui.sheet.table_model import uses_decimal_comma


class LossPanel(QWidget):
    """Pick a loss, set its parameters, read its formula."""

    message = Signal(str)  # a refused parameter value, for the window to show
    chosen = Signal(str)  # the user picked this loss (not an example's or a file's)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._shown_loss = ""
        self._editors: dict[str, QWidget] = {}
        self._undo_through = _DocumentUndoWhenEmpty(self)

        self.selector = QComboBox()
        self.selector.setAccessibleName(self.tr("Loss function"))
        self.selector.setModel(self._grouped_losses())
        self.selector.setMaxVisibleItems(self.selector.count())  # all 26 rows, no scrolling
        self.selector.currentIndexChanged.connect(self._on_selector_changed)
        label = QLabel(self.tr("&Loss:"))
        label.setBuddy(self.selector)

        self.formula = QLabel()
        self.formula.setAccessibleName(self.tr("Formula"))
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        formula_font = QFont(self.formula.font())
        formula_font.setPointSizeF(formula_font.pointSizeF() * 1.2)
        self.formula.setFont(formula_font)
        self.formula.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("About the loss"))

        # One row per parameter, its editor right after its own label: in a form the labels
        # share a column as wide as the longest, and 「ラベル平滑化 (label_smoothing):」 pushed
        # the reduction box beside it 100 px away from 「集約方法 (reduction):」.
        self._params = QVBoxLayout()
        self._params.setContentsMargins(0, 0, 0, 0)
        self._param_rows: list[QWidget] = []
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label, self.selector)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.formula)
        layout.addWidget(self.about)
        layout.addLayout(self._params)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        document.loss_changed.connect(self._on_loss_changed)
        self._on_loss_changed()

    def _grouped_losses(self) -> QStandardItemModel:
        """Every loss under its task's heading; a heading cannot be picked, so keys skip it."""
        model = QStandardItemModel(self)
        language = current_language()
        for task, losses in grouped():
            heading = QStandardItem(task.describe(language))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont(self.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setData(QBrush(QColor("#e4ecf4")), Qt.ItemDataRole.BackgroundRole)
            heading.setData(QBrush(QColor("#1b2b3a")), Qt.ItemDataRole.ForegroundRole)
            model.appendRow(heading)
            for loss in losses:  # in Japanese the article's names first, e.g. 2乗和誤差 (sse)
                name, other = (loss.name_ja, loss.name_en) if is_japanese() else \
                    (loss.name_en, loss.name_ja)
                item = QStandardItem(f"{name} ({loss.id})")
                item.setData(loss.id, Qt.ItemDataRole.UserRole)
                item.setToolTip(self.tr("%1 — expects %2").replace("%1", other)
                                .replace("%2", loss.expects.describe(language))
                                + "\n" + loss.when_to_use(language))
                model.appendRow(item)
        return model

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep every wrapped line of the formula and the about text visible."""
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        fit_wrapped_height(self.formula)
        fit_wrapped_height(self.about)

    def editors(self) -> list[QWidget]:
        """The selected loss's parameter editors, in the order shown."""
        return list(self._editors.values())

    def editor(self, name: str) -> QWidget:
        """The editor of parameter ``name`` of the selected loss (for tests and focus)."""
        return self._editors[name]

    def _on_selector_changed(self, index: int) -> None:
        loss_id = self.selector.itemData(index)
        if loss_id and loss_id != self._document.loss_id:
            self._document.set_loss(loss_id)
            self.chosen.emit(loss_id)

    def _on_loss_changed(self) -> None:
        loss = self._document.loss
        with QSignalBlocker(self.selector):
            self.selector.setCurrentIndex(self.selector.findData(loss.id))
        if loss.id != self._shown_loss:
            self._shown_loss = loss.id
            self._rebuild_editors()
        # A parameter may change what y is (poisson's log_input), so this follows every change.
        # The name in the other language, said to be one (in 日本語 a bare English name read as
        # a string left untranslated): the article's name for English readers, the name
        # PyTorch's and Keras's documentation use for Japanese ones.
        other = self.tr("English: %1 · expects %2").replace("%1", loss.name_en) \
            if is_japanese() else \
            self.tr("Japanese: %1 · expects %2").replace("%1", loss.name_ja)
        language = current_language()
        self.about.setText(other
                           .replace("%2", loss.expects_for(self._document.params)
                                    .describe(language))
                           + "\n" + self.tr("When to use it: %1")
                           .replace("%1", loss.when_to_use(language)))
        formula = loss.formula_for(self._document.params)  # ½ and mean show too
        # Written as the formula under the totals is: max(0; …) beside max(0; 1−1·0,65) in de_DE
        self.formula.setText(formula_with_decimal_comma(formula) if uses_decimal_comma()
                             else formula)
        self._fit_labels()
        self._show_values()

    def _rebuild_editors(self) -> None:
        for row in self._param_rows:
            self._params.removeWidget(row)
            row.hide()  # until it is deleted, never drawn over the new rows
            row.deleteLater()
        self._param_rows = []
        self._editors = {}
        for param in self._document.loss.params:
            editor = self._make_editor(param)
            help_text = param.describe(current_language())
            editor.setToolTip(help_text)
            shown_name = param_label(param.name)
            editor.setAccessibleName(self.tr("Parameter %1").replace("%1", shown_name))
            editor.setAccessibleDescription(help_text)
            label = QLabel(self.tr("%1:").replace("%1", shown_name))
            label.setBuddy(editor)
            label.setToolTip(help_text)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(label)
            row_layout.addWidget(editor)
            row_layout.addStretch(1)
            self._params.addWidget(row)
            self._param_rows.append(row)
            self._editors[param.name] = editor

    def _make_editor(self, param: Param) -> QWidget:
        name = param.name
        if param.kind is ParamKind.BOOL:
            box = QCheckBox()
            box.toggled.connect(lambda on: self._set(name, on))
            return box
        if param.kind is ParamKind.CHOICE:
            combo = QComboBox()
            for choice in param.choices:  # shown in the window's language, set by its id
                combo.addItem(choice_label(choice), choice)
            combo.currentIndexChanged.connect(lambda _: self._set(name, combo.currentData()))
            return combo
        line = QLineEdit()
        line.setMaximumWidth(120)
        line.installEventFilter(self._undo_through)
        line.editingFinished.connect(lambda: self._set_text(name, line))
        return line

    def _show_values(self) -> None:
        for name, value in self._document.params.items():
            editor = self._editors.get(name)
            if editor is None:
                continue
            with QSignalBlocker(editor):
                if isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QComboBox):
                    editor.setCurrentIndex(editor.findData(str(value)))
                elif isinstance(editor, QLineEdit):
                    editor.setText(_param_text(value))

    def _set(self, name: str, value: object) -> None:
        try:
            self._document.set_param(name, value)
        except LossguiError as error:
            self.message.emit(self.tr("%1; the old value is kept.")
                              .replace("%1", error_text(error, current_language())))
            self._show_values()

    def _set_text(self, name: str, line: QLineEdit) -> None:
        try:
            value = parse_number(line.text(), uses_decimal_comma())
        except NotANumber as error:
            self.message.emit(self.tr("%1: %2; the old value is kept.").replace("%1", name)
                              .replace("%2", error_text(error, current_language())))
            self._show_values()
            return
        self._set(name, value)


class _DocumentUndoWhenEmpty(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z in a parameter field reach Edit ▸ Undo / Redo.

    A QLineEdit claims the undo keys for its own typing even when it has nothing to undo, so
    "Undo Set eps to 1e-07" would never run while the cursor is in the field. It keeps them
    only while it has typing of its own to undo or redo.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit) \
                and isinstance(event, QKeyEvent):
            own = (event.matches(QKeySequence.StandardKey.Undo) and watched.isUndoAvailable()) \
                or (event.matches(QKeySequence.StandardKey.Redo) and watched.isRedoAvailable())
            if not own and (event.matches(QKeySequence.StandardKey.Undo)
                            or event.matches(QKeySequence.StandardKey.Redo)):
                event.ignore()
                return True  # not overridden: the window's shortcut runs
        return False


def _param_text(value: ParamValue) -> str:
    """A parameter as its editor shows it: six digits where that is exact (``1e-07``, ``0``),
    else every digit it has (repr reads back as the same float), so Enter changes nothing."""
    if isinstance(value, float) and float(short(value)) != value:
        exact = round_trip(value)
        return with_decimal_comma(exact) if uses_decimal_comma() else exact
    return setting(value, rounded=True, decimal_comma=uses_decimal_comma())


MISSING_NAMED = 2  # a total names this many blank cells, else the first and a count


def format_total(evaluation: Evaluation | None, error: str | None,
                 missing: tuple[str, ...] = ()) -> str:
    """A total as shown: about six significant digits, or why there is none.

    ``missing`` names the blank elements that leave it unknown (the document's
    ``missing_elements``).
    """
    if evaluation is None:
        return QCoreApplication.translate("ResultsPanel", "— (cannot compute)") if error else ""
    total = evaluation.total
    if math.isnan(total):
        return unknown_total(missing)
    return shown(total, uses_decimal_comma())


def unknown_total(missing: tuple[str, ...] = ()) -> str:
    """A total that is not a number, as every view says it: "— (missing: t, element 5)",
    naming the blank cells ``missing`` as the notes do (the document's ``missing_elements``),
    else "— (not a number)" (the steps header said a raw "nan")."""
    if not missing:
        return QCoreApplication.translate("ResultsPanel", "— (not a number)")
    # The names hold commas ("y, sample 3, class 1"), so the list is joined by another mark.
    joined = QCoreApplication.translate("ResultsPanel", "; ").join(missing[:MISSING_NAMED])
    if len(missing) > MISSING_NAMED:  # the first few by name, so the user knows where
        more = len(missing) - 1
        # One line: lupdate reads a translate() call with %n only when it is on one line.
        text = QCoreApplication.translate("ResultsPanel", "— (missing: %1 and %n more)", None, more)
        return text.replace("%1", missing[0])
    return QCoreApplication.translate("ResultsPanel", "— (missing: %1)").replace("%1", joined)


TOTAL_MARGIN = 16  # the total cell's margins and a pixel or two of air, in px
MINIMUM_NAME_WIDTH = 64  # a colour swatch and a few letters of the name


class ResultsPanel(QWidget):
    """The total of every prediction, live, with the best one marked; notes underneath."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.table = QTableWidget(0, 3)  # name, total, the ★ of the lowest
        compact_rows(self.table)
        self.table.setAccessibleName(self.tr("Totals"))
        self.table.setHorizontalHeaderLabels([self.tr("Prediction"), self.tr("Total E"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        # Fitted to the contents once per change (_on_document_changed): ResizeToContents would
        # re-measure every row on each item set, quadratic with 1,000 predictions.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        # A long name is shortened in the middle (runs differ at the end: …_v2, …_v3), whole on
        # hover, so that the total beside it is always in sight (tester9).
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setToolTip(self.tr("Hover a total for its full precision; Ctrl+C copies it."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # What each row shows, by (name, evaluation, error, lowest): an unchanged row is skipped.
        self._shown: list[tuple[object, ...]] = []
        self.updated_rows = 0  # rows the last change updated (tests check an edit touches few)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed()

    def copy(self) -> None:
        """Copy the selected rows (or all) as 'name<TAB>total' lines at full precision."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}) or \
            list(range(self.table.rowCount()))
        names = self._document.prediction_names
        lines = []
        for row in rows:
            evaluation = self._document.evaluations[row]
            total = round_trip(evaluation.total) if evaluation is not None else ""
            lines.append(f"{names[row]}\t{total}")
        QApplication.clipboard().setText("\r\n".join(lines) + "\r\n")

    def _on_document_changed(self) -> None:
        """Update the rows whose prediction changed; the others keep their items.

        Rebuilding every item took ~20 s per edit with 1,000 predictions (each setItem
        re-measures the columns); an edit changes one or two rows.
        """
        document = self._document
        evaluations, errors = document.evaluations, document.errors
        best = document.lowest
        count = len(evaluations)
        if count != self.table.rowCount():
            self.table.setRowCount(count)
            del self._shown[count:]
        self.updated_rows = 0
        for row, (name, evaluation, error, colour) in enumerate(
            zip(document.prediction_names, evaluations, errors, document.colour_slots, strict=True)
        ):
            # the evaluation by identity: the document keeps an unchanged prediction's object
            key = (name, error, row in best, colour, evaluation)
            if row < len(self._shown) and _same_row(self._shown[row], key):
                continue
            self._show_row(row, name, evaluation, error, row in best, colour)
            if row < len(self._shown):
                self._shown[row] = key
            else:
                self._shown.append(key)
            self.updated_rows += 1
        if self.updated_rows:
            self.table.resizeColumnToContents(0)
            self.table.resizeColumnToContents(2)
            self._leave_room_for_totals()
        self._fit_table_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrower panel takes its room from the names, never from the totals."""
        super().resizeEvent(event)
        self.table.resizeColumnToContents(0)
        self._leave_room_for_totals()

    def _leave_room_for_totals(self) -> None:
        """Narrow the name column (fitted to the names) so that the widest total fits beside it."""
        table = self.table
        metrics = table.fontMetrics()
        totals = (table.item(row, 1) for row in range(table.rowCount()))
        widest = max((metrics.horizontalAdvance(item.text()) for item in totals if item),
                     default=0)
        room = table.viewport().width() - table.columnWidth(2) - widest - TOTAL_MARGIN
        if table.columnWidth(0) > room:
            table.setColumnWidth(0, max(room, MINIMUM_NAME_WIDTH))

    def _show_row(self, row: int, name: str, evaluation: Evaluation | None, error: str | None,
                  best: bool, colour: int) -> None:
        found = [self.table.item(row, column) for column in range(3)]
        items = [item for item in found if item is not None]
        if len(items) != 3:  # a new row: its items once, updated in place from then on
            items = [QTableWidgetItem() for _ in range(3)]
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        name_item, total_item, best_item = items
        name_item.setText(name)
        name_item.setToolTip(name)
        name_item.setData(Qt.ItemDataRole.DecorationRole, prediction_colour(colour))
        total_item.setText(format_total(evaluation, error, self._document.missing_elements(row)))
        total_item.setToolTip(_total_tooltip(name, evaluation, error))
        why = self._document.not_compared(row)
        if best:
            best_item.setText(self.tr("★ best"))
            best_item.setToolTip(self.tr("The lowest loss: this prediction is closest to t."))
        elif why is not None:  # a number, maybe below 0, but no loss: not ranked (core.lowest)
            best_item.setText(self.tr("not compared"))
            best_item.setToolTip(self.tr(
                "Some y is outside the values this loss is defined for, so this total is not "
                "a loss (it can even be negative) and is not compared with the others.")
                if why == "y" else self.tr(
                "y sums to more than 1 (under nll, exp(y) does), so it is not a probability "
                "distribution. Only among distributions is this loss lowest at y = t (under "
                "nll, at exp(y) = t), so this total can fall below that one (under kl it can be "
                "negative) and is not compared with the others.") if why == "y_sum" else self.tr(
                "t is not a probability distribution, and this loss measures a distance only "
                "between distributions, so this total can be negative and is not compared "
                "with the others."))
        else:
            best_item.setText("")
            best_item.setToolTip("")
        font = QFont(total_item.font())
        font.setBold(best)
        total_item.setFont(font)
        name_item.setFont(font)

    def _fit_table_height(self) -> None:
        """As tall as its rows (up to six; more scroll), so no total is ever half hidden."""
        table = self.table
        rows = min(table.rowCount(), 6)
        row_height = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + rows * row_height + 2 * table.frameWidth())


def _same_row(shown: tuple[object, ...], key: tuple[object, ...]) -> bool:
    return shown[:-1] == key[:-1] and shown[-1] is key[-1]


def _total_tooltip(name: str, evaluation: Evaluation | None, error: str | None) -> str:
    if evaluation is None:
        return error or ""
    total = evaluation.total  # every digit, as a cell's tooltip gives it (nan spelled out)
    lines = [f"{name}: E = {cell_text(total, uses_decimal_comma()) or round_trip(total)}"]
    language = current_language()
    lines += [problem_of(None if p.about_target else name, p, language)  # as the notes say it
              for p in evaluation.problems if p.index is not None or p.sample is not None][:5]
    return "\n".join(lines)
