"""日本語 and English: complete translations, a fresh .qm, the system locale, live switching."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from gui_helpers import WindowFactory, formula_text, go_to, total_text, type_into
from PySide6.QtCore import SIGNAL, QEvent, QItemSelectionModel, QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from lossgui.core import LOSSES, evaluate, get_loss
from lossgui.core.conventions import compare
from lossgui.core.examples import ARTICLE, example_columns
from lossgui.core.losses import Task
from lossgui.gui import language
from lossgui.gui.actions import shortcut_rows
from lossgui.gui.document import Document
from lossgui.gui.main_window import MainWindow
from lossgui.gui.param_text import choice_label, param_label

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "lossgui_ja.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> Iterator[WindowFactory]:
    """Like conftest's, but closes only the windows still alive: switching deletes the old one."""
    def make(loss: str = "sse") -> MainWindow:
        names, columns = example_columns(ARTICLE)
        window = MainWindow(Document(names, columns, loss), settings)
        window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Every test starts and ends in English, whatever it switched to."""
    language.install(language.ENGLISH)
    yield
    language.install(language.ENGLISH)


def _tool(name: str) -> str:
    """A Qt translation tool from the venv (PySide6 ships them)."""
    path = BIN / name
    assert path.exists(), f"{name} is missing from {BIN}; reinstall PySide6"
    return str(path)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <translation> element of every message in a .ts file."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def _is_finished(translation: ET.Element) -> bool:
    if translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return False
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return all(text and text.strip() for text in texts)


def test_every_visible_string_has_a_finished_japanese_translation(tmp_path: Path) -> None:
    """lupdate over lossgui/gui finds no string without a Japanese translation in the .ts."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-extensions", "py", str(REPO / "lossgui" / "gui"),
                    "-ts", str(fresh)], check=True, capture_output=True)
    sources = _messages(fresh)
    assert len(sources) > 200  # lupdate really read the code
    committed = _messages(TS)
    untranslated = [key for key in sources
                    if key not in committed or not _is_finished(committed[key])]
    assert not untranslated, (
        "no Japanese for these (context, source) strings; run\n"
        "  .venv/bin/pyside6-lupdate -extensions py lossgui/gui -ts resources/i18n/lossgui_ja.ts\n"
        f"then translate and run pyside6-lrelease: {untranslated}")
    stale = sorted(set(committed) - set(sources))
    assert not stale, f"the .ts has strings the code no longer uses (rerun lupdate): {stale}"


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    """A .ts edited without re-running lrelease cannot land."""
    rebuilt = tmp_path / "lossgui_ja.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)],
                   check=True, capture_output=True)
    assert QM.read_bytes() == rebuilt.read_bytes(), \
        "resources/i18n/lossgui_ja.qm is stale: run pyside6-lrelease on lossgui_ja.ts"


def test_the_translation_ships_inside_the_package() -> None:
    """The installed app finds the .qm through importlib.resources."""
    assert (language.translations_folder() / "lossgui_ja.qm").is_file()


