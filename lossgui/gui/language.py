"""The one place that knows the window's language: which one, and Qt's translators for it.

Qt strings are translated with ``lossgui_ja.qm`` (from ``resources/i18n``) and Qt's own
``qtbase_ja.qm`` for standard buttons and dialogs. The core's sentences (problems, parameter
help, conventions) carry their own Japanese; the GUI asks for them with ``current_language()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from lossgui.core import language as core_language
from lossgui.core.language import ENGLISH, JAPANESE, LANGUAGES
from lossgui.resource_files import resource_path
from lossgui.window_settings import LANGUAGE_KEY

__all__ = ["ENGLISH", "JAPANESE", "LANGUAGES"]  # re-exported: the window's modules use them

SETTINGS_KEY = LANGUAGE_KEY  # what the command line reads too (lossgui.window_settings)

_current = ENGLISH
_translators: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation in ``context`` (typed: PySide6's returns ``object``)."""
    return text


# Qt's own strings that the qtbase_ja.qm shipped with PySide6 leaves in English, in Qt's own
# contexts: lossgui_ja.qm carries them, and being installed last it is asked first. Qt 6.11's
# file dialog says "&Look in:" and "Files of &type:" (qtbase_ja.qm knows only the older
# "Look in:" and "Files of type:", which Qt 6.7 still uses), and no Qt version has the
# Japanese of a folder's type. tests/gui/test_i18n.py opens the dialog and reads every text.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)


def current_language() -> str:
    """The window's language: ``"ja"`` or ``"en"``."""
    return _current


def is_japanese() -> bool:
    """Whether the window speaks Japanese."""
    return _current == JAPANESE


def system_language(locale: QLocale | None = None) -> str:
    """Japanese on a Japanese system, English everywhere else: the rule the command line
    follows too (``lossgui.core.language``); Qt names the locale where no variable does."""
    if locale is not None:
        return core_language.language_of(locale.name())
    return core_language.system_language(platform_locale=lambda: QLocale.system().name())


def chosen_language(settings: QSettings) -> str:
    """The language picked in View ▸ Language, else the system's."""
    value = settings.value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def remember_language(settings: QSettings, language: str) -> None:
    """Keep the choice for the next start."""
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def translations_folder() -> Path:
    """Where ``lossgui_ja.qm`` is shipped (inside the package when installed)."""
    return resource_path("i18n")


def install(language: str) -> bool:
    """Switch Qt's translators (and ``current_language``) to ``language``.

    Needs the application object. Returns False if lossgui's own translation could not be
    loaded (the window then stays in English). Widgets made before the switch keep their
    texts; rebuild them.
    """
    global _current
    for translator in _translators:
        QCoreApplication.removeTranslator(translator)
    _translators.clear()
    _current = ENGLISH
    if language not in LANGUAGES or QCoreApplication.instance() is None:
        return False
    if language == ENGLISH:
        return True
    ours = QTranslator()
    if not ours.load(f"lossgui_{language}.qm", str(translations_folder())):
        return False
    qt_own = QTranslator()
    # Qt's own strings (OK/Cancel, file dialogs) are nice to have, not required.
    if qt_own.load(f"qtbase_{language}.qm",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _translators.append(qt_own)
    _translators.append(ours)
    for translator in _translators:
        QCoreApplication.installTranslator(translator)
    _current = language
    return True
