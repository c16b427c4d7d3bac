"""Seller-centre imports (app.sync.imports) on realistic exports from tests/pdtest/exports.py, into a real SQLite cache.

Every file carries the quirks of platforms.md §2 at known rows; the tests check the exact counts, that each rejected
row is named with its Excel row number and reason, the orders in the cache field by field, that a second import
changes nothing, and `packdesk import` end to end in a subprocess.
"""

from __future__ import annotations

import codecs
import itertools
import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdtest.exports import (
    ANCHOR,
    NASTY_CELLS,
    PDD_HEADER,
    TAOBAO_ORDER_HEADER,
    CellEdit,
    ExportSet,
    Order,
    edit_cells,
    write_jd,
    write_pdd,
    write_taobao,
)
from sqlalchemy import func, select

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.orders import Order as CachedOrder
from app.persistence.rows import OrderLineRow, OrderRow, ShopRow
from app.services.orders import list_orders
from app.services.workspace import Workspace
from app.sync.imports import (
    ImportReport,
    clean_cell,
    decode,
    import_files,
    map_refund,
    map_status,
    parse_amount,
    parse_order_no,
    parse_quantity,
    parse_time,
    split_address,
)

SHOP = "小鹿生活馆"
NOW = ANCHOR + timedelta(minutes=5)


def run_import(ws: Workspace, files: list[Path], shop: str = SHOP, **kwargs: Any) -> ImportReport:
    with ws.session_factory.begin() as session:
        return import_files(session, files, shop, NOW, **kwargs)


def cached(ws: Workspace) -> dict[str, CachedOrder]:
    return {o.order_no: o for o in list_orders(ws.session_factory, limit=100_000)}


def order_count(ws: Workspace) -> int:
    with ws.session_factory() as session:
        return session.execute(select(func.count()).select_from(OrderRow)).scalar_one()


def as_seen(order: CachedOrder) -> dict[str, Any]:
    """The fields an import sets, as the cache gives them back."""
    r = order.receiver
    return {
        "status": order.status.value,
        "total": order.total,
        "paid_at": order.paid_at,
        "deadline": order.deadline,
        "buyer_nick": order.buyer_nick,
        "receiver": (r.name, r.phone, r.address.province, r.address.city, r.address.district, r.address.detail),
        "message": order.buyer_message,
        "memo": order.memo,
        "flag": int(order.flag),
        "lines": [(ln.line_no, ln.sku, ln.title, ln.qty, ln.price, ln.spec, ln.refund.value) for ln in order.lines],
    }


def as_expected(order: Order) -> dict[str, Any]:
    return {
        "status": order.status,
        "total": order.total,
        "paid_at": order.paid_at,
        "deadline": order.deadline,
        "buyer_nick": order.buyer_nick,
        "receiver": (order.name, order.phone, order.province, order.city, order.district, order.detail),
        "message": order.message,
        "memo": order.memo,
        "flag": order.flag,
        "lines": [(ln.line_no, ln.sku, ln.title, ln.qty, ln.price, ln.spec, ln.refund) for ln in order.lines],
    }


def check_report(report: ImportReport, export: ExportSet, *, inserted: int, updated: int, unchanged: int) -> None:
    """Exact per-file counts, and exactly the expected rows rejected, each with its reason."""
    assert not report.errors, [f.error for f in report.errors]
    assert [Path(f.file).name for f in report.files] == [p.name for p in export.files]
    for f in report.files:
        name = Path(f.file).name
        assert f.format == export.formats[name]
        assert f.rows == export.rows[name], name
        assert f.skipped == export.skipped[name], name
    got = {(Path(r.file).name, r.row): r.reason for r in report.rejected}
    want = {(r.file, r.row): r.keyword for r in export.rejected}
    assert sorted(got) == sorted(want), f"rejected rows differ:\n got {sorted(got)}\nwant {sorted(want)}"
    for key, keyword in want.items():
        assert keyword in got[key], f"{key}: reason {got[key]!r} lacks {keyword!r}"
    assert (report.total("inserted"), report.total("updated"), report.total("unchanged")) == (
        inserted,
        updated,
        unchanged,
    )


def check_cache(ws: Workspace, export: ExportSet) -> None:
    orders = cached(ws)
    assert sorted(orders) == sorted(export.orders)
    for order_no, want in export.orders.items():
        assert as_seen(orders[order_no]) == as_expected(want), order_no


