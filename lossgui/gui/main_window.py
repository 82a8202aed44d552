"""The main window: layout and wiring only; the numbers come from the document and the core."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QResizeEvent,
    QShowEvent,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lossgui import __version__
from lossgui.core import LossguiError, get_loss
from lossgui.core.columns import TARGET_NAME, check_rows_removable
from lossgui.core.examples import ARTICLE
from lossgui.core.numbers import is_truth
from lossgui.core.problems import error_text
from lossgui.gui import language
from lossgui.gui.actions import Slot, build_actions, shortcut_rows
from lossgui.gui.asking import ask, line_dialog
from lossgui.gui.commands import delete_rows_text, edited_cells
from lossgui.gui.document import TARGET, Document
from lossgui.gui.examples import EXAMPLES, load_example
from lossgui.gui.files.controller import FileController
from lossgui.gui.learning import Learning
from lossgui.gui.panels.banner import Banner
from lossgui.gui.panels.batch_panel import BatchPanel
from lossgui.gui.panels.conventions_panel import ConventionsPanel
from lossgui.gui.panels.curve_overlay import CurveOverlay
from lossgui.gui.panels.curve_panel import CurvePanel
from lossgui.gui.panels.formula_panel import FormulaPanel
from lossgui.gui.panels.learn_panel import LearnPanel
from lossgui.gui.panels.loss_panel import LossPanel, ResultsPanel
from lossgui.gui.panels.notes_panel import NotesPanel
from lossgui.gui.panels.pane_share import BarsGiveWay
from lossgui.gui.panels.plot_panel import PlotPanel
from lossgui.gui.panels.steps_plot import StepsPlot
from lossgui.gui.selection import Selection
from lossgui.gui.sheet.batch_sheet import BatchSheet, BatchView
from lossgui.gui.sheet.column_fit import ColumnFitter
from lossgui.gui.sheet.probability_view import ProbabilityView
from lossgui.gui.sheet.sheet_view import SheetView, align_rows, same_header_height
from lossgui.gui.sheet.table_model import prediction_model, target_model
from lossgui.gui.text_dialog import TextDialog

if TYPE_CHECKING:
    from lossgui.gui.files.plot_export import Figure

KEPT_ROWS = 6  # table rows (up to all) that stay in sight when the notes take room
# Prediction columns (up to all) that keep their room beside the probabilities of the logits:
# the article's good and bad y side by side (the probabilities scroll before y2 drops out).
PREDICTIONS_IN_SIGHT = 2
NEW_ROWS = 5  # blank rows of File ▸ New (Enter on the last adds more)
MIN_PLOT_PANE = 560  # px the plots keep when the tables' pane widens for the probabilities
STATUS_GAP = 12  # px the status bar keeps around the problem count and at its edges

# Windows rebuilt in another language live here: nobody else holds a Python reference to them.
_rebuilt_windows: set[MainWindow] = set()

NOTICE_STYLE = "QFrame#notice { background: #fff4ce; border: 1px solid #d8b500; }" \
    " QFrame#notice QLabel { color: #222; }"
HINT_STYLE = "QFrame#first_run_hint { background: #e4f0fb; border: 1px solid #7aa7d6; }" \
    " QFrame#first_run_hint QLabel { color: #1b2b3a; }"


class MainWindow(QMainWindow):
    """Tables for t and y on the left with the loss and totals; the plot on the right."""

    def __init__(self, document: Document, settings: QSettings,
                 parent: QWidget | None = None, files: FileController | None = None,
                 learning: Learning | None = None) -> None:
        """The window on ``document``; ``files``, ``learning``: those of a window it replaces."""
        super().__init__(parent)
        self.document = document
        self.settings = settings
        # The example on show: the window starts on the article's (app.build_window), and is
        # named as Examples ▸ The Article names it, in the title and the save question alike.
        self.example_key = ARTICLE
        self._replaced = False  # rebuilt in another language: close without questions
        self.setAccessibleName("lossgui")

        self.target_view = SheetView(target_model(document, self), self.tr("Target t"))
        self.prediction_view = SheetView(prediction_model(document, self),
                                         self.tr("Predictions y"))
        align_rows(self.target_view, self.prediction_view)
        # Columns widen to the numbers typed into them (the t table's width follows its column).
        self.column_fitters = [ColumnFitter(view) for view in (self.target_view,
                                                               self.prediction_view)]
        self.batch_sheet = BatchSheet(document)  # a batch's N×K tables, in place of the vectors'
        self.loss_panel = LossPanel(document)
        self.results = ResultsPanel(document)
        self._last_sheet: SheetView | None = None  # see _sheet_or_target
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self.notes = NotesPanel(document)
        self.plot_panel = PlotPanel(document)
        self._build_notice()
        self._build_layout()
        self._build_learning_aids()
        self._build_learn(learning)
        self._build_files(files)
        self.action_map = build_actions(self, self._action_slots())
        self._build_context_menus()
        self.files.install(self.action_map)
        self._build_language_menu()
        self._chain_tab_order()
        self.problem_label = QLabel()
        self.problem_label.setAccessibleName(self.tr("Problem count"))
        self.statusBar().addPermanentWidget(self.problem_label)

        for view in (self.target_view, self.prediction_view):
            view.message.connect(self.show_notice)
            view.sheet_model.refused.connect(self.show_notice)
            view.rename_requested.connect(self._rename_column)
            view.status.connect(lambda text: self.show_status(text, 15000))
            view.row_wanted.connect(self._add_row_typed_into)
            view.grows = True
        self.batch_sheet.message.connect(self.show_notice)
        self.batch_sheet.status.connect(lambda text: self.show_status(text, 15000))
        self.batch_sheet.rename_requested.connect(self._rename_column)
        for sheet in (self.target_view, self.prediction_view, self.batch_sheet):
            sheet.editor_opened.connect(self._on_editor_opened)
        self.loss_panel.message.connect(self.show_notice)
        self.loss_panel.chosen.connect(self.files.choose_loss)  # a data CSV opens under it
        self.plot_panel.gradient_toggled.connect(self.action_map["gradient"].setChecked)
        stack = document.undo_stack
        # The slots take the state from the signals' arguments: the stack may be going away.
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        # The edit that follows a refusal makes the refusal old news (connected to the notice
        # itself: the stack outlives the window, and the notice goes before the window does);
        # a lesson's instruction stays while its steps are taken.
        stack.undoTextChanged.connect(self.notice.hide_if_passing)
        document.replaced.connect(self.notice.dismiss)  # other data: a lesson's words go too
        stack.redoTextChanged.connect(self._on_redo_text_changed)
        stack.canUndoChanged.connect(self.action_map["undo"].setEnabled)
        stack.canRedoChanged.connect(self.action_map["redo"].setEnabled)
        stack.cleanChanged.connect(self._on_clean_changed)
        document.changed.connect(self._on_document_changed)
        # Once the window is laid out: the room is measured on the tables as they are shown.
        self._notes_room = QTimer(self)
        self._notes_room.setSingleShot(True)
        self._notes_room.setInterval(0)
        self._notes_room.timeout.connect(self._give_notes_room)
        self.notes.wants_height.connect(self._notes_room.start)
        # The loss panel, the totals and the formula get the height their text needs, no more,
        # whenever it changes (another loss, prediction or width); the tables get the rest.
        self._sections_fit = QTimer(self)
        self._sections_fit.setSingleShot(True)
        self._sections_fit.setInterval(0)
        self._sections_fit.timeout.connect(self._fit_sections)
        for changed in (document.changed, document.loss_changed, self.selection.changed):
            changed.connect(self._sections_fit.start)
        self.left_splitter.splitterMoved.connect(lambda *_: self._sections_fit.start())
        self.target_view.horizontalHeader().sectionResized.connect(
            lambda *_: self._fit_target_width())
        predictions = self.prediction_view.horizontalHeader()
        predictions.sectionResized.connect(lambda *_: self._keep_predictions_in_sight())
        predictions.sectionCountChanged.connect(lambda *_: self._keep_predictions_in_sight())
        document.rows_inserted.connect(self._fit_target_width)
        document.rows_removed.connect(self._fit_target_width)
        # A file, session or example replaces the rows without inserting any: 10⁶ rows opened
        # over the article kept its two digits ("999" at the last rows, tester9 #9).
        document.reset_done.connect(self._fit_target_width)

        self._on_undo_text_changed(stack.undoText())
        self._on_redo_text_changed(stack.redoText())
        self.action_map["undo"].setEnabled(stack.canUndo())
        self.action_map["redo"].setEnabled(stack.canRedo())
        self._on_document_changed()
        self._on_clean_changed(stack.isClean())
        self._update_title()
        self.restore_settings()
        self._fitted = False  # fit_screen again at the first show, when the frame is known
        self.fit_screen()
        self.files.set_plot_gradient(self.plot_panel.gradient_mode)
        self._fit_target_width()
        self._keep_predictions_in_sight()
        self.target_view.go_to(0, 0)

    # --- layout ---------------------------------------------------------------------------------

    def _build_notice(self) -> None:
        self.notice = Banner("notice", NOTICE_STYLE, self.tr("Notice"),
                             self.tr("Dismiss the notice"))
        self.notice_label = self.notice.label
        self.first_run_hint = Banner("first_run_hint", HINT_STYLE, self.tr("First-run hint"),
                                     self.tr("Dismiss the hint"))
        self.first_run_label = self.first_run_hint.label

    def _build_layout(self) -> None:
        tables = QWidget()
        table_layout = QHBoxLayout(tables)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(2)
        table_layout.addWidget(self.target_view)
        table_layout.addWidget(self.prediction_view, 1)
        data = QWidget()
        self.data_area = data
        data_layout = QVBoxLayout(data)
        data_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_stack = QStackedWidget()
        self.sheet_stack.addWidget(tables)
        self.sheet_stack.addWidget(self.batch_sheet)
        data_layout.addWidget(self.sheet_stack, 1)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("left_splitter")
        self.left_splitter.addWidget(self.loss_panel)
        self.left_splitter.addWidget(data)
        self.left_splitter.addWidget(self.results)
        self.left_splitter.addWidget(self.notes)
        # Growing and shrinking go to the data first, then to the notes; the loss panel and
        # the totals keep the height they need.
        for section, stretch in enumerate((0, 2, 0, 1)):
            self.left_splitter.setStretchFactor(section, stretch)
        self.left_splitter.setChildrenCollapsible(False)
        self._lent_to_notes = 0  # height the data gave the notes (see _give_notes_room)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.plot_panel)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setContentsMargins(6, 6, 6, 0)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        self.resize(1100, 700)
        self.main_splitter.setSizes([400, 700])
        # The totals need a few rows; the rest goes to the data (restored sizes win later).
        self.left_splitter.setSizes([self.loss_panel.sizeHint().height(), 330, 90, 120])

    def _build_learning_aids(self) -> None:
        """The formula with the numbers under the totals; the curve and other tools as tabs.

        They explain the prediction and element k of the tables' current cell (``self.selection``).
        """
        self.selection = Selection(self.document, self)
        self.formula_panel = FormulaPanel(self.selection)
        self.curve_panel = CurvePanel(self.selection)
        self.conventions_panel = ConventionsPanel(self.selection)
        self.plot_tabs = QTabWidget()
        self.plot_tabs.setObjectName("plot_tabs")
        self.plot_tabs.setDocumentMode(True)
        # Every tab in sight, shortened with "…" where the pane is narrow: at 800×600 "Loss
        # over steps" hid behind scroll arrows, a tab the learner could not see to choose.
        self.plot_tabs.setUsesScrollButtons(False)
        self.plot_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.batch_panel = BatchPanel(self.document)
        self.right_pane = QWidget()  # kept: the splitter does not own it for Python
        right_layout = QVBoxLayout(self.right_pane)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The notice and the first-run hint sit over the plots, where the height they take
        # costs no table row (under the tables, a Japanese lesson's instruction squeezed them
        # to 1½ rows, and at 800×600 the hint at the window's foot took two), and their
        # appearing shifts no row under the user's next click.
        right_layout.addWidget(self.first_run_hint)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.batch_panel)
        right_layout.addWidget(self.plot_tabs, 1)
        self.main_splitter.replaceWidget(1, self.right_pane)
        self.plot_tabs.addTab(self.plot_panel, self.tr("Contributions"))
        self.plot_tabs.addTab(self.curve_panel, self.tr("Curve of element k"))
        self.plot_tabs.addTab(self.conventions_panel, self.tr("Other tools"))
        self.plot_tabs.setTabToolTip(1, self.tr("How element k's contribution changes with its y; "
                                                "click the plot to set y"))
        self.plot_tabs.setTabToolTip(2, self.tr("Why do other tools give another number?"))
        self.plot_panel.show()
        self.left_splitter.insertWidget(3, self.formula_panel)  # under the totals
        for section, stretch in enumerate((0, 2, 0, 0, 1)):
            self.left_splitter.setStretchFactor(section, stretch)
        self.left_splitter.setSizes([self.loss_panel.sizeHint().height(), 330, 90,
                                     self.formula_panel.sizeHint().height(), 90])

        def follow(view: SheetView, prediction_table: bool) -> None:
            def on_current(current: object, _previous: object) -> None:
                if not current.isValid():  # type: ignore[attr-defined]
                    return
                row = current.row()  # type: ignore[attr-defined]
                if prediction_table:
                    self.selection.set_cell(row, current.column())  # type: ignore[attr-defined]
                else:
                    self.selection.set_element(row)
            view.selectionModel().currentChanged.connect(on_current)

        follow(self.target_view, False)
        follow(self.prediction_view, True)
        self.selection.changed.connect(self._show_selected_row)
        self.batch_sheet.cell_selected.connect(self._on_batch_cell)
        self.batch_sheet.prediction_selected.connect(self.selection.set_prediction)
        self.results.table.currentCellChanged.connect(
            lambda row, *_: self.selection.set_prediction(row) if row >= 0 else None)

    def _show_selected_row(self) -> None:
        """Element k chosen elsewhere (the curve's spin box): the tables' current row follows.

        The current cell goes to (k, the selected prediction) in y (t follows, see
        ``align_rows``), so the tables do not pick another prediction on the way. The table
        showing a selection moves it there; with neither, only the current row moves. The
        focus stays where it is.
        """
        t, y = self.target_view, self.prediction_view
        row = self.selection.element
        if self.document.is_batch or y.currentIndex().row() == row:
            return
        select = QItemSelectionModel.SelectionFlag.ClearAndSelect
        had_selection = t.selectionModel().hasSelection()
        y.selectionModel().setCurrentIndex(
            y.model().index(row, self.selection.prediction),
            select if y.selectionModel().hasSelection() else
            QItemSelectionModel.SelectionFlag.NoUpdate)
        if had_selection:
            t.selectionModel().select(t.model().index(row, 0), select)

    def _build_files(self, files: FileController | None) -> None:
        """The File menu's open/save/export (files/controller.py), wired to the title and bars."""
        if files is None:
            files = FileController(self.document, self.settings, self._example_source())
        files.serve(self)  # its dialogs open over this window, its news come here only
        self.files = files
        files.figure_on_show = self.figure_on_show  # Export Plot draws the plot on show
        files.source_changed.connect(self._update_title)
        files.message.connect(self.show_notice)
        files.status.connect(self._show_success)
        self.plot_panel.gradient_toggled.connect(files.set_plot_gradient)
        self.setAcceptDrops(True)
        self.installEventFilter(files)  # a dropped CSV or session opens
        # The plot's view would take a drop itself and refuse it; let the window have it.
        for plot in (self.plot_panel.plot, self.curve_panel.plot):
            plot.setAcceptDrops(False)
            plot.viewport().setAcceptDrops(False)

    def _action_slots(self) -> dict[str, Slot]:
        """What each action of actions.py calls."""
        files = self.files
        slots: dict[str, Slot] = {
            "new": self.new_data,
            "open": files.open, "save": files.save, "save_as": files.save_as,
            "save_data": files.save_data_csv, "export_results": files.export_results,
            "export_plot": files.export_plot,
            "export_bom": files.set_bom,
            "example": lambda: self.load_named_example(ARTICLE), "quit": self.close,
            "undo": self.undo, "redo": self.redo, "cut": self.cut, "copy": self.copy,
            "paste": self.paste, "clear": self.clear_cells,
            "insert_row": self.insert_row, "append_row": self.append_row,
            "delete_rows": self.delete_rows, "add_prediction": self.add_prediction,
            "rename_prediction": self.rename_prediction,
            "remove_prediction": self.remove_prediction,
            "class_indices": self.set_class_indices,
            "gradient": self.set_gradient_mode, "focus_loss": self.focus_loss,
            "focus_target": self.focus_target, "focus_predictions": self.focus_predictions,
            "focus_results": self.focus_results, "show_contributions": self.show_contributions,
            "show_curve": self.show_curve, "show_conventions": self.show_conventions,
            "show_steps": self.show_steps,
            "about": self.show_about, "guide": self.show_guide,
            "shortcuts": self.show_shortcuts, "reset_zoom": self.reset_zoom,
            "copy_plot": self.copy_plot,
        }
        for key in EXAMPLES:
            slots[f"example_{key}"] = lambda key=key: self.load_named_example(key)
        return slots

    def _build_learn(self, learning: Learning | None) -> None:
        """The Learn tool bar, and the loss over the steps as a tab beside the plot."""
        if learning is None:
            learning = Learning(self.document, self)
        learning.serve(self)
        self.learning = learning
        self.learn_panel = LearnPanel(self.learning)
        self.steps_plot = StepsPlot(self.learning, self.learn_panel.status)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.learn_panel)
        self.curve_overlay = CurveOverlay(self.curve_panel)  # other losses on the Curve tab
        # Probabilities beside the logits, for the losses that read logits.
        self.probability_view = ProbabilityView(self.document, self.prediction_view)
        parent = self.prediction_view.parentWidget()
        tables = parent.layout() if parent is not None else None
        assert isinstance(tables, QHBoxLayout)
        tables.addWidget(self.probability_view)
        same_header_height(self.target_view, self.prediction_view, self.probability_view)
        self._probability_room = QTimer(self)  # once the new columns are laid out
        self._probability_room.setSingleShot(True)
        self._probability_room.setInterval(0)
        self._probability_room.timeout.connect(self._give_probabilities_room)
        self.probability_view.probability_model.modelReset.connect(self._probability_room.start)
        self.plot_tabs.addTab(self.steps_plot, self.tr("Loss over steps"))
        BarsGiveWay(self.right_pane, self.batch_panel, self.plot_tabs, self.steps_plot)
        self.plot_tabs.setTabToolTip(self.plot_tabs.indexOf(self.steps_plot), self.tr(
            "The total loss E at every step of learning, one line per prediction"))
        self.learning.message.connect(self.show_notice)
        self.learn_panel.lr_taken.connect(self._forget_lr_refusal)
        self.learning.running_changed.connect(self._on_learning_started)
        self.learn_panel.step_button.clicked.connect(lambda: self._on_learning_started(True))

    def _give_probabilities_room(self) -> None:
        """Widen the tables' pane until the probabilities beside the logits are whole, taking
        the room from the plots while they keep MIN_PLOT_PANE (round-7 tester: σ(予測B) was cut
        at 1280×800, maximised). Never narrows it: the user may have chosen that width."""
        view = self.probability_view
        short = view.maximumWidth() - view.width()
        if not view.isVisible() or short <= 0:
            return
        left, right = self.main_splitter.sizes()
        give = min(short, right - MIN_PLOT_PANE)
        if give > 0:
            self.main_splitter.setSizes([left + give, right - give])

    def _forget_lr_refusal(self) -> None:
        """A good η was taken: the refusal of the last goes from the bar and the status bar
        (the status bar still said "… not '0,5'" under η 0.2)."""
        self.notice.hide_if_passing()
        self.statusBar().clearMessage()

    def _on_editor_opened(self) -> None:
        """A cell is being typed into: a Run stops, as a paste stops it, so what is typed
        applies to numbers that hold still and is its own undo step (tester5 lost it)."""
        if self.learning.running:
            self.learning.stop()
            self.show_status(self.tr("Run stopped for your edit; its steps are kept. Press Run "
                                     "to go on."), 15000)

    def _on_learning_started(self, started: bool) -> None:
        """Show the loss over the steps when learning starts (the learner came for it)."""
        if started:
            self.plot_tabs.setCurrentWidget(self.steps_plot)

    def _chain_tab_order(self) -> None:
        """Tab leaves the read-only totals and notes instead of moving inside them."""
        self.results.table.setTabKeyNavigation(False)
        self.notes.setTabChangesFocus(True)

    def tab_cycle(self) -> list[QWidget]:
        """What Tab visits, in reading order: toolbar, loss and parameters, tables, totals,
        formula, notes, then the plot side; hidden or disabled widgets are skipped.

        Qt's own chain follows creation order, which left the plot tabs and the formula's
        prediction box reachable only with Shift+Tab; this list is the one order instead.
        """
        toolbar = [w for w in self.learn_panel.findChildren(QWidget)
                   if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                   and w.parentWidget() is self.learn_panel]
        widgets = [
            *toolbar, self.loss_panel.selector, *self.loss_panel.editors(), self.target_view,
            self.prediction_view, self.batch_sheet, self.results.table,
            self.formula_panel.prediction, self.notes,
            self.plot_tabs.tabBar(), *self._current_tab_widgets(),
        ]
        return [w for w in widgets if w.isVisible() and w.isEnabled()]

    def _current_tab_widgets(self) -> list[QWidget]:
        page = self.plot_tabs.currentWidget()
        if page is self.plot_panel:
            return [self.plot_panel.gradient_box, self.plot_panel.plot]
        return [w for w in page.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.isWindow()]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go round :meth:`tab_cycle`, so nothing traps or skips."""
        cycle = self.tab_cycle()
        focus = QApplication.focusWidget()
        while focus is not None and focus not in cycle:
            focus = focus.parentWidget()  # e.g. a combo box's line edit
        if focus is None or not cycle:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        target = cycle[(cycle.index(focus) + step) % len(cycle)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _build_language_menu(self) -> None:
        """View ▸ Language: each language named in itself, the current one checked."""
        view = self.menuBar().findChild(QMenu, "menu_view")
        assert isinstance(view, QMenu)  # PySide6 6.7's stubs type findChild as object
        self.language_menu = QMenu(self.tr("Lang&uage"), view)
        self.language_menu.setObjectName("menu_language")
        group = QActionGroup(self.language_menu)
        for code, name in language.LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == language.current_language())
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.switch_language(code))
        view.addSeparator()
        view.addMenu(self.language_menu)

    def switch_language(self, code: str) -> MainWindow:
        """Rebuild the window in language ``code`` around the same document; the new window.

        The data, the undo history (retold in the new language), the file name, the window's
        layout, the learning run with its settings and the views' choices carry over; the old
        window closes without asking. Rebuilding (rather than retranslating every widget)
        means no text can be forgotten in the old language.
        """
        if code == language.current_language() or code not in language.LANGUAGES:
            return self
        example_source = self._example_source()
        self.save_settings()
        language.install(code)
        language.remember_language(self.settings, code)
        self.document.refresh_language()
        # The same file controller: the file, the recent list, the answers to its questions.
        window = MainWindow(self.document, self.settings, files=self.files,
                            learning=self.learning)
        window.example_key = self.example_key
        if window.files.source == example_source:  # the example's name in the new language
            window.files.set_source(window._example_source())
        window.selection.set_cell(self.selection.element, self.selection.prediction)
        window.plot_tabs.setCurrentIndex(self.plot_tabs.currentIndex())
        for loss_id in self.curve_overlay.compared():
            window.curve_overlay.compare(loss_id)
        window.steps_plot.log_box.setChecked(self.steps_plot.log_box.isChecked())
        if self.notice.lasting:  # a lesson's instruction, now in the new language
            window.notice.set_text(EXAMPLES[self.example_key].translated_tip(), lasting=True)
            window.notice.show()
        _rebuilt_windows.add(window)
        window.destroyed.connect(lambda *_: _rebuilt_windows.discard(window))
        window.show()
        self._replaced = True
        self.close()
        self.deleteLater()
        return window

    def _example_source(self) -> str:
        """How the title names the example on show, in the current language."""
        return EXAMPLES[self.example_key].translated_title()

    def _fit_sections(self) -> None:
        """Give the loss panel, the totals and the formula the height they need at their width
        and the tables all the rest: the formula kept the height of its first, narrower
        layout (in 日本語 a third of it was empty while the tables showed 4½ of 5 rows)."""
        splitter = self.left_splitter
        sizes = splitter.sizes()
        if not self.isVisible() or min(sizes) <= 0:
            return
        total = sum(sizes)
        for panel in (self.loss_panel, self.results, self.formula_panel):
            # A wrapped text's own size hint is for a guessed width: ask for the real one.
            needed = panel.heightForWidth(panel.width()) if panel.hasHeightForWidth() else \
                panel.sizeHint().height()
            needed = max(needed, panel.minimumSizeHint().height())
            sizes[splitter.indexOf(panel)] = needed
        data = splitter.indexOf(self.data_area)
        sizes[data] = total - sum(size for i, size in enumerate(sizes) if i != data)
        if sizes != splitter.sizes():
            splitter.setSizes(sizes)
        self._notes_room.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the left column's sections to the new size (see ``_fit_sections``)."""
        super().resizeEvent(event)
        self._sections_fit.start()

    def _give_notes_room(self) -> None:
        """Let the notes show their lines, taking the room from the tables while they keep a
        few rows; what was taken goes back when the notes get shorter (they scroll beyond)."""
        splitter = self.left_splitter
        notes, data = splitter.indexOf(self.notes), splitter.indexOf(self.data_area)
        sizes = splitter.sizes()
        if not self.isVisible() or min(sizes) <= 0:  # measured when shown (see showEvent)
            return
        wanted = self.notes.sizeHint().height()
        change = wanted - sizes[notes]
        if change > 0:
            view = self.target_view
            # all that is not rows (headers, frames, a scroll bar, the notice), then the rows
            around = sizes[data] - view.viewport().height()
            keep = around + min(self.document.row_count, KEPT_ROWS) * view.rowHeight(0)
            change = min(change, max(sizes[data] - keep, 0))
        else:
            change = max(change, -self._lent_to_notes)
        if change:
            sizes[notes] += change
            sizes[data] -= change
            self._lent_to_notes += change
            splitter.setSizes(sizes)

    def _fit_target_width(self) -> None:
        view = self.target_view
        header = view.verticalHeader()
        digits = len(str(max(self.document.row_count, 1)))
        number_width = view.fontMetrics().horizontalAdvance("9" * max(digits, 2)) + 14
        header.setFixedWidth(number_width)
        view.setFixedWidth(number_width + view.horizontalHeader().sectionSize(0)
                           + 2 * view.frameWidth())

    def _keep_predictions_in_sight(self) -> None:
        """The y table is never narrower than its first PREDICTIONS_IN_SIGHT columns: beside
        the probabilities (under a loss on logits) it was squeezed until y2 could not be seen."""
        view = self.prediction_view
        header = view.horizontalHeader()
        shown = sum(header.sectionSize(c) for c in range(min(header.count(),
                                                                 PREDICTIONS_IN_SIGHT)))
        view.setMinimumWidth(shown + 2 * view.frameWidth()
                             + view.verticalScrollBar().sizeHint().width())

    # --- the document changed ------------------------------------------------------------------

    def _on_document_changed(self) -> None:
        count = self.document.problem_count
        # Warnings no cell shows ("In sample 2, t has 2 ones") are only in the Notes: counted
        # apart, so that "No problems" is never said beside a warning.
        uncelled = len(self.document.model.warnings(language.current_language()))
        if count == 0 and uncelled == 0:
            text = self.tr("No problems")
        elif count == 0 and uncelled == 1:
            text = self.tr("1 warning: read it in the notes about the input")
        elif count == 0:
            text = self.tr("%n warnings: read them in the notes about the input", "", uncelled)
        else:
            if count == 1:
                text = self.tr("1 problem: hover the red cell to read why")
            else:  # %n: a plural form for languages that have several
                text = self.tr("%n problems: hover the red cells to read why", "", count)
            if uncelled == 1:
                text += self.tr("; 1 more warning in the notes about the input")
            elif uncelled:
                text += self.tr("; %n more warnings in the notes about the input", "", uncelled)
        self.problem_label.setText(text)
        self.action_map["remove_prediction"].setEnabled(self.document.column_count > 2)
        batch = self.document.is_batch
        self.sheet_stack.setCurrentIndex(1 if batch else 0)
        for page in range(2):  # the hidden page must not make the window taller
            policy = QSizePolicy.Policy.Preferred if page == int(batch) else \
                QSizePolicy.Policy.Ignored
            widget = self.sheet_stack.widget(page)
            if widget is not None:
                widget.setSizePolicy(policy, policy)
        rows = self.document.model.samples if batch else self.document.row_count
        self.action_map["delete_rows"].setEnabled(rows > 1)
        indices = self.action_map["class_indices"]
        indices.blockSignals(True)
        indices.setChecked(self.document.model.class_indices)
        indices.blockSignals(False)
        indices.setEnabled(batch)

    def _on_batch_cell(self, sample: int, column: int) -> None:
        """A cell of the batch tables became current: show its sample and class."""
        self.document.set_sample(sample)
        if column < self.document.row_count:
            self.selection.set_element(column)

    def set_class_indices(self, on: bool) -> None:
        """Show the batch's target as class indices, or back as its one-hot table (undoable)."""
        try:
            self.document.use_class_indices(on)
        except LossguiError as error:
            self.show_notice(error_text(error, language.current_language()))
            self._on_document_changed()  # the action shows the layout there is

    def _on_undo_text_changed(self, text: str) -> None:
        self.action_map["undo"].setText(self.tr("&Undo %1").replace("%1", text).rstrip())
        self.statusBar().clearMessage()

    def _on_redo_text_changed(self, text: str) -> None:
        self.action_map["redo"].setText(self.tr("&Redo %1").replace("%1", text).rstrip())

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_title(self) -> None:
        self.setWindowTitle(f"lossgui — {self.files.source}[*]")

    def _show_success(self, text: str) -> None:
        """A file was opened, saved or exported: say so, and an older refusal is old news; a
        lesson's instruction stays (round-7 tester: an export took it away mid-lesson). Other
        data takes it away (``document.replaced``)."""
        self.notice.hide_if_passing()
        self.show_status(text, 5000)

    def show_notice(self, text: str, lasting: bool = False) -> None:
        """Tell the user something went wrong, without a modal dialog (``lasting``: see
        ``Banner.set_text``)."""
        self.notice.set_text(text, lasting)
        self.notice.show()
        self.show_status(text, 15000)
        QApplication.beep()

    def show_status(self, text: str, milliseconds: int) -> None:
        """A message in the status bar, cut with "…" to the room beside the problem count (a long
        one ran into it: "…nearly vanisl No problems"); the whole text is the bar's tooltip."""
        bar = self.statusBar()
        room = max(bar.width() - self.problem_label.sizeHint().width() - 3 * STATUS_GAP, 60)
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        bar.setToolTip(text if shown != text else "")
        bar.showMessage(shown, milliseconds)

    # --- what the actions call (see _action_slots) ------------------------------------------

    def undo(self) -> None:
        """Undo the last edit; cells it put back are shown selected."""
        stack = self.document.undo_stack
        index = stack.index()
        stack.undo()
        if stack.index() != index:
            self._select_edited(stack.command(stack.index()))

    def redo(self) -> None:
        """Redo the last undone edit; cells it wrote are shown selected."""
        stack = self.document.undo_stack
        index = stack.index()
        stack.redo()
        if stack.index() != index:
            self._select_edited(stack.command(index))

    def _select_edited(self, command: QUndoCommand | None) -> None:
        """Select the cells an undone or redone step changed, in the table they are in.

        Only that table shows them (see ``align_rows``); if the keyboard was in the tables it
        goes there too, so Delete and Copy act on what is shown.
        """
        ranges = edited_cells(command)
        if not ranges or self.document.is_batch:  # a batch's tables select on their own
            return
        view = self.target_view if ranges[0][1] == 0 else self.prediction_view
        in_tables = self.active_sheet() in (self.target_view, self.prediction_view)
        if view.select_ranges(view.document_ranges_shown(ranges), current=True) and in_tables:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def active_sheet(self) -> SheetView | None:
        """The table with the keyboard focus, if any."""
        return _sheet_of(QApplication.focusWidget())

    def _sheet_or_target(self) -> SheetView:
        """The table with the focus, else the one last used (a click on a plot or a box took
        the focus: Ctrl+V then pasted into t, tester9), else t."""
        last = self._last_sheet
        return self.active_sheet() or (last if last is not None and last.isVisible()
                                       else self.target_view)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        sheet = _sheet_of(new)
        if sheet is not None and sheet.window() is self:
            self._last_sheet = sheet

    def copy(self) -> None:
        """Copy the selected cells, or the selected totals at full precision."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.copy()
        elif focus is self.results.table:
            self.results.copy()
        else:
            self._sheet_or_target().copy()

    def cut(self) -> None:
        """Copy the selected cells and blank them."""
        sheet = self.active_sheet()
        if sheet is not None:
            sheet.cut()

    def paste(self) -> None:
        """Paste at the current cell of the focused table."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.paste()
            return
        self._sheet_or_target().paste()

    def clear_cells(self) -> None:
        """Blank the selected cells (missing, not zero)."""
        sheet = self.active_sheet()
        if sheet is not None:
            sheet.clear_selection()

    def _batch_view(self) -> BatchView | None:
        sheet = self.active_sheet()
        if isinstance(sheet, BatchView):
            return sheet
        return self.batch_sheet.target_view if self.document.is_batch else None

    def insert_row(self) -> None:
        """Insert a blank row above the current row (a sample in a batch)."""
        batch = self._batch_view()
        if batch is not None:
            self.document.insert_samples(max(batch.currentIndex().row(), 0), 1)
            return
        sheet = self._sheet_or_target()
        row = max(sheet.currentIndex().row(), 0)
        self.document.insert_rows(row, 1)
        sheet.go_to(row, max(sheet.currentIndex().column(), 0))

    def _add_row_typed_into(self) -> None:
        """A blank row at the end, for the value typed on past the last row (the view moves)."""
        self.document.insert_rows(self.document.row_count, 1)

    def append_row(self) -> None:
        """Add a blank row at the end and go to it (a sample in a batch)."""
        batch = self._batch_view()
        if batch is not None:
            self.document.insert_samples(self.document.model.samples, 1)
            batch.go_to(self.document.model.samples - 1, max(batch.currentIndex().column(), 0))
            return
        sheet = self._sheet_or_target()
        self.document.insert_rows(self.document.row_count, 1)
        column = max(sheet.currentIndex().column(), 0)
        sheet.go_to(self.document.row_count - 1, column)

    def delete_rows(self) -> None:
        """Delete the selected rows (one undo step, even for several runs of rows)."""
        batch = self._batch_view()
        if batch is not None:
            self._delete_samples(batch.selected_rows())
            return
        rows = self._sheet_or_target().selected_rows()
        if not rows:
            return
        try:
            check_rows_removable(len(rows), self.document.row_count)
        except LossguiError as error:
            self.show_notice(error_text(error, language.current_language()))
            return
        runs = _runs(rows)
        with self.document.undo_step(lambda: delete_rows_text(rows)):
            for first, count in reversed(runs):  # from the bottom, so indices stay valid
                self.document.remove_rows(first, count)

    def _delete_samples(self, rows: list[int]) -> None:
        if not rows:
            return
        if len(rows) >= self.document.model.samples:
            self.show_notice(self.tr("Keep at least one sample: a loss needs at least one."))
            return
        samples = len(rows)  # a variable: lupdate does not read a call as the %n argument

        def describe() -> str:
            return QCoreApplication.translate("MainWindow", "Delete %n samples", None, samples)

        with self.document.undo_step(describe):
            for first, count in reversed(_runs(rows)):
                self.document.remove_samples(first, count)

    def add_prediction(self) -> None:
        """Add a blank prediction column and go to its first cell."""
        column = self.document.add_prediction()
        view = self.prediction_view
        view.setFocus()
        view.go_to(0, column - 1)

    def _current_prediction(self) -> int:
        """The document column of the current prediction (the first if none is current)."""
        return max(self.prediction_view.currentIndex().column(), 0) + 1

    def remove_prediction(self) -> None:
        """Remove the current prediction column."""
        try:
            self.document.remove_prediction(self._current_prediction())
        except LossguiError as error:
            self.show_notice(error_text(error, language.current_language()))

    def rename_prediction(self) -> None:
        """Ask for a new name of the current prediction."""
        self._rename_column(self._current_prediction())

    def _rename_column(self, column: int) -> None:
        if column == TARGET:
            self.show_notice(self.tr("The target keeps the name it came with; only predictions "
                                     "can be renamed."))
            return
        old = self.document.names[column]
        name = self.ask_text(self.tr("Rename prediction"),
                             self.tr("New name for %1:").replace("%1", old), old)
        if name is None:
            return
        try:
            self.document.rename_prediction(column, name)
        except LossguiError as error:
            self.show_notice(error_text(error, language.current_language()))

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        """Ask for one line of text; None if cancelled (tests replace this)."""
        return ask(line_dialog(self, title, label, text))

    def set_gradient_mode(self, on: bool) -> None:
        """Show −∂E/∂y instead of the contributions."""
        self.plot_panel.set_gradient_mode(on)
        self.show_contributions()  # Ctrl+G on another tab would otherwise change nothing seen

    def focus_loss(self) -> None:
        """Move the keyboard focus to the loss selector."""
        self.loss_panel.selector.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_target(self) -> None:
        """Move the keyboard focus to the target table."""
        view = self.batch_sheet.target_view if self.document.is_batch else self.target_view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_predictions(self) -> None:
        """Move the keyboard focus to the predictions table."""
        if self.document.is_batch:
            current = self.batch_sheet.tabs.currentWidget()
            if current is not None:
                current.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.prediction_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.prediction_view.currentIndex().isValid():
            row = max(self.target_view.currentIndex().row(), 0)
            self.prediction_view.go_to(row, 0)

    def focus_results(self) -> None:
        """Move the keyboard focus to the totals."""
        self.results.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_path(self, path: str) -> bool:
        """Open a data CSV or a session (see files.py); on failure say why and keep the data."""
        return self.files.open_path(path)

    def new_data(self) -> None:
        """File ▸ New: a blank t and y1 of NEW_ROWS rows (blank is missing, never 0), under the
        loss chosen last, to type one's own data (round-7 tester: there was no New)."""
        if not self.files.maybe_save():
            return
        blank = np.full(NEW_ROWS, np.nan)
        self.document.replace([TARGET_NAME, "y1"], [blank, blank.copy()],
                              self.files.loss_for_data())
        self.files.name_hint = "lossgui"
        self.files.set_source(self.tr("New data"))
        self.target_view.go_to(0, 0)
        self.target_view.setFocus()
        self.show_status(self.tr("New data: type t and each y, or paste them (Ctrl+V); Data ▸ "
                                 "Add Prediction adds a y"), 15000)

    def load_named_example(self, key: str) -> None:
        """Replace the data with an example from the Examples menu (clears the undo history)."""
        if not self.files.maybe_save():
            return
        self.notice.dismiss()  # other data: what was said about the old is old news
        example = load_example(self.document, key)
        self.example_key = key
        self.files.name_hint = key  # "logits_batch.lossgui.json", not "lossgui.lossgui.json"
        self.files.set_source(example.translated_title())
        if example.data.learning is not None:  # a lesson: its learning rate, and what to do
            self.learn_panel.start_lesson(*example.data.learning)
            self.show_notice(example.translated_tip(), lasting=True)

    def show_contributions(self) -> None:
        """Bring the contributions plot to the front."""
        self.plot_tabs.setCurrentWidget(self.plot_panel)

    def show_curve(self) -> None:
        """Bring the curve of element k to the front."""
        self.plot_tabs.setCurrentWidget(self.curve_panel)

    def show_conventions(self) -> None:
        """Bring "other tools" to the front."""
        self.plot_tabs.setCurrentWidget(self.conventions_panel)

    def show_steps(self) -> None:
        """Bring the loss over the steps of learning to the front."""
        self.plot_tabs.setCurrentWidget(self.steps_plot)

    def _build_context_menus(self) -> None:
        """Right-click menus with the window's own actions (one table of actions, no copies)."""
        actions = self.action_map
        cells = [actions[k] for k in ("cut", "copy", "paste", "clear")]
        rows = [actions[k] for k in ("insert_row", "append_row", "delete_rows")]
        for view in (self.target_view, self.prediction_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, view=view: self._popup(view.viewport().mapToGlobal(pos),
                                                   [*cells, None, *rows]))
        header = self.prediction_view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        plot = self.plot_panel.plot
        plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        plot.setMenuEnabled(False)  # pyqtgraph's own menu, in English only, gives way to ours
        plot.customContextMenuRequested.connect(
            lambda pos: self._popup(plot.mapToGlobal(pos), [
                actions["reset_zoom"], actions["copy_plot"], actions["export_plot"]]))
        first_run = self.settings.value("ui/first_run_hint_done") not in (True, "true")
        self._hint_pending = first_run
        if first_run:
            self.first_run_hint.set_text(self.tr(
                "New here? Type a number over any cell, or paste a column from a spreadsheet "
                "or a list such as [0.1, 0.7, 0.2]. Help ▸ Short Guide (F1) says more."))
            self.first_run_hint.show()
            self.document.undo_stack.indexChanged.connect(self._first_edit_done)
            # dismissed: as good as done
            self.first_run_hint.close_button.clicked.connect(self._first_edit_done)
            # Other data (an example, a file opened, dropped or recent): the user has found how
            # to bring data in. Left up, the hint stacked over a lesson's instruction (two
            # banners, ~80 px of the plots) and stayed over a batch it says nothing about.
            self.document.replaced.connect(self._first_edit_done)

    def _first_edit_done(self) -> None:
        """The newcomer has edited or brought other data: the first-run hint has done its job,
        for good."""
        if self._hint_pending:
            self._hint_pending = False
            self.first_run_hint.hide()
            self.settings.setValue("ui/first_run_hint_done", True)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.prediction_view.horizontalHeader()
        column = header.logicalIndexAt(pos)
        if column >= 0:  # the clicked column is the one renamed or removed
            row = max(self.prediction_view.currentIndex().row(), 0)
            self.prediction_view.go_to(row, column)
        actions = self.action_map
        self._popup(header.mapToGlobal(pos), [actions["rename_prediction"],
                                              actions["remove_prediction"], None,
                                              actions["add_prediction"]])

    def _popup(self, where: QPoint, actions: list[QAction | None]) -> None:
        menu = QMenu(self)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.last_context_menu = menu  # for tests: what was offered
        menu.popup(where)

    def reset_zoom(self) -> None:
        """View ▸ Reset Zoom: every element of the plot in view again."""
        self.plot_panel.plot.getPlotItem().enableAutoRange()
        self.curve_panel.plot.getPlotItem().enableAutoRange()

    def figure_on_show(self) -> tuple[str, Figure]:
        """The plot tab on show (its name, and the plot as Export Plot draws it afresh): the
        curve, the loss over the steps, else the contributions (Other tools has no plot)."""
        from lossgui.gui.files import plot_export  # pyqtgraph's exporters: on first use

        page = self.plot_tabs.currentWidget()
        if page is self.curve_panel:
            figure = plot_export.curve_figure(self.selection, self.curve_overlay.compared())
        elif page is self.steps_plot:
            figure = plot_export.steps_figure(self.learning, self.steps_plot.log_box.isChecked())
        else:
            page = self.plot_panel
            figure = plot_export.contributions_figure(self.document, self.plot_panel.gradient_mode)
        return self.plot_tabs.tabText(self.plot_tabs.indexOf(page)).replace("&", ""), figure

    def copy_plot(self) -> None:
        """Copy the plot on show as an image."""
        widget = self.plot_tabs.currentWidget()
        QApplication.clipboard().setPixmap(widget.grab())
        self.show_status(self.tr("Copied the plot as an image"), 5000)

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: every key of every action, from the one action table."""
        rows = "".join(f"<tr><td>{html.escape(menu)}</td><td>{html.escape(command)}</td>"
                       f"<td><b>{html.escape(keys)}</b></td></tr>"
                       for menu, command, keys in shortcut_rows(self.action_map))
        tables = self.tr("In the tables: type to replace a cell, F2 to edit it, Enter moves "
                         "down, Tab moves right (after typing in the last column, on to the next "
                         "row's t; otherwise out of the last table); after an edit on the last "
                         "row, typing on adds a row. Delete blanks.")
        self._show_text(self.tr("Keyboard Shortcuts"),
                        f"<table cellspacing=6>{rows}</table><p>{html.escape(tables)}</p>")

    def show_guide(self) -> None:
        """Help ▸ Short Guide: what to do first, in six steps (the last: the Learn bar, named
        as its controls are labelled)."""
        self._show_text(self.tr("Short Guide"), self.tr(
            "<ol><li>Type or paste the target <b>t</b> (正解) in the left table and one or more "
            "predictions <b>y</b> (予測) beside it: one row per element k.</li>"
            "<li>Pick a loss at the top (Ctrl+L); only its parameters are shown.</li>"
            "<li>Read the totals: the lowest is marked ★. Under them the loss is written out "
            "with your numbers.</li>"
            "<li>The plot shows what each element adds to E; Ctrl+G shows −∂E/∂y, the way "
            "learning would move each y. The Curve tab (Ctrl+5) shows one element; click it to "
            "set y.</li>"
            "<li>Red cells have a problem: hover them to read why. Ctrl+Z undoes any edit."
            "</li><li>Watch learning with the Learn bar at the top: <b>Step</b> takes one step "
            "<nobr>y ← y − η·∂E/∂y</nobr> on every prediction, with the <b>Learning rate η</b> "
            "you type; "
            "<b>Run</b> takes one step per frame until <b>Stop</b> or <b>Run at most</b> "
            "steps; <b>Reset</b> puts the predictions back to where learning began. For a loss "
            "on probabilities, <b>Step on</b> ▸ <b>the logits z</b> moves the logits behind y "
            "instead, so y stays a probability. The Loss over steps tab (Ctrl+7) draws E at "
            "every step. Ctrl+Z takes back one Step click, or all the steps of one Run, at a "
            "time (Edit ▸ Undo says how many), and the run goes on from there.</li></ol>"
            "<p>Other tools (Ctrl+6) says "
            "why PyTorch, Keras or scikit-learn give "
            "another number. Right-click a cell, a column header or the plot for more.</p>"))

    def _show_text(self, title: str, text: str) -> None:
        box = TextDialog(title, text, self)
        self.last_help = box  # for tests: the text shown
        box.open()

    def show_about(self) -> None:
        """A short note about the program."""
        QMessageBox.about(
            self, self.tr("About lossgui"),
            self.tr("<p><b>lossgui %1</b> — a loss-function calculator for learning how "
                    "models learn.</p><p>Type or paste a target t and predictions y, pick a loss, "
                    "and see each element's contribution and the direction learning moves y.</p>")
            .replace("%1", __version__),
        )

    # --- settings -------------------------------------------------------------------------------

    def fit_screen(self) -> None:
        """Keep the whole window, title bar and status bar, on the screen's free area.

        1100×700 is the first size; an 800×600 screen (or a restored size from a larger
        monitor) gets the window shrunk and moved inside its available geometry.
        """
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry()
        # The window manager's frame (title bar, borders) around the client area.
        extra_w = max(frame.width() - self.width(), 0) or 8  # a guess until it is shown
        extra_h = max(frame.height() - self.height(), 0) or 32
        width = min(self.width(), free.width() - extra_w)
        height = min(self.height(), free.height() - extra_h)
        self.setMinimumSize(min(self.minimumWidth(), width), min(self.minimumHeight(), height))
        self.resize(width, height)
        x = min(max(frame.x(), free.x()), free.right() - width - extra_w + 1)
        y = min(max(frame.y(), free.y()), free.bottom() - height - extra_h + 1)
        where = QPoint(max(x, free.x()), max(y, free.y()))
        # Moved only when it is not on the free area: before the window manager has framed a
        # new window its frame is its client area, and moving the frame there put each window
        # rebuilt in another language a title bar lower (y = 0, 26, 47).
        if where != frame.topLeft():
            self.move(where)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the screen again once the window manager's frame is known."""
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_screen()
            self._sections_fit.start()

    def restore_settings(self) -> None:
        """Window size, splitters and the plot mode from the previous run; the loss chosen last
        is the one a data file opens under (FileController.loss_for_data), at start too."""
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        for splitter in (self.main_splitter, self.left_splitter):
            state = settings.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray | bytes):
                splitter.restoreState(QByteArray(state))
        # The article at start is shown under its own loss, sse, as every example is: under the
        # last run's softmax_cee its probabilities were read as logits (E = 2.60924, where the
        # README and the article say 0.252).
        self.remembered_loss: str | None = None
        loss_id = settings.value("loss/last")
        if isinstance(loss_id, str):
            try:
                get_loss(loss_id)
            except LossguiError:
                pass  # a loss from a newer version: keep the default
            else:
                self.remembered_loss = loss_id
        if self.files.chosen_loss is None:  # a rebuilt window's controller knows it already
            self.files.chosen_loss = self.remembered_loss
        gradient = settings.value("plot/gradient", False)
        self.set_gradient_mode(is_truth(gradient))

    def save_settings(self) -> None:
        """Remember window size, splitters, the loss and the plot mode."""
        settings = self.settings
        settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.left_splitter):
            settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.files.chosen_loss is not None:  # the user's choice, never an example's loss
            settings.setValue("loss/last", self.files.chosen_loss)
        settings.setValue("plot/gradient", self.plot_panel.gradient_mode)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Offer to save unsaved changes, then save the settings on the way out."""
        if self._replaced:  # the same document lives on in the rebuilt window
            super().closeEvent(event)
            return
        try:
            go_on = self.files.maybe_save()
        except Exception:
            # A bug while saving: the window and its unsaved edits stay; the error is shown
            # (sys.excepthook). Qt would otherwise close on the event it was given.
            event.ignore()
            raise
        if not go_on:
            event.ignore()
            return
        self.save_settings()
        super().closeEvent(event)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, count) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][0] + runs[-1][1] == row:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((row, 1))
    return runs


def _sheet_of(widget: QWidget | None) -> SheetView | None:
    """The table ``widget`` is (or is inside: a cell's editor), if any."""
    while widget is not None:
        if isinstance(widget, SheetView):
            return widget
        widget = widget.parentWidget()
    return None
