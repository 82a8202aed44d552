"""What a document's columns must be: a target and at least one distinctly named prediction.

One home for these rules: the window's edits (rename, add, remove rows or predictions) and
opening a file or session ask here, so a refusal reads the same wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from lossgui.core.problems import LossguiError

TARGET_NAME = "t"
"""The target's name where a file does not name it (and no prediction may take)."""


class ColumnError(LossguiError):
    """Columns, or a change to them, that cannot make a document; the sentence says why."""


def check_prediction_name(name: str, taken: Collection[str]) -> None:
    """ColumnError unless ``name`` can name a prediction beside the columns called ``taken``."""
    if not name.strip():
        raise ColumnError("A prediction needs a name.", "予測には名前が必要です。")
    if name == TARGET_NAME:
        raise ColumnError("t is the target's name; choose another name for a prediction.",
                          "t は正解の名前です。予測には別の名前を付けてください。")
    if name in taken:
        raise ColumnError(f"There is already a column called {name!r}.",
                          f"{name!r} という列はすでにあります。")


def check_columns(names: Sequence[str], lengths: Sequence[int]) -> None:
    """ColumnError unless the columns can become a document: t and ≥1 distinct, named y.

    ``names`` has the target first; ``lengths`` is each column's number of rows.
    """
    if len(names) < 2:
        only = f" (it has only {names[0]!r})" if names else ""
        only_ja = f"({names[0]!r} しかありません)" if names else ""
        raise ColumnError(
            f"the file needs a target column and at least one prediction column{only}",
            f"ファイルには正解の列と、少なくとも1つの予測の列が必要です{only_ja}")
    if len(set(lengths)) != 1 or lengths[0] == 0:
        raise ColumnError("every column needs the same, non-zero number of rows",
                          "どの列も同じ行数(1行以上)が必要です")
    for column in range(1, len(names)):
        check_prediction_name(names[column], names[:column])


def check_rows_removable(count: int, row_count: int) -> None:
    """ColumnError if removing ``count`` of ``row_count`` rows would leave none."""
    if count >= row_count:
        raise ColumnError("Keep at least one row: a loss needs at least one element.",
                          "少なくとも1行は残してください。損失関数には要素が1つ以上必要です。")


def check_prediction_removable(column: int, column_count: int) -> None:
    """ColumnError for the target (column 0) or the last prediction of ``column_count``."""
    if column == 0:
        raise ColumnError("The target t cannot be removed.", "正解 t は削除できません。")
    if column_count <= 2:
        raise ColumnError("Keep at least one prediction to compare with t.",
                          "t と比べる予測を少なくとも1つ残してください。")
