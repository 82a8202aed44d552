"""The look every lossgui plot shares: white, dark axes, no SI prefixes, a framed legend."""

from __future__ import annotations

import pyqtgraph as pg  # type: ignore[import-untyped]


def styled_plot(accessible_name: str, view_box: pg.ViewBox | None = None,
                axis_items: dict[str, pg.AxisItem] | None = None) -> pg.PlotWidget:
    """A white PlotWidget with readable axes; its context menu is off (it puzzles learners)."""
    plot = pg.PlotWidget(background="w", viewBox=view_box, axisItems=axis_items)
    plot.setAccessibleName(accessible_name)
    plot.setMenuEnabled(False)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen("#444"))
        axis.setTextPen(pg.mkPen("#222"))
        axis.enableAutoSIPrefix(False)  # "(x0.001)" on the axis puzzles a learner
    return plot


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A legend in the top right corner, on a light frame that keeps lines behind it readable."""
    return plot.getPlotItem().addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 220),
                                        pen=pg.mkPen("#999"), labelTextColor="#222")


class WholeNumberAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis of counts (steps): ticks only at whole numbers, never 0.5 or 2.5."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float
                    ) -> list[tuple[float, float]]:
        """pyqtgraph's tick levels without those finer than 1 (a single 1 if none is left)."""
        levels = [(spacing, offset) for spacing, offset in
                  super().tickSpacing(minVal, maxVal, size) if spacing >= 1]
        return levels or [(1.0, 0.0)]
