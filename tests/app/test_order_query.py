"""The workspace's query layer against a real SQLite file of a few thousand generated orders: every filter, their
combinations and the sorts agree with the same question answered in plain Python over every row; search is routed
by its shape (codes, phone tail, Chinese text, short text); counts and the empty-result explanation; the text index
follows writes made through the ORM."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import InvalidInput
from app.persistence.order_query import OPEN_STATUSES, OrderQuery, SearchKind, search_kind
from app.persistence.rows import OrderLineRow, OrderRow
from app.services.orders import (
    count_orders,
    deadline_counts,
    empty_reasons,
    list_orders,
    order_filter,
    parse_sort,
    status_counts,
    stream_orders,
)
from app.services.workspace import Workspace, open_workspace
from bench.workspace import NOW, build_orders_file

ORDERS = 3000


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("workspace")
    build_orders_file(root / "packdesk.db", ORDERS, seed=5)
    workspace = open_workspace(root)
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def every(ws: Workspace) -> list[dict[str, Any]]:
    """Every order as plain Python values, with what the filters look at."""
    conn = sqlite3.connect(ws.data_dir / "packdesk.db")
    conn.row_factory = sqlite3.Row
    try:
        shops = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM shops")}
        parcels: dict[int, list[sqlite3.Row]] = {}
        for p in conn.execute("SELECT * FROM packages WHERE state <> 'void' ORDER BY id"):
            parcels.setdefault(p["order_id"], []).append(p)
        lines: dict[int, list[sqlite3.Row]] = {}
        for ln in conn.execute("SELECT * FROM order_lines ORDER BY id"):
            lines.setdefault(ln["order_id"], []).append(ln)
        out = []
        for o in conn.execute("SELECT * FROM orders"):
            live = parcels.get(o["id"], [])
            out.append(
                {
                    **dict(o),
                    "shop": shops[o["shop_id"]],
                    "printed": max((p["print_count"] for p in live), default=0),
                    "carriers": {p["carrier"] for p in live},
                    "tracking": {p["tracking_no"] for p in live},
                    "skus": {ln["sku"] for ln in lines.get(o["id"], [])},
                    "text": " ".join(
                        [o["buyer_nick"], o["receiver_name"], o["receiver_phone"], o["buyer_message"], o["seller_memo"]]
                        + [f"{ln['title']} {ln['spec']}" for ln in lines.get(o["id"], [])]
                    ).lower(),
                }
            )
        return out
    finally:
        conn.close()


def _t(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _expect(every: list[dict[str, Any]], keep: Callable[[dict[str, Any]], bool], key: str = "deadline") -> list[str]:
    return [o["order_no"] for o in sorted((o for o in every if keep(o)), key=lambda o: (o[key], o["id"]))]


def _page(ws: Workspace, limit: int = 10**6, sort: str | None = None, **typed: Any) -> list[str]:
    f = order_filter(ws.session_factory, **typed)
    return [o.order_no for o in list_orders(ws.session_factory, filters=f, sort=parse_sort(sort), limit=limit, now=NOW)]


def _open(o: dict[str, Any]) -> bool:
    return o["status"] in OPEN_STATUSES


CASES: list[tuple[dict[str, Any], Callable[[dict[str, Any]], bool]]] = [
    ({"status": "awaiting_shipment"}, lambda o: o["status"] == "awaiting_shipment"),
    ({"status": ["on_hold", "closed"]}, lambda o: o["status"] in ("on_hold", "closed")),
    ({"shop": "拼多多百货"}, lambda o: o["shop"] == "拼多多百货"),
    ({"platform": "taobao"}, lambda o: o["platform"] == "taobao"),
    ({"flag": "red,blue"}, lambda o: o["flag"] in (1, 4)),
    ({"flag": "none"}, lambda o: o["flag"] == 0),
    ({"printed": "no"}, lambda o: o["printed"] == 0),
    ({"printed": "yes"}, lambda o: o["printed"] >= 1),
    ({"printed": "reprinted"}, lambda o: o["printed"] >= 2),
    ({"has_message": True}, lambda o: o["buyer_message"] != ""),
    ({"has_memo": True}, lambda o: o["seller_memo"] != ""),
    (
        {"paid_from": NOW - timedelta(days=5), "paid_to": NOW - timedelta(days=4)},
        lambda o: _t(NOW - timedelta(days=5)) <= o["paid_at"] < _t(NOW - timedelta(days=4)),
    ),
    ({"overdue": True}, lambda o: _open(o) and o["deadline"] < _t(NOW)),
    ({"due_within_hours": 6}, lambda o: _open(o) and _t(NOW) <= o["deadline"] < _t(NOW + timedelta(hours=6))),
    ({"carrier": "sf"}, lambda o: "SF" in o["carriers"]),
    (
        {"status": "awaiting_shipment", "platform": "taobao", "printed": "no", "has_memo": True},
        lambda o: (
            o["status"] == "awaiting_shipment"
            and o["platform"] == "taobao"
            and o["printed"] == 0
            and o["seller_memo"] != ""
        ),
    ),
    (
        {"overdue": True, "status": "shipped"},  # only an order still to ship can be late
        lambda o: False,
    ),
    (
        {"flag": "red", "has_message": True, "carrier": "ZTO"},
        lambda o: o["flag"] == 1 and o["buyer_message"] != "" and "ZTO" in o["carriers"],
    ),
]


@pytest.mark.parametrize(("typed", "keep"), CASES, ids=[str(c[0]) for c in CASES])
def test_each_filter_and_combinations_agree_with_python(
    ws: Workspace, every: list[dict[str, Any]], typed: dict[str, Any], keep: Callable[[dict[str, Any]], bool]
) -> None:
    expected = _expect(every, keep)
    assert _page(ws, **typed) == expected
    assert _page(ws, limit=25, **typed) == expected[:25]
    f = order_filter(ws.session_factory, **typed)
    assert count_orders(ws.session_factory, f, now=NOW) == len(expected)


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [("paid", "paid_at", False), ("-amount", "total", True), ("items", "units", False), ("province", None, False)],
)
def test_sorts_are_stable_with_the_id_tie_break(
    ws: Workspace, every: list[dict[str, Any]], sort: str, key: str | None, reverse: bool
) -> None:
    column = key or "receiver_province"
    waiting = [o for o in every if o["status"] == "awaiting_shipment"]
    expected = [o["order_no"] for o in sorted(waiting, key=lambda o: (o[column], o["id"]), reverse=reverse)]
    assert _page(ws, status="awaiting_shipment", sort=sort) == expected
    # pages in a row are the list cut in pieces: nothing repeats or goes missing between them
    f = order_filter(ws.session_factory, status="awaiting_shipment")
    pages = [
        o.order_no
        for offset in range(0, 600, 200)
        for o in list_orders(ws.session_factory, filters=f, sort=parse_sort(sort), limit=200, offset=offset, now=NOW)
    ]
    assert pages == expected[:600]


def test_units_are_the_sum_of_the_lines(every: list[dict[str, Any]], ws: Workspace) -> None:
    with sqlite3.connect(ws.data_dir / "packdesk.db") as conn:
        sums = dict(conn.execute("SELECT order_id, sum(qty) FROM order_lines GROUP BY order_id"))
    assert all(o["units"] == sums[o["id"]] for o in every)


def test_search_is_routed_by_its_shape(ws: Workspace, every: list[dict[str, Any]]) -> None:
    some = every[1234]
    shipped = next(o for o in every if o["tracking"])
    sku = sorted(some["skus"])[0]
    with ws.session_factory() as s:
        conn = s.connection()
        assert search_kind(conn, some["order_no"]) is SearchKind.CODE
        assert search_kind(conn, next(iter(shipped["tracking"]))) is SearchKind.CODE
        assert search_kind(conn, sku) is SearchKind.CODE
        assert search_kind(conn, "5678") is SearchKind.PHONE_TAIL
        assert search_kind(conn, "保温杯") is SearchKind.TEXT
        assert search_kind(conn, "NO-SUCH-CODE-1") is SearchKind.TEXT  # code-shaped but nobody's: text
    assert _page(ws, search=some["order_no"]) == [some["order_no"]]
    assert _page(ws, search=next(iter(shipped["tracking"]))) == [shipped["order_no"]]
    assert _page(ws, search=sku) == _expect(every, lambda o: sku in o["skus"])
    tail = some["receiver_phone"][-4:]
    assert _page(ws, search=tail) == _expect(every, lambda o: o["receiver_phone"].endswith(tail))
    # Chinese text through the trigram index, several words all required, and words under three characters
    assert _page(ws, search="保温杯") == _expect(every, lambda o: "保温杯" in o["text"])
    assert _page(ws, search="保温杯 42号") == _expect(every, lambda o: "保温杯" in o["text"] and "42号" in o["text"])
    assert _page(ws, search="加急") == _expect(every, lambda o: "加急" in o["text"])
    nick = next(o["buyer_nick"] for o in every if o["buyer_nick"].startswith("tb"))
    assert _page(ws, search=nick) == _expect(every, lambda o: nick.lower() in o["text"])
    # what a seller types is text, never SQL or FTS syntax
    assert _page(ws, search='"保温杯" OR x') == []
    assert _page(ws, search="100%") == []


def test_counts_per_status_and_deadlines(ws: Workspace, every: list[dict[str, Any]]) -> None:
    f = order_filter(ws.session_factory, platform="pdd", status="closed")  # the status choice is left out
    counts = status_counts(ws.session_factory, f, now=NOW)
    for status, n in counts.items():
        assert n == sum(1 for o in every if o["platform"] == "pdd" and o["status"] == status)
    overdue, soon = deadline_counts(ws.session_factory, now=NOW)
    assert overdue == sum(1 for o in every if _open(o) and o["deadline"] < _t(NOW))
    assert soon == sum(1 for o in every if _open(o) and _t(NOW) <= o["deadline"] < _t(NOW + timedelta(hours=6)))


def test_an_empty_result_says_which_filter_hides_how_many(ws: Workspace, every: list[dict[str, Any]]) -> None:
    f = order_filter(ws.session_factory, status="on_hold", flag="purple", search="不存在的东西")
    assert count_orders(ws.session_factory, f, now=NOW) == 0
    reasons = {r.field: r.hidden for r in empty_reasons(ws.session_factory, f, now=NOW)}
    assert set(reasons) == {"statuses", "flags", "search"}
    assert reasons["search"] == sum(1 for o in every if o["status"] == "on_hold" and o["flag"] == 5)
    assert reasons["statuses"] == 0 and reasons["flags"] == 0


def test_stream_reads_in_chunks_in_list_order(ws: Workspace, every: list[dict[str, Any]]) -> None:
    f = order_filter(ws.session_factory, has_message=True)
    with stream_orders(ws.session_factory, f, now=NOW, chunk=37) as orders:
        streamed = [o.order_no for o in orders]
    assert streamed == _expect(every, lambda o: o["buyer_message"] != "")


def test_bad_input_is_refused_with_a_message(ws: Workspace) -> None:
    for typed in (
        {"status": "lost"},
        {"flag": "pink"},
        {"printed": "maybe"},
        {"platform": "amazon"},
        {"shop": "没有这个店"},
        {"due_within_hours": -1},
        {"paid_from": NOW, "paid_to": NOW - timedelta(days=1)},
    ):
        with pytest.raises(InvalidInput):
            order_filter(ws.session_factory, **typed)
    with pytest.raises(InvalidInput):
        parse_sort("colour")
    with pytest.raises(InvalidInput):
        list_orders(ws.session_factory, offset=-1)


def test_the_text_index_follows_orm_writes(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "data")
    try:
        from app.persistence.rows import ShopRow

        now = datetime(2026, 6, 18, tzinfo=UTC)
        with ws.session_factory.begin() as s:
            shop = ShopRow(name="店", platform="taobao", created_at=now)
            s.add(shop)
            s.flush()
            order = OrderRow(
                shop_id=shop.id, order_no="77001", platform="taobao", status="awaiting_shipment",
                buyer_nick="小熊猫", receiver_phone="139****2468", total=Decimal("10"), post_fee=Decimal("0"),
                paid_at=now, deadline=now + timedelta(hours=48), modified_at=now,
            )  # fmt: skip
            order.lines = [
                OrderLineRow(line_no="1", sku="TEA-1", title="西湖龙井茶", qty=2, price=Decimal("5")),
                OrderLineRow(line_no="2", sku="CUP-1", title="紫砂茶杯", qty=1, price=Decimal("5")),
            ]
            s.add(order)

        def found(term: str) -> list[str]:
            return _page(ws, search=term)

        assert found("龙井茶") == ["77001"] and found("紫砂茶杯") == ["77001"] and found("小熊猫") == ["77001"]
        assert found("2468") == ["77001"]
        with ws.session_factory.begin() as s:
            row = s.get(OrderRow, order.id)
            assert row is not None and row.units == 3
            row.seller_memo = "包装加厚"
            row.lines[1].title = "玻璃茶杯"
        assert found("包装加厚") == ["77001"] and found("紫砂茶杯") == [] and found("玻璃茶杯") == ["77001"]
        with ws.session_factory.begin() as s:
            row = s.get(OrderRow, order.id)
            assert row is not None
            row.lines.pop(0)
        assert found("龙井茶") == []
        with ws.session_factory() as s:
            assert s.connection().exec_driver_sql("SELECT units FROM orders").scalar() == 1
            assert OrderQuery(s.connection()).count(order_filter(ws.session_factory, search="玻璃"), now) == 1
    finally:
        ws.close()


def test_the_print_state_follows_parcel_writes(tmp_path: Path) -> None:
    """orders.print_state (0029_print_state) is kept by triggers on packages whatever writes them: a first print, a
    reprint, a voided number, a parcel moved to another order, a parcel deleted; the printed filters read it."""
    from app.persistence.rows import PackageRow, ShopRow

    ws = open_workspace(tmp_path / "data")
    try:
        now = datetime(2026, 6, 18, tzinfo=UTC)
        with ws.session_factory.begin() as s:
            shop = ShopRow(name="店", platform="taobao", created_at=now)
            s.add(shop)
            s.flush()
            for no in ("81001", "81002"):
                s.add(OrderRow(
                    shop_id=shop.id, order_no=no, platform="taobao", status="awaiting_shipment", buyer_nick=no,
                    total=Decimal("10"), post_fee=Decimal("0"), paid_at=now, deadline=now, modified_at=now,
                ))  # fmt: skip
        with ws.session_factory() as s:
            ids = dict(s.connection().exec_driver_sql("SELECT order_no, id FROM orders").all())

        def states() -> dict[str, int]:
            with ws.session_factory() as s:
                return dict(s.connection().exec_driver_sql("SELECT order_no, print_state FROM orders").all())

        def shown(printed: str) -> list[str]:
            return _page(ws, printed=printed)

        def parcel(**values: Any) -> None:
            with ws.session_factory.begin() as s:
                row = s.get(PackageRow, 1)
                if row is None:
                    s.add(PackageRow(id=1, order_id=ids["81001"], carrier="ZTO", tracking_no="ZT1", created_at=now,
                                     **values))  # fmt: skip
                    return
                for key, value in values.items():
                    setattr(row, key, value)

        parcel(state="issued", print_count=0)  # a number taken, not printed yet
        assert states() == {"81001": 0, "81002": 0} and shown("yes") == [] and shown("no") == ["81001", "81002"]
        parcel(state="printed", print_count=1)
        assert states()["81001"] == 1 and shown("yes") == ["81001"] and shown("reprinted") == []
        parcel(print_count=3)
        assert states()["81001"] == 2 and shown("reprinted") == ["81001"] and shown("yes") == ["81001"]
        parcel(order_id=ids["81002"])  # the parcel moves: both orders follow
        assert states() == {"81001": 0, "81002": 2} and shown("reprinted") == ["81002"]
        parcel(state="void")  # a cancelled number prints nothing
        assert states() == {"81001": 0, "81002": 0} and shown("yes") == []
        parcel(state="printed")
        assert states()["81002"] == 2
        with ws.session_factory.begin() as s:
            s.delete(s.get(PackageRow, 1))
        assert states() == {"81001": 0, "81002": 0} and shown("reprinted") == []
    finally:
        ws.close()


def test_common_matches_are_checked_per_order_with_the_same_result(
    ws: Workspace, every: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the drive limit a filter on another table is asked per order (EXISTS) instead of by ids, and a text
    search walks the sort's index checking each order against its matches."""
    from app.persistence import order_query

    monkeypatch.setattr(OrderQuery, "_drive_limit", lambda _self: 5)
    monkeypatch.setattr(order_query, "_plans", {})  # the plan choices of this test only
    for typed, keep in CASES:
        assert _page(ws, **typed) == _expect(every, keep), typed
    sku = sorted(every[10]["skus"])[0]
    assert _page(ws, search=sku) == _expect(every, lambda o: sku in o["skus"])
    assert _page(ws, search="保温杯") == _expect(every, lambda o: "保温杯" in o["text"])
    assert "SCAN o USING INDEX ix_orders_deadline" in _plan(ws, search="保温杯 42号")
    both = _expect(every, lambda o: "保温杯" in o["text"] and "42号" in o["text"])
    assert _page(ws, search="保温杯 42号") == both and _page(ws, limit=7, search="保温杯 42号") == both[:7]
    f = order_filter(ws.session_factory, search="保温杯 42号")
    assert count_orders(ws.session_factory, f, now=NOW) == len(both)  # a count is driven by the matches
    tail = every[10]["receiver_phone"][-4:]
    assert _page(ws, search=tail) == _expect(every, lambda o: o["receiver_phone"].endswith(tail))


