"""The command line speaks the system's language, by the window's rule: Japanese under a
Japanese locale (errors, warnings, notes, the "lowest loss" mark, argparse's help and usage),
English under C; files and machine formats (CSV, JSON keys) are the same in both."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lossgui.cli import main
from lossgui.cli_language import (
    ARGPARSE_JA,
    ARGPARSE_PLURALS_JA,
    width_on_terminal,
    wrap_on_terminal,
)
from lossgui.core.language import system_language

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def lossgui(*args: object, **locale: str) -> subprocess.CompletedProcess[str]:
    """``lossgui ARGS`` as a process whose only locale variables are ``locale``."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update({"COLUMNS": "80", **locale})
    return subprocess.run([sys.executable, "-m", "lossgui", *map(str, args)], env=env,
                          capture_output=True, text=True, encoding="utf-8", check=False)


@pytest.mark.parametrize("locale", [
    {"LANG": "ja_JP.UTF-8"},
    {"LC_ALL": "ja_JP.UTF-8", "LANG": "C"},
    {"LANGUAGE": "ja", "LANG": "en_US.UTF-8"},
], ids=["LANG", "LC_ALL", "LANGUAGE"])
def test_a_japanese_locale_gets_japanese_tables_and_marks(article: Path,
                                                          locale: dict[str, str]) -> None:
    done = lossgui("compute", article, "--loss", "cee", **locale)
    assert done.returncode == 0, done.stderr
    assert "y1    0.7874578600311867  ← 損失が最も小さい" in done.stdout
    assert "予測  合計" in done.stdout
    assert "注: y2 の合計は 2.01 で 1 ではない" in done.stdout
    assert "lowest loss" not in done.stdout and "note:" not in done.stdout


@pytest.mark.parametrize("locale", [
    {"LANG": "C"},
    {"LANG": "en_US.UTF-8"},
    {"LC_ALL": "C", "LANG": "ja_JP.UTF-8"},
    {"LANGUAGE": "ja", "LANG": "C"},  # a C locale ignores LANGUAGE, as Qt and gettext do
    {"LANGUAGE": "en", "LANG": "ja_JP.UTF-8"},
    {},
], ids=["C", "en_US", "LC_ALL=C", "LANGUAGE-under-C", "LANGUAGE=en", "unset"])
def test_any_other_locale_gets_english(article: Path, locale: dict[str, str]) -> None:
    done = lossgui("compute", article, "--loss", "sse", **locale)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["y1          0.252  ← lowest loss",
                                             "y2          2.0651"]


def test_errors_and_usage_errors_are_japanese(article: Path, tmp_path: Path) -> None:
    ja = {"LANG": "ja_JP.UTF-8"}
    done = lossgui("compute", tmp_path / "missing.lossgui.json", "--loss", "sse", **ja)
    assert (done.returncode, done.stderr) == (
        2, f"lossgui: エラー: {tmp_path / 'missing.lossgui.json'}: ファイルを読めません: "
           "ファイルがありません\n")
    done = lossgui("compute", article, **ja)  # argparse's own refusal
    assert (done.returncode, done.stderr) == (
        2, "lossgui compute: エラー: 次の引数が必要です: --loss\n")
    done = lossgui("compute", article, "--loss", "sse", "--format", "xml", **ja)
    assert done.stderr.startswith("lossgui compute: エラー: 引数 --format: 'xml' は選べません")
    done = lossgui("descend", article, "--loss", "sse", "--lr", "0", "--steps", "1", **ja)
    assert done.stderr == "lossgui: エラー: 学習率は 0 より大きい有限の数です('0' は使えません)\n"
    done = lossgui("compute", article, LANG="C")
    assert done.stderr == "lossgui compute: error: the following arguments are required: --loss\n"


def test_help_is_japanese_and_fits_the_terminal() -> None:
    done = lossgui("compute", "--help", LANG="ja_JP.UTF-8")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("使い方: lossgui compute [-h] [--loss ID]")
    assert "引数:" in lines and "オプション:" in lines
    assert "  -h, --help            このヘルプを表示して終了します" in lines
    assert any("損失関数のパラメータ。例: eps=1e-7" in line for line in lines)
    assert max(width_on_terminal(line) for line in lines) <= 80
    assert all(not line.strip().startswith(("、", "。", ")")) for line in lines)


def test_machine_formats_are_the_same_in_both_languages(article: Path) -> None:
    """CSV bytes and JSON keys/values do not change; the warnings on stderr do."""
    for form in ("csv", "json"):
        ja = lossgui("compute", article, "--loss", "cee", "--format", form, LANG="ja_JP.UTF-8")
        en = lossgui("compute", article, "--loss", "cee", "--format", form, LANG="C")
        assert ja.stdout == en.stdout
        assert "注: t には 1 が 2 個あります" in ja.stderr and "note: t has 2 ones" in en.stderr
    assert json.loads(ja.stdout)["warnings"][0]["message"].startswith("t has 2 ones")


