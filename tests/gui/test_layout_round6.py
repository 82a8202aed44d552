"""Round-5 screenshot and tester findings on the window's layout and wording (round 6),
driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import (
    WindowFactory,
    choose_space,
    formula_text,
    go_to,
    total_text,
    type_into,
)
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.actions import plain_text
from lossgui.gui.app import build_window
from lossgui.gui.examples import EXAMPLES
from lossgui.gui.main_window import MainWindow


def trigger_example(window: MainWindow, key: str) -> None:
    """Examples ▸ the entry of ``key``, as a click in the menu does."""
    menu = window.menuBar().findChild(QMenu, "menu_examples")
    assert isinstance(menu, QMenu)
    title = EXAMPLES[key].translated_title()
    action = next(a for a in menu.actions() if a.text() == title)
    action.trigger()
    QApplication.processEvents()


# --- shots5 #2: the first-run hint goes with other data ------------------------------------------

@pytest.mark.parametrize("key", ["lesson_sse_cee", "logits_batch"])
def test_loading_an_example_ends_the_first_run_hint_for_good(
    make_window: WindowFactory, settings: QSettings, key: str,
) -> None:
    """Under a lesson the hint and the lesson's instruction stacked (two banners over the
    plots); under a batch the hint stayed. Picking an example shows the user found the data."""
    window = make_window(settings_=settings)
    assert window.first_run_hint.isVisible()
    trigger_example(window, key)
    assert not window.first_run_hint.isVisible()
    if key.startswith("lesson"):
        assert window.notice.isVisible() and window.notice.lasting  # one banner: the lesson's
    assert not make_window(settings_=settings).first_run_hint.isVisible()  # remembered


def test_opening_a_file_ends_the_first_run_hint_for_good(
    make_window: WindowFactory, settings: QSettings, tmp_path: Path,
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("t,y\n0,0.2\n1,0.7\n", encoding="utf-8")
    window = make_window(settings_=settings)
    assert window.first_run_hint.isVisible()
    assert window.open_path(str(path))
    assert not window.first_run_hint.isVisible()
    assert not make_window(settings_=settings).first_run_hint.isVisible()


def test_a_refused_file_leaves_the_first_run_hint(
    make_window: WindowFactory, settings: QSettings, tmp_path: Path, qtbot: QtBot,
) -> None:
    """Nothing new was loaded: the hint still has its job."""
    path = tmp_path / "bad.csv"
    path.write_text("t,y\n0,abc\n", encoding="utf-8")
    window = make_window(settings_=settings)
    assert not window.open_path(str(path))
    assert window.first_run_hint.isVisible()


# --- shots5 #3: no blank gap under the loss's formula ---------------------------------------------

def needed_height(label: QLabel) -> int:
    """What a fresh label with the same text, font and wrapping needs at ``label``'s width."""
    probe = QLabel()
    probe.setWordWrap(label.wordWrap())
    probe.setTextFormat(label.textFormat())
    probe.setTextInteractionFlags(label.textInteractionFlags())
    probe.setFont(label.font())
    probe.setText(label.text())
    return probe.heightForWidth(label.width())


def test_the_loss_panel_labels_shrink_back_after_a_longer_text(window: MainWindow) -> None:
    """After the logits batch (softmax_cee: a 3-line "about"), the lesson's sse kept 3 lines of
    height for 2 lines of text: an ~8-14 px blank gap under the formula. The label's minimum
    height, set to fit its text, went into its own next measure (QLabel's size for a width is
    never below its minimum), so it could only grow."""
    panel = window.loss_panel
    trigger_example(window, "logits_batch")
    longer = panel.about.height()
    trigger_example(window, "lesson_sse_cee")
    assert panel.about.height() < longer
    for label in (panel.formula, panel.about, window.formula_panel.formula):
        assert label.minimumHeight() == needed_height(label), label.accessibleName()
        assert label.height() == needed_height(label), label.accessibleName()
    gap = panel.about.geometry().top() - panel.formula.geometry().bottom() - 1
    assert gap == panel.layout().spacing()


# --- shots5 #4: a long Japanese parameter label does not push the other editors -------------------

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_parameter_editor_sits_right_after_its_own_label(
    make_window: WindowFactory, lang: str,
) -> None:
    """日本語 softmax_cee: 「ラベル平滑化 (label_smoothing):」 made the labels' column so wide that
    the reduction box stood far from 「集約方法 (reduction):」 (docs/screenshot-batch-ja.png)."""
    language.install(lang)
    try:
        window = make_window()
        trigger_example(window, "logits_batch")
        panel = window.loss_panel
        for name in ("label_smoothing", "reduction"):
            editor = panel.editor(name)
            label = next(w for w in panel.findChildren(QLabel) if w.buddy() is editor)
            assert label.isVisible() and editor.isVisible()
            left = label.mapTo(panel, label.rect().topRight()).x()
            right = editor.mapTo(panel, editor.rect().topLeft()).x()
            assert 0 < right - left <= 12, (name, right - left)
        reduction = panel.editor("reduction")
        assert reduction.mapTo(panel, reduction.rect().topRight()).x() < panel.width()
    finally:
        language.install(language.ENGLISH)