# -- the generator writes what it claims ----------------------------------------------------------------------------


def test_taobao_files_are_gbk_and_utf8_bom(tmp_path: Path) -> None:
    gbk = write_taobao(tmp_path)
    bom = write_taobao(tmp_path, encoding="utf-8-sig", sub_orders=True)
    for path in gbk.files:
        data = path.read_bytes()
        assert not data.startswith(codecs.BOM_UTF8)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert data.decode("gbk").startswith("订单编号") or data.decode("gbk").startswith("子订单编号")
    for path in bom.files:
        assert path.read_bytes().startswith(codecs.BOM_UTF8)


# -- full imports ---------------------------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[Path], ExportSet]] = {
    "taobao-gbk-legacy": lambda d: write_taobao(d),
    "taobao-utf8bom-sub-orders": lambda d: write_taobao(d, encoding="utf-8-sig", sub_orders=True),
    "pdd-utf8": lambda d: write_pdd(d),
    "jd-gbk": lambda d: write_jd(d),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_import_counts_rejections_and_cache(workspace: Workspace, tmp_path: Path, kind: str) -> None:
    export = WRITERS[kind](tmp_path)
    assert len(export.orders) >= 10 and len(export.rejected) >= 4  # the generator's quirks are there

    report = run_import(workspace, export.files)

    check_report(report, export, inserted=len(export.orders), updated=0, unchanged=0)
    assert report.platform == export.platform
    check_cache(workspace, export)


@pytest.mark.parametrize("kind", list(WRITERS))
def test_second_import_changes_nothing(workspace: Workspace, tmp_path: Path, kind: str) -> None:
    export = WRITERS[kind](tmp_path)
    run_import(workspace, export.files)
    before = {no: as_seen(o) for no, o in cached(workspace).items()}

    again = run_import(workspace, export.files)

    check_report(again, export, inserted=0, updated=0, unchanged=len(export.orders))
    assert again.changes == []
    assert {no: as_seen(o) for no, o in cached(workspace).items()} == before


def test_taobao_quirks_in_the_cache(workspace: Workspace, tmp_path: Path) -> None:
    """A few of the injected cases, spelled out (the generic comparison above covers every field of every order)."""
    export = write_taobao(tmp_path)
    run_import(workspace, export.files)
    orders = cached(workspace)
    by_status: dict[str, int] = {}
    for o in orders.values():
        by_status[o.status.value] = by_status.get(o.status.value, 0) + 1
    assert by_status == {"awaiting_shipment": 13, "closed": 1, "shipped": 2}  # three more rows damaged
    shanghai = [o for o in orders.values() if o.receiver.address.province == "上海"]
    assert len(shanghai) == 1 and shanghai[0].receiver.address.city == "上海市"
    assert shanghai[0].receiver.address.district == "浦东新区"
    assert any(o.total == Decimal("1234.50") for o in orders.values())
    assert all("*" in o.receiver.name and "****" in o.receiver.phone for o in orders.values())
    refunded = [ln for o in orders.values() for ln in o.lines if ln.refund is RefundStatus.REFUNDED]
    assert len(refunded) == 1  # the closed sub-order of a live order
    assert any("\n" in o.buyer_message for o in orders.values())


