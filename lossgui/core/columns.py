"""What a document's columns must be: a target and at least one distinctly named prediction.

One home for these rules: the window's edits (rename, add, remove rows or predictions) and
opening a file or session ask here, so a refusal reads the same wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from lossgui.core.names import name_problem
from lossgui.core.problems import LossguiError, ShapeError, quoted

TARGET_NAME = "t"
"""The target's name where a file does not name it (and no prediction may take)."""
TARGET_MARK = " (t)"
"""Appended to a target's own name in a saved data CSV: ``label (t)`` reads back as ``label``."""


def target_header(name: str) -> str:
    """The target's name as a data CSV's header writes it: ``t``, or ``label (t)``.

    A target called something else (chosen when a file without t was opened) is marked, so
    the file opens again with that target, in the window and in ``lossgui compute``, without
    a question or ``--target``, and still under its own name (see :func:`marked_target`).
    """
    return name if name == TARGET_NAME else name + TARGET_MARK


def marked_target(names: Sequence[str]) -> tuple[list[str], str | None]:
    """A file's column names with the target's mark taken off, and that target's name.

    Only where no column is called t and exactly one ends in `` (t)`` (leaving a name no other
    column has): anything else is read as it always was, (names, None).
    """
    plain = list(names)
    if TARGET_NAME in plain:
        return plain, None
    marked = [i for i, n in enumerate(plain) if n.endswith(TARGET_MARK) and n != TARGET_MARK]
    if len(marked) != 1:
        return plain, None
    name = plain[marked[0]].removesuffix(TARGET_MARK)
    if name in plain:
        return plain, None
    plain[marked[0]] = name
    return plain, name


class EditRefused(LossguiError):
    """Columns, or an edit of them, that cannot be: a name in use, removing the last row, …"""


def check_prediction_name(name: str, taken: Collection[str]) -> None:
    """EditRefused unless ``name`` can name a prediction beside the columns called ``taken``."""
    if not name.strip():
        raise EditRefused("A prediction needs a name.", "予測には名前が必要です。")
    if problem := name_problem(name):  # too long: the rule files follow too
        raise EditRefused(*problem)
    if name == TARGET_NAME:
        raise EditRefused("t is the target's name; choose another name for a prediction.",
                          "t は正解の名前です。予測には別の名前を付けてください。")
    if name in taken:
        raise EditRefused(f"There is already a column called {quoted(name)}.",
                          f"{quoted(name)} という列はすでにあります。")


def check_given_name(name: str, taken: Collection[str]) -> None:
    """:func:`check_prediction_name` for a name the user gives in the window (a rename, a
    pasted header), and not one ending in the target's mark `` (t)``: Save Data as CSV would
    write it beside the marked target, and the file would no longer say which is the target.

    A file's own names are not refused for it: one with two marks opens (asking which is t).
    """
    check_prediction_name(name, taken)
    if name.endswith(TARGET_MARK):
        raise EditRefused(
            f"{quoted(name)} ends in “{TARGET_MARK.strip()}”, which marks the target in a saved "
            "data CSV; choose another name for a prediction.",
            f"{quoted(name)} の末尾の「{TARGET_MARK.strip()}」は、保存したデータの CSV で正解を"
            "表す印です。予測には別の名前を付けてください。")


def check_shapes(names: Sequence[str], shapes: Sequence[tuple[int, ...]]) -> None:
    """ShapeError unless there are a target and ≥1 prediction, named, all of one non-empty shape.

    ``names`` and ``shapes`` have the target first (a shape is a column's ``len`` as a tuple,
    or its N×K).
    """
    if len(shapes) < 2 or len(names) != len(shapes):
        only = f" (there is only {names[0]!r})" if len(names) == 1 else ""
        only_ja = f"({names[0]!r} しかありません)" if len(names) == 1 else ""
        raise ShapeError(
            f"there must be a target column and at least one prediction column{only}",
            f"正解の列と、少なくとも1つの予測の列が必要です{only_ja}")
    if len(set(shapes)) != 1 or 0 in shapes[0] or not shapes[0]:
        raise ShapeError("every column needs the same, non-zero number of rows",
                         "どの列も同じ行数(1行以上)が必要です")


def check_columns(names: Sequence[str], shapes: Sequence[tuple[int, ...]]) -> None:
    """:func:`check_shapes`, and every prediction distinctly named (EditRefused if not)."""
    check_shapes(names, shapes)
    for column in range(1, len(names)):
        check_prediction_name(names[column], names[:column])


def check_rows_removable(count: int, row_count: int) -> None:
    """EditRefused if removing ``count`` of ``row_count`` rows would leave none."""
    if count >= row_count:
        raise EditRefused("Keep at least one row: a loss needs at least one element.",
                          "少なくとも1行は残してください。損失関数には要素が1つ以上必要です。")


def check_prediction_removable(column: int, column_count: int) -> None:
    """EditRefused for the target (column 0) or the last prediction of ``column_count``."""
    if column == 0:
        raise EditRefused("The target t cannot be removed.", "正解 t は削除できません。")
    if column_count <= 2:
        raise EditRefused("Keep at least one prediction to compare with t.",
                          "t と比べる予測を少なくとも1つ残してください。")
