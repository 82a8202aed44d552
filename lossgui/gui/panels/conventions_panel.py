"""“Why do other tools give another number?” — each tool's convention on the selected prediction.

The core computes every value and reason (``conventions.compare``, ``input_remarks``); this
panel lists them. A value's full precision is in its tooltip and in ``Qt.ItemDataRole.UserRole``.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lossgui.core.conventions import Convention, compare, input_remarks
from lossgui.core.numbers import round_trip, shown
from lossgui.gui.language import QT_TRANSLATE_NOOP, current_language, is_japanese
from lossgui.gui.panels.when_shown import DrawnWhenShown
from lossgui.gui.selection import PredictionCombo, Selection
from lossgui.gui.sheet.table_model import uses_decimal_comma

VALUE_COLUMN = 2
# The core names tools in English; these are the ones with another name in Japanese.
TRANSLATED_TOOLS = (
    QT_TRANSLATE_NOOP("ConventionsPanel", "the article"),
    QT_TRANSLATE_NOOP("ConventionsPanel", "Deep Learning from Scratch"),
)


class ConventionsPanel(QWidget):
    """Tool / function / value / why, for the selected prediction, and remarks on the input."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._when_shown = DrawnWhenShown(self, self.refresh, stale=True)
        self.conventions: list[Convention] = []

        title = QLabel(self.tr("<b>Why do other tools give another number?</b> Each tool has "
                               "its own convention; here is what each reports, and why."))
        title.setWordWrap(True)
        self.prediction = PredictionCombo(selection)
        heading = QLabel(self.tr("For the prediction"))
        heading.setBuddy(self.prediction)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(heading)
        bar.addWidget(self.prediction)
        bar.addStretch(1)

        self.remarks = QLabel()
        self.remarks.setObjectName("input_remarks")
        self.remarks.setAccessibleName(self.tr("Remarks on the input"))
        self.remarks.setWordWrap(True)
        self.remarks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remarks.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.remarks.setStyleSheet("QLabel#input_remarks { background: #eef5fb; color: #1b2b3a;"
                                   " border: 1px solid #b9d3ea; padding: 4px; }")

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("What other tools report"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tool"), self.tr("Function"), self.tr("Value"), self.tr("Why it differs")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        # Tool and function take fixed shares of the width (see _share_width) and the reason the
        # rest, all wrapping, so a narrow window keeps every reason readable.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the width the row heights were
        # computed for, and cut off the last line of a reason.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.remarks)
        layout.addWidget(self.table, 1)

        selection.changed.connect(self._on_changed)

    def value_text(self, row: int) -> str:
        """The value shown in a row."""
        item = self.table.item(row, VALUE_COLUMN)
        return item.text() if item else ""

    def value_data(self, row: int) -> float | None:
        """The full-precision value of a row (None: the tool refuses this input)."""
        item = self.table.item(row, VALUE_COLUMN)
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return None if value is None else float(value)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped reasons need their row heights recomputed when the width changes."""
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        header = self.table.horizontalHeader()
        free = self.table.viewport().width() - header.sectionSize(VALUE_COLUMN)
        header.resizeSection(0, max(int(free * 0.2), 60))
        header.resizeSection(1, max(int(free * 0.3), 80))
        self.table.resizeRowsToContents()

    def _on_changed(self) -> None:
        self._when_shown.changed()

    def refresh(self) -> None:
        """Ask the core what each tool reports for the selected prediction (the whole batch)."""
        self._when_shown.stale = False
        document = self._selection.document
        j = self._selection.prediction
        y, t = np.array(document.all_samples(j + 1)), np.array(document.all_samples(0))
        rows: list[tuple[str, str, float | None, str]] = []
        evaluation = document.evaluations[j]
        if evaluation is not None:
            loss = document.loss
            name = loss.name_ja if is_japanese() else loss.name_en
            rows.append((self.tr("lossgui (now)"), f"{name} ({loss.id})",
                         evaluation.total, self.tr("The loss and parameters chosen on the "
                                                   "left, for comparison.")))
        self.conventions = compare(y, t, document.loss_id, document.params)
        language = current_language()
        rows += [(self.tr(c.tool) if c.tool in TRANSLATED_TOOLS else c.label, c.function,
                  c.value, c.explain(language)) for c in self.conventions]
        self.table.setRowCount(len(rows))
        for row, (tool, function, value, reason) in enumerate(rows):
            value_item = QTableWidgetItem(_value_text(value))
            value_item.setData(Qt.ItemDataRole.UserRole, value)
            value_item.setToolTip(round_trip(value) if value is not None else
                                  self.tr("This tool refuses this input: %1")
                                  .replace("%1", reason))
            value_item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)
            reason_item = QTableWidgetItem(reason)
            reason_item.setToolTip(reason)
            # A long function name may wrap after "_" and "(".
            function_item = QTableWidgetItem(function.replace("_", "_\u200b")
                                             .replace("(", "(\u200b"))
            function_item.setToolTip(function)
            for column, item in enumerate((QTableWidgetItem(tool), function_item, value_item,
                                           reason_item)):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(VALUE_COLUMN)
        self._share_width()
        name = document.prediction_names[j]
        remarks = input_remarks(y, t, language, document.loss_id, document.params, name,
                                document.is_batch and document.model.class_indices)
        if remarks:
            self.remarks.setText("\n".join(f"ⓘ {r}" for r in remarks))
        else:
            self.remarks.setText(self.tr("ⓘ %1 and t look like one class per sample with "
                                         "probabilities summing to 1: the tools should agree "
                                         "up to their clipping.").replace("%1", name))


def _value_text(value: float | None) -> str:
    """About six significant digits; 'refuses' when the tool will not take the input."""
    if value is None:
        return QCoreApplication.translate("ConventionsPanel", "refuses")
    if math.isnan(value):
        return QCoreApplication.translate("ConventionsPanel", "not a number")
    return shown(value, uses_decimal_comma())

