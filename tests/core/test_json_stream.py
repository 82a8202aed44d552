"""write_json streams a report in json.dumps(indent=2)'s layout, its numbers spelled by polars'
CSV writer: the same lines as json.dumps gives, the same float64 numbers read back, for vectors,
batches (each row on one line), empty arrays and non-finite numbers."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from lossgui.core.json_stream import BLOCK, json_number, write_json

# The compaction compute's JSON had before it was streamed: every innermost list of numbers on
# one line, found in json.dumps' text by a regular expression.
_NUMBER = r'\s*(?:-?[0-9][0-9.eE+-]*|"(?:inf|-inf|nan)")\s*'
_NUMBER_LIST = re.compile(rf"\[{_NUMBER}(?:,{_NUMBER})*\]")


def _as_lists(value: object) -> object:
    if isinstance(value, np.ndarray):
        return _as_lists(value.tolist())
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_lists(v) for v in value]
    return json_number(value) if isinstance(value, float) else value


def _dumped(report: object, compact: bool) -> str:
    """The report as json.dumps wrote it (numbers one by one), compacted as compute did."""
    text = json.dumps(_as_lists(report), ensure_ascii=False, indent=2) + "\n"
    if compact:
        text = _NUMBER_LIST.sub(
            lambda m: "[" + ", ".join(c.strip() for c in m[0][1:-1].split(",")) + "]", text)
    return text


def _streamed(report: object, compact: bool) -> str:
    parts: list[str] = []
    write_json(parts.append, report, compact)
    return "".join(parts)


ODD = np.array([0.1, -0.0, 5e-324, 0.30000000000000004, 1e308, np.inf, -np.inf, np.nan, 2.0])


def _report(values: np.ndarray) -> dict[str, object]:
    return {"loss": "cee", "params": {"eps": 1e-07, "reduction": "sum", "smooth": True},
            "target": "正解 t", "samples": 3,
            "predictions": [{"name": "予測 \"A\"", "total": json_number(float("nan")),
                             "contributions": values, "gradient": values / 2},
                            {"name": "y2", "total": 0.5, "contributions": values[:0],
                             "gradient": values[:1]}],
            "warnings": [], "more": [{"row": None, "message": "ok"}]}


_NUMBER_TOKEN = re.compile(r"-?[0-9][0-9.eE+-]*")


def _exactly(value: object) -> object:
    """A parsed report with every float as its exact bits (−0.0 is not 0.0)."""
    if isinstance(value, dict):
        return {k: _exactly(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exactly(v) for v in value]
    return value.hex() if isinstance(value, float) else value


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("values", [
    ODD,
    np.tile(ODD, BLOCK // len(ODD) + 3),  # two blocks, non-finite numbers in each
    np.random.default_rng(1).random(BLOCK + 5) ** 9,  # all finite, small ones too
    ODD.reshape(3, 3),  # a batch
    np.random.default_rng(2).random((BLOCK // 8 + 3, 8)),  # rows over two blocks
    np.zeros((2, 0)),  # samples without classes
    np.zeros((0, 4)),
], ids=["odd", "blocks", "finite", "batch", "batch blocks", "no classes", "no samples"])
def test_the_streamed_report_is_json_dumps_layout_with_the_same_numbers(
    values: np.ndarray, compact: bool
) -> None:
    report = _report(values)
    streamed, dumped = _streamed(report, compact), _dumped(report, compact)
    assert _NUMBER_TOKEN.sub("N", streamed) == _NUMBER_TOKEN.sub("N", dumped)
    assert _exactly(json.loads(streamed)) == _exactly(json.loads(dumped))


def test_numbers_are_spelled_as_the_results_csv_spells_them() -> None:
    """polars' spelling, the CSV's: shortest round trip, ``1e-7`` where repr writes ``1e-07``."""
    text = _streamed({"v": np.array([1e-07, 5e-05, -0.0, 5e-324, 0.30000000000000004])}, True)
    assert text == '{\n  "v": [1e-7, 0.00005, -0.0, 5e-324, 0.30000000000000004]\n}\n'
