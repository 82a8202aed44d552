"""The totals cell names a blank as the notes do (round-5 names5 "left undone", tester6 finding
5): "— (missing: t, sample 2, class 1; y, sample 3, class 1)", never by symbol "t₂[1], y₃[1]",
and a blank class index as its one "t (class), sample 2" cell; in English and in Japanese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, total_text
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

BBLANK2 = ("t[0],t[1],t[2],y[0],y[1],y[2]\n1,0,0,0.7,0.2,0.1\n0,,1,0.3,0.3,0.4\n"
           "0,0,1,0.1,,0.8\n")
BBLANK = "t,y[0],y[1],y[2]\n0,0.7,0.2,0.1\n,0.3,0.3,0.4\n2,0.1,,0.8\n1,0.2,0.5,0.3\n"
VECTOR = "t,y1,y2\n0,0.1,0.3\n,0.6,0.2\n1,,0.5\n0,,\n"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


def opened(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, text: str,
           lang: str) -> MainWindow:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    window = make_window()
    if lang != "en":
        window = window.switch_language(lang)
        qtbot.addWidget(window)
    assert window.files.load_path(str(path)) is None
    return window


def note_lines(window: MainWindow) -> list[str]:
    return window.notes.toPlainText().splitlines()


CASES = [
    ("en", BBLANK2, 0, "— (missing: t, sample 2, class 1; y, sample 3, class 1)",
     ["t, sample 2, class 1 is missing", "y, sample 3, class 1 is missing"]),
    ("ja", BBLANK2, 0, "—(空欄: t のサンプル 2、クラス 1 / y のサンプル 3、クラス 1)",
     ["t のサンプル 2、クラス 1 が空欄", "y のサンプル 3、クラス 1 が空欄"]),
    ("en", BBLANK, 0, "— (missing: t (class), sample 2; y, sample 3, class 1)",
     ["t (class), sample 2 is missing", "y, sample 3, class 1 is missing"]),
    ("ja", BBLANK, 0, "—(空欄: t(クラス) のサンプル 2 / y のサンプル 3、クラス 1)",
     ["t(クラス) のサンプル 2 が空欄", "y のサンプル 3、クラス 1 が空欄"]),
    ("en", VECTOR, 0, "— (missing: t, element 2 and 2 more)",
     ["t, element 2 is missing", "y1, element 3 is missing", "t, element 2"]),
    ("en", VECTOR, 1, "— (missing: t, element 2; y2, element 4)",
     ["t, element 2 is missing", "y2, element 4 is missing"]),
    ("ja", VECTOR, 1, "—(空欄: t の要素 2 / y2 の要素 4)",
     ["t の要素 2 が空欄", "y2 の要素 4 が空欄"]),
]


@pytest.mark.parametrize(("lang", "data", "prediction", "cell", "notes"), CASES)
def test_the_totals_cell_names_blanks_as_the_notes_do(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str, data: str,
    prediction: int, cell: str, notes: list[str],
) -> None:
    window = opened(qtbot, make_window, tmp_path, data, lang)
    assert total_text(window, prediction) == cell
    lines = note_lines(window)
    for said in notes:  # each name in the cell opens one of the notes
        assert any(said in line for line in lines), (said, lines)
    # The cell's tooltip lists the same sentences as the notes, never "t₂[1] is missing".
    tip = window.results.table.item(prediction, 1).toolTip()
    assert notes[0] in tip and "₂[" not in tip and "₃[" not in tip, tip
