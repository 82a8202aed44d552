"""The right pane's height shared between a batch's bars and the plot tabs under them.

The pane's layout gives a batch's summary and bars the height their wrapped text asks for
first, and the tabs took what was left, below their own least height: at 800×600 the Loss over
steps plot kept 56 px, its axis cut by the line under it (round-6 tester). Here the bars (at most
BARS_MOST px) give way first, down to BARS_LEAST, so the tabs keep the height they need.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from lossgui.gui.panels.batch_panel import BARS_LEAST, BARS_MOST, BatchPanel


class BarsGiveWay(QObject):
    """Caps the bars of ``batch`` in ``pane`` so that ``tabs`` keep their least height."""

    def __init__(self, pane: QWidget, batch: BatchPanel, tabs: QWidget) -> None:
        super().__init__(pane)
        self._pane, self._batch, self._tabs = pane, batch, tabs
        # Once the layouts have settled: a plot's least height is measured after its resize.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        pane.installEventFilter(self)  # its height, and any child asking for room
        tabs.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again when the pane is resized or a part of it asks for another height."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._pending.start()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Give the bars what the pane has left once the tabs have their least height."""
        batch, layout, own = self._batch, self._pane.layout(), self._batch.layout()
        if layout is None or own is None or batch.isHidden():
            return
        spacing = max(layout.spacing(), 0)
        widgets = [item.widget() for i in range(layout.count())
                   if (item := layout.itemAt(i)) is not None]
        others = sum(widget.height() + spacing for widget in widgets
                     if widget is not None and widget not in (batch, self._tabs)
                     and not widget.isHidden())
        margins = own.contentsMargins()
        width = batch.width() - margins.left() - margins.right()
        summary = batch.summary.heightForWidth(width) + own.spacing()
        free = (self._pane.height() - others - self._tabs.minimumSizeHint().height() - spacing
                - summary - margins.top() - margins.bottom())
        height = max(BARS_LEAST, min(BARS_MOST, free))
        if batch.plot.height() != height or batch.plot.maximumHeight() != height:
            batch.plot.setFixedHeight(height)  # a range let the layout take the least
