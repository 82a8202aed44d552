"""A number quoted because of its value shows the digits that make it so (tester7, 4):
"y = 1 is outside [0, 1]" was said of y = 1.0000001."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossgui.cli import main
from lossgui.core.classes import index_problem
from lossgui.core.numbers import telling


def test_six_digits_unless_they_hide_what_is_wrong() -> None:
    def outside(v: float) -> bool:
        return not 0 <= v <= 1
    assert telling(1.0359778906832318, outside) == "1.03598"
    assert telling(1.0000001, outside) == "1.0000001"
    assert telling(-1e-300, outside) == "-1e-300"
    assert telling(float("inf"), outside) == "inf"


def test_compute_and_descend_show_why_y_is_outside(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path,
) -> None:
    edge = tmp_path / "edge.csv"
    edge.write_text("t,y\n1,1.0000001\n0,0.2\n", encoding="utf-8")
    assert main(["compute", str(edge), "--loss", "bce"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "warning: y, element 1 = 1.0000001 is outside [0, 1]" in out
    edge.write_text("t,y\n1,0.999999\n0,0.2\n", encoding="utf-8")
    assert main(["descend", str(edge), "--loss", "bce", "--lr", "2.2e-6", "--steps", "1"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "From step 1: y₁ = 1.0000001000011 is outside [0, 1]" in out


def test_a_class_index_a_hair_off_a_whole_number_says_so() -> None:
    problem = index_problem(1.0000001, 3)
    assert problem is not None and problem[0].startswith("1.0000001 is not a class index")
