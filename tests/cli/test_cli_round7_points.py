"""Round-7 tester, CLI points: L5 (`compute --plot-gradient` without `--plot` ran and ignored
it), #22 (a thousands point in a `;` file was blamed on the comma; a TSV's decimal comma too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossgui.cli import main
from lossgui.core.examples import EXAMPLES

ARTICLE = EXAMPLES["article"].path


def run(capsysbinary: pytest.CaptureFixture[bytes], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.parametrize("extra", [[], ["--totals-only"]])
def test_plot_gradient_without_plot_is_refused(
    capsysbinary: pytest.CaptureFixture[bytes], extra: list[str]
) -> None:
    code, out, err = run(capsysbinary, "compute", ARTICLE, "--loss", "sse", "--plot-gradient",
                         "--language", "en", *extra)
    assert code == 2 and out == ""
    assert err == "lossgui: error: --plot-gradient needs --plot FILE: it says what the saved " \
        "plot shows (−∂E/∂y instead of the contributions)\n"


def test_plot_gradient_without_plot_is_refused_in_japanese(
    capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, _, err = run(capsysbinary, "compute", ARTICLE, "--loss", "sse", "--plot-gradient",
                       "--language", "ja")
    assert code == 2
    assert "--plot-gradient には --plot ファイル が必要です" in err


def test_a_thousands_point_in_a_semicolon_file_is_named_not_the_comma(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """#22: in a ';' file the comma is the decimal mark, so '1.000,5' was refused for "a ','
    which no number has"; the point is what is wrong."""
    path = tmp_path / "eu.csv"
    path.write_text("t;y1\n0;0,5\n1;1.000,5\n", encoding="utf-8")
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse", "--language", "en")
    assert code == 2
    assert err == f"lossgui: error: {path}, row 3, column 'y1': '1.000,5' is not a number: the " \
        "decimal mark is a comma here and thousands take no separator (1000,5, not 1.000,5)\n"
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse", "--language", "ja")
    assert "桁区切りは付けません(1.000,5 ではなく 1000,5)" in err


def test_a_decimal_comma_in_a_tsv_says_what_to_change(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    """#22: a European spreadsheet's TSV (`正解⇥予測A⏎0⇥0,01`) was refused for "a ',' which no
    number has"; the comma is a decimal mark the tab-separated file does not read."""
    path = tmp_path / "eu.tsv"
    path.write_text("正解\t予測A\n0\t0,01\n1\t0,65\n", encoding="utf-8")
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse", "--target", "正解",
                       "--language", "en")
    assert code == 2
    assert err == f"lossgui: error: {path}, row 2, column '予測A': '0,01' is not a number here: " \
        "a tab-separated file takes a decimal point ('0.01'); decimal commas are read in a " \
        "';'-separated file\n"
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse", "--target", "正解",
                       "--language", "ja")
    assert "タブ区切りのファイルの小数点はピリオドです('0.01')" in err
