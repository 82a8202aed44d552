"""``lossgui compute``/``descend`` on a session use the target the session names (tester6: a
window-saved session whose target is not called t was refused, "there is no target column
't' … name it with --target"), and ``--output`` never replaces the data it reads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lossgui.cli import main
from lossgui.core import csvio, evaluate, project
from lossgui.core.descend import descend


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


VECTOR = project.Session("label", np.array([0.0, 1.0, 0.0]),
                         [("p1", np.array([0.2, 0.7, 0.1])), ("p2", np.array([0.3, 0.3, 0.4]))],
                         "kl")
BATCH = project.Session("lab", np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]),
                        [("y", np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]]))], "kl")
INDICES = project.Session("lab", np.array([0.0, 2.0]),
                          [("y", np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]]))], "kl")


@pytest.mark.parametrize("session", [VECTOR, BATCH, INDICES], ids=["vector", "batch", "indices"])
def test_compute_and_descend_use_the_sessions_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], session: project.Session
) -> None:
    path = tmp_path / "saved.lossgui.json"
    project.save(path, session)  # as the window's File ▸ Save writes it
    code, out, err = run(capsys, "compute", path, "--loss", "kl", "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["target"] == session.target_name
    assert [p["name"] for p in report["predictions"]] == [n for n, _ in session.predictions]
    for got, (_, y) in zip(report["predictions"], session.predictions, strict=True):
        assert got["total"] == evaluate("kl", y, session.target).total
    code, out, err = run(capsys, "descend", path, "--loss", "kl", "--lr", "0.1", "--steps", "3",
                         "--format", "csv")
    assert code == 0 and "there is no target" not in err  # its own warnings only
    name, y = session.predictions[0]
    totals = descend("kl", y, session.target, {}, 0.1, 3).totals
    assert out.splitlines()[0].split(",")[1] == name
    assert out.splitlines()[4].split(",")[1] == csvio.csv_number(float(totals[3]))


def test_another_target_can_still_be_named(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "saved.lossgui.json"
    project.save(path, VECTOR)
    code, out, _ = run(capsys, "compute", path, "--loss", "sse", "--target", "p1",
                       "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["target"] == "p1"
    assert [p["name"] for p in report["predictions"]] == ["label", "p2"]


ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"


@pytest.mark.parametrize("command", [
    ["compute", "--loss", "sse"], ["compute", "--loss", "sse", "--totals-only"],
    ["compute", "--loss", "sse", "--format", "json"],
    ["descend", "--loss", "sse", "--lr", "0.1", "--steps", "2"],
])
@pytest.mark.parametrize("how", ["same", "other name", "link"])
def test_output_never_replaces_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: list[str], how: str,
) -> None:
    data = tmp_path / "same.csv"
    data.write_text(ARTICLE, encoding="utf-8")
    output = {"same": data, "other name": Path("sub") / ".." / "same.csv",
              "link": tmp_path / "link.csv"}[how]
    (tmp_path / "sub").mkdir()
    if how == "link":
        output.symlink_to(data)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, command[0], data, *command[1:], "--output", output)
    assert code == 2 and out == ""
    assert err == (f"lossgui: error: --output {output} is the data file {data}: writing there "
                   "would replace the data with its results; choose another file\n")
    assert data.read_text(encoding="utf-8") == ARTICLE


def test_plot_never_replaces_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "same.csv"
    data.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "compute", data, "--loss", "sse", "--plot", data)
    assert code == 2 and f"--plot {data} is the data file {data}" in err
    assert data.read_text(encoding="utf-8") == ARTICLE


def test_a_new_output_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "same.csv"
    data.write_text(ARTICLE, encoding="utf-8")
    code, _, _ = run(capsys, "compute", data, "--loss", "sse", "--output",
                     tmp_path / "out.csv")
    assert code == 0 and (tmp_path / "out.csv").read_text().startswith("k,t,y1,")


def test_a_session_without_loss_uses_its_own_loss_and_parameters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tester7, 7a: the session names its loss, as it names its target; a data CSV still
    needs --loss, in argparse's own words."""
    path = tmp_path / "saved.lossgui.json"
    session = project.Session("label", VECTOR.target, VECTOR.predictions, "cee",
                              {"eps": 1e-7, "reduction": "sum"})
    project.save(path, session)
    code, out, err = run(capsys, "compute", path, "--format", "json")
    report = json.loads(out)
    assert (code, err) == (0, "")
    assert report["loss"] == "cee" and report["params"] == {"eps": 1e-7, "reduction": "sum"}
    expected = evaluate("cee", VECTOR.predictions[0][1], VECTOR.target, eps=1e-7).total
    assert report["predictions"][0]["total"] == expected
    code, out, err = run(capsys, "descend", path, "--lr", "0.1", "--steps", "1")
    assert code == 0 and out.startswith("loss: cee")
    csv = tmp_path / "data.csv"
    csv.write_text("t,y1\n1,0.5\n", encoding="utf-8")
    code, out, err = run(capsys, "compute", csv)
    assert (code, err) == (2, "lossgui compute: error: the following arguments are required: "
                              "--loss\n")
