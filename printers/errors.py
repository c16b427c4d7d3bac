"""Printer errors, one class per thing the packer must do differently."""

from __future__ import annotations


class PrinterError(Exception):
    """A job could not be delivered; the message says why in words a packer understands."""


class PrinterUriError(PrinterError):
    """The printer address is malformed or names a kind of printer PackDesk does not know."""


class PrinterOffline(PrinterError):
    """Nothing answered at the printer's address."""


class PrinterWriteError(PrinterError):
    """The connection broke while the job was being sent: part of the label may have printed."""
