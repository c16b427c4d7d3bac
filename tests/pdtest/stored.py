"""Stored orders for the tests against a real SQLite file: a shop and an order with two lines, written as rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.rows import OrderLineRow, OrderRow, ShopRow

CST = timezone(timedelta(hours=8))
ORDER_NO = "4917569714976318074"  # 19 digits: larger than 2**53, would lose digits as a float


def add_order(session: Session, order_no: str = ORDER_NO, shop_name: str = "店铺A", **overrides: object) -> OrderRow:
    shop = session.execute(select(ShopRow).where(ShopRow.name == shop_name)).scalar_one_or_none()
    if shop is None:
        shop = ShopRow(name=shop_name, platform="taobao", created_at=datetime.now(UTC))
    paid = datetime(2025, 3, 1, 10, 30, 15, 123456, tzinfo=CST)
    values: dict[str, object] = dict(
        shop=shop,
        order_no=order_no,
        platform="taobao",
        status="awaiting_shipment",
        total=Decimal("0.30"),
        post_fee=Decimal("0.00"),
        paid_at=paid,
        deadline=paid + timedelta(hours=48),
        modified_at=paid,
        lines=[
            OrderLineRow(line_no=order_no[:-4] + "0001", sku="MUG-01", title="杯", qty=1, price=Decimal("0.10")),
            OrderLineRow(line_no=order_no[:-4] + "0002", sku="TEE-01", title="T恤", qty=1, price=Decimal("0.20")),
        ],
    )
    values.update(overrides)
    row = OrderRow(**values)
    session.add(row)
    session.flush()
    return row
