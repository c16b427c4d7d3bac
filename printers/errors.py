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
    # Links to the printer (printers.transports.*, printers.registry); {error} is the OS's own words.
    "printer.file_cannot_open": QT_TRANSLATE_NOOP("CoreMessages", "Cannot open {path}."),
    "printer.file_cannot_open_because": QT_TRANSLATE_NOOP("CoreMessages", "Cannot open {path}: {error}."),
    "printer.file_write_failed": QT_TRANSLATE_NOOP("CoreMessages", "Writing to {path} failed: {error}."),
    "printer.serial_cannot_open": QT_TRANSLATE_NOOP("CoreMessages", "Cannot open serial port {port}: {error}"),
    "printer.serial_write_failed": QT_TRANSLATE_NOOP("CoreMessages", "Writing to serial port {port} failed: {error}"),
    "printer.serial_unconfirmed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The printer at {target} did not answer after the label, so it may not have taken all of it; did it print?",
    ),
    "printer.usb_not_ids": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "usb://{target} is not VENDOR:PRODUCT in hexadecimal, e.g. usb://0fe6:811e (see lsusb or Device Manager)",
    ),
    "printer.usb_ids_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "usb://{target}: USB ids are four hexadecimal digits each"
    ),
    "printer.usb_no_pyusb": QT_TRANSLATE_NOOP(
        "CoreMessages", "USB printing needs the pyusb package, which this installation lacks."
    ),
    "printer.usb_no_libusb": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "USB printing needs libusb: install libusb-1.0-0 (Linux), or on Windows give the printer the WinUSB "
        "driver (Zadig), or print through the Windows printer with win32://.",
    ),
    "printer.usb_not_connected": QT_TRANSLATE_NOOP(
        "CoreMessages", "The USB printer {device} is not connected. Check the cable and that the printer is on."
    ),
    "printer.usb_no_permission": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "No permission to open the USB printer {device}: install packaging/linux/70-packdesk.rules (udev).",
    ),
    "printer.usb_cannot_open": QT_TRANSLATE_NOOP("CoreMessages", "The USB printer {device} cannot be opened: {error}"),
    "printer.usb_no_endpoint": QT_TRANSLATE_NOOP(
        "CoreMessages", "The USB printer {device} has no output endpoint: it is not a printer."
    ),
    "printer.usb_stalled": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The USB printer {device} stopped taking data after {sent} of {total} bytes; the label may be incomplete.",
    ),
    "printer.usb_gone": QT_TRANSLATE_NOOP(
        "CoreMessages", "The USB printer {device} went away while sending ({error}); the label may be incomplete."
    ),
    "printer.cups_no_lp": QT_TRANSLATE_NOOP(
        "CoreMessages", "Printing to a CUPS queue needs the lp command: install cups-client (or cups)."
    ),
    "printer.cups_not_taken": QT_TRANSLATE_NOOP("CoreMessages", "CUPS did not take the job for queue {queue}: {error}"),
    "printer.cups_refused": QT_TRANSLATE_NOOP("CoreMessages", "CUPS refused the job for queue {queue}: {error}"),
    "printer.cups_lp_exit": QT_TRANSLATE_NOOP("CoreMessages", "lp exited with {code}"),
    "printer.win32_not_windows": QT_TRANSLATE_NOOP(
        "CoreMessages", "win32:// printers are Windows printers; this computer is not running Windows."
    ),
    "printer.win32_no_pywin32": QT_TRANSLATE_NOOP(
        "CoreMessages", "Windows printing needs pywin32, which this installation lacks."
    ),
    "printer.win32_no_printer": QT_TRANSLATE_NOOP("CoreMessages", "Windows has no printer named '{name}'."),
    "printer.win32_failed": QT_TRANSLATE_NOOP("CoreMessages", "The Windows spooler failed for '{name}': {error}"),
    "printer.win32_short": QT_TRANSLATE_NOOP(
        "CoreMessages", "The Windows spooler took {written} of {total} bytes for '{name}'."
    ),
    "printer.tcp_no_answer": QT_TRANSLATE_NOOP("CoreMessages", "No printer answers at {address}."),
    "printer.tcp_offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "No printer answers at {address}. Check that it is on and on the network."
    ),
    "printer.tcp_broke": QT_TRANSLATE_NOOP(
        "CoreMessages", "The connection to {address} broke while sending; the label may be incomplete."
    ),
    "printer.tcp_unconfirmed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The printer at {address} did not confirm it took the whole label (it stopped taking data and did not "
        "finish the job); did it print?",
    ),
    # What a printer says about itself (printers.status, printers.registry): PrinterStatus.detail
    "printer.status_silent": QT_TRANSLATE_NOOP("CoreMessages", "the printer does not report its status"),
    "printer.status_not_escpos": QT_TRANSLATE_NOOP("CoreMessages", "the printer's status answer is not ESC/POS"),
    "printer.status_not_zpl": QT_TRANSLATE_NOOP("CoreMessages", "the printer's ~HS answer is not ZPL"),
    "printer.status_no_query": QT_TRANSLATE_NOOP("CoreMessages", "no status query for {lang}"),
    "printer.status_offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "the printer reports it is offline (cover open or error)"
    ),
    "printer.status_paper_out": QT_TRANSLATE_NOOP("CoreMessages", "the printer is out of labels"),
    "printer.status_head_open": QT_TRANSLATE_NOOP("CoreMessages", "the print head is open"),
    "printer.status_cover_open": QT_TRANSLATE_NOOP("CoreMessages", "the cover is open"),
    "printer.status_jammed": QT_TRANSLATE_NOOP("CoreMessages", "labels are jammed"),
    "printer.status_ribbon_out": QT_TRANSLATE_NOOP("CoreMessages", "the ribbon is out"),
    "printer.status_paused": QT_TRANSLATE_NOOP("CoreMessages", "the printer is paused"),
    "printer.status_printing": QT_TRANSLATE_NOOP("CoreMessages", "printing"),
    "printer.status_ready": QT_TRANSLATE_NOOP("CoreMessages", "ready"),
    "printer.folder_ready": QT_TRANSLATE_NOOP("CoreMessages", "virtual printer writing to {folder}"),
    "printer.folder_not_writable": QT_TRANSLATE_NOOP("CoreMessages", "cannot write to {folder}"),
    # The print components (printers.components): Cainiao's and Pinduoduo's local WebSocket servers. {reason} is the
    # component's own words, or printer.component.no_reason.
    "printer.component.uri_address": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a print component's address is HOST or HOST:PORT, e.g. {scheme}://127.0.0.1:{port}?printer=NAME",
    ),
    "printer.component.uri_timeout": QT_TRANSLATE_NOOP(
        "CoreMessages", "timeout={value} must be a number of seconds above 0 and at most {most}"
    ),
    "printer.component.no_document": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Waybill {tracking_no} has no print data from Cainiao or Pinduoduo (its number comes from a number roll or "
        "the demo account): a print component prints only e-waybills of a Cainiao or Pinduoduo account. Print it on "
        "a label printer instead.",
    ),
    "printer.component.cainiao_not_running": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Cainiao print component (菜鸟打印组件) does not answer at {address}: start it, or check the address.",
    ),
    "printer.component.pdd_not_running": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Pinduoduo print component (拼多多打印组件) does not answer at {address}: start it, or check the address.",
    ),
    "printer.component.not_component": QT_TRANSLATE_NOOP(
        "CoreMessages", "What answers at {address} is not a print component ({error})."
    ),
    "printer.component.silent": QT_TRANSLATE_NOOP("CoreMessages", "the print component at {address} did not answer"),
    "printer.component.list_failed": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print component could not list its printers: {reason}"
    ),
    "printer.component.no_printers": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print component lists no printer: connect the label printer and install it in the system"
    ),
    "printer.component.no_printer": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print component has no printer named '{printer}'; its printers: {printers}"
    ),
    "printer.component.no_default": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the print component has no default printer: name one in the address with ?printer= (its printers: {printers})",
    ),
    "printer.component.ready": QT_TRANSLATE_NOOP("CoreMessages", "ready: {printer} through the print component"),
    "printer.component.refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "The print component refused waybill {tracking_no}: {reason}"
    ),
    "printer.component.print_failed": QT_TRANSLATE_NOOP(
        "CoreMessages", "The print component could not print waybill {tracking_no}: {reason}"
    ),
    "printer.component.no_result": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The print component took waybill {tracking_no} but did not say within {seconds} s whether it printed; "
        "did it print?",
    ),
    "printer.component.dropped": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The connection to the print component broke after waybill {tracking_no} was sent; did it print?",
    ),
    "printer.component.no_reason": QT_TRANSLATE_NOOP("CoreMessages", "it gave no reason"),
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
