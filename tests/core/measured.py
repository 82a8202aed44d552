"""The real libraries' recorded outputs (tests/core/data/*.jsonl) and the versions a row names."""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).parent / "data"


def measured_lines(name: str) -> list[dict[str, object]]:
    """Every line of data/``name``, one measured library version each."""
    return [json.loads(line) for line in (DATA / name).read_text().splitlines()]


def covers(versions: str, version: str) -> bool:
    """Whether a row's versions ("1.5–1.6", "2.13") describe the measured ``version`` (1.5.2)."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:–(\d+)\.(\d+))?", versions)
    assert match, f"{versions!r} is not a version range"
    low = (int(match[1]), int(match[2]))
    high = (int(match[3]), int(match[4])) if match[3] else low
    major, minor = (int(part) for part in version.split(".")[:2])
    return low <= (major, minor) <= high
