"""The unshipped-order workspace at a million orders: each filter's first page beside the best hand-written SQL.

A migrated SQLite file with PACKDESK_BENCH_WORKSPACE_ORDERS orders (default 1,000,000; about 2.4 lines each, five
shops on four platforms, a third shipped with a parcel, some printed twice, messages, memos, flags) is built once
with raw sqlite3 `executemany` (the triggers are set aside meanwhile and the text index filled in one statement
after, as the migration does) and kept under PACKDESK_BENCH_DIR (default: the user cache folder) for the next run.
For each filter and a combined one, the list's first page as the window asks for it (`list_page`: 200 orders read
with their lines and live parcels, the 30 a screen shows built into domain orders; no barcodes: the list shows none)
is timed PACKDESK_BENCH_REPEAT_WS times; its p95 is printed beside the p95 of the best hand-written SQL for the same
question (the page's rows, lines and parcels as tuples), run on the same file in the same run, the two timed in
turn (ours, hand, ours, ...) so that a burst of noise on the machine falls on both alike; for the first
question, also the whole page built into domain orders (`list_orders`, what `packdesk orders` does).
Goal: p95 <= 20 ms and within 1.5x of hand-written SQL.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure, percentile

ORDERS = int(os.environ.get("PACKDESK_BENCH_WORKSPACE_ORDERS", "1000000"))
STREAM = int(os.environ.get("PACKDESK_BENCH_WORKSPACE_STREAM", "100000"))  # orders `orders --json` writes
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT_WS", "40"))
PAGE = 200
NOW = datetime(2026, 6, 18, 12, 0, tzinfo=UTC)  # the file's clock: paid times fall in the 30 days before

SHOPS = [
    ("小鹿生活馆", "taobao"),
    ("鹿家天猫店", "tmall"),
    ("拼多多百货", "pdd"),
    ("京东自营店", "jd"),
    ("小鹿二店", "taobao"),
]
CARRIERS = ["ZTO", "YTO", "STO", "YUNDA", "SF", "EMS"]
PROVINCES = ["浙江省", "江苏省", "广东省", "上海市", "北京市", "四川省", "湖北省", "山东省", "河南省", "福建省"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GOODS = ["陶瓷马克杯", "记忆棉抱枕", "纯棉圆领短袖T恤", "不锈钢保温杯", "北欧风台灯", "加厚浴巾", "收纳盒", "无线鼠标",
         "手机支架", "帆布托特包", "硅胶锅铲", "香薰蜡烛"]  # fmt: skip
SPECS = ["颜色:米白", "颜色:藏青", "尺码:L", "款式:云朵", "容量:500ml", "颜色:灰"]
STATUSES = [("awaiting_shipment", 55), ("partly_shipped", 3), ("out_of_stock", 3), ("on_hold", 2), ("shipped", 30),
            ("closed", 7)]  # fmt: skip
SKUS = 3000


def bench_dir() -> Path:
    configured = os.environ.get("PACKDESK_BENCH_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("packdesk")) / "bench"


def _t(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def fresh_database(path: Path) -> None:
    """A new, migrated and empty PackDesk database at `path` (one there before is replaced)."""
    from app.persistence.db import make_engine, sqlite_url, upgrade

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    engine = make_engine(sqlite_url(path))
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def build_orders_file(path: Path, orders: int, seed: int = 7) -> None:
    """A migrated PackDesk database at `path` with `orders` generated orders (replaced if it exists)."""
    fresh_database(path)
    rnd = random.Random(seed)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:  # bulk rows first, then the text index and the units in one pass each
            conn.execute(f"DROP TRIGGER {name}")
        created = _t(NOW - timedelta(days=400))
        conn.executemany(
            "INSERT INTO shops (id, name, platform, created_at) VALUES (?, ?, ?, ?)",
            [(i + 1, name, platform, created) for i, (name, platform) in enumerate(SHOPS)],
        )
        statuses = [s for s, weight in STATUSES for _ in range(weight)]
        order_rows, line_rows, package_rows = [], [], []
        line_id = package_id = 0
        for oid in range(1, orders + 1):
            shop = rnd.randrange(len(SHOPS))
            status = rnd.choice(statuses)
            paid = NOW - timedelta(seconds=rnd.randrange(30 * 86400))
            n_lines = rnd.choice((1, 1, 1, 2, 2, 3, 3, 4, 5))
            units = 0
            for k in range(n_lines):
                sku = rnd.randrange(SKUS)
                qty = rnd.choice((1, 1, 1, 2, 3))
                units += qty
                line_id += 1
                line_rows.append(
                    (line_id, oid, f"{oid}{k:03d}", f"SKU-{sku:05d}", GOODS[sku % len(GOODS)] + f" {sku % 97}号",
                     SPECS[sku % len(SPECS)], qty, 1990 + sku % 50 * 100, "none",
                     1 if status == "shipped" else 0)
                )  # fmt: skip
            nick = (
                rnd.choice(("tb", "jd_", "pdd", "")) + f"{rnd.randrange(10**8):08d}"
                if rnd.random() < 0.7
                else (rnd.choice(SURNAMES) + rnd.choice(("小", "大", "阿")) + rnd.choice(GOODS)[:2] + str(oid % 1000))
            )
            message = rnd.choice(("请尽快发货", "不要放快递柜", "送人的，别放发票")) if rnd.random() < 0.15 else ""
            memo = rnd.choice(("已与买家确认改为白色", "加急", "⚠ 上次投诉包装破损")) if rnd.random() < 0.1 else ""
            flag = rnd.randrange(1, 6) if rnd.random() < 0.1 else 0
            order_rows.append(
                (oid, shop + 1, f"{4_900_000_000_000_000_000 + oid * 7919:019d}", SHOPS[shop][1], status, nick,
                 rnd.choice(SURNAMES) + "**", f"1{rnd.randrange(30, 99)}****{rnd.randrange(10000):04d}",
                 rnd.choice(PROVINCES), "某市", "某区", "", "某路1号", message, memo, flag,
                 rnd.randrange(990, 99_900), 0, _t(paid), _t(paid + timedelta(hours=48)), _t(paid), units, 0)
            )  # fmt: skip
            if status == "shipped" or (status == "awaiting_shipment" and rnd.random() < 0.2):
                package_id += 1
                carrier = rnd.choice(CARRIERS)
                printed = 2 if rnd.random() < 0.05 else 1
                order_rows[-1] = (*order_rows[-1][:-1], printed)  # print_state, as the packages triggers keep it
                package_rows.append(
                    (package_id, oid, carrier, f"{carrier}{oid:013d}", "shipped" if status == "shipped" else "printed",
                     printed, "{}", _t(paid))
                )  # fmt: skip
            if len(order_rows) >= 50_000 or oid == orders:
                _flush(conn, order_rows, line_rows, package_rows)
                order_rows, line_rows, package_rows = [], [], []
        conn.execute(
            "INSERT INTO orders_fts (rowid, buyer_nick, receiver_name, receiver_phone, titles, notes) "
            "SELECT o.id, o.buyer_nick, o.receiver_name, o.receiver_phone, "
            "(SELECT group_concat(title || ' ' || spec, ' ') FROM order_lines WHERE order_id = o.id), "
            "o.buyer_message || ' ' || o.seller_memo FROM orders o"
        )
        for _name, sql in triggers:
            conn.execute(sql)
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()


def _flush(conn: sqlite3.Connection, orders: list, lines: list, packages: list) -> None:  # type: ignore[type-arg]
    conn.executemany(
        "INSERT INTO orders (id, shop_id, order_no, platform, status, buyer_nick, receiver_name, receiver_phone, "
        "receiver_province, receiver_city, receiver_district, receiver_town, receiver_address, buyer_message, "
        "seller_memo, flag, total, post_fee, paid_at, deadline, modified_at, units, print_state, platform_status, "
        "content_hash, oaid, stock_override) VALUES (" + ", ".join("?" * 23) + ", '', '', '', 0)",
        orders,
    )
    conn.executemany(
        "INSERT INTO order_lines (id, order_id, line_no, sku, title, spec, qty, price, refund_status, shipped, "
        "image_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        lines,
    )
    conn.executemany(
        "INSERT INTO packages (id, order_id, carrier, tracking_no, state, print_count, routing, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        packages,
    )
    conn.commit()


def orders_file(orders: int = ORDERS) -> Path:
    """The cached bench file of `orders` orders at the current schema, built when missing."""
    from app.persistence.db import head_revision

    path = bench_dir() / f"workspace-{orders}-{head_revision()}.db"
    if not path.exists():
        partial = path.with_name(path.name + ".building")
        build_orders_file(partial, orders)
        partial.replace(path)
    return path


@dataclass(frozen=True)
class Case:
    name: str
    filters: dict[str, object]  # order_filter(...) keywords
    sort: str | None
    sql: str  # the best hand-written SQL for the same first page (its params below)
    params: tuple[object, ...] = ()


_COLS = (
    "o.id, o.order_no, o.shop_id, o.platform, o.status, o.buyer_nick, o.receiver_name, o.receiver_phone, "
    "o.receiver_province, o.receiver_city, o.receiver_district, o.receiver_town, o.receiver_address, "
    "o.buyer_message, o.seller_memo, o.flag, o.total, o.paid_at, o.deadline, o.oaid, o.units"
)


def _hand_page(raw: sqlite3.Connection, case: Case) -> list[tuple[object, ...]]:
    """The page as a person would fetch it by hand: its order rows, then its lines and live parcels (tuples), and
    the other waiting orders of its buyers (the list marks the orders that could merge)."""
    rows = raw.execute(case.sql, case.params).fetchall()
    ids = [r[0] for r in rows]
    marks = ", ".join("?" * len(ids))
    raw.execute(f"SELECT * FROM order_lines WHERE order_id IN ({marks}) ORDER BY id", ids).fetchall()
    raw.execute(f"SELECT * FROM packages WHERE order_id IN ({marks}) AND state <> 'void' ORDER BY id", ids).fetchall()
    _hand_buyers(raw, sorted({str(r[5]) for r in rows}))
    return rows


def cases(conn: sqlite3.Connection) -> list[Case]:
    """The questions, each with the hand-written SQL a person who knows the schema would write for it."""
    now, soon = _t(NOW), _t(NOW + timedelta(hours=6))
    row = conn.execute("SELECT order_no, buyer_nick, receiver_phone FROM orders WHERE id = ?", (ORDERS // 2 or 1,))
    order_no, nick, phone = row.fetchone()
    tracking = conn.execute("SELECT tracking_no FROM packages ORDER BY id DESC LIMIT 1").fetchone()[0]
    sku = conn.execute("SELECT sku FROM order_lines WHERE id = 7").fetchone()[0]
    lim = f"LIMIT {PAGE}"
    open3 = "'awaiting_shipment', 'partly_shipped', 'out_of_stock'"
    live = "p.state <> 'void'"
    return [
        Case("status awaiting, by ship-by", {"status": "awaiting_shipment"}, None,
             f"SELECT {_COLS} FROM orders o WHERE status = 'awaiting_shipment' ORDER BY deadline, id {lim}"),
        Case("all statuses, by ship-by", {}, None, f"SELECT {_COLS} FROM orders o ORDER BY deadline, id {lim}"),
        Case("shop", {"shop": SHOPS[2][0]}, None,
             f"SELECT {_COLS} FROM orders o WHERE shop_id = 3 ORDER BY deadline, id {lim}"),
        Case("platform", {"platform": "jd"}, None,
             f"SELECT {_COLS} FROM orders o WHERE platform = 'jd' ORDER BY deadline, id {lim}"),
        Case("flag red", {"flag": "red"}, None,
             f"SELECT {_COLS} FROM orders o WHERE flag = 1 ORDER BY deadline, id {lim}"),
        Case("not printed", {"printed": "no"}, None,
             f"SELECT {_COLS} FROM orders o WHERE NOT EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id "
             f"AND {live} AND p.print_count > 0) ORDER BY deadline, id {lim}"),
        Case("printed", {"printed": "yes"}, None,
             f"SELECT {_COLS} FROM orders o WHERE print_state IN (1, 2) ORDER BY deadline, id {lim}"),
        Case("reprinted", {"printed": "reprinted"}, None,
             f"SELECT {_COLS} FROM orders o WHERE print_state = 2 ORDER BY deadline, id {lim}"),
        Case("has buyer message", {"has_message": True}, None,
             f"SELECT {_COLS} FROM orders o WHERE buyer_message <> '' ORDER BY deadline, id {lim}"),
        Case("has seller memo", {"has_memo": True}, None,
             f"SELECT {_COLS} FROM orders o WHERE seller_memo <> '' ORDER BY deadline, id {lim}"),
        Case("paid in one day", {"paid_from": NOW - timedelta(days=3), "paid_to": NOW - timedelta(days=2)}, "paid",
             f"SELECT {_COLS} FROM orders o WHERE paid_at >= ? AND paid_at < ? ORDER BY paid_at, id {lim}",
             (_t(NOW - timedelta(days=3)), _t(NOW - timedelta(days=2)))),
        Case("due within 6 h", {"due_within_hours": 6}, None,
             f"SELECT {_COLS} FROM orders o WHERE status IN ({open3}) AND deadline >= ? AND deadline < ? "
             f"ORDER BY deadline, id {lim}", (now, soon)),
        Case("overdue", {"overdue": True}, None,
             f"SELECT {_COLS} FROM orders o WHERE status IN ({open3}) AND deadline < ? ORDER BY deadline, id {lim}",
             (now,)),
        Case("carrier SF", {"carrier": "SF"}, None,
             f"SELECT {_COLS} FROM orders o WHERE EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id "
             f"AND p.carrier = 'SF' AND {live}) ORDER BY deadline, id {lim}"),
        Case("search order no.", {"search": order_no}, None,
             f"SELECT {_COLS} FROM orders o WHERE order_no = ? ORDER BY deadline, id {lim}", (order_no,)),
        Case("search tracking no.", {"search": tracking}, None,
             f"SELECT {_COLS} FROM orders o WHERE id IN (SELECT order_id FROM packages WHERE tracking_no = ?) "
             f"ORDER BY deadline, id {lim}", (tracking,)),
        Case("search SKU", {"search": sku}, None,
             f"SELECT {_COLS} FROM orders o WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id "
             f"AND l.sku = ?) ORDER BY deadline, id {lim}", (sku,)),
        Case("search buyer nick", {"search": nick}, None,
             f"SELECT {_COLS} FROM orders o WHERE id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?) "
             f"ORDER BY deadline, id {lim}", ('"' + nick + '"',)),
        Case("search title text", {"search": "保温杯 42号"}, None,
             f"SELECT {_COLS} FROM orders o WHERE id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?) "
             f"ORDER BY deadline, id {lim}", ('"保温杯" AND "42号"',)),
        Case("search phone tail", {"search": phone[-4:]}, None,
             f"SELECT {_COLS} FROM orders o WHERE id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?) "
             f"AND receiver_phone LIKE ? ORDER BY deadline, id {lim}",
             (f'receiver_phone : "{phone[-4:]}"', "%" + phone[-4:])),
        Case("sort by amount, high first", {"status": "awaiting_shipment"}, "-amount",
             f"SELECT {_COLS} FROM orders o WHERE status = 'awaiting_shipment' ORDER BY total DESC, id DESC {lim}"),
        Case("sort by items", {}, "-items", f"SELECT {_COLS} FROM orders o ORDER BY units DESC, id DESC {lim}"),
        Case("sort by province", {"status": "awaiting_shipment"}, "province",
             f"SELECT {_COLS} FROM orders o WHERE status = 'awaiting_shipment' ORDER BY receiver_province, id {lim}"),
        Case("combined: awaiting, taobao, not printed, memo, by paid", {"status": "awaiting_shipment",
             "platform": "taobao", "printed": "no", "has_memo": True}, "paid",
             f"SELECT {_COLS} FROM orders o WHERE seller_memo <> '' AND status = 'awaiting_shipment' AND "
             f"platform = 'taobao' AND NOT EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND {live} AND "
             f"p.print_count > 0) ORDER BY paid_at, id {lim}"),
    ]  # fmt: skip


SCREEN = 30  # rows a list shows at once


def _list_page(factory: object, f: object, sort: object) -> None:
    """What the workspace list does for a first page: read the page, build the rows the screen shows."""
    from app.services.orders import list_page

    page = list_page(factory, f, sort=sort, limit=PAGE, now=NOW)  # type: ignore[arg-type]
    for i in range(min(SCREEN, len(page))):
        page[i]


def _whole_page(factory: object, f: object, sort: object) -> None:
    from app.services.orders import list_orders

    list_orders(factory, filters=f, sort=sort, limit=PAGE, now=NOW, barcodes=False)  # type: ignore[arg-type]


def _merge_marks(factory: object, rows: list[tuple[object, ...]]) -> None:
    """The merge marks of one page (app.persistence.merges.MergeMarks: parcel key, merged group, the orders each
    could merge with) from the page's rows, as list_page reads them for every page."""
    from app.persistence.merges import MergeRepository

    with factory() as session:  # type: ignore[operator]
        MergeRepository(session).marks_of_rows(rows)


