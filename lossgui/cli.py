"""The ``lossgui`` command: no arguments or a CSV path opens the window; subcommands run headless.

The headless subcommands never import Qt (a test enforces it), so they work over SSH and in CI.
"""

from __future__ import annotations

import argparse
import difflib
import errno
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

import numpy as np

from lossgui import __version__
from lossgui.allocator import keep_arrays_in_heap
from lossgui.core import (
    LOSSES,
    Evaluation,
    LossguiError,
    Problem,
    Severity,
    csvio,
    get_loss,
    project,
)
from lossgui.core.arrays import FloatArray
from lossgui.core.atomic import WriteError, os_error_number, start_forgetting, write_atomic_with
from lossgui.core.descend import (
    SPACES,
    Descent,
    check_lr,
    check_steps,
    descend,
    describe_space,
    squashed_by,
)
from lossgui.core.evaluate import evaluate_resolved
from lossgui.core.examples import EXAMPLES
from lossgui.core.json_stream import json_number, write_json
from lossgui.core.losses import grouped
from lossgui.core.lowest import NotCompared, lowest_indices, not_compared
from lossgui.core.names import problem_of
from lossgui.core.numbers import round_trip, setting, short
from lossgui.core.params import ParamValue, resolve
from lossgui.core.plot_files import plot_format
from lossgui.core.problems import label, listed_problems, quoted
from lossgui.core.squash import Squash
from lossgui.core.stream import stream_totals

