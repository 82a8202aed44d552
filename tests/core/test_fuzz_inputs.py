"""Property-based fuzzing of the readers (issue #16): the CSV reader, the paste parser, sessions.

Every input either reads or is refused with a LossguiError (English and Japanese) that names
where, in one line; the fast paths (polars for CSV, numpy for pastes) agree with the careful
ones on every input. The budget is bounded (FUZZ_EXAMPLES, derandomized so CI is repeatable);
``LOSSGUI_FUZZ_EXAMPLES=5000 pytest tests/core/test_fuzz_inputs.py`` fuzzes harder.
"""

from __future__ import annotations

import json
import math
import os

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lossgui.core import LossguiError
from lossgui.core.blockparse import parse_block_array, rectangle
from lossgui.core.csvio import _parse_text, parse_data_text
from lossgui.core.parsing import parse_block
from lossgui.core.problems import CellError
from lossgui.core.project import Session, SessionError, from_json, to_json

FUZZ_EXAMPLES = int(os.environ.get("LOSSGUI_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# Cells people and programs write, and the ones that used to be misread or to crash.
CELLS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-10**6, 10**6).map(str),
    st.sampled_from(["", " ", "0.5", "１．５", "−2", "1e-7", "inf", "-inf", "nan", "10²", "2³",
                     "①", "1_000", "1 2", "1 000", "1,5", "abc", "1.2.3", "1e5e5", "+", ".",
                     '"0.5"', '"a,b"', "t", "y1", "k", "total", "\u3000", "9" * 400]),
    st.text(alphabet="0123456789.,;eE+- \t\"'xé²①_", max_size=8),
)
NUMBERS = st.one_of(st.floats(allow_nan=False, allow_infinity=False).map(repr),
                    st.integers(-99, 99).map(str), st.sampled_from(["", "１．５", "inf", "1e-7"]))
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def _check_refusal(error: LossguiError, source: str) -> None:
    """A refusal a user can act on: it names the file, fits one line, has Japanese."""
    text = str(error)
    assert text.startswith(source), text
    assert "\n" not in text and "\r" not in text, text
    assert error.message_ja, text
    if isinstance(error, CellError) and error.column is not None:
        assert error.row is not None, text  # a column is never named without its row


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return np.array_equal(a, b, equal_nan=True)  # type: ignore[arg-type]


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 4))
    height = draw(st.integers(0, 5))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.one_of(
        st.just(["t", *(f"y{i}" for i in range(1, width))]),
        st.lists(CELLS, min_size=width, max_size=width),
    ))
    # half the files have only numbers (and blanks) under the header, so reading is fuzzed too
    cells = NUMBERS if draw(st.booleans()) else CELLS
    rows = [header] + [draw(st.lists(cells, min_size=width - 1, max_size=width + 1))
                       for _ in range(height)]
    end = draw(LINE_ENDS)
    return end.join(separator.join(row) for row in rows) + draw(st.sampled_from(["", end]))


@FUZZ
@given(csv_texts())
def test_the_csv_reader_reads_or_refuses_naming_the_place(text: str) -> None:
    try:
        data = parse_data_text(text, "fuzz.csv")
    except LossguiError as error:
        event("csv refused")
        _check_refusal(error, "fuzz.csv")
        fast_error = str(error)
        data = None
    else:
        event("csv read")
        assert len(set(data.names)) == len(data.names) == len(data.columns)
        assert len({np.shape(c) for c in data.columns}) == 1
        fast_error = ""
    try:  # the careful path alone: the fast path must never read a file differently
        careful = _parse_text(text, "fuzz.csv", None)
    except LossguiError as error:
        if data is None:
            assert str(error) == fast_error
        return
    if data is not None and careful.names == data.names:
        assert all(_same(a, b) for a, b in zip(careful.columns, data.columns, strict=True))


