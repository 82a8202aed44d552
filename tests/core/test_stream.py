"""Totals of a file streamed in blocks equal the totals of the whole file read at once."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import LOSSES, CellError, LossguiError, csvio, evaluate, get_loss, params
from lossgui.core.stream import stream_totals

ROWS = 3_000
BLOCK = 4_096  # bytes: about 100 rows a block, so the file is read in ~30 blocks


@pytest.fixture
def data_file(tmp_path):
    rng = np.random.default_rng(3)
    t = (rng.random(ROWS) < 0.3).astype(float)
    y1 = np.clip(rng.random(ROWS), 1e-3, 1 - 1e-3)
    y2 = np.clip(rng.random(ROWS), 1e-3, 1 - 1e-3)
    path = tmp_path / "data.csv"
    rows = zip(t.tolist(), y1.tolist(), y2.tolist(), strict=True)
    lines = [f"{a!r},{b!r},{c!r}" for a, b, c in rows]
    path.write_text("t,y1,y2\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


STREAMABLE = [loss.id for loss in LOSSES if not loss.coupled]


@pytest.mark.parametrize("loss_id", STREAMABLE)
@pytest.mark.parametrize("reduction", ["sum", "mean"])
def test_streamed_totals_equal_the_whole_file(data_file, loss_id, reduction):
    loss = get_loss(loss_id)
    given = {"reduction": reduction} if any(p.name == "reduction" for p in loss.params) else {}
    resolved = params.resolve(loss.id, loss.params, given)
    streamed = stream_totals(data_file, loss.id, resolved, block_bytes=BLOCK)
    _, t, predictions = csvio.read_data_csv(data_file).split()
    assert streamed.rows == ROWS
    for got, (name, y) in zip(streamed.predictions, predictions, strict=True):
        assert got.name == name
        whole = evaluate(loss.id, y, t, **given).total
        assert got.total == pytest.approx(whole, rel=1e-12, abs=1e-300, nan_ok=True)


def test_blocks_are_bounded_and_cover_every_row(data_file):
    blocks = list(csvio.iter_data_blocks(data_file, block_bytes=BLOCK))
    assert len(blocks) > 20
    assert all(len(b.columns[0]) <= BLOCK // 10 for _, _, b in blocks)  # a row is ≥ 10 bytes
    starts = [first for first, _, _ in blocks]
    sizes = [len(b.columns[0]) for _, _, b in blocks]
    assert starts == list(np.cumsum([0, *sizes[:-1]]))
    assert sum(sizes) == ROWS


def test_a_bad_cell_in_a_late_block_is_named_by_its_row_in_the_file(data_file):
    lines = data_file.read_text().splitlines()
    lines[2500] = "1,abc,0.5"  # line 2501 of the file (the header is line 1)
    data_file.write_text("\n".join(lines) + "\n")
    with pytest.raises(CellError) as whole:
        csvio.read_data_csv(data_file)
    with pytest.raises(CellError) as streamed:
        for _ in csvio.iter_data_blocks(data_file, block_bytes=BLOCK):
            pass
    assert str(streamed.value) == str(whole.value)
    assert "row 2501" in str(streamed.value) and "'y1'" in str(streamed.value)


def test_a_file_without_a_header_streams_too(tmp_path):
    path = tmp_path / "bare.csv"
    path.write_text("".join(f"{k % 2},0.{k % 9 + 1}\n" for k in range(1_000)))
    resolved = params.resolve("mse", get_loss("mse").params, {})
    streamed = stream_totals(path, "mse", resolved, block_bytes=256)
    _, t, [(_, y)] = csvio.read_data_csv(path).split()
    assert streamed.rows == 1_000 and streamed.target == "t"
    assert streamed.predictions[0].total == pytest.approx(evaluate("mse", y, t).total, rel=1e-12)


def test_warnings_name_the_element_of_the_whole_file(data_file):
    lines = data_file.read_text().splitlines()
    lines[2001] = "1,0.0,0.5"  # element k = 2001 (1-based): y = 0 where t = 1
    data_file.write_text("\n".join(lines) + "\n")
    resolved = params.resolve("cee", get_loss("cee").params, {})
    streamed = stream_totals(data_file, "cee", resolved, block_bytes=BLOCK)
    [problem] = [p for p in streamed.predictions[0].problems if p.code == "log_zero"]
    assert problem.index == (2000,)
    assert "y₂₀₀₁" in problem.message and "y₂₀₀₁" in problem.message_ja
    assert streamed.predictions[0].total == float("inf")


def test_losses_that_couple_a_vector_are_refused_with_the_reason(data_file):
    coupled = next(loss for loss in LOSSES if loss.coupled)
    resolved = params.resolve(coupled.id, coupled.params, {})
    with pytest.raises(LossguiError) as raised:
        stream_totals(data_file, coupled.id, resolved)
    assert "without --totals-only" in str(raised.value) and raised.value.message_ja


BLOCK_READ_CASES = {
    "plain": "t,y1,y2\n" + "".join(f"{k % 2},0.{k % 7 + 1},0.{k % 5 + 2}\n" for k in range(2_000)),
    "no header": "".join(f"{k % 2},0.{k % 7 + 1}\n" for k in range(2_000)),
    "blank lines": "t,y\n" + "".join(f"{k % 2},0.5\n\n" for k in range(1_000)),
    "decimal comma": "t;y\n" + "".join(f"{k % 2};0,{k % 9 + 1}\n" for k in range(2_000)),
    "batch": "t,y[0],y[1],y[2]\n" + "".join(f"{k % 3},0.2,0.3,0.5\n" for k in range(2_000)),
    "crlf": "t,y\r\n" + "".join(f"{k % 2},0.25\r\n" for k in range(2_000)),
    "bom": "\ufefft,y\n" + "".join(f"{k % 2},0.{k % 7 + 1}\n" for k in range(2_000)),
    "a blank cell": "t,y\n" + "".join(f"{k % 2},{'' if k == 1500 else 0.5}\n"
                                      for k in range(2_000)),
}


@pytest.mark.parametrize("at_once", [False, True])  # the window's blocks, the command's read
@pytest.mark.parametrize("case", sorted(BLOCK_READ_CASES))
def test_a_large_file_read_in_blocks_is_the_file_read_whole(tmp_path, monkeypatch, case,
                                                            at_once):
    path = tmp_path / "data.csv"
    path.write_bytes(BLOCK_READ_CASES[case].encode())
    whole = csvio.parse_data_bytes(path.read_bytes(), str(path))
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)
    blocked = csvio.read_data_csv(path, whole=at_once)
    assert blocked.names == whole.names and blocked.source == str(path)
    for a, b in zip(blocked.columns, whole.columns, strict=True):
        assert a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("at_once", [False, True])
def test_a_refusal_in_a_large_file_reads_as_in_a_small_one(tmp_path, monkeypatch, at_once):
    path = tmp_path / "data.csv"
    lines = ["t,y", *(f"{k % 2},0.5" for k in range(3_000))]
    lines[2_222] = "1,0,5"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CellError) as whole:
        csvio.read_data_csv(path)
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)
    with pytest.raises(CellError) as blocked:
        csvio.read_data_csv(path, whole=at_once)
    assert str(blocked.value) == str(whole.value) and "row 2223" in str(blocked.value)


def test_a_document_takes_the_columns_it_is_handed_without_a_copy():
    from lossgui.core.document import DocumentModel

    t, y = np.zeros(4), np.array([0.1, 0.2, 0.3, 0.4])
    model = DocumentModel(["t", "y"], [t, y], "sse")
    model.replace(["t", "y"], [t, y], take=True)
    assert np.shares_memory(model.column(1), y)
    model.replace(["t", "y"], [t, y])  # the default keeps its own copy
    assert not np.shares_memory(model.column(1), y)
    frozen = y.copy()
    frozen.flags.writeable = False  # e.g. a zero-copy view of another library's buffer
    model.replace(["t", "y"], [t, frozen], take=True)
    assert not np.shares_memory(model.column(1), frozen)


@pytest.mark.parametrize("at_once", [False, True])
def test_a_large_file_with_quotes_or_shrinking_rows_reads_as_a_whole_read(tmp_path, monkeypatch,
                                                                          at_once):
    quoted = tmp_path / "quoted.csv"
    quoted.write_text("t,y\n" + "1,0.5\n" * 500 + '"0","0.25"\n' + "1,0.5\n" * 500)
    shrinking = tmp_path / "shrinking.csv"  # long rows first: the first estimate is too small
    shrinking.write_text("t,y\n" + "1,0.12345678901234567\n" * 200 + "1,5\n" * 3_000)
    wholes = [csvio.parse_data_bytes(p.read_bytes(), str(p)) for p in (quoted, shrinking)]
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)
    for path, whole in zip((quoted, shrinking), wholes, strict=True):
        blocked = csvio.read_data_csv(path, whole=at_once)
        assert blocked.names == whole.names
        assert all(a.tobytes() == b.tobytes()
                   for a, b in zip(blocked.columns, whole.columns, strict=True))


@pytest.mark.parametrize("case", ["plain", "batch", "crlf", "decimal comma", "no header"])
def test_the_command_reads_a_plain_large_file_at_once(tmp_path, monkeypatch, case):
    """``whole`` (lossgui compute) lets polars read a plain file itself, not block by block."""
    path = tmp_path / "data.csv"
    path.write_bytes(BLOCK_READ_CASES[case].encode())
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)

    def no_blocks(*args: object) -> None:
        raise AssertionError("read in blocks")

    monkeypatch.setattr(csvio, "_read_in_blocks", no_blocks)
    at_once = csvio.read_data_csv(path, whole=True)
    whole = csvio.parse_data_bytes(path.read_bytes(), str(path))
    assert at_once.names == whole.names
    assert all(a.tobytes() == b.tobytes() and a.flags.writeable
               for a, b in zip(at_once.columns, whole.columns, strict=True))