SUBCOMMANDS = {"compute", "descend", "losses", "examples"}
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE (128 + 13)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line, as every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The headless command line: ``compute``, ``descend`` and ``losses``."""
    parser = _Parser(prog="lossgui", description="Loss-function calculator. "
                     "Run without arguments (or with a CSV file) to open the window.")
    parser.add_argument("--version", action="version", version=f"lossgui {__version__}")
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument("--install-desktop", action="store_true",
                      help="add lossgui to your application menu (icon, .lossgui.json type) "
                      "under $XDG_DATA_HOME, ~/.local/share by default")
    menu.add_argument("--uninstall-desktop", action="store_true",
                      help="remove what --install-desktop added")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    compute = sub.add_parser("compute", help="evaluate a loss on a data CSV")
    compute.add_argument("data", metavar="DATA.csv", help="header row; target column t; "
                         "every other column a prediction; one row per element (or a session "
                         "the window saved, .lossgui.json)")
    compute.add_argument("--loss", required=True, metavar="ID", help="see `lossgui losses`")
    compute.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                         help="a loss parameter, e.g. eps=1e-7 (repeatable)")
    compute.add_argument("--target", metavar="COL", help="the target column (default: t)")
    compute.add_argument("--pred", action="append", default=[], metavar="COL",
                         help="a prediction column (repeatable; default: all but the target)")
    compute.add_argument("--format", choices=("table", "json", "csv"),
                         help="default: from --output's suffix (.csv, .json), else table")
    compute.add_argument("--output", metavar="FILE",
                         help="write there instead of stdout (- is stdout)")
    compute.add_argument("--delimiter", choices=(",", ";", "tab"), metavar="',' | ';' | tab",
                         help="the data file's delimiter (default: detected)")
    compute.add_argument("--bom", action="store_true",
                         help="start a CSV output with a UTF-8 BOM (for Excel)")
    compute.add_argument("--plot", metavar="FILE.png|FILE.svg",
                         help="also save the plot of the contributions (PNG 1600×900 or SVG); "
                         "needs no display")
    compute.add_argument("--plot-gradient", action="store_true",
                         help="plot −∂E/∂y instead of the contributions")
    compute.add_argument("--totals-only", action="store_true",
                         help="only the totals, reading the file a block at a time: any size "
                         "in bounded memory (a progress line on a terminal)")

    steps = sub.add_parser("descend", help="take gradient steps on each prediction and show "
                           "the loss over the steps")
    steps.add_argument("data", metavar="DATA.csv", help="as for compute")
    steps.add_argument("--loss", required=True, metavar="ID", help="see `lossgui losses`")
    steps.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="a loss parameter, e.g. eps=1e-7 (repeatable)")
    steps.add_argument("--lr", required=True, metavar="ETA", help="the learning rate (> 0)")
    steps.add_argument("--steps", required=True, metavar="S", help="how many steps (0–10000)")
    steps.add_argument("--space", choices=SPACES, default="input",
                       help="step on y itself (input), or on the logits behind probabilities "
                       f"(logits: softmax for {squashed_by(Squash.SOFTMAX)} when y sums to 1, "
                       f"else σ for each y, as for {squashed_by(Squash.SIGMOID)}; step 0 is "
                       "always y as given)")
    steps.add_argument("--target", metavar="COL", help="the target column (default: t)")
    steps.add_argument("--pred", action="append", default=[], metavar="COL",
                       help="a prediction column (repeatable; default: all but the target)")
    steps.add_argument("--format", choices=("table", "json", "csv"),
                       help="default: from --output's suffix (.csv, .json), else table")
    steps.add_argument("--output", metavar="FILE", help="write there instead of stdout")
    steps.add_argument("--delimiter", choices=(",", ";", "tab"), metavar="',' | ';' | tab",
                       help="the data file's delimiter (default: detected)")
    steps.add_argument("--bom", action="store_true",
                       help="start a CSV output with a UTF-8 BOM (for Excel)")

    losses = sub.add_parser("losses", help="list every loss with its parameters")
    losses.add_argument("--format", choices=("table", "json"), default="table")

    examples = sub.add_parser("examples", help="list the shipped example CSVs as NAME<TAB>PATH")
    examples.add_argument("name", nargs="?", choices=list(EXAMPLES), metavar="NAME",
                          help="print only this example's path, e.g. "
                          "lossgui compute \"$(lossgui examples article)\" --loss sse")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lossgui`` command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    keep_arrays_in_heap()  # both the window and the commands evaluate large arrays
    try:
        if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
            return _open_window(_window_file(args_list))
        parser = build_parser()
        try:
            args = parser.parse_args(args_list)
            if args.install_desktop or args.uninstall_desktop:
                if args.command:
                    parser.error("--install-desktop and --uninstall-desktop take no command")
                return _desktop_menu(args.install_desktop, sys.stdout)
            if args.command is None:
                parser.error(f"choose a command: {', '.join(sorted(SUBCOMMANDS))} (or give a file)")
        except SystemExit as done:  # --help, --version and usage errors: a status, not an exception
            return done.code if isinstance(done.code, int) else EXIT_USAGE
        if args.command == "losses":
            return _list_losses(args.format, sys.stdout)
        if args.command == "descend":
            return _descend(args)
        if args.command == "examples":
            return _list_examples(args.name, sys.stdout)
        return _compute(args)
    except LossguiError as error:
        if isinstance(error, WriteError) and error.errno == errno.EPIPE:  # --output /dev/stdout
            return _reader_gone()
        _fail(str(error))
        return EXIT_USAGE
    except OSError as error:
        # `lossgui examples | head -1`: the reader has all it wanted. polars' CSV writer says
        # so as a plain OSError, "Broken pipe (os error 32)".
        if os_error_number(error) == errno.EPIPE:
            return _reader_gone()
        where = f"{error.filename}: " if error.filename else ""
        _fail(f"{where}{error.strerror or error}")
        return EXIT_USAGE


def _reader_gone() -> int:
    """The reader of stdout stopped early (``| head``): its choice, not an error; no message."""
    # Point stdout at nothing so the interpreter's final flush cannot fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _fail(message: str) -> None:
    """The one stderr line of a refusal (a newline in a name cannot split it)."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"lossgui: error: {one_line}", file=sys.stderr)


def window_main() -> int:
    """Entry point of ``lossgui-window`` (a GUI script: no console on Windows): the window only.

    The argument, if any, is a file to open (as a file manager's "Open with" passes it).
    """
    keep_arrays_in_heap()
    try:
        return _open_window(sys.argv[1] if len(sys.argv) > 1 else None)
    except LossguiError as error:  # e.g. no display; printed where there is a terminal
        _fail(str(error))
        return EXIT_USAGE


