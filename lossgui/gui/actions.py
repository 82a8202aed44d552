"""Every QAction of the window in one table: text, shortcuts and menu; the window gives the slots.

The table says what each action looks like; ``build_actions`` takes a callable per key from
the window (``MainWindow._action_slots``), so a renamed method is an error mypy and the first
start find, not a string that silently no longer matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from lossgui.gui.examples import CONTEXT as EXAMPLES_CONTEXT
from lossgui.gui.examples import EXAMPLES
from lossgui.gui.language import QT_TRANSLATE_NOOP

Key = QKeySequence.StandardKey
CONTEXT = "Actions"  # lupdate's context for the table's texts (it needs the literal below)
FILE = QT_TRANSLATE_NOOP("Actions", "&File")
EDIT = QT_TRANSLATE_NOOP("Actions", "&Edit")
DATA = QT_TRANSLATE_NOOP("Actions", "&Data")
VIEW = QT_TRANSLATE_NOOP("Actions", "&View")
EXAMPLES_MENU = QT_TRANSLATE_NOOP("Actions", "E&xamples")
HELP = QT_TRANSLATE_NOOP("Actions", "&Help")
# A separator above each group of examples.
EXAMPLE_GROUP_STARTS = ("book", "regression", "book_batch", "lesson_sse_cee")


@dataclass(frozen=True)
class ActionSpec:
    """One action; ``text``, ``menu`` and ``tip`` are English source texts, translated when shown.

    ``key`` names it in the window's ``action_map`` and in the slots given to ``build_actions``.
    """

    key: str
    text: str
    menu: str
    shortcuts: tuple[Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False
    context: str = CONTEXT  # where lupdate put text and tip (the examples have their own)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new", QT_TRANSLATE_NOOP("Actions", "&New"), FILE, (Key.New,),
        QT_TRANSLATE_NOOP("Actions", "Empty tables, t and y1, to type or paste your own data"),
    ),
    ActionSpec(
        "open", QT_TRANSLATE_NOOP("Actions", "&Open…"), FILE, (Key.Open,),
        QT_TRANSLATE_NOOP("Actions", "Open a data CSV (a column t and one column per prediction) "
                                     "or a saved session"),
    ),
    ActionSpec(
        "save", QT_TRANSLATE_NOOP("Actions", "&Save"), FILE, (Key.Save,),
        QT_TRANSLATE_NOOP("Actions", "Save the data, the loss and its parameters as a "
                                     ".lossgui.json session"), separator_before=True,
    ),
    ActionSpec(
        "save_as", QT_TRANSLATE_NOOP("Actions", "Save &As…"), FILE,
        (Key.SaveAs, "Ctrl+Shift+S"),
        QT_TRANSLATE_NOOP("Actions", "Save the session under a new name"),
    ),
    ActionSpec(
        "save_data", QT_TRANSLATE_NOOP("Actions", "Save &Data as CSV…"), FILE, (),
        QT_TRANSLATE_NOOP("Actions", "Write the tables, t and each y, as a data CSV that opens "
                                     "again (the loss and its parameters are kept in a session)"),
    ),
    ActionSpec(
        "export_results", QT_TRANSLATE_NOOP("Actions", "&Export Results…"),
        FILE, ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Actions", "Write k, t, each y, its contributions and gradient to a CSV"),
        separator_before=True,
    ),
    ActionSpec(
        "export_plot", QT_TRANSLATE_NOOP("Actions", "Export &Plot…"), FILE, (),
        QT_TRANSLATE_NOOP("Actions", "Save the plot as a 1600×900 PNG or an SVG for a report"),
    ),
    ActionSpec(
        "export_bom", QT_TRANSLATE_NOOP("Actions", "UTF-8 &BOM in Exported CSV (for Excel)"),
        FILE, (),
        QT_TRANSLATE_NOOP("Actions", "Start exported results CSVs with a byte-order mark so "
                                     "Excel reads non-English names correctly"), checkable=True,
    ),
    ActionSpec(
        "example", QT_TRANSLATE_NOOP("Actions", "Load the Article's Exa&mple"),
        FILE, (),
        QT_TRANSLATE_NOOP("Actions", "t = [0, 1, 0, 1, 0] with a good prediction y1 and a bad "
                                     "one y2"),
    ),
    ActionSpec(
        "quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), FILE, (Key.Quit, "Ctrl+Q"),
        separator_before=True,
    ),
    ActionSpec(
        "undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), EDIT, (Key.Undo,),
    ),
    ActionSpec(
        "redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), EDIT, (Key.Redo, "Ctrl+Y"),
    ),
    ActionSpec(
        "cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), EDIT, (Key.Cut,), separator_before=True,
    ),
    ActionSpec(
        "copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), EDIT, (Key.Copy,),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected cells as tab-separated text (totals at "
                                     "full precision)"),
    ),
    ActionSpec(
        "paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), EDIT, (Key.Paste,),
        QT_TRANSLATE_NOOP("Actions", "Paste cells from a spreadsheet, or a list such as [0.1, "
                                     "0.2]"),
    ),
    ActionSpec(
        "clear", QT_TRANSLATE_NOOP("Actions", "C&lear Cells"), EDIT,
        (Key.Delete, "Backspace"),
        QT_TRANSLATE_NOOP("Actions", "Blank the selected cells: they become missing, not zero"),
    ),
    ActionSpec(
        "insert_row", QT_TRANSLATE_NOOP("Actions", "&Insert Row Above"), DATA,
        ("Ctrl++",),  # on the main keyboard too: Qt matches Ctrl+Shift+= to it by itself
        QT_TRANSLATE_NOOP("Actions", "Insert a blank row above the current one"),
    ),
    ActionSpec(
        "append_row", QT_TRANSLATE_NOOP("Actions", "&Append Row"), DATA,
        ("Ctrl+Return",),
        QT_TRANSLATE_NOOP("Actions", "Add a blank row at the end"),
    ),
    ActionSpec(
        "delete_rows", QT_TRANSLATE_NOOP("Actions", "&Delete Rows"), DATA,
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected rows from t and every prediction"),
    ),
    ActionSpec(
        "add_prediction", QT_TRANSLATE_NOOP("Actions", "Add &Prediction"), DATA,
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Add a blank prediction column"), separator_before=True,
    ),
    ActionSpec(
        "rename_prediction", QT_TRANSLATE_NOOP("Actions", "Re&name Prediction…"),
        DATA, ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP("Actions", "Rename the current prediction column"),
    ),
    ActionSpec(
        "remove_prediction", QT_TRANSLATE_NOOP("Actions", "&Remove Prediction"),
        DATA, ("Ctrl+Shift+Del",),
        QT_TRANSLATE_NOOP("Actions", "Remove the current prediction column"),
    ),
    ActionSpec(
        "class_indices", QT_TRANSLATE_NOOP("Actions", "Target as &Class Indices"),
        DATA, (),
        QT_TRANSLATE_NOOP("Actions", "Show a batch's one-hot target as one class index per "
                                     "sample (PyTorch's target), or back as the table"),
        checkable=True, separator_before=True,
    ),
    ActionSpec(
        "gradient", QT_TRANSLATE_NOOP("Actions", "Show &Gradient −∂E/∂y"),
        VIEW, ("Ctrl+G",),
        QT_TRANSLATE_NOOP("Actions", "Show the direction learning moves each y instead of the "
                                     "contributions"), checkable=True,
    ),
    ActionSpec(
        "focus_loss", QT_TRANSLATE_NOOP("Actions", "Go to &Loss"), VIEW, ("Ctrl+L",),
        separator_before=True,
    ),
    ActionSpec(
        "focus_target", QT_TRANSLATE_NOOP("Actions", "Go to &Target t"), VIEW,
        ("Ctrl+1",),
    ),
    ActionSpec(
        "focus_predictions", QT_TRANSLATE_NOOP("Actions", "Go to &Predictions y"),
        VIEW, ("Ctrl+2",),
    ),
    ActionSpec(
        "focus_results", QT_TRANSLATE_NOOP("Actions", "Go to T&otals"), VIEW,
        ("Ctrl+3",),
    ),
    ActionSpec(
        "show_contributions", QT_TRANSLATE_NOOP("Actions", "Show &Contributions"),
        VIEW, ("Ctrl+4",),
        QT_TRANSLATE_NOOP("Actions", "The contribution of every element, as bars"),
        separator_before=True,
    ),
    ActionSpec(
        "show_curve", QT_TRANSLATE_NOOP("Actions", "Show the Cur&ve of Element k"),
        VIEW, ("Ctrl+5",),
        QT_TRANSLATE_NOOP("Actions", "How element k's contribution changes with its y; click to "
                                     "set y"),
    ),
    ActionSpec(
        "show_conventions", QT_TRANSLATE_NOOP("Actions", "Show Other Tools' &Numbers"),
        VIEW, ("Ctrl+6",),
        QT_TRANSLATE_NOOP("Actions", "Why do PyTorch, Keras, scikit-learn or the book give "
                                     "another number?"),
    ),
    ActionSpec(
        "show_steps", QT_TRANSLATE_NOOP("Actions", "Show the Loss over &Steps"),
        VIEW, ("Ctrl+7",),
        QT_TRANSLATE_NOOP("Actions", "The total loss E at every step of learning"),
    ),
    ActionSpec(
        "reset_zoom", QT_TRANSLATE_NOOP("Actions", "&Reset Zoom"), VIEW, ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Actions", "Show every element of the plot again"),
    ),
    ActionSpec(
        "copy_plot", QT_TRANSLATE_NOOP("Actions", "Copy Plot &Image"), VIEW, (),
        QT_TRANSLATE_NOOP("Actions", "Copy the plot to the clipboard as an image"),
    ),
    *(ActionSpec(f"example_{e.key}", e.title, EXAMPLES_MENU, (),
                 e.tip, separator_before=e.key in EXAMPLE_GROUP_STARTS,
                 context=EXAMPLES_CONTEXT) for e in EXAMPLES.values()),
    ActionSpec("guide", QT_TRANSLATE_NOOP("Actions", "Short &Guide"), HELP, ("F1",)),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), HELP),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About lossgui"), HELP,
               separator_before=True),
)


Slot = Callable[[], object] | Callable[[bool], object]  # checkable actions get their state


def build_actions(window: QMainWindow, slots: Mapping[str, Slot]) -> dict[str, QAction]:
    """Create every action, connect it to ``slots[key]`` and fill ``window``'s menu bar."""
    missing = {spec.key for spec in ACTIONS} ^ set(slots)
    if missing:  # a slot without an action, or an action without a slot
        raise KeyError(f"actions and slots differ: {sorted(missing)}")
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in ACTIONS:
        action = QAction(QCoreApplication.translate(spec.context, spec.text), window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts(_sequences(spec.shortcuts))
        if spec.tip:
            tip = QCoreApplication.translate(spec.context, spec.tip)
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(spec.checkable)
        slot: Callable[..., object] = slots[spec.key]
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu = menus.get(spec.menu)
        if menu is None:
            menu = window.menuBar().addMenu(QCoreApplication.translate(CONTEXT, spec.menu))
            menu.setObjectName(f"menu_{spec.menu.replace('&', '').lower()}")
            menus[spec.menu] = menu
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        actions[spec.key] = action
    return actions


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action with a shortcut, in menu order, from ACTIONS.

    Help ▸ Keyboard Shortcuts shows exactly these rows, so the list cannot drift from the keys.
    Only keys every keyboard has are listed (see :func:`readable`), and the names lose their
    mnemonics ("開く(&O)…" → "開く…").
    """
    rows = []
    for spec in ACTIONS:
        action = actions[spec.key]
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                if readable(s)]
        if keys:
            menu = QCoreApplication.translate(CONTEXT, spec.menu)
            rows.append((plain_text(menu), plain_text(action.text()), ", ".join(keys)))
    return rows


def readable(sequence: QKeySequence) -> bool:
    """Whether every key of ``sequence`` is on every keyboard: a character, or Esc … F12.

    The platform's standard bindings also bring F13–F35 (X11's Undo is F14 too) and the
    dedicated Open/Save/Undo keys of a few keyboards, whose names ("開く") read as commands.
    They still work; the list leaves them out.
    """
    chords = cast(Any, sequence)  # PySide6's stubs omit QKeySequence's [] (QKeyCombination)
    return all(chords[i].key().value <= Qt.Key.Key_F12.value for i in range(sequence.count()))


def plain_text(text: str) -> str:
    """A menu text without its mnemonic: "開く(&O)…" → "開く…", "&Open…" → "Open…", "&&" → "&"."""
    text = re.sub(r"\(&[^&)]\)", "", text)  # Japanese puts the mnemonic in brackets after
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _sequences(shortcuts: tuple[Key | str, ...]) -> list[QKeySequence]:
    """Every binding of the standard keys (the platform's own), then the extra ones, once each."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) \
            else [QKeySequence(shortcut)]
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences
