"""A CSV that is not UTF-8 is read in the encoding a plain CSV from Excel has, and the reader
says which it guessed (tester9 L6: a French teacher's Windows-1252 file was read as Shift-JIS
without a word, "prédiction" became "pr馘iction" in every export). The guess, in the CLI (en +
ja, on stderr) and in the window's notice bar; a UTF-8 file says nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lossgui import cli
from lossgui.core import csvio

WESTERN = "t;prédiction;modèle B;Größe\n0;0,01;0,34;0,5\n1;0,65;0,21;0,5\n"
JAPANESE = "正解;予測A;ラベルの予測\n0;0,01;0,34\n1;0,65;0,21\n"


@pytest.fixture
def files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    paths = {"cp1252": tmp_path / "fr.csv", "cp932": tmp_path / "ja.csv",
             "utf-8": tmp_path / "u.csv"}
    paths["cp1252"].write_bytes(WESTERN.encode("cp1252"))
    paths["cp932"].write_bytes(JAPANESE.encode("cp932"))
    paths["utf-8"].write_bytes(WESTERN.encode("utf-8"))
    yield paths


def test_each_encoding_is_read_and_the_guess_named(files: dict[str, Path]) -> None:
    western = csvio.read_data_csv(files["cp1252"])
    assert western.names == ["t", "prédiction", "modèle B", "Größe"]
    assert western.notes == (csvio.READ_AS_WESTERN,)
    assert "not UTF-8: read as Windows-1252" in western.notes[0][0]
    japanese = csvio.read_data_csv(files["cp932"])
    assert japanese.names == ["正解", "予測A", "ラベルの予測"]
    assert japanese.notes == (csvio.READ_AS_SHIFT_JIS,)
    assert "Shift-JIS として読みました" in japanese.notes[0][1]
    plain = csvio.read_data_csv(files["utf-8"])
    assert plain.names == western.names and plain.notes == ()
    assert csvio.read_data_csv(files["cp1252"], whole=True).notes == (csvio.READ_AS_WESTERN,)


@pytest.mark.parametrize(("locale", "words"), [
    ("C", "note: {path}: not UTF-8: read as Windows-1252"),
    ("ja_JP.UTF-8", "注: {path}: UTF-8 ではないので、西ヨーロッパの Excel"),
])
def test_compute_says_the_guess_on_stderr(
    files: dict[str, Path], locale: str, words: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LC_ALL", locale)
    assert cli.main(["compute", str(files["cp1252"]), "--loss", "sse"]) == 0
    out, err = capsys.readouterr()
    assert "prédiction" in out and "馘" not in out
    assert words.format(path=files["cp1252"]) in err, err
    assert cli.main(["compute", str(files["utf-8"]), "--loss", "sse"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name", ["ﾓﾃﾞﾙ", "ﾀ", "ﾗﾍﾞﾙ", "ﾃﾞｰﾀ", "ｸﾗｽ", "予測", "正解ﾗﾍﾞﾙ", "ｰ", "ｵ", "ｱ",
                                  "ﾃﾞｰﾀ1", "温度 ℃"])
def test_half_width_katakana_stays_shift_jis(tmp_path: Path, name: str) -> None:
    """Shift-JIS's half-width katakana (ﾓﾃﾞﾙ, model) are bytes Windows-1252 reads as capitals
    À–Ý: read as Western they were "ÓÃÞÙ", in a Japanese teacher's file."""
    path = tmp_path / "ja.csv"
    path.write_bytes(f"t,{name}\n0,0.5\n1,0.25\n".encode("cp932"))
    data = csvio.read_data_csv(path)
    assert data.names == ["t", name] and data.notes == (csvio.READ_AS_SHIFT_JIS,)


@pytest.mark.parametrize("name", ["prédiction", "Größe", "Über", "été", "modèle B", "niño",
                                  "Ångström"])
def test_western_words_stay_western(tmp_path: Path, name: str) -> None:
    path = tmp_path / "fr.csv"
    path.write_bytes(f"t;{name}\n0;0,5\n1;0,25\n".encode("cp1252"))
    data = csvio.read_data_csv(path)
    assert data.names == ["t", name] and data.notes == (csvio.READ_AS_WESTERN,)


@pytest.mark.parametrize("name", ["y€", "coût €", "Temp °C", "µm", "±err", "prix £", "x²"])
def test_a_western_symbol_beside_a_word_stays_western(tmp_path: Path, name: str) -> None:
    """tester10: "y€" was read as Shift-JIS ('y\\x80'), "Temp °C" as "Temp ｰC"."""
    path = tmp_path / "fr.csv"
    path.write_bytes(f"t;{name}\n0;0,5\n1;0,25\n".encode("cp1252"))
    data = csvio.read_data_csv(path)
    assert data.names == ["t", name] and data.notes == (csvio.READ_AS_WESTERN,)