def _hand_marks(raw: sqlite3.Connection, page: list[tuple[str, str]]) -> None:
    """The same question by hand: the page's buyers' other waiting orders with their receivers, by the index."""
    nos = [no for _shop, no in page]
    marks = ", ".join("?" * len(nos))
    nicks = [r[0] for r in raw.execute(f"SELECT buyer_nick FROM orders WHERE order_no IN ({marks})", nos)]
    _hand_buyers(raw, nicks)


def _hand_buyers(raw: sqlite3.Connection, nicks: list[str]) -> None:
    """The waiting orders of these buyers with their receivers (what a merge suggestion compares), by the index."""
    raw.execute(
        "SELECT id, order_no, shop_id, receiver_name, receiver_phone, receiver_province, receiver_city, "
        "receiver_district, receiver_town, receiver_address, oaid FROM orders "
        f"WHERE buyer_nick IN ({', '.join('?' * len(nicks))}) AND status IN ('awaiting_shipment', 'out_of_stock')",
        nicks,
    ).fetchall()


def _p95(fn: Callable[[], object], repeat: int) -> float:
    return _p95_pair(fn, None, repeat)[0]


def _p95_pair(ours: Callable[[], object], hand: Callable[[], object] | None, repeat: int) -> tuple[float, float]:
    """The p95 of `ours` and of `hand` (in ms), timed in turn: each once to warm up, then ours, hand, ours, ..."""
    fns = [ours] if hand is None else [ours, hand]
    samples: list[list[float]] = [[] for _ in fns]
    for fn in fns:
        fn()
    for _ in range(repeat):
        for fn, taken in zip(fns, samples, strict=True):
            start = time.perf_counter()
            fn()
            taken.append((time.perf_counter() - start) * 1000)
    p95s = [percentile(taken, 95) for taken in samples]
    return p95s[0], p95s[-1]


