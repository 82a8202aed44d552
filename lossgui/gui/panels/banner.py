"""A coloured bar with a wrapped message and a × that hides it: the notice and the first-run hint.

The bar is as tall as its text at its width, up to MAX_LINES lines; a longer text scrolls inside
it. (In a splitter a wrapped label is squeezed to the room it is given: a Japanese lesson's
instruction came out cut at its top and bottom with no way to read the rest.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from lossgui.gui.panels.wrapped import lines_height

MAX_LINES = 3  # lines a banner may always show before it scrolls
ROOM_SHARE = 0.25  # or, where the pane it sits in is taller, up to this share of its height:
# at 800×600 a Japanese lesson's 6 lines fit in 108 px of a 470 px pane (3 were shown, the rest
# a scroll away), and the plots keep three quarters


class Banner(QFrame):
    """A hidden bar; :meth:`set_text` fills it, the × (or :meth:`hide`) hides it again."""

    def __init__(self, name: str, style: str, label_name: str, close_name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet(style)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(label_name)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.area = QScrollArea()
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                  "{ background: transparent; }")
        self.area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.area.viewport().installEventFilter(self)  # its width decides the lines
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(close_name)
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.lasting_text: str | None = None  # a lesson's instruction, under what passes
        self._watched_pane: QWidget | None = None
        self.hide()

    @property
    def lasting(self) -> bool:
        """Whether the bar holds a lasting text (see :meth:`set_text`)."""
        return self.lasting_text is not None

    def set_text(self, text: str, lasting: bool = False) -> None:
        """Show ``text`` from its first line; ``lasting``: until dismissed or other data, not
        only until the next edit (a lesson's instruction is read while its steps are taken).

        A passing text shown over a lasting one goes above it, and the lasting one stays
        under it: a Run's "stopped at its cap" replaced the lesson's "then Reset, set 1.1 and
        Run again", which could not be read again without loading the lesson anew."""
        if lasting:
            self.lasting_text = text
        elif self.lasting_text is not None and self.isVisible():
            text = f"{text}\n\n{self.lasting_text}"
        else:
            self.lasting_text = None
        self.label.setText(text)
        self.area.verticalScrollBar().setValue(0)
        self._fit_height()

    @Slot()
    def hide_if_passing(self) -> None:
        """The passing text goes; a lasting one stays (alone again), else the bar hides."""
        if self.lasting_text is None:
            self.hide()
        elif self.label.text() != self.lasting_text:
            self.set_text(self.lasting_text, lasting=True)

    @Slot()
    def dismiss(self) -> None:
        """Hide the bar and forget its lasting text (its ×, or other data)."""
        self.lasting_text = None
        self.hide()

    def most_height(self) -> int:
        """The height of MAX_LINES lines of the label's font (CJK fallback glyphs included); for
        a lasting text (a lesson's instruction, read while its steps are taken) ROOM_SHARE of
        the pane the bar sits in where that is more. A passing notice keeps to MAX_LINES: over
        a batch's bars at 800×600 the plots had little room left already."""
        lines = lines_height(self.label, MAX_LINES)
        pane = self.parentWidget()
        room = int(pane.height() * ROOM_SHARE) if pane is not None and self.lasting else 0
        return max(lines, room)

    def showEvent(self, event: QShowEvent) -> None:
        """Follow the pane's height from now on (it decides how many lines may show)."""
        super().showEvent(event)
        pane = self.parentWidget()
        if pane is not None and pane is not self._watched_pane:
            if self._watched_pane is not None:
                self._watched_pane.removeEventFilter(self)
            pane.installEventFilter(self)
            self._watched_pane = pane
        self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the height again whenever the text's width or the pane's height changes."""
        if event.type() == QEvent.Type.Resize:
            self._fit_height()
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        width = self.area.viewport().width()
        if width <= 0:
            return
        if self.area.verticalScrollBar().isVisible():  # as wide as it would be without it
            width += self.area.verticalScrollBar().width()
        # Beyond MAX_LINES it scrolls (the scroll area wraps the label to its viewport's width).
        needed = min(self.label.heightForWidth(width), self.most_height())
        if self.area.height() != needed:
            self.area.setFixedHeight(needed)