def _window_file(args: Sequence[str]) -> str | None:
    """The file ``lossgui FILE`` opens; a mistyped command or a missing file is refused here.

    Without this, ``lossgui comptue data.csv`` would start the window to show "cannot open
    comptue", or abort where there is no display.
    """
    if not args:
        return None
    word = args[0]
    if not os.path.exists(word):
        looks_like_file = bool(Path(word).suffix) or os.sep in word or "/" in word
        guess = difflib.get_close_matches(word, sorted(SUBCOMMANDS), n=1)
        if guess and not looks_like_file:
            raise LossguiError(f"unknown command {word!r} (did you mean {guess[0]}?)",
                               f"{word!r} というコマンドはありません（{guess[0]} のことですか？）")
        if looks_like_file:
            raise LossguiError(f"{word}: no such file", f"{word}: ファイルがありません")
        commands = ", ".join(sorted(SUBCOMMANDS))
        raise LossguiError(
            f"unknown command {word!r}: give a data CSV or .lossgui.json file, or one of "
            f"{commands} (lossgui --help)",
            f"{word!r} というコマンドはありません。CSV か .lossgui.json のファイル、"
            f"または {commands} を指定してください（lossgui --help）")
    if len(args) > 1:
        raise LossguiError(f"lossgui FILE opens one file; {args[1]!r} is one too many "
                           f"(the commands are {', '.join(sorted(SUBCOMMANDS))})",
                           f"lossgui FILE で開けるファイルは1つです（{args[1]!r} は余分です）")
    return word


def _open_window(path: str | None) -> int:
    problem = display_problem()
    if problem:
        raise problem
    try:
        from lossgui.gui.app import main as gui_main  # Qt is imported only here
    except ImportError as error:
        print(f"lossgui: error: cannot start the window: {error}. "
              "Run `python3 dev.py run`, which installs what Qt needs.", file=sys.stderr)
        return EXIT_USAGE
    return gui_main(path)


