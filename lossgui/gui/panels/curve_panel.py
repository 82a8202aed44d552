"""The loss curve of one element: its contribution as y_k moves with t_k fixed, per prediction.

The core computes every number (``explain.element_curve``); this panel draws them: one curve,
one current point and one tangent (slope = the gradient) per prediction, created once and
updated with ``setData``, and a vertical line at t_k. Clicking or dragging on the plot sets y_k
of the selected prediction through the document, as one undo step per click or drag.
"""

from __future__ import annotations

import math
import os
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from lossgui.core import LossguiError, names
from lossgui.core.explain import Curve, element_curve
from lossgui.core.losses import InputKind
from lossgui.core.numbers import in_formula
from lossgui.core.problems import element_name
from lossgui.gui.language import current_language
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.plot_style import add_legend, styled_plot
from lossgui.gui.panels.when_shown import DrawnWhenShown
from lossgui.gui.selection import ElementSpin, PredictionCombo, Selection
from lossgui.gui.sheet.table_model import uses_decimal_comma

TANGENT_HALF_WIDTH = 0.18  # of the curve's x range, on each side of the current point
CLICK_RESOLUTION = 400  # a click is rounded to about 1/400 of the visible x range
LABEL_HEIGHTS = (0.9, 0.1, 0.7, 0.3, 0.5)  # where "t_k = …" may sit, top first (0 = bottom)
LABEL_HALF_WIDTH = 0.08  # of the x range: what drawn near t can cover the label
SCORES = (InputKind.LOGIT, InputKind.CLASS_SCORE)  # inputs whose t is no place on their axis


class _ClickViewBox(pg.ViewBox):  # type: ignore[misc]
    """A view box where the left button sets y_k; the wheel and right button still zoom."""

    def __init__(self, panel: CurvePanel) -> None:
        super().__init__(enableMenu=False)
        self._panel = panel

    def mouseClickEvent(self, ev: Any) -> None:
        """A left click sets y_k to the x under the mouse."""
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._panel.begin_gesture()
            self._panel.move_to_scene(ev.scenePos())
            self._panel.end_gesture()
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        """A left drag moves y_k with the mouse; the whole drag is one undo step."""
        if ev.button() != Qt.MouseButton.LeftButton or axis is not None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        if ev.isStart():
            self._panel.begin_gesture()
        self._panel.move_to_scene(ev.scenePos())
        if ev.isFinish():
            self._panel.end_gesture()


def draw_curve(curve_item: pg.PlotDataItem, point_item: pg.PlotDataItem,
               tangent_item: pg.PlotDataItem, curve: Curve | None) -> None:
    """Show one core curve: the line, the current point and the tangent (slope = gradient)."""
    if curve is None:
        for item in (curve_item, point_item, tangent_item):
            item.setData([], [])
        return
    curve_item.setData(curve.x, curve.contribution, connect="finite")
    if math.isfinite(curve.current_y) and math.isfinite(curve.current_contribution):
        point_item.setData([curve.current_y], [curve.current_contribution])
    else:  # a blank y (or its infinite loss) has no point; pyqtgraph's bounds of nan warn
        point_item.setData([], [])
    width = TANGENT_HALF_WIDTH * float(curve.x.max() - curve.x.min())
    finite = curve.contribution[np.isfinite(curve.contribution)]
    rise = 0.5 * float(finite.max() - finite.min()) if finite.size else 0.0
    if curve.slope and rise > 0:
        # A steep tangent (y → 0 under a log) is kept as tall as half the curve, so it
        # cannot stretch the axes until the curve itself is a flat line.
        width = min(width, rise / abs(curve.slope))
    if math.isfinite(curve.slope) and math.isfinite(curve.current_contribution):
        xs = np.array([curve.current_y - width, curve.current_y + width])
        tangent_item.setData(
            xs, curve.current_contribution + curve.slope * (xs - curve.current_y))
    else:
        tangent_item.setData([], [])


