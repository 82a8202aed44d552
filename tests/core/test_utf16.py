"""Excel's "Unicode text" (UTF-16 with a BOM, tab-separated, CRLF) reads as its UTF-8 twin
(tester9: it was refused as "not a text file (it contains NUL bytes)")."""

from __future__ import annotations

import pytest

from lossgui.cli import main
from lossgui.core import csvio
from lossgui.core.problems import CellError

TEXT = "正解\t予測A\t予測B\r\n" + "".join(
    f"{k % 2}\t0.{k % 9 + 1}\t0.{(k + 3) % 9 + 1}\r\n" for k in range(3_000))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
@pytest.mark.parametrize("large", [False, True])  # read whole, or in blocks as the window does
def test_a_utf16_file_reads_as_its_utf8_twin(tmp_path, monkeypatch, encoding, large):
    utf8, utf16 = tmp_path / "utf8.txt", tmp_path / "utf16.txt"
    utf8.write_bytes(TEXT.encode("utf-8"))
    raw = TEXT.encode(encoding)
    utf16.write_bytes(raw if encoding == "utf-16" else b"\xfe\xff" + raw)
    want = csvio.read_data_csv(utf8)
    if large:
        monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
        monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)
    got = csvio.read_data_csv(utf16)
    assert got.names == want.names == ["正解", "予測A", "予測B"]
    assert all(a.tobytes() == b.tobytes() for a, b in zip(got.columns, want.columns, strict=True))


def test_a_bad_cell_in_a_utf16_file_is_named(tmp_path, monkeypatch):
    lines = TEXT.split("\r\n")
    lines[2_001] = "1\tx\t0.5"
    path = tmp_path / "bad.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    with pytest.raises(CellError) as whole:
        csvio.read_data_csv(path)
    monkeypatch.setattr(csvio, "BLOCKED_READ_BYTES", 0)
    monkeypatch.setattr(csvio, "STREAM_BLOCK_BYTES", 1_000)
    with pytest.raises(CellError) as blocked:
        csvio.read_data_csv(path)
    assert str(blocked.value) == str(whole.value)
    assert "row 2002" in str(whole.value) and "予測A" in str(whole.value)


def test_compute_and_its_streamed_totals_read_excels_unicode_text(tmp_path, capsys):
    path = tmp_path / "utf16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert main(["compute", str(path), "--loss", "sse", "--target", "正解"]) == 0
    whole = capsys.readouterr().out
    assert main(["compute", str(path), "--loss", "sse", "--target", "正解",
                 "--totals-only"]) == 0
    streamed = capsys.readouterr().out
    assert "予測A" in whole and "予測A" in streamed
    for name in ("予測A", "予測B"):
        total = next(line for line in whole.splitlines() if line.strip().startswith(name))
        assert total.split()[1] in streamed


def _zip(*members: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "raw", "kind", "kind_ja"), [
    ("book.xlsx", _zip("[Content_Types].xml", "xl/workbook.xml"), "an Excel workbook (.xlsx)",
     "Excel のブック(.xlsx)"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "an Excel 97–2003 workbook",
     "Excel 97–2003 のブック"),
    ("sheet.ods", _zip("mimetype") .replace(b"<x/>", b"application/vnd.oasis.opendocument"
                                                     b".spreadsheet"),
     "an OpenDocument spreadsheet", "OpenDocument のスプレッドシート"),
])
def test_a_spreadsheet_workbook_is_named_with_how_to_save_it_as_csv(tmp_path, name, raw, kind,
                                                                    kind_ja):
    """tester9: an .xlsx was "not a text file (it contains NUL bytes)"."""
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(CellError) as refused:
        csvio.read_data_csv(path)
    assert f"this is {kind}" in str(refused.value) and "CSV UTF-8" in str(refused.value)
    assert kind_ja in refused.value.message_ja and "CSV UTF-8" in refused.value.message_ja
