"""Every QAction of the window in one table: text, shortcuts, menu and the slot it calls."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from lossgui.gui.examples import EXAMPLES

Key = QKeySequence.StandardKey
EXAMPLE_GROUP_STARTS = ("book", "regression")  # a separator above each group of examples


@dataclass(frozen=True)
class ActionSpec:
    """One action: ``slot`` names a method of the main window (``files.save``: of an attribute)."""

    key: str
    text: str
    menu: str
    slot: str
    shortcuts: tuple[Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open…", "&File", "files.open", (Key.Open,),
               "Open a data CSV (a column t and one column per prediction) or a saved session"),
    ActionSpec("save", "&Save", "&File", "files.save", (Key.Save,),
               "Save the data, the loss and its parameters as a .lossgui.json session",
               separator_before=True),
    ActionSpec("save_as", "Save &As…", "&File", "files.save_as", (Key.SaveAs, "Ctrl+Shift+S"),
               "Save the session under a new name"),
    ActionSpec("export_results", "&Export Results…", "&File", "files.export_results",
               ("Ctrl+E",), "Write k, t, each y, its contributions and gradient to a CSV",
               separator_before=True),
    ActionSpec("export_plot", "Export &Plot…", "&File", "files.export_plot", (),
               "Save the plot as a 1600×900 PNG or an SVG for a report"),
    ActionSpec("export_bom", "UTF-8 &BOM in Exported CSV (for Excel)", "&File",
               "files.set_bom", (), "Start exported results CSVs with a byte-order mark so "
               "Excel reads non-English names correctly", checkable=True),
    ActionSpec("example", "Load the Article's &Example", "&File", "load_example", (),
               "t = [0, 1, 0, 1, 0] with a good prediction y1 and a bad one y2"),
    ActionSpec("quit", "&Quit", "&File", "close", (Key.Quit, "Ctrl+Q"), separator_before=True),
    ActionSpec("undo", "&Undo", "&Edit", "undo", (Key.Undo,)),
    ActionSpec("redo", "&Redo", "&Edit", "redo", (Key.Redo, "Ctrl+Y")),
    ActionSpec("cut", "Cu&t", "&Edit", "cut", (Key.Cut,), separator_before=True),
    ActionSpec("copy", "&Copy", "&Edit", "copy", (Key.Copy,),
               "Copy the selected cells as tab-separated text (totals at full precision)"),
    ActionSpec("paste", "&Paste", "&Edit", "paste", (Key.Paste,),
               "Paste cells from a spreadsheet, or a list such as [0.1, 0.2]"),
    ActionSpec("clear", "C&lear Cells", "&Edit", "clear_cells", (Key.Delete, "Backspace"),
               "Blank the selected cells: they become missing, not zero"),
    ActionSpec("insert_row", "&Insert Row Above", "&Data", "insert_row",
               ("Ctrl++", "Ctrl+Shift+="), "Insert a blank row above the current one"),
    ActionSpec("append_row", "&Append Row", "&Data", "append_row", ("Ctrl+Return",),
               "Add a blank row at the end"),
    ActionSpec("delete_rows", "&Delete Rows", "&Data", "delete_rows", ("Ctrl+-",),
               "Delete the selected rows from t and every prediction"),
    ActionSpec("add_prediction", "Add &Prediction", "&Data", "add_prediction",
               ("Ctrl+Shift+N",), "Add a blank prediction column", separator_before=True),
    ActionSpec("rename_prediction", "Re&name Prediction…", "&Data", "rename_prediction",
               ("Ctrl+Shift+R",), "Rename the current prediction column"),
    ActionSpec("remove_prediction", "&Remove Prediction", "&Data", "remove_prediction",
               ("Ctrl+Shift+Del",), "Remove the current prediction column"),
    ActionSpec("gradient", "Show &Gradient −∂E/∂y", "&View", "set_gradient_mode", ("Ctrl+G",),
               "Show the direction learning moves each y instead of the contributions",
               checkable=True),
    ActionSpec("focus_loss", "Go to &Loss", "&View", "focus_loss", ("Ctrl+L",),
               separator_before=True),
    ActionSpec("focus_target", "Go to &Target t", "&View", "focus_target", ("Ctrl+1",)),
    ActionSpec("focus_predictions", "Go to &Predictions y", "&View", "focus_predictions",
               ("Ctrl+2",)),
    ActionSpec("focus_results", "Go to T&otals", "&View", "focus_results", ("Ctrl+3",)),
    ActionSpec("show_contributions", "Show &Contributions", "&View", "show_contributions",
               ("Ctrl+4",), "The contribution of every element, as bars", separator_before=True),
    ActionSpec("show_curve", "Show the &Curve of Element k", "&View", "show_curve",
               ("Ctrl+5",), "How element k's contribution changes with its y; click to set y"),
    ActionSpec("show_conventions", "Show &Other Tools' Numbers", "&View", "show_conventions",
               ("Ctrl+6",), "Why do PyTorch, Keras, scikit-learn or the book give another number?"),
    *(ActionSpec(f"example_{e.key}", e.title, "E&xamples", f"load_example_{e.key}", (), e.tip,
                 separator_before=e.key in EXAMPLE_GROUP_STARTS) for e in EXAMPLES.values()),
    ActionSpec("about", "&About lossgui", "&Help", "show_about"),
)


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Create every action, connect it to its slot on ``window`` and fill the menu bar."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts(_sequences(spec.shortcuts))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setCheckable(spec.checkable)
        slot: Callable[..., object] = functools.reduce(getattr, spec.slot.split("."), window)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu = menus.get(spec.menu)
        if menu is None:
            menu = window.menuBar().addMenu(spec.menu)
            menus[spec.menu] = menu
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        actions[spec.key] = action
    return actions


def _sequences(shortcuts: tuple[Key | str, ...]) -> list[QKeySequence]:
    """Every binding of the standard keys (the platform's own), then the extra ones, once each."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) \
            else [QKeySequence(shortcut)]
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences
