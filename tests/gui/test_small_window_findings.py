"""Round-7 tester #21, the small things in the window, each driven as a user does:

- Reset after an edit had ended the run was enabled and did nothing, without a word;
- Export Results onto the open data file replaced the data (the CLI refuses exactly this);
- the Loss over steps read-out ("No run has reached step 4") stayed after the mouse left;
- the Contributions legend stayed 440 px wide around "y1" after a long name had gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, click, learn_drawn, press, switched, type_into
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
LONG = "resnet50_finetuned_epoch_37_with_label_smoothing_and_mixup_v2"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


# --- Reset ------------------------------------------------------------------------------------

def test_reset_is_enabled_only_with_a_run_to_go_back_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.learn_panel
    assert not panel.reset_button.isEnabled()  # nothing stepped yet
    for _ in range(2):
        click(qtbot, panel.step_button)
    learn_drawn(qtbot, window)
    assert panel.reset_button.isEnabled()
    assert panel.reset_button.toolTip() == "Put the predictions back to where learning began"
    type_into(qtbot, window.prediction_view, 2, 0, "0.5")  # the edit ends the run
    learn_drawn(qtbot, window)
    assert not panel.reset_button.isEnabled()
    assert panel.reset_button.toolTip().startswith("Nothing to put back: no step was taken")
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)  # the edit undone: still no run
    learn_drawn(qtbot, window)
    click(qtbot, panel.step_button)
    learn_drawn(qtbot, window)
    assert panel.reset_button.isEnabled()
    click(qtbot, panel.reset_button)
    learn_drawn(qtbot, window)
    assert not panel.reset_button.isEnabled()  # back where it began: nothing more to put back
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)  # the Reset undone: the run is back
    learn_drawn(qtbot, window)
    assert panel.reset_button.isEnabled()


def test_the_disabled_resets_tooltip_is_japanese(qtbot: QtBot, window: MainWindow) -> None:
    window = switched(qtbot, window, "ja")
    assert window.learn_panel.reset_button.toolTip().startswith("戻すものがありません")


# --- Export Results onto the data -------------------------------------------------------------

def test_export_results_onto_the_open_data_file_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    data = tmp_path / "pt.csv"
    data.write_text("t,y1\n0,0.2\n1,0.7\n", encoding="utf-8")
    assert window.open_path(str(data))
    before = data.read_bytes()
    window.files.ask_save_path = lambda *_: (str(tmp_path / "." / "pt.csv"), "")  # type: ignore[method-assign]
    press(qtbot, window.prediction_view, Qt.Key.Key_E, CTRL)
    assert data.read_bytes() == before
    assert window.notice.isVisible()
    assert window.notice.label.text() == (
        f"Could not export the results: {tmp_path / '.' / 'pt.csv'} is the data file {data}: "
        "writing there would replace the data with its results; choose another file. Your "
        "data is still here.")
    window.files.ask_save_path = lambda *_: (str(tmp_path / "pt-results.csv"), "")  # type: ignore[method-assign]
    press(qtbot, window.prediction_view, Qt.Key.Key_E, CTRL)
    assert (tmp_path / "pt-results.csv").exists()


def test_export_results_onto_the_open_session_is_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session = tmp_path / "mine.lossgui.json"
    assert window.files.save_to(str(session))
    before = session.read_bytes()
    window.files.ask_save_path = lambda *_: (str(session), "")  # type: ignore[method-assign]
    press(qtbot, window.prediction_view, Qt.Key.Key_E, CTRL)
    assert session.read_bytes() == before
    assert "is the data file" in window.notice.label.text()


# --- the Loss over steps read-out ---------------------------------------------------------------

def _hover_step(qtbot: QtBot, window: MainWindow, step: int) -> None:
    plot = window.steps_plot.plot
    view = plot.getPlotItem().getViewBox()
    low, high = view.viewRange()[1]
    scene = view.mapViewToScene(QPointF(step, (low + high) / 2))
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(scene) + QPoint(0, 0))


def test_the_steps_read_out_ends_when_the_mouse_leaves(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window.prediction_view, Qt.Key.Key_7, CTRL)
    for _ in range(3):
        click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    hover = window.steps_plot.hover
    _hover_step(qtbot, window, 2)
    assert hover.text().startswith("Step 2: y1 E = ")
    qtbot.mouseMove(window.target_view.viewport(), QPoint(10, 10))  # off the plot
    assert hover.text() == "Hover the plot to read the exact E at a step."
    click(qtbot, window.learn_panel.step_button)  # a redraw reads no step again
    learn_drawn(qtbot, window)
    assert hover.text() == "Hover the plot to read the exact E at a step."


# --- the Contributions legend ---------------------------------------------------------------

def test_the_legend_narrows_again_when_a_long_name_goes(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    legend = window.plot_panel.legend
    narrow = legend.boundingRect().width()
    window.document.rename_prediction(2, LONG)
    qtbot.waitUntil(lambda: legend.boundingRect().width() > narrow + 200)
    data = tmp_path / "weird.csv"
    data.write_text("t,y1\n0,0.2\n1,0.7\n", encoding="utf-8")
    assert window.open_path(str(data))  # one prediction, "y1", is left
    qtbot.wait(50)
    assert [label.text for _, label in legend.items] == ["y1"]
    assert legend.boundingRect().width() <= narrow + 1