def run(orders: int = ORDERS, repeat: int = REPEAT) -> list[Figure]:
    from app.persistence.db import make_engine, make_session_factory, sqlite_url
    from app.services.orders import order_filter, parse_sort

    started = time.perf_counter()
    path = orders_file(orders)
    built_s = time.perf_counter() - started
    engine = make_engine(sqlite_url(path))
    factory = make_session_factory(engine)
    raw = sqlite3.connect(path)
    figures = [Figure(f"workspace file of {orders:,} orders (built or found)", built_s, "s")]
    try:
        questions = cases(raw)
        first = questions[0]
        for case in questions:
            f = order_filter(factory, **case.filters)  # type: ignore[arg-type]
            sort = parse_sort(case.sort)
            ours, hand = _p95_pair(lambda: _list_page(factory, f, sort), lambda: _hand_page(raw, case), repeat)  # noqa: B023
            figures.append(
                Figure(f"first page p95: {case.name}", ours, "ms", "hand-written SQL p95", hand, "<= 20 ms, <= 1.5x")
            )
            if case is first:  # the merge marks alone (a part of every page above), beside the hand-written look-up
                from app.services.orders import list_page

                page = list_page(factory, f, sort=sort, limit=PAGE, now=NOW)
                keys = [(page.shop(i), page.order_no(i)) for i in range(len(page))]  # type: ignore[attr-defined]
                rows = page.merge_rows()  # type: ignore[attr-defined]
                marks, hand_marks = _p95_pair(
                    lambda: _merge_marks(factory, rows),  # noqa: B023
                    lambda: _hand_marks(raw, keys),  # noqa: B023
                    repeat,
                )
                figures.append(
                    Figure(f"merge marks of a page p95: {case.name}", marks, "ms", "hand-written SQL p95", hand_marks)
                )
            if case is first:  # every order of the page built, as `orders` and list_orders do
                whole = _p95(lambda: _whole_page(factory, f, sort), repeat)  # noqa: B023
                figures.append(
                    Figure(f"page of {PAGE} domain orders p95: {case.name}", whole, "ms", "hand-written SQL p95", hand)
                )
        figures += _stream_figures(path, min(STREAM, orders), raw)
        figures += _window_figures(path)
    finally:
        raw.close()
        engine.dispose()
    return figures


