"""Bundled resources for the GUI: the CJK font registered with Qt, icons (ui layer)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon

from resources import FONT_FILE, resource_path


def install_fonts() -> str:
    """Registers the vendored CJK font so Chinese renders on machines without one; returns its family name."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else QFont().family()


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("packdesk-64.png", "packdesk-256.png"):
        path = resource_path("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon
