"""Run every row of issue 5's table at 10³…10⁶ rows; print medians and ratios (``dev.py bench``).

Each ratio divides lossgui's median by a baseline's median measured in the same run, on the
same data, so a noisy machine moves both. ``--sizes 1000,10000`` runs fewer sizes; ``--json
PATH`` keeps the rows; ``--plot PATH`` draws cost against rows (pyqtgraph, offscreen).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SIZES

Row = dict[str, object]
GUI_TIMEOUT_S = 300


def _child(args: list[str], timeout: float) -> str | None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        proc = subprocess.run([sys.executable, "-m", "benchmarks.gui_rows", *args], env=env,
                              capture_output=True, text=True, timeout=timeout,
                              cwd=Path(__file__).resolve().parent.parent)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        return None
    return proc.stdout.strip().splitlines()[-1]


def gui_rows(sizes: tuple[int, ...], directory: Path) -> list[Row]:
    """The window's rows, each size in a child process with a time limit."""
    rows: list[Row] = []
    from benchmarks.common import data_csv

    for n in sizes:
        data_csv(n, directory)  # written here, so the child's peak memory is the window's alone
        out = _child([str(n), str(directory)], GUI_TIMEOUT_S)
        if out is None:
            rows.append({"what": "GUI rows (open, edit, paste, jump)", "n": n,
                         "note": f"not measured: the window did not finish within "
                                 f"{GUI_TIMEOUT_S} s (or failed; see stderr)"})
            continue
        rows.extend(json.loads(out))
    for kind in ("jump", "edit"):  # their baseline is the same row on 1,000 rows
        small = next((r for r in rows if r.get("n") == 1_000 and str(r["what"]).startswith(kind)
                      and "ours_ms" in r), None)
        for row in rows:
            if str(row["what"]).startswith(kind) and small is not None:
                row["base_ms"] = small["ours_ms"]
    return rows


def startup_rows(repeats: int = 5) -> list[Row]:
    """Start-up to the first painted window, and the empty app's peak memory."""
    found: dict[str, list[dict[str, float]]] = {"lossgui": [], "minimal": []}
    for _ in range(repeats):
        for kind in found:
            out = _child(["startup", kind], 120)
            if out is not None:
                found[kind].append(json.loads(out))
    if not found["lossgui"] or not found["minimal"]:
        return [{"what": "start-up to first painted window", "n": 0,
                 "note": "not measured: the window did not start"}]
    ours = statistics.median(r["seconds"] for r in found["lossgui"]) * 1e3
    base = statistics.median(r["seconds"] for r in found["minimal"]) * 1e3
    rss = statistics.median(r["maxrss_kb"] for r in found["lossgui"])
    return [{"what": "start-up to first painted window", "n": 0, "ours_ms": ours,
             "base_ms": base, "baseline": "minimal PySide6 + pyqtgraph window", "target": 1.5,
             "empty_maxrss_kb": rss}]


MEMORY_FACTOR = 3  # issue 14: at most 3× the data's float64 size over the empty app


def memory_rows(gui: list[Row], empty_kb: float | None) -> list[Row]:
    """Peak memory with the file open over the empty app, against 3× the float64 data."""
    rows: list[Row] = []
    for row in gui:
        if "maxrss_kb" in row and empty_kb is not None:
            n = int(row["n"])  # type: ignore[call-overload]
            raw_mb = float(row["data_mb"])  # type: ignore[arg-type]
            peak = (float(row["maxrss_kb"]) - empty_kb) / 1024  # type: ignore[arg-type]
            rows.append({"what": "peak memory with the file open (MB over empty app)", "n": n,
                         "ours_mb": peak, "budget_mb": MEMORY_FACTOR * raw_mb, "target": 1.0,
                         "note_budget": f"{MEMORY_FACTOR}× the {raw_mb:.3g} MB of float64 data"})
    return rows


def ratio(row: Row) -> float | None:
    """lossgui's median over the baseline's, when both were measured."""
    if "ours_mb" in row:
        return float(row["ours_mb"]) / max(float(row["budget_mb"]), 1e-9)  # type: ignore[arg-type]
    if "ours_ms" not in row or "base_ms" not in row:
        return None
    return float(row["ours_ms"]) / max(float(row["base_ms"]), 1e-9)  # type: ignore[arg-type]


def applies(row: Row) -> bool:
    """Whether the row's target is one of issue 14's: evaluate is judged at 10⁶ rows only."""
    return not str(row["what"]).startswith("evaluate") or int(row["n"]) >= 1_000_000  # type: ignore[call-overload]


