"""A Pinduoduo shop at PackDesk with its orders at the loopback PDD gateway (tests/pdtest/pdd_server.py, the shop's
order APIs of pdd_orders.py and its ship-back and decryption APIs of pdd_logistics.py): the set-up of the ship-back,
label and live-check tests of PDD orders.

    shop = PddShop(workspace, srv, group="联店")     # the shop (its secrets stored as app.sync.shops keeps them)
    shop.orders(3, name="欧阳小明")                   # three orders at PDD, cached as a sync would cache them
    shop.shipped(3)                                  # ...and recorded as shipped here, their ship-backs queued
    shop.pdd.refund(order_sn(1), done=True)          # the shop at PDD (tests/pdtest/pdd_orders.py: PddShop)
    shop.desk.sends                                  # its ship-backs applied (tests/pdtest/pdd_logistics.py)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.domain.enums import Platform
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.sync.pdd import parse_answer
from app.sync.pdd_order_answers import PddOrder, map_order
from app.sync.pdd_orders import INFORMATION
from app.sync.shops import Credentials, add_api_shop
from app.sync.store import upsert_orders
from tests.pdtest import pdd_orders
from tests.pdtest.pdd_logistics import LogisticsDesk
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer

SHOP = "拼多多店"
ACTOR = Actor("test", "")


def add_pdd_shop(ws: Workspace, srv: PddServer, *, name: str = SHOP, group: str | None = None) -> int:
    """Adds the PDD shop `name` of `srv` to the workspace (as `shop add --platform pdd` does); returns its id."""
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, ws.data_dir, name=name, platform=Platform.PDD, gateway=srv.url, app_key=CLIENT_ID,
            credentials=Credentials(SECRET, TOKEN), now=datetime.now(UTC), group=group,
        )  # fmt: skip
        return shop.id


def order_sn(n: int) -> str:
    return f"261203-{n:09d}"


def tracking(n: int) -> str:
    """A YTO number for the n-th order."""
    return f"YT{7_000_000_000_000 + n}"


class PddShop:
    """A PDD shop with its client id as the app key, its client secret and access token stored as the shop's
    secrets (app.sync.shops); `pdd`, its orders at PDD, and `desk`, its ship-backs and decryption there."""

    def __init__(self, ws: Workspace, srv: PddServer, *, group: str | None = None, **desk: Any) -> None:
        self.ws, self.srv = ws, srv
        self.pdd = pdd_orders.PddShop(srv, n_orders=0, seed=srv.seed)
        self.desk = LogisticsDesk(self.pdd, **desk)
        self.id = add_pdd_shop(ws, srv, group=group)

    def orders(self, count: int, **fields: Any) -> list[str]:
        """`count` orders waiting at PDD (`fields` as pdd_orders.PddShop.place takes them), cached as a sync would."""
        sns = [order_sn(n) for n in range(1, count + 1)]
        for sn in sns:
            self.pdd.place(sn, **fields)
        mapped = [map_order(parse_answer(INFORMATION, self.pdd.answer(sn), PddOrder)) for sn in sns]
        with self.ws.session_factory.begin() as session:
            upsert_orders(session, self.id, Platform.PDD.value, [o for o in mapped if o is not None])
        return sns

    def shipped(self, count: int, **fields: Any) -> list[str]:
        """`count` cached orders recorded as shipped with YTO (`tracking(n)`): their ship-backs wait in the outbox."""
        sns = self.orders(count, **fields)
        for n, sn in enumerate(sns, 1):
            ship_order(self.ws.session_factory, sn, "YTO", tracking(n), ACTOR, datetime.now(UTC))
        return sns
