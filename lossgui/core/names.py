"""The one rule for column names (the target's and the predictions'), for files and the window."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lossgui.core.problems import Message, Problem, element_name, in_language, label, quoted

# A name is a label a learner reads beside a total; longer than this it is a mistake (a pasted
# paragraph, a broken file). Without a limit a 10⁶-character name took minutes to lay out in
# every label and note that shows it.
MAX_NAME_LENGTH = 200

# What a sentence calls the target's cells, whatever the column's name (the core's sentences
# say t₂; a note says "t, element 2"), so the notes and the totals cell name them alike.
TARGET_SYMBOL = "t"

# What the core's sentences call the prediction as a whole ("In sample 2, y sums to 0.9"):
# the article's y, standing alone as a symbol (not y₂, not part of a word; Japanese sets it
# apart with spaces: 「サンプル 2 の y の合計」).
PREDICTION_SYMBOL = "y"
_SYMBOL = re.compile(r"(?<![A-Za-z0-9_.'])([A-Za-z]\w*)(?![\w₀-₉\[])", re.ASCII)


def name_problem(name: str) -> Message | None:
    """Why ``name`` cannot name a column, in English and Japanese; None if it can."""
    if not name.strip():
        return ("a column has no name; every column needs one",
                "名前のない列があります。どの列にも名前が必要です")
    if len(name) > MAX_NAME_LENGTH:
        return (f"the column name {quoted(name)} has {len(name):,} characters; "
                f"at most {MAX_NAME_LENGTH} are allowed",
                f"列名 {quoted(name)} は {len(name):,} 文字あります。"
                f"{MAX_NAME_LENGTH} 文字までにしてください")
    return None


def duplicate_problem(names: Iterable[str]) -> Message | None:
    """The sentence for the first name that appears twice, or None if each appears once."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return (f"the column name {quoted(name)} appears twice",
                    f"列名 {quoted(name)} が2回出てきます")
        seen.add(name)
    return None


def element_of(name: str, index: tuple[int, ...], language: str) -> str:
    """Element ``index`` (0-based) of column ``name`` in a sentence: "y1, element 2".

    In an N×K batch, index (n, k) is "y1, sample 2, class 1": the sample counted from 1 and the
    class from 0, as the batch tables and a batch CSV's ``y[1]`` count them. Never "y1: y₂",
    which uses y for the prediction and for the element at once; the article's y₂
    (``element_name``) stays for the symbol in formulas and on axes.
    """
    if len(index) == 2:
        return in_language(language, f"{name}, sample {index[0] + 1}, class {index[1]}",
                           f"{name} のサンプル {index[0] + 1}、クラス {index[1]}")
    return in_language(language, f"{name}, element {index[0] + 1}",
                       f"{name} の要素 {index[0] + 1}")


def class_column(name: str, language: str) -> str:
    """The heading of a column of class indices (one per sample): "t (class)", 「t(クラス)」."""
    return in_language(language, f"{name} (class)", f"{name}(クラス)")


def class_index_of(name: str, sample: int, language: str) -> str:
    """The class index of ``sample`` (0-based) in a sentence: "t (class), sample 5".

    The one cell a sample's class index is, in the words of the window's table (its heading
    :func:`class_column`, its row the sample counted from 1), never the K one-hot elements
    t₅[0], t₅[1], … behind it, which that table does not show.
    """
    column = class_column(name, language)
    return in_language(language, f"{column}, sample {sample + 1}",
                       f"{column} のサンプル {sample + 1}")


def problem_of(prediction: str | None, problem: Problem, language: str) -> str:
    """A problem as a sentence naming the prediction it is about, for the window and the CLI.

    A cell's problem names its element once: "y1, element 2 is missing …", "z, sample 2,
    class 1 is missing …" (:func:`element_of`). The core says "y₂ is missing" (it knows no
    column names); beside the name that would be "z: y₂[1]", y for the prediction and for the
    element at once. A message that starts with its element's symbol has it replaced; one
    about the whole prediction says its name where the core says y ("In sample 1, z sums to
    10 …", never "z: In sample 1, y sums to 10"); any other is told after the name, and one
    about the target alone (``prediction`` None) stands as the core wrote it.
    """
    text = problem.text(language)
    if prediction is None:  # the target alone: its cell named as a prediction's is
        return _element_named(TARGET_SYMBOL, problem, text, language) if problem.index else text
    name = label(prediction)
    if problem.about_target:
        return f"{name}: {text}"
    if problem.index is None:
        return _prediction_named(name, text)
    return _element_named(name, problem, text, language, PREDICTION_SYMBOL)


def _prediction_named(name: str, text: str) -> str:
    """``text`` with the prediction's symbol y said as ``name``; "name: text" where it has no
    y, or where ``name`` is already another symbol of it (a column called t beside the
    sentence's t would make the target and the prediction one)."""
    symbols = {found.group(1) for found in _SYMBOL.finditer(text)}
    if name == PREDICTION_SYMBOL and name in symbols:
        return text
    if PREDICTION_SYMBOL not in symbols or name in symbols:
        return f"{name}: {text}"
    return _SYMBOL.sub(lambda found: name if found.group(1) == PREDICTION_SYMBOL
                       else found.group(0), text)


def _element_named(name: str, problem: Problem, text: str, language: str,
                   symbol: str = TARGET_SYMBOL) -> str:
    """``text`` about element ``problem.index`` of column ``name``, its leading symbol ("y₂",
    "t₂[1]") replaced by :func:`element_of`, else told after it."""
    assert problem.index is not None
    whose = element_of(name, problem.index, language)
    written = element_name(symbol, problem.index) + " "
    return whose + text[len(written) - 1:] if text.startswith(written) else f"{whose}: {text}"