def _fmt(value: object, unit: str) -> str:
    return "—" if value is None else f"{float(value):.3g}{unit}"  # type: ignore[arg-type]


def table(rows: list[Row]) -> str:
    """A Markdown table of the rows."""
    lines = ["| what | rows | lossgui | baseline | ratio | target | met | also |",
             "|---|---:|---:|---:|---:|---:|:-:|---|"]
    for row in rows:
        r = ratio(row)
        if "note" in row:
            lines.append(f"| {row['what']} | {row['n']:,} | — | — | — | — | — | {row['note']} |")
            continue
        if "ours_mb" in row:
            ours, base, unit = row["ours_mb"], row["budget_mb"], " MB"
        else:
            ours, base, unit = row.get("ours_ms"), row.get("base_ms"), " ms"
        extra = []
        for key, label in (("numpy_total_ms", "numpy total alone"),
                           ("sklearn_ms", "sklearn"), ("torch_ms", "torch fwd+bwd"),
                           ("pandas_ms", "pandas"), ("loadtxt_ms", "np.loadtxt"),
                           ("savetxt_ms", "np.savetxt")):
            if key in row:
                value = float(row[key])  # type: ignore[arg-type]
                extra.append(f"{label} {value:.3g} ms (×{float(ours) / value:.2f})")  # type: ignore[arg-type]
        if "with_grab_ms" in row:  # rounds 3–7 timed the open with a whole-window grab
            extra.append(f"with a whole-window grab {float(row['with_grab_ms']):.3g} ms "  # type: ignore[arg-type]
                         f"(×{float(row['with_grab_ms']) / float(base):.2f})")  # type: ignore[arg-type]
        if "first_open_ms" in row:  # lossgui's first open, polars imported on the way
            extra.append(f"first open {float(row['first_open_ms']):.3g} ms "  # type: ignore[arg-type]
                         "(imports polars)")
        if "undo_steps" in row:
            extra.append(f"undo steps: {row['undo_steps']}")
        if "note_budget" in row:
            extra.append(str(row["note_budget"]))
        if "seconds" in row:
            extra.append(f"{float(row['seconds']):.1f} s")  # type: ignore[arg-type]
        met = "—" if r is None or not applies(row) else (
            "yes" if r <= float(row["target"]) else "no")  # type: ignore[arg-type]
        if "absolute_target_ms" in row and row["n"] == 1_000:
            limit = float(row["absolute_target_ms"])  # type: ignore[arg-type]
            below = float(row["ours_ms"]) < limit  # type: ignore[arg-type]
            extra.append(f"< {limit:g} ms at 1,000 rows: {'yes' if below else 'no'}")
            met = "yes" if below else "no"
        elif not applies(row):
            extra.append("target is for 10⁶ rows")
        label = str(row.get("baseline", "budget"))
        lines.append(f"| {row['what']} | {row['n']:,} | {_fmt(ours, unit)} | "
                     f"{_fmt(base, unit)} ({label}) | "
                     f"{'—' if r is None else f'{r:.2f}×'} | ≤{row['target']}× | {met} | "
                     f"{'; '.join(extra)} |")
    return "\n".join(lines)