def test_another_loss_replaces_the_parameter_rows(window: MainWindow) -> None:
    """The rows of the old loss's parameters go: none is left drawn under the new ones."""
    panel = window.loss_panel
    window.document.set_loss("focal")
    QApplication.processEvents()
    window.document.set_loss("mse")
    QApplication.processEvents()
    shown = [w for w in panel.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
    assert [w.text() for w in shown] == ["&Loss:", "reduction:"]


# --- the Short Guide (F1) tells of the Learn bar ------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_short_guide_names_the_learn_bar_as_it_is_labelled(
    qtbot: QtBot, make_window: WindowFactory, lang: str,
) -> None:
    """tester5: F1 said nothing of Step / Run / Reset, η or Step on. Each control is named in
    the guide with the words it carries on the bar, in either language."""
    language.install(lang)
    try:
        window = make_window()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        guide = window.last_help.text()
        panel = window.learn_panel
        labels = {w.buddy(): plain_text(w.text()).rstrip(":") for w in panel.findChildren(QLabel)
                  if w.buddy() is not None}
        named = [plain_text(panel.step_button.text()), plain_text(panel.run_button.text()),
                 plain_text(panel.reset_button.text()), labels[panel.lr_edit],
                 labels[panel.space_box], labels[panel.cap_box],
                 panel.space_box.itemText(panel.space_box.findData("logits"))]
        for words in named:
            assert f"<b>{words}</b>" in guide, words
        stop = panel.tr("St&op")
        assert f"<b>{plain_text(stop)}</b>" in guide
        tab = window.plot_tabs.tabText(window.plot_tabs.indexOf(window.steps_plot))
        assert plain_text(tab) in guide and "Ctrl+7" in guide
        assert "y ← y − η·∂E/∂y" in guide  # the step the Step button takes (its tooltip)
        assert "y ← y − η·∂E/∂y" in panel.step_button.toolTip()
        window.last_help.close()
    finally:
        language.install(language.ENGLISH)


# --- shots5 #6 / tester5: the steps header names what the Step-on box says ---------------------

@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("loss", "space", "symbol"), [
    ("cee", "logits", "σ"), ("bce", "logits", "σ"), ("softmax_cee", "input", None),
    ("sse", "input", None)])
def test_the_steps_header_begins_with_the_step_on_box_words(
    qtbot: QtBot, make_window: WindowFactory, lang: str, loss: str, space: str,
    symbol: str | None,
) -> None:
    """日本語: the header said 「y = softmax(z) の裏にあるロジット z で進めます」 beside the box's
    「ロジット z」; under softmax_cee "the logits z, this loss's own input" beside "z itself"."""
    language.install(lang)
    try:
        window = make_window(loss=loss)
        if space == "logits":
            choose_space(qtbot, window, "logits")
        panel = window.learn_panel
        qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        header = panel.status.text().splitlines()[0]
        said = header.split("(", 1)[1]  # "Step 1 (…): E = …", 「ステップ 1(…): E = …」
        box = panel.space_box.currentText()
        assert said.startswith(("steps on " if lang == "en" else "") + box), header
        if lang == "ja":  # the box's words, then the verb (after Latin z, a space)
            assert said[len(box):].lstrip().startswith("で進めます"), header
        if symbol is not None:
            assert f"y = {symbol}(z)" in said
    finally:
        language.install(language.ENGLISH)


# --- steps5: Loss over steps says in the plot why it is empty ----------------------------------