def _plan(ws: Workspace, sort: str | None = None, **typed: Any) -> str:
    f = order_filter(ws.session_factory, **typed)
    with ws.session_factory() as s:
        conn = s.connection()
        text, params = OrderQuery(conn).page_sql(f, parse_sort(sort), NOW)
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {text} LIMIT 200", tuple(params)).all()
    return " | ".join(r[3] for r in rows)


def test_the_hot_queries_use_their_indexes(ws: Workspace, every: list[dict[str, Any]]) -> None:
    """EXPLAIN QUERY PLAN of the first pages: an index walk in sort order (no sort of every order), index look-ups
    for codes, the text index for text."""
    walk = {
        "ix_orders_status_deadline": {"status": "awaiting_shipment"},
        "ix_orders_deadline": {},
        "ix_orders_flag_deadline": {"flag": "red"},
        "ix_orders_memo_deadline": {"has_memo": True},
    }
    for index, typed in walk.items():
        plan = _plan(ws, **typed)
        assert f"USING INDEX {index}" in plan and "TEMP B-TREE" not in plan, (typed, plan)
    # another sort walks its own index, the filters checked on the way (not a sort of all waiting orders)
    plan = _plan(ws, sort="paid", status="awaiting_shipment", platform="taobao")
    assert "USING INDEX ix_orders_paid_at" in plan and "TEMP B-TREE" not in plan, plan
    # with a memo, by paid time: only the orders with a memo are walked, in paid order (0024_note_paid_indexes)
    plan = _plan(ws, sort="paid", status="awaiting_shipment", platform="taobao", has_memo=True)
    assert "USING INDEX ix_orders_memo_paid" in plan and "TEMP B-TREE" not in plan, plan
    plan = _plan(ws, sort="-paid", has_message=True)
    assert "USING INDEX ix_orders_message_paid" in plan and "TEMP B-TREE" not in plan, plan
    assert "ix_orders_units" in _plan(ws, sort="-items")
    # a code is looked up by its indexes; the few orders it names are sorted, not probed along the deadline index
    plan = _plan(ws, search=every[5]["order_no"])
    assert "ix_orders_order_no" in plan and "ix_order_lines_sku" in plan and "SCAN o " not in plan + " ", plan
    plan = _plan(ws, search="保温杯")
    assert "VIRTUAL TABLE" in plan and "SEARCH o USING INTEGER PRIMARY KEY" in plan, plan
    # reprinted walks the print state's index in ship-by order; neither printed filter asks packages (0029)
    plan = _plan(ws, printed="reprinted")
    assert "USING INDEX ix_orders_print_state_deadline" in plan and "TEMP B-TREE" not in plan, plan
    assert "packages" not in _plan(ws, printed="yes") + plan


