"""Other losses' curves over the Curve tab: the same element under MAE, CEE, … with tangents.

A learner picks losses from "Compare with"; for the selected prediction's element k each one
is drawn from the core (``explain.element_curve`` with that loss's parameters in the document)
as a dashed line with its own point and tangent, labelled with the loss's id, so the constant
slope of MAE and the exploding slope of CEE near 0 sit side by side. Only the part inside the
selected loss's own x range is drawn, so a real-number loss cannot squash a probability curve.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QVBoxLayout

from lossgui.core import LOSSES, LossguiError
from lossgui.core.explain import Curve, element_curve
from lossgui.gui.language import is_japanese
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.curve_panel import CurvePanel, draw_curve

FIRST_COLOUR = 3  # overlay colours start after those of the first predictions


@dataclasses.dataclass
class _Items:
    curve: pg.PlotDataItem
    point: pg.PlotDataItem
    tangent: pg.PlotDataItem
    label: pg.TextItem


class CurveOverlay(QObject):
    """The "Compare with" menu of a CurvePanel and the curves it adds."""

    def __init__(self, panel: CurvePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.items: dict[str, _Items] = {}
        self.curves: dict[str, Curve | None] = {}
        self.button = QToolButton()
        self.button.setText(self.tr("Compare &with"))
        self.button.setToolTip(self.tr("Draw other losses' curves of the same element, each with "
                                       "its own tangent"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.actions: dict[str, QAction] = {}
        for loss in LOSSES:
            name = loss.name_ja if is_japanese() else loss.name_en
            action = self.menu.addAction(f"{name} ({loss.id})")
            action.setCheckable(True)
            action.toggled.connect(self.refresh)
            self.actions[loss.id] = action
        self.button.setMenu(self.menu)
        # A row of its own above the plot: beside the element and prediction selectors it
        # would widen the tab, and so the window's smallest size.
        column = panel.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.button, 0, Qt.AlignmentFlag.AlignLeft)
        panel.refreshed.connect(self.refresh)

    def compare(self, loss_id: str, on: bool = True) -> None:
        """Overlay (or remove) the curve of ``loss_id``."""
        self.actions[loss_id].setChecked(on)

    def compared(self) -> list[str]:
        """The losses picked in "Compare with", in the menu's order."""
        return [loss_id for loss_id, action in self.actions.items() if action.isChecked()]

    def refresh(self) -> None:
        """Redraw every picked loss's curve for the selected prediction and element."""
        panel = self.panel
        selection = panel.selection
        document = selection.document
        for loss_id, action in self.actions.items():
            action.setEnabled(loss_id != document.loss_id)  # that one is drawn already
        picked = [i for i, a in self.actions.items() if a.isChecked() and a.isEnabled()]
        for loss_id in list(self.items):
            if loss_id not in picked:
                self._remove(loss_id)
        j, k = selection.prediction, selection.element
        y, t = np.array(document.column(j + 1)), np.array(document.column(0))
        shown = [c for c in panel.curves if c is not None]
        low = min((float(c.x.min()) for c in shown), default=-math.inf)
        high = max((float(c.x.max()) for c in shown), default=math.inf)
        for n, loss_id in enumerate(picked):
            curve = None
            if math.isfinite(y[k]) and math.isfinite(t[k]):
                try:
                    curve = element_curve(loss_id, y, t, k, document.params_of(loss_id))
                except LossguiError:
                    curve = None  # this loss refuses the element; nothing to draw
            self.curves[loss_id] = curve
            items = self.items.get(loss_id) or self._add(loss_id, n)
            inside = _within(curve, low, high)
            draw_curve(items.curve, items.point, items.tangent, inside)
            if inside is not None and math.isfinite(inside.current_contribution):
                items.label.setPos(inside.current_y, inside.current_contribution)
                items.label.setVisible(True)
            else:
                items.label.setVisible(False)

    def _add(self, loss_id: str, n: int) -> _Items:
        plot = self.panel.plot.getPlotItem()
        colour = prediction_colour(FIRST_COLOUR + n)
        items = _Items(
            pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)),
            pg.PlotDataItem([], [], pen=None, symbol="s", symbolSize=9,
                            symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen("#222")),
            pg.PlotDataItem([], [], pen=pg.mkPen(colour.darker(200), width=1.5)),
            pg.TextItem(loss_id, color=colour.darker(150), anchor=(-0.15, 1.0)),
        )
        for item in (items.curve, items.tangent, items.point, items.label):
            item.setZValue(-5)  # under the selected loss's own curves
            plot.addItem(item)
        self.items[loss_id] = items
        return items

    def _remove(self, loss_id: str) -> None:
        plot = self.panel.plot.getPlotItem()
        items = self.items.pop(loss_id)
        for item in (items.curve, items.tangent, items.point, items.label):
            plot.removeItem(item)
        self.curves.pop(loss_id, None)


def _within(curve: Curve | None, low: float, high: float) -> Curve | None:
    """The part of ``curve`` inside [low, high] (the selected loss's x range)."""
    if curve is None:
        return None
    keep = (curve.x >= low) & (curve.x <= high)
    if not keep.any():
        return None
    return dataclasses.replace(curve, x=curve.x[keep], contribution=curve.contribution[keep])
