"""`lossgui --install-desktop`: the menu entry, icons and MIME type under $XDG_DATA_HOME."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from lossgui import desktop_entry
from lossgui.cli import main
from lossgui.resource_files import resource_path


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_shipped_entry_speaks_japanese_and_opens_sessions() -> None:
    shipped = entry(resource_path("desktop", "lossgui.desktop"))
    assert shipped["Name[ja]"] and shipped["Comment[ja]"] and shipped["GenericName[ja]"]
    assert shipped["Icon"] == desktop_entry.APP_ID and shipped["Exec"].endswith(" %f")
    assert "application/x-lossgui-session" in shipped["MimeType"].split(";")
    mime = resource_path("desktop", "lossgui-mime.xml").read_text(encoding="utf-8")
    assert 'type="application/x-lossgui-session"' in mime and '"*.lossgui.json"' in mime


def test_install_desktop_writes_the_entry_icons_and_mime_type_and_uninstall_removes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert main(["--install-desktop"]) == 0
    out = capsys.readouterr().out
    desktop = home / "applications" / "lossgui.desktop"
    assert f"wrote {desktop}" in out and "application menu" in out
    installed = entry(desktop)
    command = desktop_entry.command_line()
    assert Path(command[0]).is_file()  # this installation's own lossgui, whatever PATH says
    assert installed["TryExec"] == command[0]
    assert installed["Name[ja]"] == "lossgui 損失関数電卓"
    for size in desktop_entry.ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "lossgui.png"
        assert icon.read_bytes() == resource_path("icons", f"lossgui-{size}.png").read_bytes()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "lossgui.svg").is_file()
    assert (home / "mime" / "packages" / "lossgui.xml").is_file()
    if shutil.which("update-mime-database"):  # the MIME database now knows the glob
        assert "application/x-lossgui-session:*.lossgui.json" in \
            (home / "mime" / "globs2").read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0 and done.stdout == "", done.stdout

    assert main(["--uninstall-desktop"]) == 0
    out = capsys.readouterr().out
    assert f"removed {desktop}" in out
    left = [p for p in home.rglob("*") if p.is_file() and "lossgui" in p.name]
    assert left == []
    assert main(["--uninstall-desktop"]) == 0
    assert capsys.readouterr().out == "nothing to remove\n"


def test_exec_quotes_paths_with_spaces_and_escapes_as_the_spec_asks() -> None:
    assert desktop_entry.exec_argument("/opt/lossgui/bin/lossgui") == "/opt/lossgui/bin/lossgui"
    assert desktop_entry.exec_argument("/home/a b/lossgui") == '"/home/a b/lossgui"'
    # `$` is escaped by a backslash inside quotes; that backslash is itself escaped as \\.
    assert desktop_entry.exec_argument("/x/$HOME") == '"/x/\\\\$HOME"'
    assert desktop_entry.exec_argument("/x/100%") == "/x/100%%"
    text = desktop_entry.desktop_entry_text(["/home/a b/lossgui"])
    assert 'Exec="/home/a b/lossgui" %f' in text.splitlines()


def test_xdg_data_home_must_be_absolute_to_count() -> None:
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/srv/x"}) == Path("/srv/x")
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative"}) == \
        Path.home() / ".local" / "share"
    assert desktop_entry.data_home({}) == Path.home() / ".local" / "share"


def test_install_desktop_is_refused_on_windows(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    assert main(["--install-desktop"]) == 2
    assert "make a shortcut to lossgui-window.exe" in capsys.readouterr().err
