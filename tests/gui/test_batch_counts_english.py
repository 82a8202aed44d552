"""The batch sentence counts in English with a singular (words7: "Batch of 1 samples × 3
classes"), and in Japanese with its counters; the one sample's total is its own loss."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WindowFactory, window_in
from pytestqt.qtbot import QtBot


@pytest.mark.parametrize(("lang", "one", "four"), [
    ("en", "Batch of 1 sample × 3 classes: the total E is the one sample's loss.",
     "Batch of 4 samples × 3 classes: the total E is the mean of the 4 samples' losses (÷ N)."),
    ("ja", "1 サンプル × 3 クラスのバッチ: 合計 E は1つのサンプルの損失です。",
     "4 サンプル × 3 クラスのバッチ: 合計 E は 4 個のサンプルの損失の平均です(÷ N)。"),
])
def test_one_sample_is_said_in_the_singular(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str, one: str, four: str,
    english_afterwards: None,
) -> None:
    path = tmp_path / "one.csv"
    path.write_text("t,z[0],z[1],z[2]\n1,0.1,0.2,0.3\n", encoding="utf-8")
    window = window_in(qtbot, make_window, lang)
    assert window.files.load_path(str(path)) is None
    window.document.set_loss("softmax_cee")
    assert window.document.is_batch and window.document.model.samples == 1
    assert window.batch_panel.summary_text().startswith(one[:-1]), window.batch_panel.summary_text()
    window.load_named_example("logits_batch")
    assert window.batch_panel.summary_text().startswith(four[:-1])
