"""Round-4 tester's layout findings (1, 5, 8 and smaller ones), driven through the real widgets.

Geometry is read from the widgets (viewports, row heights, column widths); numbers in cells are
the core's, drawn by core.numbers.cell_shown and edited as core.numbers.cell_text.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from gui_helpers import WindowFactory, go_to, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from lossgui.core.numbers import cell_shown, cell_text, shown
from lossgui.gui import language
from lossgui.gui.main_window import MainWindow


def columns_in_sight(view: QTableView) -> bool:
    """Every column of ``view`` lies wholly inside its viewport (nothing to scroll sideways to)."""
    header = view.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c)
                for c in range(header.count()))
    return right <= view.viewport().width() and not view.horizontalScrollBar().isVisible()


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    QApplication.processEvents()


# --- finding 5: learned values are drawn short, and columns fit them again after Reset ----------

def test_learned_values_are_drawn_short_and_reset_gives_the_columns_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, model = window.prediction_view, window.prediction_view.model()
    widths = [view.columnWidth(c) for c in range(model.columnCount())]
    assert columns_in_sight(view)
    for _ in range(2):
        click(qtbot, window.learn_panel.step_button)
    value = window.document.value(2, 1)  # y1 of element 3 after two steps: 0.0832…0001
    assert cell_text(value) == "0.08320000000000001"  # the float's rounding tail
    index = model.index(2, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == cell_shown(value) == "0.0832"
    assert index.data(Qt.ItemDataRole.EditRole) == cell_text(value)  # the editor: exact
    assert cell_text(value) in index.data(Qt.ItemDataRole.ToolTipRole)
    go_to(view, 2, 0)
    view.copy()
    assert QApplication.clipboard().text().strip() == cell_text(value)  # Copy: exact too
    assert columns_in_sight(view)  # y2 stays in view, no sideways scroll bar
    click(qtbot, window.learn_panel.reset_button)
    assert [view.columnWidth(c) for c in range(model.columnCount())] == widths


def test_a_step_that_widens_a_column_narrows_it_again_at_reset(
    qtbot: QtBot, window: MainWindow
) -> None:
    """η = 3 throws y1 to 2.7499999999999996, drawn 2.75; Reset gives the old widths back."""
    view, model = window.prediction_view, window.prediction_view.model()
    widths = [view.columnWidth(c) for c in range(model.columnCount())]
    window.learn_panel.set_lr_text("3")
    click(qtbot, window.learn_panel.step_button)
    shown = [model.index(r, c).data() for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert "2.75" in shown and all(len(text) <= 12 for text in shown)
    assert columns_in_sight(view)
    click(qtbot, window.learn_panel.reset_button)
    assert [view.columnWidth(c) for c in range(model.columnCount())] == widths


def test_probabilities_beside_logits_are_drawn_short(
    qtbot: QtBot, window: MainWindow
) -> None:
    """softmax_cee on the article: softmax(y1) read 0.1395095… and pushed y2 out of sight."""
    window.resize(1100, 700)  # the size a first start opens at
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("softmax_cee"))
    QApplication.processEvents()
    probabilities = window.probability_view
    index = probabilities.model().index(0, 0)
    exact = index.data(Qt.ItemDataRole.ToolTipRole)
    assert len(exact) > 12 and index.data() == shown(float(exact))  # computed: as a total
    assert columns_in_sight(window.prediction_view)  # y2 is not squeezed out by them
    assert probabilities.viewport().width() >= probabilities.columnWidth(0)  # they scroll


def test_a_whole_column_of_short_numbers_narrows_a_widened_column(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A cell edit only widens; new numbers in every row fit the column to them again."""
    view = window.prediction_view
    default = view.horizontalHeader().defaultSectionSize()
    type_into(qtbot, view, 2, 0, "-2.2250738585072014e-308")  # drawn -2.225073859e-308
    wide = view.columnWidth(0)
    assert wide > default
    type_into(qtbot, view, 2, 0, "0.5")  # typing a short value: no jump under the keys
    assert view.columnWidth(0) == wide
    go_to(view, 0, 0)
    view.paste_text("0.1\r\n0.2\r\n0.3\r\n0.4\r\n0.5\r\n")  # every row of y1 anew
    assert view.columnWidth(0) == default


