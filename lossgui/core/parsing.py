"""Text to numbers: a typed cell, a block pasted from a spreadsheet, or a Python/numpy list."""

from __future__ import annotations

import ast
import csv
import io
import math
import re
import unicodedata

from lossgui.core.problems import CellError, NotANumber, quoted

# A list as Python, numpy, PyTorch or a notebook prints it: [0.1, 0.2], np.array([[0, 1], [1, 0]]),
# array([0.1, 0.2]), numpy.array((1, 2)), tensor([[ 1.2, -0.3]], requires_grad=True). Keyword
# tails (dtype=…, device='cuda:0', grad_fn=<AddmmBackward0>, requires_grad=True) are ignored.
# Only the literal inside is evaluated, never code. Matched in linear steps: one regex with a
# lazy body and an optional tail took quadratic time ("array(" and 16,000 spaces: 22 s).
_ARRAY_START = re.compile(r"\s*(?:(?:np|numpy|torch)\s*\.\s*)?(?:array|asarray|tensor)\s*\(")
_KEYWORD_TAIL = re.compile(
    r",\s*\w+\s*=\s*(?:<[^>]*>|'[^']*'|\"[^\"]*\"|[\w.]+)\s*,?\s*\Z")
_KEYWORD_CHARACTERS = 200  # one keyword argument is looked for only this near the end
# A line of code as the article prints it: "y1 = np.array([0.01, 0.65]) # 学習が…". The name
# assigned and a comment after the closing bracket are no part of the values.
_ASSIGNED = re.compile(r"[A-Za-z_]\w*\s*=(?!=)\s*")
_TRAILING_COMMENT = re.compile(r"(?<=[\])])\s*#[^\n]*\Z")
# numpy and PyTorch print a blank as nan and an infinity as inf, which are not Python literals.
_PRINTED_SPECIAL = re.compile(r"(?<![\w.])(-?)(nan|inf)(?![\w.])")
_MINUS_SIGNS = str.maketrans({"−": "-", "‐": "-", "–": "-", "﹣": "-", "－": "-"})
# Full-width ASCII (U+FF01…U+FF5E) and the ideographic space, as a Japanese IME types them.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SPECIAL = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "nan": math.nan,
            "infinity": math.inf, "-infinity": -math.inf}

# A word (between spaces or semicolons) with one comma, between digits, and no point: 0,5 or
# 1,000. With a point as the decimal mark it is no number, and it is refused, not split.
_DECIMAL_COMMA_LOOKALIKE = re.compile(r"(?<![^;\s])([^,.;\s]*\d),(\d[^,.;\s]*)(?![^;\s])")
_SENTINEL = "\x00"  # a kept comma while the text is split (text holding one splits as before)


def parse_number(text: str, decimal_comma: bool = False) -> float:
    """Read one typed number: ``1.5``, ``１．５`` (full-width), ``−2``, ``1e-7``, ``inf``.

    With ``decimal_comma`` (the system locale or a ``;``-separated file writes ``1,5``), a single
    comma is read as the decimal mark. Raises NotANumber (a ValueError) saying why not.

    Only full-width forms are folded to ASCII: NFKC would also read ``10²`` as 102 and ``①`` as
    1, and Python's ``float`` would read ``1_000`` as 1000, so those are refused, as is a space
    inside a number (``1 2``). Thousands separators (``1 000``, ``1,000``) are refused in every
    locale: they cannot be told apart from two numbers, and a refusal can be fixed where a
    misread number cannot be seen.
    """
    normal = text.translate(_FULL_WIDTH).translate(_MINUS_SIGNS).strip()
    if not normal:
        raise NotANumber("the cell is empty", "セルが空です")
    shown = quoted(text.strip())
    if any(c.isspace() for c in normal):
        raise NotANumber(f"{shown} is not a number: it has a space inside (write 1000, not 1 000)",
                         f"{shown} は数ではありません: 途中に空白があります"
                         "(1 000 ではなく 1000 と書きます)")
    if "_" in normal:
        raise NotANumber(f"{shown} is not a number: write it without the underscore",
                         f"{shown} は数ではありません: アンダースコアを除いて書きます")
    if decimal_comma and normal.count(",") == 1 and "." not in normal:
        normal = normal.replace(",", ".")
    elif "," in normal and not decimal_comma and _is_number(normal.replace(",", "")):
        # 1,5 or 1,000: with a point as the decimal mark, neither is one number (see above).
        raise NotANumber(f"{shown} is not a number: the decimal mark is a point here "
                         "(0.5, not 0,5)",
                         f"{shown} は数ではありません: ここでは小数点はピリオドです"
                         "(0,5 ではなく 0.5)")
    elif decimal_comma and "," in normal and "." in normal and \
            _is_number(normal.replace(".", "").replace(",", ".", 1)):
        # 1.000,5: the point is a thousands separator (refused, see above), not the comma.
        raise NotANumber(f"{shown} is not a number: the decimal mark is a comma here and "
                         "thousands take no separator (1000,5, not 1.000,5)",
                         f"{shown} は数ではありません: ここでは小数点はコンマで、桁区切りは"
                         "付けません(1.000,5 ではなく 1000,5)")
    lowered = normal.lower()
    if lowered in _SPECIAL:
        return _SPECIAL[lowered]
    try:
        return float(normal)
    except ValueError:
        raise NotANumber(f"{shown} is not a number", f"{shown} は数ではありません") from None


