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
