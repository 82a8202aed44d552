"""The new-user tester's CLI findings of round 2 (13, 14, 15, 17), run as they ran them."""

from __future__ import annotations

import json
import math

import pytest

from lossgui.cli import main

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"


def run(capsysbinary, *args):
    code = main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- 14: ∞ and blanks ---------------------------------------------------------------------------


@pytest.mark.parametrize("streamed", [False, True])
def test_an_overflowing_y_gives_a_total_and_a_warning_that_agree(capsysbinary, tmp_path,
                                                                  streamed):
    path = tmp_path / "inf.csv"
    path.write_text("t,y1\n0,1e400\n1,0.9\n", encoding="utf-8")
    only = ["--totals-only"] if streamed else []
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "sse", *only)
    assert code == 0 and "y1          inf" in out
    assert "warning: y1: y₁ is ∞: a number beyond float64's ±1.8e308 (such as 1e400) is " \
        "read as infinite; its term is ∞." in out
    assert "cannot be computed" not in out
    # cee: the zero target weights y₁ away (torch.xlogy's 0·log ∞ = 0); ∞ is still no probability
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "cee", "--format", "json", *only)
    report = json.loads(out)
    assert report["predictions"][0]["total"] == -math.log(0.9)
    messages = [w["message"] for w in report["warnings"] if w.get("row") == 1]
    assert any("its term is 0." in m for m in messages)
    assert any("outside [0, 1]" in m for m in messages)


@pytest.mark.parametrize("cell", ["", "nan"])
def test_a_blank_or_nan_names_its_cell_under_the_not_a_number_total(capsysbinary, tmp_path,
                                                                     cell):
    path = tmp_path / "blank.csv"
    path.write_text(f"t,y1\n0,{cell}\n1,0.9\n", encoding="utf-8")
    for only in ([], ["--totals-only"]):
        code, out, _ = run(capsysbinary, "compute", path, "--loss", "sse", *only)
        assert code == 0 and "y1          nan" in out
        assert "warning: y1: y₁ is missing (blank or nan), so its term, and so the total, " \
            "is not a number." in out
