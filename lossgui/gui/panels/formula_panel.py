"""The loss written out with the selected prediction's numbers, e.g. (0.01−0)² + … = 0.252.

The core writes the terms (``explain.substitute``); this panel only lays them out as rich text,
greying the terms that contribute nothing (t = 0 under a log).
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from lossgui.core import LossguiError, Problem, Severity
from lossgui.core.explain import Substitution, substitute
from lossgui.core.numbers import formula_with_decimal_comma, in_formula
from lossgui.gui.language import current_language
from lossgui.gui.panels.wrapped import fit_wrapped_height
from lossgui.gui.selection import PredictionCombo, Selection
from lossgui.gui.sheet.table_model import uses_decimal_comma

INERT_COLOUR = "#9a9a9a"
UNDEFINED_COLOUR = "#b00020"  # the term that makes the total not a number


class FormulaPanel(QWidget):
    """One line (wrapped when narrow): the selected loss with the selected prediction's values."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self.substitution: Substitution | None = None

        self.prediction = PredictionCombo(selection)
        self.prediction.setToolTip(self.tr("Whose numbers the formula shows"))
        heading = QLabel(self.tr("Written out with the numbers of"))
        heading.setBuddy(self.prediction)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addWidget(self.prediction)
        top.addStretch(1)

        self.formula = QLabel()
        self.formula.setObjectName("substituted_formula")
        self.formula.setAccessibleName(self.tr("Formula with the numbers"))
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        # Extra height (a CJK font's taller lines at start-up) goes below the text, not above.
        self.formula.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = QFont(self.formula.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.formula.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.formula)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        selection.changed.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep every wrapped line visible at the new width."""
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        fit_wrapped_height(self.formula)

    def refresh(self) -> None:
        """Write the formula out again from the document's current evaluation."""
        document = self._selection.document
        column = self._selection.prediction + 1
        evaluation = document.sample_evaluations[self._selection.prediction]
        self.substitution = None
        if evaluation is None:
            error = document.errors[self._selection.prediction] or ""
            self._show_message(self.tr("Cannot compute: %1").replace("%1", error))
            return
        undefined: list[Problem] = []
        if math.isnan(evaluation.total):
            if document.missing_elements(self._selection.prediction):
                self._show_message(self.tr("Fill in every t and y to see the formula with its "
                                           "numbers."))
                return
            # Every cell is filled, yet the total is not a number: say where and why.
            undefined = [p for p in evaluation.problems
                         if p.index is not None and p.severity is Severity.WARNING]
        try:
            sub = substitute(document.loss_id, document.column(column), document.column(0),
                             evaluation)
        except LossguiError as error:  # the core refuses this input: say why, never crash
            self._show_message(str(error))
            return
        self.substitution = sub
        self.formula.setText(self._html(sub, undefined))
        self._fit_height()
        self.formula.setToolTip(self.tr("Greyed terms have t = 0: they add nothing to E.")
                                if any(t.inert for t in sub.terms) else "")

    def _html(self, sub: Substitution, undefined: list[Problem]) -> str:
        bad = {p.index[0] for p in undefined if p.index is not None}
        comma = uses_decimal_comma()  # as the cells and totals write numbers (0,01 in de_DE)

        def local(text: str) -> str:
            return html.escape(formula_with_decimal_comma(text) if comma else text)

        parts = [
            f'<span style="color:{UNDEFINED_COLOUR}"><b>{local(term.text)}</b></span>'
            if term.element in bad else
            f'<span style="color:{INERT_COLOUR}">{local(term.text)}</span>'
            if term.inert else local(term.text)
            for term in sub.terms
        ]
        parts = sub.with_gaps(parts, lambda count: "<i>{}</i>".format(
            html.escape(self.tr("… (%n more terms) …", "", count))))
        body = " + ".join(parts)
        written = f"{local(sub.prefix)}{body}{local(sub.suffix)} = "
        if not undefined:
            return f"{written}<b>{html.escape(in_formula(sub.result, comma))}</b>"
        language = current_language()
        why = "<br>".join(html.escape(p.text(language)) for p in undefined[:3])
        not_a_number = self.tr("not a number")
        return (f"{written}<b>{html.escape(not_a_number)}</b><br>"
                f'<span style="color:{UNDEFINED_COLOUR}">{why}</span>')

    def _show_message(self, text: str) -> None:
        self.formula.setText(f"<i>{html.escape(text)}</i>")
        self.formula.setToolTip("")
        self._fit_height()
