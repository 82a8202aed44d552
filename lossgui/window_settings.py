"""Where the window keeps its settings, and the one the command line reads: its language.

The window keeps them with Qt's ``QSettings`` under these names. Its View ▸ Language choice is
read by ``lossgui compute`` too, so a learner who picked 日本語 in the window is answered in
Japanese at the terminal. On Linux and the BSDs the file is an INI file
that Qt documents (QSettings, "Platform-Specific Notes"):
``$XDG_CONFIG_HOME/lossgui/lossgui.conf`` (default ``~/.config``), then
``$XDG_CONFIG_HOME/lossgui.conf``, then ``lossgui/lossgui.conf`` in each directory of
``$XDG_CONFIG_DIRS`` (default ``/etc/xdg``), then ``lossgui.conf`` in each. That file is
read here without Qt: importing QtCore would add 70–130 ms to every ``lossgui compute``
(measured with ``/usr/bin/time``). Elsewhere (the registry, a property list) Qt's own
QSettings reads it, QtCore alone, never a GUI.
tests/cli/test_cli_saved_language.py checks both against what QSettings itself reads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from lossgui.core.language import LANGUAGES

ORGANIZATION = "lossgui"
APPLICATION = "lossgui"
LANGUAGE_GROUP, LANGUAGE_NAME = "ui", "language"
LANGUAGE_KEY = f"{LANGUAGE_GROUP}/{LANGUAGE_NAME}"  # QSettings' key: group/name


def saved_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language chosen in the window's View ▸ Language ("en", "ja"), or None if none was
    (or the settings cannot be read: the command line then follows the locale)."""
    if sys.platform.startswith(("win", "darwin")):
        return _read_with_qt()
    for path in settings_files(os.environ if environ is None else environ):
        value = _ini_value(path, LANGUAGE_GROUP, LANGUAGE_NAME)
        if value is not None:
            return value if value in LANGUAGES else None
    return None


def settings_files(environ: Mapping[str, str]) -> list[Path]:
    """The INI files QSettings searches on Linux, first match first (the user's, then the
    system's; the application's file before the organization's)."""
    home = environ.get("XDG_CONFIG_HOME", "")
    user = Path(home) if os.path.isabs(home) else Path.home() / ".config"
    dirs = [Path(d) for d in environ.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
    system = dirs or [Path("/etc/xdg")]
    return [user / ORGANIZATION / f"{APPLICATION}.conf", user / f"{ORGANIZATION}.conf",
            *(folder / ORGANIZATION / f"{APPLICATION}.conf" for folder in system),
            *(folder / f"{ORGANIZATION}.conf" for folder in system)]


def _ini_value(path: Path, group: str, name: str) -> str | None:
    """``name`` in ``[group]`` of a QSettings INI file, or None (no file, no such key).

    Only plain values are read: the language is always "en" or "ja", which Qt writes as is.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    section = ""
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == group and "=" in line:
            key, _, value = line.partition("=")
            if key.strip() == name:
                return value.strip().strip('"')
    return None


def _read_with_qt() -> str | None:
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        return None
    value = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION,
                      APPLICATION).value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None
