"""`compute --target x` over a file with no column x said "name it with --target", which the
user had just done (tester9 #17): it now says to choose one of the columns listed, en + ja;
without --target the hint to name one stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossgui import cli

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.mark.parametrize(("locale", "named", "plain"), [
    ("C", "(columns: 'label', 'y1'); choose one of these with --target",
     "(columns: 'label', 'y1'); name it with --target"),
    ("ja_JP.UTF-8", "(列: 'label', 'y1')。この中から --target で選んでください",
     "(列: 'label', 'y1')。--target で指定してください"),
])
def test_a_missing_named_target_asks_to_choose_a_listed_column(
    locale: str, named: str, plain: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "d.csv"
    path.write_text("label,y1\n1,0.5\n", encoding="utf-8")
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LC_ALL", locale)
    assert cli.main(["compute", str(path), "--loss", "sse", "--target", "x"]) != 0
    err = capsys.readouterr().err
    assert err.rstrip().endswith(named), err
    assert cli.main(["compute", str(path), "--loss", "sse"]) != 0
    assert capsys.readouterr().err.rstrip().endswith(plain)
