"""The platforms' carrier lists as cached by sync (taobao.logistics.companies.get): look-ups by platform and code
(persistence layer)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.persistence.rows import PlatformCarrierRow


@dataclass(frozen=True)
class PlatformCarrier:
    """A carrier as a platform lists it: its code there, its name and its tracking-number pattern ("" if none)."""

    platform: str
    code: str
    name: str
    pattern: str


class PlatformCarriers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, platform: str, code: str) -> PlatformCarrier | None:
        row = self.session.get(PlatformCarrierRow, (platform, code))
        return PlatformCarrier(row.platform, row.code, row.name, row.pattern or "") if row else None
