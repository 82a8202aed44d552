"""The plot as a PNG or SVG for a report: the panel's own drawing, at a fixed size, offscreen.

The window and ``lossgui compute --plot`` both come here, so a report figure looks the same
whichever made it: a fresh :class:`PlotPanel` on the document is laid out offscreen at
:data:`LOGICAL_SIZE` (whatever size the window happens to be) and rendered by pyqtgraph's
exporters. PNGs are :data:`PNG_SIZE` pixels, fonts scaled with the drawing.
"""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph.exporters as pg_exporters  # type: ignore[import-untyped]
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from lossgui.core.atomic import write_bytes
from lossgui.core.plot_files import PlotExportError, plot_format
from lossgui.gui.document import Document
from lossgui.gui.language import is_japanese
from lossgui.gui.panels.plot_panel import PlotPanel

LOGICAL_SIZE = (1200, 675)  # the layout the figure is drawn at (16:9)
PNG_SIZE = (1600, 900)  # pixels of the PNG: a full-width figure in a report or slide
PNG_DPI = 200  # recorded in the PNG, so a word processor places it 8 inches wide
SVG_DPI = 96  # the screen resolution the panel was laid out at: fonts keep their size


def plot_title(document: Document, gradient: bool) -> str:
    """The figure's title: which loss, and what the bars are."""
    loss = document.loss
    what = QCoreApplication.translate("PlotExport", "−∂E/∂y per element") if gradient else \
        QCoreApplication.translate("PlotExport", "contribution of each element")
    name = loss.name_ja if is_japanese() else loss.name_en
    return f"{name} ({loss.id}): {what}"


def plot_bytes(document: Document, suffix: str, gradient: bool = False) -> bytes:
    """The plot of ``document`` as PNG or SVG bytes (``suffix``: ``.png`` or ``.svg``, as
    :func:`~lossgui.core.plot_files.plot_format` gives)."""
    panel = PlotPanel(document)
    try:
        panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        panel.set_gradient_mode(gradient)
        panel.gradient_box.hide()
        panel.hover.hide()
        item = panel.plot.getPlotItem()
        item.setTitle(plot_title(document, gradient), color="#222")
        panel.resize(*LOGICAL_SIZE)
        panel.show()
        QApplication.processEvents()  # lay the panel out at its size before drawing it
        with warnings.catch_warnings():
            # pyqtgraph 0.13.7 (the lowest we allow) builds its exporter's settings without
            # defaults and warns about its own code; later versions do not.
            warnings.filterwarnings("ignore", "Parameter has no default value",
                                    DeprecationWarning)
            exporter = pg_exporters.ImageExporter(item)
        if suffix == ".svg":
            return _svg_bytes(exporter, plot_title(document, gradient))
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
        document.changed.disconnect(panel.refresh)
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
    """Write the plot of ``document`` to ``path`` (PNG or SVG by its suffix), atomically."""
    write_bytes(path, plot_bytes(document, plot_format(path), gradient))
