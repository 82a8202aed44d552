"""The loss over the steps of learning: one line per prediction, the current step marked.

The numbers are the core's totals at every step (kept by :class:`~lossgui.gui.learning.Learning`);
earlier runs stay as faded dashed lines, so SSE and CEE, or a good and a too-large learning
rate, can be compared. Hovering reads the exact E of the step under the mouse.
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lossgui.core.losses import InputKind, get_loss
from lossgui.core.numbers import cell_text, in_formula
from lossgui.gui.learning import Learning, Trace
from lossgui.gui.panels.colours import prediction_colour
from lossgui.gui.panels.loss_panel import unknown_total
from lossgui.gui.panels.plot_style import WholeNumberAxis, styled_plot
from lossgui.gui.panels.when_shown import DrawnWhenShown
from lossgui.gui.panels.wrapped import lines_height
from lossgui.gui.sheet.table_model import uses_decimal_comma

STEP_MARGIN = 0.3  # steps shown left of step 0, so its point is not cut in half
MIN_STEPS_SHOWN = 10
LEGEND_COLUMNS = 4  # the most predictions side by side in one legend row
# The height the plot's own area (inside its axes and legend) is given where the bars above it
# can give way (panels/pane_share): at 800×600 it kept 56 px, two gridlines (round-6 tester).
MIN_PLOT_ROOM = 120
STATUS_LINES = 3  # the status above the plot shows this many lines, then scrolls
# The earlier runs, newest first: each keeps its prediction's colour, faded, with its own dashes.
EARLIER_DASHES = (Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
LABEL_GAP = 0.07  # the step label this share of the plot's height under its marker
LABEL_EDGE = 0.05  # and never nearer an edge of the plot than this


class StepsPlot(QWidget):
    """E at step 0…n for every prediction of the current run, and the earlier runs faded."""

    def __init__(self, learning: Learning, status: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.learning = learning
        self.lines: list[pg.PlotDataItem] = []
        self.earlier_lines: list[pg.PlotDataItem] = []

        self.log_box = QCheckBox(self.tr("&Logarithmic E axis"))
        self.log_box.setToolTip(self.tr("Shows a steady fall by the same factor as a straight "
                                        "line; only E > 0 can be drawn"))
        self.log_box.toggled.connect(self._on_log_toggled)
        # What a log axis leaves out, said beside its box: E ≤ 0 ended the lines and took the
        # marker away without a word (round-7 tester).
        self.log_note = QLabel()
        self.log_note.setObjectName("steps_log_note")
        self.log_note.setWordWrap(True)
        self.log_note.hide()
        self.hover = QLabel(self._hover_hint())
        self.hover.setObjectName("steps_hover")
        self.hover.setAccessibleName(self.tr("Loss at the step under the mouse"))
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hover.setWordWrap(True)
        self._hovered: int | None = None  # the step last read out, read again after a redraw

        self.plot = styled_plot(self.tr("Loss over the steps of learning"),
                                axis_items={"bottom": WholeNumberAxis("bottom")})
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("step"), color="#222")
        item.setLabel("left", self.tr("total loss E"), color="#222")
        # Steps are 0, 1, 2, …: never a negative step, and room for ten before the first one
        # (round 2's tester saw −100…100 around a lone step 0).
        item.getViewBox().setLimits(xMin=-STEP_MARGIN, minXRange=MIN_STEPS_SHOWN)
        # The legend sits under the plot, in rows, so no curve ever ends behind it.
        self.legend = pg.LegendItem(colCount=LEGEND_COLUMNS, brush=pg.mkBrush(255, 255, 255),
                                    labelTextColor="#222")
        self.legend.layout.setContentsMargins(4, 0, 4, 0)  # 9 px above and below took plot room
        item.layout.addItem(self.legend, 4, 1)
        self.marker = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#555", width=1.2, style=Qt.PenStyle.DotLine),
            label="", labelOpts={"position": 0.08, "color": "#222",
                                 "fill": (255, 255, 255, 200)})
        item.addItem(self.marker, ignoreBounds=True)
        self._label_at: float | None = None  # the first marker's height, for its label
        item.getViewBox().sigYRangeChanged.connect(lambda *_: self._place_step_label())
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222"))
        item.addItem(self.points)
        # Said inside the plot when the run has no E to draw (a blank t or y): the plot stayed
        # empty in its old frame, and only the line above it said why. In the box's own
        # pixels, so it stays centred whatever the range.
        self.unknown = pg.TextItem("", color="#333", anchor=(0.5, 0.5),
                                   fill=pg.mkBrush(255, 255, 255, 230))  # over a faded run
        self.unknown.setParentItem(item.getViewBox())
        self.unknown.hide()
        item.getViewBox().sigResized.connect(lambda *_: self._centre_unknown())
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.viewport().installEventFilter(self)  # the mouse leaving ends the read-out

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.log_box)
        bar.addWidget(self.log_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        # Where the run is, and what it found, above its plot: beyond STATUS_LINES it scrolls
        # (a step's notes in Japanese took six lines, and the plot under them kept none).
        self.status_area: QScrollArea | None = None
        if status is not None:
            area = self.status_area = QScrollArea()
            area.setObjectName("steps_status_area")
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidgetResizable(True)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(status)
            area.viewport().installEventFilter(self)  # the label asks it for room: new text
            area.installEventFilter(self)  # a new width
            layout.addWidget(area)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover)

        # A step changes the document and the trace at once: draw once, when both are done.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        # After a step, at once: the totals table updates inside the step (document.changed),
        # so a deferred draw here showed an older step than the table during a Run.
        learning.stepped.connect(self._on_stepped)
        learning.document.changed.connect(self._on_document_changed)
        self._when_shown = DrawnWhenShown(self, self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the status area to its text when the text or the width changes; end the hover
        read-out when the mouse leaves the plot."""
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_status()
        elif event.type() == QEvent.Type.Leave and watched is self.plot.viewport():
            self._end_hover()
        return super().eventFilter(watched, event)

    def _fit_status(self) -> None:
        area = self.status_area
        if area is None or not isinstance(status := area.widget(), QLabel):
            return
        width = area.width()
        if area.verticalScrollBar().isVisible():
            width -= area.verticalScrollBar().width()
        if width <= 0:
            return
        needed = min(status.heightForWidth(width), lines_height(status, STATUS_LINES))
        if area.height() != needed:
            area.setFixedHeight(needed)

    def detach(self) -> None:
        """Stop following the learning (a plot drawn once for Export Plot, then dropped)."""
        self.learning.stepped.disconnect(self._on_stepped)
        self.learning.document.changed.disconnect(self._on_document_changed)

    def _on_document_changed(self) -> None:
        self._when_shown.changed(self._pending.start)

    def _on_stepped(self) -> None:
        self._pending.stop()  # the document's change in the same step is drawn now too
        self.refresh()

    # --- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the current run and the earlier ones."""
        self._when_shown.stale = False
        trace = self.learning.trace()
        self._match(self.lines, len(trace.names), faded=False)
        self._match(self.earlier_lines, sum(len(t.names) for t in self.learning.earlier),
                    faded=True)
        log = self.log_box.isChecked()
        for line, totals in zip(self.lines, trace.totals, strict=True):
            line.setData(*self._xy(totals, log), connect="finite")
        lines = iter(self.earlier_lines)
        runs = len(self.learning.earlier)
        for age, earlier in enumerate(self.learning.earlier):
            dash = EARLIER_DASHES[(runs - 1 - age) % len(EARLIER_DASHES)]
            for j, totals in enumerate(earlier.totals):
                line = next(lines)
                line.setPen(_earlier_pen(j, dash))
                line.setData(*self._xy(totals, log), connect="finite")
        step = self.learning.step_count
        self.marker.setValue(step)
        self.marker.label.setFormat(self.tr("step %1").replace("%1", str(step)))
        xs, ys, brushes = [], [], []
        for j, totals in enumerate(trace.totals):
            if totals and _drawable(totals[-1], log):
                xs.append(len(totals) - 1)
                # The lines' log mode is pyqtgraph's; a ScatterPlotItem has none, so on a log axis
                # it is given log10 E itself (E was drawn at 10^E: tester9).
                ys.append(math.log10(totals[-1]) if log else totals[-1])
                brushes.append(pg.mkBrush(prediction_colour(j)))
        self.points.setData(xs, ys, brush=brushes)
        self._label_at = ys[0] if ys else None
        self._say_unknown(trace)
        self._say_left_out(trace, log)
        self._frame_new_data(log)
        self._place_step_label()
        self._rename_legend(trace)
        if self._hovered is not None:
            # A Reset or new data changes what the step under the mouse holds: a line left
            # as it was read the old run's values as the current y's.
            self.show_step(self._hovered)

    def _place_step_label(self) -> None:
        """Put "Step N" just under the first marker (above it near the bottom), in the view's
        own coordinates (log10 E on a log axis): at a fixed height it sat at the bottom, far
        from a marker at the top (round-7 tester)."""
        if self._label_at is None:
            return
        low, high = self.plot.getPlotItem().getViewBox().viewRange()[1]
        if not high > low:
            return
        share = (self._label_at - low) / (high - low)
        below = share - LABEL_GAP
        self.marker.label.setPosition(min(max(below if below > LABEL_EDGE else share + LABEL_GAP,
                                              LABEL_EDGE), 1 - LABEL_EDGE))

    def _frame_new_data(self, log: bool) -> None:
        """Frame the plot around its data where pyqtgraph would keep the old span: it keeps an
        axis's old width for data of no extent there, so at step 0 of new data (every line one
        point, nothing earlier) two E's sat at the left edge of the last run's 0–220 steps
        (round-5 tester), and one level in a ±5e31 frame after a run to 1e31 (round 4)."""
        lines = [line for line in [*self.lines, *self.earlier_lines] if line.yData is not None]
        levels = [float(v) for line in lines for v in line.yData
                  if np.isfinite(v) and (v > 0 or not log)]
        box = self.plot.getPlotItem().getViewBox()
        if not levels:  # nothing drawn: the first frame, not the last run's
            box.setRange(xRange=(0, MIN_STEPS_SHOWN), padding=0)
            box.setRange(yRange=(0, 1), padding=0.05)  # the top tick's label is not cut
            box.enableAutoRange()
            return
        one_step = max(len(line.yData) for line in lines) <= 1
        one_level = min(levels) == max(levels)
        if not one_step and not one_level:
            return  # an extent on both axes: pyqtgraph's own auto-range frames it
        if one_step:
            box.setRange(xRange=(0, MIN_STEPS_SHOWN), padding=0)
        if one_level:
            level = np.log10(levels[0]) if log else levels[0]
            pad = 0.5 if log else (abs(level) * 0.5 or 1.0)
            box.setRange(yRange=(level - pad, level + pad), padding=0)
        box.enableAutoRange()  # later steps frame themselves again

    def _say_unknown(self, trace: Trace) -> None:
        """When no prediction's E at the current step is a number, say why in the plot, as
        the totals table does ("E = — (t₁ missing)")."""
        unknown = [i for i, totals in enumerate(trace.totals) if totals and math.isnan(totals[-1])]
        if not unknown or len(unknown) < sum(1 for totals in trace.totals if totals):
            self.unknown.hide()
            return
        said = unknown_total(self.learning.document.missing_elements(unknown[0]))
        self.unknown.setText(self.tr("E = %1: there is nothing to draw until E is a number "
                                     "(see the notes about the input).").replace("%1", said))
        self.unknown.show()
        self._centre_unknown()

    def _say_left_out(self, trace: Trace, log: bool) -> None:
        """On a log axis, from which step each prediction's E ≤ 0 is not drawn."""
        firsts = [(next((s for s, e in enumerate(totals) if e <= 0), None), name)
                  for name, totals in zip(trace.names, trace.totals, strict=True)] if log else []
        said = ", ".join(f"{step} ({name})" for step, name in firsts if step is not None)
        self.log_note.setText(self.tr("E ≤ 0 from step %1 on: a logarithmic axis cannot draw "
                                      "it, nor the current step's marker").replace("%1", said))
        self.log_note.setVisible(bool(said))

    def room(self) -> float | None:
        """The height inside the plot's axes, while the tab is shown (None when it is not)."""
        return self.plot.getPlotItem().getViewBox().height() if self.isVisible() else None

    def _centre_unknown(self) -> None:
        box = self.plot.getPlotItem().getViewBox().boundingRect()
        self.unknown.setTextWidth(max(box.width() * 0.8, 80))
        self.unknown.setPos(box.center())

    def _xy(self, totals: tuple[float, ...], log: bool) -> tuple[np.ndarray, np.ndarray]:
        ys = np.array(totals, dtype=float)
        if log:
            ys = np.where(ys > 0, ys, np.nan)  # log E has no place for E ≤ 0
        return np.arange(len(ys), dtype=float), ys

    def _match(self, lines: list[pg.PlotDataItem], count: int, faded: bool) -> None:
        item = self.plot.getPlotItem()
        while len(lines) < count:
            # An earlier run's pen is set as it is drawn (its colour is its prediction's).
            pen = _earlier_pen(0, EARLIER_DASHES[0]) if faded else \
                pg.mkPen(prediction_colour(len(lines)), width=2.5)
            line = pg.PlotDataItem([], [], pen=pen, name="")
            line.setZValue(0 if faded else 10)
            item.addItem(line)
            lines.append(line)
        while len(lines) > count:
            item.removeItem(lines.pop())

    def _rename_legend(self, trace: Trace) -> None:
        labels = list(trace.names)
        for earlier in self.learning.earlier:
            labels += [self._earlier_label(name, earlier) for name in earlier.names]
        lines = [*self.lines, *self.earlier_lines]
        # One line is named by the header above the plot: its legend row only took plot room
        # (at 800×600 under a batch's bars the plot kept ~40 px).
        self.legend.setVisible(len(labels) > 1)
        if [label.text for _, label in self.legend.items] == labels:
            return
        self.legend.clear()
        # One row per run: its predictions side by side (a few at most per row).
        # A lone prediction and its earlier run side by side: a row each took plot room.
        self.legend.setColumnCount(min(max(len(trace.names), 2), LEGEND_COLUMNS))
        for line, label in zip(lines, labels, strict=True):
            self.legend.addItem(line, label)

    def _earlier_label(self, name: str, run: Trace) -> str:
        """An earlier run's line, told from the others by its loss, space and learning rate:
        "y1 earlier (cee on logits, η 0.1)"."""
        if run.space == "logits":
            how = self.tr("%1 on logits, η %2")
        elif get_loss(run.loss_id).expects is InputKind.LOGIT:
            how = self.tr("%1 on z, η %2")  # the loss reads logits: y itself is z
        else:
            how = self.tr("%1 on y, η %2")
        how = how.replace("%1", run.loss_id).replace("%2", in_formula(run.lr,
                                                                       uses_decimal_comma()))
        # The name last: a name with "%2" in it is never read as a place to fill.
        return self.tr("%1 earlier (%2)").replace("%2", how).replace("%1", name)

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.getPlotItem().setLogMode(y=on)
        self.refresh()

    # --- hover --------------------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            self._end_hover()  # over an axis or a margin: no step is under the mouse
            return
        self.show_step(round(view.mapSceneToView(scene_pos).x()))

    def _hover_hint(self) -> str:
        return self.tr("Hover the plot to read the exact E at a step.")

    def _end_hover(self) -> None:
        """No step is under the mouse: the hint again, and no step is read again on a redraw
        (round-7 tester: "No run has reached step 4" stayed after the mouse had left, through
        another example and a Step)."""
        if self._hovered is not None:
            self._hovered = None
            self.hover.setText(self._hover_hint())

    def show_step(self, step: int) -> str:
        """Read out the exact E of every line at ``step`` (also what hovering shows)."""
        trace = self.learning.trace()
        parts = []
        missing = self.learning.document.missing_elements
        for i, (name, totals) in enumerate(zip(trace.names, trace.totals, strict=True)):
            if 0 <= step < len(totals):
                # Not a number: said as the totals table says it (cell_text left it blank).
                said = unknown_total(missing(i)) if math.isnan(totals[step]) else \
                    cell_text(totals[step], uses_decimal_comma())
                parts.append(f"{name} E = {said}")
        for earlier in self.learning.earlier:
            for name, totals in zip(earlier.names, earlier.totals, strict=True):
                if 0 <= step < len(totals):
                    said = unknown_total() if math.isnan(totals[step]) else \
                        cell_text(totals[step], uses_decimal_comma())
                    parts.append(f"{self._earlier_label(name, earlier)} E = {said}")
        self._hovered = step
        text = self.tr("Step %1: %2").replace("%1", str(step)).replace("%2", ";  ".join(parts)) \
            if parts else self.tr("No run has reached step %1.").replace("%1", str(step))
        self.hover.setText(text)
        return text


def _earlier_pen(prediction: int, dash: Qt.PenStyle) -> QPen:
    """An earlier run of the ``prediction``-th prediction: its colour, lighter, dashed."""
    colour = prediction_colour(prediction)
    colour.setAlpha(140)
    pen: QPen = pg.mkPen(colour, width=1.8, style=dash)
    return pen


def _drawable(value: float, log: bool) -> bool:
    return math.isfinite(value) and (value > 0 or not log)
