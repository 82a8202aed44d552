"""The plot: per-element contributions as grouped bars, or −∂E/∂y, the way learning moves y.

One BarGraphItem (and one marker ScatterPlotItem) per prediction, created once and updated
with ``setOpts``/``setData``: one brush per item is what keeps pyqtgraph fast.

The plot's cost follows the screen, not the number of elements: up to ``EXACT_LIMIT`` visible
elements are drawn as exact bars; beyond that each prediction is drawn as a min/max envelope of
bins about a pixel wide (``lossgui.core.downsample``), re-aggregated when the visible x range
changes, so the largest contributions of every bin stay visible. Hover reads the document's
exact values either way.
"""

from __future__ import annotations

import functools
import math
import os
import weakref
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFont, QPainterPath, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.downsample import Envelope, envelope, largest_in
from lossgui.core.names import element_of
from lossgui.core.numbers import cell_text
from lossgui.core.problems import element_name
from lossgui.gui.document import Document
from lossgui.gui.language import QT_TRANSLATE_NOOP, current_language
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.plot_style import add_legend, fit_legend, styled_plot
from lossgui.gui.sheet.table_model import uses_decimal_comma

GROUP_WIDTH = 0.8  # of the distance between elements; the rest is the gap between groups
CONTRIBUTION_LABEL = QT_TRANSLATE_NOOP("PlotPanel", "contribution of element k to E")
GRADIENT_LABEL = QT_TRANSLATE_NOOP("PlotPanel", "−∂E/∂y   (↑ learning raises y, ↓ lowers y)")
# A batch's bars are the shown sample's own loss E_n (as the formula and the curve explain it):
# said so, never "E", which the window keeps for the batch's total (issue tester9 #9).
SAMPLE_CONTRIBUTION_LABEL = QT_TRANSLATE_NOOP(
    "PlotPanel", "contribution of class k to %1 (sample %2's own loss)")
SAMPLE_GRADIENT_LABEL = QT_TRANSLATE_NOOP(
    "PlotPanel", "−∂%1/∂%2   (↑ learning raises %2, ↓ lowers %2)")
HOVER_HINT = QT_TRANSLATE_NOOP("PlotPanel", "Hover a bar to read its exact value.")
EXACT_LIMIT = 2000  # visible elements drawn as exact bars; more are drawn as envelopes
RANGE_DELAY_MS = 40  # re-aggregate this long after the last change of the visible range


@dataclass(frozen=True)
class _Drawn:
    """What the bar items show: elements start…stop−1, exactly (step 0) or in bins of ``step``."""

    start: int
    stop: int
    step: int
    bins: int
    starts: tuple[int, ...] = ()  # first element of every bin (envelopes only)


LEGEND_ENTRIES = 12


