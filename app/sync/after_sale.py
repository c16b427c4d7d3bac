"""After dispatch, from the Taobao Open Platform (sync layer): bad-review alerts and parcel traces with their risk.

- `taobao.traderates.get` [V: the platform's API metadata, bububa/opentaobao]: `fields` (tid, oid, role, nick, result,
  created, item_title, content), `rate_type=get`, `role=buyer` (the ratings buyers gave this seller), `result` (neutral,
  bad: asked once each), `start_date` (yyyy-MM-dd HH:mm:ss), `page_no`, `page_size` (1-150), `use_has_next=true`;
  answers `trade_rates` (non-simplified: ``{"trade_rate": [...]}`` [I: the wrapper's name]) and `has_next`. Each rating
  not seen before raises an alert (app.persistence.notices); with a seller phone and an SMS account set, the seller gets
  an SMS (template `review_alert`, when it has an approved code).
- `taobao.logistics.trace.search` [V: same source], read by app.sync.parcel_traces: `tid` (and `is_split=1` with
  `sub_tid` for a split parcel); answers `out_sid`, `company_name`, `status`, `trace_list` (``{"transit_step_info":
  [...]}``: `status_time`, `status_desc`, `action`). The platform notes that parcels sent offline (offline.send) may
  show as signed at once [V]: a trace whose number is not the parcel's is ignored.

A parcel's route is read for parcels shipped in the last `horizon` days that are not known delivered, from Taobao,
Pinduoduo or Kuaidi100 (app.sync.parcel_traces says which); the risk is read from it by app.domain.parcel_risk and
stored with it (`packdesk risks`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from msgspec import Struct
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import PackDeskError
from app.domain.messages import Message
from app.domain.shops import Shop
from app.persistence.notices import NoticeRepository
from app.persistence.shops import ShopRepository
from app.services.audit import Actor
from app.services.notices import alert_seller, breach_round, unpaid_round
from app.sync.parcel_traces import TrackerFor, trace_parcels
from app.sync.top import TopClient, china_time, parse_china_time

log = logging.getLogger(__name__)
RATES = "taobao.traderates.get"
TRACE = "taobao.logistics.trace.search"
RATE_FIELDS = "tid,oid,role,nick,result,created,item_title,content"
ClientFor = Callable[[Shop], TopClient]


class _Rate(Struct, frozen=True):
    tid: int | str | None = None
    oid: int | str | None = None
    nick: str | None = None
    result: str | None = None
    created: str | None = None
    item_title: str | None = None
    content: str | None = None


class _Rates(Struct, frozen=True):
    trade_rate: list[_Rate] = []


class RatesAnswer(Struct, frozen=True):
    trade_rates: _Rates | list[_Rate] | None = None
    has_next: bool | None = None
    total_results: int | None = None

    @property
    def rates(self) -> list[_Rate]:
        if isinstance(self.trade_rates, _Rates):
            return self.trade_rates.trade_rate
        return list(self.trade_rates or [])


@dataclass
class AfterSaleReport:
    alerts: int = 0  # new bad or neutral ratings
    traced: int = 0  # parcels whose route was read
    at_risk: int = 0  # of those, at risk now
    new_alerts: list[int] = field(default_factory=list)  # the ids of the alerts raised
    breach_notices: int = 0  # before-breach notices queued by the same round (app.services.notices)
    unpaid_reminders: int = 0  # payment reminders made by the same round (app.services.notices)
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"shop"|"tracking_no", "reason", "message"}

    def error(self, where: dict[str, str], message: Message) -> None:
        self.errors.append({**where, "reason": message.render(), "message": message})

    def to_json(self) -> dict[str, Any]:
        return {
            "alerts": self.alerts,
            "traced": self.traced,
            "at_risk": self.at_risk,
            "breach_notices": self.breach_notices,
            "unpaid_reminders": self.unpaid_reminders,
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
        }


def _top_shops(session: Session) -> list[Shop]:
    shops = ShopRepository(session)
    return shops.api_shops(Platform.TAOBAO) + shops.api_shops(Platform.TMALL)


def fetch_reviews(
    session_factory: sessionmaker[Session], client_for: ClientFor, now: datetime, report: AfterSaleReport,
    *, first_days: int = 7,
) -> list[int]:  # fmt: skip
    """Raises an alert for each neutral or bad rating of the Taobao API shops not seen before; returns their ids.
    The first look goes `first_days` back; later ones from the newest rating seen, less a day (late arrivals)."""
    with session_factory() as session:
        shops = _top_shops(session)
        since = {s.id: NoticeRepository(session).latest_rating(s.id) for s in shops}
    raised: list[int] = []
    for shop in shops:
        start = (since[shop.id] - timedelta(days=1)) if since[shop.id] else now - timedelta(days=first_days)
        try:
            with client_for(shop) as client:
                _read_rates(session_factory, client, shop, start, now, raised)
        except PackDeskError as exc:
            report.error({"shop": shop.name}, exc.msg)
    report.alerts += len(raised)
    report.new_alerts += raised
    return raised


def _read_rates(session_factory: sessionmaker[Session], client: TopClient, shop: Shop, start: datetime,
                now: datetime, raised: list[int]) -> None:  # fmt: skip
    """Reads the shop's neutral and bad ratings since `start`, page by page, each page stored as it comes."""
    for result in ("neutral", "bad"):
        page = 1
        while True:
            params = {"fields": RATE_FIELDS, "rate_type": "get", "role": "buyer", "result": result,
                      "start_date": china_time(start), "page_no": page, "page_size": 150,
                      "use_has_next": "true"}  # fmt: skip
            answer = client.read(RATES, params, RatesAnswer)
            with session_factory.begin() as session:
                repo = NoticeRepository(session)
                for r in answer.rates:
                    if r.tid is None or r.created is None:
                        continue
                    new = repo.add_alert(
                        shop_id=shop.id, order_no=str(r.tid), oid=str(r.oid or r.tid), result=r.result or result,
                        nick=r.nick or "", item_title=r.item_title or "", content=r.content or "",
                        rated_at=parse_china_time(r.created), now=now,
                    )  # fmt: skip
                    if new is not None:
                        raised.append(new)
            if not answer.has_next or page >= 200:
                break
            page += 1


