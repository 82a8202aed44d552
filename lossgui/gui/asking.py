"""Small dialogs that ask for one thing, made wide enough to show their whole title.

Qt sizes a QInputDialog to its label and field, and the window manager then cuts a longer
title to "Renam…iction"; a title is what tells the user which question this is.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QStyle, QWidget


def title_width(dialog: QDialog) -> int:
    """A width that fits ``dialog``'s title in a bold title bar with an icon and three buttons."""
    font = dialog.font()
    font.setBold(True)  # most window managers draw the title bold
    text = QFontMetrics(font).horizontalAdvance(dialog.windowTitle())
    button = dialog.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, dialog)
    return text + 5 * button


def fit_title(dialog: QInputDialog) -> None:
    """Widen ``dialog`` (never narrow it) so its whole title can be read.

    Through its label: the dialog's own minimum width is overridden by its layout at show.
    """
    label = dialog.findChild(QLabel)
    if label is None:
        return
    style = dialog.style()
    margins = sum(style.pixelMetric(metric, None, dialog) for metric in
                  (QStyle.PixelMetric.PM_LayoutLeftMargin, QStyle.PixelMetric.PM_LayoutRightMargin))
    label.setMinimumWidth(title_width(dialog) - margins)


def line_dialog(parent: QWidget | None, title: str, label: str, text: str) -> QInputDialog:
    """A dialog asking for one line of text, ``text`` preselected, wide enough for its title."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    fit_title(dialog)
    return dialog


def choice_dialog(parent: QWidget | None, title: str, label: str,
                  items: list[str]) -> QInputDialog:
    """A dialog choosing one of ``items`` (the first preselected), wide enough for its title."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    if items:
        dialog.setTextValue(items[0])
    fit_title(dialog)
    return dialog


def ask(dialog: QInputDialog) -> str | None:
    """Run ``dialog``; the text chosen or typed, or None if cancelled."""
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
