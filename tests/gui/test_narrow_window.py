"""An 800×600 window in English and in 日本語: the Learn tool bar and the table headers fit
(round-3 tester, finding 12: a » chevron hid "Run at most", "oftmax(予測A" was cut)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import WindowFactory
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

SMALL = (800, 600)  # the smallest screen the README promises


@pytest.fixture(params=["en", "ja"])
def small_window(request: pytest.FixtureRequest, make_window: WindowFactory
                 ) -> Iterator[MainWindow]:
    """A window built in ``en`` or ``ja`` (as a saved language builds it), at 800×600."""
    language.install(request.param)
    try:
        window = make_window()
        window.resize(*SMALL)
        QApplication.processEvents()
        yield window
    finally:
        language.install(language.ENGLISH)


def whole_inside(widget: QWidget, outer: QWidget) -> bool:
    """Whether ``widget`` is shown at its full size inside ``outer``."""
    rect = QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size())
    return widget.isVisible() and outer.rect().contains(rect)


def test_the_learn_tool_bar_fits_an_800_pixel_window(small_window: MainWindow) -> None:
    bar = small_window.learn_panel
    assert bar.width() <= SMALL[0]
    # every control at its preferred size: nothing squeezed, nothing behind the » button
    assert bar.sizeHint().width() <= bar.width()
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if widget is not None:
            assert whole_inside(widget, bar), action
            assert widget.width() >= min(widget.sizeHint().width(), widget.maximumWidth())


def test_the_probability_headers_are_whole(small_window: MainWindow) -> None:
    """softmax(予測A) was cut to "oftmax(予測A" in a column sized for numbers."""
    window = small_window
    window.load_named_example("logits")
    window.document.rename_prediction(1, "予測A")
    window.document.rename_prediction(2, "予測B")
    QApplication.processEvents()
    view = window.probability_view
    header = view.horizontalHeader()
    assert view.isVisible() and header.count() == 2
    texts = [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(2)]
    assert [t.replace("\n", "") for t in texts] == ["softmax(予測A)", "softmax(予測B)"]
    for section in range(2):
        assert header.sectionSize(section) >= header.sectionSizeFromContents(section).width()
    # squeezed, the view scrolls but shows a whole column; its rows stay level with y's
    assert view.viewport().width() >= header.sectionSize(0)
    assert view.maximumWidth() == header.length() + 2 * view.frameWidth()
    assert header.height() == window.prediction_view.horizontalHeader().height()
    assert whole_inside(view, window)


def test_a_short_probability_header_stays_on_one_line(make_window: WindowFactory) -> None:
    window = make_window()
    window.load_named_example("logits")
    model = window.probability_view.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "softmax(y1)"
    header = window.probability_view.horizontalHeader()
    assert header.sectionSize(0) >= header.sectionSizeFromContents(0).width()


def test_a_one_hot_target_of_a_few_classes_shows_every_class_whole(
    small_window: MainWindow,
) -> None:
    """The batch's one-hot t showed "t[0]  t[" (round-3 tester): its columns are as narrow as
    their headers and a probability, and the table as wide as all of them."""
    window = small_window
    window.load_named_example("logits_batch")
    window.document.use_class_indices(False)
    QApplication.processEvents()
    view = window.batch_sheet.target_view
    header = view.horizontalHeader()
    assert header.count() == 3
    for section in range(3):
        assert header.sectionSize(section) >= header.sectionSizeHint(section)
        assert view.fontMetrics().horizontalAdvance("0.25") < header.sectionSize(section)
    assert view.viewport().width() >= header.length()
    z = window.batch_sheet.tabs.widget(0)
    assert z.viewport().width() >= z.horizontalHeader().sectionSize(0)
