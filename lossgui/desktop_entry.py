"""``lossgui --install-desktop``: put lossgui in the user's application menu (freedesktop/XDG).

Copies the shipped ``lossgui.desktop`` (with ``Exec`` pointing at this installation's
``lossgui`` command, so it works from a venv, pipx or uv that is not on the desktop's PATH), the
icon in every size and the MIME type of ``.lossgui.json`` sessions into ``$XDG_DATA_HOME``
(``~/.local/share`` when unset), then asks the desktop's caches to notice, where those tools are
installed. ``--uninstall-desktop`` removes exactly those files. No root, no system folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from lossgui.core.atomic import write_atomic
from lossgui.core.problems import LossguiError
from lossgui.resource_files import resource_path

APP_ID = "lossgui"  # the .desktop file's name; the window says it with setDesktopFileName
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)  # the PNGs in resources/icons
_EXEC_RESERVED = re.compile(r'[\s"\'\\><~|&;$*?#()`]')


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if it is an absolute path (as the spec asks), else ~/.local/share."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("XDG_DATA_HOME", "")
    return Path(chosen) if os.path.isabs(chosen) else Path.home() / ".local" / "share"


def installed_files(home: Path) -> dict[Path, Path]:
    """Every file the menu entry needs: where it goes under ``home`` -> the shipped original."""
    icons = home / "icons" / "hicolor"
    files = {
        home / "applications" / f"{APP_ID}.desktop": resource_path("desktop", "lossgui.desktop"),
        home / "mime" / "packages" / f"{APP_ID}.xml": resource_path("desktop", "lossgui-mime.xml"),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": resource_path("icons", "lossgui.svg"),
    }
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = \
            resource_path("icons", f"lossgui-{size}.png")
    return files


def command_line() -> list[str]:
    """How a menu starts this installation: its ``lossgui`` script, else ``python -m lossgui``."""
    folder = Path(sys.executable).parent
    for name in ("lossgui-window.exe", "lossgui") if os.name == "nt" else ("lossgui",):
        script = folder / name
        if script.is_file():
            return [str(script)]
    return [sys.executable, "-m", "lossgui"]


def exec_argument(argument: str) -> str:
    """One argument for a desktop entry's ``Exec`` key, quoted and escaped as the spec asks."""
    argument = argument.replace("%", "%%")
    if _EXEC_RESERVED.search(argument):
        argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    return argument.replace("\\", "\\\\")  # the string-value escape, applied on top


def desktop_entry_text(command: list[str]) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` pointing at ``command``."""
    text = resource_path("desktop", "lossgui.desktop").read_text(encoding="utf-8")
    exec_line = " ".join(exec_argument(part) for part in command) + " %f"
    text = re.sub(r"^Exec=.*$", lambda _: f"Exec={exec_line}", text, flags=re.MULTILINE)
    return re.sub(r"^TryExec=.*$", lambda _: f"TryExec={exec_argument(command[0])}", text,
                  flags=re.MULTILINE)


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the menu entry, icons and MIME type under ``home``; returns the files written."""
    _refuse_elsewhere()
    home = home or data_home()
    written = []
    for target, source in installed_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".desktop":
            write_atomic(target, desktop_entry_text(command or command_line()))
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote under ``home``; returns the files that were there."""
    _refuse_elsewhere()
    home = home or data_home()
    removed = [target for target in installed_files(home) if target.exists()]
    for target in removed:
        target.unlink()
    _refresh_caches(home)
    return removed


def _refuse_elsewhere() -> None:
    if sys.platform in ("win32", "darwin"):
        raise LossguiError(
            "--install-desktop is for Linux/BSD desktops (freedesktop menus); on Windows make a "
            "shortcut to lossgui-window.exe, on macOS start lossgui from a terminal",
            "--install-desktop は Linux/BSD のデスクトップ用です。Windows では lossgui-window.exe "
            "へのショートカットを作ってください。macOS ではターミナルから lossgui を起動します")


def _refresh_caches(home: Path) -> None:
    """Tell the MIME, menu and icon caches about the change; each tool is optional."""
    for tool, options, folder in (
        ("update-mime-database", [], home / "mime"),
        ("update-desktop-database", ["-q"], home / "applications"),
        ("gtk-update-icon-cache", ["-f", "-t", "-q"], home / "icons" / "hicolor"),
    ):
        found = shutil.which(tool)
        if found and folder.is_dir():
            subprocess.run([found, *options, str(folder)], capture_output=True, check=False)
