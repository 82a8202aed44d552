"""Which language lossgui speaks when nobody has chosen one: the system's, for the window and
the command line alike.

Qt-free, so ``lossgui compute`` follows the same rule as the window without importing Qt.
The rule is the one Qt's ``QLocale.system()`` applies on Linux (``qlocale_unix.cpp``): the
locale is ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``; a C or POSIX locale is English
whatever ``LANGUAGE`` says; any other is overruled by the first entry of ``LANGUAGE``.
Japanese when that names Japanese (``ja``, ``ja_JP.UTF-8``), English for anything else.
tests/gui/test_i18n.py checks this against ``QLocale.system()`` itself.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable, Mapping

ENGLISH = "en"
JAPANESE = "ja"
LANGUAGES = {ENGLISH: "English", JAPANESE: "日本語"}  # each named in its own language

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_of(locale_name: str) -> str:
    """``"ja"`` for a Japanese locale name (``ja``, ``ja_JP.UTF-8``, ``ja-JP``), else ``"en"``."""
    code = locale_name.replace("-", "_").split("_")[0].split(".")[0].split("@")[0]
    return JAPANESE if code.strip().lower() == JAPANESE else ENGLISH


def system_language(environ: Mapping[str, str] | None = None,
                    platform_locale: Callable[[], str] | None = None) -> str:
    """Japanese on a Japanese system, English everywhere else.

    ``platform_locale`` names the locale where no locale variable is set (Windows and macOS
    keep it in their own settings): the window asks Qt, the command line Python's ``locale``.
    """
    environ = os.environ if environ is None else environ
    name = next((environ[v] for v in _LOCALE_VARIABLES if environ.get(v)), "")
    if not name:
        name = (platform_locale or _python_locale)()
    if not name or name in ("C", "POSIX"):
        return ENGLISH
    first_choice = environ.get("LANGUAGE", "").split(":")[0]
    return language_of(first_choice or name)


def _python_locale() -> str:
    """The locale Python started with (LC_CTYPE: set from the system at start-up)."""
    name = locale.getlocale(locale.LC_CTYPE)[0] or ""
    # Windows says "Japanese_Japan"; make it a name language_of knows.
    return "ja" if name.lower().startswith("japanese") else name
