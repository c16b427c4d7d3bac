"""A small history with hand-computed figures (tests/app/test_reports*.py, tests/app/test_reconcile.py).

Written the way PackDesk's own code writes it (ORM rows, the scan log's `record_scan`, the parcel's ship time flushed
before the order's status), so the history triggers of migration 0021 record it. Times are China time (`cn`).

    order  shop  paid (China)     SKUs          what happens (China time)
    o1     甲店  03-02 23:50      A x2          ZTO ZT0001 taken 03-03 00:05, printed 00:10, ana packs (00:06-00:09),
                                                shipped 00:20 (crosses midnight: new on 03-02, shipped on 03-03)
    o2     甲店  03-02 09:00      A x1, B x3    YTO YT0002 printed 10:00; bo scans a wrong item and one too many,
                                                completes 10:05; shipped 03-03 11:00 (deadline 03-03 09:00: late)
    o3     乙店  03-02 12:00      B x1          closed by the platform 03-02 18:00
    o4     乙店  03-03 08:00      C x5          waits; ana's scan of it is intercepted 03-04 15:00
    o5     甲店  03-01 20:00      A x1          waits (paid before the range)
    o6     甲店  03-03 14:00      B x2          ZTO ZT0006 printed 03-04 09:00 without a bench, shipped 12:00
    丙店 has nothing at all. SKU C is tracked with 3 on hand; A weighs 200 g, B 500 g, C has no weight.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from app.domain.enums import ScanOutcome
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow, ProductRow, ShopRow
from app.persistence.scan_log import record_scan

CN = timedelta(hours=8)


def cn(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A China-time wall clock reading as an aware UTC instant."""
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - CN


def add_order(
    s: Session, shop: ShopRow, no: str, paid: datetime, lines: dict[str, int], deadline_h: int = 48
) -> OrderRow:
    order = OrderRow(
        shop_id=shop.id, order_no=no, platform="taobao", status="awaiting_shipment", total=Decimal("10"),
        post_fee=Decimal("0"), paid_at=paid, deadline=paid + timedelta(hours=deadline_h), modified_at=paid,
    )  # fmt: skip
    s.add(order)
    s.flush()
    for i, (sku, qty) in enumerate(lines.items()):
        s.add(OrderLineRow(order_id=order.id, line_no=f"{no}-{i}", sku=sku, title=sku, qty=qty, price=Decimal("5")))
    s.flush()
    return order


def add_parcel(s: Session, order: OrderRow, carrier: str, number: str, created: datetime) -> PackageRow:
    package = PackageRow(
        order_id=order.id, carrier=carrier, tracking_no=number, state="allocated", print_count=0, created_at=created
    )
    s.add(package)
    s.flush()
    return package


def print_parcel(s: Session, package: PackageRow, at: datetime) -> None:
    package.print_count += 1
    package.printed_at = at
    package.state = "printed"
    s.flush()


def ship(s: Session, order: OrderRow, package: PackageRow | None, at: datetime) -> None:
    if package is not None:
        package.state = "shipped"
        package.shipped_at = at
        s.flush()
    order.status = "shipped"
    s.flush()


def scan(s: Session, at: datetime, packer: str, order: OrderRow | None, outcome: ScanOutcome) -> None:
    record_scan(s, at, "bench-1", packer, order.id if order else None, "code", outcome, "A", 1)


def seed_history(s: Session) -> dict[str, OrderRow]:
    shops = [ShopRow(name=n, platform="taobao", created_at=cn(1, 1, 0)) for n in ("甲店", "乙店", "丙店")]
    s.add_all(shops)
    s.add_all(
        [
            ProductRow(sku="A", title="A", price=Decimal("5"), weight_g=200),
            ProductRow(sku="B", title="B", price=Decimal("5"), weight_g=500),
            ProductRow(sku="C", title="C", price=Decimal("5"), weight_g=0, stock=3, stock_tracked=True),
        ]
    )
    s.flush()
    a, b, _c = shops
    o5 = add_order(s, a, "o5", cn(3, 1, 20), {"A": 1})
    o2 = add_order(s, a, "o2", cn(3, 2, 9), {"A": 1, "B": 3}, deadline_h=24)
    p2 = add_parcel(s, o2, "YTO", "YT0002", cn(3, 2, 9, 58))
    scan(s, cn(3, 2, 9, 59), "bo", o2, ScanOutcome.ORDER_OPENED)
    scan(s, cn(3, 2, 10, 1), "bo", o2, ScanOutcome.WRONG_ITEM)
    scan(s, cn(3, 2, 10, 2), "bo", o2, ScanOutcome.OVER_SCAN)
    print_parcel(s, p2, cn(3, 2, 10))
    scan(s, cn(3, 2, 10, 5), "bo", o2, ScanOutcome.ORDER_COMPLETE)
    o3 = add_order(s, b, "o3", cn(3, 2, 12), {"B": 1})
    o3.status, o3.modified_at = "closed", cn(3, 2, 18)  # as a sync stores the platform's close
    s.flush()
    o1 = add_order(s, a, "o1", cn(3, 2, 23, 50), {"A": 2})
    p1 = add_parcel(s, o1, "ZTO", "ZT0001", cn(3, 3, 0, 5))
    scan(s, cn(3, 3, 0, 6), "ana", o1, ScanOutcome.ORDER_OPENED)
    scan(s, cn(3, 3, 0, 9), "ana", o1, ScanOutcome.ORDER_COMPLETE)
    print_parcel(s, p1, cn(3, 3, 0, 10))
    ship(s, o1, p1, cn(3, 3, 0, 20))
    o4 = add_order(s, b, "o4", cn(3, 3, 8), {"C": 5})
    ship(s, o2, p2, cn(3, 3, 11))
    o6 = add_order(s, a, "o6", cn(3, 3, 14), {"B": 2})
    p6 = add_parcel(s, o6, "ZTO", "ZT0006", cn(3, 4, 9))
    print_parcel(s, p6, cn(3, 4, 9))
    ship(s, o6, p6, cn(3, 4, 12))
    scan(s, cn(3, 4, 15), "ana", o4, ScanOutcome.INTERCEPTED)
    return {"o1": o1, "o2": o2, "o3": o3, "o4": o4, "o5": o5, "o6": o6}


