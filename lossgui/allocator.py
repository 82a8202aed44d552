"""Keep large numpy arrays in the process heap, so a fresh 8 MB array costs no page faults.

glibc serves an allocation above its mmap threshold (dynamically 128 KiB … 32 MiB) with a new
mapping and returns a freed one to the system at once, so every fresh million-element array is
2,048 new pages that fault in one by one. The loss kernels and the GUI's edits allocate such
arrays all the time (contributions, gradient, temporaries): measured on the 10⁶-row benchmark,
``evaluate sse`` takes 9.0 ms with the defaults and 1.2 ms with these settings
(docs/benchmarks.md). Raising the thresholds keeps freed blocks for the next array instead;
the cost is that the heap keeps its high-water mark, which the peak memory already counts.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

# mallopt parameters from glibc's malloc.h.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Arrays up to 64 MiB (8 million float64) come from the heap; larger ones still get their own
# mapping, so a huge file's columns are still returned to the system when closed.
MMAP_THRESHOLD = 64 << 20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def _glibc(name: str, *argtypes: type[ctypes.c_int] | type[ctypes.c_size_t]) -> Any:
    """glibc's function ``name`` on Linux, typed; None elsewhere or without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # The process's own symbols, which include the C library's: ctypes.util.find_library
        # would run `ldconfig -p` in a child process on every start (~2–5 ms).
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # another C library (musl has no mallopt)
        return None
    function.argtypes = list(argtypes)
    function.restype = ctypes.c_int
    return function


def keep_arrays_in_heap() -> bool:
    """Apply the thresholds above (glibc on Linux only); whether they were applied."""
    mallopt = _glibc("mallopt", ctypes.c_int, ctypes.c_int)
    return mallopt is not None and bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def give_back_free_memory() -> bool:
    """Return the free pages of every heap to the system (glibc's ``malloc_trim``); whether it
    could be asked.

    With the thresholds above a freed array stays in the heap that served it. A large file is
    read in the background worker's own heap, whose freed blocks (the text and polars' frames)
    the GUI thread's evaluations then cannot reuse: the window's peak memory counted both
    (10⁶ rows: 7 MB less before the evaluation with this, measured by /proc VmRSS). Under
    the lowest declared numpy, 1.26, the heap keeps them even so (tests/test_allocator.py).
    """
    trim = _glibc("malloc_trim", ctypes.c_size_t)
    if trim is None:
        return False
    trim(0)
    return True
