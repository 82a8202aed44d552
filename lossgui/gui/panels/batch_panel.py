"""A batch's overview above the plot: what the total is made of, and each sample's share of it.

One sentence says N, K, the reduction and which sample the aids below show; a bar plot shows each
sample's contribution to the total per prediction (the bars of a prediction add up to its
total); a sample whose loss is unknown (a blank) has a "?" where its bar would be, and the
sentence says the total is unknown, as the totals table does. Clicking a bar, or picking a row
in the tables, chooses the sample the plot, formula and curve show (Other tools compares the
whole batch). Hidden for a vector document, which looks as it always did.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lossgui.core.losses import Reduce
from lossgui.core.numbers import in_formula, shown
from lossgui.gui.document import Document
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.plot_style import styled_plot
from lossgui.gui.sheet.table_model import uses_decimal_comma

UNKNOWN_NAMED = 5  # the sentence names this many samples whose loss is unknown, then "…"
BARS_MOST = 170  # px of the bar plot, where the pane has room for it
BARS_LEAST = 100  # px: its axis title and four gridlines still read


class BatchPanel(QWidget):
    """The batch sentence and the per-sample contributions; click a bar to choose a sample."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Batch summary"))
        self.plot = styled_plot(self.tr("Plot of each sample's contribution to the total"))
        self.plot.setMinimumHeight(BARS_LEAST)
        self.plot.setMaximumHeight(BARS_MOST)  # less where the plot tabs need it (pane_share)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr("share of E"), color="#222")
        item.setLabel("bottom", self.tr("sample n"), color="#222")
        item.addLine(y=0, pen=pg.mkPen("#888"))
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#444", width=1,
                                                             style=pg.QtCore.Qt.PenStyle.DashLine))
        item.addItem(self.marker)
        self._bars: list[pg.BarGraphItem] = []
        self.unknown_labels: list[pg.TextItem] = []  # "?" where a sample's share is unknown
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
        one = model.samples == 1  # a class-index column of one sample is a batch too
        if one and (not mean or document.loss.reduce is Reduce.SAMPLES):
            how = self.tr("the total E is the one sample's loss")
        elif not mean:
            how = self.tr("the total E is the sum of the %1 samples' losses")
        elif document.loss.reduce is Reduce.SAMPLES:
            how = self.tr("the total E is the mean of the %1 samples' losses (÷ N)")
        else:
            how = self.tr("the total E is the mean over all %1 × %2 elements (÷ N·K)")
        how = how.replace("%1", str(model.samples)).replace("%2", str(model.elements))
        # English counts with a plural (Qt's %n has no English forms without an English .qm:
        # "Batch of 1 samples × 1 classes"); Japanese counters have none.
        samples = self.tr("1 sample") if one else \
            self.tr("%1 samples").replace("%1", str(model.samples))
        classes = self.tr("1 class") if model.elements == 1 else \
            self.tr("%1 classes").replace("%1", str(model.elements))
        text = self.tr("Batch of %1 × %2: %3. Other tools compares the whole batch; the plot, "
                       "formula and curve show sample %4") \
            .replace("%3", how).replace("%4", str(document.sample + 1)) \
            .replace("%1", samples).replace("%2", classes)
        own = []
        for name, evaluation in zip(document.prediction_names, document.evaluations,
                                    strict=True):
            if evaluation is not None and evaluation.contributions.ndim == 2:
                loss = float(evaluation.per_sample[document.sample])
                # A blank cell leaves the sample's loss NaN: said in words ("z —" read as if
                # the loss were a dash); the notes say which cell.
                own.append(self.tr("%1 unknown (see the notes)").replace("%1", name)
                           if math.isnan(loss) else  # six digits, as its loss column shows it
                           f"{name} {shown(loss, uses_decimal_comma())}")
        if own:
            text += self.tr(", whose own loss is %1").replace("%1", ", ".join(own))
        # The full stop is the language's: 。 in Japanese (it ended 「…)」 + "." before).
        sentences = [self.tr("%1.").replace("%1", text)]
        for name, evaluation in zip(document.prediction_names, document.evaluations,
                                    strict=True):
            unknown = evaluation.unknown_samples if evaluation is not None and \
                evaluation.contributions.ndim == 2 else ()
            if unknown:  # as the totals table says "— (t₅ missing)"
                sentences.append(self.tr("%1.").replace("%1", self._unknown_text(name, unknown)))
        # Sentences follow one another with a space in English, none after 。 in Japanese.
        between = self.tr("%1 %2", "two sentences in a row").removeprefix("%1") \
            .removesuffix("%2")
        return between.join(sentences)

    def _unknown_text(self, name: str, samples: tuple[int, ...]) -> str:
        """Why a prediction's total is unknown: the samples whose loss is (the first few)."""
        numbers = ", ".join(str(n + 1) for n in samples[:UNKNOWN_NAMED])
        if len(samples) > UNKNOWN_NAMED:
            numbers += ", …"
        text = self.tr("The total E of %1 is unknown: the loss of sample %2 is unknown (see "
                       "the notes)") if len(samples) == 1 else \
            self.tr("The total E of %1 is unknown: the losses of samples %2 are unknown (see "
                    "the notes)")
        # The name last: a name with "%2" in it is never read as a place to fill.
        return text.replace("%2", numbers).replace("%1", name)

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
        unknown: list[tuple[float, str, object]] = []
        width = 0.8 / count
        slots = document.colour_slots
        for i, share in enumerate(shares):
            if i == len(self._bars):
                bar = pg.BarGraphItem(x=[], height=[], width=width)
                self.plot.addItem(bar)
                self._bars.append(bar)
            # No evaluation at all: every share unknown ("?"), never a row of 0-height bars.
            values = np.full(document.model.samples, np.nan) if share is None else share
            x = np.arange(1, len(values) + 1) - 0.4 + width * (i + 0.5)
            colour = prediction_colour(slots[i])
            drawn = np.isfinite(values)
            self._bars[i].setOpts(x=x[drawn], height=values[drawn], width=width, brush=colour,
                                  pen=colour)
            for n in np.flatnonzero(~drawn):  # no bar of 0 for a share that is not a number
                unknown.append((x[n], "?" if np.isnan(values[n]) else
                                in_formula(values[n], uses_decimal_comma()), colour))
        self._label_unknown(unknown)
        view = self.plot.getPlotItem().getViewBox()
        if any(np.isfinite(share).any() for share in shares if share is not None):
            view.enableAutoRange()
        else:  # no bar: pyqtgraph framed nothing at ticks 0, −5e−306, −1e−305, "?"s unseen
            view.setRange(xRange=(0.5, document.model.samples + 0.5), yRange=(0, 1),
                          padding=0.05)
        self.marker.setValue(document.sample + 1)
        samples = document.model.samples
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(n, str(n)) for n in range(1, samples + 1)]] if samples <= 40 else None)

    def _label_unknown(self, unknown: list[tuple[float, str, object]]) -> None:
        """A "?" (or ∞) on the zero line at each share that is no bar, in its prediction's
        colour; pyqtgraph cannot draw a NaN bar, and a 0-height one read as a loss of 0."""
        while len(self.unknown_labels) > len(unknown):
            self.plot.removeItem(self.unknown_labels.pop())
        for j, (x, text, colour) in enumerate(unknown):
            if j == len(self.unknown_labels):
                label = pg.TextItem(anchor=(0.5, 1.0))
                font = QFont(label.textItem.font())
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.4)  # a "?" as easy to see as a bar
                label.setFont(font)
                label.setToolTip(self.tr("This sample's loss is not a number: see the notes"))
                self.plot.addItem(label)
                self.unknown_labels.append(label)
            self.unknown_labels[j].setText(text, color=colour)
            self.unknown_labels[j].setPos(x, 0)

    def _on_clicked(self, event: object) -> None:
        position = event.scenePos()  # type: ignore[attr-defined]
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            return
        x = view.mapSceneToView(QPointF(position)).x()
        self._document.set_sample(round(x) - 1)
