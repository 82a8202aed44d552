"""`lossgui compute` through a real process on the inputs and writes that used to go wrong (#16).

Every refusal is exit status 2 and exactly one line on stderr, naming the user's file; no
traceback, ever.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lossgui.core.atomic import TEMPORARY_SUFFIX
from lossgui.core.csvio import MAX_COLUMNS

CEE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"


def lossgui(*args: object, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # in the child only: the file size a write may reach
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "lossgui", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", check=False,
                          preexec_fn=limit, timeout=120)


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a refusal."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(CEE, encoding="utf-8")
    return path


def test_a_file_of_separators_is_one_line_not_a_traceback(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text(",,,")
    assert refused(lossgui("compute", path, "--loss", "sse")) == (
        f"lossgui: error: {path}: the file has no cell with anything in it")


def test_cr_only_line_ends_compute(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(CEE.replace("\n", "\r").encode())
    done = lossgui("compute", path, "--loss", "sse")
    assert done.returncode == 0, done.stderr
    assert "0.252" in done.stdout


def test_a_huge_cell_and_a_huge_line_are_refused_with_the_limit(tmp_path):
    path = tmp_path / "cell.csv"
    path.write_text('t,y\n0,"' + "9" * 200_000 + '"\n')
    assert refused(lossgui("compute", path, "--loss", "sse")).endswith(
        "cell.csv, row 2: a cell is longer than 131,072 characters")
    line = tmp_path / "line.csv"
    line.write_text(",".join(["0.125"] * 5_000_000))  # 30 MB on one line
    assert refused(lossgui("compute", line, "--loss", "sse")).endswith(
        f"line.csv, row 1: has 5,000,000 cells; lossgui reads at most {MAX_COLUMNS:,} columns")


def test_misread_text_is_refused_naming_the_cell(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("t,y\n0,0.5\n1,10²\n")
    assert refused(lossgui("compute", path, "--loss", "sse")) == (
        f"lossgui: error: {path}, row 3, column 'y': '10²' is not a number")
    path.write_text("t,y\n0," + "x" * 2000 + "\n")
    line = refused(lossgui("compute", path, "--loss", "sse"))
    assert len(line) < len(str(path)) + 110 and "…" in line


def test_no_target_column_names_the_file_and_newlines_in_names_stay_quoted(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text('a,"y\nwith a newline"\n0,0.5\n')
    line = refused(lossgui("compute", path, "--loss", "sse"))
    assert line.startswith(f"lossgui: error: {path}: there is no target column 't'")
    assert "'y\\nwith a newline'" in line
    path.write_text('t,"y\nbad"\n1,0\n')
    done = lossgui("compute", path, "--loss", "cee", "--format", "json")
    assert done.returncode == 0 and "warning: 'y\\nbad', element 1 = 0" in done.stderr
    assert all(line.startswith(("warning: ", "note: ")) for line in done.stderr.splitlines())


def test_a_warning_then_a_refusal_prints_only_the_refusal(data, tmp_path):
    target = tmp_path / "nowhere" / "out.json"
    line = refused(lossgui("compute", data, "--loss", "cee", "--output", target))
    assert line == f"lossgui: error: {target}: cannot write the file: No such file or directory"


def test_output_dash_is_stdout(data):
    done = lossgui("compute", data, "--loss", "sse", "--format", "csv", "--output", "-")
    assert done.returncode == 0 and done.stdout.startswith("k,t,y1,contribution(y1)")
    assert not Path("-").exists()


def test_output_keeps_the_mode_and_writes_through_a_symlink(data, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert lossgui("compute", data, "--loss", "sse", "--output", link).returncode == 0
    assert link.is_symlink() and real.read_text().startswith("k,t,y1")
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


def test_output_into_a_fifo_and_dev_null(data, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = lossgui("compute", data, "--loss", "sse", "--format", "csv", "--output", fifo)
    reader.join(timeout=30)
    assert done.returncode == 0 and received[0].startswith(b"k,t,y1")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert lossgui("compute", data, "--loss", "sse", "--output", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_file_size_limit_keeps_the_old_file_and_names_the_target(data, tmp_path):
    out = tmp_path / "results.csv"
    out.write_text("previous results")
    line = refused(lossgui("compute", data, "--loss", "sse", "--output", out, limit_bytes=100))
    assert line == f"lossgui: error: {out}: cannot write the file: File too large"
    assert out.read_text() == "previous results"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
