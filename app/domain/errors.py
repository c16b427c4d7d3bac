"""Errors the core raises for the user to read (domain layer).

Each carries a stable `code` for the caller to act on and a `Message` (app.domain.messages) that the window and the
command line show in the reader's language; `message` is its English text.
"""

from __future__ import annotations

from typing import Any

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


class WaybillUnreachable(PackDeskError):
    """The waybill provider could not be reached: the request certainly did not arrive, nothing was issued."""

    code = "waybill_unreachable"


class WaybillUnclear(PackDeskError):
    """A request to the waybill provider may or may not have been applied (the answer was lost, the server failed
    after taking it): look it up (`query.by.tradecode`) before asking again."""

    code = "waybill_unclear"


class WaybillRefused(PackDeskError):
    """The waybill provider clearly refused (bad address, no balance, an expired authorisation, a shipped number
    that cannot be cancelled): nothing was applied; the message carries the provider's own words."""

    code = "waybill_refused"

    def __init__(self, message: Message, *, account_level: bool = False, **details: Any) -> None:
        """`account_level`: the refusal concerns the account (session expired, balance exhausted), not the one
        request: the rest of a batch would be refused alike and stops."""
        super().__init__(message, **details)
        self.account_level = account_level
