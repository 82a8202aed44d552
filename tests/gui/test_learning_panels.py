"""The learning aids driven as a user would: formula, curve of element k, other tools, examples.

Every number is checked against the core (``explain``, ``conventions``, ``evaluate``), and the
reference values from issue 6 are asserted on what the panels display.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
import pytest
from gui_helpers import WindowFactory, formula_text, go_to, press, total_text, type_into
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from lossgui.core import evaluate
from lossgui.core import examples as shipped
from lossgui.core.conventions import compare, input_remarks
from lossgui.core.explain import element_curve, substitute
from lossgui.gui.examples import EXAMPLES
from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.curve_panel import CurvePanel
from lossgui.gui.panels.formula_panel import INERT_COLOUR

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    assert window.document.loss_id == loss_id


def core_substitution(window: MainWindow, prediction: int):  # type: ignore[no-untyped-def]
    document = window.document
    evaluation = document.evaluations[prediction]
    return substitute(document.loss_id, document.column(prediction + 1), document.column(0),
                      evaluation)


def greyed_terms(html: str) -> list[str]:
    return re.findall(rf'<span style="color:{INERT_COLOUR}">(.*?)</span>', html)


# --- the formula with the numbers in it ---------------------------------------------------------


def test_formula_shows_the_article_numbers_under_sse(window: MainWindow) -> None:
    panel = window.formula_panel
    assert panel.isVisible()
    expected = core_substitution(window, 0).plain()
    assert expected == "(0.01−0)² + (0.65−1)² + (0.13−0)² + (0.7−1)² + (0.15−0)² = 0.252"
    assert formula_text(panel) == expected
    assert greyed_terms(panel.formula.text()) == []


def test_formula_greys_the_zero_target_terms_under_cee(window: MainWindow) -> None:
    choose_loss(window, "cee")
    panel = window.formula_panel
    sub = core_substitution(window, 0)
    assert formula_text(panel) == sub.plain()
    assert greyed_terms(panel.formula.text()) == [t.text for t in sub.terms if t.inert]
    assert greyed_terms(panel.formula.text()) == ["0·log(0.01)", "0·log(0.13)", "0·log(0.15)"]
    assert formula_text(panel).endswith("= 0.787458")


def test_formula_follows_the_current_prediction_and_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.formula_panel
    go_to(window.prediction_view, 2, 1)  # y2, row 3
    assert window.selection.prediction == 1 and window.selection.element == 2
    assert panel.prediction.currentText() == "y2"
    assert formula_text(panel) == core_substitution(window, 1).plain()
    type_into(qtbot, window.prediction_view, 0, 1, "0.5")
    assert window.document.value(0, 2) == 0.5
    assert formula_text(panel) == core_substitution(window, 1).plain()
    assert formula_text(panel).startswith("(0.5−0)² + ")
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    assert formula_text(panel).startswith("(0.34−0)² + ")


def test_formula_elides_long_vectors(make_window: WindowFactory) -> None:
    t = np.zeros(30)
    t[3] = 1
    window = make_window(["t", "y"], [t, np.linspace(0.01, 0.3, 30)], "cee")
    sub = core_substitution(window, 0)
    assert sub.elided == 24
    assert formula_text(window.formula_panel) == sub.plain()
    assert "… (24 more terms) …" in formula_text(window.formula_panel)


def test_the_books_answer_is_written_out_not_left_in_the_gap(
    make_window: WindowFactory
) -> None:
    """The book's wrong guess: its one 1·log term is at class 7 of 10, past the first four
    terms; the panel writes it out between the grey 0·log terms (tester8)."""
    window = make_window(["t", "y"], [np.eye(10)[7], np.full(10, 0.1)], "cee")
    shown = formula_text(window.formula_panel)
    assert shown == core_substitution(window, 0).plain()
    assert "… (3 more terms) … + 1·log(0.1" in shown


def test_formula_says_what_is_missing(qtbot: QtBot, window: MainWindow) -> None:
    go_to(window.prediction_view, 1, 0)
    press(qtbot, window.prediction_view, Qt.Key.Key_Delete)
    assert "Fill in every t and y" in formula_text(window.formula_panel)


# --- the curve of one element -------------------------------------------------------------------


def show_curve(qtbot: QtBot, window: MainWindow) -> CurvePanel:
    press(qtbot, window.prediction_view, Qt.Key.Key_5, CTRL)
    panel = window.curve_panel
    assert window.plot_tabs.currentWidget() is panel and panel.isVisible()
    QApplication.processEvents()  # let the plot take its final size before mapping points
    return panel


@pytest.mark.parametrize("loss_id", ["sse", "cee", "bce", "softmax_cee", "huber"])
def test_curve_points_and_tangent_are_the_core_curve(
    qtbot: QtBot, window: MainWindow, loss_id: str
) -> None:
    choose_loss(window, loss_id)
    go_to(window.prediction_view, 1, 0)  # element k = 2
    panel = show_curve(qtbot, window)
    document = window.document
    t = np.array(document.column(0))
    for j in range(2):
        y = np.array(document.column(j + 1))
        curve = element_curve(loss_id, y, t, 1, document.evaluations[j].params)
        x_shown, c_shown = panel.curve_items[j].getData()
        np.testing.assert_array_equal(x_shown, curve.x)
        np.testing.assert_array_equal(c_shown, curve.contribution)
        px, py = panel.point_items[j].getData()
        assert (px[0], py[0]) == (y[1], curve.current_contribution)
        assert curve.current_contribution == pytest.approx(
            document.evaluations[j].contributions[1], rel=1e-12)
        tx, ty = panel.tangent_items[j].getData()
        slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
        assert slope == pytest.approx(curve.slope, rel=1e-9, abs=1e-12)
        assert curve.slope == document.evaluations[j].gradient[1]
        assert np.interp(y[1], tx, ty) == pytest.approx(curve.current_contribution, abs=1e-12)
    if loss_id == "softmax_cee":  # t is no place on a logit's axis (tester9 #13): no line
        assert not panel.target_line.isVisible()
    else:
        assert panel.target_line.isVisible() and panel.target_line.value() == t[1]


def test_a_steep_tangent_does_not_flatten_the_curve(qtbot: QtBot, window: MainWindow) -> None:
    """y₂ near 0 where t₂ = 1 under cee: slope ≈ −1e7 must not stretch the axes (a new user)."""
    choose_loss(window, "cee")
    window.document.set_param("eps", 1e-7)
    window.document.edit_cells(1, 1, [[0.0]])
    go_to(window.prediction_view, 1, 0)
    panel = show_curve(qtbot, window)
    curve = panel.curves[0]
    assert curve is not None and curve.slope < -1e6
    _, ty = panel.tangent_items[0].getData()
    finite = curve.contribution[np.isfinite(curve.contribution)]
    assert ty.max() - ty.min() <= finite.max() - finite.min() + 1e-9


def test_curve_follows_the_element_and_live_edits(qtbot: QtBot, window: MainWindow) -> None:
    panel = show_curve(qtbot, window)
    go_to(window.target_view, 3, 0)
    assert panel.element.value() == 4
    type_into(qtbot, window.prediction_view, 3, 0, "0.9", end=Qt.Key.Key_Tab)  # stay on row 4
    assert window.selection.element == 3
    px, py = panel.point_items[0].getData()
    assert px[0] == 0.9
    assert py[0] == pytest.approx(window.document.evaluations[0].contributions[3])
    assert panel.explanation.text().startswith("y2, element 4 = 0.33")  # Tab moved on to y2
    panel.prediction.setCurrentIndex(0)
    assert panel.explanation.text().startswith("y1, element 4 = 0.9: contribution 0.01, slope")


def view_point(panel: CurvePanel, x: float, y: float) -> QPoint:
    """Widget coordinates of the plot point (x, y)."""
    scene = panel.view_box.mapViewToScene(QPointF(x, y))
    return panel.plot.mapFromScene(scene)


def test_clicking_on_the_curve_sets_y_k_as_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_loss(window, "cee")
    go_to(window.prediction_view, 1, 0)  # y1, element 2: y₂ = 0.65, t₂ = 1
    panel = show_curve(qtbot, window)
    stack = window.document.undo_stack
    steps = stack.count()
    qtbot.mouseClick(panel.plot.viewport(), LEFT, pos=view_point(panel, 0.3, 1.0))
    value = window.document.value(1, 1)
    assert value == pytest.approx(0.3, abs=0.01) and value != 0.65
    assert value == round(value, 4)  # rounded to what the view can show, not 0.30172413…
    assert stack.count() == steps + 1
    total = evaluate("cee", window.document.column(1), window.document.column(0)).total
    assert total_text(window, 0) == f"{total:.6g}"
    px, _ = panel.point_items[0].getData()
    assert px[0] == value
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    assert window.document.value(1, 1) == 0.65
    assert stack.count() == steps + 1 and stack.index() == steps


def send_mouse(widget: object, kind: QMouseEvent.Type, pos: QPoint,
               buttons: Qt.MouseButton) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),  # type: ignore[attr-defined]
                        LEFT, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


@pytest.fixture
def every_mouse_move() -> Iterator[None]:
    """pyqtgraph drops moves closer than 1/100 s apart; synthetic moves come faster."""
    old = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", 0)
    yield
    pg.setConfigOption("mouseRateLimit", old)


@pytest.mark.usefixtures("every_mouse_move")
def test_dragging_on_the_curve_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    go_to(window.prediction_view, 1, 1)  # y2, element 2 under sse: y₂ = 0.21, t₂ = 1
    panel = show_curve(qtbot, window)
    stack = window.document.undo_stack
    steps = stack.count()
    viewport = panel.plot.viewport()
    start = view_point(panel, 0.21, 0.6)
    send_mouse(viewport, QMouseEvent.Type.MouseButtonPress, start, LEFT)
    seen = []
    for x in (0.4, 0.6, 0.8, 0.9):
        send_mouse(viewport, QMouseEvent.Type.MouseMove, view_point(panel, x, 0.6), LEFT)
        seen.append(window.document.value(1, 2))
    send_mouse(viewport, QMouseEvent.Type.MouseButtonRelease, view_point(panel, 0.9, 0.6),
               Qt.MouseButton.NoButton)
    assert seen[-1] == pytest.approx(0.9, abs=0.02)
    assert window.document.value(1, 2) == seen[-1]
    assert seen[0] < seen[1] < seen[2]  # live while dragging
    assert stack.count() == steps + 1
    assert stack.undoText().startswith("Set y2, element 2 on the curve")
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    assert window.document.value(1, 2) == 0.21


# --- why do other tools give another number? ----------------------------------------------------

REFERENCE = {  # issue 6: (y1, y2) of the article's example
    ("Deep Learning from Scratch", "sum_squared_error: ½ Σ (y−t)²"): (0.126, 1.03255),
    ("Deep Learning from Scratch", "cross_entropy_error (1-D): −Σ t log(y + 1e-7)"):
        (0.7874575633279122, 2.66930959356566),
    ("Deep Learning from Scratch", "cross_entropy_error (batch, argmax of t)"):
        (0.4307827622463123, 1.5606472720743056),
    ("Keras 3.0–3.15", "categorical_crossentropy (float32)"): (1.7768503, 4.06558),
    ("PyTorch 2.13", "mse_loss (reduction='mean')"): (0.0504, 0.41302),
    ("PyTorch 2.13", "binary_cross_entropy (reduction='mean')"):
        (0.21985783854319413, 1.1482465569396634),
}


def shown_rows(window: MainWindow) -> dict[tuple[str, str], tuple[str, float | None, str]]:
    panel = window.conventions_panel
    table = panel.table
    return {(table.item(r, 0).text(), table.item(r, 1).text().replace("\u200b", "")):
            (panel.value_text(r), panel.value_data(r), table.item(r, 3).text())
            for r in range(table.rowCount())}


def test_other_tools_show_the_reference_values(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window.prediction_view, Qt.Key.Key_6, CTRL)
    panel = window.conventions_panel
    assert window.plot_tabs.currentWidget() is panel and panel.isVisible()
    document = window.document
    for j in range(2):
        panel.prediction.setCurrentIndex(j)  # the panel's own selector, as a user picks it
        assert window.selection.prediction == j
        rows = shown_rows(window)
        core = {(c.label, c.function): c for c in compare(document.column(j + 1),
                                                            document.column(0))}
        for key, expected in REFERENCE.items():
            text, value, reason = rows[key]
            rel = 1e-6 if key[0].startswith("Keras") else 1e-12  # Keras computes in float32
            assert value == pytest.approx(expected[j], rel=rel), key
            assert value == core[key].value
            assert text == f"{expected[j]:.6g}" or float(text) == pytest.approx(expected[j],
                                                                                  rel=1e-5)
            assert reason == core[key].reason
        text, value, _ = rows[("scikit-learn 1.7–1.9", "log_loss")]
        assert value == core[("scikit-learn 1.7–1.9", "log_loss")].value
        assert text == f"{value:.6g}"
        assert rows[("lossgui (now)", "Sum of squared error (sse)")][1] == \
            document.evaluations[j].total
        remarks = panel.remarks.text()
        # The core's remarks, naming the prediction by its own name ("y1 sums to …").
        for remark in input_remarks(document.column(j + 1), document.column(0),
                                    prediction=document.prediction_names[j]):
            assert remark in remarks
    assert "t has 2 ones — is this multi-label?" in panel.remarks.text()


def test_other_tools_update_when_hidden_then_shown(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window.prediction_view, Qt.Key.Key_6, CTRL)
    press(qtbot, window.prediction_view, Qt.Key.Key_4, CTRL)
    assert not window.conventions_panel.isVisible()
    type_into(qtbot, window.target_view, 3, 0, "0")  # t = [0, 1, 0, 0, 0]: one class
    press(qtbot, window.prediction_view, Qt.Key.Key_6, CTRL)
    rows = shown_rows(window)
    sklearn = compare(window.document.column(1), window.document.column(0))[-1]
    assert sklearn.label == "scikit-learn 1.7–1.9"
    assert rows[("scikit-learn 1.7–1.9", "log_loss")][1] == sklearn.value


def _recorded(name: str) -> dict[str, dict[str, str]]:
    """The newest line the real library gave (tests/core/framework_probe.py wrote it)."""
    path = Path(__file__).parents[1] / "core" / "data" / name
    return json.loads(path.read_text().splitlines()[-1])  # type: ignore[no-any-return]


def test_other_tools_on_a_logits_batch_show_what_pytorch_and_keras_return(
    qtbot: QtBot, window: MainWindow,
) -> None:
    torch, keras = _recorded("torch_losses.jsonl"), _recorded("keras_losses.jsonl")
    trigger_example(window, "logits_batch")
    press(qtbot, window.prediction_view, Qt.Key.Key_6, CTRL)
    window.document.set_sample(2)  # the values are the batch's, whichever sample is shown
    rows = shown_rows(window)
    batch_mean = float(torch["cross_entropy_indices"]["value"])
    assert rows[("lossgui (now)", "Softmax cross-entropy (softmax_cee)")][1] == \
        pytest.approx(batch_mean, rel=1e-15)
    assert rows[("PyTorch 2.13", "cross_entropy(z, class indices) (reduction='mean')")][1] == \
        pytest.approx(batch_mean, rel=1e-15)
    assert rows[("PyTorch 2.13", "cross_entropy(z, probabilities) (reduction='mean')")][1] == \
        pytest.approx(float(torch["cross_entropy_one_hot"]["value"]), rel=1e-15)
    for function, case in (("CategoricalCrossentropy(from_logits=True)", "categorical_logits"),
                           ("SparseCategoricalCrossentropy(from_logits=True)", "sparse_logits")):
        assert rows[("Keras 3.0–3.15", function)][1] == \
            pytest.approx(float(keras[case]["value"]), rel=1e-6)
    # No function that reads probabilities is applied to the logits.
    assert {tool for tool, _ in rows} == {"lossgui (now)", "PyTorch 2.13", "Keras 3.0–3.15"}
    remarks = window.conventions_panel.remarks.text()
    assert "sums to" not in remarks
    assert "A batch of 4 samples" in remarks and "softmax_cee reads logits" in remarks
    # label_smoothing typed on the left reaches the PyTorch and Keras rows.
    field = window.loss_panel.editor("label_smoothing")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.1")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    rows = shown_rows(window)
    smoothed = float(torch["cross_entropy_indices_ls01"]["value"])
    assert rows[("PyTorch 2.13", "cross_entropy(z, class indices, label_smoothing=0.1) "
                 "(reduction='mean')")][1] \
        == pytest.approx(smoothed, rel=1e-15)
    assert rows[("Keras 3.0–3.15", "CategoricalCrossentropy(from_logits=True, "
                 "label_smoothing=0.1)")][1] == \
        pytest.approx(float(keras["categorical_logits_ls01"]["value"]), rel=1e-6)
    assert rows[("lossgui (now)", "Softmax cross-entropy (softmax_cee)")][1] == \
        pytest.approx(smoothed, rel=1e-15)


# --- the Examples menu ----------------------------------------------------------------------------


def examples_menu(window: MainWindow) -> QMenu:
    # By name, not through QAction.menu(): PySide6 6.7's wrapper of it deletes the menu.
    menu = window.menuBar().findChild(QMenu, "menu_examples")
    assert isinstance(menu, QMenu), "no Examples menu"
    return menu


def trigger_example(window: MainWindow, key: str) -> None:
    title = EXAMPLES[key].title
    action = next(a for a in examples_menu(window).actions() if a.text() == title)
    action.trigger()


def test_book_examples_match_the_book(qtbot: QtBot, window: MainWindow) -> None:
    type_into(qtbot, window.prediction_view, 0, 0, "0.5")  # an edit the example throws away
    trigger_example(window, "book")
    document = window.document
    y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]
    np.testing.assert_array_equal(document.column(1), y)
    assert int(np.argmax(document.column(0))) == 2 and document.column(0).sum() == 1
    assert document.loss_id == "sse" and document.params["half"] is True
    assert document.evaluations[0].total == pytest.approx(0.0975, rel=1e-12)
    assert document.evaluations[0].total == evaluate("sse", document.column(1),
                                                     document.column(0), half=True).total
    assert total_text(window, 0) == "0.0975"
    assert not document.undo_stack.canUndo() and not window.isWindowModified()
    assert "The Book" in window.windowTitle()
    choose_loss(window, "cee")
    assert document.evaluations[0].total == 0.510825457099338
    assert formula_text(window.formula_panel).endswith("= 0.510825")

    trigger_example(window, "book_wrong")
    assert int(np.argmax(document.column(0))) == 7
    assert document.evaluations[0].total == pytest.approx(0.5975, rel=1e-12)
    choose_loss(window, "cee")
    # The book prints 2.302584092994546; numpy 1.26's log is one ulp off it (…454).
    assert document.evaluations[0].total == pytest.approx(2.302584092994546, rel=1e-15)

    trigger_example(window, "article")  # the book's ½ and δ do not stay behind
    assert document.params["half"] is False and document.params_of("cee")["eps"] == 0.0
    assert total_text(window, 0) == "0.252"


def test_the_menu_names_every_shipped_example_and_only_those() -> None:
    assert list(EXAMPLES) == list(shipped.EXAMPLES)


@pytest.mark.parametrize("key", list(EXAMPLES))
def test_every_example_loads_with_its_loss(qtbot: QtBot, window: MainWindow, key: str) -> None:
    trigger_example(window, key)
    document = window.document
    assert document.loss_id == EXAMPLES[key].loss_id
    assert all(e is not None and np.isfinite(e.total) for e in document.evaluations)
    assert window.formula_panel.substitution is not None
    assert document.problem_count == 0
    show_curve(qtbot, window)
    assert all(c is not None for c in window.curve_panel.curves)


def test_each_learning_aid_refreshes_once_per_change(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting the selected last row refreshed the formula twice and the combos six times."""
    from lossgui.gui import selection
    from lossgui.gui.panels import conventions_panel, curve_panel, formula_panel

    counts: dict[str, int] = {}

    def count(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def counted(self: object, *args: object) -> object:
            counts[cls.__name__] = counts.get(cls.__name__, 0) + 1
            return original(self, *args)

        monkeypatch.setattr(cls, name, counted)

    count(formula_panel.FormulaPanel, "refresh")
    count(curve_panel.CurvePanel, "_on_changed")
    count(conventions_panel.ConventionsPanel, "_on_changed")
    count(selection.PredictionCombo, "_show")  # three of them: formula, curve, other tools
    count(selection.ElementSpin, "_show")
    window = make_window()
    window.target_view.setFocus()
    go_to(window.target_view, 4, 0)
    assert window.selection.element == 4
    counts.clear()
    window.delete_rows()
    assert window.document.row_count == 4 and window.selection.element == 3
    assert counts == {"FormulaPanel": 1, "CurvePanel": 1, "ConventionsPanel": 1,
                      "PredictionCombo": 3, "ElementSpin": 1}
    assert formula_text(window.formula_panel) == core_substitution(window, 0).plain()
    counts.clear()
    window.document.edit_cells(0, 1, [[0.5]])  # a plain edit: once as well
    assert counts == {"FormulaPanel": 1, "CurvePanel": 1, "ConventionsPanel": 1,
                      "PredictionCombo": 3, "ElementSpin": 1}
