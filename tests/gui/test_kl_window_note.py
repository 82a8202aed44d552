"""Under kl the window says of the article's t what it says under cee, in kl's words."""

from __future__ import annotations

from gui_helpers import WindowFactory


def test_choosing_kl_on_the_article_shows_its_multi_label_note(make_window: WindowFactory) -> None:
    window = make_window(loss="cee")
    cee = [line for line in window.notes.toPlainText().splitlines() if "t has 2 ones" in line]
    assert cee and cee[0].startswith("ⓘ t has 2 ones: cross-entropy")
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("kl"))
    kl = [line for line in window.notes.toPlainText().splitlines() if "t has 2 ones" in line]
    assert kl == ["ⓘ t has 2 ones: KL divergence compares t and y as probability "
                  "distributions, each summing to 1. Is this multi-label? Each 1 adds its own "
                  "t·log(t/y) = −log y term to the sum."]
