"""Export Plot saves the plot on show: Contributions, the Curve of element k or Loss over steps,
and the file dialog's suggested name says which (round-4 tester: it always saved Contributions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


def export(window: MainWindow, path: Path) -> tuple[str, str]:
    """File ▸ Export Plot… answered with ``path``: (the dialog's title, its suggested name)."""
    asked: list[tuple[str, str]] = []

    def ask(title: str, suggested: str, _filters: str) -> tuple[str, str]:
        asked.append((title, suggested))
        return str(path), ""

    window.files.ask_save_path = ask  # type: ignore[method-assign]
    window.action_map["export_plot"].trigger()
    assert window.notice.isHidden(), window.notice_label.text()
    [answer] = asked
    return answer


def show_tab(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    press(qtbot, window, key, CTRL)  # the tab's own shortcut, as a user switches
    QApplication.processEvents()


def test_each_plot_tab_exports_its_own_plot(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.learn_panel.step_button.click()  # a step, so Loss over steps has a line
    cases = [(Qt.Key.Key_5, window.curve_panel, "Curve of element k", "-curve.svg",
              "Sum of squared error (sse): loss curve of element 1"),
             (Qt.Key.Key_7, window.steps_plot, "Loss over steps", "-loss-over-steps.svg",
              "Sum of squared error (sse): loss over the steps of learning"),
             (Qt.Key.Key_4, window.plot_panel, "Contributions", "-contributions.svg",
              "Sum of squared error (sse): contribution of each element"),
             (Qt.Key.Key_6, window.conventions_panel, "Contributions", "-contributions.svg",
              "Sum of squared error (sse): contribution of each element")]  # no plot: the bars
    for key, page, tab, suffix, title in cases:
        show_tab(qtbot, window, key)
        assert window.plot_tabs.currentWidget() is page
        path = tmp_path / f"{page.objectName() or type(page).__name__}.svg"
        asked, suggested = export(window, path)
        assert asked == f"Export plot: {tab}"
        assert suggested.endswith(suffix.replace(".svg", ".png")), suggested
        svg = path.read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in svg, (tab, svg[:400])
    # the window's own plots are untouched by the fresh ones drawn offscreen
    assert len(window.plot_panel.bars()) == 2


def test_the_curve_export_is_1600_by_900_and_follows_the_element(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    show_tab(qtbot, window, Qt.Key.Key_5)
    window.curve_panel.element.setValue(3)  # element k = 3
    path = tmp_path / "curve.png"
    export(window, path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1600, 900)
    svg = tmp_path / "curve.svg"
    export(window, svg)
    assert "loss curve of element 3" in svg.read_text(encoding="utf-8")


def test_the_title_and_the_name_are_japanese_in_japanese(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    japanese = window.switch_language("ja")
    qtbot.addWidget(japanese)
    qtbot.waitExposed(japanese)
    japanese.activateWindow()
    QApplication.processEvents()
    show_tab(qtbot, japanese, Qt.Key.Key_5)
    assert japanese.plot_tabs.currentWidget() is japanese.curve_panel
    path = tmp_path / "k.svg"
    asked, _ = export(japanese, path)
    assert asked == "グラフを書き出す: 要素 k の曲線"
    assert "<title>2乗和誤差 (sse): 要素 1 の損失の曲線</title>" in path.read_text(encoding="utf-8")