class PlotPanel(QWidget):
    """Grouped bars, one colour per prediction, with a legend and hover read-outs."""

    gradient_toggled = Signal(bool)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._bars: list[pg.BarGraphItem] = []
        self._markers: list[pg.ScatterPlotItem] = []
        self._arrays: list[FloatArray | None] = []  # the core's arrays, not copied
        self._sources: list[object] = []  # what each array came from (an Evaluation), by identity
        # Each prediction's last envelope, by (source, view, range): an edit of one prediction
        # left the others' unchanged Evaluation objects, whose 10⁶ values were binned again.
        # Weakly: the plot must not keep a replaced file's 10⁶-element arrays alive.
        self._envelopes: dict[int, tuple[weakref.ref[object], tuple[object, ...], Envelope]] = {}
        self._negate = False
        self._drawn: _Drawn | None = None
        self._shape: tuple[int, int] = (-1, -1)  # rows, predictions last drawn
        self._shown: list[tuple[FloatArray, ...]] = []  # per item: the arrays last set
        self._colours: list[int] = []  # per item: the colour slot it is painted in

        self.gradient_box = QCheckBox(self.tr("Show −∂E/∂&y (where learning moves each y)"))
        self.gradient_box.setAccessibleName(
            self.tr("Show the gradient instead of the contributions"))
        self.gradient_box.toggled.connect(self._on_gradient_toggled)
        # In a batch under mean: how the batch's E and its gradient follow from the bars.
        self.batch_note = QLabel()
        self.batch_note.setObjectName("batch_plot_note")
        self.batch_note.setWordWrap(True)
        self.batch_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.batch_note.hide()
        self.hover = QLabel(self.tr(HOVER_HINT))
        self._hovered_x: float | None = None  # where the read-out was last taken
        self.hover.setAccessibleName(self.tr("Value under the mouse"))
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long read-out ("z, sample 1, class 0: −∂E₁/∂z = 0.418…" in Japanese) must not
        # widen the window past an 800 px screen: it is cut at the pane's edge instead, and
        # the tooltip at the mouse shows it whole.
        self.hover.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.plot = styled_plot(self.tr("Plot of the contributions per element"))
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("element k"), color="#222")
        item.showGrid(y=True, alpha=0.25)
        # Head room above the tallest bar, so the legend and the ∞ markers do not sit on it.
        item.getViewBox().setDefaultPadding(0.1)
        self.legend = add_legend(self.plot)
        self._zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#666"))
        item.addItem(self._zero)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self._on_range_settled)
        view = item.getViewBox()
        view.sigXRangeChanged.connect(self._range_timer.start)
        view.sigResized.connect(self._range_timer.start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gradient_box)
        layout.addWidget(self.batch_note)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover)

        document.changed.connect(self.refresh)
        document.sample_changed.connect(self.refresh)  # a batch's other sample
        document.reset_done.connect(self._show_everything)
        document.loss_changed.connect(self._show_everything)  # another scale: fit it again
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

    def markers(self) -> list[pg.ScatterPlotItem]:
        """The marker item of each prediction (∞, × and the gradient's triangles), in order."""
        return self._markers

    def values(self, prediction: int) -> FloatArray:
        """The exact plotted values of a prediction (may hold ±inf or NaN; bars show 0 there)."""
        return self._slice(prediction, 0, self._document.row_count)

    @property
    def drawn_range(self) -> tuple[int, int, int]:
        """0-based elements start…stop−1 now drawn, and the bin step (0: one bar per element)."""
        drawn = self._drawn
        return (0, 0, 0) if drawn is None else (drawn.start, drawn.stop, drawn.step)

    def show_elements(self, first: int, last: int) -> None:
        """Zoom the x axis to elements ``first``…``last`` (1-based) and draw them at once."""
        view = self.plot.getPlotItem().getViewBox()
        view.setXRange(first - 0.5, last + 0.5, padding=0)
        self._range_timer.stop()
        self._redraw()

    # --- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the document's evaluations."""
        document = self._document
        count = len(document.prediction_names)
        self._match_item_count(count)
        self._colour_items(document.colour_slots)
        gradient = self.gradient_mode
        self._negate = gradient
        self._arrays = []
        self._sources = []
        for evaluation in document.sample_evaluations:
            self._sources.append(evaluation)
            if evaluation is None:
                self._arrays.append(None)
            else:
                source = evaluation.gradient if gradient else evaluation.contributions
                self._arrays.append(np.asarray(source, dtype=float).reshape(-1))
        shape = (document.row_count, count)
        if shape != self._shape:  # new rows or predictions: show them all again
            self._shape = shape
            self.plot.getPlotItem().enableAutoRange()
        self._redraw()
        self._set_ticks(document.row_count)
        self._refresh_hover()
        item = self.plot.getPlotItem()
        item.setLabel("left", self._value_label(), color="#222")
        self._note_batch()
        if document.is_batch:
            item.setLabel("bottom", self.tr("class k of sample %1")
                          .replace("%1", str(document.sample + 1)), color="#222")
        else:
            item.setLabel("bottom", self.tr("element k"), color="#222")
        self._rename_legend()

    def _value_label(self) -> str:
        """The left axis: what a bar's height is (a batch's: the shown sample's own loss)."""
        document = self._document
        if not document.is_batch:
            return self.tr(GRADIENT_LABEL if self.gradient_mode else CONTRIBUTION_LABEL)
        if self.gradient_mode:
            return self.tr(SAMPLE_GRADIENT_LABEL).replace("%1", self._own_loss()) \
                .replace("%2", document.loss.symbol)
        return self.tr(SAMPLE_CONTRIBUTION_LABEL).replace("%1", self._own_loss()) \
            .replace("%2", str(document.sample + 1))

    def _note_batch(self) -> None:
        """Under mean, say that the batch's E and ∂E/∂y are the bars' ÷ N (the gradient that
        Export Results, PyTorch and a Step use); under sum they are the bars themselves."""
        document = self._document
        mean = document.is_batch and document.params.get("reduction") == "mean"
        self.batch_note.setVisible(mean)
        if mean:
            self.batch_note.setText(
                self.tr("The bars are sample %1's own loss %2 and its gradient; the batch's E is "
                        "the mean of the samples' own losses, so ∂E/∂%3 (Export Results, "
                        "PyTorch's .grad, Step) is ∂%2/∂%3 ÷ %4.")
                .replace("%1", str(document.sample + 1)).replace("%3", document.loss.symbol)
                .replace("%4", str(document.model.samples)).replace("%2", self._own_loss()))

    def _own_loss(self) -> str:
        """The shown sample's own loss as a symbol: E₂ for sample 2."""
        return element_name("E", (self._document.sample,))

    def _show_everything(self) -> None:
        self._shape = (-1, -1)

    def _slice(self, prediction: int, start: int, stop: int) -> FloatArray:
        """Plotted values of elements start…stop−1 (−gradient in the gradient view)."""
        array = self._arrays[prediction]
        if array is None:
            return np.full(stop - start, np.nan)
        part = array[start:stop]
        return -part if self._negate else part

    def _visible(self) -> tuple[int, int]:
        """0-based elements start…stop−1 whose slots meet the visible x range."""
        rows = self._document.row_count
        view = self.plot.getPlotItem().getViewBox()
        if view.autoRangeEnabled()[0]:
            return 0, rows
        x0, x1 = view.viewRange()[0]
        start = max(0, math.ceil(x0 - 0.5) - 1)
        stop = min(rows, math.floor(x1 + 0.5))
        return start, max(start, stop)

    def _pixels(self) -> int:
        width = int(self.plot.getPlotItem().getViewBox().width())
        return min(max(width, 200), 4000)

    def _on_range_settled(self) -> None:
        start, stop = self._visible()
        drawn = self._drawn
        if drawn is not None:
            exact_fits = drawn.step == 0 and stop - start <= EXACT_LIMIT
            covered = drawn.start <= start and stop <= drawn.stop
            same_detail = drawn.step > 0 and drawn.bins == self._pixels() and \
                drawn.start == start and drawn.stop == stop
            if covered and (exact_fits or same_detail):
                return
        self._redraw()

    def _redraw(self) -> None:
        """Draw the visible elements: exact bars, or per-bin envelopes when there are many."""
        start, stop = self._visible()
        visible = stop - start
        count = max(len(self._bars), 1)
        gradient = self.gradient_mode
        if visible <= EXACT_LIMIT:
            # A margin on each side, so a small pan shows bars before the redraw catches up.
            rows = self._document.row_count
            margin = min(visible, EXACT_LIMIT - visible) // 2 if visible else 0
            start, stop = max(0, start - margin), min(rows, stop + margin)
            self._drawn = _Drawn(start, stop, 0, 0)
            self._draw_exact(start, stop, count, gradient)
        else:
            self._draw_envelopes(start, stop, count)

    def _draw_exact(self, start: int, stop: int, count: int, gradient: bool) -> None:
        width = GROUP_WIDTH / count
        x0 = np.arange(start + 1, stop + 1, dtype=float) - GROUP_WIDTH / 2 + width / 2
        parts = [self._slice(j, start, stop) for j in range(len(self._bars))]
        finite_top = 0.0
        negative = gradient
        for values in parts:
            finite = np.isfinite(values)
            if finite.any():
                finite_top = max(finite_top, float(np.abs(values[finite]).max()))
            negative = negative or bool((values < 0).any())  # −∞ too; NaN is not below 0
        finite_top = finite_top or 1.0
        self._floor_at_zero(not negative)
        for j, values in enumerate(parts):
            finite = np.isfinite(values)
            heights = np.where(finite, values, 0.0)
            x = x0 + j * width
            if self._unchanged(j, x, heights, values, np.array([finite_top, gradient])):
                continue
            self._bars[j].setOpts(x=x, y0=0.0, height=heights, width=width * 0.92)
            self._markers[j].setData(**_markers(x, values, heights, finite_top, gradient))

    def _envelope(self, j: int, start: int, stop: int, bins: int) -> Envelope:
        """Prediction j's envelope of elements start…stop−1, binned again only if its
        evaluation (the document keeps an unchanged one's object), the view or the range moved."""
        source = self._sources[j] if j < len(self._sources) else None
        view = (self._negate, start, stop, bins)
        kept = self._envelopes.get(j)
        if source is not None and kept is not None and kept[0]() is source and kept[1] == view:
            return kept[2]
        binned = envelope(self._slice(j, start, stop), 0, stop - start, bins)
        if source is None:
            self._envelopes.pop(j, None)
        else:
            self._envelopes[j] = (weakref.ref(source), view, binned)
        return binned

    def _draw_envelopes(self, start: int, stop: int, count: int) -> None:
        bins = self._pixels()
        envelopes = [self._envelope(j, start, stop, bins) for j in range(len(self._bars))]
        if not envelopes:
            return
        step = envelopes[0].step
        self._drawn = _Drawn(start, stop, step, bins,
                             tuple((envelopes[0].starts + start).tolist()))
        top = max((max(float(np.abs(e.low).max()), float(np.abs(e.high).max()))
                   for e in envelopes if len(e.low)), default=0.0) or 1.0
        self._floor_at_zero(not self.gradient_mode and not any(
            bool((e.low < 0).any() or e.neg_inf.any()) for e in envelopes))
        width = step * GROUP_WIDTH / count
        for j, env in enumerate(envelopes):
            # element e's slot starts at x = e + 0.5
            left = (env.starts + start).astype(np.float64) + 0.5
            x = left + step * (1 - GROUP_WIDTH) / 2 + (j + 0.5) * width
            flags = np.concatenate([env.nan, env.pos_inf, env.neg_inf]).astype(float)
            if self._unchanged(j, x, env.low, env.high, flags, np.array([top])):
                continue  # one edited cell seldom moves a bin's extremes: nothing to repaint
            # Each element's bar starts at 0, so the bin shows the union of its bars.
            base = np.minimum(env.low, 0.0)
            self._bars[j].setOpts(x=x, y0=base, height=np.maximum(env.high, 0.0) - base,
                                  width=width)
            self._markers[j].setData(**_bin_markers(x, env.nan, env.pos_inf, env.neg_inf, top))

    def _floor_at_zero(self, floor: bool) -> None:
        """Start the y axis at 0 when no drawn bar goes below it (contributions of most losses).

        The view's padding would otherwise show a band of negative values no bar can reach;
        −∂E/∂y and negative contributions (cee with y > 1, kl) keep their range below 0.
        """
        self.plot.getPlotItem().getViewBox().setLimits(yMin=0.0 if floor else None)

    def _unchanged(self, j: int, *arrays: FloatArray) -> bool:
        """Whether item ``j`` already shows exactly these arrays; remembers them if not."""
        while len(self._shown) < len(self._bars):
            self._shown.append(())
        del self._shown[len(self._bars):]
        old = self._shown[j]
        if len(old) == len(arrays) and all(
            a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
            for a, b in zip(old, arrays, strict=True)
        ):
            return True
        self._shown[j] = tuple(np.array(a, copy=True) for a in arrays)
        return False

    def _match_item_count(self, count: int) -> None:
        item = self.plot.getPlotItem()
        # PlotItem.addItem also puts every named item in the legend, which re-measures all its
        # entries each time (1,000 predictions: 27 s); the legend is filled by _rename_legend.
        legend, item.legend = item.legend, None
        try:
            self._add_items(item, count)
        finally:
            item.legend = legend
        if len(self._bars) > count:
            while len(self._bars) > count:  # each leaves the legend too (PlotItem.removeItem)
                item.removeItem(self._bars.pop())
                item.removeItem(self._markers.pop())
            fit_legend(self.legend)  # to the entries left, not to a long name just gone
        self._shown = self._shown[:count]

    def _add_items(self, item: pg.PlotItem, count: int) -> None:
        while len(self._bars) < count:
            bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.1, name="")
            markers = pg.ScatterPlotItem(size=MARKER_SIZE, pen=pg.mkPen("#222"))
            item.addItem(bars)
            item.addItem(markers)
            self._bars.append(bars)
            self._markers.append(markers)

    def _colour_items(self, slots: tuple[int, ...]) -> None:
        """Paint item j in prediction j's own colour: it follows the prediction, not the place."""
        del self._colours[len(slots):]
        for j, slot in enumerate(slots):
            if j < len(self._colours) and self._colours[j] == slot:
                continue
            colour = prediction_colour(slot)
            self._bars[j].setOpts(brush=pg.mkBrush(colour), pen=pg.mkPen(colour.darker(130)))
            self._markers[j].setBrush(pg.mkBrush(colour.darker(115)))
            if j < len(self._colours):
                self._colours[j] = slot
            else:
                self._colours.append(slot)
        self.legend.update()

    def _rename_legend(self) -> None:
        """The first LEGEND_ENTRIES predictions by name, then how many more there are.

        More could not be read beside the bars, and each entry re-measures the whole legend.
        """
        names = list(self._document.prediction_names)
        wanted = names[:LEGEND_ENTRIES]
        if len(names) > LEGEND_ENTRIES:
            wanted.append(self.tr("… %n more", "", len(names) - LEGEND_ENTRIES))
        shown = [label.text for _, label in self.legend.items]
        if shown == wanted:
            return
        self.legend.clear()
        for bars, name in zip(self._bars, names, strict=True):
            bars.opts["name"] = name
        for bars, text in zip(self._bars, wanted, strict=False):
            self.legend.addItem(bars, text)
        if len(names) > LEGEND_ENTRIES:  # the last entry stands for the rest: no swatch
            sample, _ = self.legend.items[-1]
            sample.hide()

    def _set_ticks(self, rows: int) -> None:
        axis = self.plot.getPlotItem().getAxis("bottom")
        # A batch's classes are named y[0]…y[K−1], as in its tables and files: counted from 0.
        first = 0 if self._document.is_batch else 1
        if rows <= 40:
            axis.setTicks([[(k, str(k - 1 + first)) for k in range(1, rows + 1)]])
        else:
            axis.setTicks(None)

    def _on_gradient_toggled(self, on: bool) -> None:
        self.plot.setAccessibleName(
            self.tr("Plot of −∂E/∂y per element") if on
            else self.tr("Plot of the contributions per element")
        )
        self._shape = (-1, -1)  # another quantity: fit its range again
        self.refresh()
        self.gradient_toggled.emit(on)

    # --- hover ----------------------------------------------------------------------------------

    def describe_at(self, x: float) -> str | None:
        """The read-out for plot coordinate ``x``: element, prediction and exact value.

        Over an envelope, the element is the one whose value is the bin's largest in size:
        the one the bar's tip shows.
        """
        count = len(self._bars)
        rows = self._document.row_count
        drawn = self._drawn
        if not count:
            return None
        if drawn is not None and drawn.step > 0:
            step = drawn.step
            i = math.floor((x - 0.5 - drawn.starts[0]) / step) if drawn.starts else -1
            if not 0 <= i < len(drawn.starts):
                return None
            first = drawn.starts[i]
            offset = (x - 0.5 - first) / step - (1 - GROUP_WIDTH) / 2
            if not 0 <= offset < GROUP_WIDTH:
                return None
            j = min(int(offset / (GROUP_WIDTH / count)), count - 1)
            last = min(first + step, drawn.stop, rows)
            values = self._slice(j, first, last)
            found = largest_in(values, 0, len(values))
            k = first + 1 + (found if found is not None else 0)
            text = self._describe(k, j)
            return self.tr("%1 — largest of k = %2–%3").replace("%1", text) \
                .replace("%2", f"{first + 1:,}").replace("%3", f"{last:,}")
        k = round(x)
        if not 1 <= k <= rows:
            return None
        offset = x - (k - GROUP_WIDTH / 2)
        if not 0 <= offset < GROUP_WIDTH:
            return None
        j = min(int(offset / (GROUP_WIDTH / count)), count - 1)
        return self._describe(k, j)

    def _describe(self, k: int, j: int) -> str:
        value = float(self._slice(j, k - 1, k)[0])
        name = self._document.prediction_names[j]
        document = self._document
        if document.is_batch:  # "z, sample 2, class 0", as the tables and the notes count
            where = element_of(name, (document.sample, k - 1), current_language())
            what = f"−∂{self._own_loss()}/∂{document.loss.symbol}" if self.gradient_mode else \
                self.tr("contribution to %1").replace("%1", self._own_loss())
        else:
            where = f"k = {k}, {name}"
            what = "−∂E/∂y" if self.gradient_mode else self.tr("contribution")
        filled = math.isfinite(document.value(k - 1, 0)) and \
            math.isfinite(document.value(k - 1, j + 1))
        shown = cell_text(value, uses_decimal_comma()) if not math.isnan(value) else \
            self.tr("not a number (the red cell says why)") if filled else \
            self.tr("not computed (missing)")
        text = f"{where}: {what} = {shown}"
        if self.gradient_mode and math.isfinite(value) and value:
            way = self.tr(" (learning would raise %1)") if value > 0 else \
                self.tr(" (learning would lower %1)")
            text += way.replace("%1", name)
        return text

    def _refresh_hover(self) -> None:
        """Read the value under the last hover point again: an old number must not stay."""
        text = self.describe_at(self._hovered_x) if self._hovered_x is not None else None
        if text is None:
            self._hovered_x = None
            text = self.tr(HOVER_HINT)
        self.hover.setText(text)

    def hover_at(self, x: float) -> None:
        """Show the read-out for plot coordinate ``x`` (what moving the mouse there shows)."""
        text = self.describe_at(x)
        if text is None:
            return
        self._hovered_x = x
        self.hover.setText(text)
        QToolTip.showText(QCursor.pos(), text, self.plot)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        self.hover_at(view.mapSceneToView(scene_pos).x())