def summary(rows: list[Row]) -> str:
    """Issue 14's targets, each with this run's figure, its same-run baseline and whether met."""
    def at_most(row: Row) -> bool | None:
        r = ratio(row)
        return None if r is None else r <= float(row["target"])  # type: ignore[arg-type]

    def line(target: str, found: list[Row], detail: str = "") -> str:
        verdicts = [at_most(r) for r in found]
        met = "not measured" if not found or None in verdicts else (
            "yes" if all(verdicts) else "no")
        shown = detail or "; ".join(
            f"{_fmt(r.get('ours_ms', r.get('ours_mb')), '')} vs "
            f"{_fmt(r.get('base_ms', r.get('budget_mb')), '')} = {ratio(r):.2f}×" for r in found)
        return f"| {target} | {shown} | {met} |"

    big = [r for r in rows if int(r["n"]) >= 1_000_000 and "note" not in r]  # type: ignore[call-overload]
    named = lambda start: [r for r in big if str(r["what"]).startswith(start)]  # noqa: E731
    evaluate = named("evaluate ")
    missed = [f"{str(r['what'])[9:]} {ratio(r):.2f}×" for r in evaluate if not at_most(r)]
    worst = max(evaluate, key=lambda r: ratio(r) or 0.0, default=None)
    small_edit = [r for r in rows if r["n"] == 1_000 and str(r["what"]).startswith("edit")
                  and "ours_ms" in r]
    lines = ["| target (10⁶ rows) | this run: lossgui vs same-run baseline (ms or MB) | met |",
             "|---|---|:-:|",
             line("`lossgui compute --format csv --output` ≤ 1× a polars script (whole process)",
                  named("lossgui compute")),
             line("`evaluate` ≤ 1.5× numpy total + contributions + gradient, every loss",
                  evaluate, (f"{len(evaluate) - len(missed)} of {len(evaluate)} met; worst "
                             f"{str(worst['what'])[9:]} {ratio(worst):.2f}×"
                             + (f"; not met: {', '.join(missed)}" if missed else ""))
                  if worst else ""),
             line("an edit ≤ 1.5× the same edit at 10³ rows", named("edit")),
             "| the edit at 10³ rows < 30 ms | " + (
                 f"{float(small_edit[0]['ours_ms']):.3g} ms | "  # type: ignore[arg-type]
                 f"{'yes' if float(small_edit[0]['ours_ms']) < 30 else 'no'} |"  # type: ignore[arg-type]
                 if small_edit else "— | not measured |"),
             line("open (totals and plot shown) ≤ 2× polars read_csv + one numpy evaluate",
                  named("open")),
             line("peak memory with the file open ≤ 3× the float64 data", named("peak memory")),
             line("`compute --totals-only` of a huge file ≤ 500 MB peak",
                  named("compute --totals")),
             ]
    return "\n".join(lines)


PLOTTED_EVALUATE = ("evaluate sse", "evaluate cee", "evaluate bce")


def plot(rows: list[Row], path: Path) -> None:
    """Cost against rows for lossgui and its baselines, log-log, drawn with pyqtgraph offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
    widget = pg.PlotWidget(title="lossgui vs baselines (median ms, log–log)")
    widget.resize(1000, 650)
    widget.setLogMode(True, True)
    widget.addLegend(offset=(10, 10))
    widget.setLabel("bottom", "rows")
    widget.setLabel("left", "ms")
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
               "#7f7f7f", "#bcbd22", "#17becf"]
    # Three losses stand for the sixteen evaluate rows (their table rows have all of them).
    rows = [r for r in rows if not str(r["what"]).startswith("evaluate")
            or str(r["what"]) in PLOTTED_EVALUATE]
    whats = [w for w in dict.fromkeys(str(r["what"]) for r in rows)
             if sum(1 for r in rows if r["what"] == w and "ours_ms" in r and int(r["n"]) > 0) > 1]  # type: ignore[call-overload]
    for i, what in enumerate(whats):
        series = [r for r in rows if r["what"] == what and "ours_ms" in r]
        xs = [float(r["n"]) for r in series]  # type: ignore[arg-type]
        colour = colours[i % len(colours)]
        widget.plot(xs, [float(r["ours_ms"]) for r in series], pen=pg.mkPen(colour, width=2),  # type: ignore[arg-type]
                    symbol="o", symbolBrush=colour, name=f"{what}")
        if all("base_ms" in r for r in series):
            widget.plot(xs, [float(r["base_ms"]) for r in series],  # type: ignore[arg-type]
                        pen=pg.mkPen(colour, width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
                        name=f"  baseline: {series[0].get('baseline')}")
    app.processEvents()
    exporter = pyqtgraph.exporters.ImageExporter(widget.plotItem)
    exporter.parameters()["width"] = 1400
    exporter.export(str(path))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="dev.py bench", description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-gui", action="store_true", help="core and file rows only")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--stream", type=int, default=0, metavar="ROWS",
                        help="also stream a file of ROWS rows with compute --totals-only "
                        "(10⁸ rows: a 4 GB file, minutes)")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    from benchmarks import core_rows

    print(f"lossgui benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}", flush=True)
    rows: list[Row] = []
    for row in core_rows.run(sizes, args.stream):
        rows.append(row)
        print(table([row]).splitlines()[-1], flush=True)
    if not args.no_gui:
        with tempfile.TemporaryDirectory(prefix="lossgui-bench-gui-") as tmp:
            gui = gui_rows(sizes, Path(tmp))
        start = startup_rows()
        empty = start[0].get("empty_maxrss_kb")
        rows += gui + start + memory_rows(gui, float(empty) if empty is not None else None)  # type: ignore[arg-type]
    print()
    print(table(rows))
    print()
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    if args.plot:
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
