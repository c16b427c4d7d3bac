"""The packing station engine (station layer): scans in, events out.

`Station` (engine.py) is what the window and `packdesk pack` drive; the parcel it holds is the pure state machine of
app.domain.parcel, its events the typed values of app.domain.station_events.
"""

from __future__ import annotations

from app.domain.station_events import Reason, StationEvent
from app.station.engine import Station

__all__ = ["Reason", "Station", "StationEvent"]