MARKER_SIZE = 14  # px across a marker: ∞, the gradient's triangles, a missing value's ×
PEN_ROOM = 0.05  # of a marker's size: more than half of its 1 px outline


@functools.cache
def _cross_on_zero() -> QPainterPath:
    """pyqtgraph's × standing on its point rather than centred on it (drawn at 2 × MARKER_SIZE).

    A missing value's × is drawn at 0, where the contributions' axis starts (see
    :meth:`PlotPanel._floor_at_zero`): centred there, its lower half was cut off by the plot's
    edge. pyqtgraph renders a symbol into a square centred on the point, so a × moved up
    would be cut by that square instead: this one is half as large, in the upper half of a
    symbol twice as large, and sits on the baseline where its bar would be.
    """
    cross: QPainterPath = QTransform.fromScale(0.5, 0.5).map(
        pg.graphicsItems.ScatterPlotItem.Symbols["x"])
    return cross.translated(0, -cross.boundingRect().bottom() - PEN_ROOM)  # up is −y


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
    nan = np.isnan(values)
    inf = np.isinf(values)
    tips = (heights != 0) if gradient else np.zeros(len(values), dtype=bool)
    marked = np.flatnonzero(nan | inf | tips)
    if not len(marked):
        return {"x": [], "y": [], "symbol": [], "size": []}
    infinity = _text_symbol("∞")
    spots_y = np.where(nan[marked], 0.0,
                       np.where(inf[marked], np.copysign(top * 1.05, values[marked]),
                                heights[marked]))
    symbols: list[str | QPainterPath] = [
        _cross_on_zero() if n else infinity if i else ("t1" if h > 0 else "t")
        for n, i, h in zip(nan[marked].tolist(), inf[marked].tolist(),
                           heights[marked].tolist(), strict=True)
    ]
    sizes = np.where(nan[marked], 2 * MARKER_SIZE, MARKER_SIZE)  # see _cross_on_zero
    return {"x": x[marked], "y": spots_y, "symbol": symbols, "size": sizes}


def _bin_markers(
    x: FloatArray, nan: BoolArray, pos_inf: BoolArray,
    neg_inf: BoolArray, top: float,
) -> dict[str, object]:
    """Over an envelope: × where a bin holds a missing value, ∞ where it holds an infinite one."""
    spots_x: list[float] = []
    spots_y: list[float] = []
    symbols: list[str | QPainterPath] = []
    sizes: list[int] = []
    for mask, y, symbol, size in ((nan, 0.0, _cross_on_zero(), 2 * MARKER_SIZE),
                                  (pos_inf, top * 1.05, None, MARKER_SIZE),
                                  (neg_inf, -top * 1.05, None, MARKER_SIZE)):
        where = np.flatnonzero(mask)
        if not len(where):
            continue
        spots_x += x[where].tolist()
        spots_y += [y] * len(where)
        symbols += [symbol if symbol is not None else _text_symbol("∞")] * len(where)
        sizes += [size] * len(where)
    return {"x": spots_x, "y": spots_y, "symbol": symbols, "size": sizes}