def test_pdd_refunds_and_promised_ship_time(workspace: Workspace, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    run_import(workspace, export.files)
    orders = cached(workspace).values()
    refunds = sorted(ln.refund.value for o in orders for ln in o.lines if ln.refund is not RefundStatus.NONE)
    assert refunds == ["refunded", "requested"]
    early = [o for o in orders if o.deadline - o.paid_at == timedelta(hours=24)]
    assert len(early) == 1


def test_changed_export_updates_the_cache(workspace: Workspace, tmp_path: Path) -> None:
    """A later export in which the buyer asked for a refund: one order updated, reported as a refund."""
    export = write_pdd(tmp_path)
    run_import(workspace, export.files)
    path = export.files[0]
    target = next(o for o in export.orders.values() if o.status == "awaiting_shipment" and len(o.lines) == 1)
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    for n, line in enumerate(lines):
        if target.order_no in line:
            assert line.count("无售后或售后取消") == 1
            lines[n] = line.replace("无售后或售后取消", "退款中")
    path.write_bytes("\r\n".join(lines).encode("utf-8"))

    report = run_import(workspace, [path])

    assert (report.total("inserted"), report.total("updated")) == (0, 1)
    assert [(c.order_no, c.kind) for c in report.changes] == [(target.order_no, "refund")]
    assert cached(workspace)[target.order_no].lines[0].refund is RefundStatus.REQUESTED


def test_files_of_all_platforms_need_their_own_shops(workspace: Workspace, tmp_path: Path) -> None:
    pdd, jd = write_pdd(tmp_path), write_jd(tmp_path)
    report = run_import(workspace, [*pdd.files, *jd.files], shop="拼多多店")
    assert report.platform == "pdd"
    assert report.files[0].error is None and report.files[0].inserted == len(pdd.orders)
    assert report.files[1].error and "JD order export" in report.files[1].error and "pdd" in report.files[1].error
    assert order_count(workspace) == len(pdd.orders)


def test_tmall_shop_takes_taobao_reports(workspace: Workspace, tmp_path: Path) -> None:
    from app.domain.enums import Platform

    export = write_taobao(tmp_path)
    report = run_import(workspace, export.files, shop="天猫店", platform=Platform.TMALL)
    assert report.platform == "tmall" and report.total("inserted") == len(export.orders)


# -- refused files --------------------------------------------------------------------------------------------------


def test_unknown_and_unreadable_files_are_refused_and_change_nothing(workspace: Workspace, tmp_path: Path) -> None:
    unknown = tmp_path / "products.csv"
    unknown.write_text("商品名称,库存,条码\n杯子,3,6901234567892\n", encoding="utf-8")
    workbook = tmp_path / "ExportOrderList.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(200))
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x00, 0x81]) * 50)
    missing = tmp_path / "nowhere.csv"

    report = run_import(workspace, [unknown, workbook, binary, missing])

    errors = [f.error or "" for f in report.files]
    assert "not an export PackDesk knows" in errors[0] and "商品名称" in errors[0]
    assert "Excel workbook" in errors[1]
    assert "UTF-8 or GBK" in errors[2]
    assert "cannot be read" in errors[3]
    assert all(str(p) in e for p, e in zip([unknown, workbook, binary, missing], errors, strict=True))
    assert report.platform == "" and report.total("inserted") == 0
    with workspace.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ShopRow)).scalar_one() == 0
    assert order_count(workspace) == 0


def test_a_bad_file_does_not_stop_the_good_one(workspace: Workspace, tmp_path: Path) -> None:
    export = write_jd(tmp_path)
    bad = tmp_path / "notes.csv"
    bad.write_text("hello,world\n", encoding="utf-8")
    report = run_import(workspace, [bad, *export.files])
    assert [bool(f.error) for f in report.files] == [True, False]
    assert report.total("inserted") == len(export.orders) == order_count(workspace)


def test_a_taobao_report_alone_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    export = write_taobao(tmp_path)
    orders_only = run_import(workspace, export.files[:1])
    assert orders_only.files[0].error and "item report" in orders_only.files[0].error
    items_only = run_import(workspace, export.files[1:])
    assert items_only.files[0].error and "order report" in items_only.files[0].error
    assert order_count(workspace) == 0


def test_a_file_missing_a_needed_column_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "pdd.csv"
    header = [h for h in PDD_HEADER if h != "订单状态"]
    path.write_text(",".join(header) + "\n", encoding="utf-8")
    report = run_import(workspace, [path])
    assert report.files[0].format == "pdd"
    assert report.files[0].error and "订单状态" in report.files[0].error


