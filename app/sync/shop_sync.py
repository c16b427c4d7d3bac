"""What the order syncs of every platform do alike (sync layer): the report, storing mapped orders into the cache,
the watermark, and reading a listing from its last page to its first.

Why last page first: a row that leaves the listing while it is read (an order shipped, or modified past the window)
shifts the rows after it towards page 1, which is read last, so none is skipped; it comes in with a later window.
Taobao's trades (app.sync.taobao) and Pinduoduo's orders (app.sync.pdd_orders) are read so; both platforms' own
documentation asks for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.messages import Message
from app.persistence.order_cache import OrderCache
from app.persistence.shops import ShopRepository
from app.sync.model import PlatformOrder
from app.sync.store import Change, upsert_orders

_T = TypeVar("_T")
_C = TypeVar("_C")  # the platform's client


@dataclass
class SyncReport:
    shop: str
    first_fill: bool = False
    pages: int = 0
    windows: int = 0
    fetched: int = 0  # orders read in full
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list[Change] = field(default_factory=list)
    watermark: datetime | None = None
    message: Message | None = None  # why the sync of this shop stopped (the window says it in the packer's language)

    @property
    def error(self) -> str | None:
        return self.message.render() if self.message else None

    def to_json(self) -> dict[str, Any]:
        return {
            "shop": self.shop,
            "first_fill": self.first_fill,
            "pages": self.pages,
            "windows": self.windows,
            "fetched": self.fetched,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "changes": [c.to_json() for c in self.changes],
            "watermark": self.watermark.isoformat() if self.watermark else None,
            "error": self.error,
        }


def backwards(
    first: list[_T], total: int, page_size: int, read: Callable[[int], list[_T]], *, most: int
) -> Iterator[list[_T]]:
    """The pages of one listing, last first, given its first page and the total it claims.

    Args:
        first: page 1 as already read (it answered the total); read again at the end when there are more pages.
        read: reads page n.
        most: the most pages believed (the caller checks `pages_of(total, page_size) <= most` first).
    """
    pages = pages_of(total, page_size)
    assert pages <= most
    if pages == 1:
        yield first
        return
    for page_no in range(pages, 0, -1):
        yield read(page_no)


def pages_of(total: int, page_size: int) -> int:
    return max(1, math.ceil(total / page_size))


class ShopSync(Generic[_C]):
    """One shop's order sync into the cache over the platform's `client`: what a platform's sync builds on."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        shop_id: int,
        client: _C,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        progress: Callable[[str, int], None] | None = None,
    ) -> None:
        self.session_factory, self.shop_id, self.client, self.clock = session_factory, shop_id, client, clock
        self.progress = progress or (lambda _what, _n: None)

    def new_report(self) -> SyncReport:
        with self.session_factory() as session:
            shop = ShopRepository(session).get(self.shop_id)
            assert shop is not None
            return SyncReport(shop.name)

    def watermark(self) -> datetime | None:
        with self.session_factory() as session:
            return ShopRepository(session).sync_state(self.shop_id).watermark

    def store(
        self,
        orders: Iterable[PlatformOrder | None],
        report: SyncReport,
        *,
        also: Callable[[Session], None] | None = None,
    ) -> None:
        """Writes `orders` (None: nothing to store for that one) into the cache in one transaction, with `also`
        (what the sync keeps about where it stands) in the same one."""
        mapped = [o for o in orders if o is not None]
        if not mapped and also is None:
            return
        with self.session_factory.begin() as session:
            shop = ShopRepository(session).get(self.shop_id)
            assert shop is not None
            known = OrderCache(session, self.shop_id).known(o.order_no for o in mapped)
            # Orders that already left or were closed matter only if the cache holds them; those not paid yet are
            # kept for the payment reminder (they are not open: no list of work takes them).
            kept = (OrderStatus.ON_HOLD, OrderStatus.AWAITING_PAYMENT)
            wanted = [o for o in mapped if o.order_no in known or o.status.is_open or o.status in kept]
            stats = upsert_orders(session, self.shop_id, shop.platform, wanted)
            if also is not None:
                also(session)
        report.inserted += stats.inserted
        report.updated += stats.updated
        report.unchanged += stats.unchanged
        report.changes += stats.changes

    def increments(self, start: datetime, end: datetime, window: timedelta, report: SyncReport) -> None:
        """Reads `start`..`end` in windows of at most `window` (`_window`), the watermark set after each: a crash
        repeats at most one window, which the cache's upsert makes harmless."""
        while start < end:
            stop = min(start + window, end)
            self._window(start, stop, report)
            self.set_watermark(stop, report)
            report.windows += 1
            start = stop

    def _window(self, start: datetime, stop: datetime, report: SyncReport) -> None:
        """Reads into the cache what changed between `start` and `stop` (the platform's sync says how)."""
        raise NotImplementedError

    def set_watermark(
        self, moment: datetime, report: SyncReport, *, also: Callable[[Session], None] | None = None
    ) -> None:
        """The shop's orders are in the cache up to `moment` (with `also` in the same transaction)."""
        now = self.clock()
        with self.session_factory.begin() as session:
            ShopRepository(session).record_sync_success(self.shop_id, moment, now)
            if also is not None:
                also(session)
        report.watermark = moment
