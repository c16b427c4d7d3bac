"""A translator that says every core message «in brackets» (imports Qt: UI tests only).

Installed in the application, it shows whether a text from the core reached the window through the "CoreMessages"
context (translated, nested messages bracketed inside) or bypassed it (plain English, no brackets).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator


class BracketTranslator(QTranslator):
    """Says every core message «in brackets», nested ones too, and leaves the window's own texts alone."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is "no translation here" (the source text stands); an empty string would blank the window's texts
        return f"«{source}»" if context == "CoreMessages" else None


@contextmanager
def brackets_installed(app: QCoreApplication) -> Iterator[None]:
    translator = BracketTranslator(app)
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
