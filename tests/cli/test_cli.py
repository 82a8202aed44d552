"""`lossgui compute` and `lossgui losses`: headless, exact, and one clear line on bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lossgui.cli import display_problem, main, window_main
from lossgui.core import LOSSES, evaluate
from lossgui.core.examples import EXAMPLES

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsysbinary, *args):
    code = main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_table_shows_the_article_totals_and_marks_the_better_prediction(capsysbinary, article):
    code, out, err = run(capsysbinary, "compute", article, "--loss", "sse")
    assert code == 0 and err == ""
    assert "y1          0.252  ← lowest loss" in out
    assert "y2          2.0651" in out
    code, out, err = run(capsysbinary, "compute", article, "--loss", "cee")
    assert "0.7874578600311867" in out and "2.6693103727862795" in out
    assert out.count("t has 2 ones") == 1  # about t, so said once, not per prediction
    assert "note: y2 sums to 2.01, not 1" in out
    assert err == ""  # the table lists its warnings; stderr would repeat them on a terminal


def test_a_warning_whose_figure_is_one_predictions_names_it(capsysbinary, article):
    """MAPE's "t₁ = 0 … costs N %": N is y1's or y2's, so the warning belongs to that one."""
    code, out, _ = run(capsysbinary, "compute", article, "--loss", "mape", "--format", "json")
    report = json.loads(out)
    near_zero = [w for w in report["warnings"] if "costs" in w["message"]]
    assert code == 0 and {w["prediction"] for w in near_zero} == {"y1", "y2"}


def test_json_is_valid_and_complete(capsysbinary, article):
    code, out, err = run(capsysbinary, "compute", article, "--loss", "cee", "--param", "eps=1e-7",
                         "--format", "json")
    assert "note: t has 2 ones" in err  # machine-readable output: people read warnings here
    report = json.loads(out)
    assert code == 0
    assert report["loss"] == "cee" and report["params"] == {"eps": 1e-7, "reduction": "sum"}
    assert report["target"] == "t"
    y1 = report["predictions"][0]
    assert y1["name"] == "y1" and y1["total"] == 0.7874575633279122
    expected = evaluate("cee", [0.01, 0.65, 0.13, 0.70, 0.15], [0, 1, 0, 1, 0], eps=1e-7)
    assert y1["contributions"] == expected.contributions.tolist()
    assert y1["gradient"] == expected.gradient.tolist()
    about_t, about_y1 = report["warnings"][:2]
    assert {"prediction": None, "row": None, "severity": "note"}.items() <= about_t.items()
    assert "t has 2 ones" in about_t["message"]
    assert about_y1["prediction"] == "y1" and "sums to 1.64" in about_y1["message"]


def test_json_spells_non_finite_numbers_as_strings(capsysbinary, tmp_path):
    path = tmp_path / "zero.csv"
    path.write_text("t,y\n1,0\n0,0.5\n", encoding="utf-8")
    code, out, err = run(capsysbinary, "compute", path, "--loss", "cee", "--format", "json")
    report = json.loads(out, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    assert code == 0
    assert report["predictions"][0]["total"] == "inf"
    assert report["predictions"][0]["gradient"][0] == "-inf"
    [warning] = [w for w in report["warnings"] if w["row"] is not None]
    assert warning["row"] == 1 and "eps" in warning["message"]
    assert "warning: y, element 1 = 0 where t₁ = 1" in err  # the cell as the window names it


def test_csv_output_to_file_matches_the_core(capsysbinary, article, tmp_path):
    out_path = tmp_path / "out" / "results.csv"
    out_path.parent.mkdir()
    code, out, _ = run(capsysbinary, "compute", article, "--loss", "sse", "--format", "csv",
                       "--output", out_path)
    assert code == 0 and out == ""
    rows = list(csv.reader(io.StringIO(out_path.read_text(encoding="utf-8"))))
    assert rows[0][:5] == ["k", "t", "y1", "contribution(y1)", "gradient(y1)"]
    assert rows[6][:4] == ["total", "", "", "0.252"] and rows[6][6] == "2.0651"
    assert ["loss", "sse"] in rows and ["half", "false"] in rows


def test_target_and_prediction_columns_can_be_chosen(capsysbinary, tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("label,good,bad,id\n1,0.9,0.1,7\n0,0.2,0.8,8\n", encoding="utf-8")
    code, out, _ = run(capsysbinary, "compute", path, "--loss", "mse", "--target", "label",
                       "--pred", "good", "--pred", "bad", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["target"] == "label"
    assert [p["name"] for p in report["predictions"]] == ["good", "bad"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compute", "{missing}", "--loss", "sse"], "cannot read the file"),
        (["compute", "{empty}", "--loss", "sse"], "empty.csv: the file is empty"),
        (["compute", "{text}", "--loss", "sse"], "text.csv, row 3, column 'y1': 'abc' is not a"),
        (["compute", "{article}", "--loss", "sse", "--target", "label"], "no target column"),
        (["compute", "{article}", "--loss", "l2"], "unknown loss 'l2' (known: sse, "),
        (["compute", "{article}", "--loss", "ssee"], "'ssee' (did you mean sse? known: sse, "),
        (["compute", "{article}", "--loss", "softmax-cee"], "(did you mean softmax_cee? known"),
        (["compute", "{article}", "--loss", "sse", "--param", "eps=1"], "no parameter 'eps'"),
        (["compute", "{article}", "--loss", "cee", "--param", "eps=-1"], "at least 0"),
        (["compute", "{article}", "--loss", "cee", "--param", "eps"], "NAME=VALUE"),
        (["compute", "{article}"], "required: --loss"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(
    capsysbinary, tmp_path, article, args, message
):
    files = {"missing": tmp_path / "missing.csv", "empty": tmp_path / "empty.csv",
             "text": tmp_path / "text.csv", "article": article}
    files["empty"].write_text("", encoding="utf-8")
    files["text"].write_text("t,y1\n0,0.1\n1,abc\n", encoding="utf-8")
    code, _, err = run(capsysbinary, *[a.format(**files) for a in args])
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_missing_session_is_refused_in_the_words_of_a_missing_csv(capsysbinary, tmp_path):
    # The one wording for an unreadable file, without Python's "[Errno 2] …: 'path'" (tester5).
    texts = []
    for name in ("regress.csv", "lb.lossgui.json"):
        code, _, err = run(capsysbinary, "compute", str(tmp_path / name), "--loss", "sse")
        assert code == 2
        texts.append(err.strip())
    assert texts == [f"lossgui: error: {tmp_path / name}: cannot read the file: "
                     "No such file or directory" for name in ("regress.csv", "lb.lossgui.json")]


def test_a_session_that_is_not_utf8_is_refused_naming_the_file(capsysbinary, tmp_path):
    path = tmp_path / "s.lossgui.json"
    path.write_bytes(b'{"format": "\x82\xa0"}')
    code, _, err = run(capsysbinary, "compute", str(path), "--loss", "sse")
    assert code == 2
    assert err.strip() == f"lossgui: error: {path}: this is not a lossgui session (not UTF-8 text)"


def test_losses_lists_every_loss_with_defaults(capsysbinary):
    code, out, _ = run(capsysbinary, "losses", "--format", "json")
    catalogue = json.loads(out)
    assert code == 0 and [c["id"] for c in catalogue] == [loss.id for loss in LOSSES]
    cee = catalogue[1]
    assert cee["name_ja"] == "交差エントロピー誤差"
    assert {"name": "eps", "default": 0.0} .items() <= cee["params"][0].items()
    code, out, _ = run(capsysbinary, "losses")
    assert "softmax_cee" in out and "label_smoothing=0.0" in out


def test_the_installed_command_runs_as_a_process(article):
    done = subprocess.run(
        [sys.executable, "-m", "lossgui", "compute", str(article), "--loss", "cee"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "0.7874578600311867" in done.stdout


@pytest.mark.parametrize("form", ["csv", "json"])
def test_output_dev_stdout_on_a_pipe_is_written_directly(article, form):
    """`--output /dev/stdout | cat`: the README says a device is written directly; it said
    "No such file or directory" (the pipe's realpath, /proc/PID/fd/pipe:[N], is no file)."""
    args = ["compute", str(article), "--loss", "sse", "--format", form]
    done = subprocess.run([sys.executable, "-m", "lossgui", *args, "--output", "/dev/stdout"],
                          capture_output=True, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    plain = subprocess.run([sys.executable, "-m", "lossgui", *args],
                           stdout=subprocess.PIPE, check=True)
    assert done.stdout == plain.stdout and b"0.252" in done.stdout


def test_output_suffix_chooses_the_format_and_bom_needs_csv(capsysbinary, article, tmp_path):
    out = tmp_path / "res.csv"
    code, _, _ = run(capsysbinary, "compute", article, "--loss", "sse", "--output", out, "--bom")
    assert code == 0
    assert out.read_bytes().startswith("\ufeffk,t,y1,".encode())  # a CSV, as the name says
    as_json = tmp_path / "res.json"
    assert run(capsysbinary, "compute", article, "--loss", "sse", "--output", as_json)[0] == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["loss"] == "sse"
    code, _, err = run(capsysbinary, "compute", article, "--loss", "sse", "--bom")
    assert code == 2 and "--bom is for CSV output" in err


def test_table_columns_line_up_with_japanese_names(capsysbinary, tmp_path):
    path = tmp_path / "jp.csv"
    path.write_text("t,予測A,y2\n0,0.1,0.3\n1,0.8,0.5\n", encoding="utf-8")
    _, out, _ = run(capsysbinary, "compute", path, "--loss", "sse")
    rows = [line for line in out.splitlines() if line.startswith(("予測A", "y2", "prediction"))]
    # 予測 is two wide characters each: the totals start in the same terminal column.
    assert rows == ["prediction  total", "予測A       0.04999999999999998  ← lowest loss",
                    "y2          0.33999999999999997"]


def test_a_tie_is_marked_by_the_same_rule_as_the_window(capsysbinary, tmp_path):
    # lossgui.core.lowest: a tie for the lowest marks each tied one, an all-round tie none.
    path = tmp_path / "tie.csv"
    path.write_text("t,a,b,c\n0,0.1,0.1,0.5\n1,0.9,0.9,0.5\n", encoding="utf-8")
    _, out, _ = run(capsysbinary, "compute", path, "--loss", "sse")
    marked = [line.split()[0] for line in out.splitlines() if "← lowest loss" in line]
    assert marked == ["a", "b"]
    _, out, _ = run(capsysbinary, "compute", path, "--loss", "sse", "--pred", "a", "--pred", "b")
    assert "← lowest loss" not in out  # a and b tie, and nothing else to beat


def test_examples_lists_existing_files_that_compute_reads(capsysbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # from any folder, not only the checkout
    code, out, err = run(capsysbinary, "examples")
    assert code == 0 and err == ""
    listed = dict(line.split("\t") for line in out.splitlines())
    assert list(listed) == list(EXAMPLES)
    assert all(Path(path).is_file() and Path(path).is_absolute() for path in listed.values())
    code, out, _ = run(capsysbinary, "examples", "article")
    assert code == 0 and out == listed["article"] + "\n"
    code, out, _ = run(capsysbinary, "compute", out.strip(), "--loss", "sse")
    assert code == 0 and "y1          0.252  ← lowest loss" in out
    code, _, err = run(capsysbinary, "examples", "nope")
    assert code == 2 and "invalid choice: 'nope'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["comptue", "data.csv"], "unknown command 'comptue' (did you mean compute?)"),
        (["loses"], "unknown command 'loses' (did you mean losses?)"),
        (["exmaples"], "unknown command 'exmaples' (did you mean examples?)"),
        (["frobnicate"], "unknown command 'frobnicate': give a data CSV or .lossgui.json file"),
        (["nothere.csv"], "nothere.csv: no such file"),
        (["{article}", "extra.csv"], "lossgui FILE opens one file; 'extra.csv' is one too many"),
    ],
)
def test_a_word_that_is_neither_a_command_nor_a_file_is_refused_without_qt(
    capsysbinary, monkeypatch, article, args, message
):
    monkeypatch.setenv("DISPLAY", ":0")  # a display would not change the answer
    code, out, err = run(capsysbinary, *[a.format(article=article) for a in args])
    assert code == 2 and out == ""
    assert err == f"lossgui: error: {message}" + err.split(message, 1)[1]
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [[], ["{article}"]])
def test_no_display_is_one_line_and_exit_2(capsysbinary, monkeypatch, article, args):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, out, err = run(capsysbinary, *[a.format(article=article) for a in args])
    assert code == 2 and out == ""
    assert err.startswith("lossgui: error: no display: the window needs a desktop session")
    assert len(err.strip().splitlines()) == 1


def test_display_problem_leaves_other_systems_and_explicit_platforms_to_qt():
    assert display_problem({}, "linux") is not None
    assert "ディスプレイがありません" in display_problem({}, "linux").message_ja
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_the_window_script_says_no_display_in_one_line(capsysbinary, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "argv", ["lossgui-window"])
    assert window_main() == 2
    err = capsysbinary.readouterr().err.decode()
    assert err.startswith("lossgui: error: no display") and len(err.splitlines()) == 1


def test_a_reader_that_stops_early_gets_no_error_line(capsys, monkeypatch, tmp_path):
    """`lossgui examples | head -1`: the closed pipe is the reader's choice, not an error."""

    class ClosedPipe:
        def __init__(self, fd):
            self.fd = fd

        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return self.fd

    with open(tmp_path / "stdout", "wb") as target:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(target.fileno()))
        assert main(["examples"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("form", "output"), [
    ("csv", []), ("json", []), ("table", []), ("csv", ["--output", "/dev/stdout"]),
])
def test_a_reader_that_stops_early_ends_every_format_quietly(tmp_path, form, output):
    """`compute --format csv | head -1`: polars' writer said "Broken pipe (os error 32)", exit 2."""
    data = tmp_path / "long.csv"
    data.write_text("t,y1\n" + "0,0.25\n1,0.75\n" * 20_000, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "lossgui", "compute", str(data), "--loss", "sse", "--format",
         form, *output], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()  # the CSV still has far more to say than a pipe holds
        process.stdout.close()
        code, err = process.wait(timeout=60), process.stderr.read()
    assert err == b"" and code in (0, 141)  # 0: a shorter report was all in the pipe already


def test_losses_are_listed_by_task_with_when_to_use_them(capsysbinary):
    code, out, _ = run(capsysbinary, "losses")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings == ["== Regression (回帰) ==",
                        "== Binary / multi-label (2値 / マルチラベル分類) ==",
                        "== Multi-class (多クラス分類) ==",
                        "== Ranking / margin (ランキング / マージン) =="]
    for loss in LOSSES:
        assert f"when: {loss.when[0]}" in out and f"使う場面: {loss.when[1]}" in out
    regression = out.split("== Binary")[0]
    assert "smooth_l1" in regression and "categorical_hinge" not in regression
    code, out, _ = run(capsysbinary, "losses", "--format", "json")
    focal = next(c for c in json.loads(out) if c["id"] == "focal")
    assert focal["task"] == "binary / multi-label" and focal["when_ja"].startswith("正例")
    assert [p["name"] for p in focal["params"]] == [
        "gamma", "apply_class_balancing", "alpha", "label_smoothing", "reduction"]


@pytest.mark.parametrize("command", ["compute", "descend"])
def test_help_spells_the_delimiters_readably(capsysbinary, command):
    """argparse printed the choices as {,,;,tab} (round-4 tester)."""
    code, out, _ = run(capsysbinary, command, "--help")
    assert code == 0
    assert "--delimiter ',' | ';' | tab" in out and "{,,;,tab}" not in out
