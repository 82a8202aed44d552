"""Start the window: the QApplication, an exception hook that shows errors, and ``main``."""

from __future__ import annotations

import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lossgui.core.examples import ARTICLE, example_columns
from lossgui.desktop_entry import APP_ID, ICON_SIZES
from lossgui.gui import language
from lossgui.gui.document import Document
from lossgui.gui.files.background import Cancelled
from lossgui.gui.main_window import MainWindow
from lossgui.gui.overrides import guard_overrides
from lossgui.resource_files import resource_path
from lossgui.window_settings import APPLICATION, ORGANIZATION

_reported: set[tuple[str, str, str, int]] = set()


def show_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None,
    starting: bool = False,
) -> None:
    """Show an unexpected error in a dialog instead of a traceback on a terminal nobody reads.

    PySide calls this from inside the override that raised (a paintEvent, a showEvent), so
    the dialog opens once that event is over, never in the middle of it; and an error that
    comes back on every repaint is said once, not in a dialog per frame.
    """
    place = traceback.extract_tb(trace)[-1] if trace else None
    key = (kind.__name__, str(error), place.filename if place else "",
           (place.lineno or 0) if place else 0)
    if key in _reported:
        return
    _reported.add(key)
    details = "".join(traceback.format_exception(kind, error, trace))
    sys.stderr.write(details)
    if QApplication.instance() is None:
        return
    if starting:  # no event loop yet: show it now
        _report(kind, error, details, starting)
    else:
        QTimer.singleShot(0, lambda: _report(kind, error, details, starting))


def _report(kind: type[BaseException], error: BaseException, details: str,
            starting: bool) -> None:
    """The dialog of :func:`show_exception`."""
    what_now = QCoreApplication.translate("App", "The window could not start.") if starting \
        else QCoreApplication.translate(
            "App", "The window keeps running; the last action may not have finished.")
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("App", "lossgui: something went wrong"),
                      QCoreApplication.translate(
                          "App", "%1\n\n%2 Please report this with the details below.")
                      .replace("%1", f"{kind.__name__}: {error}").replace("%2", what_now))
    box.setDetailedText(details)
    box.exec()


def build_window(path: str | None, settings: QSettings,
                 parent: QWidget | None = None,
                 show: bool = False) -> tuple[MainWindow, str | None]:
    """The window with the file at ``path`` (or the article's example); also why a path failed.

    A CSV or a ``.lossgui.json`` session opens as File ▸ Open would open it (asking which
    column is the target when none is called t). With ``show``, the window appears first, so
    the progress of a big file has the window behind it rather than an empty screen.
    """
    names, columns = example_columns(ARTICLE)
    window = MainWindow(Document(names, columns, "sse"), settings, parent)
    if show:
        window.show()
        QApplication.processEvents()
    if path is None:
        return window, None
    try:
        problem = window.files.load_path(path)
    except Cancelled:
        return window, None
    if problem is not None:
        problem += QCoreApplication.translate("App", ". Showing the article's example instead.")
    return window, problem


EXIT_NO_DISPLAY = 2  # as the CLI's other refusals


def start_application() -> QApplication:
    """The QApplication; if Qt cannot reach a display, one line on stderr and exit status 2.

    Qt's own answer is a screenful of plugin messages and an abort (exit 134), e.g. when
    DISPLAY names an X server that is not running.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    platform_messages: list[str] = []  # held back: on failure they are noise around the reason

    def refuse_fatal(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind is QtMsgType.QtFatalMsg:
            reason = platform_messages[0].partition(": ")[2] if platform_messages else message
            sys.stderr.write(f"lossgui: error: the window cannot open: {reason}\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_DISPLAY)  # Qt aborts after a fatal message; leave before it does
        category = str(getattr(context, "category", "") or "")  # absent from 6.7's stubs
        if category.startswith("qt.qpa"):
            platform_messages.append(f"{category}: {message}")
        else:
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(refuse_fatal)
    try:
        app = QApplication(sys.argv[:1])
    finally:
        qInstallMessageHandler(previous)
    for message in platform_messages:  # it started after all: say them as Qt would have
        sys.stderr.write(f"{message}\n")
    return app


def application_icon() -> QIcon:
    """lossgui's icon in every shipped size, so each title bar and task bar picks a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"lossgui-{size}.png")), QSize(size, size))
    return icon


def identify(app: QApplication) -> None:
    """Names for QSettings; the icon and the desktop entry the desktop shows for our windows.

    The desktop file name is the installed ``lossgui.desktop`` (``lossgui --install-desktop``);
    Wayland and task bars use it to find the entry's name and icon.
    """
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())


def main(path: str | None = None) -> int:
    """Run the window until it is closed; returns the exit status."""
    app = start_application()
    identify(app)
    guard_overrides()  # an error in a showEvent or a model's data() is shown, not a segfault
    sys.excepthook = show_exception
    settings = QSettings()
    # The language chosen in View ▸ Language, else the system's; English if its file is missing.
    language.install(language.chosen_language(settings))
    try:
        window, problem = build_window(path, settings, show=True)
    except Exception:  # a bug, not bad input: say so in a dialog rather than vanish
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        show_exception(kind, error, trace, starting=True)
        return 1
    window.show()
    if problem:
        window.show_notice(problem)
    return app.exec()
