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
    assert "warning: y1, element 1 is ∞ (written as inf, or a number beyond float64's ±1.8e308 " \
        "such as 1e400); its term is ∞." in out
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
        assert "warning: y1, element 1 is missing (blank or nan), so its term, and so the total, " \
            "is not a number." in out


# --- 17: small inconsistencies ------------------------------------------------------------------


@pytest.mark.parametrize(("args", "says"), [
    (["--loss", "cee", "--param", "eps=1e-7", "--param", "eps=1e-3"],
     "--param eps is given twice ('1e-7', then '1e-3'): give it once"),
    (["--loss", "sse", "--pred", "y1", "--pred", "y1"], "--pred 'y1' is given twice"),
    (["--loss", "sse", "--pred", "t"], "--pred 't' is the target"),
    (["--loss", "sse", "--target", "y2", "--pred", "y2"], "--pred 'y2' is the target"),
])
@pytest.mark.parametrize("command", ["compute", "compute --totals-only", "descend"])
def test_repeated_or_self_compared_choices_are_refused(capsysbinary, article, args, says,
                                                       command):
    words = command.split()
    steps = ["--lr", "0.1", "--steps", "1"] if words[0] == "descend" else []
    code, out, err = run(capsysbinary, words[0], article, *words[1:], *args, *steps)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err


def test_refusals_of_repeats_have_japanese_text(article):
    from lossgui.cli import _parse_params
    from lossgui.core import LossguiError, csvio
    from lossgui.core.problems import error_text

    with pytest.raises(LossguiError) as twice:
        _parse_params(["eps=1", "eps=2"])
    assert "2回指定" in error_text(twice.value, "ja")
    with pytest.raises(LossguiError) as itself:
        csvio.read_data_csv(article).split("t", ["t"])
    assert "正解の列" in error_text(itself.value, "ja")


def test_mse_steps_on_logits_as_sse_does(capsysbinary, article):
    runs = {}
    for loss in ("sse", "mse"):
        code, out, err = run(capsysbinary, "descend", article, "--loss", loss, "--lr", "1",
                             "--steps", "2", "--space", "logits", "--format", "json")
        assert code == 0, err
        runs[loss] = json.loads(out)["predictions"][0]["totals"]
    # the same squares, averaged over the 5 elements
    assert runs["mse"][0] == pytest.approx(runs["sse"][0] / 5)


def test_a_batch_descent_shows_the_final_logits_one_row_per_sample(capsysbinary):
    from lossgui.core.examples import EXAMPLES

    code, out, _ = run(capsysbinary, "descend", EXAMPLES["logits_batch"].path, "--loss",
                       "softmax_cee", "--lr", "1", "--steps", "3")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("final z (step 3), one row per sample:")
    rows = lines[start + 1 : start + 5]
    assert [r.split(":")[0] for r in rows] == ["  1", "  2", "  3", "  4"]
    assert all(r.count(",") == 2 for r in rows)  # K = 3 values each
    assert "more" not in out


# --- 13: a session, JSON or a printed tensor given to compute ------------------------------------


def saved_session(tmp_path, name="s.lossgui.json"):
    import numpy as np

    from lossgui.core import project

    path = tmp_path / name
    t, y1, y2 = (np.array(c, dtype=float) for c in zip(*[
        [float(v) for v in line.split(",")] for line in ARTICLE.splitlines()[1:]], strict=True))
    project.save(path, project.Session("t", t, [("y1", y1), ("y2", y2)], "cee", {"eps": 1e-7}))
    return path