def _is_number(text: str) -> bool:
    """Whether Python reads ``text`` as a float (no folding: a helper of parse_number)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def is_number(text: str, decimal_comma: bool = False) -> bool:
    """Whether :func:`parse_number` reads ``text`` (a blank is not a number)."""
    try:
        parse_number(text, decimal_comma)
    except ValueError:
        return False
    return True


def is_blank(text: str) -> bool:
    """A cell with nothing in it (spaces included) is blank, i.e. missing, not zero."""
    return not unicodedata.normalize("NFKC", text).strip()


def split_block(text: str, decimal_comma: bool = False) -> list[list[str]]:
    """Split spreadsheet clipboard text into rows of cells.

    Tab-separated when there is a tab (what Excel, LibreOffice and Google Sheets put on the
    clipboard: CRLF line ends, a trailing newline, quoted cells with embedded tabs or newlines);
    otherwise rows of comma- or space-separated numbers, so ``0.1 0.2`` or ``0.1, 0.2`` pasted
    from a text also work. Where the locale's decimal mark is a point, ``0,5`` is one cell (no
    number) rather than two: typed, it is refused, so it is refused pasted too.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if "\t" in text or '"' in text:
        return [row for row in csv.reader(io.StringIO(text), delimiter="\t")] or [[""]]
    # With a decimal comma, "1,5" is one number, so only spaces and semicolons separate.
    separators = r"[;\s]+" if decimal_comma else r"[,;\s]+"
    kept = 0
    if not decimal_comma and "," in text and _SENTINEL not in text:
        # "0,5" (a half, as a European spreadsheet copies it) stays one cell, which
        # parse_number then refuses as it refuses the same text typed: split at the comma it
        # was read as the two numbers 0 and 5 without a word. "0.1,0.2", "1,2,3" and "0, 5"
        # are still lists. Once over the whole text: a newline ends a word as a space does.
        text, kept = _DECIMAL_COMMA_LOOKALIKE.subn(r"\1" + _SENTINEL + r"\2", text)
    rows = []
    for line in text.split("\n"):
        cells = re.split(separators, line.strip()) if line.strip() else [""]
        rows.append([cell.replace(_SENTINEL, ",") for cell in cells] if kept else cells)
    return rows


def cell_refusal(error: NotANumber, row: int, column: int, cell: str,
                 decimal_comma: bool, tabbed: bool) -> CellError:
    """The refusal of a pasted cell; for ``0,5`` kept whole, how to paste two numbers."""
    if "," in cell and not decimal_comma and not tabbed:
        return CellError(f"{error}; between two numbers put a tab or a space", row, column,
                         reason_ja=f"{error.message_ja}。2 つの数の間にはタブか空白を入れます")
    return CellError(str(error), row, column, reason_ja=error.message_ja)