# --- findings 1 and 8: the lesson's banner is read whole, and the tables keep their rows -------

ARTICLE_ROWS = 5


@pytest.fixture(params=["en", "ja"])
def language_window(request: pytest.FixtureRequest, make_window: WindowFactory
                    ) -> Iterator[MainWindow]:
    """A window built in ``en`` or ``ja``, as a saved language builds it."""
    language.install(request.param)
    try:
        yield make_window()
    finally:
        language.install(language.ENGLISH)


def settle(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(3):  # the sections are fitted once laid out (deferred timers)
        qtbot.wait(20)
        QApplication.processEvents()


def rows_in_sight(view: QTableView) -> float:
    return view.viewport().height() / view.rowHeight(0)


def assert_banner_read_whole(qtbot: QtBot, window: MainWindow) -> None:
    """Every line of the notice is either in sight or reached by its scroll bar, none cut."""
    banner = window.notice
    assert banner.isVisible()
    assert banner.visibleRegion().boundingRect() == banner.rect()  # nothing clipped outside
    label = window.notice_label
    assert label.height() >= label.heightForWidth(label.width())  # the label has all its lines
    area = banner.findChild(QScrollArea)
    assert area is not None  # a long text has somewhere to scroll
    bar, viewport = area.verticalScrollBar(), area.viewport().height()
    if bar.maximum() == 0:
        assert viewport >= label.height()
    else:  # longer than the bar: it scrolls to the last line
        assert bar.isVisible() and bar.maximum() == label.height() - viewport


@pytest.mark.parametrize("size", [(1100, 700), (800, 600)])
def test_a_lessons_banner_is_read_whole_and_the_tables_keep_their_rows(
    qtbot: QtBot, language_window: MainWindow, size: tuple[int, int]
) -> None:
    """日本語, Examples ▸ ちょうどよい学習率と大きすぎる学習率: the banner was cut top and bottom
    with no scroll bar, and t/y shrank to 1½ rows."""
    window = language_window
    settle(qtbot, window, size)
    window.load_named_example("lesson_lr")
    settle(qtbot, window, size)
    assert_banner_read_whole(qtbot, window)
    assert rows_in_sight(window.target_view) >= ARTICLE_ROWS
    assert rows_in_sight(window.prediction_view) >= ARTICLE_ROWS
    window.learn_panel.set_lr_text("3")  # a step far too large: learning says so too
    click(qtbot, window.learn_panel.step_button)
    settle(qtbot, window, size)
    assert rows_in_sight(window.target_view) >= ARTICLE_ROWS


@pytest.mark.parametrize("size", [(1100, 700), (800, 600)])
def test_the_tables_get_the_room_the_other_panels_do_not_need(
    qtbot: QtBot, language_window: MainWindow, size: tuple[int, int]
) -> None:
    """800×600: 2½ of the article's 5 rows (1½ in 日本語) beside free room under the formula;
    at the first size in 日本語, 4½."""
    window = language_window
    settle(qtbot, window, size)
    assert rows_in_sight(window.target_view) >= ARTICLE_ROWS
    formula = window.formula_panel
    assert formula.height() <= formula.heightForWidth(formula.width()) + 2  # no empty band



# --- smaller points ----------------------------------------------------------------------------

def test_fitting_the_screen_leaves_a_window_on_it_where_it_is(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each View ▸ Language switch put the window a title bar lower (y = 0, 26, 47): the rebuilt
    window, not yet framed, was moved so that its frame took its client area's place."""
    moves: list[object] = []
    monkeypatch.setattr(window, "move", lambda *where: moves.append(where))
    free = window.screen().availableGeometry()
    window.resize(min(600, free.width()), min(400, free.height()))
    window.fit_screen()  # inside the free area already
    assert moves == []


def test_every_choice_of_step_on_is_read_whole(
    qtbot: QtBot, language_window: MainWindow
) -> None:
    """English showed "the logits behi" in the closed box."""
    window = language_window
    box = window.learn_panel.space_box
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("cee"))  # a loss whose y has logits behind it
    QApplication.processEvents()
    for index in range(box.count()):
        box.setCurrentIndex(index)
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        text_room = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, box).width()
        assert box.fontMetrics().horizontalAdvance(box.currentText()) <= text_room, \
            box.currentText()


