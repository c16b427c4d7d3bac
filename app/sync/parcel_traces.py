"""The routes of shipped parcels and their risks (sync layer): one round over the parcels shipped lately and not
known delivered, each read where its route is kept, assessed by app.domain.parcel_risk and stored with
app.persistence.notices (`save_trace`, one row per parcel, replaced each round).

Where a parcel's route is read:
- its number came from a Kuaidi100 waybill account and the seller set a tracking account: Kuaidi100's real-time
  query (app.sync.kuaidi100_track);
- else a Taobao or Tmall API shop's parcel: `taobao.logistics.trace.search` (see app.sync.after_sale's docstring);
- else a Pinduoduo API shop's parcel: `pdd.logistics.ordertrace.get` (app.sync.pdd_trace);
- else (an imported or manual shop's) with a tracking account: Kuaidi100's real-time query;
- else nowhere: the parcel is not watched.

A failure is reported for the parcel it hit (`report.errors`, by tracking number) and the round goes on. When the
failure concerns the whole source (the gateway cannot be reached, the shop's authorisation or keys, the tracking
account's key), that source is not asked again this round: its other parcels are reported with the same reason,
and the other sources are read as usual. The next round tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import PackDeskError
from app.domain.messages import Message
from app.domain.parcel_risk import TraceStep, assess
from app.domain.shops import Shop
from app.persistence.notices import NoticeRepository
from app.persistence.shops import ShopRepository
from app.persistence.tracking import ShippedParcel, TrackingAccount, TrackingRepository
from app.sync.kuaidi100_track import Kuaidi100Tracking, TrackRefused
from app.sync.pdd import MalformedAnswer, PddClient, PddError, TokenExpired
from app.sync.pdd_trace import read_route
from app.sync.top import TopClient, TopError, parse_china_time

if TYPE_CHECKING:
    from app.sync.after_sale import AfterSaleReport

TRACE = "taobao.logistics.trace.search"
KUAIDI100 = "kuaidi100"
ClientFor = Callable[[Shop], Any]  # a TopClient, or a PddClient for a Pinduoduo shop
TrackerFor = Callable[[TrackingAccount], Kuaidi100Tracking]
_TOP = (Platform.TAOBAO.value, Platform.TMALL.value)


class _TopStep(Struct, frozen=True):
    status_time: str | None = None
    status_desc: str | None = None
    action: str | None = None


class _TopSteps(Struct, frozen=True):
    transit_step_info: list[_TopStep] = []


class TraceAnswer(Struct, frozen=True):
    out_sid: str | None = None
    company_name: str | None = None
    status: str | None = None
    trace_list: _TopSteps | list[_TopStep] | None = None

    @property
    def steps(self) -> list[_TopStep]:
        if isinstance(self.trace_list, _TopSteps):
            return self.trace_list.transit_step_info
        return list(self.trace_list or [])


@dataclass(frozen=True)
class _Read:
    steps: list[TraceStep]
    status: str  # what the source calls the parcel's state ("" : nothing)
    company: str


class _SourceDown(Exception):
    """The whole source failed: none of its parcels can be read this round."""

    def __init__(self, message: Message) -> None:
        self.message = message


@dataclass
class _Sources:
    client_for: ClientFor
    tracker_for: TrackerFor | None
    account: TrackingAccount | None
    shops: dict[int, Shop]
    clients: dict[Any, Any] = field(default_factory=dict)
    down: dict[Any, Message] = field(default_factory=dict)

    def key(self, parcel: ShippedParcel) -> Any:
        """Where the parcel's route is read: KUAIDI100, a shop id, or None (nowhere)."""
        kuaidi100 = self.account is not None and self.tracker_for is not None
        if kuaidi100 and parcel.number_from == KUAIDI100:
            return KUAIDI100
        shop = self.shops.get(parcel.shop_id)
        if shop is not None and shop.platform.value in (*_TOP, Platform.PDD.value):
            return shop.id
        return KUAIDI100 if kuaidi100 else None

    def client(self, key: Any) -> Any:
        client = self.clients.get(key)
        if client is None:
            try:
                if key == KUAIDI100:
                    assert self.tracker_for is not None and self.account is not None
                    client = self.tracker_for(self.account)
                else:
                    client = self.client_for(self.shops[key])
            except PackDeskError as exc:  # secrets not stored, no gateway: the source cannot be asked
                raise _SourceDown(exc.msg) from exc
            self.clients[key] = client
        return client

    def read(self, key: Any, parcel: ShippedParcel) -> _Read | None:
        """The parcel's route; None when the answer is another parcel's.

        Raises:
            _SourceDown: the source failed as a whole. PackDeskError: the parcel's query failed.
        """
        client = self.client(key)
        try:
            if isinstance(client, Kuaidi100Tracking):
                route = client.route(parcel.carrier, parcel.tracking_no, parcel.phone)
                return _Read(route.steps, str(route.state or ""), route.com or "")
            if isinstance(client, PddClient):
                return _Read(read_route(client, parcel.carrier, parcel.tracking_no), "", parcel.carrier)
            return _read_top(client, parcel)
        except TrackRefused as exc:
            if exc.account_level:
                raise _SourceDown(exc.msg) from exc
            raise
        except (TopError, MalformedAnswer):
            raise
        except PddError as exc:
            if isinstance(exc, TokenExpired) or exc.caller:
                raise _SourceDown(exc.msg) from exc
            raise
        except PackDeskError as exc:  # Offline, and anything else about the source rather than the parcel
            raise _SourceDown(exc.msg) from exc

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