def refresh(
    session_factory: sessionmaker[Session], client_for: ClientFor, now: datetime | None = None,
    tracker_for: TrackerFor | None = None,
) -> AfterSaleReport:  # fmt: skip
    """One round: new bad-review alerts and the routes of shipped parcels (app.sync.parcel_traces).

    Args:
        client_for: a shop's platform client (TopClient, or PddClient for a Pinduoduo shop).
        tracker_for: the Kuaidi100 route-query client of the seller's tracking account (None: not asked).
    """
    now = now or datetime.now(UTC)
    report = AfterSaleReport()
    fetch_reviews(session_factory, client_for, now, report)
    trace_parcels(session_factory, client_for, now, report, tracker_for=tracker_for)
    return report


def after_sale_round(session_factory: sessionmaker[Session], data_dir: Path, actor: Actor,
                     now: datetime | None = None) -> AfterSaleReport:  # fmt: skip
    """The after-dispatch round (`packdesk risks refresh`, the window's background round): new bad-review alerts
    (with the seller's SMS), the routes of shipped parcels and their risks, the before-breach notices and the
    payment reminders."""
    from app.sync.kuaidi100_track import tracker_factory
    from app.sync.service import client_factory

    now = now or datetime.now(UTC)
    report = refresh(session_factory, client_factory(data_dir), now, tracker_factory(data_dir))
    if report.new_alerts:
        with session_factory.begin() as session:
            for alert in NoticeRepository(session).alerts_by_id(report.new_alerts):
                alert_seller(session, alert, now)
    report.breach_notices = len(breach_round(session_factory, actor, now))
    report.unpaid_reminders = len(unpaid_round(session_factory, actor, now))
    return report


__all__ = ["AfterSaleReport", "after_sale_round", "fetch_reviews", "refresh", "trace_parcels"]
