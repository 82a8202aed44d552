"""File ▸ Open of a CSV that is not UTF-8 says in the notice bar which encoding was guessed
(tester9 L6), en and ja; the names are the file's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WindowFactory, window_in
from pytestqt.qtbot import QtBot


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "fr.csv: not UTF-8: read as Windows-1252"),
    ("ja", "fr.csv: UTF-8 ではないので、西ヨーロッパの Excel の CSV の文字コード Windows-1252"),
])
def test_opening_a_windows_1252_csv_names_the_guess(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str, words: str,
    english_afterwards: None,
) -> None:
    path = tmp_path / "fr.csv"
    path.write_bytes("t;prédiction;modèle B\n0;0,01;0,34\n1;0,65;0,21\n".encode("cp1252"))
    window = window_in(qtbot, make_window, lang)
    assert window.files.load_path(str(path)) is None
    assert window.document.prediction_names == ("prédiction", "modèle B")
    assert words in window.notice_label.text(), window.notice_label.text()
    assert window.notice_label.isVisible()
