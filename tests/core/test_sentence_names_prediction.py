"""A note about a whole prediction names the column the user typed, not the article's y
(round 6: "z: In sample 1, y sums to 10" called z "y"). The one rule is core/names.py's
problem_of; the window's notes, `compute` and `compute --totals-only` all say it through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossgui import cli
from lossgui.core import evaluate
from lossgui.core.descend import descend
from lossgui.core.document import DocumentModel
from lossgui.core.names import problem_of

Z = [[2.0, 5.0, 3.0], [0.2, 0.5, 0.3]]
T = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
SAID = {
    "en": "In sample 1, z sums to 10, not 1, so it is not one probability distribution",
    "ja": "サンプル 1 の z の合計は 10 で 1 ではないので、1つの確率分布ではありません",
}


def _sum_note(name: str, language: str, y: object = Z, t: object = T) -> str:
    [note] = [p for p in evaluate("cee", y, t).problems if p.code == "y_not_normalised"]
    return problem_of(name, note, language)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_batch_sum_note_names_its_column(language: str) -> None:
    said = _sum_note("z", language)
    assert said.startswith(SAID[language]), said
    assert " y " not in said and "z:" not in said


def test_a_vector_sum_note_names_its_column_once() -> None:
    assert _sum_note("y2", "en", [0.5, 0.7], [1.0, 0.0]).startswith("y2 sums to 1.2, not 1, ")
    assert _sum_note("y2", "ja", [0.5, 0.7], [1.0, 0.0]).startswith("y2 の合計は 1.2 で")
    # the article's own y stays y, and is not said twice ("y: y sums to …")
    assert _sum_note("y", "en", [0.5, 0.7], [1.0, 0.0]).startswith("y sums to 1.2, not 1")


def test_a_name_that_is_already_a_symbol_of_the_sentence_is_told_before_it() -> None:
    """Where the sentence itself uses the name for something else (the logits z of a run
    through σ), putting the name in the place of y would make two things one ("z = σ(z)"):
    the name is told first instead. Another name takes y's place throughout."""
    [note] = descend("cee", [0.8, 0.84], [1.0, 0.0], {}, 0.1, 1, space="logits").problems
    assert problem_of("z", note, "en").startswith("z: y sums to 1.64, not 1, so it is not one "
                                                  "softmax output: each y is read as its own "
                                                  "probability, y = σ(z)")
    assert "それぞれの p を独立した確率 p = σ(z) と読み、z = logit(p) を動かします" in \
        problem_of("p", note, "ja")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_window_notes_name_the_column(language: str) -> None:
    document = DocumentModel(["t", "z"], [T, Z], "cee")
    assert any(line.startswith(SAID[language]) for line in document.warnings(language)), \
        document.warnings(language)


@pytest.mark.parametrize("totals_only", [False, True])
def test_compute_names_the_column(totals_only: bool, tmp_path: Path,
                                  capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = tmp_path / "z.csv"
    path.write_text("t[0],t[1],t[2],z[0],z[1],z[2]\n0,1,0,2,5,3\n1,0,0,0.2,0.5,0.3\n",
                    encoding="utf-8")
    args = ["compute", str(path), "--loss", "cee"] + (["--totals-only"] if totals_only else [])
    assert cli.main(args) == 0
    out, err = capsysbinary.readouterr()
    said = (out + err).decode()
    assert f"warning: {SAID['en']}" in said, said
