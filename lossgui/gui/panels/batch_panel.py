"""A batch's overview above the plot: what the total is made of, and each sample's share of it.

One sentence says N, K, the reduction and which sample the aids below show; a bar plot shows each
sample's contribution to the total per prediction (the bars of a prediction add up to its
total). Clicking a bar, or picking a row in the tables, chooses the sample the plot, formula and
curve show (Other tools compares the whole batch). Hidden for a vector document, which looks as
it always did.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lossgui.core.losses import Reduce
from lossgui.core.numbers import cell_text
from lossgui.gui.document import Document
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.plot_style import styled_plot


class BatchPanel(QWidget):
    """The batch sentence and the per-sample contributions; click a bar to choose a sample."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Batch summary"))
        self.plot = styled_plot(self.tr("Plot of each sample's contribution to the total"))
        self.plot.setMinimumHeight(120)
        self.plot.setMaximumHeight(170)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr("sample's share of E"), color="#222")
        item.setLabel("bottom", self.tr("sample n"), color="#222")
        item.addLine(y=0, pen=pg.mkPen("#888"))
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#444", width=1,
                                                             style=pg.QtCore.Qt.PenStyle.DashLine))
        item.addItem(self.marker)
        self._bars: list[pg.BarGraphItem] = []
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot)
        document.changed.connect(self.refresh)
        document.sample_changed.connect(self.refresh)
        self.refresh()

    def shares(self) -> list[np.ndarray | None]:
        """Per prediction, each sample's contribution to the total (what the bars show)."""
        return [None if e is None or e.contributions.ndim != 2 else e.sample_shares
                for e in self._document.evaluations]

    def summary_text(self) -> str:
        """The sentence above the bars, in the window's language."""
        document = self._document
        model = document.model
        mean = document.params.get("reduction") == "mean"
        if not mean:
            how = self.tr("the total E is the sum of the %1 samples' losses")
        elif document.loss.reduce is Reduce.SAMPLES:
            how = self.tr("the total E is the mean of the %1 samples' losses (÷ N)")
        else:
            how = self.tr("the total E is the mean over all %1 × %2 elements (÷ N·K)")
        how = how.replace("%1", str(model.samples)).replace("%2", str(model.elements))
        text = self.tr("Batch of %1 samples × %2 classes: %3. Other tools compares the whole "
                       "batch; the plot, formula and curve show sample %4") \
            .replace("%1", str(model.samples)).replace("%2", str(model.elements)) \
            .replace("%3", how).replace("%4", str(document.sample + 1))
        own = []
        for name, evaluation in zip(document.prediction_names, document.evaluations,
                                    strict=True):
            if evaluation is not None and evaluation.contributions.ndim == 2:
                loss = float(evaluation.per_sample[document.sample])
                # A blank cell leaves the sample's loss NaN: said in words ("z —" read as if
                # the loss were a dash); the notes say which cell.
                own.append(self.tr("%1 unknown (see the notes)").replace("%1", name)
                           if math.isnan(loss) else f"{name} {cell_text(round(loss, 6))}")
        if own:
            text += self.tr(", whose own loss is %1").replace("%1", ", ".join(own))
        # The full stop is the language's: 。 in Japanese (it ended 「…)」 + "." before).
        return self.tr("%1.").replace("%1", text)

    def refresh(self) -> None:
        """Redraw from the document's evaluations (hidden unless it is a batch)."""
        document = self._document
        self.setVisible(document.is_batch)
        if not document.is_batch:
            return
        self.summary.setText(self.summary_text())
        shares = self.shares()
        while len(self._bars) > len(shares):
            self.plot.removeItem(self._bars.pop())
        count = max(len(shares), 1)
        width = 0.8 / count
        slots = document.colour_slots
        for i, share in enumerate(shares):
            if i == len(self._bars):
                bar = pg.BarGraphItem(x=[], height=[], width=width)
                self.plot.addItem(bar)
                self._bars.append(bar)
            values = np.zeros(document.model.samples) if share is None else \
                np.where(np.isfinite(share), share, 0.0)
            x = np.arange(1, len(values) + 1) - 0.4 + width * (i + 0.5)
            colour = prediction_colour(slots[i])
            self._bars[i].setOpts(x=x, height=values, width=width, brush=colour, pen=colour)
        self.marker.setValue(document.sample + 1)
        samples = document.model.samples
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(n, str(n)) for n in range(1, samples + 1)]] if samples <= 40 else None)

    def _on_clicked(self, event: object) -> None:
        position = event.scenePos()  # type: ignore[attr-defined]
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            return
        x = view.mapSceneToView(QPointF(position)).x()
        self._document.set_sample(round(x) - 1)
