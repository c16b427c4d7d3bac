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
    # Printer addresses (printers.uri, printers.registry); {reason} is a nested printer message.
    "printer.uri_unknown": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "'{uri}' is not a printer address PackDesk knows. Use one of: {schemes} "
        "(for example tcp://192.168.1.50:9100 or png:///home/me/labels).",
    ),
    "printer.uri_no_target": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{uri}' names no printer: put the address after {scheme}://"
    ),
    "printer.uri_invalid": QT_TRANSLATE_NOOP("CoreMessages", "'{uri}': {reason}"),
    "printer.uri_lang": QT_TRANSLATE_NOOP(
        "CoreMessages", "lang={lang} is unknown; a printer speaks escpos, tspl or zpl"
    ),
    "printer.uri_dpi": QT_TRANSLATE_NOOP(
        "CoreMessages", "dpi={dpi} is not a thermal printer resolution (203, 300 or 600)"
    ),
    "printer.uri_not_whole_number": QT_TRANSLATE_NOOP("CoreMessages", "{key}={value} is not a whole number"),
    "printer.uri_not_number": QT_TRANSLATE_NOOP("CoreMessages", "{key}={value} is not a number"),
    "printer.uri_tcp_port": QT_TRANSLATE_NOOP(
        "CoreMessages", "a network printer needs HOST:PORT with a port, e.g. tcp://192.168.1.50:9100"
    ),
    "printer.scheme_unsupported": QT_TRANSLATE_NOOP(
        "CoreMessages", "{scheme}:// printers are not supported by PackDesk."
    ),
    "printer.folder_unwritable": QT_TRANSLATE_NOOP("CoreMessages", "Cannot write labels to {folder}: {error}."),
    # Label sizes (printers.media); {size} is quoted by the caller.
    "printer.size_malformed": QT_TRANSLATE_NOOP(
        "CoreMessages", "label size {size} is not WIDTHxHEIGHT in millimetres, e.g. 100x150"
    ),
    "printer.size_out_of_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "label size {size} is outside 20-120 mm wide and 20-300 mm long"
    ),
    # Label layout files (printers.layouts); {table} is empty or a TOML table such as ' [default]'.
    "printer.layout_not_toml": QT_TRANSLATE_NOOP("CoreMessages", "Label layout {file} is not valid TOML: {error}"),
    "printer.layout_unknown_table": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout {file}: unknown table or key {keys}"
    ),
    "printer.layout_blocks": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout {file}: blocks must be distinct names out of {known}; got {blocks}"
    ),
    "printer.layout_size": QT_TRANSLATE_NOOP("CoreMessages", 'label layout {file}: [size."{size}"]: {reason}'),
    "printer.layout_default_size": QT_TRANSLATE_NOOP("CoreMessages", "label layout {file}: default_size: {reason}"),
    "printer.layout_unknown_setting": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout {file}{table}: '{key}' is not a layout setting (known: {known})"
    ),
    "printer.layout_wrong_type": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout {file}{table}: '{key}' must be a {kind}, not {value}"
    ),
    "printer.layout_negative": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout {file}{table}: '{key}' cannot be negative"
    ),
    "printer.layout_missing_values": QT_TRANSLATE_NOOP("CoreMessages", "label layout {name}: no value for {keys}"),
    "printer.layout_standard_missing": QT_TRANSLATE_NOOP(
        "CoreMessages", "label layout standard.toml is missing from resources/labels"
    ),
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
