"""One error family: every refusal a user can see is a LossguiError with English and Japanese.

The first tests read the source (ast): every construction of a LossguiError subclass anywhere
in ``lossgui`` must give a Japanese sentence, written differently from the English one, and
nothing else may be raised with a sentence for a user. The others raise real errors and
read them in both languages, the session re-wrapping among them.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lossgui.core import LossguiError, csvio, evaluate, get_loss, project
from lossgui.core.atomic import WriteError, write_atomic
from lossgui.core.columns import EditRefused, check_columns, check_prediction_name
from lossgui.core.parsing import parse_number
from lossgui.core.plot_files import PlotExportError, plot_format
from lossgui.core.problems import CellError, NotANumber, error_text

PACKAGE = Path(__file__).resolve().parents[1] / "lossgui"
JAPANESE_KEYWORDS = {"message_ja", "reason_ja"}
# Raises that are not refusals shown to a user, each with the reason it is not.
NOT_FOR_USERS = {
    "Cancelled": "the user said no; nothing is shown",
    "SystemExit": "the command's exit status",
    "ValueError": "document.py: names and columns of different counts, a programming error",
    "KeyError": "actions.py: actions and slots that differ, a programming error",
    "FileNotFoundError": "resource_files.py: a broken installation, not anything a user typed",
    "_QuotedFile": "csvio.py: caught inside read_data_csv, which then reads the file whole",
    "BlockError": "batchcsv.py: carries a Message (en, ja); csvio makes it a CellError naming "
                  "the file's row and column",
}
# Functions that give a LossguiError to raise (their constructions are walked like any).
FACTORIES = {
    "_not_a_number": "params.py: builds the ParameterError",
    "replace": "csvio.py: dataclasses.replace of a caught CellError, both sentences kept",
    "explained_refusal": "csvio.py: the caught CellError, or a CellError (en + ja) saying what "
                         "the file is (a session, JSON, a printed tensor)",
}


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node: ast.expr) -> str | None:
    """``X`` for ``X`` or ``module.X``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _family() -> set[str]:
    """Names of LossguiError and of every class in lossgui that derives from it."""
    bases: dict[str, set[str]] = {}
    for _, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {n for b in node.bases if (n := _name(b))}
    family = {"LossguiError"}
    while grown := {c for c, b in bases.items() if b & family} - family:
        family |= grown
    return family


FAMILY = _family()


