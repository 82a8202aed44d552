"""One form for brackets and marks in every Japanese message (tester8: 「(sse のことですか？ …)」
beside 「（compute のことですか？）」).

The rule: Japanese text writes ( ) [ ] ? ! : in their ASCII (half-width) forms, never the
full-width （ ）［ ］？！：. It is the form almost all of it used already (the .ts's 390
translations and all but 7 of the core's sentences), the one the English beside it uses (so
a sentence quoting "sse (…)" reads the same in both), and what a formula inside a sentence
needs anyway ("log(y + eps)"). Japanese punctuation with no ASCII form stays as it is: 、。「」〜.
Checked here over every string literal in lossgui/ (the core's, the CLI's and the window's
texts; English has no use for the full-width forms either) and every translation in
resources/i18n/lossgui_ja.ts."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
FULL_WIDTH = re.compile("[（）［］？！：]")


def _literals() -> Iterator[tuple[str, str]]:
    """(file:line, text) of each string literal in lossgui/, an f-string's text parts too (a
    part such as "）" between two fields has no Japanese of its own, so every one is read)."""
    for path in sorted((REPO / "lossgui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield f"{path.relative_to(REPO)}:{node.lineno}", node.value


def _translations() -> Iterator[tuple[str, str]]:
    root = ET.parse(REPO / "resources" / "i18n" / "lossgui_ja.ts").getroot()
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        yield (source.text if source is not None else "") or "", text


def test_the_scan_reads_the_texts() -> None:
    literals = [(where, text) for where, text in _literals() if JAPANESE.search(text)]
    assert len(literals) > 500  # the core's, the CLI's and the window's sentences
    assert any("cli.py" in where for where, _ in literals)
    assert any("core/" in where for where, _ in literals)
    assert len(list(_translations())) > 300


@pytest.mark.parametrize("texts", [_literals, _translations],
                         ids=["lossgui sources", "lossgui_ja.ts"])
def test_japanese_texts_use_half_width_brackets_and_marks(
    texts: Callable[[], Iterator[tuple[str, str]]],
) -> None:
    wrong = [f"{where}: {text!r}" for where, text in texts() if FULL_WIDTH.search(text)]
    assert not wrong, "full-width brackets or marks (write ( ) [ ] ? ! :):\n" + "\n".join(wrong)
