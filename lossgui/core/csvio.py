"""Read data CSVs and write results CSVs: the one implementation the GUI and the CLI share."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import math
import mmap
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from lossgui.core import batchcsv, plain_blocks
from lossgui.core.arrays import FloatArray
from lossgui.core.atomic import remove_stale_temporaries, unreadable
from lossgui.core.columns import TARGET_NAME, marked_target, target_header
from lossgui.core.evaluate import Evaluation
from lossgui.core.names import duplicate_problem, name_problem
from lossgui.core.numbers import csv_number, setting
from lossgui.core.params import ParamValue
from lossgui.core.parsing import is_blank, is_number, parse_number
from lossgui.core.problems import (
    CellError,
    LossguiError,
    Message,
    NotANumber,
    Severity,
    counted,
    listed_problems,
    quoted,
)
from lossgui.core.project import FORMAT as SESSION_FORMAT

if TYPE_CHECKING:
    import polars

DELIMITERS = (",", ";", "\t")
RESULTS_TOTAL_LABEL = "total"
LINE_END = "\r\n"
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # little- and big-endian
# How much of a file one block of iter_data_blocks reads: ~45,000 rows of three numbers.
STREAM_BLOCK_BYTES = 2 << 20
_NON_BLANK = re.compile(rb"\S")
# Files at least this large are read a block at a time (see _read_in_blocks).
BLOCKED_READ_BYTES = 16 << 20
# A data file is a table a learner looks at; wider than this it is a mistake (one long line of
# numbers, a file that is not a table). Refused before anything is parsed: reading a 200 MB
# line cell by cell took minutes, and numpy would try to allocate rows × columns at once.
MAX_COLUMNS = 10_000
SNIFF_CHARACTERS = 1 << 16  # the delimiter is guessed from this much of the first line


@dataclass
class DataSet:
    """Named numeric columns of equal length, as read from a data file (``source``).

    In a batch file (see :mod:`lossgui.core.batchcsv`) a block ``NAME[0]…NAME[K−1]`` is one
    N×K column called NAME and a plain column is N class indices. ``target`` is the column the
    file marks as the target (``label (t)``, read as ``label``: see
    :func:`~lossgui.core.columns.marked_target`), or None.
    """

    names: list[str]
    columns: list[FloatArray]
    source: str = "<text>"
    target: str | None = None
    # What the reader had to guess, to say beside the data (English, Japanese): the encoding of
    # a file that is not UTF-8 (its names would turn to other letters without a word).
    notes: tuple[Message, ...] = ()

    @property
    def is_batch(self) -> bool:
        """Whether the file held N×K blocks (one row per sample) rather than vectors."""
        return any(c.ndim == 2 for c in self.columns)

    def column(self, name: str) -> FloatArray:
        """The column called ``name``; LossguiError listing the names there are if none is."""
        try:
            return self.columns[self.names.index(name)]
        except ValueError:
            raise LossguiError(
                f"{self.source}: there is no column {quoted(name)} (columns: {self._listed()})",
                f"{self.source}: 列 {quoted(name)} はありません(列: {self._listed()})",
            ) from None

    def split(
        self, target: str | None = None, predictions: Sequence[str] = ()
    ) -> tuple[str, FloatArray, list[tuple[str, FloatArray]]]:
        """The target column (``t``, or the one the file marks, unless named) and the
        predictions (all others unless named)."""
        target_name = target or self.target or TARGET_NAME
        if target_name not in self.names:
            # Asked for by name (--target x), the name is what to fix, not a --target to add.
            how = ("choose one of these with --target", "この中から --target で選んでください") \
                if target else ("name it with --target", "--target で指定してください")
            raise LossguiError(
                f"{self.source}: there is no target column {quoted(target_name)} "
                f"(columns: {self._listed()}); {how[0]}",
                f"{self.source}: 正解の列 {quoted(target_name)} はありません"
                f"(列: {self._listed()})。{how[1]}",
            )
        check_chosen(target_name, predictions)
        chosen = list(predictions) or [
            n for n in self.names
            if n != target_name and (not self.is_batch or self.column(n).ndim == 2)
        ]
        if not chosen:
            raise LossguiError(
                f"{self.source}: there is no prediction column besides the target",
                f"{self.source}: 正解のほかに予測の列がありません",
            )
        if self.is_batch:
            batchcsv.check_split(self.names, self.columns, target_name, chosen)
        return (
            target_name,
            self.column(target_name),
            [(name, self.column(name)) for name in chosen],
        )

    def _listed(self, most: int = 20) -> str:
        """The column names for a message: quoted, at most ``most`` of them."""
        shown = ", ".join(quoted(n) for n in self.names[:most])
        return shown + (f", … ({len(self.names):,})" if len(self.names) > most else "")


def check_chosen(target: str, predictions: Sequence[str]) -> None:
    """Refuse a --pred that is the target (t against itself is always 0) or is named twice."""
    for i, name in enumerate(predictions):
        if name == target:
            raise LossguiError(
                f"--pred {quoted(name)} is the target: each prediction is compared with it, so "
                "it cannot be one (choose another --target to compare it)",
                f"--pred {quoted(name)} は正解の列です。予測は正解と比べるものなので、正解を"
                "予測にはできません(比べるなら --target で別の列を正解にしてください)")
        if name in predictions[:i]:
            raise LossguiError(f"--pred {quoted(name)} is given twice: name each column once",
                               f"--pred {quoted(name)} が2回指定されています。各列は1回だけ"
                               "指定してください")


def decode(raw: bytes, source: str) -> str:
    """Decode a text file (see :func:`decoded`)."""
    return decoded(raw, source)[0]


# A file that is not UTF-8 is read in the encoding a plain "CSV" from Excel has, and said so.
READ_AS_WESTERN: Message = (
    "not UTF-8: read as Windows-1252, the Western European encoding of a CSV from Excel; "
    "check the column names (a \"CSV UTF-8\" file needs no guess)",
    "UTF-8 ではないので、西ヨーロッパの Excel の CSV の文字コード Windows-1252 として読み"
    "ました。列名を確かめてください(「CSV UTF-8」のファイルなら推測は要りません)")
READ_AS_SHIFT_JIS: Message = (
    "not UTF-8: read as Shift-JIS, the encoding of a CSV from Japanese Excel; check the column "
    "names (a \"CSV UTF-8\" file needs no guess)",
    "UTF-8 ではないので、日本語の Excel の CSV の文字コード Shift-JIS として読みました。"
    "列名を確かめてください(「CSV UTF-8」のファイルなら推測は要りません)")
# Letters of the Western European languages in Windows-1252 (é, ü, ß, ñ …; not × or ÷).
_WESTERN_LETTERS = frozenset(
    chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷") | frozenset("ŠšŽžŒœŸ")


def _reads_as_western(text: str) -> bool:
    """Whether ``text`` (decoded as Windows-1252) reads as Western European words: each run of
    non-ASCII characters is one or two letters inside a word of ASCII letters ("prédiction",
    "Größe", "Über"), or one symbol beside a letter, digit or space ("Temp °C", "coût €",
    "µm", "±err"). Shift-JIS's half-width katakana decode to Windows-1252's capitals À–Ý and
    symbols too, but in runs of their own: "ﾓﾃﾞﾙ" (model) is "ÓÃÞÙ", "ﾃﾞｰﾀ" "ÃÞ°À", "ﾀ" "À"."""
    for run in _NON_ASCII_RUNS.finditer(text):
        found = run.group()
        around = text[run.start() - 1:run.start()] + text[run.end():run.end() + 1]
        if len(found) <= 2 and all(c in _WESTERN_LETTERS for c in found):
            if not any(c.isascii() and c.isalpha() for c in around):
                return False
        elif not (found in _WESTERN_SYMBOLS
                  and any(c.isascii() and (c.isalnum() or c == " ") for c in around)):
            return False
    return True


# Symbols a Western column name has (tester10: "y€", "Temp °C", "µm", "±err", "coût €").
_WESTERN_SYMBOLS = frozenset("€£°µ±§²³½¼¾")
_NON_ASCII_RUNS = re.compile(r"[^\x00-\x7f]+")


def decoded(raw: bytes, source: str) -> tuple[str, Message | None]:
    """Decode a text file, and what had to be guessed: UTF-8 (with or without BOM), UTF-16
    with its BOM (Excel's "Unicode text", tab-separated: tester9), else as a plain CSV from
    Excel: Windows-1252 where it reads as Western European words (a French teacher's
    "prédiction"; read as Shift-JIS it became "pr馘iction", tester9 L6), else
    Shift-JIS as Japanese Excel saves. Those two are guesses, and the note says which."""
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            raise _damaged_utf16(source) from None
    if b"\x00" in raw[:65536]:
        raise CellError("this is not a text file (it contains NUL bytes)", source=source,
                        reason_ja="テキストファイルではありません(NUL バイトを含みます)")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined (Shift-JIS's 正 is 0x90)
        western = None
    if western is not None and _reads_as_western(western):
        return western, READ_AS_WESTERN
    try:
        return raw.decode("cp932"), READ_AS_SHIFT_JIS
    except UnicodeDecodeError:
        raise CellError("this is not UTF-8 or Shift-JIS text", source=source,
                        reason_ja="UTF-8 でも Shift-JIS でもないテキストです") from None


def _first_line(text: str) -> str:
    """The text up to the first line end of any kind (LF, CRLF or an old Mac's CR)."""
    ends = [i for i in (text.find("\n"), text.find("\r")) if i >= 0]
    return text[:min(ends)] if ends else text


def sniff_delimiter(text: str) -> str:
    """The most frequent of ``,`` ``;`` and tab in the first line, outside quotes."""
    first = _first_line(text)[:SNIFF_CHARACTERS]
    counts = {d: _count_outside_quotes(first, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, char: str) -> int:
    if '"' not in line:
        return line.count(char)  # in C: a 200 MB first line is counted in a blink
    quoted = False
    count = 0
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def read_data_csv(
    path: str | os.PathLike[str], delimiter: str | None = None, whole: bool = False
) -> DataSet:
    """Read a data CSV (or a lossgui results CSV) into named float64 columns.

    A header row names the columns; a file whose first row is all numbers has none and its
    columns are named t, y1, y2, …. Blank cells become NaN (reported as missing by evaluate).
    Raises CellError naming the file, row and column of anything unusable. A large file is
    read in blocks (a third of the peak memory, for the window); ``whole`` reads it at once
    where it can, faster (the command line). Either way the columns are the same.
    """
    source = os.fspath(path)
    remove_stale_temporaries(path)  # left beside it by a write that was killed
    try:
        size = os.path.getsize(path)
        if size >= BLOCKED_READ_BYTES:
            read = (_read_whole_fast(path, delimiter) if whole
                    else _read_plain_blocks(path, delimiter, size))
            read = read if read is None else _read_target_mark(read)
            blocked = read if read is not None else _read_in_blocks(path, delimiter, size)
            if blocked is not None:
                return blocked
        raw = Path(path).read_bytes()
    except OSError as error:
        raise unreadable(source, error) from None
    except CellError as error:
        raise explained_refusal(path, error) from None
    try:
        return parse_data_bytes(raw, source, delimiter)
    except CellError as error:
        raise explained_refusal(path, error, raw) from None


# A line that starts as print(z) does in PyTorch ("tensor([[") or repr() in NumPy ("array([").
_PRINTED = re.compile(r"^\s*(?:tensor|array)\(\s*\[", re.MULTILINE)


def explained_refusal(
    path: str | os.PathLike[str], error: CellError, head: bytes | None = None
) -> CellError:
    """``error``, or what the file is when it is no table at all: a session, JSON, a print.

    "row 1, column 4: a column has no name" for a session, or "has 4 cells but the header has
    2 columns" for a pasted tensor, told the tester what the reader tripped on, not what the
    file was. Only a refused file is looked at again, so no table is ever misjudged.
    """
    if head is None:
        try:
            with Path(path).open("rb") as handle:
                head = handle.read(SNIFF_CHARACTERS)
        except OSError:
            return error
    source = os.fspath(path)
    workbook = _workbook_kind(head)
    if workbook is not None:
        english, japanese = workbook
        return CellError(
            f"this is {english}, not a CSV: in the spreadsheet use Save As ▸ CSV UTF-8 (comma "
            "delimited), then open that file", source=source,
            reason_ja=f"これは{japanese}で、CSV ではありません。表計算ソフトで「名前を付けて保存」"
            "▸「CSV UTF-8 (コンマ区切り)」で保存し、そのファイルを開いてください")
    text = head[:SNIFF_CHARACTERS].removeprefix(UTF8_BOM).decode("utf-8", "replace")
    if text.lstrip().startswith(("{", "[")):
        if SESSION_FORMAT in text:
            return CellError(
                "this is a lossgui session (JSON), not a data CSV: a session is recognised by "
                "its name, so give it a name ending in .lossgui.json", source=source,
                reason_ja="これは lossgui のセッション(JSON)で、データの CSV ではありません。"
                "セッションは名前で見分けるので、.lossgui.json で終わる名前にしてください")
        return CellError(
            "this is JSON, not a data CSV: lossgui reads a CSV with a header row (t, y1, …) "
            "or a session it saved (.lossgui.json)", source=source,
            reason_ja="これは JSON で、データの CSV ではありません。lossgui が読むのは見出し行"
            "(t, y1, …)のある CSV か、lossgui が保存したセッション(.lossgui.json)です")
    if _PRINTED.search(text):
        return CellError(
            "this is a printed tensor or array (as PyTorch or NumPy print it), not a data CSV: "
            "paste it into a table of the window (copy it, click a cell, Ctrl+V), or write the "
            "numbers as a CSV with a header row (t, y1, …)", source=source,
            reason_ja="これは PyTorch や NumPy が表示したテンソル・配列で、データの CSV では"
            "ありません。ウィンドウの表に貼り付けるか(コピーしてセルをクリックし Ctrl+V)、"
            "見出し行(t, y1, …)のある CSV に書いてください")
    return error


def _workbook_kind(head: bytes) -> tuple[str, str] | None:
    """What a spreadsheet file is, in English and Japanese, from its first bytes; None for any
    other file. A teacher's likeliest wrong file: it was refused as "not a text file" (tester9)."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of Excel 97–2003
        return "an Excel 97–2003 workbook (.xls)", " Excel 97–2003 のブック(.xls)"
    if not head.startswith(b"PK\x03\x04"):  # a ZIP archive: xlsx and ods are ZIPs
        return None
    if b"opendocument.spreadsheet" in head:
        return "an OpenDocument spreadsheet (.ods)", " OpenDocument のスプレッドシート(.ods)"
    if b"xl/" in head or b"[Content_Types].xml" in head:
        return "an Excel workbook (.xlsx)", " Excel のブック(.xlsx)"
    return "a ZIP archive", " ZIP アーカイブ"


class _QuotedFile(Exception):
    """A quote in a file read in blocks: a quoted cell may span lines, so read it whole."""


def _read_in_blocks(path: str | os.PathLike[str], delimiter: str | None,
                    size: int) -> DataSet | None:
    """A large file read block by block into columns sized from the first block's rows.

    The same result as reading it whole (each block is parsed by the same code, refusals name
    the file's row), in a third of the peak memory: the whole file's bytes and polars' copy of
    every column never exist at once (measured at 10⁶ rows: docs/benchmarks.md). None for a
    file with quotes, which is read whole.
    """
    names: list[str] = []
    target: str | None = None
    columns: list[FloatArray] = []
    filled = 0
    try:
        for _, done, block in iter_data_blocks(path, delimiter, plain_only=True):
            rows = len(block.columns[0])
            if not columns:
                names, target = block.names, block.target
                # The file's rows, estimated from this block's bytes per row, with room to
                # spare; a file whose later rows are shorter makes the columns grow.
                capacity = int(size / max(done, 1) * rows * 1.05) + 16
                columns = [np.empty((capacity, *c.shape[1:])) for c in block.columns]
            if filled + rows > len(columns[0]):
                capacity = max(2 * len(columns[0]), filled + rows)
                columns = [plain_blocks.grown(c, capacity, filled) for c in columns]
            for whole, part in zip(columns, block.columns, strict=True):
                whole[filled:filled + rows] = part
            filled += rows
    except _QuotedFile:
        return None
    if not columns:
        raise CellError("the file is empty", source=os.fspath(path), reason_ja="ファイルが空です")
    return DataSet(names, [c[:filled] for c in columns], os.fspath(path), target)


def parse_data_bytes(raw: bytes, source: str, delimiter: str | None = None) -> DataSet:
    """Parse the bytes of a data CSV; see :func:`read_data_csv`."""
    data = _parse_fast(raw, delimiter)
    if data is None:
        text, note = decoded(raw, source)
        del raw  # a large file's bytes need not stay alive while it is parsed
        data = _batch_or_vectors(_parse_text(text, source, delimiter), source, lambda: text,
                                 delimiter)
        data.notes = (note,) if note else ()
    else:
        data = _batch_or_vectors(data, source, partial(decode, raw, source), delimiter)
    data.source = source
    return _read_target_mark(data)


def _read_target_mark(data: DataSet) -> DataSet:
    """``data`` with the target its file marks (``label (t)``) named ``label`` and known."""
    names, target = marked_target(data.names)
    if target is not None:
        data.names, data.target = names, target
    return data


def iter_data_blocks(
    path: str | os.PathLike[str], delimiter: str | None = None,
    block_bytes: int = STREAM_BLOCK_BYTES, plain_only: bool = False,
) -> Iterator[tuple[int, int, DataSet]]:
    """Read a data CSV a block of whole lines at a time: (first data row, bytes read, block).

    Each block is parsed as a file of its own with the file's header, so a file of any size
    is read in bounded memory; a refusal names the row of the whole file. The first data row
    is 0-based. Lines are split at ``\\n``: a file with CR-only line ends is one block. With
    ``plain_only``, a quote anywhere raises _QuotedFile (a quoted cell may hold a line end).
    """
    source = os.fspath(path)
    for block in _raw_blocks(path, delimiter, block_bytes, plain_only):
        yield block.first_row, block.done, _parse_block(block.text, source, delimiter,
                                                        block.first_row)


@dataclass(frozen=True)
class _RawBlock:
    """Whole lines of a data file, headed by the file's header line, not parsed yet."""

    text: bytes
    first_row: int  # the 0-based data row of its first line
    done: int  # the file's bytes read up to its end


def _raw_blocks(path: str | os.PathLike[str], delimiter: str | None, block_bytes: int,
                plain_only: bool) -> Iterator[_RawBlock]:
    """The blocks of :func:`iter_data_blocks`, cut at line ends and counted, not parsed."""
    source = os.fspath(path)
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 (closed by the with below)
    except OSError as error:
        raise unreadable(source, error) from None
    with handle:
        read = _utf8_reader(handle, source)
        header = b""
        first_row = 0  # data rows before this block
        carry = b""
        done = 0
        while True:
            try:
                chunk = read(block_bytes)
            except OSError as error:
                raise unreadable(source, error) from None
            done += len(chunk)
            if plain_only and b'"' in chunk:
                raise _QuotedFile
            if not chunk and not carry:
                break
            cut = chunk.rfind(b"\n") + 1 if chunk else 0
            if chunk and cut == 0:  # no line end yet: read on (a CR-only file is one block)
                carry += chunk
                continue
            # One copy a block: the header, the last block's unfinished line, these lines.
            text = b"".join([header, carry, memoryview(chunk)[:cut] if chunk else b""])
            carry = chunk[cut:]
            del chunk
            if _NON_BLANK.search(text, len(header)) is None:  # only blank lines
                continue
            start = max(first_row, 0)
            lines = _line_ends(text) - header.count(b"\n")
            lines += not text.endswith(b"\n")
            if first_row == 0 and not header:
                header = _header_line(text, delimiter)
                first_row -= 1 if header else 0
            first_row += lines
            yield _RawBlock(text, start, done)
            del text


def _damaged_utf16(source: str) -> CellError:
    return CellError("this UTF-16 text is damaged (it cannot be decoded)", source=source,
                     reason_ja="この UTF-16 のテキストは壊れています(読み取れません)")


def _utf8_reader(handle: BinaryIO, source: str) -> Callable[[int], bytes]:
    """``handle.read``, or for a UTF-16 file its text as UTF-8 bytes: the blocks are cut at
    b"\\n", which in UTF-16 is half of a character."""
    if handle.read(2) not in UTF16_BOMS:
        handle.seek(0)
        return handle.read
    handle.seek(0)
    reader = codecs.getreader("utf-16")(handle)

    def read(size: int) -> bytes:
        try:
            return reader.read(size).encode("utf-8")
        except UnicodeDecodeError:
            raise _damaged_utf16(source) from None

    return read


def _line_ends(text: bytes) -> int:
    """How many ``\\n`` the bytes hold: numpy compares them all at once, where bytes.count
    looks at them one by one (0.09 ms against 1.36 ms a 2 MB block, measured; ~30 ms of CPU in
    reading the 10⁶-row file)."""
    return int(np.count_nonzero(np.frombuffer(text, dtype=np.uint8) == ord("\n")))


def _header_line(lines: bytes, delimiter: str | None) -> bytes:
    """The first block's header line (with its line end), or b"" for a file without one."""
    first = lines[:lines.find(b"\n") + 1]
    text = first.decode("utf-8", "replace").removeprefix("\ufeff").rstrip("\r\n")
    sep = delimiter or sniff_delimiter(text)
    return first if _is_header(text.split(sep), sep == ";") else b""


def _parse_block(raw: bytes, source: str, delimiter: str | None, first_row: int) -> DataSet:
    """One block of :func:`iter_data_blocks`; a CellError's row is moved to the whole file's."""
    try:
        return parse_data_bytes(raw, source, delimiter)
    except CellError as error:
        if error.row is None or not first_row:
            raise
        # Block row r is data row first_row + r − 1 under the header, first_row + r without;
        # either way it is line first_row + r of the whole file.
        raise dataclasses.replace(error, row=error.row + first_row) from None


def parse_data_text(text: str, source: str = "<text>", delimiter: str | None = None) -> DataSet:
    """Parse the text of a data CSV; see :func:`read_data_csv`."""
    data = _parse_fast(text.encode("utf-8"), delimiter) or _parse_text(text, source, delimiter)
    data = _batch_or_vectors(data, source, lambda: text, delimiter)
    data.source = source
    return _read_target_mark(data)


def _batch_or_vectors(
    data: DataSet, source: str, text: Callable[[], str], delimiter: str | None
) -> DataSet:
    """A file with ``NAME[k]`` columns as its N×K blocks; any other file as it was read.

    A refusal names the line in the file: the text is only looked at again for that.
    """
    if not batchcsv.has_blocks(data.names):
        return data
    try:
        names, columns = batchcsv.assemble(data.names, data.columns)
    except batchcsv.BlockError as error:
        content = text()
        rows = _careful_rows(content, source, delimiter or sniff_delimiter(content))
        header = [c.strip() for c in rows[0][1]]
        line = rows[0][0] if error.sample is None else \
            _results_rows(header, rows[1:])[error.sample][0]
        raise CellError(error.message[0], line, column_name=error.column, source=source,
                        reason_ja=error.message[1]) from None
    return DataSet(names, columns)


def _careful_rows(text: str, source: str, sep: str) -> list[tuple[int, list[str]]]:
    """The file's records that are not blank, each with its 0-based line."""
    return [(n, row) for n, row in _rows(text, source, sep)
            if any(not is_blank(c) for c in row)]


def _parse_text(text: str, source: str, delimiter: str | None) -> DataSet:
    if not text.strip():
        raise CellError("the file is empty", source=source, reason_ja="ファイルが空です")
    sep = delimiter or sniff_delimiter(text)
    _check_width(_first_line(text), sep, source, 0)
    return _parse_careful(text, source, sep)


def _polars() -> ModuleType:
    """polars, imported on first use: it costs ~0.1 s, which only reading or writing needs."""
    import polars

    return polars


def _parse_fast(raw: bytes, delimiter: str | None) -> DataSet | None:
    """The usual file, read by polars' multi-threaded parser: None when anything is unusual.

    Unusual means quotes, a blank or CR-only first line, other encodings than UTF-8, blank or
    malformed cells, ragged rows: the careful path then reads the file cell by cell and gives
    the same result as ever, or the error naming the row and column. polars accepts a subset
    of what :func:`~lossgui.core.parsing.parse_number` reads (plain decimal and exponent
    notation, inf, nan), with the same correctly rounded float64 (tests/core/test_csvio.py
    compares them cell by cell), and refuses the rest, which then takes the careful path.
    """
    body = raw.removeprefix(UTF8_BOM)
    if b'"' in body or b"\x00" in body[:65536]:
        return None
    plan = _fast_plan(body, delimiter)
    if plan is None:
        return None
    if plan.results:
        body = body[:_total_row_start(body, plan.sep.encode())]
    return _fast_columns(body, plan)


def _read_whole_fast(path: str | os.PathLike[str], delimiter: str | None) -> DataSet | None:
    """:func:`_parse_fast` with polars reading the file itself, mapped and multi-threaded, for
    the command line: 39 against 65–81 ms for the 44 MB, 10⁶-row file on 2 cores, at the cost
    of the window's lower peak (:func:`_read_in_blocks`). None where _parse_fast is needed
    (a BOM, a results file) or would say None."""
    with Path(path).open("rb") as handle, mmap.mmap(handle.fileno(), 0,
                                                     access=mmap.ACCESS_READ) as mapped:
        head = mapped[:65536]
        plan = None if mapped.find(b'"') >= 0 else _plain_plan(head, delimiter)
    if plan is None:
        return None
    source = os.fspath(path)
    data = _fast_columns(source, plan)
    if data is None:
        return None
    data = _batch_or_vectors(data, source, lambda: decode(Path(path).read_bytes(), source),
                             delimiter)
    data.source = source
    return data


def _read_plain_blocks(path: str | os.PathLike[str], delimiter: str | None,
                       size: int) -> DataSet | None:
    """The usual large file for the window, parsed by polars a few blocks at a time on every
    core in bounded memory (:mod:`~lossgui.core.plain_blocks`). None where anything is unusual:
    :func:`_read_in_blocks` then reads it, with the same columns or the error naming the cell.
    """
    with Path(path).open("rb") as handle:
        head = handle.read(SNIFF_CHARACTERS)
        end = head.find(b"\n")
        # A quoted header is the careful reader's (csv unquotes names); in a data line a
        # quote makes polars refuse the cell (plain_blocks).
        plan = None if b'"' in head[:end] else _plain_plan(head, delimiter)
        if plan is None:
            return None
        handle.seek(end + 1 if plan.has_header else 0)
        columns = plain_blocks.read_columns(handle, size, _polars_options(plan), len(plan.names),
                                           STREAM_BLOCK_BYTES)
    if columns is None:
        return None
    names = plan.names
    if batchcsv.has_blocks(names):
        try:
            names, columns = batchcsv.assemble(names, columns)
        except batchcsv.BlockError:
            return None  # blocks that do not fit together: the careful reader says where
    return DataSet(names, columns, os.fspath(path))


def _plain_plan(head: bytes, delimiter: str | None) -> _FastPlan | None:
    """The plan of a large file polars may read itself (both fast readers): None for a BOM, a
    NUL, a head without a line end, a results file, or what :func:`_fast_plan` refuses."""
    if head.startswith(UTF8_BOM) or b"\x00" in head or b"\n" not in head:
        return None
    plan = _fast_plan(head, delimiter)
    return None if plan is None or plan.results else plan


@dataclass(frozen=True)
class _FastPlan:
    """How polars is to read a plain file: its separator, column names and header."""

    sep: str
    names: list[str]
    has_header: bool
    results: bool


def _fast_plan(head: bytes, delimiter: str | None) -> _FastPlan | None:
    """The plan from a file's first line, or None for one the careful path must read."""
    end = head.find(b"\n")
    try:
        first_line = (head if end < 0 else head[:end]).decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError:
        return None
    sep = delimiter or sniff_delimiter(first_line)
    if not first_line.strip() or "\r" in first_line or sep not in DELIMITERS:
        return None
    if first_line.count(sep) >= MAX_COLUMNS:
        return None  # the careful path refuses it, before splitting it
    first = first_line.split(sep)
    has_header = _is_header(first, sep == ";")
    names = [c.strip() for c in first] if has_header else _unnamed(len(first))
    if any(map(name_problem, names)) or duplicate_problem(names):
        return None  # the careful path says which name and why
    return _FastPlan(sep, names, has_header, _is_results(names))


def _fast_columns(source: bytes | str, plan: _FastPlan) -> DataSet | None:
    """polars' reading of ``source`` (bytes, or a file's path) by ``plan``, or None."""
    pl = _polars()
    try:
        frame = pl.read_csv(source, skip_rows=1 if plan.has_header else 0,
                            **_polars_options(plan))
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException):
        return None
    if frame.height == 0:
        return None
    if _has_nulls(frame):
        # A blank line is a row of nulls (the careful path skips it, as it skips ",,");
        # any other null is a blank cell or a short row, which the careful path explains.
        blank_rows = frame.select(pl.all_horizontal(pl.all().is_null())).to_series()
        frame = frame.filter(~blank_rows)
        if frame.height == 0 or _has_nulls(frame):
            return None
    keep = [name for name in plan.names if not plan.results or _is_input(name)]
    return DataSet(keep, [frame[name].to_numpy(writable=True) for name in keep])


def _polars_options(plan: _FastPlan) -> dict[str, Any]:
    """How polars reads the data lines of a file by ``plan`` (its header skipped by the
    caller): every cell a float64, no quotes, no comments, as _parse_fast has checked."""
    pl = _polars()
    return {"has_header": False, "schema": {name: pl.Float64 for name in plan.names},
            "separator": plan.sep, "decimal_comma": plan.sep == ";", "quote_char": None,
            "comment_prefix": None, "raise_if_empty": False, "encoding": "utf8"}


def _has_nulls(frame: polars.DataFrame) -> bool:
    """Whether a polars frame has a null anywhere: each column knows its count (no query)."""
    return any(column.null_count() for column in frame.get_columns())


def _total_row_start(body: bytes, sep: bytes) -> int:
    """Where the results CSV's total row starts in ``body`` (its end if there is none)."""
    label = RESULTS_TOTAL_LABEL.encode()
    start = 0
    while (found := body.find(label, start)) >= 0:
        after = body[found + len(label):found + len(label) + 1]
        at_line_start = found == 0 or body[found - 1:found] in (b"\r", b"\n")
        if at_line_start and after in (sep, b"\r", b"\n", b""):
            return found
        start = found + 1
    return len(body)


def _check_width(line: str, sep: str, source: str, row: int) -> None:
    """Refuse a row of more than MAX_COLUMNS cells before it is split into them."""
    if len(line) > MAX_COLUMNS and (count := line.count(sep) + 1) > MAX_COLUMNS:
        raise CellError(
            f"has {count:,} cells; lossgui reads at most {MAX_COLUMNS:,} columns", row,
            source=source,
            reason_ja=f"セルが {count:,} 個あります。読める列は {MAX_COLUMNS:,} 列までです",
        )


def _rows(text: str, source: str, sep: str) -> Iterator[tuple[int, list[str]]]:
    """The csv module's rows with their 0-based row numbers; its errors as CellError.

    Line ends are read universally, so a file saved with an old Mac's (or Excel's) CR-only
    line ends reads like any other.
    """
    def lines() -> Iterator[str]:
        for number, line in enumerate(io.StringIO(text, newline=None)):
            _check_width(line, sep, source, number)
            yield line

    reader = csv.reader(lines(), delimiter=sep)
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # reader.line_num counts lines read, so the failing row is the last one read
            limit = csv.field_size_limit()
            too_long = str(error).startswith("field larger")
            raise CellError(
                f"a cell is longer than {limit:,} characters" if too_long
                else f"this row cannot be read as CSV: {error}", reader.line_num - 1,
                source=source,
                reason_ja=f"{limit:,} 文字より長いセルがあります" if too_long
                else f"この行は CSV として読めません: {error}",
            ) from None
        yield n, row
        n += 1


def _parse_careful(text: str, source: str, sep: str) -> DataSet:
    """Read cell by cell with the csv module: every dialect detail and exact error messages."""
    rows = _careful_rows(text, source, sep)
    if not rows:
        raise CellError("the file has no cell with anything in it", source=source,
                        reason_ja="ファイルに中身のあるセルがありません")
    decimal_comma = sep == ";"
    first_line, first = rows[0]
    has_header = _is_header(first, decimal_comma)
    if has_header:
        names = [c.strip() for c in first]
        body = rows[1:]
    else:
        names = _unnamed(len(first))
        body = rows
    _check_names(names, source, first_line)
    if len(names) == 1 and (wrong := _other_delimiter(names[0], sep)):
        raise CellError(wrong[0], first_line, source=source, reason_ja=wrong[1])
    body = _results_rows(names, body)
    if not body:
        raise CellError("there are no data rows under the header", first_line + 1, source=source,
                        reason_ja="見出しの下にデータの行がありません")
    values = np.empty((len(body), len(names)))
    for r, (line, row) in enumerate(body):
        if len(row) != len(names):
            raise CellError(
                f"has {counted(len(row), 'cell')} but the header has "
                f"{counted(len(names), 'column')}", line,
                source=source,
                reason_ja=f"セルが {len(row)} 個ありますが、見出しは {len(names)} 列です",
            )
        for c, cell in enumerate(row):
            values[r, c] = _cell_value(cell, sep, source, line, names[c])
    keep = [c for c, name in enumerate(names) if not _is_results(names) or _is_input(name)]
    return DataSet([names[c] for c in keep], [values[:, c].copy() for c in keep])


def _unnamed(count: int) -> list[str]:
    """Names for the columns of a file without a header: t, y1, y2, …"""
    return [TARGET_NAME, *(f"y{i}" for i in range(1, count))]


def _is_header(first_row: Sequence[str], decimal_comma: bool) -> bool:
    """A first row that is not all numbers names the columns; one that is, is data."""
    return not all(is_number(c, decimal_comma) for c in first_row)


def _cell_value(cell: str, sep: str, source: str, line: int, name: str) -> float:
    if is_blank(cell):
        return math.nan
    try:
        return parse_number(cell, decimal_comma=sep == ";")
    except NotANumber as error:
        en, ja = _other_delimiter(cell, sep, name) or (str(error), error.message_ja)
        raise CellError(en, line, column_name=name, source=source, reason_ja=ja) from None


# How a delimiter is named in a sentence, and the --delimiter value (as typed) that chooses it.
_DELIMITER_WORDS = {"\t": ("a tab", "タブ", "tab"), ";": ("';'", "';'", "';'"),
                    ",": ("','", "','", "','")}  # quoted for the shell, as ';' must be


def _other_delimiter(text: str, sep: str, header: str | None = None) -> tuple[str, str] | None:
    """Why ``text`` holding another delimiter than the file's ``sep`` is unusable.

    ``text`` is a header read as one column (``header`` None), or a cell of the column named
    ``header``. When the header holds that delimiter too, --delimiter was wrong (the detected
    one always splits the first line) and the likely one is named; "'0\\t0.1' has a space
    inside" sent the tester looking for spaces.
    """
    others = [d for d in DELIMITERS if d != sep and d in text]
    if not others:
        return None
    line = text if header is None else header
    counts = {d: line.count(d) for d in DELIMITERS if d != sep}
    likely = max(counts, key=lambda d: counts[d])
    shown = quoted(text.strip())
    if not counts[likely]:  # a stray character in one cell of a file split rightly
        if (sep, others) == (";", [","]):  # the decimal mark of a ';' file: 1.000,5 is not
            return None  # wrong for its comma (the number's own reason says what is)
        if (sep, others) == ("\t", [","]) and is_number(text, decimal_comma=True):
            # A European spreadsheet's TSV: say what to change, not "a ',' no number has".
            fixed = quoted(text.strip().replace(",", "."))
            return (f"{shown} is not a number here: a tab-separated file takes a decimal point "
                    f"({fixed}); decimal commas are read in a ';'-separated file",
                    f"{shown} はここでは数ではありません: タブ区切りのファイルの小数点は"
                    f"ピリオドです({fixed})。小数点のコンマは ';' 区切りのファイルで読めます")
        word, word_ja, _ = _DELIMITER_WORDS[others[0]]
        return (f"{shown} is not a number: it contains {word}, which no number has",
                f"{shown} は数ではありません: 数にはない{word_ja}を含みます")
    word, word_ja, option = _DELIMITER_WORDS[likely]
    used, used_ja, _ = _DELIMITER_WORDS[sep]
    hint = (f"so the file is probably separated by {word}, not {used} (--delimiter {option}, "
            "or leave --delimiter out to detect it)",
            f"このファイルの区切りは {used_ja} ではなく{word_ja}のようです(--delimiter {option} "
            "を指定するか、--delimiter を外すと自動で判定します)")
    if header is not None:
        return (f"{shown} is not a number: it contains {word}, {hint[0]}",
                f"{shown} は数ではありません: {word_ja}を含みます。{hint[1]}")
    return (f"the header {shown} is one column when split at {used}, but it contains {word}, "
            f"{hint[0]}",
            f"見出し {shown} は {used_ja} で区切ると1列ですが、{word_ja}を含みます。{hint[1]}")


def _check_names(names: list[str], source: str, line: int) -> None:
    for c, name in enumerate(names):
        if problem := name_problem(name):
            raise CellError(problem[0], line, c, source=source, reason_ja=problem[1])
    if problem := duplicate_problem(names):
        raise CellError(problem[0], line, source=source, reason_ja=problem[1])


def _is_results(names: list[str]) -> bool:
    return bool(names) and names[0] in ("k", batchcsv.SAMPLE_LABEL) and any(
        n.startswith("contribution(") for n in names)


def _is_input(name: str) -> bool:
    """In a results CSV, the columns that were the data (not k/n, contributions or gradients)."""
    return name not in ("k", batchcsv.SAMPLE_LABEL) and not name.startswith(
        ("contribution(", "gradient("))


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
        yield [str(k), *map(csv_number, row)]
    yield from _results_footer(predictions)


def _results_header(
    target_name: str, predictions: Sequence[tuple[str, FloatArray, Evaluation]]
) -> list[str]:
    # A target not called t is marked, as a data CSV marks it, so the file reopens with it
    header = ["k", safe_text(target_header(target_name))]
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
        totals += ["", csv_number(ev.total), ""]
    yield totals
    yield from _parameter_rows(predictions)
    yield from _problem_rows(predictions)


def _problem_rows(
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> Iterator[list[str]]:
    """After the parameters, each warning and note: kind, prediction, element k, sentence.

    So a report keeps them (the table and stderr of ``lossgui compute`` say the same). The
    prediction is blank for a remark about t alone, k for one about a whole vector.
    """
    for name, problem in listed_problems(predictions):
        kind = "note" if problem.severity is Severity.NOTE else "warning"
        where = "" if problem.index is None else ":".join(str(i + 1) for i in problem.index)
        yield [kind, safe_text(name) if name else "", where, safe_text(problem.message)]


def _parameter_rows(
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> Iterator[list[str]]:
    """The loss id and each parameter, one ``name,value`` row each, so the file explains itself."""
    if predictions:
        evaluation = predictions[0][2]
        yield ["loss", evaluation.loss_id]
        for name, value in evaluation.params.items():
            yield [name, setting(value)]


def _write_number_rows(handle: BinaryIO, columns: Sequence[FloatArray]) -> None:
    """The numbered data rows (k, then every column), written by polars' multi-threaded writer.

    Numbers never need quoting, so these rows sit between csv.writer's header and footer as
    csv.writer would write them; NaN (a blank) is written ``nan``, as
    :func:`~lossgui.core.numbers.csv_number` writes it.
    """
    pl = _polars()
    rows = len(columns[0]) if columns else 0
    series = [pl.Series("k", np.arange(1, rows + 1, dtype=np.int64))]
    for i, column in enumerate(columns):
        values = pl.Series(str(i), np.asarray(column, dtype=np.float64).ravel())
        # polars spells NaN "NaN"; as a null it is written as null_value. Only where there is
        # one: fill_nan copies the column.
        series.append(values.fill_nan(None) if values.is_nan().any() else values)
    frame = pl.DataFrame(series)
    frame.write_csv(handle, include_header=False, line_terminator=LINE_END, null_value="nan")


def _csv_lines(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=LINE_END).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_results_csv(
    handle: BinaryIO,
    target_name: str,
    t: FloatArray,
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
    bom: bool = False,
) -> None:
    """Write the results CSV as UTF-8 (CRLF line ends, as RFC 4180 and spreadsheets expect).

    Straight into ``handle``: a million rows never exist as one Python string.
    """
    if bom:
        handle.write(UTF8_BOM)
    if any(np.ndim(y) == 2 for _, y, _ in predictions):
        handle.write(_csv_lines(batch_results_rows(target_name, t, predictions)))
        return
    columns = _results_columns(t, predictions)
    handle.write(_csv_lines([_results_header(target_name, predictions)]))
    _write_number_rows(handle, columns)
    handle.write(_csv_lines(_results_footer(predictions)))


def data_csv_text(names: Sequence[str], columns: Sequence[FloatArray]) -> str:
    """The data as a data CSV that opens again as it is.

    Vectors: a header, then one row per element. A batch (any N×K column): the batch layout
    of :mod:`~lossgui.core.batchcsv`, one row per sample, a block ``NAME[k]`` per table and
    a class-index target as its plain column of whole numbers. ``names[0]`` is the target's
    (``label (t)`` in the header unless it is t). Numbers in their shortest exact form; a
    blank (missing) cell stays blank, never 0.
    """
    # names[0] is the target's: one not called t is marked, so the file reopens with it
    marked = [target_header(names[0]), *names[1:]]
    if not any(np.ndim(c) == 2 for c in columns):
        header = marked
        table = np.column_stack(columns)
        indices: set[int] = set()
    else:
        header = [h for name, c in zip(marked, columns, strict=True)
                  for h in batchcsv.headers(name, c)]
        table = np.hstack([c if c.ndim == 2 else c[:, None] for c in columns])
        starts = np.cumsum([0, *(c.shape[1] if c.ndim == 2 else 1 for c in columns)])
        indices = {int(s) for s, c in zip(starts, columns, strict=False) if c.ndim == 1}
    rows: list[list[str]] = [[safe_text(name) for name in header]]
    for values in table.tolist():
        rows.append(["" if math.isnan(v) else _index_text(v) if i in indices else csv_number(v)
                     for i, v in enumerate(values)])
    return _csv_lines(rows).decode("utf-8")


def results_csv_text(
    target_name: str,
    t: FloatArray,
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> str:
    """The whole results CSV as text; see :func:`write_results_csv`."""
    buffer = io.BytesIO()
    write_results_csv(buffer, target_name, t, predictions)
    return buffer.getvalue().decode("utf-8")


def batch_results_rows(
    target_name: str,
    t: FloatArray,
    predictions: Sequence[tuple[str, FloatArray, Evaluation]],
) -> Iterator[list[str]]:
    """Rows of a batch's results CSV: one per sample, then the totals, loss and parameters.

    Columns: ``n``; the target as a block ``t[k]`` or a class-index column ``t``; per
    prediction its block, ``contribution(NAME)`` (the sample's share of the total, so the
    column sums to it) and ``gradient(NAME)[k]``. Read back, it is the batch again.
    """
    target = safe_text(target_header(target_name))  # marked as in a data CSV
    classes = predictions[0][1].shape[1]
    header = [batchcsv.SAMPLE_LABEL]
    header += batchcsv.headers(target, t)
    columns: list[FloatArray] = [t if t.ndim == 2 else t[:, None]]
    for name, y, ev in predictions:
        label = safe_text(name)
        header += [batchcsv.block_column(label, k) for k in range(classes)]
        header += [f"contribution({label})"]
        header += [batchcsv.block_column(f"gradient({label})", k) for k in range(classes)]
        columns += [y, ev.sample_shares[:, None], ev.gradient]
    yield header
    table = np.hstack(columns)
    index_column = t.ndim == 1
    for n, row in enumerate(table.tolist(), start=1):
        cells = [csv_number(v) for v in row]
        if index_column:
            cells[0] = _index_text(row[0])
        yield [str(n), *cells]
    totals = [RESULTS_TOTAL_LABEL, *([""] * (1 if index_column else classes))]
    for _, _, ev in predictions:
        totals += [""] * classes + [csv_number(ev.total)] + [""] * classes
    yield totals
    yield from _parameter_rows(predictions)
    yield from _problem_rows(predictions)


def _index_text(value: float) -> str:
    """A class index as the integer it is (``2``, not ``2.0``); a blank stays ``nan``."""
    return str(int(value)) if math.isfinite(value) and value == int(value) else csv_number(value)


def totals_csv_text(
    loss_id: str, params: Mapping[str, ParamValue], totals: Sequence[tuple[str, float]]
) -> str:
    """Totals alone as CSV: ``prediction,total`` rows, then the loss and parameter rows."""
    rows: list[list[str]] = [["prediction", "total"]]
    rows += [[safe_text(name), csv_number(total)] for name, total in totals]
    rows += [["loss", loss_id], *([name, setting(value)] for name, value in params.items())]
    return _csv_lines(rows).decode("utf-8")


def descent_csv_text(names: Sequence[str], totals: Sequence[FloatArray]) -> str:
    """The loss over steps as CSV: ``step`` then one column per prediction, one row per step.

    A run that stopped early leaves its later cells blank (it has no total there).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["step", *(safe_text(name) for name in names)])
    for step in range(max(len(column) for column in totals)):
        writer.writerow([str(step), *(csv_number(float(column[step]))
                                      if step < len(column) else "" for column in totals)])
    return buffer.getvalue()
