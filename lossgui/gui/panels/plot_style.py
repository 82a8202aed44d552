"""The look every lossgui plot shares: white, dark axes, no SI prefixes, a framed legend."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtGui import QColor, QPainter, QPen

from lossgui.core.numbers import with_decimal_comma
from lossgui.gui.sheet.table_model import uses_decimal_comma

PAPER = QColor("white")  # every plot's background: an opaque grid line is blended over it


def styled_plot(accessible_name: str, view_box: pg.ViewBox | None = None,
                axis_items: dict[str, pg.AxisItem] | None = None) -> pg.PlotWidget:
    """A white PlotWidget with readable axes whose numbers are written as the cells write them
    (a decimal comma in de_DE); its context menu is off (it puzzles learners)."""
    axes = {side: LocaleAxis(side) for side in ("left", "bottom")} | (axis_items or {})
    plot = pg.PlotWidget(background=PAPER, viewBox=view_box, axisItems=axes)
    plot.setAccessibleName(accessible_name)
    plot.setMenuEnabled(False)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setZValue(BEHIND_THE_DATA)
        axis.setPen(pg.mkPen("#444"))
        axis.setTextPen(pg.mkPen("#222"))
        axis.enableAutoSIPrefix(False)  # "(x0.001)" on the axis puzzles a learner
    return plot


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A legend in the top right corner, on a light frame that keeps lines behind it readable."""
    return plot.getPlotItem().addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 220),
                                        pen=pg.mkPen("#999"), labelTextColor="#222")


def fit_legend(legend: pg.LegendItem) -> None:
    """Size ``legend`` to its entries now. pyqtgraph measures its entries' widths as its layout
    last stretched them, so one that was as wide as a long name gone since stayed that wide
    (round-7 tester: a 440 px box around "y1")."""
    legend.setGeometry(0, 0, 0, 0)
    legend.layout.activate()
    legend.updateSize()


# Below the view box (z −100), whose items are the data: a grid under the bars and curves, as
# matplotlib draws it under its bars. pyqtgraph puts its axes at 0.5, over the data.
BEHIND_THE_DATA = -200


class OpaqueGridAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis whose grid lines are opaque, of the colour their transparency gives on PAPER.

    pyqtgraph draws a grid as lines of a grey at 12–25 % opacity over the data, and Qt's raster
    engine draws a transparent line without antialiasing one pixel at a time: the 61 grid
    lines of the contributions plot cost 2.3–6.6 ms a paint against 0.17 ms drawn opaque
    (61 lines on a 451×591 image, measured), and an opened file paints that plot 3–4 times.
    Drawn behind the data (styled_plot gives the axes BEHIND_THE_DATA), an opaque line is the
    same pixel as the transparent one wherever no bar or curve is (tests/gui/test_plot_grid.py).
    """

    def generateDrawSpecs(self, p: QPainter) -> Any:
        """pyqtgraph's lines and texts, each grid line's pen made opaque over PAPER."""
        specs = super().generateDrawSpecs(p)
        if specs is None or self.grid is False:
            return specs
        axis, ticks, texts = specs
        return axis, [(_opaque(pen), start, end) for pen, start, end in ticks], texts

    def setGrid(self, grid: Any) -> None:
        """pyqtgraph's grid, drawn under the other axis's line and tick marks: over them, an
        opaque grid line would hide the dark pixel that a transparent one let through."""
        super().setGrid(grid)
        self.setZValue(BEHIND_THE_DATA - (grid is not False))


def _opaque(pen: QPen) -> QPen:
    """``pen`` with its colour drawn over PAPER at its opacity, as one opaque colour."""
    colour = pen.color()
    alpha = colour.alphaF()
    if alpha >= 1.0:
        return pen
    ink = (colour.redF(), colour.greenF(), colour.blueF())
    paper = (PAPER.redF(), PAPER.greenF(), PAPER.blueF())
    blended = QColor.fromRgbF(*(alpha * i + (1 - alpha) * p for i, p in zip(ink, paper,
                                                                              strict=True)))
    opaque = QPen(pen)
    opaque.setColor(blended)
    return opaque


class LocaleAxis(OpaqueGridAxis):
    """An axis whose tick labels use the locale's decimal mark: under de_DE the cells read 0,5
    and the axes read 0.5."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """pyqtgraph's labels (the log axis's too), with a decimal comma where the locale
        writes one."""
        strings: list[str] = super().tickStrings(values, scale, spacing)
        return [with_decimal_comma(s) for s in strings] if uses_decimal_comma() else strings


class WholeNumberAxis(LocaleAxis):
    """An axis of counts (steps): ticks only at whole numbers, never 0.5 or 2.5."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float
                    ) -> list[tuple[float, float]]:
        """pyqtgraph's tick levels without those finer than 1 (a single 1 if none is left)."""
        levels = [(spacing, offset) for spacing, offset in
                  super().tickSpacing(minVal, maxVal, size) if spacing >= 1]
        return levels or [(1.0, 0.0)]
