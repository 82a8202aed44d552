"""The notes under the totals: every problem the status bar counts, then remarks on the input.

The panel grows to show its lines (taking room from the tables, see ``MainWindow``) and scrolls
beyond that; its viewport always ends between two lines, so no sentence is ever cut in half.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from lossgui.gui.document import Document

SHOWN_LINES = 10  # lines shown before the notes scroll, where the window has room
MINIMUM_LINES = 2


class NotesPanel(QPlainTextEdit):
    """Problems and notes about the input (a blank y₂; the article's t has two ones).

    They can be long, so they scroll on their own and never push the totals out of sight.
    """

    wants_height = Signal()  # the text changed: the window may give the panel more room

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._snapping = False
        self._lines = 0  # lines of text when the window last heard of them
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Notes about the input"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # A long name or number breaks where it must rather than run out of sight.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(self.height_for(MINIMUM_LINES))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.setPlaceholderText(self.tr("Notes about the input appear here."))
        # Snapped once the layout has settled: Qt re-wraps the text after a resize event.
        self._snap = QTimer(self)
        self._snap.setSingleShot(True)
        self._snap.setInterval(0)
        self._snap.timeout.connect(self._snap_to_lines)
        self.verticalScrollBar().valueChanged.connect(self._snap.start)
        self.document().documentLayout().documentSizeChanged.connect(self._snap.start)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed()

    def height_for(self, lines: int) -> int:
        """The panel height that shows the first ``lines`` lines of the text as laid out now.

        Summed over the laid-out lines (a line with ⚠ or a CJK glyph, drawn in a fallback
        font, is taller than the font's line spacing); lines past the text count as plain.
        """
        margins = self.contentsMargins()
        heights = _line_heights(self)[:lines]
        spacing = self.fontMetrics().lineSpacing()
        text = sum(heights) + spacing * (lines - len(heights))
        return (int(text + 0.999) + 2 * round(self.document().documentMargin())
                + margins.top() + margins.bottom())

    def line_count(self) -> int:
        """Lines the text takes at the panel's width (the plain-text layout counts in lines)."""
        return max(int(self.document().size().height()), 1)

    def sizeHint(self) -> QSize:
        """As tall as the text, up to SHOWN_LINES lines."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.height_for(min(self.line_count(), SHOWN_LINES)))

    def minimumSizeHint(self) -> QSize:
        """Two lines: the first note and a hint that there is more."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.height_for(MINIMUM_LINES))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-wrap, then end the viewport between two lines again."""
        super().resizeEvent(event)
        self._snap.start()
        if self.line_count() != self._lines:  # narrower or wider: the text wraps differently
            self._lines = self.line_count()
            self.wants_height.emit()

    def _on_document_changed(self) -> None:
        text = _notes_text(self._document)
        if text != self.toPlainText():
            self.setPlainText(text)
            self._snap.start()
            self._lines = self.line_count()
            self.wants_height.emit()

    def _snap_to_lines(self) -> None:
        """Hide the part of a line the viewport would cut: the bottom margin takes it instead.

        Measured on the laid-out lines, not from the font's line spacing: a line with a CJK
        glyph or ⚠ is drawn in a fallback font and may be taller than the others.
        """
        if self._snapping:
            return
        self._snapping = True
        try:
            available = self.contentsRect().height()
            cut = _first_cut_line_top(self, available)
            margin = 0 if cut is None else available - cut
            if margin != self.viewportMargins().bottom():
                self.setViewportMargins(0, 0, 0, margin)
        finally:
            self._snapping = False


def _line_heights(edit: QPlainTextEdit) -> list[float]:
    """The height of every laid-out line of the text, in order."""
    heights = []
    block = edit.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        heights += [layout.lineAt(i).height() for i in range(layout.lineCount())]
        block = block.next()
    return heights


def _first_cut_line_top(edit: QPlainTextEdit, height: int) -> int | None:
    """The top (in viewport pixels) of the first line that does not fit in ``height``."""
    block = edit.firstVisibleBlock()
    offset = edit.contentOffset()
    while block.isValid():
        geometry = edit.blockBoundingGeometry(block).translated(offset)
        if geometry.top() >= height:
            return None  # the lines before ended exactly at the bottom
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = geometry.top() + line.y()
            if top + line.height() > height:
                return max(int(top), 0)
        block = block.next()
    return None


def _notes_text(document: Document) -> str:
    """Every problem the status bar counts (refused predictions, red cells), the warnings no
    cell shows, then the notes: ⚠ or ⓘ as the core's severity says."""
    lines = [f"⚠ {name}: {error}" for name, error
             in zip(document.prediction_names, document.errors, strict=True) if error]
    lines += [f"⚠ {problem}" for problem in document.cell_problems]
    unlisted = document.unlisted_problem_count
    if unlisted:
        more = QCoreApplication.translate("NotesPanel", "%n more cells have a problem: hover a red cell to read why.", None, unlisted)  # noqa: E501 (lupdate reads one line)
        lines.append(f"⚠ {more}")
    lines += [f"⚠ {warning}" for warning in document.warnings]
    lines += [f"ⓘ {note}" for note in document.notes]
    return "\n".join(lines)
