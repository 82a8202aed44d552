"""The window's fast read of a large plain file: the careful block reader's columns, to the bit.

``csvio.read_data_csv`` reads a large file (≥ BLOCKED_READ_BYTES) for the window through
``plain_blocks`` (polars, several blocks at a time); anything unusual goes to the careful block
reader. Small blocks here make a file of a few kilobytes many blocks and groups.
"""

from __future__ import annotations

import io

import pytest

from lossgui.core import csvio, plain_blocks
from lossgui.core.problems import CellError
from tests.core.test_stream import BLOCK_READ_CASES

PLAIN_CASES = {
    **{name: BLOCK_READ_CASES[name]
       for name in ("plain", "no header", "decimal comma", "batch", "crlf")},
    "no last line end": "t,y\n" + "\n".join(f"{k % 2},0.{k % 9 + 1}" for k in range(2_000)),
    # Long rows first: the columns sized from the first block are too short and grow.
    "shrinking rows": "t,y\n" + "1,0.12345678901234567\n" * 200 + "1,5\n" * 3_000,
    "extremes": "t,y\n" + "0,5e-324\n1,0.30000000000000004\n0,-0.0\n1,inf\n0,-inf\n" * 300,
}
UNUSUAL_CASES = {
    **{name: BLOCK_READ_CASES[name] for name in ("blank lines", "bom", "a blank cell")},
    "quoted": "t,y\n" + "1,0.5\n" * 500 + '"0","0.25"\n' + "1,0.5\n" * 500,
    "a quoted separator": "t,y\n" + "1,0.5\n" * 500 + '"1,5",0.25\n' + "1,0.5\n" * 500,
    "a quoted line end": "t,y\n" + "1,0.5\n" * 500 + '1,"0.25\n"\n' + "1,0.5\n" * 500,
    "a quoted header": '"t","y"\n' + "1,0.5\n" * 1_000,
    "a line longer than a block": "t,y\n" + "1,0.5\n" * 300 + "1," + "1" * 3_000 + "\n",
    "a short row": "t,y1,y2\n" + "1,0.5,0.5\n" * 300 + "1,0.5\n" + "1,0.5,0.5\n" * 300,
}


def _whole(path):
    return csvio.parse_data_bytes(path.read_bytes(), str(path))


def _same(read, whole) -> bool:
    return read.names == whole.names and read.target == whole.target and all(
        a.shape == b.shape and a.tobytes() == b.tobytes() and a.flags.writeable
        for a, b in zip(read.columns, whole.columns, strict=True))


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)


@pytest.mark.parametrize("block_bytes", [64, 997, 1_000])
@pytest.mark.parametrize("case", sorted(PLAIN_CASES))
def test_a_plain_file_takes_the_fast_path_and_reads_as_a_whole_read(
        tmp_path, monkeypatch, small_blocks, case, block_bytes):
    path = tmp_path / "data.csv"
    path.write_bytes(PLAIN_CASES[case].encode())
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", block_bytes)

    def careful(*args: object) -> None:
        raise AssertionError("read by the careful block reader")

    monkeypatch.setattr(csvio, "_read_in_blocks", careful)
    assert _same(csvio.read_data_csv(path), _whole(path))


@pytest.mark.parametrize("case", sorted(UNUSUAL_CASES))
def test_an_unusual_file_goes_to_the_careful_reader_with_the_same_result(
        tmp_path, small_blocks, case):
    path = tmp_path / "data.csv"
    path.write_bytes(UNUSUAL_CASES[case].encode())
    assert csvio._read_plain_blocks(path, None, path.stat().st_size) is None
    try:
        whole = _whole(path)
    except CellError as error:  # the same refusal, naming the same row and column
        with pytest.raises(CellError) as blocked:
            csvio.read_data_csv(path)
        assert str(blocked.value) == str(csvio.explained_refusal(path, error))
    else:
        assert _same(csvio.read_data_csv(path), whole)


def test_a_bad_cell_is_refused_as_in_a_small_file(tmp_path, small_blocks):
    path = tmp_path / "data.csv"
    lines = ["t,y", *(f"{k % 2},0.5" for k in range(3_000))]
    lines[2_222] = "1,0.5x"
    path.write_text("\n".join(lines) + "\n")
    assert csvio._read_plain_blocks(path, None, path.stat().st_size) is None
    with pytest.raises(CellError) as refused:
        csvio.read_data_csv(path)
    assert "row 2223" in str(refused.value) and "0.5x" in str(refused.value)


def test_the_blocks_are_whole_lines_in_groups_that_cover_the_file(monkeypatch):
    monkeypatch.setattr(plain_blocks, "BLOCKS_AT_ONCE", 3)
    data = "".join(f"{k % 2},0.{k}\n" for k in range(1_000)).encode() + b"1,0.25"
    groups = list(plain_blocks._groups(io.BytesIO(data), 500))
    blocks = [block for group in groups for block in group]
    assert b"".join(blocks) == data
    assert all(block.endswith(b"\n") and len(block) <= 500 for block in blocks[:-1])
    assert [len(group) for group in groups[:-1]] == [3] * (len(groups) - 1)
    assert 1 <= len(groups[-1]) <= 3 and len(blocks) > 10


@pytest.mark.parametrize("ending", [b"", b"\n", b"\n\n"])
@pytest.mark.parametrize("block", [64, 500, 4096, 5000, 1 << 16])
def test_every_block_length_covers_the_file_to_the_byte(monkeypatch, ending, block):
    """Blocks are read at their exact length after a look at their end (no copy cut from a
    longer read): they still cover the file, whatever its last line or the block size."""
    monkeypatch.setattr(plain_blocks, "BLOCKS_AT_ONCE", 2)
    for lines in (1, 7, 700, 7_000):
        data = b"\n".join(b"1,0.%d" % k for k in range(lines)) + ending
        blocks = [b for group in plain_blocks._groups(io.BytesIO(data), block) for b in group]
        assert b"".join(blocks) == data
        assert all(b.endswith(b"\n") and len(b) <= block for b in blocks[:-1])


def test_a_line_longer_than_a_block_goes_to_the_careful_reader():
    data = b"1,0.5\n" * 10 + b"1," + b"5" * 9_000 + b"\n" + b"0,0.25\n" * 10
    assert list(plain_blocks._groups(io.BytesIO(data), 4096))[-1] is None
