"""Save and open a whole session (data, loss, parameters) as versioned JSON — never pickle."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.atomic import remove_stale_temporaries, write_atomic
from lossgui.core.losses import get_loss
from lossgui.core.names import duplicate_problem, name_problem
from lossgui.core.params import ParamValue, resolve
from lossgui.core.problems import LossguiError, Message, quoted

FORMAT = "lossgui-session"
VERSION = 1
SUFFIX = ".lossgui.json"


class SessionError(LossguiError):
    """A session file that cannot be opened; the message says which file and why."""

    @classmethod
    def located(cls, source: str, error: LossguiError) -> SessionError:
        """``error`` prefixed with the file it was found in, in both languages."""
        return cls(f"{source}: {error}", f"{source}: {error.text('ja')}")


@dataclass
class Session:
    """Everything needed to reopen the window as it was."""

    target_name: str
    target: FloatArray
    predictions: list[tuple[str, FloatArray]]
    loss_id: str = "sse"
    params: dict[str, ParamValue] = field(default_factory=dict)


def _encode_value(value: float) -> float | str | None:
    # JSON has no NaN or infinity: a blank cell is null, infinities are spelled out.
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def to_json(session: Session) -> str:
    """The session as JSON text (schema documented in the README)."""
    loss = get_loss(session.loss_id)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "loss": loss.id,
        "params": resolve(loss.id, loss.params, session.params),
        "target": {"name": session.target_name,
                   "values": [_encode_value(v) for v in session.target.tolist()]},
        "predictions": [
            {"name": name, "values": [_encode_value(v) for v in values.tolist()]}
            for name, values in session.predictions
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def save(path: str | os.PathLike[str], session: Session) -> None:
    """Write the session atomically: the previous file survives any failure."""
    write_atomic(path, to_json(session))


def load(path: str | os.PathLike[str]) -> Session:
    """Read a session file, or raise SessionError naming the file and the reason."""
    source = os.fspath(path)
    remove_stale_temporaries(path)  # left beside it by a save that was killed
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SessionError(f"{source}: cannot read the file: {error}",
                           f"{source}: ファイルを読めません: {error}") from None
    return from_json(text, source)


def from_json(text: str, source: str = "<session>") -> Session:
    """Parse and check session JSON; nothing is trusted until every field has been checked."""
    try:
        document = json.loads(text, parse_int=_json_int)
    except (json.JSONDecodeError, RecursionError) as error:
        raise SessionError(f"{source}: this is not a lossgui session (broken JSON: {error})",
                           f"{source}: lossgui のセッションではありません(JSON が壊れています: "
                           f"{error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SessionError(f"{source}: this is not a lossgui session file",
                           f"{source}: lossgui のセッションファイルではありません")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionError(f"{source}: the session has no valid version number",
                           f"{source}: セッションに正しい版番号がありません")
    if version > VERSION:
        raise SessionError(
            f"{source}: this session was saved by a newer lossgui (format version {version}); "
            f"this one reads version {VERSION}. Please update lossgui.",
            f"{source}: このセッションは新しい lossgui で保存されています(形式の版 {version})。"
            f"この lossgui が読めるのは版 {VERSION} までです。lossgui を更新してください。",
        )
    try:
        return _session(document)
    except LossguiError as error:
        raise SessionError.located(source, error) from None


def _json_int(digits: str) -> int | float:
    """A JSON integer; one too long for Python's int() (4,300 digits) reads as ±inf and is
    refused where it is used, as every number too large for a float is."""
    return int(digits) if len(digits) <= 4000 else float(digits)


def _session(document: dict[str, Any]) -> Session:
    loss = get_loss(_typed(document.get("loss"), str, ("loss", "loss")))
    given = _typed(document.get("params", {}), dict, ("params", "params"))
    params = resolve(loss.id, loss.params, given)
    target_name, target = _column(document.get("target"), ("target", "target(正解)"))
    raw_predictions = _typed(document.get("predictions"), list, ("predictions", "predictions"))
    if not raw_predictions:
        raise SessionError("the session has no prediction", "セッションに予測がありません")
    predictions = [_column(p, (f"prediction {i + 1}", f"{i + 1} 番目の予測"))
                   for i, p in enumerate(raw_predictions)]
    _check_names([target_name, *(name for name, _ in predictions)])
    for name, values in predictions:
        if len(values) != len(target):
            raise SessionError(
                f"prediction {quoted(name)} has {len(values)} values "
                f"but the target has {len(target)}",
                f"予測 {quoted(name)} の値は {len(values)} 個ですが、正解は {len(target)} 個です",
            )
    return Session(target_name, target, predictions, loss.id, params)


def _check_names(names: list[str]) -> None:
    """Every column named, and each name once: else the exported results could not be reopened."""
    for name in names:
        if problem := name_problem(name):
            raise SessionError(*problem)
    if problem := duplicate_problem(name.strip() for name in names):
        raise SessionError(*problem)


def _typed(value: Any, kind: type, what: Message) -> Any:
    """``value`` if it is a ``kind``; else SessionError naming the field (``what``, en and ja)."""
    if not isinstance(value, kind):
        raise SessionError(
            f"{what[0]} should be a {kind.__name__}, not {type(value).__name__}",
            f"{what[1]} は {kind.__name__} のはずですが、{type(value).__name__} です",
        )
    return value


def _column(raw: Any, what: Message) -> tuple[str, FloatArray]:
    column = _typed(raw, dict, what)
    name = _typed(column.get("name"), str, (f"the name of {what[0]}", f"{what[1]}の名前"))
    values = _typed(column.get("values"), list, (f"the values of {what[0]}", f"{what[1]}の値"))
    decoded = np.empty(len(values))
    for k, value in enumerate(values):
        decoded[k] = _decode_value(value, (f"{what[0]} ({quoted(name)}), element {k + 1}",
                                           f"{what[1]}({quoted(name)})の {k + 1} 番目の要素"))
    return name, decoded


def _decode_value(value: Any, where: Message) -> float:
    if value is None:
        return math.nan
    if isinstance(value, str) and value in {"inf", "-inf"}:
        return math.inf if value == "inf" else -math.inf
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SessionError(f"{where[0]} is {quoted(value)}, not a number",
                           f"{where[1]}が {quoted(value)} で、数ではありません")
    try:
        number = float(value)
    except OverflowError:  # an int beyond float64's 1.8e308
        number = math.inf
    if not math.isfinite(number):  # 1e999, Infinity, NaN: a session spells them "inf" or null
        raise SessionError(f"{where[0]} is {quoted(value)}, too large for a number "
                           '(an infinity is written "inf", a blank null)',
                           f"{where[1]}が {quoted(value)} で、数として大きすぎます"
                           '(無限大は "inf"、空欄は null と書きます)')
    return number
