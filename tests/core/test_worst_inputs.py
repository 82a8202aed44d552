"""The worst inputs found by fuzzing (issue #16): each read correctly or refused, naming where."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from lossgui.core import CellError, LossguiError
from lossgui.core.blockparse import parse_block_array, rectangle
from lossgui.core.csvio import MAX_COLUMNS, parse_data_text
from lossgui.core.names import MAX_NAME_LENGTH
from lossgui.core.parsing import parse_block, parse_list_literal, parse_number
from lossgui.core.problems import quoted
from lossgui.core.project import Session, SessionError, from_json, to_json


def test_a_csv_of_only_separators_is_refused_not_an_index_error():
    with pytest.raises(CellError, match=r"data\.csv: the file has no cell with anything in it"):
        parse_data_text(",,,", "data.csv")
    with pytest.raises(CellError, match="no cell with anything"):
        parse_data_text(";;\n\t\n;;;\n", "data.csv")


@pytest.mark.parametrize(
    "text", ["t,y\r0,0.5\r1,0.25\r", 't,"y"\r0,0.5\r1,0.25', "t;y\r0;0,5\r1;0,25\r"])
def test_old_mac_cr_only_line_ends_are_read(text):
    data = parse_data_text(text)
    assert data.names == ["t", "y"]
    assert data.columns[0].tolist() == [0, 1] and data.columns[1].tolist() == [0.5, 0.25]


def test_a_cell_longer_than_the_csv_limit_is_refused_with_its_row():
    text = 't,y\n0,0.5\n1,"' + "1" * 140_000 + '"\n'
    with pytest.raises(CellError, match=r"f.csv, row 3: a cell is longer than 131,072 characters"):
        parse_data_text(text, "f.csv")


def test_a_row_wider_than_the_limit_is_refused_before_it_is_split():
    wide = ",".join(["0.5"] * (MAX_COLUMNS + 1))
    for text, row in [(wide, 1), ("t,y\n" + wide, 2), ("t,y\n0,1\n" + wide, 3),
                      ('t,"y"\n0,1\n' + wide, 3)]:
        with pytest.raises(CellError, match=rf"row {row}: has 10,001 cells; lossgui reads at most"):
            parse_data_text(text)
    assert len(parse_data_text(",".join(["0.5"] * MAX_COLUMNS)).names) == MAX_COLUMNS


@pytest.mark.parametrize(
    ("text", "why"),
    [("10²", "is not a number"), ("2³", "is not a number"), ("①", "is not a number"),
     ("1_000", "without the underscore"), ("1 2", "space inside"), ("1 000", "space inside"),
     ("1\u00a0000", "space inside"), ("1\u3000000", "space inside"), ("1,000", "not a number")],
)
def test_text_that_folding_would_misread_is_refused(text, why):
    with pytest.raises(ValueError, match=why):
        parse_number(text)
    with pytest.raises(CellError, match=rf"data.csv, row 2, column 'y': .*{why}"):
        parse_data_text(f't,y\n0,"{text}"\n', "data.csv")
    with pytest.raises(CellError, match=rf"row 1, column 2: .*{why}"):
        parse_block(f"0\t{text}")


def test_full_width_digits_and_padding_still_read():
    assert parse_number("１．５") == 1.5
    assert parse_number("\u3000－２\u3000") == -2
    assert parse_number("\u00a01e-7 ") == 1e-7


def test_long_cells_and_names_are_cut_and_quoted_in_messages():
    with pytest.raises(CellError) as caught:
        parse_data_text("t,y\n0," + "x" * 2000 + "\n")
    message = str(caught.value)
    assert len(message) < 120 and "'xxxxxxxx" in message and "…" in message
    assert quoted("a\nb") == "'a\\nb'"  # a newline cannot break the one-line rule
    assert "\n" not in str(CellError("bad", 0, column_name="y\n1"))


def _session(loss: str = "sse") -> str:
    session = Session("t", np.array([0.0, 1.0]), [("y1", np.array([0.5, 0.5]))], loss)
    return to_json(session)


@pytest.mark.parametrize(
    "values", ["1" + "0" * 400, "1" * 5000, "-" + "9" * 5000, "1e999", "Infinity", "NaN"],
)
def test_session_numbers_too_large_for_a_float_are_refused_with_the_element(values):
    text = _session().replace('"values": [\n    0.5', f'"values": [\n    {values}')
    assert text != _session()
    with pytest.raises(SessionError,
                       match=r"s\.json: prediction 1 \('y1'\), element 1 is .*too large"):
        from_json(text, "s.json")


@pytest.mark.parametrize("eps", ["1" + "0" * 400, "7" * 5000])
def test_session_parameters_too_large_are_refused(eps):
    text = _session("cee").replace('"eps": 0.0', f'"eps": {eps}', 1)
    assert text != _session("cee")
    with pytest.raises(SessionError, match=r"s\.json: eps must be a finite number"):
        from_json(text, "s.json")


def test_a_session_whose_names_collide_or_are_blank_is_refused():
    document = json.loads(_session())
    document["target"]["name"] = "y1"
    with pytest.raises(SessionError,
                       match=r"s\.json: the column name 'y1' appears twice") as caught:
        from_json(json.dumps(document), "s.json")
    assert "2回" in caught.value.message_ja
    document["target"]["name"] = " "
    with pytest.raises(SessionError, match="a column has no name"):
        from_json(json.dumps(document), "s.json")


def test_names_longer_than_the_limit_are_refused_in_sessions_and_csv():
    long = "y" * (MAX_NAME_LENGTH + 1)
    document = json.loads(_session())
    document["predictions"][0]["name"] = long
    with pytest.raises(SessionError, match=f"has {MAX_NAME_LENGTH + 1} characters"):
        from_json(json.dumps(document))
    with pytest.raises(CellError, match=r"row 1, column 2: the column name 'yyy.*…' has 201"):
        parse_data_text(f"t,{long}\n0,1\n")
    document["predictions"][0]["name"] = long[:-1]
    assert from_json(json.dumps(document)).predictions[0][0] == long[:-1]


def test_japanese_text_for_the_new_refusals():
    for call in (lambda: parse_data_text(",,,"), lambda: parse_number("1_0"),
                 lambda: parse_data_text("t,t\n1,1\n")):
        with pytest.raises(ValueError) as caught:
            call()
        assert caught.value.message_ja and caught.value.message_ja != str(caught.value)
    assert isinstance(SessionError("x", "エックス"), LossguiError) and math.isinf(float("inf"))


def test_a_prediction_cannot_be_renamed_to_an_over_long_name():
    from lossgui.core.document import DocumentModel

    model = DocumentModel(["t", "y1"], [[0.0], [1.0]])
    with pytest.raises(LossguiError, match="has 201 characters") as caught:
        model.check_name("n" * 201)
    assert caught.value.message_ja


# --- the pastes that froze the window: each linear, or refused as soon as it can be ---------


def test_the_array_wrapper_is_matched_in_linear_time_and_as_before():
    assert parse_list_literal("np.array([[0, 1], [1, 0]], dtype=np.float64)") == [[0, 1], [1, 0]]
    assert parse_list_literal("  numpy . asarray ( (1, 2) )  ") == [[1.0], [2.0]]
    with pytest.raises(CellError, match="'array\\('"):  # 16,000 spaces: 22 s with the old regex
        parse_block_array("array(" + " " * 16000 + "x")
    assert parse_block_array("array([" + "\n" * 30000 + "1])").tolist() == [[1.0]]


def test_a_million_element_list_takes_numpys_path_with_the_ast_paths_values(monkeypatch):
    import ast

    text = "[" + ", ".join(f"{k / 7!r}" for k in range(10**6)) + "]"
    monkeypatch.setattr(ast, "literal_eval", lambda _: pytest.fail("took the per-element path"))
    values = parse_block_array(text)
    assert values.shape == (10**6, 1) and values[:, 0].tolist() == [k / 7 for k in range(10**6)]


@pytest.mark.parametrize("text", [
    "[1, 2, 3]", "[[0, 1], [1, 0]]", "[[1, 2], [3]]", "[01]", "[1e]", "[1,]",
    "[-0.5, .5, 5., 1E+05]",
    "array([[1.5, 2.5, 3]], dtype=float)", "[1e999]", "[" + "9" * 400 + "]", "[1 2]", "[1,,2]",
    "[[1, 2], 3]", "[[[1]]]", "[]", "[+1, - 2]", "[0, 00, 0.0]", "[True]",
])
def test_numpys_list_path_reads_exactly_what_the_ast_path_reads(text):
    try:
        expected = rectangle(parse_block(text))
    except CellError as error:
        with pytest.raises(CellError) as caught:
            parse_block_array(text)
        assert str(caught.value) == str(error)
        return
    assert np.array_equal(parse_block_array(text), expected, equal_nan=True)


def test_a_million_lines_with_a_bad_last_cell_are_refused_without_reading_each(monkeypatch):
    import lossgui.core.blockparse as blockparse

    calls = 0
    real = blockparse.parse_number

    def counting(text: str, decimal_comma: bool = False) -> float:
        nonlocal calls
        calls += 1
        return real(text, decimal_comma)

    monkeypatch.setattr(blockparse, "parse_number", counting)
    monkeypatch.setattr(blockparse, "parse_block", lambda *_: pytest.fail("read every cell"))
    text = "\t".join(["0.5"] * 3) + "\n"
    with pytest.raises(CellError, match=r"row 1000000, column 2: 'oops' is not a number"):
        parse_block_array(text * 999_999 + "0.5\toops\t1")
    assert calls == 2  # the bad line's cells up to the bad one
