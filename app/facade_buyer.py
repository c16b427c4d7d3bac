"""The window's door to what happens around the buyer: notices to the buyer (templates, SMS or the chat window's
copy, the triggers' settings), bad-review alerts and parcels at risk after dispatch (facade layer, beside
app.facade.Desk, which hands it out as `desk.buyer`). Each method opens its own session and returns plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.audit import Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.services.notices import Queued
    from app.sync.after_sale import AfterSaleReport


class BuyerDesk:
    def __init__(
        self, session_factory: sessionmaker[Session], data_dir: Path, actor: Actor, clock: Callable[[], datetime]
    ) -> None:
        self.session_factory, self.data_dir, self.actor, self.clock = session_factory, data_dir, actor, clock

    def notice_templates(self) -> list[dict[str, Any]]:
        """The notice templates: key, the provider's approved code, the text with its ${variables}."""
        from app.services.notices import templates

        with self.session_factory() as session:
            return templates(session)

    def has_sms_account(self) -> bool:
        from app.persistence.notices import NoticeRepository

        with self.session_factory() as session:
            return NoticeRepository(session).account(None) is not None

    def notices(self, order_no: str | None = None) -> list[dict[str, Any]]:
        """The notices (of one order), newest first; `last_error` is a Message."""
        from app.persistence.notices import NoticeRepository

        with self.session_factory() as session:
            return NoticeRepository(session).items(order_no)

    def queue_notice(
        self, order_no: str, template: str, *, reason: str, day: date | None, phone: str = "", copy: bool = False
    ) -> Queued:
        """A notice to the buyer of `order_no`: queued for SMS, or recorded for the chat window (`copy`, or no SMS
        account). Raises what app.services.notices.queue_notice raises, nothing written."""
        from app.services.notices import queue_notice

        with self.session_factory.begin() as session:
            return queue_notice(session, order_no, template, actor=self.actor, now=self.clock(), reason=reason,
                                day=day, phone=phone, copy=copy)  # fmt: skip

    def notice_settings(self) -> dict[str, Any]:
        """The per-buyer limit and the triggers' settings (app.services.notices.NoticeSettings, as JSON)."""
        from app.services.notices import NoticeSettings

        with self.session_factory() as session:
            return NoticeSettings.load(session).to_json()

    def change_notice_settings(self, **changes: Any) -> dict[str, Any]:
        """Sets them (None: unchanged) and returns them all; InvalidInput (nothing stored) for values refused."""
        from app.services.notices import change_settings

        with self.session_factory.begin() as session:
            return change_settings(session, **changes).to_json()

    def risks(self) -> list[dict[str, Any]]:
        """Shipped parcels at risk, with their route and the reason in English (`reason`) and as data (`risk`)."""
        from app.persistence.notices import NoticeRepository

        with self.session_factory() as session:
            return NoticeRepository(session).risks()

    def alerts(self, unseen_only: bool = False) -> list[dict[str, Any]]:
        from app.persistence.notices import NoticeRepository

        with self.session_factory() as session:
            return NoticeRepository(session).alerts(unseen_only)

    def mark_alerts_seen(self, ids: list[int]) -> None:
        from app.persistence.notices import NoticeRepository

        with self.session_factory.begin() as session:
            NoticeRepository(session).mark_seen(ids)

    def refresh_after_sale(self) -> AfterSaleReport:
        """The after-dispatch round: new bad-review alerts, the routes of shipped parcels, before-breach notices and
        payment reminders."""
        from app.sync.after_sale import after_sale_round

        return after_sale_round(self.session_factory, self.data_dir, self.actor, self.clock())