def test_item_report_without_quantities(workspace: Workspace, tmp_path: Path) -> None:
    """The newest item export (子订单编号, 主订单编号, 商家编码, 外部系统编号, 商品标题 …) has no 购买数量: a one-line
    order takes the order report's 宝贝总数量; a several-line order cannot know its quantities."""
    single, multi = "5118609024991031607", "5118609024991031608"
    orders = tmp_path / "orders.csv"
    header = [
        h
        for h in TAOBAO_ORDER_HEADER
        if h.strip() in ("订单编号", "订单状态", "收货地址", "订单付款时间", "宝贝总数量")
    ]
    rows = [
        [f'="{single}"', "买家已付款，等待卖家发货", "江苏省 南京市 建邺区 沙洲街道****", "2026-05-31 10:00:00", "3"],
        [multi, "买家已付款,等待卖家发货", "江苏省 南京市 建邺区 沙洲街道****", "2026-05-31 10:00:00", "2"],
    ]
    _write_csv(orders, [header, *rows], "utf-8-sig")
    items = tmp_path / "ExportItemlList.csv"
    _write_csv(
        items,
        [
            ["子订单编号", "主订单编号", "商家编码", "外部系统编号", "商品标题", "物流单号", "物流公司"],
            [f"{single}1", single, "MUG-03", "", "陶瓷马克杯", "", ""],
            [f"{multi}1", multi, "TEE-01", "", "T恤", "", ""],
            [f"{multi}2", multi, "TEE-02", "", "T恤", "", ""],
        ],
        "gbk",
    )

    report = run_import(workspace, [orders, items])

    assert report.total("inserted") == 1
    assert [(Path(r.file).name, r.row) for r in report.rejected] == [
        ("orders.csv", 3),
        ("ExportItemlList.csv", 3),
        ("ExportItemlList.csv", 4),
    ]
    assert "购买数量" in report.rejected[1].reason
    (order,) = cached(workspace).values()
    assert order.order_no == single
    assert [(ln.line_no, ln.sku, ln.qty) for ln in order.lines] == [(f"{single}1", "MUG-03", 3)]


def _write_csv(path: Path, rows: list[list[str]], encoding: str) -> None:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


# -- cell parsers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ('="5118609024991031607"', "5118609024991031607"),
        ("\t5118609024991031607", "5118609024991031607"),
        ("'5118609024991031607", "5118609024991031607"),
        (" 240531-012345678901234 ", "240531-012345678901234"),
        ("234567890123.0", "234567890123"),
    ],
)
def test_order_numbers(cell: str, number: str) -> None:
    assert parse_order_no(cell) == number


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("5.11861E+18", "5.11861E+18 is in scientific notation: Excel destroyed its digits"),
        ("2.34568e+11", "scientific notation"),
        ("", "no order number"),
        ("TB-123", "'TB-123' is not a number"),
        ("5118609024991031607.5", "is not a number"),
    ],
)
def test_bad_order_numbers(cell: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace(".", r"\.").replace("+", r"\+")):
        parse_order_no(cell)


def test_amounts_quantities_and_times() -> None:
    assert parse_amount("¥1,234.50") == Decimal("1234.50")
    assert parse_amount("￥34") == Decimal("34.00")
    assert parse_amount("59.9元") == Decimal("59.90")
    assert parse_amount("") == Decimal("0.00")
    for bad in ("12..5", "abc", "NaN", "Infinity"):
        with pytest.raises(ValueError, match="not an amount"):
            parse_amount(bad)
    assert parse_quantity("2") == 2 and parse_quantity("3.0") == 3 and parse_quantity("\t1") == 1
    for bad in ("0", "-1", "1.5", "两", ""):
        with pytest.raises(ValueError):
            parse_quantity(bad)
    at = datetime(2026, 5, 31, 6, 16, 18, tzinfo=UTC)  # 14:16:18 China time
    assert parse_time("2026-05-31 14:16:18") == at
    assert parse_time("2026/5/31 14:16") == at.replace(second=0)
    assert parse_time("46173.5946527778") == at
    assert parse_time("2026-05-31 14:16:18").tzinfo is UTC
    for bad in ("2026-13-45 25:61:00", "明天", "5.11861E+18"):
        with pytest.raises(ValueError, match="not a date"):
            parse_time(bad)


def test_values_past_what_an_order_holds_are_refused() -> None:
    """1E+30 is a number but no amount (quantising it raised InvalidOperation and aborted the whole file), a
    20-digit quantity does not fit the cache (OverflowError at the insert), and a date that does not exist, or a
    year no order has, is a damaged cell (deadlines computed from year 9999 overflowed)."""
    for bad in ("1E+30", "-1E+30", "100000000"):
        with pytest.raises(ValueError, match="not an amount"):
            parse_amount(bad)
    assert parse_amount("99999999.99") == Decimal("99999999.99")
    with pytest.raises(ValueError, match="more than PackDesk takes for one line"):
        parse_quantity("99999999999999999999")
    assert parse_quantity("1000000") == 1_000_000
    with pytest.raises(ValueError, match="not a date that exists"):
        parse_time("2026-02-30 25:61:00")
    for year in ("9999-12-31 23:59:59", "0001-01-01 00:00:00", "1899-12-31"):
        with pytest.raises(ValueError, match="not a date of an order"):
            parse_time(year)


