"""Quality gates: lint, strict typing of the core, and a Qt-free headless core and CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "lossgui" / "core"
QT_MODULE_PREFIXES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt")
QT_LEAKED = 97  # exit status of the headless probe when Qt modules were imported


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <args>`` from the repository root, capturing all output."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def output_of(proc: subprocess.CompletedProcess[str]) -> str:
    """The command line, exit code and output of a finished tool, for failure messages."""
    command = " ".join(map(str, proc.args))
    return f"$ {command}\n(exit {proc.returncode})\n{proc.stdout}{proc.stderr}"


def test_ruff_check_passes() -> None:
    proc = run_tool("ruff", "check", ".")
    if proc.returncode != 0:
        pytest.fail(f"ruff found problems:\n{output_of(proc)}", pytrace=False)


def test_mypy_strict_passes_on_core() -> None:
    proc = run_tool("mypy", "--strict", "lossgui/core")
    if proc.returncode != 0:
        pytest.fail(f"mypy --strict lossgui/core failed:\n{output_of(proc)}", pytrace=False)


def test_core_sources_do_not_import_qt() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.startswith(QT_MODULE_PREFIXES):
                    where = path.relative_to(REPO)
                    offenders.append(f"{where}:{node.lineno}: imports {name}")
    if offenders:
        pytest.fail("lossgui/core must not import Qt:\n" + "\n".join(offenders), pytrace=False)


HEADLESS_PROBE = textwrap.dedent(
    """
    import sys

    PREFIXES = {prefixes!r}
    QT_LEAKED = {qt_leaked}

    def qt_modules():
        return sorted(name for name in sys.modules if name.startswith(PREFIXES))

    import lossgui.core
    print("QT AFTER CORE:", qt_modules())
    import lossgui.cli
    print("QT AFTER CLI IMPORT:", qt_modules())
    status = lossgui.cli.main(["losses"])
    print("CLI STATUS:", status)
    leaked = qt_modules()
    print("QT AFTER CLI RUN:", leaked)
    sys.exit(QT_LEAKED if leaked else status)
    """
).format(prefixes=QT_MODULE_PREFIXES, qt_leaked=QT_LEAKED)


def test_core_and_cli_losses_stay_headless() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", HEADLESS_PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = f"(exit {proc.returncode})\n{proc.stdout}{proc.stderr}"
    if proc.returncode == QT_LEAKED:
        pytest.fail(f"lossgui.core / `lossgui losses` imported Qt:\n{report}", pytrace=False)
    if proc.returncode != 0:
        pytest.fail(
            f"importing lossgui.core and lossgui.cli, then main(['losses']), failed:\n{report}",
            pytrace=False,
        )


def import_graph(package: Path) -> dict[str, set[str]]:
    """Every lossgui module and the lossgui modules it imports anywhere in its source.

    Imports inside functions and under ``if TYPE_CHECKING:`` count too: a circle that only the
    type checker sees still ties two modules into one. ``from lossgui.x import name`` counts as
    importing ``lossgui.x.name`` when that is a module, else ``lossgui.x``; a package's
    ``__init__`` is not counted as imported on the way to its submodules.
    """
    root = package.parent
    modules = {".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
               for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the module's own package
                    parts = name.split(".")[: len(name.split(".")) - node.level + is_package]
                    base = ".".join([*parts, *([base] if base else [])])
                found = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                         for alias in node.names]
            targets |= {f for f in found if f in modules and f != name}
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, …, a], or None (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_the_cycle_finder_finds_a_type_only_circle(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import B\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n")
    (package / "c.py").write_text("def f():\n    from . import a\n")
    (package / "d.py").write_text("import pkg.a\n")
    graph = import_graph(package)
    assert graph["pkg.d"] == {"pkg.a"}
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
    (package / "c.py").write_text("def f():\n    import json\n")
    assert find_cycle(import_graph(package)) is None


def test_lossgui_has_no_import_circle() -> None:
    graph = import_graph(REPO / "lossgui")
    assert len(graph) > 40 and "lossgui.core.document" in graph["lossgui.gui.document"]
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " → ".join(cycle or [])
