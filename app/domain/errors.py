"""Errors the core raises for the user to read (domain layer).

Each carries a stable `code` for the caller to act on and a `Message` (app.domain.messages) that the window and the
command line show in the reader's language; `message` is its English text.
"""

from __future__ import annotations

from app.domain.messages import Message


class PackDeskError(Exception):
    """Base for every error a seller or packer should see as a message, not a traceback."""

    code = "error"

    def __init__(self, message: Message | str, **details: object) -> None:
        self.msg = message if isinstance(message, Message) else Message.plain(message)
        self.message = self.msg.render()
        super().__init__(self.message)
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
