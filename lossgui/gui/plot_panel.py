"""The plot: per-element contributions as grouped bars, or −∂E/∂y, the way learning moves y.

One BarGraphItem (and one marker ScatterPlotItem) per prediction, created once and updated
with ``setOpts``/``setData``: one brush per item is what keeps pyqtgraph fast.
"""

from __future__ import annotations

import functools
import math
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QPainterPath, QTransform
from PySide6.QtWidgets import QCheckBox, QLabel, QToolTip, QVBoxLayout, QWidget

from lossgui.gui.colours import prediction_colour
from lossgui.gui.document import Document, FloatArray
from lossgui.gui.language import QT_TRANSLATE_NOOP
from lossgui.gui.table_model import format_value

GROUP_WIDTH = 0.8  # of the distance between elements; the rest is the gap between groups
CONTRIBUTION_LABEL = QT_TRANSLATE_NOOP("PlotPanel", "contribution of element k to E")
GRADIENT_LABEL = QT_TRANSLATE_NOOP("PlotPanel", "−∂E/∂y   (↑ learning raises y, ↓ lowers y)")


class PlotPanel(QWidget):
    """Grouped bars, one colour per prediction, with a legend and hover read-outs."""

    gradient_toggled = Signal(bool)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._bars: list[pg.BarGraphItem] = []
        self._markers: list[pg.ScatterPlotItem] = []
        self._values: list[FloatArray] = []

        self.gradient_box = QCheckBox(self.tr("Show −∂E/∂&y (where learning moves each y)"))
        self.gradient_box.setAccessibleName(
            self.tr("Show the gradient instead of the contributions"))
        self.gradient_box.toggled.connect(self._on_gradient_toggled)
        self.hover = QLabel(self.tr("Hover a bar to read its exact value."))
        self.hover.setAccessibleName(self.tr("Value under the mouse"))
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.plot = pg.PlotWidget(background="w")
        self.plot.setAccessibleName(self.tr("Plot of the contributions per element"))
        self.plot.setMenuEnabled(False)
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen("#444"))
            axis.setTextPen(pg.mkPen("#222"))
            axis.enableAutoSIPrefix(False)  # "(x0.001)" on the axis puzzles a learner
        item.setLabel("bottom", self.tr("element k"), color="#222")
        item.showGrid(y=True, alpha=0.25)
        self.legend = item.addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 220),
                                     pen=pg.mkPen("#999"), labelTextColor="#222")
        self._zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#666"))
        item.addItem(self._zero)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gradient_box)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover)

        document.changed.connect(self.refresh)
        self.refresh()

    @property
    def gradient_mode(self) -> bool:
        """Whether −∂E/∂y is shown instead of the contributions."""
        return self.gradient_box.isChecked()

    def set_gradient_mode(self, on: bool) -> None:
        """Show −∂E/∂y (True) or the contributions (False)."""
        self.gradient_box.setChecked(on)

    def bars(self) -> list[pg.BarGraphItem]:
        """The bar items, one per prediction, in column order."""
        return list(self._bars)

    def values(self, prediction: int) -> FloatArray:
        """The exact plotted values of a prediction (may hold ±inf or NaN; bars show 0 there)."""
        return self._values[prediction]

    # --- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the document's evaluations."""
        document = self._document
        self._match_item_count(len(document.prediction_names))
        rows = document.row_count
        count = max(len(self._bars), 1)
        width = GROUP_WIDTH / count
        x0 = np.arange(1, rows + 1, dtype=float) - GROUP_WIDTH / 2 + width / 2
        gradient = self.gradient_mode
        finite_top = 0.0
        self._values = []
        for evaluation in document.evaluations:
            if evaluation is None:
                values = np.full(rows, np.nan)
            else:
                values = -evaluation.gradient if gradient else evaluation.contributions
            values = np.asarray(values, dtype=float).reshape(-1)
            self._values.append(values)
            finite = np.isfinite(values)
            if finite.any():
                finite_top = max(finite_top, float(np.abs(values[finite]).max()))
        finite_top = finite_top or 1.0
        for j, values in enumerate(self._values):
            finite = np.isfinite(values)
            heights = np.where(finite, values, 0.0)
            x = x0 + j * width
            self._bars[j].setOpts(x=x, height=heights, width=width * 0.92)
            self._markers[j].setData(**_markers(x, values, heights, finite_top, gradient))
        self._set_ticks(rows)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr(GRADIENT_LABEL if gradient else CONTRIBUTION_LABEL),
                      color="#222")
        self._rename_legend()
        item.enableAutoRange()

    def _match_item_count(self, count: int) -> None:
        item = self.plot.getPlotItem()
        while len(self._bars) < count:
            colour = prediction_colour(len(self._bars))
            bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.1, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen(colour.darker(130)), name="")
            markers = pg.ScatterPlotItem(size=14, brush=pg.mkBrush(colour.darker(115)),
                                         pen=pg.mkPen("#222"))
            item.addItem(bars)
            item.addItem(markers)
            self._bars.append(bars)
            self._markers.append(markers)
        while len(self._bars) > count:
            item.removeItem(self._bars.pop())
            item.removeItem(self._markers.pop())

    def _rename_legend(self) -> None:
        names = self._document.prediction_names
        shown = [label.text for _, label in self.legend.items]
        if shown == list(names):
            return
        self.legend.clear()
        for bars, name in zip(self._bars, names, strict=True):
            bars.opts["name"] = name
            self.legend.addItem(bars, name)

    def _set_ticks(self, rows: int) -> None:
        axis = self.plot.getPlotItem().getAxis("bottom")
        if rows <= 40:
            axis.setTicks([[(k, str(k)) for k in range(1, rows + 1)]])
        else:
            axis.setTicks(None)

    def _on_gradient_toggled(self, on: bool) -> None:
        self.plot.setAccessibleName(
            self.tr("Plot of −∂E/∂y per element") if on
            else self.tr("Plot of the contributions per element")
        )
        self.refresh()
        self.gradient_toggled.emit(on)

    # --- hover ----------------------------------------------------------------------------------

    def describe_at(self, x: float) -> str | None:
        """The read-out for plot coordinate ``x``: element, prediction and exact value."""
        count = len(self._bars)
        k = round(x)
        if not count or not 1 <= k <= self._document.row_count:
            return None
        offset = x - (k - GROUP_WIDTH / 2)
        if not 0 <= offset < GROUP_WIDTH:
            return None
        j = min(int(offset / (GROUP_WIDTH / count)), count - 1)
        value = float(self._values[j][k - 1])
        what = "−∂E/∂y" if self.gradient_mode else self.tr("contribution")
        name = self._document.prediction_names[j]
        shown = format_value(value) if not math.isnan(value) else \
            self.tr("not computed (missing)")
        text = f"k = {k}, {name}: {what} = {shown}"
        if self.gradient_mode and math.isfinite(value) and value:
            way = self.tr(" (learning would raise %1)") if value > 0 else \
                self.tr(" (learning would lower %1)")
            text += way.replace("%1", name)
        return text

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        text = self.describe_at(view.mapSceneToView(scene_pos).x())
        if text is None:
            return
        self.hover.setText(text)
        QToolTip.showText(QCursor.pos(), text, self.plot)


