"""argparse's own words (usage, section titles, its refusals) in the command line's language.

argparse marks each of its sentences for gettext and looks its ``_`` and ``ngettext`` up when
it builds a parser, writes help or refuses an argument ("How to translate the argparse output"
in Python's argparse HOWTO). No Japanese catalogue ships with Python, and gettext would pick
its language by its own reading of LANGUAGE, not by lossgui's rule
(:func:`lossgui.core.language.system_language`); so while lossgui's parser runs, argparse's two
look-ups answer from the table below. Sentences missing from it (another Python version's
wording) stay English. tests/cli/test_cli_language.py checks that every one here is argparse's.
"""

from __future__ import annotations

import argparse
import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from lossgui.core.language import JAPANESE

# argparse's message ids (Python 3.11–3.14), as argparse writes them, and their Japanese.
ARGPARSE_JA = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了します",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "知らない引数です: %s",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "ignored explicit argument %r": "%r という値は受け付けません",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "one of the arguments %s is required": "引数 %s のどれか1つが必要です",
    "expected one argument": "値が1つ必要です",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値が1つ以上必要です",
    "ambiguous option: %(option)s could match %(matches)s":
        "オプション %(option)s があいまいです(%(matches)s のどれか)",
    "unexpected option string: %s": "思いがけないオプションです: %s",
    "invalid %(type)s value: %(value)r": "%(value)r は %(type)s の値になりません",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r は選べません(%(choices)s から選んでください)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "%(parser_name)r というコマンドはありません(選べるのは %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' を開けません: %(error)s",
}
# ngettext's: (singular, plural) → one Japanese sentence, which has no plural.
ARGPARSE_PLURALS_JA = {
    ("expected %s argument", "expected %s arguments"): "値が %s 個必要です",
}


@contextmanager
def argparse_speaking(language: str) -> Iterator[None]:
    """While this runs, argparse says its sentences in ``language`` (English stays as is)."""
    if language != JAPANESE:
        yield
        return
    saved: dict[str, Callable[..., str]] = {name: getattr(argparse, name)
                                            for name in ("_", "ngettext")}

    def gettext(message: str) -> str:
        return ARGPARSE_JA.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        english = singular if n == 1 else plural
        return ARGPARSE_PLURALS_JA.get((singular, plural), english)

    # Module globals argparse looks up at each call; typeshed does not list them, hence setattr.
    setattr(argparse, "_", gettext)  # noqa: B010
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


def width_on_terminal(text: str) -> int:
    """Columns a terminal gives ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A wide character is a place to break a line, except before a closing mark or after an
# opening one (「、」 never starts a line, 「(」 never ends one).
_PIECE = re.compile(r"\s+|[(「『]*(?:[^\s\u1100-\uffff]+|[\u1100-\uffff])[、。)」』,.:;!?]*")


def wrap_on_terminal(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (as textwrap.wrap for ASCII).

    textwrap counts characters, so a Japanese help line would run twice as wide as the
    terminal; and it breaks only at spaces, which Japanese has few of.
    """
    text = " ".join(text.split())
    if width_on_terminal(text) == len(text):
        return textwrap.wrap(text, width)
    lines: list[str] = []
    line = ""
    for piece in _PIECE.findall(text):
        if line and width_on_terminal(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if piece.isspace() else piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, its lines wrapped by terminal columns (Japanese takes two each)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_on_terminal(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_on_terminal(text, width - len(indent)))
