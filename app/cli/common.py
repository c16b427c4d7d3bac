"""Helpers shared by the `packdesk` subcommands."""

from __future__ import annotations

import json
from typing import Any, TextIO

from app.services.audit import Actor
from app.services.workspace import Workspace

EXIT_ERROR = 2


def emit(data: Any, out: TextIO) -> None:
    """One JSON document on one line."""
    json.dump(data, out, ensure_ascii=False, indent=None)
    out.write("\n")


def actor_of(ws: Workspace, packer: str | None = None) -> Actor:
    return Actor(packer or ws.settings.packer or "packdesk", ws.settings.station)
