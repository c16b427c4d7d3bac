"""PackDesk core: the Qt-free application layer (domain, persistence, sync, services, command line)."""

from __future__ import annotations

__version__ = "0.1.0"
