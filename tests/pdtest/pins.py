"""PIN test helpers: a fixed time, a bench, and signing in as the window does."""

from __future__ import annotations

from datetime import UTC, datetime

from app.services.audit import Actor
from app.services.packers import sign_in
from app.services.workspace import Workspace

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
BENCH = Actor("李四", "bench-3")


def try_sign_in(ws: Workspace, name: str, pin: str, at: datetime) -> str:
    """As the window does it: a session that is never committed (app.services.pin_guard commits the count itself)."""
    with ws.session_factory() as s:
        return sign_in(s, name, pin, station=BENCH.station, now=at)
