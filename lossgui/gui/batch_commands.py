"""Undo commands of a batch: N×K cells of one column, and the target's layout (one-hot ↔ indices).

As the vector commands in :mod:`lossgui.gui.commands`, each calls the core model's raw changes
inside ``model.batch()``, so a paste is evaluated once and undone in one step.
"""

from __future__ import annotations

from lossgui.core.arrays import FloatArray
from lossgui.core.document import ELEMENTS, SAMPLES, DocumentModel
from lossgui.gui.commands import Describe, TextCommand


class BatchCellsCommand(TextCommand):
    """Write a samples×classes block into one column; a paste past the end adds samples first.

    ``values`` are N×K cells of ``column`` from (``sample``, ``element``); with ``extra_samples``
    > 0 that many blank samples are appended to every column before, and removed on undo.
    """

    def __init__(self, document: DocumentModel, column: int, sample: int, element: int,
                 values: FloatArray, extra_samples: int, extra_elements: int,
                 describe: Describe) -> None:
        super().__init__(describe)
        self._document = document
        self._column = column
        self._at = (sample, element)
        self._values = values
        self._extra = (extra_samples, extra_elements)
        self._old: FloatArray | None = None

    def redo(self) -> None:
        """Grow the batch if needed, remember the old cells once, write the new ones."""
        document = self._document
        samples, elements = self._extra
        with document.batch():
            if samples:
                document.insert(SAMPLES, document.samples, document.blank(SAMPLES, samples))
            if elements:
                document.insert(ELEMENTS, document.elements, document.blank(ELEMENTS, elements))
            if self._old is None:
                self._old = document.cells(self._column, *self._at, *self._values.shape)
            document.put(self._column, *self._at, self._values)

    def undo(self) -> None:
        """Put the old cells back, then drop the samples and classes the paste added."""
        document = self._document
        assert self._old is not None
        samples, elements = self._extra
        with document.batch():
            document.put(self._column, *self._at, self._old)
            if elements:
                document.remove(ELEMENTS, document.elements - elements, elements)
            if samples:
                document.remove(SAMPLES, document.samples - samples, samples)


class ClassIndicesCommand(TextCommand):
    """Show the target as class indices, or back as its one-hot table: one undo step."""

    def __init__(self, document: DocumentModel, on: bool, describe: Describe) -> None:
        super().__init__(describe)
        self._document = document
        self._on = on

    def redo(self) -> None:
        """Switch the layout."""
        self._document.set_class_indices(self._on)

    def undo(self) -> None:
        """Switch it back."""
        self._document.set_class_indices(not self._on)
