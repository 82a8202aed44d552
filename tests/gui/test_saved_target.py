"""Save Data as CSV marks a target not called t, so the file reopens, in the window and in
``lossgui compute``, with that target and without asking (round-4 tester)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from gui_helpers import WindowFactory

from lossgui.cli import main as cli_main
from lossgui.core import csvio, evaluate
from lossgui.gui.main_window import MainWindow


@pytest.fixture
def own_file(tmp_path: Path) -> Path:
    path = tmp_path / "scores.csv"
    path.write_text("a,b,c\n0,0.1,0.3\n1,0.8,0.6\n0,0.2,0.1\n", encoding="utf-8")
    return path


def answering_a(window: MainWindow) -> list[list[str]]:
    """Answer "a" whenever the window asks which column is t; the list of what it asked."""
    asked: list[list[str]] = []

    def ask_target(_path: str, names: list[str]) -> str:
        asked.append(names)
        return "a"

    window.files.ask_target = ask_target  # type: ignore[method-assign]
    return asked


def test_a_target_chosen_on_open_comes_back_without_asking(
    make_window: WindowFactory, own_file: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    window = make_window()
    asked = answering_a(window)
    assert window.open_path(str(own_file))
    assert asked == [["a", "b", "c"]] and window.document.names == ("a", "b", "c")
    saved = tmp_path / "saved.csv"
    window.files.ask_save_path = lambda *_: (str(saved), "")  # type: ignore[method-assign]
    window.action_map["save_data"].trigger()
    assert saved.read_bytes().decode("utf-8").startswith("a (t),b,c\r\n0.0,0.1,0.3\r\n")
    window.load_named_example("book")
    assert window.open_path(str(saved))
    assert len(asked) == 1  # not asked again
    assert window.document.names == ("a", "b", "c")  # the target keeps its name
    np.testing.assert_array_equal(window.document.column(0), [0.0, 1.0, 0.0])
    # lossgui compute finds it too, with no --target, and names it as the window does
    assert cli_main(["compute", str(saved), "--loss", "sse", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("k,a (t),b,contribution(b),gradient(b),c,")  # marked there too
    expected = evaluate("sse", [0.1, 0.8, 0.2], [0.0, 1.0, 0.0]).total
    assert f"total,,,{csvio.csv_number(expected)}," in out


def test_exported_results_reopen_with_their_target_unasked(
    make_window: WindowFactory, own_file: Path, tmp_path: Path,
) -> None:
    """Export Results marks the target as Save Data as CSV does (tester6, minor points): the
    results CSV opens again as its data, with target a, and nothing is asked."""
    window = make_window()
    asked = answering_a(window)
    assert window.open_path(str(own_file))
    exported = tmp_path / "results.csv"
    window.files.ask_save_path = lambda *_: (str(exported), "")  # type: ignore[method-assign]
    window.action_map["export_results"].trigger()
    assert exported.read_bytes().decode("utf-8").startswith(
        "k,a (t),b,contribution(b),gradient(b),c,")
    before = [e.total for e in window.document.evaluations]
    window.load_named_example("book")
    assert window.open_path(str(exported))
    assert len(asked) == 1  # not asked again
    assert window.document.names == ("a", "b", "c")
    assert [e.total for e in window.document.evaluations] == before
