"""A help text (Keyboard Shortcuts, Short Guide) in a dialog that fits the screen and scrolls.

A QMessageBox grows with its text: the shortcut list made it 780 px tall, so on an 800×600
screen its lower rows and the Close button were off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class TextDialog(QDialog):
    """``html`` under ``title``, scrolling where the screen is too small for all of it."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._html = html
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = self.screen()
        if screen is not None:
            self.fit_to(screen.availableGeometry())

    def text(self) -> str:
        """The HTML shown."""
        return self._html

    def fit_to(self, free: QRect) -> None:
        """The text's own size where ``free`` (the screen's free area) allows it, else less."""
        document = self.browser.document()
        document.setTextWidth(520)
        wanted = QSize(600, int(document.size().height()) + 90)
        self.resize(min(wanted.width(), free.width() - 40),
                    min(wanted.height(), free.height() - 60))