def test_a_list_page_builds_an_order_only_when_it_is_shown(ws: Workspace) -> None:
    from app.services.orders import list_page

    f = order_filter(ws.session_factory, status="awaiting_shipment")
    page = list_page(ws.session_factory, f, limit=50, now=NOW)
    whole = list_orders(ws.session_factory, filters=f, limit=50, now=NOW, barcodes=False)
    assert len(page) == 50 and [page.order_no(i) for i in range(50)] == [o.order_no for o in whole]
    assert page._built.count(None) == 50  # numbers read, nothing built yet
    assert page[3] == whole[3] and page[3] is page[3]  # built once, equal to the eager list's
    assert page._built.count(None) == 49
    assert list(page) == whole


def test_a_list_page_reads_one_snapshot_while_the_bench_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list reads a page's orders, then their lines, parcels and merge marks: a write committed in between (the
    bench shipping an order, a sync changing a line) is seen by all of them or none, never half."""
    from app.services.orders import OrderFilter, list_page

    build_orders_file(tmp_path / "packdesk.db", 50, seed=3)
    ws = open_workspace(tmp_path)
    try:
        first = list_page(ws.session_factory, OrderFilter(), limit=1, now=NOW)[0]
        read_lines = OrderQuery.lazy

        def write_between(self: OrderQuery, rows: Any, shops: Any = None) -> Any:
            other = sqlite3.connect(tmp_path / "packdesk.db")
            with other:  # committed by another connection after the page's orders were read
                other.execute("UPDATE order_lines SET title = 'changed meanwhile' WHERE order_id = ?", (rows[0][0],))
            other.close()
            return read_lines(self, rows, shops)

        monkeypatch.setattr(OrderQuery, "lazy", write_between)
        (again,) = list_page(ws.session_factory, OrderFilter(), limit=1, now=NOW)
        assert again.order_no == first.order_no
        assert [ln.title for ln in again.lines] == [ln.title for ln in first.lines]  # the page's own snapshot
        monkeypatch.undo()
        (after,) = list_page(ws.session_factory, OrderFilter(), limit=1, now=NOW)
        assert {ln.title for ln in after.lines} == {"changed meanwhile"}  # the next page sees the write
    finally:
        ws.close()