def display_problem(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> LossguiError | None:
    """Why the window cannot open here (no display on Linux/BSD), or None if it may try.

    Qt would abort (exit 134) after a screenful of plugin messages; one line says it better.
    An explicit QT_QPA_PLATFORM (e.g. offscreen) is the user's choice and is left to Qt.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "cygwin", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    headless = ", ".join(sorted(SUBCOMMANDS))
    return LossguiError(
        "no display: the window needs a desktop session (DISPLAY and WAYLAND_DISPLAY are "
        f"unset); the commands {headless} work without one",
        "ディスプレイがありません: ウィンドウにはデスクトップ環境が必要です（DISPLAY も "
        f"WAYLAND_DISPLAY もありません）。{headless} はそのまま使えます")


def _parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            shown = quoted(pair)
            raise LossguiError(f"--param {shown}: write it as NAME=VALUE, e.g. eps=1e-7",
                               f"--param {shown}: 名前=値 の形で書いてください(例: eps=1e-7)")
        name, value = name.strip(), value.strip()
        if name in params:  # the last one winning silently hid a typo in the first
            raise LossguiError(
                f"--param {name} is given twice ({quoted(params[name])}, then {quoted(value)}): "
                "give it once",
                f"--param {name} が2回指定されています({quoted(params[name])} と "
                f"{quoted(value)})。1回だけ指定してください")
        params[name] = value
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


def _read_inputs(
    args: argparse.Namespace,
) -> tuple[str, dict[str, ParamValue], str, FloatArray, list[tuple[str, FloatArray]]]:
    """The loss, its checked parameters and the data named on the command line.

    A session (``.lossgui.json``) is read as the window saved it: its columns, and under its own
    loss its parameters too (a --param still wins), so compute gives the window's numbers.
    """
    loss = get_loss(args.loss)
    given = _parse_params(args.param)
    params = resolve(loss.id, loss.params, given)  # refused before a large file is read
    if project.is_session_path(args.data):
        data, session = _session_data(args)
        if session.loss_id == loss.id:
            params = resolve(loss.id, loss.params, {**session.params, **given})
    else:
        delimiter = "\t" if args.delimiter == "tab" else args.delimiter
        data = csvio.read_data_csv(args.data, delimiter, whole=True)  # faster, more memory
    target_name, t, predictions = data.split(args.target, args.pred)
    if getattr(args, "plot", None) and data.is_batch:
        raise LossguiError("--plot draws one vector's elements; plot a batch in the window "
                           "(lossgui DATA.csv) or use --format csv",
                           "--plot が描くのは1つのベクトルの要素です。バッチはウィンドウ"
                           "(lossgui DATA.csv)で描くか、--format csv を使ってください")
    return loss.id, params, target_name, t, list(predictions)


def _session_data(args: argparse.Namespace) -> tuple[csvio.DataSet, project.Session]:
    """A saved session's columns as compute reads a data file's, and the session itself.

    The session names its target (the window's, whatever it is called), as a marked column
    ``label (t)`` names a data file's: it is the target unless ``--target`` names another.
    """
    if args.delimiter:
        raise LossguiError("--delimiter is for a data CSV; a session is JSON: leave it out",
                           "--delimiter はデータの CSV 用です。セッションは JSON なので外して"
                           "ください")
    session = project.load(args.data)
    data = csvio.DataSet([session.target_name, *(name for name, _ in session.predictions)],
                         [session.target, *(values for _, values in session.predictions)],
                         os.fspath(args.data), target=session.target_name)
    return data, session


def _emit(args: argparse.Namespace, content: str | Callable[[BinaryIO], object]) -> None:
    """Write a report (text, or a function writing its bytes) to --output atomically, or stdout.

    ``--output -`` is stdout too. Bytes, not text, go to stdout: CSV carries its own CRLF line
    ends, which a terminal must not translate again.
    """
    write: Callable[[BinaryIO], object]
    if isinstance(content, str):
        data = (csvio.UTF8_BOM if args.bom and args.format == "csv" else b"") + content.encode()
        write = lambda handle: handle.write(data)  # noqa: E731
    else:
        write = content
    if args.output and args.output != "-":
        write_atomic_with(args.output, write)
    else:
        sys.stdout.flush()
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _refuse_writing_over_the_data(args: argparse.Namespace) -> None:
    """Refuse an --output (or --plot) that is the data file, under any name (``./same.csv``,
    a link to it): writing there would replace the data with its results."""
    for option in ("output", "plot"):
        path = getattr(args, option, None)
        if path and path != "-" and _same_file(path, args.data):
            raise LossguiError(
                f"--{option} {path} is the data file {args.data}: writing there would replace "
                "the data with its results; choose another file",
                f"--{option} {path} はデータのファイル {args.data} です。そこに書くとデータが"
                "結果で置き換わります。別のファイルを選んでください")


def _same_file(path: str, other: str) -> bool:
    """Whether two paths name one existing file (links and other spellings included)."""
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):  # one of them is not there (yet): not the same file
        return False


def _compute(args: argparse.Namespace) -> int:
    args.format = _output_format(args)
    _refuse_writing_over_the_data(args)
    if args.plot:
        plot_format(args.plot)  # refuse a wrong name before Qt is loaded
    if args.totals_only:
        return _compute_totals(args)
    if args.output and args.output != "-":
        start_forgetting(args.output)  # the file it replaces, while the data is read
    loss_id, params, target_name, t, predictions = _read_inputs(args)
    loss = get_loss(loss_id)
    results = [(name, y, evaluate_resolved(loss.id, y, t, params)) for name, y in predictions]

    if args.format == "csv":
        def write(handle: BinaryIO) -> None:  # straight to the file: no million-row string
            csvio.write_results_csv(handle, target_name, t, results, bom=args.bom)
        _emit(args, write)
    elif args.format == "json":
        report = _json_report(loss.id, params, target_name, results)
        batch = t.ndim == 2 or any(y.ndim == 2 for _, y in predictions)

        def write_report(handle: BinaryIO) -> None:  # streamed: no million-number string
            write_json(lambda text: handle.write(text.encode()), report, compact=batch)
        _emit(args, write_report)
    else:
        _emit(args, _table_report(loss.id, params, results))
    if args.plot:
        _write_plot(args.plot, loss.id, params, target_name, t, predictions, args.plot_gradient)
    _print_warnings(args, listed_problems(results))
    return 0


def _print_warnings(
    args: argparse.Namespace, problems: Sequence[tuple[str | None, Problem]]
) -> None:
    """The warnings on stderr when the output is not the table (which lists them itself).

    Called only once everything is written, so that a refusal is always exactly one line.
    """
    if args.format != "table" or args.output:
        for name, problem in problems:
            print(_problem_line(name, problem), file=sys.stderr)


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


def _problem_line(prediction: str | None, problem: Problem) -> str:
    """"warning: z, sample 2, class 1 is missing …": the cell named as the window names it."""
    kind = "note" if problem.severity is Severity.NOTE else "warning"
    return f"{kind}: {problem_of(prediction, problem, 'en')}"


def _json_report(
    loss_id: str,
    params: Mapping[str, ParamValue],
    target_name: str,
    results: Sequence[tuple[str, object, Evaluation]],
) -> dict[str, object]:
    problems = listed_problems(results)
    batch = any(ev.contributions.ndim == 2 for _, _, ev in results)
    report: dict[str, object] = {"loss": loss_id, "params": dict(params), "target": target_name}
    if batch:
        samples, classes = results[0][2].contributions.shape
        report["samples"], report["classes"] = samples, classes
    report["predictions"] = [
        {
            "name": name,
            "total": json_number(ev.total),
            **({"per_sample": _float_array(ev.per_sample)} if batch else {}),
            "contributions": _float_array(ev.contributions),
            "gradient": _float_array(ev.gradient),
        }
        for name, _, ev in results
    ]
    report["warnings"] = [_warning_json(name, problem, batch) for name, problem in problems]
    return report


def _json_text(report: object) -> str:
    """A small report as JSON text, by the same writer as compute's (json.dumps' layout)."""
    parts: list[str] = []
    write_json(parts.append, report)
    return "".join(parts)


def _float_array(values: object) -> FloatArray:
    """An array of numbers as :func:`write_json` writes it (as a list of JSON numbers)."""
    array: FloatArray = np.asarray(values, dtype=np.float64)
    return array


def _warning_json(
    prediction: str | None, problem: Problem, batch: bool = False
) -> dict[str, object]:
    """One warning as the JSON reports list it: ``row`` is the 1-based element k of a vector;
    in a batch ``sample`` n is 1-based and ``class`` k 0-based (as the file's ``y[k]``); null
    for a remark about the whole input."""
    if batch:
        sample, k = problem.sample_and_class
        place: dict[str, object] = {"sample": None if sample is None else sample + 1,
                                    "class": k}
    else:
        place = {"row": problem.index[0] + 1 if problem.index else None}
    return {"prediction": prediction, **place, "severity": problem.severity.value,
            "message": problem.message}


_NOT_COMPARED = {"y": "  (not compared: y is outside the loss's domain)",
                 "t": "  (not compared: t is not a probability distribution)",
                 "y_sum": "  (not compared: y sums above 1, so it is no distribution)"}


def _totals_lines(totals: Sequence[tuple[str, float, NotCompared | None]]) -> list[str]:
    """The table's prediction/total lines, the lowest marked by the window's rule; each is
    (name, total, why it is not compared: core.lowest.not_compared)."""
    lowest = lowest_indices([None if why else total for _, total, why in totals])
    width = max(_width("prediction"), *(_width(label(name)) for name, _, _ in totals))
    lines = [f"{_pad('prediction', width)}  total"]
    for i, (name, total, why) in enumerate(totals):
        mark = "  ← lowest loss" if i in lowest else _NOT_COMPARED[why] if why else ""
        lines.append(f"{_pad(label(name), width)}  {round_trip(total)}{mark}")
    return lines


def _table_report(
    loss_id: str, params: Mapping[str, ParamValue],
    results: Sequence[tuple[str, object, Evaluation]],
) -> str:
    lines = [*_loss_header(loss_id, params), "",
             *_totals_lines([(name, ev.total, not_compared(ev.problems))
                             for name, _, ev in results])]
    if results and results[0][2].contributions.ndim == 2:
        lines += ["", *_batch_lines(results)]
    problems = [_problem_line(name, p) for name, p in listed_problems(results)]
    if problems:
        lines += ["", *problems]
    return "\n".join(lines) + "\n"


SAMPLES_LISTED = 20  # a table for a terminal; JSON and CSV carry every sample


def _batch_lines(results: Sequence[tuple[str, object, Evaluation]]) -> list[str]:
    """What a batch's total is made of: N, K, the reduction, and each sample's own loss."""
    first = results[0][2]
    samples, classes = first.contributions.shape
    mean = first.params.get("reduction") == "mean"
    lines = [f"batch: {samples} samples × {classes} classes; the total is the "
             f"{'mean' if mean else 'sum'} of the samples' losses"]
    names = [label(name) for name, _, _ in results]
    widths = [max(_width(name), 8) for name in names]
    header = "  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True))
    lines.append(f"sample  {header}".rstrip())
    per_sample = [ev.per_sample for _, _, ev in results]
    for n in range(min(samples, SAMPLES_LISTED)):
        cells = [_pad(short(float(p[n])), w) for p, w in zip(per_sample, widths, strict=True)]
        lines.append(f"{n + 1:<6}  " + "  ".join(cells).rstrip())
    if samples > SAMPLES_LISTED:
        lines.append(f"… {samples - SAMPLES_LISTED} more samples (--format json or csv lists "
                     "them all)")
    return lines


def _compute_totals(args: argparse.Namespace) -> int:
    """``compute --totals-only``: the file streamed in blocks, only the totals reported."""
    if args.plot:
        raise LossguiError("--plot needs every contribution: leave out --totals-only",
                           "--plot にはすべての寄与が必要です。--totals-only を外してください")
    if project.is_session_path(args.data):
        raise LossguiError("--totals-only reads a data CSV a block at a time; a session is read "
                           "whole: leave out --totals-only",
                           "--totals-only はデータの CSV を少しずつ読みます。セッションは一度に"
                           "読むので、--totals-only を外してください")
    loss = get_loss(args.loss)
    params = resolve(loss.id, loss.params, _parse_params(args.param))
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    progress = _progress_line if sys.stderr.isatty() else None
    streamed = stream_totals(args.data, loss.id, params, args.target, args.pred, delimiter,
                             progress)
    if progress is not None:
        print(file=sys.stderr)  # end the progress line
    problems = [(p.name, problem) for p in streamed.predictions for problem in p.problems]
    if args.format != "table" or args.output:
        for name, problem in problems:
            print(_problem_line(name, problem), file=sys.stderr)
    totals = [(p.name, p.total) for p in streamed.predictions]
    if args.format == "json":
        report = {"loss": loss.id, "params": dict(params), "target": streamed.target,
                  "rows": streamed.rows,
                  "predictions": [{"name": n, "total": json_number(v)} for n, v in totals],
                  "warnings": [_warning_json(n, problem) for n, problem in problems]}
        _emit(args, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        _emit(args, csvio.totals_csv_text(loss.id, params, totals))
    else:
        lines = [*_loss_header(loss.id, params), f"rows: {streamed.rows:,}", ""]
        lines += _totals_lines([(p.name, p.total, p.not_compared)
                                for p in streamed.predictions])
        unlisted = sum(p.unlisted for p in streamed.predictions)
        if problems:
            lines += ["", *(_problem_line(n, problem) for n, problem in problems)]
        if unlisted:
            lines.append(f"…and {unlisted} more warnings")
        _emit(args, "\n".join(lines) + "\n")
    return 0


def _progress_line(done: int, size: int) -> None:
    share = 100 * done / size if size else 100.0
    print(f"\rlossgui: read {done / 2**20:,.0f} of {size / 2**20:,.0f} MB ({share:.0f} %)",
          end="", file=sys.stderr, flush=True)


def _loss_header(loss_id: str, params: Mapping[str, ParamValue]) -> list[str]:
    """The table's first lines: the loss, its formula and the parameters in force."""
    loss = get_loss(loss_id)
    settings = ", ".join(f"{k}={setting(v)}" for k, v in params.items())
    return [f"loss: {loss.id} — {loss.name_en} ({loss.name_ja})", f"formula: {loss.formula}",
            f"parameters: {settings}"]


def _descend(args: argparse.Namespace) -> int:
    args.format = _output_format(args)
    _refuse_writing_over_the_data(args)
    lr, steps = check_lr(args.lr), check_steps(args.steps)  # before the file is read
    loss_id, params, _, t, predictions = _read_inputs(args)
    runs = [(name, descend(loss_id, y, t, params, lr, steps, args.space))
            for name, y in predictions]
    batch = any(y.ndim == 2 for _, y in predictions)
    problems = [(name, problem) for name, run in runs for problem in run.problems]
    if args.format == "json":
        report = {
            "loss": loss_id,
            "params": dict(params),
            "lr": lr,
            "steps": steps,
            "space": runs[0][1].space,
            "predictions": [
                {"name": name, "totals": _float_array(run.totals),
                 "final": _float_array(run.final)}
                for name, run in runs
            ],
            "warnings": [_warning_json(name, problem, batch) for name, problem in problems],
        }
        text = _json_text(report)
    elif args.format == "csv":
        text = csvio.descent_csv_text([n for n, _ in runs], [r.totals for _, r in runs])
    else:
        text = _descent_table(loss_id, params, runs, problems)
    _emit(args, text)
    _print_warnings(args, problems)
    return 0


FINAL_SHOWN = 10  # the table lists a final y this long in full; JSON always has all of it


def _descent_table(
    loss_id: str,
    params: Mapping[str, ParamValue],
    runs: Sequence[tuple[str, Descent]],
    problems: Sequence[tuple[str, Problem]],
) -> str:
    first = runs[0][1]
    loss = get_loss(loss_id)
    # The data chose each prediction's logits (softmax if y sums to 1, else σ): say each one.
    said = [(name, describe_space(loss, run.space, "en", run.squash)) for name, run in runs]
    space = said[0][1] if len({text for _, text in said}) == 1 else \
        "; ".join(f"{name} {text}" for name, text in said)
    lines = [*_loss_header(loss_id, params),
             f"learning rate: {first.lr!r}, steps: {first.steps}, space: {first.space} ({space})",
             ""]
    columns = [[repr(v) for v in run.totals.tolist()] for _, run in runs]
    widths = [max(_width(name), *(len(c) for c in column)) for (name, _), column
              in zip(runs, columns, strict=True)]
    lines.append("  ".join(["step", *(_pad(n, w) for (n, _), w in zip(runs, widths,
                                                                      strict=True))]).rstrip())
    for step in range(first.steps + 1):
        cells = [_pad(c[step] if step < len(c) else "", w) for c, w in zip(columns, widths,
                                                                          strict=True)]
        if any(step < len(c) for c in columns):
            lines.append("  ".join([f"{step:<4}", *cells]).rstrip())
    lines.append("")
    for name, run in runs:
        step = len(run.totals) - 1
        if run.final.ndim == 1:
            lines.append(f"final {name} (step {step}): {_final_row(run.final)}")
            continue
        # A batch as the file holds it: one row of K values per sample, not one long list.
        samples = len(run.final)
        lines.append(f"final {name} (step {step}), one row per sample:")
        lines += [f"  {n + 1}: {_final_row(row)}" for n, row in
                  enumerate(run.final[:SAMPLES_LISTED])]
        if samples > SAMPLES_LISTED:
            lines.append(f"  … {samples - SAMPLES_LISTED} more samples (--format json lists "
                         "them all)")
    if problems:
        lines += ["", *(_problem_line(name, p) for name, p in problems)]
    return "\n".join(lines) + "\n"


def _final_row(values: FloatArray) -> str:
    """One vector (or one sample's K values) after the last step, at most FINAL_SHOWN of them."""
    shown = ", ".join(repr(v) for v in values[:FINAL_SHOWN].tolist())
    more = f", … ({len(values) - FINAL_SHOWN} more; --format json lists all)" \
        if len(values) > FINAL_SHOWN else ""
    return f"[{shown}{more}]"


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
                "task": loss.task.value,
                "when_en": loss.when[0],
                "when_ja": loss.when[1],
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
    indent = " " * (max(len(loss.id) for loss in LOSSES) + 2)
    for number, (task, losses) in enumerate(grouped()):
        out.write(f"{'' if number == 0 else chr(10)}== {task.describe('en')} "
                  f"({task.describe('ja')}) ==\n")
        for loss in losses:
            defaults = ", ".join(
                f"{p.name}={setting(p.default)}"
                for p in loss.params
            )
            out.write(f"{loss.id:<{len(indent)}}{loss.name_en} ({loss.name_ja})\n"
                      f"{indent}{loss.formula}\n"
                      f"{indent}when: {loss.when[0]}\n{indent}使う場面: {loss.when[1]}\n"
                      f"{indent}expects {loss.expects.value}; parameters: {defaults}\n")
    return 0


def _list_examples(name: str | None, out: TextIO) -> int:
    """NAME<TAB>PATH per shipped example (only the PATH for one NAME), so a shell can pick one."""
    if name is not None:
        out.write(f"{EXAMPLES[name].path}\n")
        return 0
    for example in EXAMPLES.values():
        out.write(f"{example.key}\t{example.path}\n")
    return 0


def _desktop_menu(install: bool, out: TextIO) -> int:
    """--install-desktop / --uninstall-desktop: say which files were written or removed."""
    from lossgui import desktop_entry

    if install:
        files = desktop_entry.install()
        out.write("".join(f"wrote {path}\n" for path in files))
        out.write("lossgui is in your application menu (log out and in if it does not show).\n")
    else:
        files = desktop_entry.uninstall()
        out.write("".join(f"removed {path}\n" for path in files) or "nothing to remove\n")
    return 0
