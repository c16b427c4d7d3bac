"""The bench's last look at the platform before it acts on an order (sync layer).

Before a parcel opens, before its label prints and before its confirm scan, the station asks the platform for the
order as it is now (`taobao.trade.fullinfo.get`) with a short timeout (shared by connecting, sending and waiting
for the answer) and no retries, and stores what changed in the cache; the station then decides from the cache as
always. A refund or a close that no sync has brought yet stops the parcel all the same.

When the platform cannot answer in time (offline, slow, rate-limited, session expired), the cache's answer stands
and the bench does not wait again for `pause_s` seconds: an offline bench must not lose a second and a half on every
parcel. Orders of shops filled by imports have no platform to ask.

A Pinduoduo shop's order is read the same way with `pdd.order.information.get` (`PddSync.refresh`, the sync's own
reading and mapping): a refund or after-sale found there stops the parcel.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import PackDeskError
from app.persistence.shops import ShopRepository
from app.sync.pdd import PddClient
from app.sync.pdd_orders import PddSync
from app.sync.shops import load_credentials
from app.sync.store import Change
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient

LIVE_PLATFORMS = (Platform.TAOBAO, Platform.PDD)

log = logging.getLogger(__name__)

SHOPS_KEPT_S = 60.0  # a shop given an API connection meanwhile is asked about within a minute

#: One try, no waiting out a ban: the packer is waiting.
QUICK = RetryPolicy(attempts=1, backoff_s=0, max_backoff_s=0, max_ban_s=0)


class LiveCheck:
    """Callable as `check(order_no, shop)`: the changes the platform had for the order (possibly none), or None
    when the platform was not asked or did not answer. Safe to call from several threads."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        data_dir: Path,
        *,
        timeout_s: float = 1.5,
        pause_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session_factory, self.data_dir = session_factory, data_dir
        self.timeout_s, self.pause_s, self.clock = timeout_s, pause_s, clock
        self._lock = threading.Lock()
        self._clients: dict[int, TopClient | PddClient] = {}  # one per shop, its connection kept alive between parcels
        self._quiet_until: dict[int, float] = {}  # shop id -> when to ask it again after a failure
        self._shops: dict[str, tuple[int | None, float]] = {}  # shop name -> (API shop id or None, when looked up)
        self.asked = self.answered = 0

    def __call__(self, order_no: str, shop: str) -> list[Change] | None:
        shop_id = self._api_shop(shop)
        if shop_id is None:
            return None
        with self._lock:
            if self.clock() < self._quiet_until.get(shop_id, 0.0):
                return None
        self.asked += 1
        try:
            client = self._client(shop_id)
            if isinstance(client, PddClient):
                report = PddSync(self.session_factory, shop_id, client).refresh([order_no])
            else:
                report = TaobaoSync(self.session_factory, shop_id, client).refresh([order_no])
            changes = report.changes
        except PackDeskError as exc:
            log.info("live check of %s skipped: %s", order_no, exc.message)
            with self._lock:
                self._quiet_until[shop_id] = self.clock() + self.pause_s
                stale = self._clients.pop(shop_id, None)  # re-read the shop's keys next time: they may be new
            if stale is not None:
                stale.close()
            return None
        self.answered += 1
        return [c for c in changes if c.order_no == order_no]

    def would_ask(self, shop: str) -> bool:
        """Whether a call for an order of `shop` would go to the platform now (an API shop, not resting after a
        failure)."""
        shop_id = self._api_shop(shop)
        if shop_id is None:
            return False
        with self._lock:
            return self.clock() >= self._quiet_until.get(shop_id, 0.0)

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()

    def _api_shop(self, name: str) -> int | None:
        """The id of shop `name` if it syncs through the API. Remembered for a minute: asked on every scan that
        opens or completes a parcel, it must not cost a query each time."""
        now = self.clock()
        with self._lock:
            known = self._shops.get(name)
        if known is not None and now - known[1] < SHOPS_KEPT_S:
            return known[0]
        with self.session_factory() as session:
            shop = ShopRepository(session).by_name(name)
            shop_id = shop.id if shop is not None and shop.has_api and shop.platform in LIVE_PLATFORMS else None
        with self._lock:
            self._shops[name] = (shop_id, now)
        return shop_id

    def _client(self, shop_id: int) -> TopClient | PddClient:
        with self._lock:
            client = self._clients.get(shop_id)
            if client is not None:
                return client
        with self.session_factory() as session:
            shop = ShopRepository(session).get(shop_id)
            assert shop is not None and shop.gateway_url is not None
            creds = load_credentials(self.data_dir, shop.credentials_ref)
            import httpx  # here, not at start: it brings rich, pygments and click

            # The steps share the budget (connect, send, answer), so a call ends within about 1.25 x timeout_s.
            budget = httpx.Timeout(
                connect=self.timeout_s / 2, write=self.timeout_s / 4, read=self.timeout_s / 2, pool=self.timeout_s / 4
            )
            # a PDD shop's client id, secret and access token are kept as its app key, secret and session key
            make = PddClient if shop.platform == Platform.PDD else TopClient
            client: TopClient | PddClient = make(
                shop.gateway_url, shop.app_key or "", creds.app_secret, creds.session_key, timeout_s=budget, retry=QUICK
            )
        with self._lock:
            kept = self._clients.setdefault(shop_id, client)
        if kept is not client:  # another thread made one meanwhile
            client.close()
        return kept
