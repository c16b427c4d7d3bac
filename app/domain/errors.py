"""Errors the core raises for the user to read (domain layer).

Each carries a stable `code` for the GUI to translate and an English message for the command line.
"""

from __future__ import annotations


class PackDeskError(Exception):
    """Base for every error a seller or packer should see as a message, not a traceback."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(PackDeskError):
    code = "not_found"


class InvalidInput(PackDeskError):
    code = "invalid_input"


class DataDirError(PackDeskError):
    code = "data_dir"


class DatabaseError(PackDeskError):
    code = "database"


class NotPackable(PackDeskError):
    code = "not_packable"


class TrackingExhausted(PackDeskError):
    code = "tracking_exhausted"
