"""The Examples menu: a translated title and tip for each example the core ships.

What each example is (its CSV, its loss and parameters) lives in ``lossgui.core.examples``, which
``lossgui examples`` reads too; this module adds only the words the menu shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from lossgui.core import examples as shipped
from lossgui.core.classes import index_table, is_index_target
from lossgui.gui.document import Document
from lossgui.gui.language import QT_TRANSLATE_NOOP

CONTEXT = "Examples"


@dataclass(frozen=True)
class Example:
    """One entry of the Examples menu; ``title`` and ``tip`` are translated when shown."""

    key: str
    title: str
    tip: str

    @property
    def data(self) -> shipped.Example:
        """The shipped data set behind the entry."""
        return shipped.EXAMPLES[self.key]

    @property
    def loss_id(self) -> str:
        """The loss the example is shown with."""
        return self.data.loss_id

    def translated_title(self) -> str:
        """The title in the user's language."""
        return QCoreApplication.translate(CONTEXT, self.title)

    def translated_tip(self) -> str:
        """The tip (for a lesson: what to do and what it shows) in the user's language."""
        return QCoreApplication.translate(CONTEXT, self.tip)


EXAMPLES: dict[str, Example] = {
    example.key: example
    for example in (
        Example(
            "article",
            QT_TRANSLATE_NOOP("Examples", "The Article: t = [0, 1, 0, 1, 0], a Good and a Bad y"),
            QT_TRANSLATE_NOOP("Examples", "2乗和誤差 0.252 for the good prediction y1, 2.0651 "
                              "for the bad one y2"),
        ),
        Example(
            "book",
            QT_TRANSLATE_NOOP("Examples", "The Book: 10 Classes, the Answer Is Class 2"),
            QT_TRANSLATE_NOOP("Examples", "Deep Learning from Scratch: y gives class 2 (row 3: "
                              "the book counts classes from 0) the highest probability 0.6; "
                              "½·SSE 0.0975, CEE with δ 0.5108"),
        ),
        Example(
            "book_wrong",
            QT_TRANSLATE_NOOP("Examples", "The Book: the Same y, the Answer Is Class 7"),
            QT_TRANSLATE_NOOP("Examples", "The same y, but t says class 7 (row 8): ½·SSE 0.5975, "
                              "CEE with δ 2.3026 — a wrong guess costs more"),
        ),
        Example(
            "regression",
            QT_TRANSLATE_NOOP("Examples", "Regression: Real Numbers, One Outlier"),
            QT_TRANSLATE_NOOP("Examples", "t is any real number; y2 misses one element by 5. "
                              "Compare mean squared error with Huber loss"),
        ),
        Example(
            "logits",
            QT_TRANSLATE_NOOP("Examples", "Logits, One Class: Softmax Cross-Entropy"),
            QT_TRANSLATE_NOOP("Examples", "y are raw scores (logits), not probabilities; "
                              "softmax turns them into probabilities first"),
        ),
        Example(
            "multi_label",
            QT_TRANSLATE_NOOP("Examples", "Logits, Several Labels: BCE with Logits"),
            QT_TRANSLATE_NOOP("Examples", "t has two 1s (two labels are right); every element "
                              "is its own yes/no question"),
        ),
        Example(
            "book_batch",
            QT_TRANSLATE_NOOP("Examples", "The Book's Batch: 2 Samples with Labels"),
            QT_TRANSLATE_NOOP("Examples", "Deep Learning from Scratch's mini-batch: labels 2 and "
                              "7, cross-entropy with δ, the batch mean 0.4338 (the sum of the two "
                              "samples' losses is 0.8675)"),
        ),
        Example(
            "logits_batch",
            QT_TRANSLATE_NOOP("Examples", "A Logits Batch: 4 Samples × 3 Classes, as PyTorch"),
            QT_TRANSLATE_NOOP("Examples", "Logits and class-index labels, as PyTorch's "
                              "cross_entropy(z, t) takes them: softmax cross-entropy gives "
                              "0.7974, the mean of the samples' losses"),
        ),
        Example(
            "lesson_sse_cee",
            QT_TRANSLATE_NOOP("Examples", "Lesson: SSE or CEE from a Confident Wrong Guess"),
            QT_TRANSLATE_NOOP("Examples", "y puts 0.98 on the wrong class: press Run under SSE, "
                              "then Reset, choose cross-entropy (cee) and Run again, both "
                              "stepping on the logits. SSE's gradient nearly vanishes where "
                              "softmax is saturated, so its loss crawls for many steps, while "
                              "CEE's gradient y − t does not vanish and its loss falls at once."),
        ),
        Example(
            "lesson_outlier",
            QT_TRANSLATE_NOOP("Examples", "Lesson: MSE or MAE with One Outlier"),
            QT_TRANSLATE_NOOP("Examples", "y5 misses by 10 while the others miss by 0.13 or "
                              "less: Run under MSE, then Reset, choose MAE and Run again. MSE's "
                              "slope grows with the error, so the outlier takes big steps and is "
                              "in within a few, while MAE's slope is the same ±1/n for every "
                              "element, so the outlier comes in 0.2 a step, E falls in a nearly "
                              "straight line and the small errors jitter around t."),
        ),
        Example(
            "lesson_lr",
            QT_TRANSLATE_NOOP("Examples", "Lesson: a Good and a Too-Large Learning Rate"),
            QT_TRANSLATE_NOOP("Examples", "The article's data under SSE: Run with learning rate "
                              "0.1, then Reset, set it to 1.1 and Run again. Each step multiplies "
                              "y − t by 1 − 2η, which is 0.8 for η = 0.1 and shrinks the error, "
                              "but −1.2 for η = 1.1, which throws y past t further every step, "
                              "so E climbs."),
        ),
    )
}


def load_example(document: Document, key: str) -> Example:
    """Replace the document with an example and its loss (clears the undo history)."""
    example = EXAMPLES[key]
    names, columns = example.data.columns()
    indices = is_index_target(columns[0], columns[1:])
    if indices:  # the document holds N×K: a class-index target as its one-hot rows
        columns = [index_table(columns[0], columns[1].shape[1], example.data.file), *columns[1:]]
    document.replace(names, columns, example.loss_id, example.data.params)
    if indices:
        document.model.set_class_indices(True)
    return example