class CurvePanel(QWidget):
    """Contribution of element k versus y_k for every prediction, with point and tangent."""

    refreshed = Signal()  # after each redraw (the overlay of other losses follows it)

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._when_shown = DrawnWhenShown(self, self.refresh, stale=True)
        self._gesture = False
        self._macro_open = False
        self.curves: list[Curve | None] = []
        self.curve_items: list[pg.PlotDataItem] = []
        self.point_items: list[pg.PlotDataItem] = []
        self._colours: list[int] = []  # per curve: the colour slot it is drawn in
        self.tangent_items: list[pg.PlotDataItem] = []

        self.element = ElementSpin(selection)
        self.element.setToolTip(self.tr("The element k whose curve is drawn (the current row "
                                        "of the tables)"))
        self.prediction = PredictionCombo(selection)
        self.prediction.setToolTip(self.tr("Clicking on the plot sets this prediction's y_k"))
        element_label = QLabel(self.tr("Element &k:"))
        element_label.setBuddy(self.element)
        click_label = QLabel(self.tr("&Set by clicking:"))
        click_label.setBuddy(self.prediction)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(element_label)
        bar.addWidget(self.element)
        bar.addSpacing(12)
        bar.addWidget(click_label)
        bar.addWidget(self.prediction)
        bar.addStretch(1)

        self.view_box = _ClickViewBox(self)
        self.plot = styled_plot(self.tr("Loss curve of element k"), self.view_box)
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.2)
        self.legend = add_legend(self.plot)
        self.target_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#555", width=1.5, style=Qt.PenStyle.DashLine),
            label="t", labelOpts={"position": 0.5, "color": "#222", "fill": (255, 255, 255, 200)},
        )
        item.addItem(self.target_line, ignoreBounds=True)

        self.explanation = QLabel()
        self.explanation.setObjectName("curve_explanation")
        self.explanation.setAccessibleName(self.tr("What the curve says"))
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.explanation)

        selection.changed.connect(self._on_changed)

    def detach(self) -> None:
        """Stop following the selection (a panel drawn once for Export Plot, then dropped)."""
        self._selection.changed.disconnect(self._on_changed)

    @property
    def selection(self) -> Selection:
        """The prediction and element the curves are about."""
        return self._selection

    # --- drawing ------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._when_shown.changed()

    def refresh(self) -> None:
        """Redraw every prediction's curve of the selected element from the core."""
        self._when_shown.stale = False
        document = self._selection.document
        k = self._selection.element
        names = document.prediction_names
        self._match_item_count(len(names))
        self._colour_items(document.colour_slots)
        t = document.column(0)
        item = self.plot.getPlotItem()
        self.curves = []
        for j, evaluation in enumerate(document.sample_evaluations):
            y = document.column(j + 1)
            curve = None
            if evaluation is not None and math.isfinite(y[k]) and math.isfinite(t[k]):
                try:
                    curve = element_curve(document.loss_id, np.array(y), np.array(t), k,
                                          evaluation.params)
                except LossguiError:
                    curve = None  # the core refuses this input; the notes say why
            self.curves.append(curve)
            self._draw(j, curve)
        t_k = float(t[k])
        index = self._selection.index_of(k)
        loss = document.loss
        # On logits or class scores t is no position on the axis: a line at z = t read as "the
        # loss is lowest here" (round-7 tester); the explanation says where the minimum is.
        at_t = math.isfinite(t_k) and loss.expects not in SCORES
        self.target_line.setVisible(at_t)
        if at_t:
            self.target_line.setValue(t_k)
            self.target_line.label.setFormat(
                f"{element_name('t', index)} = {in_formula(t_k, uses_decimal_comma())}")
        item.setLabel("bottom", self.tr("%1 (with %2 fixed)")
                      .replace("%1", element_name(loss.symbol, index))
                      .replace("%2", element_name("t", index)), color="#222")
        item.setLabel("left", self._value_label(k), color="#222")
        self._raise_selected()
        self._rename_legend()
        self._place_target_label()
        self._explain()
        self.refreshed.emit()

    def _value_label(self, k: int) -> str:
        """The left axis: element k's contribution, or, where one input moves the others'
        terms too (softmax), the change of E drawn through its contribution now."""
        document = self._selection.document
        total = element_name("E", (document.sample,)) if document.is_batch else "E"
        if document.loss.coupled:
            return self.tr("change of %1 as %2 moves") \
                .replace("%1", total) \
                .replace("%2", element_name(document.loss.symbol, self._selection.index_of(k)))
        if document.is_batch:
            return self.tr("contribution of class %1 to %2").replace("%1", str(k)) \
                .replace("%2", total)
        return self.tr("contribution of element %1 to E").replace("%1", str(k + 1))

    def _place_target_label(self) -> None:
        """Put "t_k = …" on the dashed line where no curve, point or the legend covers it.

        A fixed height hid it under a flat curve (t₁ = 0 under cee is 0 everywhere, drawn
        through the middle). Heights are tried top first (curves are lowest at t), as
        fractions of the view: the one farthest from everything drawn near t wins.
        """
        if not self.target_line.isVisible():
            return
        t_k = float(self.target_line.value())
        drawn = [item.getData() for item in (*self.curve_items, *self.tangent_items,
                                              *self.point_items)]
        xs = np.concatenate([np.asarray(x, dtype=float).ravel() for x, y in drawn
                             if x is not None and y is not None] + [np.empty(0)])
        ys = np.concatenate([np.asarray(y, dtype=float).ravel() for x, y in drawn
                             if x is not None and y is not None] + [np.empty(0)])
        finite = np.isfinite(xs) & np.isfinite(ys)
        xs, ys = xs[finite], ys[finite]
        x_low, x_high = float(xs.min(initial=t_k)), float(xs.max(initial=t_k))
        x_span = max(x_high - x_low, 1e-12)
        near = ys[np.abs(xs - t_k) <= LABEL_HALF_WIDTH * x_span]
        low, high = (float(ys.min()), float(ys.max())) if ys.size else (0.0, 1.0)
        # pyqtgraph centres a flat range on its value
        taken = [0.5] * near.size if high - low < 1e-12 else list((near - low) / (high - low))
        width, height = self.view_box.width(), self.view_box.height()
        if width > 0 and height > 0 and (t_k - x_low) / x_span > \
                1.0 - (self.legend.width() + 40) / width:
            taken.append(1.0 - (self.legend.height() / 2 + 8) / height)  # under the legend
        best = max(LABEL_HEIGHTS, key=lambda p: min((abs(p - f) for f in taken), default=1.0))
        self.target_line.label.setPosition(best)

    def _draw(self, j: int, curve: Curve | None) -> None:
        draw_curve(self.curve_items[j], self.point_items[j], self.tangent_items[j], curve)

    def _raise_selected(self) -> None:
        """Curves under tangents under points; the selected prediction above the others.

        Elementwise losses give every prediction the same curve when t_k is the same, so
        without this the last prediction would hide the others' tangents.
        """
        selected = self._selection.prediction
        for j in range(len(self.curve_items)):
            lift = 10 if j == selected else 0
            self.curve_items[j].setZValue(lift)
            self.tangent_items[j].setZValue(lift + 20)
            self.point_items[j].setZValue(lift + 40)

    def _match_item_count(self, count: int) -> None:
        item = self.plot.getPlotItem()
        while len(self.curve_items) < count:
            curve = pg.PlotDataItem([], [], name="")
            tangent = pg.PlotDataItem([], [])
            point = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=11,
                                    symbolPen=pg.mkPen("#222"))
            for new in (curve, tangent, point):
                item.addItem(new)
            self.curve_items.append(curve)
            self.tangent_items.append(tangent)
            self.point_items.append(point)
        while len(self.curve_items) > count:
            for items in (self.curve_items, self.tangent_items, self.point_items):
                item.removeItem(items.pop())
        del self._colours[count:]

    def _colour_items(self, slots: tuple[int, ...]) -> None:
        """Curve j in prediction j's own colour, which stays with it when another one goes."""
        for j, slot in enumerate(slots):
            if j < len(self._colours) and self._colours[j] == slot:
                continue
            colour = prediction_colour(slot)
            self.curve_items[j].setPen(pg.mkPen(colour, width=2.5))
            self.tangent_items[j].setPen(pg.mkPen(colour.darker(260), width=2,
                                                  style=Qt.PenStyle.DashLine))
            self.point_items[j].setSymbolBrush(pg.mkBrush(colour))
            if j < len(self._colours):
                self._colours[j] = slot
            else:
                self._colours.append(slot)

    def _rename_legend(self) -> None:
        names = list(self._selection.document.prediction_names)
        if [label.text for _, label in self.legend.items] == names:
            return
        self.legend.clear()
        for curve, name in zip(self.curve_items, names, strict=True):
            curve.opts["name"] = name
            self.legend.addItem(curve, name)

    def _explain(self) -> None:
        """One sentence on the selected prediction: where it is, and which way E goes."""
        j, k = self._selection.prediction, self._selection.element
        document = self._selection.document
        index = self._selection.index_of(k)
        which = names.element_of(document.prediction_names[j], index, current_language())
        curve = self.curves[j] if j < len(self.curves) else None
        if curve is None:
            self.explanation.setText(self.tr("No curve for %1 — fill in its value and %2 "
                                             "(see the notes).")
                                     .replace("%1", which)
                                     .replace("%2", element_name("t", index)))
            return
        if curve.slope > 0:
            way = self.tr("lowering it lowers E (learning moves it down)")
        elif curve.slope < 0:
            way = self.tr("raising it lowers E (learning moves it up)")
        else:
            way = self.tr("moving it a little does not change E here")
        text = self.tr("%1 = %2: contribution %3, slope of the tangent (the gradient) %4: "
                       "%5. Click or drag on the plot to set it.")
        comma = uses_decimal_comma()
        for key, value in (("%1", which), ("%2", in_formula(curve.current_y, comma)),
                           ("%3", in_formula(curve.current_contribution, comma)),
                           ("%4", in_formula(curve.slope, comma)), ("%5", way)):
            text = text.replace(key, value)
        self.explanation.setText(text + self._minimum_said(k))

    def _minimum_said(self, k: int) -> str:
        """Where a logit's loss is lowest (there is no line at z = t), and why a coupled curve
        can go below 0."""
        document = self._selection.document
        loss = document.loss
        said = ""
        if loss.expects is InputKind.LOGIT:
            t_k = float(document.column(0)[k])
            symbol = element_name(loss.symbol, self._selection.index_of(k))
            if t_k == 1:
                said += self.tr(" On logits the loss keeps falling as %1 grows: its minimum is "
                                "at %1 → +∞, not at %1 = t.").replace("%1", symbol)
            elif t_k == 0:
                said += self.tr(" On logits the loss keeps falling as %1 falls: its minimum is "
                                "at %1 → −∞, not at %1 = t.").replace("%1", symbol)
        if loss.coupled:
            said += self.tr(" Moving it changes the other classes' terms too, so the curve is "
                            "the change of E, drawn through its contribution now: it can go "
                            "below 0.")
        return said

    # --- setting y_k with the mouse -------------------------------------------------------------

    def begin_gesture(self) -> None:
        """A click or drag starts: everything it changes becomes one undo step."""
        self._gesture = True
        self._macro_open = False
        self.view_box.disableAutoRange()  # the view must not slide away under the mouse

    def move_to_scene(self, scene_pos: QPointF) -> None:
        """Set y_k of the selected prediction to the x under ``scene_pos``."""
        x = self.view_box.mapSceneToView(scene_pos).x()
        self.set_y(x)

    def set_y(self, x: float) -> bool:
        """Set y_k of the selected prediction to ``x``, rounded to what the view can show."""
        document = self._selection.document
        value = self._snap(x)
        column, row = self._selection.prediction + 1, self._selection.element
        if value == document.value(row, column):
            return False
        if self._gesture and not self._macro_open:
            name, index = document.names[column], self._selection.index_of(row)
            # Named when shown (the undo text follows a language switch); the cell's name is
            # looked up then too ("z, sample 2, class 0" in a batch, as the tables count).
            document.begin_undo_step(lambda: QCoreApplication.translate(
                "CurvePanel", "Set %1 on the curve").replace(
                    "%1", names.element_of(name, index, current_language())))
            self._macro_open = True
        return document.edit_cells(row, column, [[value]])

    def end_gesture(self) -> None:
        """The click or drag is over: close its undo step and let the view fit again."""
        if self._macro_open:
            self._selection.document.end_undo_step()
        self._gesture = False
        self._macro_open = False
        self.view_box.enableAutoRange()

    def _snap(self, x: float) -> float:
        (low, high), _ = self.view_box.viewRange()
        step = 10.0 ** math.floor(math.log10(max(high - low, 1e-12) / CLICK_RESOLUTION))
        value = round(x / step) * step
        curve = self.curves[self._selection.prediction] if self.curves else None
        if (self._selection.document.loss.expects_for(self._selection.document.params)
                is InputKind.PROBABILITY and curve is not None):
            value = min(max(value, float(curve.x.min())), float(curve.x.max()))
        return float(f"{value:.12g}")  # 0.35000000000000003 → 0.35
