"""Settings for the whole suite: the tests never read or write the user's own configuration."""

from __future__ import annotations

import os
import tempfile

# QSettings and the desktop-entry code find their files under XDG_CONFIG_HOME / XDG_DATA_HOME;
# the user's lossgui.conf (a language, recent files, a window size) must not change a test,
# and a test must not change it. Set before any test module creates a QApplication.
_SANDBOX = tempfile.mkdtemp(prefix="lossgui-tests-home-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_SANDBOX, _name.lower())

# The command line and the window speak the system's language (lossgui.core.language): under
# a Japanese locale the suite's English sentences would not be there. A test of the Japanese
# side sets these itself (monkeypatch.setenv, or a subprocess's env).
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
