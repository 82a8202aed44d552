"""The Examples menu's data sets: CSVs shipped in ``resources/examples`` with a suitable loss.

Each example names its loss and the parameters that make its numbers the ones its source prints
(the book's ½ and δ); every other parameter of those losses goes back to its default, so loading
the article after the book does not keep the book's ½.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from PySide6.QtCore import QCoreApplication

from lossgui.core import csvio, get_loss
from lossgui.core.arrays import FloatArray
from lossgui.core.params import ParamValue
from lossgui.gui.document import Document
from lossgui.gui.language import QT_TRANSLATE_NOOP

CONTEXT = "Examples"
Params = dict[str, dict[str, ParamValue]]


@dataclass(frozen=True)
class Example:
    """One entry of the Examples menu; ``title`` and ``tip`` are translated when shown."""

    key: str
    title: str
    tip: str
    file: str
    loss_id: str
    params: Params = field(default_factory=dict)

    def translated_title(self) -> str:
        """The title in the user's language."""
        return QCoreApplication.translate(CONTEXT, self.title)

    def translated_tip(self) -> str:
        """The tip in the user's language."""
        return QCoreApplication.translate(CONTEXT, self.tip)


# The article's and the book's conventions, set explicitly each time (see the module docstring).
_ARTICLE: Params = {"sse": {"half": False}, "cee": {"eps": 0.0}}
_BOOK: Params = {"sse": {"half": True}, "cee": {"eps": 1e-7}}

EXAMPLES: dict[str, Example] = {
    example.key: example
    for example in (
        Example(
            "article",
            QT_TRANSLATE_NOOP("Examples", "The Article: t = [0, 1, 0, 1, 0], a Good and a Bad y"),
            QT_TRANSLATE_NOOP("Examples", "2乗和誤差 0.252 for the good prediction y1, 2.0651 "
                              "for the bad one y2"),
            "article.csv", "sse", _ARTICLE,
        ),
        Example(
            "book",
            QT_TRANSLATE_NOOP("Examples", "The Book: 10 Classes, the Answer Is Class 2"),
            QT_TRANSLATE_NOOP("Examples", "Deep Learning from Scratch: y gives class 2 (row 3: "
                              "the book counts classes from 0) the highest probability 0.6; "
                              "½·SSE 0.0975, CEE with δ 0.5108"),
            "book-10-class.csv", "sse", _BOOK,
        ),
        Example(
            "book_wrong",
            QT_TRANSLATE_NOOP("Examples", "The Book: the Same y, the Answer Is Class 7"),
            QT_TRANSLATE_NOOP("Examples", "The same y, but t says class 7 (row 8): ½·SSE 0.5975, "
                              "CEE with δ 2.3026 — a wrong guess costs more"),
            "book-10-class-wrong.csv", "sse", _BOOK,
        ),
        Example(
            "regression",
            QT_TRANSLATE_NOOP("Examples", "Regression: Real Numbers, One Outlier"),
            QT_TRANSLATE_NOOP("Examples", "t is any real number; y2 misses one element by 5. "
                              "Compare mean squared error with Huber loss"),
            "regression.csv", "mse", {"mse": {}, "huber": {}, "mae": {}},
        ),
        Example(
            "logits",
            QT_TRANSLATE_NOOP("Examples", "Logits, One Class: Softmax Cross-Entropy"),
            QT_TRANSLATE_NOOP("Examples", "y are raw scores (logits), not probabilities; "
                              "softmax turns them into probabilities first"),
            "logits-one-class.csv", "softmax_cee", {"softmax_cee": {}},
        ),
        Example(
            "multi_label",
            QT_TRANSLATE_NOOP("Examples", "Logits, Several Labels: BCE with Logits"),
            QT_TRANSLATE_NOOP("Examples", "t has two 1s (two labels are right); every element "
                              "is its own yes/no question"),
            "logits-multi-label.csv", "bce_logits", {"bce_logits": {}},
        ),
    )
}


def example_data(key: str) -> tuple[list[str], list[FloatArray]]:
    """The example's column names (t first) and columns, read from the shipped CSV."""
    source = resources.files("lossgui.resources") / "examples" / EXAMPLES[key].file
    with resources.as_file(source) as path:
        data = csvio.read_data_csv(path)
    order = ["t", *[n for n in data.names if n != "t"]]
    return order, [data.column(n) for n in order]


def load_example(document: Document, key: str) -> Example:
    """Replace the document with an example and its loss (clears the undo history)."""
    example = EXAMPLES[key]
    names, columns = example_data(key)
    with document.batch():  # evaluate once, with the example's parameters already set
        for loss_id, values in example.params.items():
            for param in get_loss(loss_id).params:
                value = values.get(param.name, param.default)
                if document.params_of(loss_id)[param.name] != value:
                    document.put_param(loss_id, param.name, value)
        document.replace(names, columns, example.loss_id)
    return example
