"""Installs the learner's language into Qt: the app's own translations and Qt's (standard buttons, file dialogs).

Call `install(app, code)` before the first window is built; scorm_desktop/i18n.py decides which code.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator

from .. import i18n

log = logging.getLogger(__name__)

#: Words the app shows that come from data (status labels, stored values): marked here so lupdate extracts them;
#: the code shows them with QCoreApplication.translate(context, word).
DYNAMIC = (
    QT_TRANSLATE_NOOP("Dashboard", "not started"),
    QT_TRANSLATE_NOOP("Dashboard", "in progress"),
    QT_TRANSLATE_NOOP("Dashboard", "completed"),
    QT_TRANSLATE_NOOP("Dashboard", "passed"),
    QT_TRANSLATE_NOOP("Dashboard", "failed"),
    QT_TRANSLATE_NOOP("Dashboard", "incomplete"),
    QT_TRANSLATE_NOOP("Dashboard", "not attempted"),
    QT_TRANSLATE_NOOP("Dashboard", "unknown"),
    QT_TRANSLATE_NOOP("Dashboard", "browsed"),
)

_installed: list[QTranslator] = []


def install(app, code: str) -> str:
    """Load `code`'s translations into `app` (replacing any installed before); returns the code in use."""
    code = i18n.normalize(code) or i18n.SOURCE_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(code)
    QLocale.setDefault(QLocale(code))
    if code == i18n.SOURCE_LANGUAGE:
        # The sources are English; an English file, when there is one, holds only the plural forms ("%n course(s)":
        # "1 course", "2 courses").
        tr = QTranslator(app)
        if tr.load(f"scorm_desktop_{code}", str(i18n.i18n_dir())):
            app.installTranslator(tr)
            _installed.append(tr)
        return code
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{code}", qt_dir), (f"scorm_desktop_{code}", str(i18n.i18n_dir()))):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            _installed.append(tr)
        else:
            log.warning("no translation %s in %s", name, folder)
    return code
