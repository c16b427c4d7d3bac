"""Qt translations: zh_CN by default on Chinese locales, English otherwise (ui layer)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

SUPPORTED = ("zh_CN", "en")


def choose_language(configured: str = "") -> str:
    """`PACKDESK_LANG`, else the configured language, else zh_CN for Chinese system locales, else English."""
    wanted = os.environ.get("PACKDESK_LANG") or configured
    if wanted:
        return "zh_CN" if wanted.lower().startswith("zh") else "en"
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Loads the .qm for `language` into `app`; English is the source language and needs none."""
    if language == "en":
        return None
    translator = QTranslator(app)
    qm = resource_path("translations", f"packdesk_{language}.qm")
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    # Qt's own strings (dialog buttons such as Close/Cancel, file dialogs) from the translations PySide6 ships.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return translator


def switch_language(app: QCoreApplication, language: str) -> None:
    """Replaces the installed translations by `language`'s, while the window runs: every widget then hears a
    LanguageChange event (those that handle it say their texts again)."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translator(app, language)
