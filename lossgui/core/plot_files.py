"""Which files a plot can be saved as, for the window's export and ``lossgui compute --plot``.

Drawing needs Qt (``lossgui.gui.files.plot_export``); deciding whether a name can be drawn
to does not, so the CLI refuses a wrong name before it loads Qt, with the window's sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from lossgui.core.problems import LossguiError

FORMATS = (".png", ".svg")


class PlotExportError(LossguiError):
    """The plot could not be written; the message says which file and why."""


def plot_format(path: str | os.PathLike[str]) -> str:
    """``.png`` or ``.svg`` by the suffix of ``path`` (any case); else PlotExportError."""
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return suffix
    shown = repr(suffix) if suffix else "a name without a suffix"
    shown_ja = repr(suffix) if suffix else "拡張子のない名前"
    name = os.fspath(path)
    raise PlotExportError(f"{name}: a plot can be saved as .png or .svg, not {shown}",
                          f"{name}: グラフは .png か .svg で保存できます({shown_ja} は不可)")
