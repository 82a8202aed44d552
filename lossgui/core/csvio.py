"""Read data CSVs and write results CSVs: the one implementation the GUI and the CLI share."""

from __future__ import annotations

import csv
import io
import math
import os
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.evaluate import Evaluation
from lossgui.core.numbers import round_trip, setting
from lossgui.core.parsing import is_blank, parse_number
from lossgui.core.problems import CellError, LossguiError, NotANumber

DELIMITERS = (",", ";", "\t")
RESULTS_TOTAL_LABEL = "total"
# Rows per block when parsing (BLOCK_ROWS) and formatting (FORMAT_BLOCK_ROWS) large tables.
# numpy's parser and the C-level joins hold the GIL for a whole call; between blocks the
# interpreter can switch threads, so a GUI thread running this in a worker keeps painting
# (a block takes ~20 ms). The blocks cost no measurable time.
BLOCK_ROWS = 16384
FORMAT_BLOCK_ROWS = 2048


@dataclass
class DataSet:
    """Named numeric columns of equal length, as read from a data file."""

    names: list[str]
    columns: list[FloatArray]

    def column(self, name: str) -> FloatArray:
        """The column called ``name``; LossguiError listing the names there are if none is."""
        try:
            return self.columns[self.names.index(name)]
        except ValueError:
            raise LossguiError(
                f"there is no column {name!r} (columns: {', '.join(self.names)})",
                f"{name!r} という列はありません(列: {', '.join(self.names)})",
            ) from None

    def split(
        self, target: str | None = None, predictions: Sequence[str] = ()
    ) -> tuple[str, FloatArray, list[tuple[str, FloatArray]]]:
        """The target column (``t`` unless named) and the predictions (all others unless named)."""
        target_name = target or "t"
        if target_name not in self.names:
            raise LossguiError(
                f"there is no target column {target_name!r} (columns: {', '.join(self.names)}); "
                "name it with --target",
                f"正解の列 {target_name!r} がありません(列: {', '.join(self.names)})。"
                "--target で指定してください",
            )
        chosen = list(predictions) or [n for n in self.names if n != target_name]
        if not chosen:
            raise LossguiError("there is no prediction column besides the target",
                               "正解のほかに予測の列がありません")
        return (
            target_name,
            self.column(target_name),
            [(name, self.column(name)) for name in chosen],
        )