def test_the_other_languages_name_of_the_loss_says_which_it_is(
    language_window: MainWindow
) -> None:
    """日本語 showed "Softmax cross-entropy · 入力 …", read as a string left in English."""
    first = language_window.loss_panel.about.text().split("\n")[0]
    if language.is_japanese():
        assert first == "英語名: Sum of squared error · 入力: 実数"
    else:
        assert first == "Japanese: 2乗和誤差 · expects real numbers"


def test_every_plot_tab_is_in_sight_at_800_by_600(
    qtbot: QtBot, language_window: MainWindow
) -> None:
    """"Loss over steps" was cut off behind the tab bar's scroll arrows."""
    window = language_window
    settle(qtbot, window, (800, 600))
    window.main_splitter.setSizes([400, 400])  # as a first start on an 800×600 screen splits
    settle(qtbot, window, (800, 600))
    bar = window.plot_tabs.tabBar()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert arrows == []


def test_a_batch_of_very_many_classes_opens_without_a_qt_warning(
    window: MainWindow, qtlog: object
) -> None:
    """Opening a 10⁶-row file printed "QWidget::setMaximumSize: (/BatchView) The largest allowed
    size is (16777215,16777215)": the target's batch table asked to be as wide as its K columns.
    (A vector no longer reaches the batch tables; a batch of 2 samples × 500 000 classes does.)"""
    classes = 500_000  # × 35 px per one-hot column: past Qt's 16777215
    t = np.zeros((2, classes))
    t[:, 1] = 1.0
    window.document.replace(["t", "y1"], [t, np.full((2, classes), 1 / classes)])
    QApplication.processEvents()
    assert window.document.is_batch
    warnings = [r.message for r in qtlog.records  # type: ignore[attr-defined]
                if "setMaximumSize" in r.message or "largest allowed" in r.message]
    assert warnings == []


def test_a_lessons_instruction_stays_while_its_steps_are_taken(
    qtbot: QtBot, window: MainWindow
) -> None:
    """"Run at 0.1, then Reset, set 1.1 and Run again": the banner went at the first Step."""
    window.load_named_example("lesson_lr")
    tip = window.notice_label.text()
    click(qtbot, window.learn_panel.step_button)
    click(qtbot, window.learn_panel.reset_button)
    assert window.notice.isVisible() and window.notice_label.text() == tip
    type_into(qtbot, window.prediction_view, 1, 0, "abc")  # a refusal goes above it …
    assert window.notice_label.text().startswith("y1, element 2: 'abc' is not a number")
    assert window.notice_label.text().endswith(tip)
    type_into(qtbot, window.prediction_view, 1, 0, "0.6")  # … and with the next edit
    assert window.notice.isVisible() and window.notice_label.text() == tip
    window.load_named_example("lesson_lr")
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.load_named_example("article")  # other data: the lesson's words are old news
    assert not window.notice.isVisible()


def test_a_runs_message_goes_above_the_lessons_instruction_which_stays(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its cap's "press Run to go on" replaced "… then Reset, set 1.1 and Run again" (tester6,
    finding 8): the instruction could not be read again without loading the lesson anew."""
    window.load_named_example("lesson_lr")
    tip = window.notice_label.text()
    window.learn_panel.cap_box.setValue(5)
    click(qtbot, window.learn_panel.run_button)
    qtbot.waitUntil(lambda: not window.learning.running)
    text = window.notice_label.text()
    assert "cap of 5 steps" in text and text.endswith(tip)
    click(qtbot, window.notice.close_button)  # × forgets it, lesson and all
    assert not window.notice.isVisible()
    window.show_notice("something else")
    assert window.notice_label.text() == "something else"