def test_statuses_and_refunds() -> None:
    assert map_status("买家已付款，等待卖家发货") is OrderStatus.AWAITING_SHIPMENT
    assert map_status("买家已付款,等待卖家发货") is OrderStatus.AWAITING_SHIPMENT
    assert map_status("卖家已发货，等待买家确认") is OrderStatus.SHIPPED
    assert map_status("交易成功") is OrderStatus.SHIPPED
    assert map_status("交易关闭") is OrderStatus.CLOSED
    assert map_status("等待买家付款") is None
    assert map_status("（删除）订单取消") is OrderStatus.CLOSED
    with pytest.raises(ValueError, match="unknown"):
        map_status("风控审核中")
    assert map_refund("") is RefundStatus.NONE
    assert map_refund("无售后或售后取消") is RefundStatus.NONE
    assert map_refund("退款中") is RefundStatus.REQUESTED
    assert map_refund("售后处理中") is RefundStatus.REQUESTED
    assert map_refund("退款成功") is RefundStatus.REFUNDED
    assert map_refund("5") is RefundStatus.REFUNDED
    assert map_refund("12") is RefundStatus.NONE
    assert map_refund("10") is RefundStatus.REQUESTED
    assert map_refund("99") is RefundStatus.REQUESTED  # unknown: never ship it unasked


def test_addresses() -> None:
    assert split_address("江苏省 南京市 建邺区 沙洲街道**** 3栋") == ("江苏省", "南京市", "建邺区", "沙洲街道**** 3栋")
    assert split_address("上海 上海市 宝山区 友谊路1号") == ("上海", "上海市", "宝山区", "友谊路1号")
    assert split_address("浙江省 杭州市 西湖区 文三路90号(310012)") == ("浙江省", "杭州市", "西湖区", "文三路90号")
    assert split_address("江苏省南京市建邺区沙洲街道1号") == ("江苏省", "南京市", "建邺区", "沙洲街道1号")
    assert split_address("北京朝阳区管庄路2号") == ("北京", "", "朝阳区", "管庄路2号")
    assert split_address("上海市上海市宝山区友谊路1号") == ("上海市", "上海市", "宝山区", "友谊路1号")
    assert split_address("某某大厦前台") == ("", "", "", "某某大厦前台")


def test_decoding() -> None:
    text = "订单编号,订单状态\n"
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode(text.encode("utf-8")) == text
    assert decode(text.encode("gbk")) == text
    assert decode(text.encode("gb18030")) == text
    with pytest.raises(UnicodeDecodeError):
        decode(bytes([0x81, 0x30, 0xFF, 0xFE]))


# -- the command line -------------------------------------------------------------------------------------------------


