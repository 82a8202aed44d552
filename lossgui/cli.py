"""The ``lossgui`` command: no arguments or a CSV path opens the window; subcommands run headless.

The headless subcommands never import Qt (a test enforces it), so they work over SSH and in CI.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from lossgui import __version__
from lossgui.core import LOSSES, Evaluation, LossguiError, Problem, Severity, csvio, get_loss
from lossgui.core.atomic import write_atomic
from lossgui.core.evaluate import evaluate_resolved
from lossgui.core.numbers import round_trip, setting
from lossgui.core.params import ParamValue, resolve
from lossgui.core.plot_files import plot_format

SUBCOMMANDS = {"compute", "losses"}
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line, as every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The headless command line: ``compute`` and ``losses``."""
    parser = _Parser(prog="lossgui", description="Loss-function calculator. "
                     "Run without arguments (or with a CSV file) to open the window.")
    parser.add_argument("--version", action="version", version=f"lossgui {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    compute = sub.add_parser("compute", help="evaluate a loss on a data CSV")
    compute.add_argument("data", metavar="DATA.csv", help="header row; target column t; "
                         "every other column a prediction; one row per element")
    compute.add_argument("--loss", required=True, metavar="ID", help="see `lossgui losses`")
    compute.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                         help="a loss parameter, e.g. eps=1e-7 (repeatable)")
    compute.add_argument("--target", metavar="COL", help="the target column (default: t)")
    compute.add_argument("--pred", action="append", default=[], metavar="COL",
                         help="a prediction column (repeatable; default: all but the target)")
    compute.add_argument("--format", choices=("table", "json", "csv"),
                         help="default: from --output's suffix (.csv, .json), else table")
    compute.add_argument("--output", metavar="FILE", help="write there instead of stdout")
    compute.add_argument("--delimiter", choices=(",", ";", "tab"),
                         help="the data file's delimiter (default: detected)")
    compute.add_argument("--bom", action="store_true",
                         help="start a CSV output with a UTF-8 BOM (for Excel)")
    compute.add_argument("--plot", metavar="FILE.png|FILE.svg",
                         help="also save the plot of the contributions (PNG 1600×900 or SVG); "
                         "needs no display")
    compute.add_argument("--plot-gradient", action="store_true",
                         help="plot −∂E/∂y instead of the contributions")

    losses = sub.add_parser("losses", help="list every loss with its parameters")
    losses.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lossgui`` command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
        return _open_window(args_list[0] if args_list else None)
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as done:  # --help, --version and usage errors: a status, not an exception
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        if args.command == "losses":
            return _list_losses(args.format, sys.stdout)
        return _compute(args)
    except LossguiError as error:
        print(f"lossgui: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"lossgui: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _open_window(path: str | None) -> int:
    try:
        from lossgui.gui.app import main as gui_main  # Qt is imported only here
    except ImportError as error:
        print(f"lossgui: error: cannot start the window: {error}. "
              "Run `python3 dev.py run`, which installs what Qt needs.", file=sys.stderr)
        return EXIT_USAGE
    return gui_main(path)


def _parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise LossguiError(f"--param {pair!r}: write it as NAME=VALUE, e.g. eps=1e-7",
                               f"--param {pair!r}: 名前=値 の形で書いてください(例: eps=1e-7)")
        params[name.strip()] = value.strip()
    return params


def _output_format(args: argparse.Namespace) -> str:
    """--format, else what --output's suffix says, else the readable table."""
    if args.format:
        chosen: str = args.format
    else:
        suffix = Path(args.output).suffix.lower() if args.output else ""
        chosen = {".csv": "csv", ".json": "json"}.get(suffix, "table")
    if args.bom and chosen != "csv":
        raise LossguiError("--bom is for CSV output: add --format csv or an --output FILE.csv",
                           "--bom は CSV 出力用です。--format csv か --output ファイル.csv を"
                           "付けてください")
    return chosen


def _compute(args: argparse.Namespace) -> int:
    args.format = _output_format(args)
    if args.plot:
        plot_format(args.plot)  # refuse a wrong name before Qt is loaded
    loss = get_loss(args.loss)
    params = resolve(loss.id, loss.params, _parse_params(args.param))
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    data = csvio.read_data_csv(args.data, delimiter)
    target_name, t, predictions = data.split(args.target, args.pred)
    results = [(name, y, evaluate_resolved(loss.id, y, t, params)) for name, y in predictions]

    problems = _problems(results)
    if args.format != "table" or args.output:
        # The table lists them itself; other outputs are for programs, so people read them here.
        for name, problem in problems:
            print(_problem_line(name, problem), file=sys.stderr)

    if args.format == "json":
        text = json.dumps(_json_report(loss.id, params, target_name, results),
                          ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = csvio.results_csv_text(target_name, t, results)
    else:
        text = _table_report(loss.id, params, results)
    if args.output:
        write_atomic(args.output, text, bom=args.bom and args.format == "csv")
    else:
        _write_stdout(("\ufeff" if args.bom and args.format == "csv" else "") + text)
    if args.plot:
        _write_plot(args.plot, loss.id, params, target_name, t, predictions, args.plot_gradient)
    return 0


def _write_plot(
    path: str,
    loss_id: str,
    params: dict[str, ParamValue],
    target_name: str,
    t: object,
    predictions: Sequence[tuple[str, object]],
    gradient: bool,
) -> None:
    """Draw the window's plot offscreen and save it; Qt is imported only here."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from lossgui.gui.document import Document
        from lossgui.gui.files.plot_export import export_plot
    except ImportError as error:
        raise LossguiError(f"--plot needs Qt, which could not be loaded: {error}. "
                           "Run `python3 dev.py run` once, which installs it.",
                           f"--plot には Qt が必要ですが、読み込めませんでした: {error}。"
                           "`python3 dev.py run` を一度実行すると入ります。") from None
    def quiet(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform says it cannot size a window; nobody sees one, so skip it.
        if "propagateSizeHints" not in message:
            print(f"lossgui: Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(["lossgui"])
    document = Document([target_name, *(n for n, _ in predictions)],
                        [t, *(y for _, y in predictions)], loss_id)  # type: ignore[list-item]
    for name, value in params.items():
        document.put_param(loss_id, name, value)
    export_plot(document, path, gradient)
    del app


def _write_stdout(text: str) -> None:
    # CSV carries its own CRLF line ends; keep the terminal from translating them again.
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _problems(
    results: Sequence[tuple[str, object, Evaluation]],
) -> list[tuple[str | None, Problem]]:
    """Every prediction's problems; those about the target alone are listed once, for no one."""
    seen: set[tuple[str, tuple[int, ...] | None, str]] = set()
    listed: list[tuple[str | None, Problem]] = []
    for name, _, ev in results:
        for problem in ev.problems:
            if problem.about_target:
                key = (problem.code, problem.index, problem.message)
                if key in seen:
                    continue
                seen.add(key)
            listed.append((None if problem.about_target else name, problem))
    return listed


def _problem_line(prediction: str | None, problem: Problem) -> str:
    kind = "note" if problem.severity is Severity.NOTE else "warning"
    return f"{kind}: {prediction + ': ' if prediction else ''}{problem.message}"


def json_number(value: float) -> float | str:
    """A float for JSON (RFC 8259 has no inf/nan): non-finite values become "inf"/"-inf"/"nan"."""
    if math.isfinite(value):
        return value
    return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")


def _json_report(
    loss_id: str,
    params: Mapping[str, object],
    target_name: str,
    results: Sequence[tuple[str, object, Evaluation]],
) -> dict[str, object]:
    problems = _problems(results)
    return {
        "loss": loss_id,
        "params": dict(params),
        "target": target_name,
        "predictions": [
            {
                "name": name,
                "total": json_number(ev.total),
                "contributions": [json_number(v) for v in ev.contributions.tolist()],
                "gradient": [json_number(v) for v in ev.gradient.tolist()],
            }
            for name, _, ev in results
        ],
        "warnings": [
            {
                "prediction": name,
                "row": problem.index[0] + 1 if problem.index else None,
                "severity": problem.severity.value,
                "message": problem.message,
            }
            for name, problem in problems
        ],
    }


def _table_report(
    loss_id: str, params: Mapping[str, ParamValue],
    results: Sequence[tuple[str, object, Evaluation]],
) -> str:
    loss = get_loss(loss_id)
    settings = ", ".join(f"{k}={setting(v)}"
                         for k, v in params.items())
    lines = [f"loss: {loss.id} — {loss.name_en} ({loss.name_ja})", f"formula: {loss.formula}",
             f"parameters: {settings}", ""]
    finite = [ev.total for _, _, ev in results if math.isfinite(ev.total)]
    best = min(finite) if len(results) > 1 and finite else None
    width = max(_width("prediction"), *(_width(name) for name, _, _ in results))
    lines.append(f"{_pad('prediction', width)}  total")
    for name, _, ev in results:
        mark = "  ← lowest loss" if best is not None and ev.total == best else ""
        lines.append(f"{_pad(name, width)}  {round_trip(ev.total)}{mark}")
    problems = [_problem_line(name, p) for name, p in _problems(results)]
    if problems:
        lines += ["", *problems]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _list_losses(fmt: str, out: TextIO) -> int:
    if fmt == "json":
        catalogue = [
            {
                "id": loss.id,
                "name_en": loss.name_en,
                "name_ja": loss.name_ja,
                "formula": loss.formula,
                "expects": loss.expects.value,
                "params": [
                    {"name": p.name, "kind": p.kind.value, "default": p.default,
                     "choices": list(p.choices), "help": p.help}
                    for p in loss.params
                ],
            }
            for loss in LOSSES
        ]
        out.write(json.dumps(catalogue, ensure_ascii=False, indent=2) + "\n")
        return 0
    for loss in LOSSES:
        defaults = ", ".join(
            f"{p.name}={setting(p.default)}"
            for p in loss.params
        )
        out.write(f"{loss.id:<12} {loss.name_en} ({loss.name_ja})\n"
                  f"{'':<12} {loss.formula}\n{'':<12} expects {loss.expects.value}; "
                  f"parameters: {defaults}\n")
    return 0