def _window_figures(path: Path) -> list[Figure]:
    """The window over the file (bench.workspace_window, its own process): opening the list, jumping to its end,
    and the memory it holds then beside the window before the list was shown."""
    import json
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        (data / "packdesk.db").symlink_to(path)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        out = subprocess.run(
            [sys.executable, "-m", "bench.workspace_window", str(data)],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
    m = json.loads(out.stdout.strip().splitlines()[-1])
    rows = int(m["rows"])
    return [
        Figure(f"window: the list of {rows:,} orders, first page and count", m["first_page_s"], "s"),
        Figure("window: jump to the last row, its page read", m["last_page_s"], "s"),
        Figure(
            f"window memory after the end and 50 jumps ({m['pages_held']} pages held)",
            m["rss_end_mb"],
            "MB",
            "window before the list was shown",
            m["rss_before_mb"],
        ),  # fmt: skip
    ]


def _stream_figures(path: Path, n: int, raw: sqlite3.Connection) -> list[Figure]:
    """`packdesk orders --json --limit n` in a subprocess (wall time and peak memory) beside raw sqlite3 reading the
    same orders with their lines and writing them as JSON lines (no domain objects, no barcodes)."""
    import json
    import resource
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        (data / "packdesk.db").symlink_to(path)
        start = time.perf_counter()
        with open(os.devnull, "w") as sink:
            subprocess.run(
                [sys.executable, "-m", "ui.launcher", "--data-dir", str(data), "orders", "--json", "--limit", str(n)],
                stdout=sink,
                check=True,
            )
        ours = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        rows = raw.execute(f"SELECT {_COLS} FROM orders o ORDER BY deadline, id LIMIT ?", (n,))
        while chunk := rows.fetchmany(500):
            ids = [r[0] for r in chunk]
            marks = ", ".join("?" * len(ids))
            lines: dict[int, list[tuple[object, ...]]] = {}
            for line in raw.execute(f"SELECT * FROM order_lines WHERE order_id IN ({marks}) ORDER BY id", ids):
                lines.setdefault(line[1], []).append(line)
            for r in chunk:
                sink.write(json.dumps([*r, lines.get(r[0], [])], ensure_ascii=False) + "\n")
    hand = time.perf_counter() - start
    return [
        Figure(f"orders --json, {n:,} orders (streamed)", ours, "s", "raw sqlite3 + json.dumps", hand),
        Figure(f"orders --json, {n:,} orders: peak memory", peak_mb, "MB"),
    ]
