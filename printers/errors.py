"""Printer errors, one class per thing the packer must do differently.

Each error carries a message id from `PRINTER_MESSAGES` and its parameters, so the window and the command line can say
it in the packer's language (the app's message catalogue takes these ids in; printers/ stays free of the app). Its
`str()` is the English text. Text that is not ours (an OS error) goes in as a parameter.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation in `context` and returns it unchanged."""
    return text


PRINTER_MESSAGES: dict[str, str] = {
    "printer.text": "{text}",
}


class PrinterError(Exception):
    """A job could not be delivered; the message says why in words a packer understands.

    Args:
        message_id: an id of `PRINTER_MESSAGES`; any other text is taken as the English message itself.
        **params: the message's parameters.
    """

    def __init__(self, message_id: str, /, **params: Any) -> None:
        if message_id not in PRINTER_MESSAGES:
            message_id, params = "printer.text", {"text": message_id}
        self.message_id = message_id
        self.params = params
        super().__init__(PRINTER_MESSAGES[message_id].format_map(params))


class PrinterUriError(PrinterError):
    """The printer address is malformed or names a kind of printer PackDesk does not know."""


class PrinterOffline(PrinterError):
    """Nothing answered at the printer's address."""


class PrinterWriteError(PrinterError):
    """The connection broke while the job was being sent: part of the label may have printed."""