def seed_weeks(
    s: Session, end: datetime, days: int, seed: int = 5, packers: tuple[str, ...] = ("ana", "bo", "cai")
) -> int:
    """`days` days of ordinary trade before `end` (a busier evening, a slower Sunday) in the shops and SKUs already
    there (three shops and eight SKUs made when there are none), written as history_seed's small history is: most
    orders get a waybill, are printed, packed at the bench and shipped within hours or a day, some are closed, the
    last days' orders partly still wait; a few scans are errors. Returns how many orders it added."""
    import random

    rnd = random.Random(seed)
    shops = list(s.query(ShopRow).order_by(ShopRow.id))
    if not shops:
        shops = [ShopRow(name=n, platform="taobao", created_at=end - timedelta(days=days + 30)) for n in
                 ("甲店", "乙店", "丙店")]  # fmt: skip
        s.add_all(shops)
        s.flush()
    skus = [p.sku for p in s.query(ProductRow).order_by(ProductRow.sku)]
    if not skus:
        skus = [f"SKU-{i}" for i in range(8)]
        s.add_all([ProductRow(sku=k, title=k, price=Decimal("5"), weight_g=300) for k in skus])
        s.flush()
    weights = [1 / (i + 1) for i in range(len(skus))]  # a few SKUs sell most
    carriers = ("ZTO", "YTO", "SF", "YUNDA")
    added = 0
    start = end - timedelta(days=days)
    step = 0
    while start + timedelta(hours=step) < end:
        at = start + timedelta(hours=step)
        hour = (at + CN).hour
        weekday = (at + CN).weekday()
        rate = (0.3 if hour < 8 else 2.5 if 19 <= hour <= 22 else 1.2) * (0.6 if weekday == 6 else 1.0)
        for _ in range(int(rate) + (1 if rnd.random() < rate % 1 else 0)):
            paid = at + timedelta(minutes=rnd.randrange(60))
            shop = rnd.choices(shops, weights=[len(shops) - i for i in range(len(shops))])[0]
            lines = {k: rnd.randint(1, 3) for k in set(rnd.choices(skus, weights=weights, k=rnd.randint(1, 2)))}
            order = add_order(s, shop, f"H{seed}-{added:05d}", paid, lines, deadline_h=rnd.choice((24, 48, 72)))
            added += 1
            age = (end - paid).total_seconds() / 3600
            if rnd.random() < 0.05:
                order.status, order.modified_at = "closed", paid + timedelta(hours=rnd.uniform(0.5, 10))
                s.flush()
                continue
            wait = rnd.expovariate(1 / 10)  # hours from paid to printed
            if wait + 2 > age:
                continue  # still waiting at `end`
            carrier = rnd.choice(carriers)
            printed = paid + timedelta(hours=wait)
            parcel = add_parcel(s, order, carrier, f"{carrier}{seed}{added:07d}", printed - timedelta(minutes=2))
            print_parcel(s, parcel, printed)
            packer = rnd.choice(packers)
            scan(s, printed + timedelta(minutes=1), packer, order, ScanOutcome.ORDER_OPENED)
            for outcome, chance in ((ScanOutcome.WRONG_ITEM, 0.04), (ScanOutcome.OVER_SCAN, 0.03),
                                    (ScanOutcome.UNKNOWN_CODE, 0.02)):  # fmt: skip
                if rnd.random() < chance * (1 + packers.index(packer)):
                    scan(s, printed + timedelta(minutes=2), packer, order, outcome)
            scan(s, printed + timedelta(minutes=4), packer, order, ScanOutcome.ORDER_COMPLETE)
            shipped = printed + timedelta(hours=rnd.uniform(0.5, 6))
            if shipped < end:
                ship(s, order, parcel, shipped)
        step += 1
    return added