def parse_list_literal(text: str) -> list[list[float]] | None:
    """Read ``[0.1, 0.2]`` or ``np.array([[0, 1], [1, 0]])`` as rows; None if it is not a list.

    A flat list becomes one column (each element a row), as the article's vectors are shown
    as a column of elements. Raises CellError naming the element that is not a number.
    """
    body = list_literal_body(text)
    if not body.startswith(("[", "(")):
        return None
    if "..." in body:
        raise CellError("this print was shortened with “...”, so values are missing; print it "
                        "whole (numpy: np.set_printoptions(threshold=sys.maxsize), PyTorch: "
                        "torch.set_printoptions(profile='full'))",
                        reason_ja="この表示は「...」で省略されていて値が欠けています。全部を表示して"
                        "ください(numpy: np.set_printoptions(threshold=sys.maxsize)、PyTorch: "
                        "torch.set_printoptions(profile='full'))")
    body = _PRINTED_SPECIAL.sub(_special_literal, body)
    try:
        value = ast.literal_eval(body)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise CellError("this looks like a Python list but cannot be read as one",
                        reason_ja="Python のリストのようですが、リストとして読めません") from None
    if not isinstance(value, list | tuple):
        return None
    if all(isinstance(v, list | tuple) for v in value) and value:
        return [[_literal_number(v, r, c) for c, v in enumerate(row)]
                for r, row in enumerate(value)]
    return [[_literal_number(v, r, 0)] for r, v in enumerate(value)]


def list_literal_body(text: str) -> str:
    """The literal inside ``np.array(…)`` or ``tensor(…, requires_grad=True)``; else the text.

    A line of code is read as its value: ``t = np.array([0, 1]) # c`` as ``[0, 1]``.
    """
    stripped = text.strip()
    assigned = _ASSIGNED.match(stripped)
    if assigned is not None:
        value = stripped[assigned.end():]
        if value.startswith(("[", "(")) or _ARRAY_START.match(value):
            stripped = value
    if stripped.startswith(("[", "(")) or _ARRAY_START.match(stripped):
        stripped = _TRAILING_COMMENT.sub("", stripped)
    start = _ARRAY_START.match(stripped)
    if start is None or not stripped.endswith(")"):
        return stripped
    body = stripped[start.end():-1].rstrip()
    while tail := _KEYWORD_TAIL.search(body[-_KEYWORD_CHARACTERS:]):
        body = body[: len(body) - len(tail.group())].rstrip()
    return body.removesuffix(",").strip()


_NESTED_START = re.compile(r"\[\s*\[")


def lists_as_columns(text: str, shape: tuple[int, ...]) -> bool:
    """Whether a vector table takes the block ``text`` was read as (``shape``, rows × columns)
    one list per column: a nested list (``[[…], […]]``, np.array's too) of fewer lists than
    each has numbers, as ``np.array([t, y1])`` prints two vectors. A table row is an element
    k; a taller block, such as the column vector ``[[0.2], [0.3]]``, is its rows as it stands
    (round-7 tester: t and y1 pasted this way became five rows of two and two new columns)."""
    return len(shape) == 2 and shape[0] < shape[1] and \
        _NESTED_START.match(list_literal_body(text)) is not None


def _special_literal(match: re.Match[str]) -> str:
    """``nan`` as None (a blank), ``inf`` as 1e999, which Python reads as infinity."""
    return "None" if match[2] == "nan" else f"{match[1]}1e999"


def _literal_number(value: object, row: int, column: int) -> float:
    if value is None:  # None, or a printed nan: a blank, i.e. missing
        return math.nan
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CellError(f"{quoted(value)} is not a number", row, column,
                        reason_ja=f"{quoted(value)} は数ではありません")
    try:
        return float(value)
    except OverflowError:  # an int beyond float64 (1e999 as a float is already inf)
        raise CellError(f"{quoted(value)} is too large for a number", row, column,
                        reason_ja=f"{quoted(value)} は数として大きすぎます") from None


def parse_block(text: str, decimal_comma: bool = False) -> list[list[float]]:
    """Parse pasted text into rows of floats; blanks become NaN (missing, reported later).

    Raises CellError naming the row and column (0-based, within the block) of a cell that is
    text rather than a number, so nothing is half-applied.
    """
    literal = parse_list_literal(text)
    if literal is not None:
        return literal
    rows = split_block(text, decimal_comma)
    tabbed = "\t" in text or '"' in text  # split as split_block splits it
    parsed: list[list[float]] = []
    for r, cells in enumerate(rows):
        values = []
        for c, cell in enumerate(cells):
            if is_blank(cell):
                values.append(math.nan)
                continue
            try:
                values.append(parse_number(cell, decimal_comma))
            except NotANumber as error:
                raise cell_refusal(error, r, c, cell, decimal_comma, tabbed) from None
        parsed.append(values)
    return parsed