def test_loss_over_steps_says_in_the_plot_that_e_is_unknown(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """A blank t left the plot of the new run empty; only the line above it said why. Now
    the plot says it, centred (the run before stays drawn, faded)."""
    panel, plot = window.learn_panel, window.steps_plot
    for _ in range(3):
        qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.plot_tabs.currentWidget() is plot
    QApplication.processEvents()
    assert not plot.unknown.isVisible()
    go_to(window.target_view, 0, 0)
    qtbot.keyClick(window.target_view, Qt.Key.Key_Delete)  # t₁ blank: E is unknown
    qtbot.wait(10)
    QApplication.processEvents()
    assert plot.unknown.isVisible()
    said = plot.unknown.toPlainText()
    assert f"E = {total_text(window, 0)}:" in said and "nothing to draw" in said  # as the totals
    box = plot.plot.getPlotItem().getViewBox()
    centre = box.boundingRect().center()
    assert (plot.unknown.pos() - centre).manhattanLength() < 1
    assert any(line.yData is not None and len(line.yData) == 4 for line in plot.earlier_lines)
    type_into(qtbot, window.target_view, 0, 0, "0")  # filled again: E is drawn, nothing said
    qtbot.wait(10)
    QApplication.processEvents()
    assert not plot.unknown.isVisible()
    assert window.steps_plot.points.data.size == 2  # the two step-0 points


def test_an_empty_loss_over_steps_gets_the_first_frame_back(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """With nothing drawn at all, the plot kept the frame of the E's it had (0.2–2.1)."""
    plot = window.steps_plot
    window.show_steps()
    QApplication.processEvents()
    go_to(window.target_view, 0, 0)
    qtbot.keyClick(window.target_view, Qt.Key.Key_Delete)
    qtbot.wait(10)
    QApplication.processEvents()
    assert plot.unknown.isVisible()
    (x_low, x_high), (y_low, y_high) = plot.plot.getPlotItem().getViewBox().viewRange()
    assert (x_low, x_high) == pytest.approx((0, 10), abs=0.5)
    assert (y_low, y_high) == pytest.approx((-0.05, 1.05), abs=0.01)  # 0–1, padded


# --- tester6 #9: at 800×600 a lesson's instruction is read whole --------------------------------

@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", [(800, 600), (1100, 700)])
def test_a_lessons_instruction_is_shown_whole_where_the_plots_have_room(
    qtbot: QtBot, make_window: WindowFactory, lang: str, size: tuple[int, int],
) -> None:
    """日本語 at 800×600: the banner showed 3–4 of the lesson's 6 lines and had to be scrolled,
    over a plot 360 px tall. It may take a quarter of the plot side; the plots keep the rest
    and the tables all five rows."""
    language.install(lang)
    try:
        window = make_window()
        window.resize(*size)
        trigger_example(window, "lesson_lr")
        for _ in range(3):
            qtbot.wait(20)
            QApplication.processEvents()
        banner, label = window.notice, window.notice_label
        area = banner.area
        assert banner.isVisible() and area.verticalScrollBar().maximum() == 0, \
            (area.height(), label.height())
        assert area.viewport().height() >= label.heightForWidth(label.width())
        assert banner.height() <= window.right_pane.height() // 4 + 10
        assert window.plot_tabs.height() >= 250
        view = window.target_view
        assert view.viewport().height() >= 5 * view.rowHeight(0)
    finally:
        language.install(language.ENGLISH)


def test_a_passing_notice_keeps_to_three_lines(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Only a lesson's lasting instruction may take more: over a batch at 800×600 the plots
    have little room to give."""
    window = make_window()
    window.resize(800, 600)
    window.show_notice(" ".join(["A long passing notice that wraps."] * 30))
    for _ in range(3):
        qtbot.wait(20)
        QApplication.processEvents()
    banner = window.notice
    assert not banner.lasting
    assert banner.area.height() == banner.most_height() < window.right_pane.height() // 4
    assert banner.area.verticalScrollBar().maximum() > 0  # the rest scrolls


# --- tester6 minor: under de_DE every number reads with the decimal comma the cells use ---------

@pytest.fixture
def german_window(make_window: WindowFactory) -> MainWindow:
    """A window under de_DE (conftest puts English back after the test)."""
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    return make_window()


def test_the_written_out_formula_uses_the_decimal_comma(
    qtbot: QtBot, german_window: MainWindow,
) -> None:
    """The cells, η and the totals read 0,01 and 0,252; the formula under them read
    (0.01−0)² … = 0.252."""
    window = german_window
    assert window.prediction_view.model().index(0, 0).data() == "0,01"
    text = formula_text(window.formula_panel)
    assert text.startswith("(0,01−0)² + (0,65−1)²") and text.endswith("= 0,252"), text
    assert "." not in text.replace("·", "")
    window.document.set_loss("hinge")  # arguments are parted by ";": max(0; 0,5) is two numbers
    QApplication.processEvents()
    text = formula_text(window.formula_panel)
    assert "max(0; 1−(−1)·0,01)" in text, text
    assert "max(0; 1 − tₖ·yₖ)" in window.loss_panel.formula.text()  # the loss's own formula too


def test_the_plot_axes_and_read_outs_use_the_decimal_comma(
    qtbot: QtBot, german_window: MainWindow,
) -> None:
    window = german_window
    for plot in (window.plot_panel.plot, window.curve_panel.plot, window.steps_plot.plot):
        axis = plot.getPlotItem().getAxis("left")
        assert axis.tickStrings([0.5, 1.0], 1.0, 0.5) == ["0,5", "1,0"]
    qtbot.mouseClick(window.learn_panel.step_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    status = window.learn_panel.status.text()
    assert "E = y1 0,16128, y2 1,32166" in status, status
    assert "y1 E = 0,16128" in window.steps_plot.show_step(1)
    window.steps_plot.log_box.setChecked(True)  # log labels too
    axis = window.steps_plot.plot.getPlotItem().getAxis("left")
    assert all("." not in s for s in axis.tickStrings([-1.0, -0.5, 0.0], 1.0, 0.5))


# --- tester7 #6: a refused learning rate's notice goes when a good one is taken -------------------

def type_rate(qtbot: QtBot, window: MainWindow, text: str, enter: bool = True) -> None:
    """Type ``text`` over the learning rate, as a user does (Enter to take it)."""
    field = window.learn_panel.lr_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)

def test_a_good_learning_rate_clears_the_refusal_of_the_last(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """'0,5' refused, then 0.2 typed and taken: the refusal stayed in the yellow bar."""
    type_rate(qtbot, window, "0,5")
    assert window.notice.isVisible() and "'0,5'" in window.notice_label.text()
    window.target_view.setFocus()  # leaving the field with the rate put back: no new rate
    QApplication.processEvents()
    assert window.notice.isVisible()
    type_rate(qtbot, window, "0.2")
    assert window.learning.lr == 0.2
    assert not window.notice.isVisible()


# --- tester7 #2: the article at start is under its own loss ---------------------------------------

def test_at_start_the_article_is_shown_under_sse_and_a_csv_under_the_last_loss(
    qtbot: QtBot, make_window: WindowFactory, settings: QSettings, tmp_path: Path,
) -> None:
    """After a session that ended on softmax_cee the article opened under it (E = 2.60924: its
    probabilities read as logits) where the README promises sse's 0.252. A CSV names no loss:
    it opens under the last one, as File ▸ Open keeps the loss a running window has."""
    first = make_window(settings_=settings)
    selector = first.loss_panel.selector
    selector.setCurrentIndex(selector.findData("softmax_cee"))
    QApplication.processEvents()
    first.close()
    article, problem = build_window(None, settings)
    qtbot.addWidget(article)
    assert problem is None and article.document.loss_id == "sse"
    assert total_text(article, 0) == "0.252"
    path = tmp_path / "mine.csv"
    path.write_text("t,y\n0,0.2\n1,0.7\n", encoding="utf-8")
    opened, problem = build_window(str(path), settings)
    qtbot.addWidget(opened)
    assert problem is None and opened.document.loss_id == "softmax_cee"
    assert opened.loss_panel.selector.currentData() == "softmax_cee"
    assert not opened.document.undo_stack.canUndo()  # not an edit


# --- tester7 #5: with no sample's loss known, the bars say "?" on a readable axis -----------------

def test_with_every_sample_unknown_the_bars_show_a_question_mark_each(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """Every class index blank: the plot showed ticks 0, −5e−306, −1e−305 and no "?" (they sat
    above a frame of nothing)."""
    trigger_example(window, "logits_batch")
    view = window.batch_sheet.target_view
    view.setFocus()
    for sample in range(4):
        view.setCurrentIndex(view.model().index(sample, 0))
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    QApplication.processEvents()
    panel = window.batch_panel
    box = panel.plot.getPlotItem().getViewBox()
    low, high = box.viewRange()[1]
    assert low <= 0 < 0.5 <= high  # a frame in which "?" at 0 is seen
    labels = [label for label in panel.unknown_labels if label.isVisible()]
    assert [label.toPlainText() for label in labels] == ["?"] * 4
    for label in labels:
        assert box.viewRect().contains(label.pos())
    type_into(qtbot, view, 0, 0, "1")  # sample 1 known again: its bar is framed by itself
    QApplication.processEvents()
    assert all(box.autoRangeEnabled())


# --- tester7 7b: a batch cell shows the digits that fit, never "0.002…" ---------------------------

def drawn_text(view: QTableView, row: int, column: int) -> str:
    """The text the view's delegate draws in a cell (its style option, as paint gets it)."""
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegate().initStyleOption(option, index)
    return option.text


def test_a_batch_cell_is_drawn_with_the_digits_its_column_fits(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """A pasted torch print (-0.90945312, 0.0021497351) and the values after a Step were cut
    to "-0.909…" and "0.002…" in the batch's 58 px columns; the cell now rounds to its width,
    as a spreadsheet does. The editor, the tooltip and Copy keep the exact value."""
    trigger_example(window, "logits_batch")
    view = window.batch_sheet.tabs.currentWidget()
    assert isinstance(view, QTableView)
    type_into(qtbot, view, 0, 0, "0.0021497351")
    type_into(qtbot, view, 1, 0, "-0.90945312")
    for row, wanted in ((0, 0.0021497351), (1, -0.90945312)):
        shown = drawn_text(view, row, 0)
        assert "…" not in shown
        room = view.columnWidth(0) - 4
        assert view.fontMetrics().horizontalAdvance(shown) <= room, shown
        assert float(shown) == pytest.approx(wanted, rel=1e-3)  # as many digits as fit
        index = view.model().index(row, 0)
        assert float(index.data(Qt.ItemDataRole.EditRole)) == wanted  # the editor: exact
    qtbot.mouseClick(window.learn_panel.step_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    for row in range(4):
        for column in range(3):
            assert "…" not in drawn_text(view, row, column)


def test_the_cap_notice_and_the_lesson_are_read_whole_at_the_first_size(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """tester7 7c: after a Run stopped at its cap, "Run stopped at its cap…" above the lesson's
    instruction needed scrolling at 1100×700 (three lines were all a bar could show)."""
    trigger_example(window, "lesson_sse_cee")
    panel = window.learn_panel
    panel.cap_box.setValue(3)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.learning.running, timeout=5000)
    for _ in range(3):
        qtbot.wait(20)
        QApplication.processEvents()
    banner = window.notice
    assert banner.lasting and "cap" in window.notice_label.text()
    assert banner.area.verticalScrollBar().maximum() == 0
    assert banner.area.viewport().height() >= window.notice_label.heightForWidth(
        window.notice_label.width())


def test_a_batch_of_four_classes_keeps_its_loss_column_in_sight(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """tester7 7b: pasting a fourth class into the logits batch pushed the loss column behind
    the table's scroll bar."""
    trigger_example(window, "logits_batch")
    view = window.batch_sheet.tabs.currentWidget()
    assert isinstance(view, QTableView)
    QApplication.clipboard().setText("1\t2\t3\t4\r\n5\t6\t7\t8\r\n")
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.wait(20)
        QApplication.processEvents()
    assert window.document.model.elements == 4
    header = view.horizontalHeader()
    loss = header.count() - 1
    assert header.sectionViewportPosition(loss) + header.sectionSize(loss) \
        <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_a_single_line_in_loss_over_steps_has_no_legend_row(
    qtbot: QtBot, window: MainWindow,
) -> None:
    """tester6 #9 / tester7: at 800×600 under a batch's bars the steps plot kept ~16 px, a
    legend row naming its one line (the header names it too) taking the rest."""
    legend = window.steps_plot.legend
    window.show_steps()
    QApplication.processEvents()
    assert legend.isVisible()  # the article: y1 and y2
    trigger_example(window, "lesson_sse_cee")  # one prediction
    window.show_steps()
    QApplication.processEvents()
    assert not legend.isVisible()
    panel = window.learn_panel
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert legend.isVisible() and len(legend.items) == 2  # y and "y earlier (…)"


# --- tester8 #2, #6: a bad η left for Step or Run takes no step; a good one clears the bar

@pytest.mark.parametrize("button", ["step", "run"])
def test_a_bad_learning_rate_left_for_step_or_run_takes_no_step(
    qtbot: QtBot, window: MainWindow, button: str,
) -> None:
    """'abc' typed in η, then a click on Step (or Run) without Enter: it stepped at the old
    0.1 and the step's undo entry hid the refusal at once. Now the refusal shows, no step."""
    panel = window.learn_panel
    before = window.document.column(1).copy()
    field = panel.lr_edit
    type_rate(qtbot, window, "abc", enter=False)
    clicked = panel.step_button if button == "step" else panel.run_button
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert window.notice.isVisible() and "'abc'" in window.notice_label.text()
    assert window.learning.step_count == 0 and not window.learning.running
    assert (window.document.column(1) == before).all()
    assert field.text() == "0.1"
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)  # now a click steps
    assert window.learning.step_count == 1


def test_a_good_learning_rate_clears_the_status_bar_too(
    qtbot: QtBot, window: MainWindow,
) -> None:
    type_rate(qtbot, window, "0,5")
    assert "'0,5'" in window.statusBar().currentMessage()
    type_rate(qtbot, window, "0.2")
    assert window.statusBar().currentMessage() == ""
