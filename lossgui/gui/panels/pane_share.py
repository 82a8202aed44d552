"""The right pane's height shared between a batch's bars and the plot tabs under them.

At 800×600 the batch's summary and bars (170 px) left Loss over steps 56 px inside its axes
(round-6 tester). While that tab is shown, the bars give way, down to BARS_LEAST, until the plot
has MIN_PLOT_ROOM, and take their height back, up to BARS_MOST, where the plot has more. Only
the bars' height changes: no least height is raised, so the window never grows past the screen
(with a notice over the bars the plot makes do with less).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from lossgui.gui.panels.batch_panel import BARS_LEAST, BARS_MOST, BatchPanel
from lossgui.gui.panels.steps_plot import MIN_PLOT_ROOM, StepsPlot


class BarsGiveWay(QObject):
    """Sizes the bars of ``batch`` in ``pane`` so that ``steps`` in ``tabs`` has its room."""

    def __init__(self, pane: QWidget, batch: BatchPanel, tabs: QTabWidget,
                 steps: StepsPlot) -> None:
        super().__init__(pane)
        self._batch, self._steps = batch, steps
        # Once the layouts have settled (a zero timer): the room is read after they resize.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        pane.installEventFilter(self)  # its height, and any part of it asking for another
        steps.plot.installEventFilter(self)  # the plot's own height (a legend row, the status)
        tabs.currentChanged.connect(self._pending.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again when the pane or the plot is resized or asks for another layout."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._pending.start()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Move the bars' height by what the steps plot lacks, or has beyond, its room."""
        room = self._steps.room()
        if room is None or self._batch.isHidden():
            return
        bars = self._batch.plot
        height = max(BARS_LEAST, min(BARS_MOST, bars.height() + int(room) - MIN_PLOT_ROOM))
        if bars.height() != height or bars.maximumHeight() != height:
            bars.setFixedHeight(height)  # a range let the layout take the least
