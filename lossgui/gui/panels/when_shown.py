"""A tab that draws only while it is shown: what changes behind another tab is drawn when the
tab is shown again.

The Curve tab computes 200 points per prediction, Other tools asks the core about every tool,
Loss over steps redraws its lines (2.6 ms of every 10⁶-row open): none of it for a tab nobody
sees, on every keystroke or file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class DrawnWhenShown(QObject):
    """Defers ``draw`` of ``tab`` while the tab is hidden (``stale``: not drawn yet)."""

    def __init__(self, tab: QWidget, draw: Callable[[], None], stale: bool = False) -> None:
        super().__init__(tab)
        self._tab = tab
        self._draw = draw
        self.stale = stale
        tab.installEventFilter(self)

    def changed(self, draw_now: Callable[[], None] | None = None) -> None:
        """What the tab shows changed: drawn now if the tab is shown (by ``draw_now`` if given,
        e.g. a timer that draws once for several changes), else as it is next shown."""
        if self._tab.isVisible():
            (draw_now or self._draw)()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Draw a stale tab as it is shown; never consume the event."""
        if event.type() == QEvent.Type.Show and watched is self._tab and self.stale:
            self.stale = False
            self._draw()
        return False
