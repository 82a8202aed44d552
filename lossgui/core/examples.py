"""The example data sets lossgui ships (``resources/examples/*.csv``), each with its loss.

Each example names its loss and the parameters that make its numbers the ones its source prints
(the book's ½ and δ); every other parameter of those losses goes back to its default, so loading
the article after the book does not keep the book's ½. The window's Examples menu
(``gui/examples.py`` adds the translated titles) and ``lossgui examples`` both read them here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lossgui.core import csvio
from lossgui.core.arrays import FloatArray
from lossgui.core.columns import TARGET_NAME
from lossgui.core.params import ParamValue
from lossgui.resource_files import resource_path

Params = dict[str, dict[str, ParamValue]]


@dataclass(frozen=True)
class Example:
    """One shipped data set: its name, its CSV and the loss (with parameters) it is shown with."""

    key: str
    file: str
    loss_id: str
    params: Params = field(default_factory=dict)
    # A lesson in learning: the learning rate and the space (input or logits) it starts with.
    learning: tuple[float, str] | None = None

    @property
    def path(self) -> Path:
        """Where the CSV is on disk (inside the installed package, or the checkout's resources/)."""
        return resource_path("examples", self.file)

    def columns(self) -> tuple[list[str], list[FloatArray]]:
        """The column names (t first) and the columns, read from the shipped CSV."""
        data = csvio.read_data_csv(self.path)
        if data.is_batch:  # a class-index t stays 1-D: see classes.index_table
            name, t, predictions = data.split()
            return [name, *(n for n, _ in predictions)], [t, *(y for _, y in predictions)]
        order = [TARGET_NAME, *[n for n in data.names if n != TARGET_NAME]]
        return order, [data.column(n) for n in order]


# The article's and the book's conventions, set explicitly each time (see the module docstring).
_ARTICLE: Params = {"sse": {"half": False}, "cee": {"eps": 0.0}}
_BOOK: Params = {"sse": {"half": True}, "cee": {"eps": 1e-7}}

EXAMPLES: dict[str, Example] = {
    example.key: example
    for example in (
        Example("article", "article.csv", "sse", _ARTICLE),
        Example("book", "book-10-class.csv", "sse", _BOOK),
        Example("book_wrong", "book-10-class-wrong.csv", "sse", _BOOK),
        Example("regression", "regression.csv", "mse", {"mse": {}, "huber": {}, "mae": {}}),
        Example("logits", "logits-one-class.csv", "softmax_cee", {"softmax_cee": {}}),
        Example("multi_label", "logits-multi-label.csv", "bce_logits", {"bce_logits": {}}),
        Example("book_batch", "book-batch-labels.csv", "cee",
                {"cee": {"eps": 1e-7, "reduction": "mean"}}),
        Example("logits_batch", "logits-batch.csv", "softmax_cee", {"softmax_cee": {}}),
        Example("lesson_sse_cee", "lesson-confident-wrong.csv", "sse",
                {"sse": {"half": False}, "cee": {"eps": 0.0}}, (0.5, "logits")),
        Example("lesson_outlier", "lesson-outlier.csv", "mse", {"mse": {}, "mae": {}},
                (1.0, "input")),
        Example("lesson_lr", "article.csv", "sse", _ARTICLE, (0.1, "input")),
    )
}
ARTICLE = "article"  # the example the window starts with


def example_columns(key: str) -> tuple[list[str], list[FloatArray]]:
    """The named example's column names (t first) and columns."""
    return EXAMPLES[key].columns()
