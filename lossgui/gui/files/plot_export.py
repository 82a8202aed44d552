"""The plot as a PNG or SVG for a report: the panel's own drawing, at a fixed size, offscreen.

The window and ``lossgui compute --plot`` both come here, so a report figure looks the same
whichever made it: a fresh panel of the plot on show (a :class:`Figure`: the contributions,
the curve of element k or the loss over the steps) is laid out offscreen with its plot at
:data:`LOGICAL_SIZE` (whatever size the window happens to be) and rendered by pyqtgraph's
exporters. PNGs are :data:`PNG_SIZE` pixels, fonts scaled with the drawing.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # type: ignore[import-untyped]
import pyqtgraph.exporters as pg_exporters  # type: ignore[import-untyped]
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from lossgui.core.atomic import write_bytes
from lossgui.core.plot_files import PlotExportError, plot_format
from lossgui.gui.document import Document
from lossgui.gui.language import is_japanese
from lossgui.gui.learning import Learning
from lossgui.gui.panels.curve_overlay import CurveOverlay
from lossgui.gui.panels.curve_panel import CurvePanel
from lossgui.gui.panels.plot_panel import PlotPanel
from lossgui.gui.panels.steps_plot import StepsPlot
from lossgui.gui.selection import Selection

LOGICAL_SIZE = (1200, 675)  # the layout the figure is drawn at (16:9)
PNG_SIZE = (1600, 900)  # pixels of the PNG: a full-width figure in a report or slide
PNG_DPI = 200  # recorded in the PNG, so a word processor places it 8 inches wide
SVG_DPI = 96  # the screen resolution the panel was laid out at: fonts keep their size


Drawn = tuple[QWidget, pg.PlotWidget, Callable[[], None]]
"""A fresh panel, its plot, and what to undo before the panel goes (its connections)."""


@dataclass(frozen=True)
class Figure:
    """One plot as Export Plot draws it: ``kind`` names it in the suggested file name
    (``contributions``, ``gradient``, ``curve``, ``loss-over-steps``), ``title`` is printed on
    it, and ``draw`` builds a fresh panel of it (never the window's own, which stays as it is)."""

    kind: str
    title: str
    draw: Callable[[], Drawn]


def _titled(document: Document, what: str) -> str:
    """A figure's title: which loss, then what the plot shows."""
    loss = document.loss
    name = loss.name_ja if is_japanese() else loss.name_en
    return f"{name} ({loss.id}): {what}"


def plot_title(document: Document, gradient: bool) -> str:
    """The contributions figure's title: which loss, and what the bars are."""
    return _titled(document,
                   QCoreApplication.translate("PlotExport", "−∂E/∂y per element") if gradient
                   else QCoreApplication.translate("PlotExport", "contribution of each element"))


def contributions_figure(document: Document, gradient: bool = False) -> Figure:
    """The Contributions tab: each element's share of E, or −∂E/∂y with ``gradient``."""
    def draw() -> Drawn:
        panel = PlotPanel(document)
        panel.set_gradient_mode(gradient)

        def detach() -> None:
            document.changed.disconnect(panel.refresh)

        return panel, panel.plot, detach

    return Figure("gradient" if gradient else "contributions", plot_title(document, gradient),
                  draw)


def curve_figure(selection: Selection, compared: Sequence[str] = ()) -> Figure:
    """The Curve tab: element k's contribution as its y moves, and the losses compared."""
    what = QCoreApplication.translate("PlotExport", "loss curve of element %1") \
        .replace("%1", str(selection.element + 1))

    def draw() -> Drawn:
        panel = CurvePanel(selection)
        overlay = CurveOverlay(panel)
        for loss_id in compared:
            overlay.compare(loss_id)
        return panel, panel.plot, panel.detach

    return Figure("curve", _titled(selection.document, what), draw)


def steps_figure(learning: Learning, log: bool = False) -> Figure:
    """The Loss over steps tab: E at each step of this run and the earlier runs faded."""
    what = QCoreApplication.translate("PlotExport", "loss over the steps of learning")

    def draw() -> Drawn:
        panel = StepsPlot(learning)
        panel.log_box.setChecked(log)
        return panel, panel.plot, panel.detach

    return Figure("loss-over-steps", _titled(learning.document, what), draw)


def plot_bytes(document: Document, suffix: str, gradient: bool = False) -> bytes:
    """The plot of ``document`` as PNG or SVG bytes (``suffix``: ``.png`` or ``.svg``, as
    :func:`~lossgui.core.plot_files.plot_format` gives)."""
    return figure_bytes(contributions_figure(document, gradient), suffix)


def figure_bytes(figure: Figure, suffix: str) -> bytes:
    """``figure`` drawn afresh as PNG or SVG bytes (``suffix``: ``.png`` or ``.svg``)."""
    panel, plot, detach = figure.draw()
    try:
        panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        for child in panel.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not plot:  # check boxes, selectors, hover text: not in a figure
                child.hide()
        item = plot.getPlotItem()
        item.setTitle(figure.title, color="#222")
        panel.resize(*LOGICAL_SIZE)
        panel.show()
        QApplication.processEvents()  # lay the panel out at its size before drawing it
        # Whatever the panel keeps beside its plot, the plot itself gets LOGICAL_SIZE (16:9).
        panel.resize(2 * LOGICAL_SIZE[0] - plot.width(), 2 * LOGICAL_SIZE[1] - plot.height())
        QApplication.processEvents()
        with warnings.catch_warnings():
            # pyqtgraph 0.13.7 (the lowest we allow) builds its exporter's settings without
            # defaults and warns about its own code; later versions do not.
            warnings.filterwarnings("ignore", "Parameter has no default value",
                                    DeprecationWarning)
            exporter = pg_exporters.ImageExporter(item)
        if suffix == ".svg":
            return _svg_bytes(exporter, figure.title)
        # Setting the width keeps the aspect ratio; then pin the height, so the PNG is exactly
        # PNG_SIZE even when the laid-out plot is a pixel off 16:9.
        exporter.parameters()["width"] = PNG_SIZE[0]
        exporter.parameters().param("height").setValue(PNG_SIZE[1],
                                                       blockSignal=exporter.heightChanged)
        image: QImage = exporter.export(toBytes=True)
        dots_per_metre = round(PNG_DPI / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload, unused-ignore]  # QIODevice overload, in newer stubs
            raise PlotExportError("the PNG could not be encoded", "PNG を作れませんでした")
        buffer.close()
        return bytes(array.data())
    finally:
        detach()
        panel.close()
        panel.deleteLater()


def _svg_bytes(exporter: pg_exporters.ImageExporter, title: str) -> bytes:
    """The exporter's item drawn through Qt's SVG generator.

    pyqtgraph's own SVGExporter fails on the closed paths ("… Z") that Qt 6 writes for the
    view box, so draw the scene onto a QSvgGenerator with the items in export mode, as the
    image exporter does: vector bars, markers and text, no clipping needed (autoranged).
    """
    width, height = LOGICAL_SIZE
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(SVG_DPI)
    generator.setTitle(title)
    generator.setDescription("Drawn by lossgui")
    target = QRectF(0, 0, width, height)
    painter = QPainter(generator)
    try:
        white = QColor("white")
        painter.fillRect(target, white)
        exporter.setExportMode(True, {"antialias": True, "background": white,
                                      "painter": painter, "resolutionScale": 1.0})
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exporter.getScene().render(painter, target, exporter.getSourceRect())
    finally:
        exporter.setExportMode(False)
        painter.end()
    buffer.close()
    return bytes(array.data())


def export_plot(document: Document, path: str | os.PathLike[str], gradient: bool = False) -> None:
    """Write the contributions plot of ``document`` to ``path`` (PNG or SVG by its suffix),
    atomically: ``lossgui compute --plot``."""
    export_figure(contributions_figure(document, gradient), path)


def export_figure(figure: Figure, path: str | os.PathLike[str]) -> None:
    """Write ``figure`` to ``path`` (PNG or SVG by its suffix), atomically."""
    write_bytes(path, figure_bytes(figure, plot_format(path)))
