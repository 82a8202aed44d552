"""Fixtures for the GUI tests: a window on the article's example, closed after each test."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from lossgui.core.examples import ARTICLE, example_columns
from lossgui.gui import language
from lossgui.gui.document import Document
from lossgui.gui.main_window import MainWindow
from lossgui.gui.overrides import guard_overrides

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's ~/.config/lossgui is kept out of every test by tests/conftest.py.

from gui_helpers import WindowFactory

guard_overrides()  # as the app does: an error in a test's showEvent fails it, not the run

# A test that runs the app's main() reads QSettings() with no path: never the user's own file
# (someone's View ▸ Language ▸ 日本語 there turned those tests Japanese).
for _format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(_format, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="lossgui-test-settings-"))


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """A decimal point unless a test asks for a comma, whatever the machine's locale."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """For a test that switches the window to Japanese: English again after it."""
    yield
    language.install(language.ENGLISH)


@pytest.fixture
def settings(tmp_path: os.PathLike[str]) -> QSettings:
    """Settings in a temporary ini file, never the user's."""
    return QSettings(os.path.join(tmp_path, "lossgui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> WindowFactory:
    """Build shown, active windows; qtbot closes them at the end of the test."""

    def make(
        names: Sequence[str] | None = None,
        columns: Sequence[Sequence[float]] | None = None,
        loss: str = "sse",
        settings_: QSettings | None = None,
    ) -> MainWindow:
        if names is None or columns is None:
            names, columns = example_columns(ARTICLE)
        document = Document(names, columns, loss)
        window = MainWindow(document, settings_ or settings)
        # Closing at the end of a test must not stop at the unsaved-changes question;
        # tests of that question answer it themselves.
        window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        QApplication.processEvents()
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    """A window on the article's example under sse."""
    return make_window()
