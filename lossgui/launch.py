"""The installed commands' entry points: process set-up that must come before numpy loads.

numpy's OpenBLAS starts a thread per core as it loads, and its start-up cost every ``lossgui``
run ~50 ms (measured on the 2-core bench machine: ``import numpy`` 0.10–0.17 s by default,
0.06 s with one thread; docs/benchmarks.md). lossgui multiplies no matrices: every loss is
elementwise ufuncs and sums, which BLAS threads never run. So the commands ask for one BLAS
thread, unless the user set the variable themselves. Only the commands do this; importing
``lossgui.core`` as a library leaves the process as it was.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> int:
    """``lossgui``: see :func:`lossgui.cli.main`."""
    from lossgui.cli import SUBCOMMANDS
    from lossgui.cli import main as cli_main

    code = cli_main()
    if sys.argv[1:2] and sys.argv[1] in SUBCOMMANDS:
        _leave_now(code)
    return code


def _leave_now(code: int) -> None:
    """End a finished command at once, without the interpreter's teardown.

    Tearing down its ~300 modules and their arrays costs ~35 ms of a 0.5 s ``compute`` at 10⁶
    rows (wall 0.47 against 0.50 s, 11 alternating runs), and nothing is left to do: every file
    was written, synced and closed by then. Not the window, whose settings are saved as it
    closes. A stdout whose reader went away is left to the usual exit, which handles it.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return
    os._exit(code)


def window_main() -> int:
    """``lossgui-window``: see :func:`lossgui.cli.window_main`."""
    from lossgui.cli import window_main as cli_window_main

    return cli_window_main()
