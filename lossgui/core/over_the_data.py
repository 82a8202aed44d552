"""The one rule against writing results over the data they came from.

``lossgui compute --output`` / ``--plot`` and the window's Export Results both refuse a file that
is the data file under any name (``./same.csv``, a link to it): the results would replace the
data (round-7 tester: the window replaced pt.csv with its results, where the CLI refused it).
"""

from __future__ import annotations

import os

from lossgui.core import LossguiError


def same_file(path: str, other: str) -> bool:
    """Whether two paths name one existing file (links and other spellings included)."""
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):  # one of them is not there (yet): not the same file
        return False


def refuse_writing_over_the_data(path: str, data: str, option: str | None = None) -> None:
    """LossguiError (en + ja) if ``path`` is the file ``data``; ``option`` names the command
    line's option that gave ``path`` (``output`` → "--output PATH")."""
    if not same_file(path, data):
        return
    said = f"--{option} {path}" if option else path
    raise LossguiError(
        f"{said} is the data file {data}: writing there would replace the data with its "
        "results; choose another file",
        f"{said} はデータのファイル {data} です。そこに書くとデータが結果で置き換わります。"
        "別のファイルを選んでください")
