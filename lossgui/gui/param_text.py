"""How the window names a loss's parameters and their choices.

The core's ids (``reduction``, ``eps``, ``sum`` …) are what the CLI, the session files and the
help sentences use, so the English window shows them as they are; the Japanese one says what
each is and keeps the id beside it, e.g. 集約方法 (reduction), 平均 (mean).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lossgui.gui.language import QT_TRANSLATE_NOOP

CONTEXT = "Parameters"

# Only for lupdate (it reads a literal context, not CONTEXT): every parameter name and text
# choice of the catalogue; tests/gui/test_i18n.py checks that each one has its Japanese.
_NAMES = (
    QT_TRANSLATE_NOOP("Parameters", "reduction"),
    QT_TRANSLATE_NOOP("Parameters", "half"),
    QT_TRANSLATE_NOOP("Parameters", "eps"),
    QT_TRANSLATE_NOOP("Parameters", "delta"),
    QT_TRANSLATE_NOOP("Parameters", "label_smoothing"),
    QT_TRANSLATE_NOOP("Parameters", "beta"),
    QT_TRANSLATE_NOOP("Parameters", "quantile"),
    QT_TRANSLATE_NOOP("Parameters", "log_input"),
    QT_TRANSLATE_NOOP("Parameters", "full"),
    QT_TRANSLATE_NOOP("Parameters", "gamma"),
    QT_TRANSLATE_NOOP("Parameters", "apply_class_balancing"),
    QT_TRANSLATE_NOOP("Parameters", "alpha"),
    QT_TRANSLATE_NOOP("Parameters", "p"),
    QT_TRANSLATE_NOOP("Parameters", "margin"),
    QT_TRANSLATE_NOOP("Parameters", "sum"),
    QT_TRANSLATE_NOOP("Parameters", "mean"),
)


def param_label(name: str) -> str:
    """Parameter ``name`` as the window shows it: the id, in Japanese with what it is."""
    return QCoreApplication.translate(CONTEXT, name)


def choice_label(value: str) -> str:
    """A text choice (``sum``, ``mean``) as shown; numbers such as p's 1 and 2 stay as they are."""
    return QCoreApplication.translate(CONTEXT, value)