@st.composite
def pastes(draw: st.DrawFn) -> str:
    if draw(st.booleans()):  # a list literal, as Python, numpy or PyTorch print it
        numbers = st.one_of(st.floats(allow_nan=False, allow_infinity=False).map(repr),
                            st.integers(-999, 999).map(str), CELLS)
        inner = st.lists(numbers, max_size=5).map(lambda xs: "[" + ", ".join(xs) + "]")
        body = draw(st.one_of(inner, st.lists(inner, max_size=4).map(
            lambda rows: "[" + ", ".join(rows) + "]")))
        wrapper = draw(st.sampled_from(["{}", "np.array({})", "array({}, dtype=float32)",
                                        "tensor({}, requires_grad=True)", "array({}", "{})"]))
        return wrapper.format(body)
    rows = draw(st.lists(st.lists(CELLS, min_size=1, max_size=4), min_size=1, max_size=6))
    separator = draw(st.sampled_from(["\t", " ", ",", ";"]))
    return draw(LINE_ENDS).join(separator.join(row) for row in rows)


@FUZZ
@given(pastes(), st.booleans())
def test_the_paste_parser_reads_or_refuses_as_the_careful_parser(text: str, comma: bool) -> None:
    try:
        careful: object = rectangle(parse_block(text, comma))
    except CellError as error:
        event("paste refused")
        careful = str(error)
        assert error.message_ja and "\n" not in careful
        if error.column is not None:
            assert error.row is not None
    try:
        fast: object = parse_block_array(text, comma)
    except CellError as error:
        fast = str(error)
    assert _same(fast, careful), (fast, careful)


def _has(holder: object, key: object) -> bool:
    if isinstance(holder, dict):
        return key in holder
    return isinstance(holder, list) and isinstance(key, int) and key < len(holder)


def _article() -> dict[str, object]:
    session = Session("t", np.array([0.0, 1.0, 0.0]),
                      [("y1", np.array([0.1, 0.8, 0.1])), ("y2", np.array([0.3, 0.3, 0.4]))],
                      "cee")
    return json.loads(to_json(session))  # type: ignore[no-any-return]


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-10**500, 10**500),
              st.floats(), st.text(max_size=6),
              st.sampled_from(["inf", "-inf", "sse", "cee", "t", "y1", ""])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["name", "values", "eps"]), inner,
                                            max_size=3)),
    max_leaves=8,
)
PATHS = st.sampled_from([("format",), ("version",), ("loss",), ("params",), ("params", "eps"),
                         ("target",), ("target", "name"), ("target", "values"),
                         ("predictions",), ("predictions", 0), ("predictions", 0, "name"),
                         ("predictions", 1, "values"), ("predictions", 0, "values", 1)])


VALUE_PATHS = st.sampled_from([("target", "values", 0), ("predictions", 0, "values", 2),
                               ("predictions", 1, "values", 1), ("params", "eps")])
NUMBER_VALUES = st.one_of(st.none(), st.floats(), st.integers(-10**400, 10**400),
                          st.sampled_from(["inf", "-inf", 1e-7, 0.5]))
CHANGES = st.one_of(st.lists(st.tuples(PATHS, JSON_VALUES), max_size=3),
                    st.lists(st.tuples(VALUE_PATHS, NUMBER_VALUES), max_size=3))


@FUZZ
@given(CHANGES)
def test_the_session_loader_opens_or_refuses_naming_the_file(changes: list) -> None:  # type: ignore[type-arg]
    document = _article()
    for path, value in changes:
        holder: object = document
        for key in path[:-1]:
            if not _has(holder, key):
                break
            holder = holder[key]  # type: ignore[index]
        else:
            if isinstance(holder, dict) or _has(holder, path[-1]):
                holder[path[-1]] = value  # type: ignore[index]
    text = json.dumps(document, allow_nan=True)
    try:
        session = from_json(text, "fuzz.lossgui.json")
    except SessionError as error:
        event("session refused")
        _check_refusal(error, "fuzz.lossgui.json")
        return
    event("session opened")
    names = [session.target_name, *(name for name, _ in session.predictions)]
    assert len(set(names)) == len(names)
    again = from_json(to_json(session), "again.lossgui.json")  # what it saves it opens
    assert again.loss_id == session.loss_id and again.params == session.params
    assert _same(again.target, session.target)
    assert all(_same(a[1], b[1]) and a[0] == b[0]
               for a, b in zip(again.predictions, session.predictions, strict=True))
    assert all(math.isnan(v) or math.isfinite(v) or math.isinf(v)
               for _, values in session.predictions for v in np.ravel(values))
