"""The commands' entry points ask numpy for one BLAS thread before it loads (lossgui/launch.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lossgui.core import evaluate

# The installed ``lossgui`` command (its console-script entry point) and ``python -m lossgui``,
# each loaded in a child as it would start, then numpy: the child's threads and the variable.
LOAD = """
import importlib.metadata, os, runpy, sys
if sys.argv[1] == "script":
    (entry,) = importlib.metadata.entry_points(group="console_scripts", name="lossgui")
    entry.load()
else:
    sys.argv = ["lossgui", "--version"]
    try:
        runpy.run_module("lossgui", run_name="__main__")
    except SystemExit:
        pass
import numpy
threads = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("Threads:"))
print(os.environ.get("OPENBLAS_NUM_THREADS"), threads)
"""


def _started(how: str, **env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", LOAD, how], capture_output=True, text=True,
                          env={**clean, **env}, check=True, cwd=Path(__file__).parent)
    return done.stdout.split()[-2:]  # after what --version printed


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="counts threads in /proc")
@pytest.mark.parametrize("how", ["script", "module"])
def test_the_commands_start_numpy_with_one_blas_thread(how: str) -> None:
    # Before numpy loads: OpenBLAS would otherwise start a thread per core (two here).
    assert _started(how) == ["1", "1"]


def test_a_users_own_blas_threads_are_kept() -> None:
    assert _started("script", OPENBLAS_NUM_THREADS="2")[0] == "2"


def test_importing_the_core_leaves_the_process_as_it_was() -> None:
    code = "import os, lossgui.core; print(os.environ.get('OPENBLAS_NUM_THREADS'))"
    clean = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=clean, check=True)
    assert done.stdout.strip() == "None"


# ``python -m lossgui ARGS`` with a teardown probe: an atexit handler says whether the
# interpreter's usual exit ran.
PROBED = """
import atexit, runpy, sys
atexit.register(lambda: print("torn down", file=sys.stderr))
sys.argv = ["lossgui", *sys.argv[1:]]
runpy.run_module("lossgui", run_name="__main__")
"""


def _probed(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBED, *args], capture_output=True,
                          text=True, cwd=cwd)


def test_a_finished_command_leaves_without_the_teardown_and_says_all(tmp_path: Path) -> None:
    """compute ends with os._exit once all is written: its output, file and status whole."""
    data = tmp_path / "data.csv"
    data.write_text("t,y1\n0,0.1\n1,0.8\n")
    out = tmp_path / "out.csv"
    shown = _probed("compute", str(data), "--loss", "sse", cwd=tmp_path)
    written = _probed("compute", str(data), "--loss", "sse", "--output", str(out), cwd=tmp_path)
    refused = _probed("compute", str(data), "--loss", "nope", cwd=tmp_path)
    total = evaluate("sse", [0.1, 0.8], [0.0, 1.0]).total
    assert shown.returncode == 0 and repr(total) in shown.stdout
    assert written.returncode == 0 and out.read_text().startswith("k,t,y1,")
    assert refused.returncode == 2 and "unknown loss 'nope'" in refused.stderr
    assert "torn down" not in shown.stderr + written.stderr + refused.stderr


def test_the_other_uses_leave_as_usual(tmp_path: Path) -> None:
    """--version (and the window, whose settings are saved as it closes) exit the usual way."""
    version = _probed("--version", cwd=tmp_path)
    assert version.returncode == 0 and "torn down" in version.stderr