@functools.cache
def _text_symbol(text: str) -> QPainterPath:
    """A scatter symbol drawn as text, centred and one unit across, as pyqtgraph expects.

    Made on first use: a font needs the QApplication, which may not exist at import.
    """
    path = QPainterPath()
    path.addText(0, 0, QFont(), text)
    box = path.boundingRect()
    transform = QTransform()
    transform.scale(1 / max(box.width(), box.height()), 1 / max(box.width(), box.height()))
    transform.translate(-box.center().x(), -box.center().y())
    return transform.map(path)


def _markers(
    x: FloatArray, values: FloatArray, heights: FloatArray, top: float, gradient: bool
) -> dict[str, object]:
    """Triangles at the bar tips for −∂E/∂y; ∞ over the bars for infinite values, × for missing."""
    spots_x: list[float] = []
    spots_y: list[float] = []
    symbols: list[str | QPainterPath] = []
    for xi, value, height in zip(x, values, heights, strict=True):
        if math.isnan(value):
            spots_x.append(xi)
            spots_y.append(0.0)
            symbols.append("x")
        elif math.isinf(value):
            spots_x.append(xi)
            spots_y.append(top * 1.05 if value > 0 else -top * 1.05)
            symbols.append(_text_symbol("∞"))
        elif gradient and height != 0:
            spots_x.append(xi)
            spots_y.append(height)
            symbols.append("t1" if height > 0 else "t")
    return {"x": spots_x, "y": spots_y, "symbol": symbols}

