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
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TextIO

import numpy as np

from lossgui import __version__
from lossgui.allocator import keep_arrays_in_heap
from lossgui.cli_language import (
    ARGPARSE_JA,
    HelpFormatter,
    argparse_speaking,
    width_on_terminal,
)
from lossgui.core import (
    LOSSES,
    Evaluation,
    LossguiError,
    Problem,
    Severity,
    csvio,
    get_loss,
    project,
    side_by_side,
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
from lossgui.core.language import ENGLISH, JAPANESE, LANGUAGES, system_language
from lossgui.core.losses import grouped
from lossgui.core.lowest import NotCompared, lowest_indices, not_compared
from lossgui.core.names import problem_of
from lossgui.core.numbers import round_trip, setting, short
from lossgui.core.over_the_data import refuse_writing_over_the_data
from lossgui.core.params import ParamValue, resolve
from lossgui.core.plot_files import plot_format
from lossgui.core.problems import counted, in_language, label, listed_problems, quoted
from lossgui.core.squash import Squash
from lossgui.core.stream import stream_totals
from lossgui.window_settings import saved_language

SUBCOMMANDS = {"compute", "descend", "losses", "examples"}
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE (128 + 13)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line, as every other error here."""

    def __init__(self, *args: Any, language: str = ENGLISH, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.language = language

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {_error_word(self.language)}: {message}\n")


def build_parser(language: str = ENGLISH) -> argparse.ArgumentParser:
    """The headless command line: ``compute``, ``descend`` and ``losses``, its help in
    ``language`` (argparse's own words too, inside :func:`argparse_speaking`)."""
    def say(english: str, japanese: str) -> str:
        return in_language(language, english, japanese)

    parser = _Parser(prog="lossgui", language=language, description=say(
        "Loss-function calculator. Run without arguments (or with a CSV file) to open the "
        "window.",
        "損失関数電卓。引数なしで(または CSV ファイルを付けて)実行するとウィンドウが開きます。"))
    parser.add_argument("--version", action="version", version=f"lossgui {__version__}",
                        help=say("show program's version number and exit",
                                 "バージョンを表示して終了します"))

    def speaks(where: argparse.ArgumentParser) -> None:
        # Read before parsing (command_line_language): the help itself is in that language.
        where.add_argument("--language", choices=tuple(LANGUAGES), default=argparse.SUPPRESS,
                           help=say("answer in English or Japanese (default: the language "
                                    "chosen in the window's View ▸ Language, else the "
                                    "system's)",
                                    "英語か日本語で答えます(既定: ウィンドウの 表示 ▸ 言語 で"
                                    "選んだ言語、なければシステムの言語)"))

    speaks(parser)
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument("--install-desktop", action="store_true", help=say(
        "add lossgui to your application menu (icon, .lossgui.json type) under "
        "$XDG_DATA_HOME, ~/.local/share by default",
        "lossgui をアプリケーションメニューに加えます(アイコン、.lossgui.json の種類)。"
        "場所は $XDG_DATA_HOME、既定では ~/.local/share"))
    menu.add_argument("--uninstall-desktop", action="store_true",
                      help=say("remove what --install-desktop added",
                               "--install-desktop が加えたものを取り除きます"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, english: str, japanese: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = sub.add_parser(name, help=say(english, japanese),
                                                       language=language)
        return made

    def data(where: argparse.ArgumentParser) -> None:
        where.add_argument("data", metavar="DATA.csv", help=say(
            "header row; target column t; every other column a prediction; one row per "
            "element (or a session the window saved, .lossgui.json)",
            "見出しの行、正解の列 t、ほかの列はどれも予測、1行が要素ひとつ"
            "(またはウィンドウが保存したセッション .lossgui.json)"))

    def loss_and_params(where: argparse.ArgumentParser) -> None:
        # Not required by argparse: a session names its own loss (checked in main()).
        where.add_argument("--loss", metavar="ID", help=say(
            "see `lossgui losses`; a session (.lossgui.json) uses its own if left out",
            "`lossgui losses` を参照。セッション(.lossgui.json)では省くとその損失関数"))
        where.set_defaults(command_parser=where)
        where.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                           help=say("a loss parameter, e.g. eps=1e-7 (repeatable)",
                                    "損失関数のパラメータ。例: eps=1e-7(何度でも指定可)"))

    def columns(where: argparse.ArgumentParser) -> None:
        where.add_argument("--target", metavar="COL",
                           help=say("the target column (default: t)", "正解の列(既定: t)"))
        where.add_argument("--pred", action="append", default=[], metavar="COL", help=say(
            "a prediction column (repeatable; default: all but the target)",
            "予測の列(何度でも指定可。既定: 正解以外のすべて)"))

    def output(where: argparse.ArgumentParser, dash: bool) -> None:
        where.add_argument("--format", choices=("table", "json", "csv"), help=say(
            "default: from --output's suffix (.csv, .json), else table",
            "既定: --output の拡張子(.csv、.json)から、なければ table"))
        where.add_argument("--output", metavar="FILE", help=say(
            "write there instead of stdout" + (" (- is stdout)" if dash else ""),
            "標準出力の代わりにそこへ書きます" + ("(- は標準出力)" if dash else "")))
        where.add_argument("--delimiter", choices=(",", ";", "tab"), metavar="',' | ';' | tab",
                           help=say("the data file's delimiter (default: detected)",
                                    "データのファイルの区切り文字(既定: 自動判定)"))
        where.add_argument("--bom", action="store_true", help=say(
            "start a CSV output with a UTF-8 BOM (for Excel)",
            "CSV 出力の先頭に UTF-8 の BOM を付けます(Excel 用)"))

    compute = command("compute", "evaluate a loss on a data CSV",
                      "データの CSV で損失関数を計算します")
    data(compute)
    loss_and_params(compute)
    columns(compute)
    output(compute, dash=True)
    compute.add_argument("--plot", metavar="FILE.png|FILE.svg", help=say(
        "also save the plot of the contributions (PNG 1600×900 or SVG); needs no display",
        "寄与のグラフも保存します(PNG 1600×900 か SVG)。ディスプレイは要りません"))
    compute.add_argument("--plot-gradient", action="store_true", help=say(
        "plot −∂E/∂y instead of the contributions", "寄与の代わりに −∂E/∂y を描きます"))
    compute.add_argument("--totals-only", action="store_true", help=say(
        "only the totals, reading the file a block at a time: any size in bounded memory "
        "(a progress line on a terminal)",
        "合計だけを、ファイルを少しずつ読んで求めます。どんな大きさでも限られたメモリで済みます"
        "(端末には進み具合の行)"))

    steps = command("descend", "take gradient steps on each prediction and show the loss "
                    "over the steps",
                    "各予測で勾配のステップを進め、ステップごとの損失を示します")
    steps.add_argument("data", metavar="DATA.csv",
                       help=say("as for compute", "compute と同じ"))
    loss_and_params(steps)
    steps.add_argument("--lr", required=True, metavar="ETA",
                       help=say("the learning rate (> 0)", "学習率(0 より大きい数)"))
    steps.add_argument("--steps", required=True, metavar="S",
                       help=say("how many steps (0–10000)", "ステップ数(0–10000)"))
    softmax, sigmoid = squashed_by(Squash.SOFTMAX), squashed_by(Squash.SIGMOID)
    steps.add_argument("--space", choices=SPACES, default="input", help=say(
        "step on y itself (input), or on the logits behind probabilities (logits: softmax "
        f"for {softmax} when y sums to 1, else σ for each y, as for {sigmoid}; step 0 is "
        "always y as given)",
        "y そのもの(input)か、確率の元のロジット(logits)でステップを進めます(logits: "
        f"{softmax} では y の和が 1 なら softmax、そうでなければ {sigmoid} と同じく y ごとに σ。"
        "ステップ 0 はいつも与えた y)"))
    columns(steps)
    output(steps, dash=False)

    losses = command("losses", "list every loss with its parameters",
                     "すべての損失関数をパラメータとともに一覧します")
    losses.add_argument("--format", choices=("table", "json"), default="table")

    examples = command("examples", "list the shipped example CSVs as NAME<TAB>PATH",
                       "付属の例の CSV を 名前<TAB>パス で一覧します")
    examples.add_argument("name", nargs="?", choices=list(EXAMPLES), metavar="NAME", help=say(
        "print only this example's path, e.g. "
        "lossgui compute \"$(lossgui examples article)\" --loss sse",
        "この例のパスだけを表示します。例: "
        "lossgui compute \"$(lossgui examples article)\" --loss sse"))
    for made in (compute, steps, losses, examples):
        speaks(made)  # last: the usage line starts with what each command is about
    return parser


def _error_word(language: str) -> str:
    """The word before a refusal on stderr ("lossgui: error: …")."""
    return in_language(language, "error", "エラー")


def command_line_language(args: Sequence[str] = ()) -> str:
    """The language the command line speaks: ``--language`` if ``args`` give one, else the
    one chosen in the window's View ▸ Language (:mod:`lossgui.window_settings`), else the
    system's (:func:`lossgui.core.language.system_language`: Japanese under
    LANG=ja_JP.UTF-8), as the window itself decides."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        asked = args[i + 1] if arg == "--language" and i + 1 < len(args) else \
            arg.partition("=")[2] if arg.startswith("--language=") else None
        if asked in LANGUAGES:
            return asked
    return saved_language() or system_language()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lossgui`` command; returns the exit status.

    It speaks :func:`command_line_language`; files and machine formats (CSV, JSON) are the
    same in both languages.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    keep_arrays_in_heap()  # both the window and the commands evaluate large arrays
    language = command_line_language(args_list)
    try:
        if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
            return _open_window(_window_file(args_list))
        with argparse_speaking(language):
            parser = build_parser(language)
            try:
                args = parser.parse_args(args_list)
                if args.install_desktop or args.uninstall_desktop:
                    if args.command:
                        parser.error(in_language(
                            language, "--install-desktop and --uninstall-desktop take no command",
                            "--install-desktop と --uninstall-desktop にコマンドは付けられません"))
                    return _desktop_menu(args.install_desktop, sys.stdout, language)
                if args.command is None:
                    commands = ", ".join(sorted(SUBCOMMANDS))
                    parser.error(in_language(
                        language, f"choose a command: {commands} (or give a file)",
                        f"コマンドを選んでください: {commands}(またはファイルを指定)"))
                if getattr(args, "loss", "") is None and not project.is_session_path(args.data):
                    required = "the following arguments are required: %s"  # argparse's words
                    args.command_parser.error(
                        in_language(language, required, ARGPARSE_JA[required]) % "--loss")
            except SystemExit as done:  # --help, --version, usage errors: a status, no exception
                return done.code if isinstance(done.code, int) else EXIT_USAGE
        args.language = language
        if args.command == "losses":
            return _list_losses(args.format, sys.stdout, language)
        if args.command == "descend":
            return _descend(args)
        if args.command == "examples":
            return _list_examples(args.name, sys.stdout)
        return _compute(args)
    except LossguiError as error:
        if isinstance(error, WriteError) and error.errno == errno.EPIPE:  # --output /dev/stdout
            return _reader_gone()
        _fail(error.text(language), language)
        return EXIT_USAGE
    except OSError as error:
        # `lossgui examples | head -1`: the reader has all it wanted. polars' CSV writer says
        # so as a plain OSError, "Broken pipe (os error 32)".
        if os_error_number(error) == errno.EPIPE:
            return _reader_gone()
        where = f"{error.filename}: " if error.filename else ""
        _fail(f"{where}{error.strerror or error}", language)
        return EXIT_USAGE


def _reader_gone() -> int:
    """The reader of stdout stopped early (``| head``): its choice, not an error; no message."""
    # Point stdout at nothing so the interpreter's final flush cannot fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _fail(message: str, language: str = ENGLISH) -> None:
    """The one stderr line of a refusal (a newline in a name cannot split it)."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"lossgui: {_error_word(language)}: {one_line}", file=sys.stderr)


def window_main() -> int:
    """Entry point of ``lossgui-window`` (a GUI script: no console on Windows): the window only.

    The argument, if any, is a file to open (as a file manager's "Open with" passes it).
    """
    keep_arrays_in_heap()
    try:
        return _open_window(sys.argv[1] if len(sys.argv) > 1 else None)
    except LossguiError as error:  # e.g. no display; printed where there is a terminal
        language = command_line_language()
        _fail(error.text(language), language)
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
                               f"{word!r} というコマンドはありません({guess[0]} のことですか?)")
        if looks_like_file:
            raise LossguiError(f"{word}: no such file", f"{word}: ファイルがありません")
        commands = ", ".join(sorted(SUBCOMMANDS))
        raise LossguiError(
            f"unknown command {word!r}: give a data CSV or .lossgui.json file, or one of "
            f"{commands} (lossgui --help)",
            f"{word!r} というコマンドはありません。CSV か .lossgui.json のファイル、"
            f"または {commands} を指定してください(lossgui --help)")
    if len(args) > 1:
        raise LossguiError(f"lossgui FILE opens one file; {args[1]!r} is one too many "
                           f"(the commands are {', '.join(sorted(SUBCOMMANDS))})",
                           f"lossgui FILE で開けるファイルは1つです({args[1]!r} は余分です)")
    return word


def _open_window(path: str | None) -> int:
    problem = display_problem()
    if problem:
        raise problem
    try:
        from lossgui.gui.app import main as gui_main  # Qt is imported only here
    except ImportError as error:
        language = command_line_language()
        _fail(in_language(language,
                          f"cannot start the window: {error}. "
                          "Run `python3 dev.py run`, which installs what Qt needs.",
                          f"ウィンドウを開けません: {error}。`python3 dev.py run` を実行すると "
                          "Qt に必要なものが入ります。"), language)
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
        "ディスプレイがありません: ウィンドウにはデスクトップ環境が必要です(DISPLAY も "
        f"WAYLAND_DISPLAY もありません)。{headless} はそのまま使えます")


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
    read_first = None
    if args.loss is None:  # a session (main() refused a data CSV without --loss): its own
        read_first = _session_data(args)
        args.loss = read_first[1].loss_id
    loss = get_loss(args.loss)
    given = _parse_params(args.param)
    params = resolve(loss.id, loss.params, given)  # refused before a large file is read
    if project.is_session_path(args.data):
        data, session = read_first or _session_data(args)
        if session.loss_id == loss.id:
            params = resolve(loss.id, loss.params, {**session.params, **given})
    else:
        delimiter = "\t" if args.delimiter == "tab" else args.delimiter
        data = csvio.read_data_csv(args.data, delimiter, whole=True)  # faster, more memory
        for note in data.notes:  # a guessed encoding: said before anything is computed
            print(f"{in_language(args.language, 'note', '注')}: {data.source}: "
                  f"{in_language(args.language, *note)}", file=sys.stderr)
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
        # Unlike the window's saves, a command line writes into a FIFO or device as any Unix
        # tool does: `--output /dev/stdout | cat` is a pipe (README).
        write_atomic_with(args.output, write, special_files=True)
    else:
        sys.stdout.flush()
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _refuse_writing_over_the_data(args: argparse.Namespace) -> None:
    """Refuse an --output (or --plot) that is the data file, under any name (``./same.csv``,
    a link to it): writing there would replace the data with its results."""
    for option in ("output", "plot"):
        path = getattr(args, option, None)
        if path and path != "-":
            refuse_writing_over_the_data(path, args.data, option)


def _compute(args: argparse.Namespace) -> int:
    args.format = _output_format(args)
    _refuse_writing_over_the_data(args)
    if args.plot_gradient and not args.plot:  # it was ignored without a word (round-7 tester)
        raise LossguiError("--plot-gradient needs --plot FILE: it says what the saved plot shows "
                           "(−∂E/∂y instead of the contributions)",
                           "--plot-gradient には --plot ファイル が必要です(保存するグラフに"
                           "寄与の代わりに −∂E/∂y を描く指定です)")
    if args.plot:
        plot_format(args.plot)  # refuse a wrong name before Qt is loaded
    if args.totals_only:
        return _compute_totals(args)
    if args.output and args.output != "-":
        start_forgetting(args.output)  # the file it replaces, while the data is read
    loss_id, params, target_name, t, predictions = _read_inputs(args)
    loss = get_loss(loss_id)
    evaluations = side_by_side.mapped(lambda y: evaluate_resolved(loss.id, y, t, params),
                                      [y for _, y in predictions], t.size)
    results = [(name, y, evaluation)
               for (name, y), evaluation in zip(predictions, evaluations, strict=True)]

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
        _emit(args, _table_report(loss.id, params, results, args.language))
    if args.plot:
        _write_plot(args.plot, loss.id, params, target_name, t, predictions, args.plot_gradient,
                    args.language)
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
            print(_problem_line(name, problem, args.language), file=sys.stderr)


def _write_plot(
    path: str,
    loss_id: str,
    params: dict[str, ParamValue],
    target_name: str,
    t: object,
    predictions: Sequence[tuple[str, object]],
    gradient: bool,
    language: str,
) -> None:
    """Draw the window's plot offscreen and save it, titled in ``language`` as the window
    would title it; Qt is imported only here."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from lossgui.gui import language as window_language
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
    window_language.install(language)  # the titles and axes the window would give the plot
    document = Document([target_name, *(n for n, _ in predictions)],
                        [t, *(y for _, y in predictions)], loss_id)  # type: ignore[list-item]
    for name, value in params.items():
        document.put_param(loss_id, name, value)
    export_plot(document, path, gradient)
    del app


def _problem_line(prediction: str | None, problem: Problem, language: str) -> str:
    """"warning: z, sample 2, class 1 is missing …": the cell named as the window names it."""
    if problem.severity is Severity.NOTE:
        kind = in_language(language, "note", "注")
    else:
        kind = in_language(language, "warning", "警告")
    return f"{kind}: {problem_of(prediction, problem, language)}"


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


# {y} is the prediction's own name, as the window's notes say it (never the symbol y beside
# a column called z1).
_NOT_COMPARED = {"y": ("  (not compared: {y} is outside the loss's domain)",
                       "  (比較しません: {y} が損失関数の定義域の外にあります)"),
                 "t": ("  (not compared: t is not a probability distribution)",
                       "  (比較しません: t が確率分布ではありません)"),
                 "y_sum": ("  (not compared: {y} (exp({y}) under nll) sums above 1, so it is no "
                           "distribution)",
                           "  (比較しません: {y}(nll では exp({y}))の合計が 1 を超え、確率分布では"
                           "ありません)")}
_LOWEST = ("  ← lowest loss", "  ← 損失が最も小さい")


def _totals_lines(totals: Sequence[tuple[str, float, NotCompared | None]],
                  language: str) -> list[str]:
    """The table's prediction/total lines, the lowest marked by the window's rule; each is
    (name, total, why it is not compared: core.lowest.not_compared)."""
    lowest = lowest_indices([None if why else total for _, total, why in totals])
    heading = in_language(language, "prediction", "予測")
    width = max(width_on_terminal(heading),
                *(width_on_terminal(label(name)) for name, _, _ in totals))
    lines = [f"{_pad(heading, width)}  {in_language(language, 'total', '合計')}"]
    for i, (name, total, why) in enumerate(totals):
        mark = in_language(language, *_LOWEST) if i in lowest else \
            in_language(language, *_NOT_COMPARED[why]).replace("{y}", label(name)) if why else ""
        lines.append(f"{_pad(label(name), width)}  {round_trip(total)}{mark}")
    return lines


def _table_report(
    loss_id: str, params: Mapping[str, ParamValue],
    results: Sequence[tuple[str, object, Evaluation]], language: str,
) -> str:
    lines = [*_loss_header(loss_id, params, language), "",
             *_totals_lines([(name, ev.total, not_compared(ev.problems))
                             for name, _, ev in results], language)]
    if results and results[0][2].contributions.ndim == 2:
        lines += ["", *_batch_lines(results, language)]
    problems = [_problem_line(name, p, language) for name, p in listed_problems(results)]
    if problems:
        lines += ["", *problems]
    return "\n".join(lines) + "\n"


SAMPLES_LISTED = 20  # a table for a terminal; JSON and CSV carry every sample


def _batch_lines(results: Sequence[tuple[str, object, Evaluation]],
                 language: str) -> list[str]:
    """What a batch's total is made of: N, K, the reduction, and each sample's own loss."""
    first = results[0][2]
    samples, classes = first.contributions.shape
    mean = first.params.get("reduction") == "mean"
    lines = [in_language(
        language,
        f"batch: {counted(samples, 'sample')} × {counted(classes, 'class', 'classes')}; the "
        "total is the "
        f"{'mean' if mean else 'sum'} of the samples' losses",
        f"バッチ: {samples} サンプル × {classes} クラス。合計はサンプルの損失の"
        f"{'平均' if mean else '和'}です")]
    names = [label(name) for name, _, _ in results]
    widths = [max(width_on_terminal(name), 8) for name in names]
    header = "  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True))
    sample = in_language(language, "sample", "サンプル")
    first_width = max(width_on_terminal(sample), 6)  # 「サンプル」 takes 8 columns, "sample" 6
    lines.append(f"{_pad(sample, first_width)}  {header}".rstrip())
    per_sample = [ev.per_sample for _, _, ev in results]
    for n in range(min(samples, SAMPLES_LISTED)):
        cells = [_pad(short(float(p[n])), w) for p, w in zip(per_sample, widths, strict=True)]
        lines.append(f"{_pad(str(n + 1), first_width)}  " + "  ".join(cells).rstrip())
    if samples > SAMPLES_LISTED:
        more = samples - SAMPLES_LISTED
        lines.append(in_language(
            language, f"… {counted(more, 'more sample')} (--format json or csv lists them all)",
            f"… ほか {more} サンプル(--format json か csv ですべて出ます)"))
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
    progress = _progress_line(args.language) if sys.stderr.isatty() else None
    streamed = stream_totals(args.data, loss.id, params, args.target, args.pred, delimiter,
                             progress)
    if progress is not None:
        print(file=sys.stderr)  # end the progress line
    # As compute lists them: the target's own problems once, for no prediction.
    problems = listed_problems([(p.name, None, p) for p in streamed.predictions])
    _print_warnings(args, problems)
    totals = [(p.name, p.total) for p in streamed.predictions]
    if args.format == "json":
        report = {"loss": loss.id, "params": dict(params), "target": streamed.target,
                  "rows": streamed.rows,
                  "predictions": [{"name": n, "total": json_number(v)} for n, v in totals],
                  "warnings": [_warning_json(n, problem, streamed.batch)
                               for n, problem in problems]}
        _emit(args, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        _emit(args, csvio.totals_csv_text(loss.id, params, totals))
    else:
        language = args.language
        lines = [*_loss_header(loss.id, params, language),
                 f"{in_language(language, 'rows', '行数')}: {streamed.rows:,}", ""]
        lines += _totals_lines([(p.name, p.total, p.not_compared)
                                for p in streamed.predictions], language)
        unlisted = sum(p.unlisted for p in streamed.predictions)
        if problems:
            lines += ["", *(_problem_line(n, problem, language) for n, problem in problems)]
        if unlisted:
            lines.append(in_language(language, f"…and {counted(unlisted, 'more warning')}",
                                     f"…ほかに警告 {unlisted} 件"))
        _emit(args, "\n".join(lines) + "\n")
    return 0


def _progress_line(language: str) -> Callable[[int, int], None]:
    """The terminal's "read 12 of 40 MB" line of --totals-only, in ``language``."""
    def show(done: int, size: int) -> None:
        share = 100 * done / size if size else 100.0
        read, whole = f"{done / 2**20:,.0f}", f"{size / 2**20:,.0f}"
        text = in_language(language, f"read {read} of {whole} MB ({share:.0f} %)",
                           f"{whole} MB のうち {read} MB を読みました ({share:.0f} %)")
        print(f"\rlossgui: {text}", end="", file=sys.stderr, flush=True)
    return show


def _loss_header(loss_id: str, params: Mapping[str, ParamValue], language: str) -> list[str]:
    """The table's first lines: the loss, its formula and the parameters in force."""
    loss = get_loss(loss_id)
    settings = ", ".join(f"{k}={setting(v)}" for k, v in params.items())
    if language == JAPANESE:
        return [f"損失関数: {loss.id} — {loss.name_ja} ({loss.name_en})", f"式: {loss.formula}",
                f"パラメータ: {settings}"]
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
        text = _descent_table(loss_id, params, runs, problems, args.language)
    _emit(args, text)
    _print_warnings(args, problems)
    return 0


FINAL_SHOWN = 10  # the table lists a final y this long in full; JSON always has all of it


def _descent_table(
    loss_id: str,
    params: Mapping[str, ParamValue],
    runs: Sequence[tuple[str, Descent]],
    problems: Sequence[tuple[str, Problem]],
    language: str,
) -> str:
    first = runs[0][1]
    loss = get_loss(loss_id)
    # The data chose each prediction's logits (softmax if y sums to 1, else σ): say each one.
    said = [(name, describe_space(loss, run.space, language, run.squash)) for name, run in runs]
    space = said[0][1] if len({text for _, text in said}) == 1 else \
        "; ".join(f"{name} {text}" for name, text in said)
    lines = [*_loss_header(loss_id, params, language), in_language(
        language,
        f"learning rate: {first.lr!r}, steps: {first.steps}, space: {first.space} ({space})",
        f"学習率: {first.lr!r}、ステップ数: {first.steps}、空間: {first.space}({space})"), ""]
    columns = [[repr(v) for v in run.totals.tolist()] for _, run in runs]
    widths = [max(width_on_terminal(name), *(len(c) for c in column)) for (name, _), column
              in zip(runs, columns, strict=True)]
    step_word = in_language(language, "step", "ステップ")
    step_columns = max(4, width_on_terminal(step_word))
    lines.append("  ".join([_pad(step_word, step_columns), *(
        _pad(n, w) for (n, _), w in zip(runs, widths, strict=True))]).rstrip())
    for step in range(first.steps + 1):
        cells = [_pad(c[step] if step < len(c) else "", w) for c, w in zip(columns, widths,
                                                                          strict=True)]
        if any(step < len(c) for c in columns):
            lines.append("  ".join([_pad(str(step), step_columns), *cells]).rstrip())
    lines.append("")
    for name, run in runs:
        step = len(run.totals) - 1
        if run.final.ndim == 1:
            final = in_language(language, f"final {name} (step {step})",
                                f"最後の {name}(ステップ {step})")
            lines.append(f"{final}: {_final_row(run.final, language)}")
            continue
        # A batch as the file holds it: one row of K values per sample, not one long list.
        samples = len(run.final)
        lines.append(in_language(language, f"final {name} (step {step}), one row per sample:",
                                 f"最後の {name}(ステップ {step})、1行が1サンプル:"))
        lines += [f"  {n + 1}: {_final_row(row, language)}" for n, row in
                  enumerate(run.final[:SAMPLES_LISTED])]
        if samples > SAMPLES_LISTED:
            more = samples - SAMPLES_LISTED
            lines.append(in_language(
                language, f"  … {counted(more, 'more sample')} (--format json lists them all)",
                f"  … ほか {more} サンプル(--format json ですべて出ます)"))
    if problems:
        lines += ["", *(_problem_line(name, p, language) for name, p in problems)]
    return "\n".join(lines) + "\n"


def _final_row(values: FloatArray, language: str) -> str:
    """One vector (or one sample's K values) after the last step, at most FINAL_SHOWN of them."""
    shown = ", ".join(repr(v) for v in values[:FINAL_SHOWN].tolist())
    rest = len(values) - FINAL_SHOWN
    more = in_language(language, f", … ({rest} more; --format json lists all)",
                       f", …(ほか {rest} 個。--format json ですべて出ます)") if rest > 0 else ""
    return f"[{shown}{more}]"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - width_on_terminal(text))


