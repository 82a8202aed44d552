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
from lossgui.core.atomic import remove_stale_temporaries, unreadable, write_atomic
from lossgui.core.losses import get_loss
from lossgui.core.names import duplicate_problem, name_problem
from lossgui.core.params import ParamValue, resolve
from lossgui.core.problems import LossguiError, counted, quoted

FORMAT = "lossgui-session"
# Version 1 holds vectors; version 2 adds batches (N×K tables, class-index targets). A session
# is written in the lowest version that holds it, so a vector session still opens in a lossgui
# that reads only version 1.
VERSION = 2
VECTOR_VERSION = 1
SUFFIX = ".lossgui.json"
CLASS_INDICES = "class_indices"  # a target of N class indices instead of "values"


class SessionError(LossguiError):
    """A session file that cannot be opened; the message says which file and why."""

    @classmethod
    def located(cls, source: str, error: LossguiError) -> SessionError:
        """``error`` prefixed with the file it was found in, in both languages."""
        return cls(f"{source}: {error}", f"{source}: {error.text('ja')}")


@dataclass
class Session:
    """Everything needed to reopen the window as it was.

    Columns are vectors, or a batch: N×K predictions with an N×K target or N class indices.
    """

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
    batch = any(values.ndim == 2 for _, values in session.predictions)
    indices = batch and session.target.ndim == 1
    document = {
        "format": FORMAT,
        "version": VERSION if batch else VECTOR_VERSION,
        "loss": loss.id,
        "params": resolve(loss.id, loss.params, session.params),
        "target": {"name": session.target_name,
                   CLASS_INDICES if indices else "values":
                   _encode_indices(session.target) if indices else _encode(session.target)},
        "predictions": [
            {"name": name, "values": _encode(values)}
            for name, values in session.predictions
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _encode(values: FloatArray) -> list[Any]:
    """A vector as a list, an N×K table as a list of N rows."""
    if values.ndim == 2:
        return [[_encode_value(v) for v in row] for row in values.tolist()]
    return [_encode_value(v) for v in values.tolist()]


def _encode_indices(values: FloatArray) -> list[int | float | str | None]:
    """Class indices as the whole numbers they are (``[2, 7]``, as the README shows them)."""
    return [int(v) if float(v).is_integer() else _encode_value(v) for v in values.tolist()]


def is_session_path(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a session (``.lossgui.json``, or any ``.json``) rather than data."""
    return os.fspath(path).lower().endswith(".json")


def save(path: str | os.PathLike[str], session: Session) -> None:
    """Write the session atomically: the previous file survives any failure."""
    write_atomic(path, to_json(session))


def load(path: str | os.PathLike[str]) -> Session:
    """Read a session file, or raise SessionError naming the file and the reason."""
    source = os.fspath(path)
    remove_stale_temporaries(path)  # left beside it by a save that was killed
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        refusal = unreadable(source, error)
        raise SessionError(str(refusal), refusal.message_ja) from None
    except UnicodeDecodeError:
        raise SessionError(f"{source}: this is not a lossgui session (not UTF-8 text)",
                           f"{source}: lossgui のセッションではありません(UTF-8 のテキストでは"
                           "ありません)") from None
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
        return _session(document, version)
    except LossguiError as error:
        raise SessionError.located(source, error) from None


def _json_int(digits: str) -> int | float:
    """A JSON integer; one too long for Python's int() (4,300 digits) reads as ±inf and is
    refused where it is used, as every number too large for a float is."""
    return int(digits) if len(digits) <= 4000 else float(digits)


def _session(document: dict[str, Any], version: int) -> Session:
    loss = get_loss(_typed(document.get("loss"), str, "loss"))
    given = _typed(document.get("params", {}), dict, "params")
    params = resolve(loss.id, loss.params, given)
    batches = version >= 2
    raw_target = _typed(document.get("target"), dict, "target")
    indices = batches and CLASS_INDICES in raw_target
    target_name, target = _column(raw_target, "target", batches,
                                  CLASS_INDICES if indices else "values")
    raw_predictions = _typed(document.get("predictions"), list, "predictions")
    if not raw_predictions:
        raise SessionError("the session has no prediction", "セッションに予測がありません")
    predictions = [_column(p, f"prediction {i + 1}", batches)
                   for i, p in enumerate(raw_predictions)]
    if indices and target.ndim != 1:
        raise SessionError("the target's class indices should be one number per sample",
                           "正解のクラス番号はサンプルごとに1つの数です")
    _check_names([target_name, *(name for name, _ in predictions)])
    for name, values in predictions:
        if len(values) != len(target):
            raise SessionError(
                f"prediction {quoted(name)} has {counted(len(values), 'value')} "
                f"but the target has {len(target)}",
                f"予測 {quoted(name)} の値は {len(values)} 個ですが、正解は {len(target)} 個です",
            )
        if indices and values.ndim != 2:
            raise SessionError(f"prediction {quoted(name)} should be an N×K table beside class "
                               "indices",
                               f"クラス番号の正解には、予測 {quoted(name)} は N×K の表です")
        if not indices and values.shape != target.shape:
            raise SessionError(f"prediction {quoted(name)} is {_shape(values)} but the target is "
                               f"{_shape(target)}",
                               f"予測 {quoted(name)} は {_shape(values, 'ja')} ですが、正解は "
                               f"{_shape(target, 'ja')} です")
    widths = {values.shape[1] for _, values in predictions if values.ndim == 2}
    if len(widths) > 1:
        listed = ", ".join(map(str, sorted(widths)))
        raise SessionError(f"the predictions have different numbers of classes K: {listed}",
                           f"予測ごとにクラスの数 K が違います: {listed}")
    return Session(target_name, target, predictions, loss.id, params)


def _shape(values: FloatArray, language: str = "en") -> str:
    if values.ndim == 2:
        return "×".join(map(str, values.shape))
    return f"値 {len(values)} 個" if language == "ja" else counted(len(values), "value")


def _check_names(names: list[str]) -> None:
    """Every column named, and each name once: else the exported results could not be reopened."""
    for name in names:
        if problem := name_problem(name):
            raise SessionError(*problem)
    if problem := duplicate_problem(name.strip() for name in names):
        raise SessionError(*problem)


def _typed(value: Any, kind: type, what: str) -> Any:
    """``value`` if it is a ``kind``; else SessionError naming the field (``what``: where in the
    JSON, which both languages quote as it is)."""
    if not isinstance(value, kind):
        raise SessionError(
            f"{what} should be a {kind.__name__}, not {type(value).__name__}",
            f"{what} は {kind.__name__} のはずですが、{type(value).__name__} です",
        )
    return value


def _column(
    raw: Any, what: str, batches: bool = False, key: str = "values"
) -> tuple[str, FloatArray]:
    column = _typed(raw, dict, what)
    name = _typed(column.get("name"), str, f"the name of {what}")
    values = _typed(column.get(key), list, f"the {key.replace('_', ' ')} of {what}")
    if batches and values and all(isinstance(row, list) for row in values):
        return name, _table(values, f"{what} ({quoted(name)})")
    decoded = np.empty(len(values))
    for k, value in enumerate(values):
        decoded[k] = _decode_value(value, f"{what} ({quoted(name)}), element {k + 1}")
    return name, decoded


def _table(rows: list[list[Any]], what: str) -> FloatArray:
    """An N×K table from N lists of K values; a ragged row is refused naming its sample."""
    width = len(rows[0])
    if not width:
        raise SessionError(f"{what}, sample 1 has no values", f"{what}, sample 1 に値がありません")
    decoded = np.empty((len(rows), width))
    for n, row in enumerate(rows):
        if len(row) != width:
            raise SessionError(f"{what}, sample {n + 1} has {counted(len(row), 'value')} but "
                               "sample 1 "
                               f"has {width}: every sample needs the same K",
                               f"{what}, sample {n + 1} の値は {len(row)} 個ですが、sample 1 は "
                               f"{width} 個です。どのサンプルも同じ K が必要です")
        for k, value in enumerate(row):
            decoded[n, k] = _decode_value(value, f"{what}, sample {n + 1}, class {k}")
    return decoded


def _decode_value(value: Any, where: str) -> float:
    if value is None:
        return math.nan
    if isinstance(value, str) and value in {"inf", "-inf"}:
        return math.inf if value == "inf" else -math.inf
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SessionError(f"{where} is {quoted(value)}, not a number",
                           f"{where} が {quoted(value)} で、数ではありません")
    try:
        number = float(value)
    except OverflowError:  # an int beyond float64's 1.8e308
        number = math.inf
    if not math.isfinite(number):  # 1e999, Infinity, NaN: a session spells them "inf" or null
        raise SessionError(f"{where} is {quoted(value)}, too large for a number "
                           '(an infinity is written "inf", a blank null)',
                           f"{where} は {quoted(value)} で、数として大きすぎます"
                           '(無限大は "inf"、空欄は null と書きます)')
    return number
