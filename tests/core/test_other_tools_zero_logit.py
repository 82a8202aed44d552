"""Other tools says "y is 0 where t is 1" of probabilities only (tester9 #4): under softmax_cee
it told "z, sample 1, class 2 is 0 where t is 1" of a logit 0, an ordinary logit (softmax(0)
is not 0), so a PyTorch user was told their input was suspect. Under cee it stays (log 0)."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core.conventions import input_remarks

Z = np.array([[-0.4, 0.9, 0.0], [0.0, 1.0, 2.0]])
T = np.eye(3)[[2, 0]]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_zero_logit_at_the_label_is_not_remarked_on(language: str) -> None:
    remarks = input_remarks(Z, T, language, "softmax_cee", {}, "z")
    assert not any("where t is 1" in r or "が 1 なのに" in r for r in remarks), remarks


@pytest.mark.parametrize(("language", "said"), [
    ("en", "z, sample 1, class 2 is 0 where t is 1"),
    ("ja", "t が 1 なのに z のサンプル 1、クラス 2 が 0 です"),
])
def test_a_zero_probability_at_the_label_still_is(language: str, said: str) -> None:
    y = np.array([[0.4, 0.6, 0.0], [0.0, 0.5, 0.5]])
    assert said in input_remarks(y, T, language, "cee", {}, "z")