def _constructions() -> list[tuple[str, ast.Call]]:
    """Every call of a LossguiError class in lossgui, as "file:line"."""
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in FAMILY:
                found.append((f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", node))
    return found


def _sentences(call: ast.Call) -> tuple[ast.expr | None, ast.expr | None]:
    """The English and the Japanese argument of a LossguiError construction."""
    keywords = {k.arg: k.value for k in call.keywords}
    if call.args and isinstance(call.args[0], ast.Starred):
        return call.args[0], call.args[0]  # a Message (en, ja): its type makes mypy check both
    english = call.args[0] if call.args else keywords.get("message", keywords.get("reason"))
    japanese = next((keywords[k] for k in JAPANESE_KEYWORDS if k in keywords), None)
    if japanese is None and _name(call.func) != "CellError" and len(call.args) >= 2:
        japanese = call.args[1]
    return english, japanese


def _literal_text(node: ast.expr) -> str | None:
    """The fixed words of a string or f-string (None if it is computed some other way)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def test_the_walk_finds_the_family_and_its_raise_sites() -> None:
    """The walk really sees the classes and a few dozen sites (so the next test means something)."""
    assert {"CellError", "ParameterError", "SessionError", "NotANumber", "EditRefused",
            "PlotExportError", "WriteError", "ShapeError", "UnknownLossError"} <= FAMILY
    assert len(_constructions()) > 50


def test_every_lossgui_error_is_written_in_english_and_in_japanese() -> None:
    """Each construction passes a Japanese sentence, and its words differ from the English."""
    missing, same = [], []
    for where, call in _constructions():
        english, japanese = _sentences(call)
        if english is None or japanese is None:
            missing.append(where)
            continue
        words_en, words_ja = _literal_text(english), _literal_text(japanese)
        if words_en is not None and words_ja is not None and words_en.strip() == words_ja.strip():
            same.append(where)
        if words_ja is not None and words_ja.strip() and words_ja.isascii():
            same.append(where)  # "Japanese" without a single Japanese character
    assert not missing, f"LossguiErrors without Japanese: {missing}"
    assert not same, f"LossguiErrors whose Japanese is the English: {same}"


def test_nothing_else_is_raised_with_a_sentence_for_a_user() -> None:
    """A raise of any other class is listed in NOT_FOR_USERS with the reason it is not shown."""
    others = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue  # a bare raise passes on what it caught
            callee = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(callee, ast.Subscript) or (
                    isinstance(callee, ast.Name) and callee.id.islower()):
                continue  # an exception object made elsewhere (its construction is walked)
            owner = callee.value if isinstance(callee, ast.Attribute) else None
            name = _name(callee)
            if name in FAMILY or name in NOT_FOR_USERS or name in FACTORIES:
                continue
            if owner is not None and _name(owner) in FAMILY:
                continue  # a class method of the family, e.g. SessionError.located(...)
            others.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} raise {name}")
    assert not others, f"raise a LossguiError subclass instead: {others}"


def _session_text(**changes: object) -> str:
    document: dict[str, object] = {
        "format": "lossgui-session", "version": 1, "loss": "cee", "params": {"eps": 1e-7},
        "target": {"name": "t", "values": [0, 1]},
        "predictions": [{"name": "y1", "values": [0.2, 0.8]}],
    }
    document.update(changes)
    return json.dumps(document)


def test_a_session_with_eps_09_is_refused_in_japanese_too() -> None:
    """project.py's re-wrapping keeps the parameter's Japanese (it used to drop it)."""
    with pytest.raises(project.SessionError) as caught:
        project.from_json(_session_text(params={"eps": 0.9}), "s.lossgui.json")
    error = caught.value
    assert str(error) == "s.lossgui.json: eps must be less than 0.5, not 0.9"
    assert error.text("ja") == "s.lossgui.json: eps は 0.5 未満です(0.9 は使えません)"
    assert error_text(error, "ja") == error.text("ja")


def _raised() -> Iterator[LossguiError]:
    """One real error of every kind a user can meet, raised by the code that refuses."""
    attempts = [
        lambda: parse_number("abc"),
        lambda: get_loss("nope"),
        lambda: evaluate("sse", [1, 2], [1, 2, 3]),
        lambda: evaluate("sse", [], []),
        lambda: evaluate("cee", [0.5], [1], eps=0.9),
        lambda: evaluate("sse", [1], [1], nope=1),
        lambda: project.from_json("{broken", "s.json"),
        lambda: project.from_json(_session_text(version=99), "s.json"),
        lambda: project.from_json(_session_text(predictions=[]), "s.json"),
        lambda: project.from_json(_session_text(target=[1]), "s.json"),
        lambda: project.from_json(_session_text(
            predictions=[{"name": "y", "values": [0, "x"]}]), "s.json"),
        lambda: csvio.parse_data_text("t,y\n1,abc\n", "d.csv"),
        lambda: csvio.parse_data_text("t,y\n1,2\n").split("label"),
        lambda: check_prediction_name("t", ()),
        lambda: check_prediction_name("y1", ("t", "y1")),
        lambda: check_columns(["t"], [2]),
        lambda: plot_format("figure.jpg"),
        lambda: write_atomic(Path("/nonexistent-folder/x.csv"), "t\n"),
    ]
    for attempt in attempts:
        try:
            attempt()
        except LossguiError as error:
            yield error
        else:
            pytest.fail(f"{attempt} did not refuse")


def test_real_refusals_say_it_in_both_languages() -> None:
    """Each one reads differently in Japanese, with Japanese characters in it."""
    errors = list(_raised())
    kinds = {type(e) for e in errors}
    assert {NotANumber, CellError, EditRefused, PlotExportError, WriteError,
            project.SessionError} <= kinds
    for error in errors:
        english, japanese = error.text("en"), error.text("ja")
        assert english == str(error)
        assert japanese != english, english
        assert not japanese.isascii(), japanese