@pytest.mark.parametrize(("locale", "expected"), [
    (QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "ja"),
    (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
    (QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
])
def test_language_follows_the_system_locale(locale: QLocale, expected: str) -> None:
    """Japanese on a Japanese system, English on any other."""
    assert language.system_language(locale) == expected


_LOCALES = [
    {"LANG": "ja_JP.UTF-8"}, {"LANG": "C"}, {"LC_ALL": "ja_JP.UTF-8", "LANG": "C"},
    {"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, {"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"},
    {"LANGUAGE": "ja", "LANG": "C"}, {"LANGUAGE": "ja", "LANG": "en_US.UTF-8"},
    {"LANGUAGE": "en", "LANG": "ja_JP.UTF-8"}, {"LANGUAGE": "ja", "LANG": "C.UTF-8"},
    {"LANGUAGE": ":ja", "LANG": "en_US.UTF-8"}, {"LANG": "japanese"}, {"LANG": "ja"}, {},
]


def test_the_command_lines_rule_is_what_qt_reads_from_the_locale_variables() -> None:
    """core.language reads LC_ALL, LC_MESSAGES, LANG and LANGUAGE without Qt (for the command
    line); for each setting it must name the language that Qt's QLocale.system() names
    (PySide6 as installed), so the window and ``lossgui compute`` agree."""
    probe = ("import json, sys; from PySide6.QtCore import QLocale; "
             "from lossgui.core.language import system_language; "
             "print(json.dumps([QLocale.system().language() == QLocale.Language.Japanese, "
             "system_language(platform_locale=lambda: 'C')]))")
    for locale in _LOCALES:
        env = {k: v for k, v in os.environ.items()
               if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
        done = subprocess.run([sys.executable, "-c", probe], env={**env, **locale},
                              capture_output=True, text=True, check=True)
        qt_japanese, ours = json.loads(done.stdout)
        assert ours == ("ja" if qt_japanese else "en"), locale


def test_a_remembered_choice_wins_over_the_system(settings: QSettings) -> None:
    """View ▸ Language is remembered; an unknown value falls back to the system's language."""
    assert language.chosen_language(settings) == language.system_language()
    language.remember_language(settings, "ja")
    assert language.chosen_language(settings) == "ja"
    settings.setValue(language.SETTINGS_KEY, "tlh")
    assert language.chosen_language(settings) == language.system_language()


def test_install_switches_qt_translations(qapp: QApplication) -> None:
    """After install("ja") Qt strings come back in Japanese; install("en") undoes it."""
    assert language.install("ja")
    assert language.current_language() == "ja"
    assert QApplication.translate("Actions", "&File") == "ファイル(&F)"
    assert language.install("en")
    assert language.current_language() == "en"
    assert QApplication.translate("Actions", "&File") == "&File"
    assert not language.install("xx")
    assert language.current_language() == "en"


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _switch(qtbot: QtBot, window: MainWindow, code: str) -> MainWindow:
    """Pick View ▸ Language ▸ ``code`` as a user does; the rebuilt window."""
    menu = window.findChild(QMenu, "menu_language")
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == f"action_language_{code}")
    action.trigger()
    assert not window.isVisible()
    rebuilt = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible())
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old window goes
    assert not shiboken6.isValid(window)
    qtbot.waitExposed(rebuilt)
    return rebuilt


def test_switching_to_japanese_and_back_keeps_the_data(
    qtbot: QtBot, make_window: WindowFactory, settings: QSettings,
) -> None:
    """Menus, loss names, totals and the core's problems in Japanese; data and undo survive."""
    window = make_window(loss="cee")
    window.document.edit_cells(1, 1, [[0.0]])  # y1₂ = 0 where t₂ = 1: log 0
    window.files.session_path = "/somewhere/session.lossgui.json"
    window.selection.set_cell(1, 1)
    total_y2 = total_text(window, 1)
    assert _menu_titles(window)[0] == "&File"

    window = _switch(qtbot, window, "ja")
    assert language.current_language() == "ja"
    assert settings.value(language.SETTINGS_KEY) == "ja"
    assert _menu_titles(window) == ["ファイル(&F)", "編集(&E)", "データ(&D)", "表示(&V)",
                                    "例(&X)", "ヘルプ(&H)"]
    assert window.action_map["open"].text() == "開く(&O)…"
    # the book is 書籍 everywhere (the menu said 本の例: round-4 tester)
    assert window.action_map["example_book"].text() == "書籍の例: 10クラス、正解はクラス2"
    assert window.action_map["open"].statusTip().startswith("データの CSV")
    selector = window.loss_panel.selector
    assert selector.itemText(selector.findData("sse")) == "2乗和誤差 (sse)"
    assert selector.currentText() == "交差エントロピー誤差 (cee)"
    assert window.results.table.horizontalHeaderItem(1).text() == "合計 E"
    assert window.plot_tabs.tabText(1) == "要素 k の曲線"
    assert window.windowTitle() == "lossgui — 記事の例: t = [0, 1, 0, 1, 0]、良い予測と悪い予測[*]"
    # The problem on y1₂ is the core's own Japanese sentence.
    evaluation = evaluate("cee", np.array(window.document.column(1)),
                          np.array(window.document.column(0)))
    problem = next(p for p in evaluation.problems if p.index == (1,))
    assert problem.message_ja
    tip = window.prediction_view.model().index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert problem.message_ja in tip
    assert problem.message not in tip
    # Data, the undo history, the file and the focus carried over.
    assert window.document.value(1, 1) == 0.0
    assert total_text(window, 1) == total_y2
    assert window.files.session_path == "/somewhere/session.lossgui.json"
    assert window.selection.element == 1 and window.selection.prediction == 1
    assert window.isWindowModified()
    assert window.action_map["undo"].isEnabled()

    window = _switch(qtbot, window, "en")
    assert language.current_language() == "en"
    assert _menu_titles(window)[0] == "&File"
    assert window.loss_panel.selector.currentText() == "Cross-entropy error (cee)"
    tip = window.prediction_view.model().index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert problem.message in tip
    window.undo()
    assert window.document.value(1, 1) == pytest.approx(0.65)


def test_the_learning_aids_speak_the_core_japanese(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """Parameter help, other tools' reasons and input remarks: the core's own 日本語."""
    window = _switch(qtbot, make_window(loss="cee"), "ja")
    eps = get_loss("cee").param("eps")
    assert window.loss_panel.editor("eps").toolTip() == eps.describe("ja")
    about = window.loss_panel.about.text().split("\n")
    assert about == ["英語名: Cross-entropy error · 入力: 0〜1 の確率",
                     "使う場面: " + get_loss("cee").when_to_use("ja")]
    window.show_conventions()
    panel = window.conventions_panel
    y, t = np.array(window.document.column(1)), np.array(window.document.column(0))
    reasons = [panel.table.item(row, 3).text() for row in range(1, panel.table.rowCount())]
    assert reasons == [c.explain("ja") for c in compare(y, t, "cee")]
    assert panel.table.item(1, 0).text() == "記事"
    assert "1 が 2 個" in panel.remarks.text()
    assert panel.table.horizontalHeaderItem(3).text() == "違う理由"


def test_every_loss_has_a_japanese_name_in_the_selector(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """Under 日本語 the selector lists the article's names, each with its id."""
    window = _switch(qtbot, make_window(), "ja")
    selector = window.loss_panel.selector
    names = {loss.id: f"{loss.name_ja} ({loss.id})" for loss in LOSSES}
    headings = {task.describe("ja") for task in Task}
    for i in range(selector.count()):
        loss_id = selector.itemData(i)
        assert selector.itemText(i) == (names[loss_id] if loss_id else selector.itemText(i))
        assert loss_id or selector.itemText(i) in headings  # a heading: 回帰, 多クラス分類, …
    assert "回帰" in [selector.itemText(i) for i in range(selector.count())]


def test_plural_strings_fill_in_the_count(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Strings with %n get the number, in English and in Japanese."""
    window = make_window(loss="cee")
    window.document.edit_cells(0, 1, [[-1.0], [-1.0]])  # two cells out of [0, 1]
    assert window.document.problem_count >= 2
    count = window.document.problem_count
    assert window.problem_label.text() == f"{count} problems: hover the red cells to read why"
    window.document.clear_cells([(0, 1, 2, 2)])
    assert window.action_map["undo"].text() == "&Undo Clear 6 cells"
    window.undo()

    window = _switch(qtbot, window, "ja")
    count = window.document.problem_count
    assert window.problem_label.text() == \
        f"問題が {count} 個: 赤いセルにマウスを乗せると理由が読めます"
    window.document.clear_cells([(0, 1, 2, 2)])
    assert window.action_map["undo"].text() == "元に戻す(&U) 6 セルを空にする"
    window.undo()
    window.document.replace(["t", "y1"], [np.eye(1, 30, 3).ravel(), np.full(30, 1 / 30)], "cee")
    assert "…(ほか" in formula_text(window.formula_panel)
    assert f"ほか {window.formula_panel.substitution.elided} 項" in \
        formula_text(window.formula_panel)


def test_after_a_switch_the_unsaved_question_belongs_to_the_new_window(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """A new user quit after switching language with unsaved edits: it crashed (issue 6)."""
    window = make_window()
    del window.files.ask_save_changes  # the real question, not the fixture's answer
    window.document.edit_cells(1, 1, [[0.5]])
    window = _switch(qtbot, window, "ja")
    asked = window.files.ask_save_changes
    assert getattr(asked, "__self__", None) is window.files  # not the deleted window's
    box = window.files.changes_box()
    assert box.parent() is window and "記事の例" in box.text()
    box.deleteLater()
    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window = _switch(qtbot, window, "en")


def test_a_refused_session_is_explained_in_japanese(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
) -> None:
    """Opening a session with eps=0.9 under 日本語 says the core's Japanese sentence."""
    path = tmp_path / "eps.lossgui.json"
    path.write_text(json.dumps({
        "format": "lossgui-session", "version": 1, "loss": "cee", "params": {"eps": 0.9},
        "target": {"name": "t", "values": [0, 1]},
        "predictions": [{"name": "y1", "values": [0.2, 0.8]}],
    }), encoding="utf-8")
    window = _switch(qtbot, make_window(), "ja")
    assert not window.open_path(str(path))
    notice = window.notice_label.text()
    assert "eps は 0.5 未満です(0.9 は使えません)" in notice, notice
    assert "must be less than" not in notice


def test_after_a_switch_open_and_save_as_report_to_the_new_window(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
) -> None:
    """A new user opened a CSV after 日本語: "MainWindow already deleted" on every open/save.

    The rebuilt window takes the old one's file controller; the old window's slots (a lambda
    among them) stayed connected to it and ran on the deleted window.
    """
    data = tmp_path / "data.csv"
    data.write_text("t,y1\n0,0.2\n1,0.8\n", encoding="utf-8")
    old = make_window()
    window = old.switch_language("ja")
    for signature in ("source_changed(QString)", "message(QString)", "status(QString)"):
        assert window.files.receivers(SIGNAL(signature)) == 1, signature  # the new window only
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old window goes
    assert not shiboken6.isValid(old)
    # pytest-qt fails the test on an exception raised in a slot (the old window's).
    assert window.open_path(str(data))
    assert window.statusBar().currentMessage().startswith(f"{data} を開きました(損失関数: sse")
    assert window.windowTitle() == "lossgui — data.csv[*]"
    target = tmp_path / "s.lossgui.json"
    window.files.ask_save_path = lambda *_: (str(target), "")  # type: ignore[method-assign]
    window.action_map["save_as"].trigger()
    assert target.is_file()
    assert str(target) in window.statusBar().currentMessage()


def test_a_switch_keeps_the_learning_run_and_its_settings(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """The tester's finding: 日本語 reset "Step on" and cleared the loss over the steps."""
    window = make_window(loss="cee")
    panel = window.learn_panel
    panel.lr_edit.selectAll()
    qtbot.keyClicks(panel.lr_edit, "0.5")
    qtbot.keyClick(panel.lr_edit, Qt.Key.Key_Return)
    qtbot.keyClick(panel.space_box, Qt.Key.Key_Down)  # y itself → the logits behind y
    assert window.learning.space == "logits"
    panel.cap_box.selectAll()
    qtbot.keyClicks(panel.cap_box, "50")
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    window.steps_plot.log_box.click()
    window.curve_overlay.compare("bce")
    totals = window.learning.trace().totals
    assert window.learning.step_count == 2

    window = _switch(qtbot, window, "ja")
    panel = window.learn_panel
    assert panel.space_box.currentText() == "ロジット z"
    assert panel.lr_edit.text() == "0.5" and panel.cap_box.value() == 50
    assert window.learning.step_count == 2 and window.learning.trace().totals == totals
    QApplication.processEvents()
    drawn = [list(line.yData) for line in window.steps_plot.lines]
    assert drawn == [list(t) for t in totals]  # the loss over the steps is still drawn
    assert window.steps_plot.log_box.isChecked()
    assert window.curve_overlay.compared() == ["bce"]
    assert panel.status.text().startswith("ステップ 2")
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)  # the same run goes on
    assert window.learning.step_count == 3
    window.undo()  # that Step: the run, from before the switch, goes on from step 2
    assert window.learning.step_count == 2
    window.undo()
    window.undo()
    assert window.learning.step_count == 0


def test_parameters_and_their_choices_speak_japanese_and_keep_their_ids(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """The tester's finding: reduction:, half:, eps: and sum/mean stayed English in 日本語."""
    window = _switch(qtbot, make_window(loss="sse"), "ja")
    form = window.loss_panel
    reduction = form.editor("reduction")
    assert isinstance(reduction, QComboBox)
    label = next(w for w in form.findChildren(QLabel) if w.buddy() is reduction)
    assert label.text() == "集約方法 (reduction):"
    choices = [reduction.itemText(i) for i in range(reduction.count())]
    assert choices == ["合計 (sum)", "平均 (mean)"]
    reduction.setFocus()
    qtbot.keyClick(reduction, Qt.Key.Key_Down)
    assert window.document.params["reduction"] == "mean"  # the id the CLI and sessions use
    assert window.action_map["undo"].text() == \
        "元に戻す(&U) 集約方法 (reduction) を 平均 (mean) に設定"
    window.undo()
    assert reduction.currentText() == "合計 (sum)"
    # Every parameter and text choice of the catalogue has its Japanese, with the id kept.
    for loss in LOSSES:
        for param in loss.params:
            shown = param_label(param.name)
            assert shown.endswith(f"({param.name})") and not shown.isascii(), (loss.id, shown)
            for choice in param.choices:
                if not choice.isdigit():
                    assert choice_label(choice).endswith(f"({choice})") \
                        and not choice_label(choice).isascii(), (loss.id, choice)


def test_the_undo_history_is_told_again_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """Edits made before a switch: the Edit menu says them in the language of the window.

    Plain commands and steps of several edits (a paste with a header, deleting rows that are
    not one run, a drag on the curve) alike.
    """
    window = make_window(loss="sse")
    type_into(qtbot, window.prediction_view, 0, 0, "0.5")
    go_to(window.prediction_view, 0, 1)
    QApplication.clipboard().setText("later\n0.3\n0.4")
    qtbot.keyClick(window.prediction_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.document.names[2] == "later"
    view = window.target_view
    view.setFocus()
    selection = view.selectionModel()
    view.go_to(1, 0)
    selection.select(view.model().index(3, 0), QItemSelectionModel.SelectionFlag.Select)
    window.action_map["delete_rows"].trigger()
    assert window.document.row_count == 3
    window.document.set_param("half", True)
    english = ["Set half to true", "Delete 2 rows", "Paste 2×1 cells", "Edit y1, element 1"]
    assert window.action_map["undo"].text() == f"&Undo {english[0]}"

    window = _switch(qtbot, window, "ja")
    japanese = ["½ を掛ける (half) を true に設定", "2 行を削除", "2×1 セルを貼り付け",
                "y1 の要素 1 を編集"]
    undo, redo = window.action_map["undo"], window.action_map["redo"]
    window.activateWindow()
    QApplication.processEvents()
    window.prediction_view.setFocus()
    for text in japanese:  # Ctrl+Z through the whole history, each step in Japanese
        assert undo.text() == f"元に戻す(&U) {text}"
        qtbot.keyClick(window.prediction_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert redo.text() == f"やり直す(&R) {text}"
    assert not undo.isEnabled()

    window = _switch(qtbot, window, "en")  # and back again
    for text in reversed(english):
        assert window.action_map["redo"].text() == f"&Redo {text}"
        window.redo()
    assert window.document.names[2] == "later" and window.document.row_count == 3


def test_the_shortcut_list_shows_readable_keys_and_clean_names_in_japanese(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """Help ▸ Keyboard Shortcuts listed Qt's extra keys (F14, "開く") and "(O)" from 開く(&O)."""
    window = _switch(qtbot, make_window(), "ja")
    rows = shortcut_rows(window.action_map)
    assert ("ファイル", "開く…", "Ctrl+O") in rows
    assert ("編集", "元に戻す", "Ctrl+Z, Alt+Backspace") in rows or \
        ("編集", "元に戻す", "Ctrl+Z") in rows
    for menu, command, keys in rows:
        assert "&" not in menu + command and "(" not in menu, (menu, command)
        assert keys.isascii(), (command, keys)  # no key named in words ("開く", "保存")
        assert not re.search(r"\bF(1[3-9]|2[0-9]|3[0-5])\b", keys), (command, keys)
    window.action_map["shortcuts"].trigger()
    text = window.last_help.text()
    assert "開く…" in text and "(O)" not in text and "(&" not in text
    window.last_help.close()


def test_the_file_dialog_speaks_japanese_throughout(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
) -> None:
    """The tester saw "Look in:" and "Files of type:" in 日本語: Qt 6.11 renamed them and its
    qtbase_ja.qm was not updated; lossgui_ja.qm fills those gaps (language.QT_GAPS)."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "data.csv").write_text("t,y1\n1,0.5\n", encoding="utf-8")
    window = _switch(qtbot, make_window(), "ja")
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        # The widgets lossgui's Open and Save As show where the desktop has no native dialog.
        dialog = QFileDialog(window, "x", str(tmp_path), "CSV (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.show()
        tree = dialog.findChild(QTreeView, "treeView")
        assert tree is not None
        files = tree.model()
        qtbot.waitUntil(lambda: files.rowCount(tree.rootIndex()) == 2)  # noqa: B023
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        texts += [w.text() for w in dialog.findChildren(QPushButton)]
        texts += [w.toolTip() for w in dialog.findChildren(QToolButton) if w.toolTip()]
        texts += [a.text() for a in dialog.findChildren(QAction) if a.text()]
        texts += [files.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        folder = next(files.index(r, 0, tree.rootIndex()) for r in range(2)
                      if files.index(r, 0, tree.rootIndex()).data() == "folder")
        texts.append(folder.siblingAtColumn(2).data())  # its type
        english = [text for text in texts if text.isascii()]
        assert not english, english
        assert ("アドレス(&L):" in texts and "ファイルの種類(&T):" in texts) \
            or "アドレス:" in texts  # Qt 6.7's own translation of its older "Look in:"
        dialog.close()


def test_the_status_counts_warnings_no_cell_shows(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A batch sample with two 1s is a warning only the notes show: the status does not say
    "No problems" beside it, and counts it after the red cells (round-4 finding), en and ja."""
    t = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    window = make_window("cee")
    window.document.replace(["t", "y1"], [t, np.full((3, 3), 1 / 3)], "cee")
    assert window.document.problem_count == 0 and window.document.model.warnings("en")
    assert window.problem_label.text() == "1 warning: read it in the notes about the input"
    assert window.document.edit_cells(0, 1, [[-1.0]])  # one red cell too (y outside [0, 1])
    count = window.document.problem_count
    assert count >= 1
    said = f"{count} problems: hover the red cells" if count > 1 else \
        "1 problem: hover the red cell"
    assert window.problem_label.text().startswith(said)
    # its y no longer sums to 1 either: the core's second uncelled warning
    assert len(window.document.model.warnings("en")) == 2
    assert window.problem_label.text().endswith("; 2 more warnings in the notes about the input")
    window.undo()
    window = _switch(qtbot, window, "ja")
    assert window.problem_label.text() == "警告が 1 個: 入力についての注意に書いてあります"


def test_every_literal_the_code_translates_is_in_the_ts() -> None:
    """lupdate skipped a ``translate(`` call whose strings began on the next line, so the
    completeness test above never saw it and the Japanese window showed English ("Run stopped
    after 200 steps …", round-4 tester). Python's own parser reads every call instead."""
    import ast

    root = ET.parse(TS).getroot()
    known = {(c.findtext("name"), m.findtext("source"))
             for c in root.iter("context") for m in c.iter("message")}
    sources = {source for _, source in known}
    missing = []
    for path in sorted((REPO / "lossgui" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            texts = [a.value for a in node.args[:2]
                     if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) == 2:
                found = (texts[0], texts[1]) in known
            elif name == "tr" and texts:
                found = texts[0] in sources
            else:
                continue
            if not found:
                missing.append(f"{path.relative_to(REPO)}:{node.lineno}: {texts[-1]!r}")
    assert len(sources) > 300 and not missing, missing
