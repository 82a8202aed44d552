"""Which prediction and which element the learning aids are about, shared by all of them.

The tables set it (the current cell's row and prediction column); each aid can also change it
with its own small selector, so a user on the curve tab need not go back to the table. (Not the
keyboard focus: that is Qt's.)

The aids listen to :attr:`Selection.changed` only, never to the document as well: it fires
once per document change (after the evaluations are fresh) and once per change of selection.
While the document is changing (a row removed moves the tables' current cell), the new
selection is kept quietly and announced with the document's ``changed``, so a deleted row
refreshes each aid once, not once per signal that passed by.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from lossgui.core import names
from lossgui.gui.document import Document
from lossgui.gui.language import current_language
from lossgui.gui.panels.colours import prediction_colour


def element_of(name: str, element: int) -> str:
    """Name element k (0-based) of prediction ``name`` in a sentence: "y1, element 2", in the
    window's language (the core's rule, which the notes use too)."""
    return names.element_of(name, (element,), current_language())


class Selection(QObject):
    """The selected prediction (0-based, among the predictions) and element k (0-based row)."""

    changed = Signal()  # the selection, or the document under it, changed

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._prediction = 0
        self._element = 0
        self._holding = False  # the document is changing: announce with its ``changed``
        document.changing.connect(self._on_document_changing)
        document.changed.connect(self._on_document_changed)
        document.sample_changed.connect(self._on_sample_changed)

    @property
    def document(self) -> Document:
        """The document the aids explain."""
        return self._document

    @property
    def prediction(self) -> int:
        """The selected prediction, 0-based (document column − 1)."""
        return self._prediction

    @property
    def element(self) -> int:
        """The selected element k, 0-based (a table row)."""
        return self._element

    def index_of(self, element: int) -> tuple[int, ...]:
        """Element k (0-based) of the shown vector as the tables and the notes index it: (k,),
        or (sample, k) in a batch, whose classes count from 0."""
        document = self._document
        return (document.sample, element) if document.is_batch else (element,)

    def set_prediction(self, prediction: int) -> None:
        """Select a prediction (clamped to the ones there are)."""
        self._set(prediction, self._element)

    def set_element(self, element: int) -> None:
        """Select element k (clamped to the rows there are)."""
        self._set(self._prediction, element)

    def set_cell(self, element: int, prediction: int) -> None:
        """Select both at once (one ``changed``)."""
        self._set(prediction, element)

    def _set(self, prediction: int, element: int) -> None:
        prediction = min(max(prediction, 0), len(self._document.prediction_names) - 1)
        element = min(max(element, 0), self._document.row_count - 1)
        if (prediction, element) != (self._prediction, self._element):
            self._prediction, self._element = prediction, element
            if not self._holding:
                self.changed.emit()

    def _on_sample_changed(self) -> None:
        # Another sample of a batch: every aid shows other numbers.
        if not self._holding:
            self.changed.emit()

    def _on_document_changing(self) -> None:
        self._holding = True

    def _on_document_changed(self) -> None:
        self._holding = False
        # Rows or predictions may have gone away: stay inside what is there, quietly, and say
        # once that the aids have something new to show.
        prediction = min(max(self._prediction, 0), len(self._document.prediction_names) - 1)
        element = min(max(self._element, 0), self._document.row_count - 1)
        self._prediction, self._element = prediction, element
        self.changed.emit()


class PredictionCombo(QComboBox):
    """Choose the selected prediction; lists the predictions in their plot colours."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._slots: tuple[int, ...] = ()  # the colour slots the items are drawn in
        self.setAccessibleName(self.tr("Prediction"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._on_index_changed)
        selection.changed.connect(self._show)
        self._show()

    def _show(self) -> None:
        document = self._selection.document
        names, slots = document.prediction_names, document.colour_slots
        with QSignalBlocker(self):
            if [self.itemText(i) for i in range(self.count())] != list(names) or \
                    self._slots != slots:
                self.clear()
                self._slots = slots
                for i, (name, slot) in enumerate(zip(names, slots, strict=True)):
                    self.addItem(name)
                    self.setItemData(i, prediction_colour(slot), Qt.ItemDataRole.DecorationRole)
            self.setCurrentIndex(self._selection.prediction)

    def _on_index_changed(self, index: int) -> None:
        if index >= 0:
            self._selection.set_prediction(index)


class ElementSpin(QSpinBox):
    """Choose the selected element k, counted as in the tables: from 1, a batch's classes from 0."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self.setAccessibleName(self.tr("Element k"))
        self.valueChanged.connect(self._on_value_changed)
        selection.changed.connect(self._show)
        self._show()

    def _show(self) -> None:
        first = self._first()
        with QSignalBlocker(self):
            self.setRange(first, self._selection.document.row_count - 1 + first)
            self.setValue(self._selection.element + first)

    def _first(self) -> int:
        """What the tables call the first element: 1, or class 0 in a batch."""
        return 0 if self._selection.document.is_batch else 1

    def _on_value_changed(self, value: int) -> None:
        self._selection.set_element(value - self._first())

