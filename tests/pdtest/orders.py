"""Orders built in memory for the pure tests of packing: a line, an order, the barcodes the tests scan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.orders import Address, Order, OrderLine, Receiver
from app.domain.packing import BarcodeHit

PAID = datetime(2025, 3, 1, 2, 0, tzinfo=UTC)


def line(no: str, sku: str, qty: int, refund: RefundStatus = RefundStatus.NONE) -> OrderLine:
    return OrderLine(no, sku, f"title {sku}", "", qty, Decimal("9.90"), refund, (f"code-{sku}",))


def make_order(*lines: OrderLine, status: OrderStatus = OrderStatus.AWAITING_SHIPMENT) -> Order:
    return Order(
        order_no="4917569714976318074",
        shop="shop",
        platform=Platform.TAOBAO,
        status=status,
        buyer_nick="nick",
        receiver=Receiver("张*", "138****5678", Address("浙江省", "杭州市", "余杭区", "", "文一西路1号")),
        lines=tuple(lines),
        paid_at=PAID,
        deadline=PAID + timedelta(hours=48),
    )


MUG = BarcodeHit("MUG")
TEE = BarcodeHit("TEE")
TEA = BarcodeHit("TEA")
TEA_CASE = BarcodeHit("TEA", units=6)
LAMP = BarcodeHit("LAMP")