def _read_top(client: TopClient, parcel: ShippedParcel) -> _Read | None:
    answer = client.read(TRACE, {"tid": parcel.order_no}, TraceAnswer)
    if answer.out_sid and answer.out_sid != parcel.tracking_no:
        return None  # another parcel of the order
    steps = []
    for s in answer.steps:
        try:
            at = parse_china_time(s.status_time or "")
        except ValueError:
            continue
        steps.append(TraceStep(at, s.status_desc or "", s.action or ""))
    return _Read(steps, answer.status or "", answer.company_name or "")


def trace_parcels(
    session_factory: sessionmaker[Session], client_for: ClientFor, now: datetime, report: AfterSaleReport,
    *, tracker_for: TrackerFor | None = None, horizon: timedelta = timedelta(days=15),
) -> None:  # fmt: skip
    """Reads the route of every parcel shipped within `horizon` and not known delivered, where it is kept (see the
    module docstring), and stores it with its risk.

    Args:
        client_for: a shop's platform client (TopClient or PddClient).
        tracker_for: the Kuaidi100 route-query client of the tracking account (None: Kuaidi100 is not asked).
    """
    with session_factory() as session:
        repo = TrackingRepository(session)
        parcels, account = repo.shipped_parcels(now - horizon), repo.account()
        shops = ShopRepository(session).api_shops(Platform.TAOBAO, Platform.TMALL, Platform.PDD)
    sources = _Sources(client_for, tracker_for, account, {s.id: s for s in shops})
    try:
        for parcel in parcels:
            key = sources.key(parcel)
            if key is None:
                continue
            where = {"tracking_no": parcel.tracking_no}
            if key in sources.down:
                report.error(where, sources.down[key])
                continue
            try:
                read = sources.read(key, parcel)
            except _SourceDown as exc:
                sources.down[key] = exc.message
                report.error(where, exc.message)
                continue
            except PackDeskError as exc:
                report.error(where, exc.msg)
                continue
            if read is not None:
                _store(session_factory, parcel, read, now, report)
    finally:
        sources.close()


def _store(session_factory: sessionmaker[Session], parcel: ShippedParcel, read: _Read, now: datetime,
           report: AfterSaleReport) -> None:  # fmt: skip
    found = assess(parcel.shipped_at, read.steps, now, parcel.receiver)
    with session_factory.begin() as session:
        NoticeRepository(session).save_trace(
            parcel.package_id,
            status="delivered" if found.delivered and found.risk is None else read.status,
            company=read.company,
            steps=[
                {"at": s.at.isoformat(), "desc": s.desc, "action": s.action}
                for s in sorted(read.steps, key=lambda s: s.at)
            ],  # fmt: skip
            risk=found.risk.value if found.risk else None,
            detail=found.detail,
            now=now,
        )
    report.traced += 1
    report.at_risk += found.risk is not None


__all__ = ["TraceAnswer", "trace_parcels"]