def decode(raw: bytes, source: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Shift-JIS as Japanese Excel saves."""
    if b"\x00" in raw[:65536]:
        raise CellError("this is not a text file (it contains NUL bytes)", source=source,
                        reason_ja="テキストファイルではありません(NUL バイトを含みます)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932")
    except UnicodeDecodeError:
        raise CellError("this is not UTF-8 or Shift-JIS text", source=source,
                        reason_ja="UTF-8 でも Shift-JIS でもないテキストです") from None


def sniff_delimiter(text: str) -> str:
    """The most frequent of ``,`` ``;`` and tab in the first line, outside quotes."""
    first = text.split("\n", 1)[0]
    counts = {d: _count_outside_quotes(first, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, char: str) -> int:
    quoted = False
    count = 0
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def read_data_csv(path: str | os.PathLike[str], delimiter: str | None = None) -> DataSet:
    """Read a data CSV (or a lossgui results CSV) into named float64 columns.

    A header row names the columns; a file whose first row is all numbers has none and its
    columns are named t, y1, y2, …. Blank cells become NaN (reported as missing by evaluate).
    Raises CellError naming the file, row and column of anything unusable.
    """
    source = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise CellError(f"cannot read the file: {reason}", source=source,
                        reason_ja=f"ファイルを読めません: {reason}") from None
    text = decode(raw, source)
    del raw  # a large file's bytes need not stay alive while it is parsed
    return parse_data_text(text, source, delimiter)


def parse_data_text(text: str, source: str = "<text>", delimiter: str | None = None) -> DataSet:
    """Parse the text of a data CSV; see :func:`read_data_csv`."""
    if not text.strip():
        raise CellError("the file is empty", source=source, reason_ja="ファイルが空です")
    sep = delimiter or sniff_delimiter(text)
    fast = _parse_plain(text, sep)
    return fast if fast is not None else _parse_careful(text, source, sep)


def _parse_plain(text: str, sep: str) -> DataSet | None:
    """The usual file, read by numpy's C parser: None when anything is unusual.

    Unusual means quotes, a blank first line, blank or malformed cells, anything
    ``numpy.loadtxt`` refuses: the careful path then reads the file cell by cell and gives the
    same result as ever, or the error naming the row and column. Where loadtxt does accept a
    cell it reads the same float64 as :func:`parse_number` (both are correctly rounded), and
    with ``;`` every comma is a decimal mark only where parse_number would take it as one
    ("1,000.5" turns into "1.000.5", which loadtxt refuses too).
    """
    if '"' in text or sep not in DELIMITERS:
        return None
    end = text.find("\n")
    first_line = (text if end < 0 else text[:end]).removesuffix("\r")
    if not first_line.strip() or "\r" in first_line:
        return None
    decimal_comma = sep == ";"
    first = first_line.split(sep)
    has_header = not all(_is_number(c, decimal_comma) for c in first)
    names = [c.strip() for c in first] if has_header else [
        "t", *(f"y{i}" for i in range(1, len(first)))]
    if not all(names) or len(set(names)) != len(names):
        return None
    results = _is_results(names)
    skip = 0
    if has_header and end >= 0 and not results and not decimal_comma and "\r" not in text:
        # The usual file: encode it whole and skip the header, so its body is never copied;
        # UTF-8 bytes cost 1 byte a character where a StringIO holds 4.
        source: io.StringIO | io.BytesIO = io.BytesIO(text.encode("utf-8"))
        skip = 1
    else:
        body = text[end + 1:] if has_header and end >= 0 else ("" if has_header else text)
        if results:
            body = body[:_total_row_start(body, sep)]
        if decimal_comma:
            body = body.replace(",", ".")
        source = io.StringIO(body, newline=None)
    blocks: list[np.ndarray] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # e.g. "input contained no data" → careful path
            # Blank lines are skipped either way; with max_rows numpy says so in a warning.
            warnings.filterwarnings("ignore", message="Input line", category=UserWarning)
            while True:
                try:
                    block = np.loadtxt(
                        source, dtype=np.float64, delimiter=sep, skiprows=skip,
                        max_rows=BLOCK_ROWS, comments=None, quotechar=None, ndmin=2,
                        encoding="utf-8",
                    )
                except UserWarning:
                    if not blocks:
                        raise
                    break  # only blank lines were left after the last block
                skip = 0
                if block.shape[1] != len(names):
                    return None
                blocks.append(block)
                if len(block) < BLOCK_ROWS:
                    break
    except (ValueError, UserWarning):
        return None
    finally:
        del source  # its copy of the text is not needed while the columns are copied out
    if not blocks or sum(len(b) for b in blocks) == 0:
        return None
    keep = [c for c, name in enumerate(names) if not results or _is_input(name)]
    columns = []
    for c in keep:
        columns.append(np.concatenate([b[:, c] for b in blocks]))
    return DataSet([names[c] for c in keep], columns)


def _total_row_start(body: str, sep: str) -> int:
    """Where the results CSV's total row starts in ``body`` (its end if there is none)."""
    start = 0
    while (found := body.find(RESULTS_TOTAL_LABEL, start)) >= 0:
        after = body[found + len(RESULTS_TOTAL_LABEL):found + len(RESULTS_TOTAL_LABEL) + 1]
        at_line_start = found == 0 or body[found - 1] in "\r\n"
        if at_line_start and after in (sep, "\r", "\n", ""):
            return found
        start = found + 1
    return len(body)


def _parse_careful(text: str, source: str, sep: str) -> DataSet:
    """Read cell by cell with the csv module: every dialect detail and exact error messages."""
    rows = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=sep))
            if any(not is_blank(c) for c in row)]
    decimal_comma = sep == ";"
    first_line, first = rows[0]
    has_header = not all(_is_number(c, decimal_comma) for c in first)
    if has_header:
        names = [c.strip() for c in first]
        body = rows[1:]
    else:
        names = ["t", *(f"y{i}" for i in range(1, len(first)))]
        body = rows
    _check_names(names, source, first_line)
    body = _results_rows(names, body)
    if not body:
        raise CellError("there are no data rows under the header", first_line + 1, source=source,
                        reason_ja="見出しの下にデータの行がありません")
    values = np.empty((len(body), len(names)))
    for r, (line, row) in enumerate(body):
        if len(row) != len(names):
            raise CellError(
                f"has {len(row)} cells but the header has {len(names)} columns", line,
                source=source,
                reason_ja=f"セルが {len(row)} 個ありますが、見出しは {len(names)} 列です",
            )
        for c, cell in enumerate(row):
            values[r, c] = _cell_value(cell, decimal_comma, source, line, names[c])
    keep = [c for c, name in enumerate(names) if not _is_results(names) or _is_input(name)]
    return DataSet([names[c] for c in keep], [values[:, c].copy() for c in keep])


def _is_number(text: str, decimal_comma: bool) -> bool:
    try:
        parse_number(text, decimal_comma)
    except ValueError:
        return False
    return True


