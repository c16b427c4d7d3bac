"""The platforms' carrier lists as cached by sync (taobao.logistics.companies.get, pdd.logistics.companies.get):
look-ups by platform and code, and the write that caches a list (persistence layer)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.rows import PlatformCarrierRow


@dataclass(frozen=True)
class PlatformCarrier:
    """A carrier as a platform lists it: its code there, its name, its tracking-number pattern ("" if none) and the
    platform's own id of it where its API takes one (PDD's logistics_id; "" otherwise)."""

    platform: str
    code: str
    name: str
    pattern: str
    platform_id: str = ""


class PlatformCarriers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, platform: str, code: str) -> PlatformCarrier | None:
        row = self.session.get(PlatformCarrierRow, (platform, code))
        return (
            PlatformCarrier(row.platform, row.code, row.name, row.pattern or "", row.platform_id or "") if row else None
        )

    def any_of(self, platform: str) -> bool:
        """Whether the carrier list of `platform` has been cached."""
        found = select(PlatformCarrierRow.code).where(PlatformCarrierRow.platform == platform).limit(1)
        return self.session.execute(found).first() is not None

    def store(self, carriers: Iterable[PlatformCarrier]) -> None:
        """Caches these carriers: a new code is added, a known one takes the new name and pattern."""
        for carrier in carriers:
            row = self.session.get(PlatformCarrierRow, (carrier.platform, carrier.code))
            if row is None:
                row = PlatformCarrierRow(platform=carrier.platform, code=carrier.code)
                self.session.add(row)
            row.name = carrier.name
            row.pattern = carrier.pattern
            row.platform_id = carrier.platform_id
