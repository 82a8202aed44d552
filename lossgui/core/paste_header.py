"""A pasted block's header row: when the first row is one, and which columns it names.

One rule for a paste of any width, the one opening a CSV follows: a first row that is not numbers
names the columns under it. In the window the block lands on existing columns, so the header
renames the predictions it lands on; the target keeps its name and its role (it is the target by
its place, as ``t`` is in a file), and a name that cannot be used leaves its column's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lossgui.core.arrays import FloatArray
from lossgui.core.blockparse import parse_block_array
from lossgui.core.columns import EditRefused, check_given_name
from lossgui.core.document import TARGET
from lossgui.core.parsing import is_blank, is_number, split_block
from lossgui.core.problems import CellError


@dataclass(frozen=True)
class HeaderedBlock:
    """A pasted block split into its header's cells and the numbers under it."""

    header: tuple[str, ...]
    values: FloatArray


@dataclass(frozen=True)
class HeaderNames:
    """What a header does to the columns it lands on (document columns, target first)."""

    renames: tuple[tuple[int, str, str], ...]  # (column, old name, new name), in order
    kept: tuple[tuple[int, EditRefused], ...]  # columns whose header cell cannot name them
    over_target: bool  # a cell of the header was over t: left out, t stays the target


def split_header(text: str, decimal_comma: bool = False) -> HeaderedBlock | None:
    """The header and the numbers of ``text`` when its first row names columns, else None.

    A header is a first row with a cell that is neither a number nor blank, over rows that are
    all numbers (blanks allowed): a spreadsheet range copied with its titles. Its cells split as
    the rows under it do (tabs, else spaces or commas); over one column the whole line is the
    one name, so ``予測 1`` stays one name.
    """
    parts = _line_and_body(text)
    if parts is None:
        return None
    line, body = parts
    try:
        values = parse_block_array(body, decimal_comma)
    except CellError:
        return None
    if "\t" in line or '"' in line:
        cells = split_block(line)[0]
    elif "\t" in text or values.shape[1] == 1:
        cells = [line]
    else:
        cells = split_block(line, decimal_comma)[0]
    if not _names_something(cells):
        return None
    # A cell past the numbers' last column names nothing: no column of the paste is under it.
    return HeaderedBlock(tuple(cell.strip() for cell in cells[: values.shape[1]]), values)


def refusal_under_header(text: str, decimal_comma: bool = False) -> CellError | None:
    """The first cell under a header row that is not a number, else None (``text`` has no
    header row, or only numbers under it). Rows count from the first under the header, as the
    numbers would land: the header lands on no row.

    A header row is allowed, so it is not the cell to name when the block cannot be read:
    ``y2⏎0,5⏎0,25`` (a European spreadsheet's column with its title) is refused at the 0,5,
    which says what to change, not at y2.
    """
    parts = _line_and_body(text)
    if parts is None:
        return None
    line, body = parts
    cells = split_block(line)[0] if "\t" in line or '"' in line else \
        split_block(line, decimal_comma)[0]
    if not _names_something(cells):
        return None
    try:
        parse_block_array(body, decimal_comma)
    except CellError as error:
        return error
    return None


def _line_and_body(text: str) -> tuple[str, str] | None:
    """The first line and the rest; None when nothing is under the line (it names nothing)."""
    line, _, body = text.replace("\r\n", "\n").partition("\n")
    return None if is_blank(body) else (line, body)


def _names_something(cells: Sequence[str]) -> bool:
    """Whether a row's cells can be a header: one is neither blank nor a number.

    A number with either decimal mark: ``0,5`` where the mark is a point is refused as a
    number, not taken for a column's name (which would rename y2 "0,5").
    """
    return not all(is_blank(cell) or is_number(cell, decimal_comma=True) for cell in cells)


def header_names(header: Sequence[str], first: int, names: Sequence[str]) -> HeaderNames:
    """Which columns a header pasted at document column ``first`` renames, and to what.

    ``names`` are the document's names once the block is in (columns it added have their fresh
    names). Every prediction under the header takes its cell's name; a blank cell or the
    column's own name changes nothing; a name that cannot be used (t, taken, too long) is
    refused with the reason. Checked in order against the names as they will be, so the renames
    can be applied one after another.
    """
    current = list(names)
    renames: list[tuple[int, str, str]] = []
    kept: list[tuple[int, EditRefused]] = []
    over_target = False
    for column, cell in enumerate(header[: max(len(current) - first, 0)], start=first):
        name = cell.strip()
        if column == TARGET:
            over_target = True
            continue
        if not name or name == current[column]:
            continue
        try:
            check_given_name(name, [n for c, n in enumerate(current) if c != column])
        except EditRefused as refused:
            kept.append((column, refused))
            continue
        renames.append((column, current[column], name))
        current[column] = name
    return HeaderNames(tuple(renames), tuple(kept), over_target)