def _cell_value(cell: str, decimal_comma: bool, source: str, line: int, name: str) -> float:
    if is_blank(cell):
        return math.nan
    try:
        return parse_number(cell, decimal_comma)
    except NotANumber as error:
        raise CellError(str(error), line, column_name=name, source=source,
                        reason_ja=error.message_ja) from None


def _check_names(names: list[str], source: str, line: int) -> None:
    for c, name in enumerate(names):
        if not name:
            raise CellError("the header cell is empty; every column needs a name", line, c,
                            source=source,
                            reason_ja="見出しのセルが空です。どの列にも名前が必要です")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise CellError(f"the column name {name!r} appears twice", line, source=source,
                            reason_ja=f"列名 {name!r} が2回出てきます")
        seen.add(name)


def _is_results(names: list[str]) -> bool:
    return bool(names) and names[0] == "k" and any(n.startswith("contribution(") for n in names)


def _is_input(name: str) -> bool:
    """In a results CSV, the columns that were the data (not k, contributions or gradients)."""
    return name != "k" and not name.startswith(("contribution(", "gradient("))


def _results_rows(
    names: list[str], body: list[tuple[int, list[str]]]
) -> list[tuple[int, list[str]]]:
    """A results CSV is read back as its data: rows above the total row, input columns only."""
    if not _is_results(names):
        return body
    end = next((i for i, (_, row) in enumerate(body) if row and row[0] == RESULTS_TOTAL_LABEL),
               len(body))
    return body[:end]


# --- writing ----------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Neutralise text a spreadsheet would run as a formula (CSV injection): prefix a quote."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def results_rows(
    target_name: str,
    t: FloatArray,
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> Iterator[list[str]]:
    """Rows of a results CSV: header, one row per element, the totals, then loss and parameters."""
    yield _results_header(target_name, predictions)
    columns = _results_columns(t, predictions)
    for k, row in enumerate(np.column_stack(columns).tolist(), start=1):
        yield [str(k), *map(round_trip, row)]
    yield from _results_footer(predictions)


def _results_header(
    target_name: str, predictions: Sequence[tuple[str, FloatArray, Evaluation]]
) -> list[str]:
    header = ["k", safe_text(target_name)]
    for name, _, _ in predictions:
        label = safe_text(name)
        header += [label, f"contribution({label})", f"gradient({label})"]
    return header


def _results_columns(
    t: FloatArray, predictions: Sequence[tuple[str, FloatArray, Evaluation]]
) -> list[FloatArray]:
    columns = [t]
    for _, y, ev in predictions:
        columns += [y, ev.contributions, ev.gradient]
    return columns


def _results_footer(
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> Iterator[list[str]]:
    totals = [RESULTS_TOTAL_LABEL, ""]
    for _, _, ev in predictions:
        totals += ["", round_trip(ev.total), ""]
    yield totals
    if predictions:
        evaluation = predictions[0][2]
        yield ["loss", evaluation.loss_id]
        for name, value in evaluation.params.items():
            yield [name, setting(value)]


def _number_lines(columns: Sequence[FloatArray], terminator: str) -> Iterator[str]:
    """The numbered data rows, as csv.writer would write them, built column by column, in blocks.

    ``repr`` of a Python float is exactly :func:`~lossgui.core.numbers.round_trip` (``nan``,
    ``inf``, ``-inf``), and such text never needs quoting, so the rows can skip csv.writer:
    ``map`` and ``join`` run in C, where the per-cell path runs a Python call per cell.
    """
    rows = len(columns[0]) if columns else 0
    flat = [np.asarray(c, dtype=np.float64).ravel() for c in columns]
    for start in range(0, rows, FORMAT_BLOCK_ROWS):  # in blocks: see BLOCK_ROWS
        stop = min(start + FORMAT_BLOCK_ROWS, rows)
        texts = [map(repr, c[start:stop].tolist()) for c in flat]
        lines = map(",".join, zip(map(str, range(start + 1, stop + 1)), *texts, strict=True))
        yield terminator.join(lines) + terminator


def results_csv_text(
    target_name: str,
    t: FloatArray,
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> str:
    """The whole results CSV as text (CRLF line ends, as RFC 4180 and spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = _results_columns(t, predictions)
    if any(np.ndim(c) != 1 for c in columns):  # N×K tables: the row-by-row layout as ever
        writer.writerows(results_rows(target_name, t, predictions))
        return buffer.getvalue()
    writer.writerow(_results_header(target_name, predictions))
    for block in _number_lines(columns, "\r\n"):
        buffer.write(block)
    writer.writerows(_results_footer(predictions))
    return buffer.getvalue()