def test_cli_main_follows_the_environment(capsysbinary: pytest.CaptureFixture[bytes],
                                          article: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process too: the language is read at each call, not at import."""
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["descend", str(article), "--loss", "sse", "--lr", "0.1", "--steps", "1"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "学習率: 0.1、ステップ数: 1" in out and "最後の y1(ステップ 1)" in out
    monkeypatch.setenv("LANG", "C")
    assert main(["descend", str(article), "--loss", "sse", "--lr", "0.1", "--steps", "1"]) == 0
    assert "learning rate: 0.1, steps: 1" in capsysbinary.readouterr().out.decode()


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja"}, "ja"),
    ({"LANG": "ja_JP.eucJP"}, "ja"),
    ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
    ({"LC_ALL": "", "LANG": "ja_JP.UTF-8"}, "ja"),  # an empty variable is no setting
    ({"LANGUAGE": "ja:en", "LANG": "en_GB.UTF-8"}, "ja"),
    ({"LANGUAGE": "ja", "LANG": "C.UTF-8"}, "ja"),  # Qt: only "C" and "POSIX" ignore LANGUAGE
    ({"LANGUAGE": "ja", "LANG": "POSIX"}, "en"),
    ({"LANG": "japanese"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": ":ja", "LANG": "en_US.UTF-8"}, "en"),  # only LANGUAGE's first entry counts
])
def test_the_rule_reads_the_locale_variables(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ, platform_locale=lambda: "C") == expected


def test_without_any_variable_the_platform_names_the_locale() -> None:
    assert system_language({}, platform_locale=lambda: "ja_JP") == "ja"
    assert system_language({}, platform_locale=lambda: "en_US") == "en"


def test_every_argparse_sentence_translated_is_one_argparse_says() -> None:
    """A message id argparse does not have would never be asked for (its wording changed)."""
    source = inspect.getsource(argparse)
    for english, japanese in ARGPARSE_JA.items():
        assert repr(english) in source or f'"{english}"' in source, english
        assert sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", english)) == \
            sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", japanese)), english
    for singular, plural in ARGPARSE_PLURALS_JA:
        assert repr(singular) in source and repr(plural) in source


def test_japanese_is_wrapped_by_terminal_columns() -> None:
    text = "合計だけを、ファイルを少しずつ読んで求めます。どんな大きさでも限られたメモリで済みます"
    lines = wrap_on_terminal(text, 20)
    assert "".join(lines) == text
    assert all(len(line) <= 10 for line in lines)
    assert not any(line.startswith(("、", "。")) for line in lines)
    english = "a prediction column (repeatable; default: all but the target)"
    assert wrap_on_terminal(english, 30) == textwrap.wrap(english, 30)


@pytest.mark.parametrize("locale", [{"LANG": "ja_JP.UTF-8"}, {"LANG": "C.UTF-8"}],
                         ids=["ja", "C"])
def test_the_per_sample_table_lines_up_under_its_heading(tmp_path: Path,
                                                         locale: dict[str, str]) -> None:
    """「サンプル」 takes 8 terminal columns: the sample numbers and losses stay under their
    headings (tester8: the Japanese heading stood 2 columns right of its rows)."""
    path = tmp_path / "batch.csv"
    path.write_text("t,z[0],z[1],z[2]\n0,2.0,0.5,-1.0\n2,0.1,0.2,3.0\n", encoding="utf-8")
    done = lossgui("compute", path, "--loss", "softmax_cee", **locale)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    heading = next(n for n, line in enumerate(lines) if line.startswith(("sample", "サンプル")))
    z_column = width_on_terminal(lines[heading][:lines[heading].index(" z")]) + 1
    for row in lines[heading + 1:heading + 3]:
        assert row[0] in "12"
        # each row's loss starts in the column where the heading's "z" stands
        assert width_on_terminal(row[:z_column]) == z_column and row[z_column] != " "
        assert row[z_column - 1] == " "


def test_the_catalogue_leads_with_the_users_language() -> None:
    """`lossgui losses` keeps both languages (a teacher writes for either) but puts the
    user's first: under Japanese the Japanese name, use and input (tester8 #5)."""
    from lossgui.core.losses import get_loss

    cee = get_loss("cee")
    ja = lossgui("losses", LANG="ja_JP.UTF-8").stdout.splitlines()
    en = lossgui("losses", LANG="C.UTF-8").stdout.splitlines()
    at = next(n for n, line in enumerate(ja) if line.startswith("cee "))
    assert ja[at].split(None, 1)[1] == f"{cee.name_ja} ({cee.name_en})"
    assert ja[at + 2].strip() == f"使う場面: {cee.when[1]}"
    assert ja[at + 3].strip() == f"when: {cee.when[0]}"
    assert ja[at + 4].strip().startswith(f"入力: {cee.expects.describe('ja')}。パラメータ: ")
    at = next(n for n, line in enumerate(en) if line.startswith("cee "))
    assert en[at].split(None, 1)[1] == f"{cee.name_en} ({cee.name_ja})"
    assert en[at + 2].strip() == f"when: {cee.when[0]}"
    assert en[at + 4].strip().startswith(f"expects {cee.expects.value}; parameters: ")
    assert ja[0] == "== 回帰 (Regression) ==" and en[0] == "== Regression (回帰) =="
