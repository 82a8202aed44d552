"""The wheel as a user gets it: built from the sources, installed into a fresh venv outside the
checkout, and run from another folder (CLI, shipped examples, the window in Japanese).

To stay fast and offline, the fresh venv borrows lossgui's dependencies (numpy, PySide6,
pyqtgraph) from the test venv through a .pth line, which adds that folder to sys.path without
running its own .pth files, so the checkout's editable install stays out. Only lossgui itself
comes from the wheel, and the test checks that it does. Set LOSSGUI_WHEEL_TEST_FULL=1 to install
the dependencies from the package index instead (slow, needs the network).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

import lossgui
from lossgui.core.examples import EXAMPLES

REPO = Path(__file__).resolve().parents[1]
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                     ".*_cache", "docs", "benchmarks")

GUI_PROBE = textwrap.dedent(
    """
    import os, sys, traceback
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import lossgui
    from lossgui.gui import app, language
    from lossgui.gui.main_window import MainWindow

    def look_and_quit():
        try:
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
            if not windows or not windows[0].isVisible():
                return  # still starting; look again on the next tick
            window = windows[0]
            print("package", lossgui.__file__)
            print("language", language.current_language())
            print("menus", "|".join(a.text() for a in window.menuBar().actions()))
            print("icon_sizes", sorted(s.width() for s in window.windowIcon().availableSizes()))
            sys.stdout.flush()
            os._exit(0)  # seen what we came for; no close questions, no dialogs
        except BaseException:
            traceback.print_exc()
            os._exit(3)  # a dialog about it would wait forever offscreen

    application = app.start_application()
    ticker = QTimer()
    ticker.timeout.connect(look_and_quit)
    ticker.start(50)
    sys.exit(app.main(None))  # the real start: settings, language, window
    """
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """lossgui's wheel, built from a copy of the sources (the checkout stays untouched)."""
    work = tmp_path_factory.mktemp("build")
    sources = work / "lossgui-src"
    shutil.copytree(REPO, sources, ignore=NOT_SOURCES)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(work / "dist"), str(sources)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = (work / "dist").glob("lossgui-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv, outside the checkout, with the wheel installed."""
    root = tmp_path_factory.mktemp("user") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    full = os.environ.get("LOSSGUI_WHEEL_TEST_FULL") == "1"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
               *([] if full else ["--no-deps", "--no-index"]), str(wheel)]
    done = subprocess.run(install, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    if not full:
        site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                               "['purelib'])"], capture_output=True, text=True, check=True)
        borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        Path(site.stdout.strip(), "lossgui_test_dependencies.pth").write_text(
            "\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    return root


def run(venv: Path, command: str, *args: str, cwd: Path,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command of the fresh venv, run from ``cwd`` with no trace of the checkout."""
    clean = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    clean.update(env or {})
    program = venv / ("Scripts" if os.name == "nt" else "bin") / command
    return subprocess.run([str(program), *args], cwd=cwd, env=clean, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def test_the_wheel_ships_run_time_files_and_its_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "lossgui/resources/i18n/lossgui_ja.qm" in names
    assert not [n for n in names if n.endswith(".ts")]  # the translators' source stays behind
    assert {f"lossgui/resources/examples/{e.file}" for e in EXAMPLES.values()} <= set(names)
    assert "lossgui/resources/desktop/lossgui.desktop" in names
    assert "lossgui/resources/icons/lossgui.svg" in names
    assert "lossgui/resources/icons/lossgui-16.png" in names
    assert "lossgui/resources/icons/lossgui-small.svg" not in names  # a source for the PNGs
    info = f"lossgui-{lossgui.__version__}.dist-info"
    assert f"{info}/licenses/LICENSE" in names
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    assert f"Version: {lossgui.__version__}" in metadata
    assert "Classifier: Natural Language :: Japanese" in metadata
    entry_points = zipfile.ZipFile(wheel).read(f"{info}/entry_points.txt").decode()
    assert "[console_scripts]\nlossgui = lossgui.launch:main" in entry_points
    assert "[gui_scripts]\nlossgui-window = lossgui.launch:window_main" in entry_points


def test_the_installed_command_works_from_any_folder(venv: Path, tmp_path: Path) -> None:
    version = run(venv, "lossgui", "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout == f"lossgui {lossgui.__version__}\n"

    listed = run(venv, "lossgui", "examples", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    paths = dict(line.split("\t") for line in listed.stdout.splitlines())
    assert list(paths) == list(EXAMPLES)
    for path in map(Path, paths.values()):
        assert path.is_file() and path.is_relative_to(venv)  # inside the install, not the repo

    computed = run(venv, "lossgui", "compute", paths["article"], "--loss", "cee", cwd=tmp_path)
    assert computed.returncode == 0, computed.stderr
    assert "y1          0.7874578600311867  ← lowest loss" in computed.stdout

    typo = run(venv, "lossgui", "comptue", "data.csv", cwd=tmp_path)
    assert typo.returncode == 2
    assert typo.stderr == "lossgui: error: unknown command 'comptue' (did you mean compute?)\n"
    assert (venv / ("Scripts/lossgui-window.exe" if os.name == "nt" else "bin/lossgui-window"))\
        .is_file()


def test_the_installed_window_starts_in_japanese_with_its_icon(venv: Path, tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8",
           "LANGUAGE": "ja", "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    done = run(venv, "python", "-c", GUI_PROBE, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    report = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert Path(report["package"]).is_relative_to(venv)  # lossgui from the wheel, not the repo
    assert report["language"] == "ja"
    assert report["menus"].startswith("ファイル(&F)|編集(&E)")
    assert report["icon_sizes"] == "[16, 22, 24, 32, 48, 64, 128, 256]"