def _list_losses(fmt: str, out: TextIO, language: str = "en") -> int:
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
    # Both languages, for a teacher writing for either; the user's own comes first.
    ja = language.startswith("ja")
    first, second = ("ja", "en") if ja else ("en", "ja")
    indent = " " * (max(len(loss.id) for loss in LOSSES) + 2)
    for number, (task, losses) in enumerate(grouped()):
        out.write(f"{'' if number == 0 else chr(10)}== {task.describe(first)} "
                  f"({task.describe(second)}) ==\n")
        for loss in losses:
            defaults = ", ".join(
                f"{p.name}={setting(p.default)}"
                for p in loss.params
            )
            names = (loss.name_ja, loss.name_en) if ja else (loss.name_en, loss.name_ja)
            when = [f"{indent}when: {loss.when[0]}\n", f"{indent}使う場面: {loss.when[1]}\n"]
            expects = (f"{indent}入力: {loss.expects.describe('ja')}。パラメータ: {defaults}\n"
                       if ja else
                       f"{indent}expects {loss.expects.value}; parameters: {defaults}\n")
            out.write(f"{loss.id:<{len(indent)}}{names[0]} ({names[1]})\n"
                      f"{indent}{loss.formula}\n"
                      + "".join(reversed(when) if ja else when) + expects)
    return 0


def _list_examples(name: str | None, out: TextIO) -> int:
    """NAME<TAB>PATH per shipped example (only the PATH for one NAME), so a shell can pick one."""
    if name is not None:
        out.write(f"{EXAMPLES[name].path}\n")
        return 0
    for example in EXAMPLES.values():
        out.write(f"{example.key}\t{example.path}\n")
    return 0


def _desktop_menu(install: bool, out: TextIO, language: str) -> int:
    """--install-desktop / --uninstall-desktop: say which files were written or removed."""
    from lossgui import desktop_entry

    def say(english: str, japanese: str) -> str:
        return in_language(language, english, japanese)

    if install:
        files = desktop_entry.install()
        out.write("".join(say(f"wrote {path}\n", f"書きました: {path}\n") for path in files))
        out.write(say("lossgui is in your application menu (log out and in if it does not "
                      "show).\n",
                      "lossgui がアプリケーションメニューに入りました(出てこなければ、"
                      "いったんログアウトしてログインし直してください)。\n"))
    else:
        files = desktop_entry.uninstall()
        out.write("".join(say(f"removed {path}\n", f"取り除きました: {path}\n")
                          for path in files) or say("nothing to remove\n",
                                                    "取り除くものはありません\n"))
    return 0