def test_compute_reads_a_session_as_the_window_saved_it(capsysbinary, tmp_path, article):
    session = saved_session(tmp_path)
    code, out, err = run(capsysbinary, "compute", session, "--loss", "cee", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["params"]["eps"] == 1e-7  # the session's own parameter under its own loss
    assert report["predictions"][0]["total"] == 0.7874575633279122  # as for the CSV + eps
    _, csv_out, _ = run(capsysbinary, "compute", article, "--loss", "cee", "--param",
                        "eps=1e-7", "--format", "json")
    assert json.loads(csv_out)["predictions"] == report["predictions"]
    code, out, _ = run(capsysbinary, "compute", session, "--loss", "cee", "--param", "eps=0")
    assert "0.7874578600311867" in out  # a --param still wins
    code, out, _ = run(capsysbinary, "compute", session, "--loss", "sse")
    assert "y1          0.252" in out  # another loss starts from its defaults
    code, out, _ = run(capsysbinary, "descend", session, "--loss", "sse", "--lr", "0.1",
                       "--steps", "1", "--pred", "y1")
    assert code == 0 and "1     0.16128" in out


@pytest.mark.parametrize(("extra", "says"), [
    (["--totals-only"], "--totals-only reads a data CSV a block at a time; a session is read"),
    (["--delimiter", ";"], "--delimiter is for a data CSV; a session is JSON"),
])
def test_what_a_session_cannot_do_is_refused_in_one_line(capsysbinary, tmp_path, extra, says):
    code, out, err = run(capsysbinary, "compute", saved_session(tmp_path), "--loss", "cee",
                         *extra)
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err


@pytest.mark.parametrize("streamed", [[], ["--totals-only"]])
def test_a_file_that_is_no_table_says_what_it_is(capsysbinary, tmp_path, streamed):
    from lossgui.core.examples import EXAMPLES

    renamed = tmp_path / "session.txt"
    renamed.write_bytes(saved_session(tmp_path).read_bytes())
    other_json = tmp_path / "config.csv"
    other_json.write_text('{"lr": 0.1, "steps": [1, 2]}\n', encoding="utf-8")
    printed = EXAMPLES["logits_batch"].path.parent / "logits-batch-pytorch.txt"
    for path, says in [
        (renamed, "this is a lossgui session (JSON), not a data CSV: a session is recognised by"
                  " its name, so give it a name ending in .lossgui.json"),
        (other_json, "this is JSON, not a data CSV"),
        (printed, "this is a printed tensor or array (as PyTorch or NumPy print it), not a data "
                  "CSV: paste it into a table of the window"),
    ]:
        code, out, err = run(capsysbinary, "compute", path, "--loss", "softmax_cee", *streamed)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert f"{path}: {says}" in err


def test_a_table_with_a_bad_cell_keeps_its_own_message(capsysbinary, tmp_path):
    path = tmp_path / "text.csv"
    path.write_text("t,y1\n0,0.1\n1,array(3)\n", encoding="utf-8")
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse")
    assert code == 2 and "row 3, column 'y1': 'array(3)' is not a number" in err


# --- 15: the wrong --delimiter ------------------------------------------------------------------


@pytest.mark.parametrize(("content", "given", "says"), [
    ("t\ty1\n0\t0.1\n1\t0.9\n", ";",
     "row 1: the header 't\\ty1' is one column when split at ';', but it contains a tab, so the "
     "file is probably separated by a tab, not ';' (--delimiter tab, or leave --delimiter out"),
    ("t;y1\n0;0,1\n1;0,9\n", ",", "probably separated by ';', not ',' (--delimiter ';',"),
    ("t;y1\n0;0,1\n1;0,9\n", "tab", "probably separated by ';', not a tab"),
])
def test_a_wrong_delimiter_is_named_with_the_likely_one(capsysbinary, tmp_path, content, given,
                                                        says):
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsysbinary, "compute", path, "--loss", "sse", "--delimiter", given)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert says in err and "space inside" not in err
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "sse")  # detected: it works
    assert code == 0


def test_a_stray_tab_in_a_rightly_split_file_is_not_blamed_on_the_delimiter(capsysbinary,
                                                                            tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("t,y1\n0,0.1\t0.5\n1,0.9\n", encoding="utf-8")
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse")
    assert code == 2 and "row 2, column 'y1': '0.1\\t0.5' is not a number: it contains a tab, " \
        "which no number has" in err


def test_the_new_refusals_have_japanese_text(tmp_path):
    from lossgui.core import LossguiError, csvio
    from lossgui.core.examples import EXAMPLES
    from lossgui.core.problems import error_text

    tab = tmp_path / "tab.tsv"
    tab.write_text("t\ty1\n0\t0.1\n", encoding="utf-8")
    renamed = tmp_path / "s.txt"
    renamed.write_bytes(saved_session(tmp_path).read_bytes())
    printed = EXAMPLES["logits_batch"].path.parent / "logits-batch-pytorch.txt"
    for path, delimiter, says in [(tab, ";", "タブのようです"),
                                  (renamed, None, "lossgui のセッション"),
                                  (printed, None, "テンソル・配列")]:
        with pytest.raises(LossguiError) as refused:
            csvio.read_data_csv(path, delimiter)
        assert says in error_text(refused.value, "ja")


def test_a_typed_inf_is_not_explained_as_an_overflow_only(capsysbinary, tmp_path):
    """The value cannot tell "-inf" typed from 1e400 read: the sentence names both (round-5
    tester: a pasted -inf was explained as a number beyond ±1.8e308)."""
    path = tmp_path / "inf.csv"
    path.write_text("t,y1\n0,-inf\n1,0.9\n", encoding="utf-8")
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "sse")
    assert code == 0
    # and it names what was pasted: -inf, not inf (tester5 #11 leftover)
    assert "y1, element 1 is −∞ (written as -inf, or a number beyond float64's ±1.8e308 such " \
        "as -1e400)" in out


def test_the_delimiter_hint_quotes_a_comma_for_the_shell(capsysbinary, tmp_path):
    """"(--delimiter ,, or leave …" read as a typo (round-5 tester); ';' was quoted already."""
    path = tmp_path / "comma.csv"
    path.write_text("t,y1\n0,0.5\n1,0.9\n", encoding="utf-8")
    code, _, err = run(capsysbinary, "compute", path, "--loss", "sse", "--delimiter", ";")
    assert code == 2
    assert "(--delimiter ',', or leave --delimiter out to detect it)" in err
