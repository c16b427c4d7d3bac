"""Messages from the core in the window's language (ui layer).

The core says things as `Message` values (app.domain.messages): an id and parameters. Their English templates are in
the .ts file under the context "CoreMessages"; this module looks each up through the installed QTranslator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.messages import CONTEXT, Message, of_error


def _translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def core_text(what: Message | BaseException | str | None) -> str:
    """`what` in the window's language: a message, an error that carries one, or a stored message (encoded)."""
    if what is None:
        return ""
    if isinstance(what, BaseException):
        what = of_error(what)
    elif isinstance(what, str):
        what = Message.decode(what)
        assert what is not None
    return what.render(_translate)