def test_cli_import_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    export = write_taobao(tmp_path)
    pdd = write_pdd(tmp_path)
    data_dir = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*packdesk_cmd, "--data-dir", str(data_dir), "import", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    files = [str(p) for p in export.files]
    done = run(*files, "--shop", "店", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["inserted"] == len(export.orders) and out["updated"] == 0 and out["unchanged"] == 0
    assert out["rejected"] == len(export.rejected)
    assert [f["file"] for f in out["files"]] == files
    assert [f["format"] for f in out["files"]] == ["taobao_orders", "taobao_items"]
    assert [f["rows"] for f in out["files"]] == [export.rows[p.name] for p in export.files]
    assert out["files"][0]["skipped"] == 1
    rows = {(Path(f["file"]).name, r["row"]) for f in out["files"] for r in f["rejected"]}
    assert rows == {(r.file, r.row) for r in export.rejected}
    assert all(r["reason"] for f in out["files"] for r in f["rejected"])

    again = run(*files, "--shop", "店", "--json")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert (second["inserted"], second["updated"], second["unchanged"]) == (0, 0, len(export.orders))

    human = run(*files, "--shop", "店")
    assert human.returncode == 0, human.stderr
    sci_row = next(r for r in export.rejected if "scientific" in r.keyword and r.file == export.files[0].name)
    assert f"{export.files[0]} row {sci_row.row}: order number" in human.stdout
    assert "scientific notation" in human.stdout

    refused = run(*[str(p) for p in pdd.files], "--shop", "店", "--json")
    assert refused.returncode != 0
    assert refused.stderr.startswith("packdesk: ") and "Pinduoduo" in refused.stderr
    assert "Traceback" not in refused.stderr

    unknown = tmp_path / "stock.csv"
    unknown.write_text("SKU,库存\nMUG,3\n", encoding="utf-8")
    bad = run(str(unknown), "--shop", "新店")
    assert bad.returncode != 0 and "not an export PackDesk knows" in bad.stderr

    shop_pdd = run(*[str(p) for p in pdd.files], "--shop", "拼多多店", "--json")
    assert shop_pdd.returncode == 0, shop_pdd.stderr
    assert json.loads(shop_pdd.stdout)["inserted"] == len(pdd.orders)
    listed = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(data_dir), "orders", "--json", "--limit", "1000"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    shops = {o["shop"] for o in json.loads(listed.stdout)}
    assert shops == {"店", "拼多多店"}


# -- fuzzed exports -------------------------------------------------------------------------------------------------

FUZZ_WRITERS: dict[str, Callable[[Path], ExportSet]] = {
    "taobao": lambda d: write_taobao(d, encoding="utf-8-sig", sub_orders=True),
    "pdd": lambda d: write_pdd(d),
    "jd": lambda d: write_jd(d, encoding="utf-8"),
}
ORDER_COLUMNS = ("订单编号", "主订单编号", "订单号")
FUZZ_SHOPS = itertools.count()
cell_texts = st.one_of(
    st.sampled_from(NASTY_CELLS),
    st.text(max_size=24),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


def touched_orders(edits: list[CellEdit]) -> set[str]:
    """The order numbers an edited row belonged to or now names: those orders may be rejected, the others not."""
    found = set()
    for edit in edits:
        for cells in (edit.before, edit.after):
            for name in ORDER_COLUMNS:
                if name in edit.header and edit.header.index(name) < len(cells):
                    text = clean_cell(cells[edit.header.index(name)]).lstrip("'").strip()
                    found.add(text.removesuffix(".0"))
    return found


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(sorted(FUZZ_WRITERS)),
    edits=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 10_000), st.integers(0, 100), cell_texts), min_size=1, max_size=6
    ),
)
def test_fuzzed_exports_reject_rows_and_never_abort(
    workspace: Workspace, tmp_path_factory: pytest.TempPathFactory, kind: str, edits: list[tuple[int, int, int, str]]
) -> None:
    """Any cell of any export overwritten with anything: the import never raises, a bad row is rejected with its
    number and a reason, and every order whose rows were left alone still imports, exactly as without the edits."""
    export = FUZZ_WRITERS[kind](tmp_path_factory.mktemp("fuzz"))
    encoding = "utf-8-sig" if kind == "taobao" else "utf-8"
    changed: list[CellEdit] = []
    for file_no, row, column, text in edits:
        changed += edit_cells(export.files[file_no % len(export.files)], [(row, column, text)], encoding)
    shop = f"fuzz {kind} {next(FUZZ_SHOPS)}"  # a shop per example: orders of earlier examples are not in the way

    report = run_import(workspace, export.files, shop=shop)

    assert not report.errors, [f.error for f in report.errors]
    for f in report.files:
        assert all(2 <= r.row <= f.rows + 50 and r.reason for r in f.rejected), f.rejected
    with workspace.session_factory() as session:
        shop_id = session.execute(select(ShopRow.id).where(ShopRow.name == shop)).scalar_one()
        lineless = session.scalar(
            select(func.count())
            .select_from(OrderRow)
            .where(OrderRow.shop_id == shop_id, ~OrderRow.lines.any(OrderLineRow.id.is_not(None)))
        )
    assert lineless == 0
    orders = {no: o for no, o in cached(workspace).items() if o.shop == shop}
    untouched = set(export.orders) - touched_orders(changed)
    for order_no in untouched:
        assert order_no in orders, f"order {order_no} was not imported although no row of it changed"
        assert as_seen(orders[order_no]) == as_expected(export.orders[order_no])
