"""The plots' grid: opaque lines behind the data, the same pixels as pyqtgraph's own grid."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.panels.plot_style import PAPER, styled_plot


def pixels(plot: pg.PlotWidget) -> np.ndarray:
    """The plot as painted, rows × columns × RGB."""
    plot.resize(451, 591)
    plot.show()
    QApplication.processEvents()
    image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    bits = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * height)
    rows = bits.reshape(height, image.bytesPerLine())[:, :3 * width]
    return rows.reshape(height, width, 3).copy()  # the image's memory goes with it


def framed(plot: pg.PlotWidget, grid: dict[str, bool]) -> pg.PlotWidget:
    item = plot.getPlotItem()
    item.showGrid(alpha=0.25, **grid)
    item.getViewBox().setRange(xRange=(0, 10), yRange=(-0.15, 1.1), padding=0)
    return plot


def pyqtgraphs_own(grid: dict[str, bool]) -> pg.PlotWidget:
    """A plot as styled_plot makes it but with pyqtgraph's transparent grid over the data."""
    plot = pg.PlotWidget(background=PAPER)
    for side in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(side)
        axis.setPen(pg.mkPen("#444"))
        axis.setTextPen(pg.mkPen("#222"))
        axis.enableAutoSIPrefix(False)
    return framed(plot, grid)


def test_an_empty_plots_grid_is_pyqtgraphs_grid_to_the_pixel(qtbot: QtBot) -> None:
    for grid in ({"y": True}, {"x": True, "y": True}):
        ours = framed(styled_plot("ours"), grid)
        theirs = pyqtgraphs_own(grid)
        qtbot.addWidget(ours)
        qtbot.addWidget(theirs)
        a, b = pixels(ours).astype(int), pixels(theirs).astype(int)
        grey = (a < 250).any(axis=2)
        assert grey.sum() > 2000  # there is a grid (and axes) to compare
        rows, columns = np.nonzero(np.abs(a - b).max(axis=2) > 1)  # beyond a blend's rounding
        # Only where a vertical and a horizontal grid line cross: there the second opaque line
        # is drawn over the first, where two transparent ones darkened each other.
        assert (grey[rows, :].sum(axis=1) > 100).all()
        assert (grey[:, columns].sum(axis=0) > 100).all()
        if "x" not in grid:
            assert len(rows) == 0  # no crossings: every pixel is pyqtgraph's


def test_the_grid_runs_behind_a_bar_not_across_it(qtbot: QtBot) -> None:
    plot = framed(styled_plot("bars"), {"y": True})
    qtbot.addWidget(plot)
    plot.getPlotItem().addItem(pg.BarGraphItem(x=[5.0], height=[1.0], width=8.0,
                                               brush=pg.mkBrush("#1f77b4"), pen=None))
    image = pixels(plot)
    view = plot.getPlotItem().getViewBox()
    top_left = plot.mapFromScene(view.mapViewToScene(pg.Point(2.0, 0.95)))
    bottom_right = plot.mapFromScene(view.mapViewToScene(pg.Point(8.0, 0.05)))
    inside = image[top_left.y():bottom_right.y(), top_left.x():bottom_right.x()]
    # Every pixel inside the bar is the bar's colour: no grid row crosses it.
    assert (inside == np.array([0x1F, 0x77, 0xB4])).all()
