"""The command line speaks the language chosen in the window's View ▸ Language (round 6: it
followed the locale only). Precedence: --language, then the window's choice, then the locale.

Every test runs in its own XDG_CONFIG_HOME (tmp_path), never the user's ~/.config; the window's
choice is saved there by the window's own code (QSettings, in a subprocess).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lossgui.window_settings import saved_language, settings_files

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"
JAPANESE_MARK = "← 損失が最も小さい"
ENGLISH_MARK = "← lowest loss"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _env(config: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update({"XDG_CONFIG_HOME": str(config), "XDG_CONFIG_DIRS": str(config / "system"),
                "QT_QPA_PLATFORM": "offscreen", **more})
    return env


def _choose_in_window(config: Path, language: str) -> None:
    """View ▸ Language as the window saves it: its QSettings, its names, its key."""
    code = (
        "from PySide6.QtCore import QSettings\n"
        "from lossgui.gui import app, language\n"
        "qapp = app.start_application()\n"
        "app.identify(qapp)\n"
        f"language.remember_language(QSettings(), {language!r})\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=_env(config, LANG="C.UTF-8"),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def _what_qt_reads(config: Path) -> object:
    code = (
        "from PySide6.QtCore import QSettings\n"
        "from lossgui.gui import app, language\n"
        "qapp = app.start_application()\n"
        "app.identify(qapp)\n"
        "print(QSettings().value(language.SETTINGS_KEY))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=_env(config, LANG="C.UTF-8"),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _compute(config: Path, data: Path, *args: str, **locale: str) -> str:
    done = subprocess.run([sys.executable, "-m", "lossgui", "compute", str(data), "--loss", "sse",
                           *args], env=_env(config, **locale), capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(("chosen", "other"), [("ja", "en"), ("en", "ja")])
def test_the_windows_choice_beats_the_locale_and_the_option_beats_both(
    tmp_path: Path, article: Path, chosen: str, other: str,
) -> None:
    config = tmp_path / "config"
    _choose_in_window(config, chosen)
    mark = {"ja": JAPANESE_MARK, "en": ENGLISH_MARK}
    for locale in ({"LANG": "en_US.UTF-8"}, {"LANG": "ja_JP.UTF-8"}, {"LC_ALL": "C"}):
        assert mark[chosen] in _compute(config, article, **locale), locale
    assert mark[other] in _compute(config, article, "--language", other, LANG="ja_JP.UTF-8")
    assert mark[other] in _compute(config, article, f"--language={other}", LANG="C.UTF-8")


def test_with_nothing_chosen_the_locale_decides(tmp_path: Path, article: Path) -> None:
    config = tmp_path / "config"
    assert JAPANESE_MARK in _compute(config, article, LANG="ja_JP.UTF-8")
    assert ENGLISH_MARK in _compute(config, article, LANG="C.UTF-8")
    assert not (config / "lossgui").exists()  # compute wrote no settings


def test_help_and_refusals_follow_the_choice_and_json_stays_the_same(
    tmp_path: Path, article: Path
) -> None:
    config = tmp_path / "config"
    _choose_in_window(config, "ja")
    help_text = subprocess.run([sys.executable, "-m", "lossgui", "compute", "--help"],
                               env=_env(config, LANG="C.UTF-8"), capture_output=True,
                               text=True, encoding="utf-8", check=True).stdout
    assert help_text.startswith("使い方: lossgui compute") and "--language {en,ja}" in help_text
    refused = subprocess.run([sys.executable, "-m", "lossgui", "compute", str(article)],
                             env=_env(config, LANG="C.UTF-8"), capture_output=True,
                             text=True, encoding="utf-8", check=False)
    assert "エラー: 次の引数が必要です: --loss" in refused.stderr
    bad = subprocess.run([sys.executable, "-m", "lossgui", "compute", str(article), "--loss",
                          "sse", "--language", "de"], env=_env(config), capture_output=True,
                         text=True, encoding="utf-8", check=False)
    assert bad.returncode == 2 and "--language" in bad.stderr and "'de'" in bad.stderr
    as_json = [json.loads(_compute(config, article, "--format", "json", *extra))
               for extra in ((), ("--language", "en"))]
    assert as_json[0] == as_json[1]


@pytest.mark.parametrize("where", ["user app", "user org", "system app", "system org"])
def test_the_settings_files_are_read_in_qts_order(tmp_path: Path, where: str) -> None:
    """Against QSettings itself: the file each of Qt's four places holds, one at a time, and a
    user file that outranks a system one."""
    config = tmp_path / "config"
    user_app, user_org, system_app, system_org = settings_files(
        {"XDG_CONFIG_HOME": str(config), "XDG_CONFIG_DIRS": str(config / "system")})
    path = {"user app": user_app, "user org": user_org, "system app": system_app,
            "system org": system_org}[where]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ui]\nlanguage=ja\n", encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(config), "XDG_CONFIG_DIRS": str(config / "system")}
    assert _what_qt_reads(config) == "ja" == saved_language(env)
    if where != "user app":
        user_app.parent.mkdir(parents=True, exist_ok=True)
        user_app.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
        assert _what_qt_reads(config) == "en" == saved_language(env)


def test_a_language_the_window_does_not_know_is_no_choice(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "lossgui").mkdir(parents=True)
    (config / "lossgui" / "lossgui.conf").write_text("[ui]\nlanguage=tlh\n", encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(config), "XDG_CONFIG_DIRS": str(config / "system")}
    assert saved_language(env) is None  # the window too falls back to the system's language
    assert saved_language({"XDG_CONFIG_HOME": str(tmp_path / "none"),
                           "XDG_CONFIG_DIRS": str(tmp_path / "none")}) is None
