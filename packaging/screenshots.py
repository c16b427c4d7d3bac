"""Takes the screenshots used in README.md and the store listings: the real window on a fresh demo shop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [--lang zh_CN|en] [--out packaging/screenshots]

Each station state (idle, packing, wrong item, complete, STOP) and the order list is grabbed from the window as a
packer would see it, after real scans through the station engine. The waybill accounts dialog and a Cainiao-numbered
label come from a Cainiao account set up against the loopback TOP gateway the tests use (tests/pdtest/top_server.py):
its carriers, balances, sender address and numbers are what that gateway answers, as Cainiao's would. The Dashboard
tab comes last, on weeks of history added then; `--only dashboard` takes just its shots.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the loopback TOP gateway with its Cainiao e-waybill methods
os.environ["PACKDESK_KEYRING"] = "file"  # the throwaway data directory keeps the demo's secrets, not the desktop's

from pdtest.top_server import TopServer  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.demo.seed import GROUP_NAME, seed_demo  # noqa: E402
from app.domain.enums import Platform  # noqa: E402
from app.services.orders import list_orders  # noqa: E402
from app.services.workspace import Workspace, open_workspace  # noqa: E402
from app.sync.shops import Credentials, add_api_shop  # noqa: E402
from app.wiring import install_waybill_providers  # noqa: E402
from printers.discovery import Found  # noqa: E402
from ui.dialogs.printer_setup import PrinterSetupDialog  # noqa: E402
from ui.dialogs.waybill_accounts import WaybillAccountsDialog  # noqa: E402
from ui.main import Gui, build_gui, make_app  # noqa: E402


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("screenshots"))
    parser.add_argument("--only", choices=["dashboard"], help="take only these shots (on the same demo shop)")
    args = parser.parse_args()
    os.environ["PACKDESK_LANG"] = args.lang
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="packdesk-shots-"))
    make_app(language=args.lang)
    install_waybill_providers(data)  # as every `packdesk` start does: the accounts' numbers come from their providers
    ws = open_workspace(data)
    with ws.session_factory.begin() as session:
        seed_demo(session, orders=200, seed=1, anchor=datetime.now(UTC))
    ws.settings.printer_uri = f"png://{(data / 'labels').as_posix()}"
    ws.settings.packer = "演示打包员" if args.lang.startswith("zh") else "Demo packer"
    gui = build_gui(ws)
    window = gui.window
    window.resize(1280, 820)
    window.show()
    view = window.station_view
    suffix = "" if args.lang.startswith("zh") else f"-{args.lang}"
    if args.only == "dashboard":
        _dashboard_shots(gui, ws, args.out, suffix)
        return _close(gui, ws, args.out)

    def shot(name: str) -> None:
        _settle()
        window.grab().save(str(args.out / f"{name}{suffix}.png"))

    def scan(code: str) -> None:
        view.submit_scan(code)
        gui.tasks.wait()
        _settle(100)

    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    order = next(
        o for o in orders if len(o.lines) >= 3 and all(ln.packable for ln in o.lines) and (o.buyer_message or o.memo)
    )
    shot("station-idle")
    scan(order.order_no)
    first = order.lines[0]
    scan(first.barcodes[0])
    shot("station-packing")
    foreign = next(ln for o in orders for ln in o.lines if ln.sku not in {x.sku for x in order.lines})
    scan(foreign.barcodes[0])
    shot("station-wrong-item")
    for line in order.lines:
        already = 1 if line is first else 0
        for _ in range(line.qty - already):
            scan(line.barcodes[0])
    shot("station-complete")
    closed = list_orders(ws.session_factory, status="closed", limit=1)[0]
    scan(closed.order_no)
    shot("station-stop")
    window.tabs.setCurrentWidget(window.orders_view)
    gui.tasks.wait()
    _settle()
    view = window.orders_view
    view.table.selectRow(2)
    _settle(400)
    gui.tasks.wait()
    shot("orders")
    _workspace_shots(gui, out=args.out, suffix=suffix)
    _action_shots(gui, ws, out=args.out, suffix=suffix)
    # a batch print, one job then cut off mid-send and left for the packer to confirm
    # none the action shots printed already (a second print needs a reason: the batch would stop on a warning)
    printed = {
        o.order_no for o in list_orders(ws.session_factory, status="awaiting_shipment", limit=500) if o.print_count
    }
    batch = [o.order_no for o in orders if all(ln.packable for ln in o.lines) and o.order_no not in printed][5:10]
    window.printing.print_orders(batch)
    gui.tasks.wait()
    _settle()
    from sqlalchemy import update

    from app.persistence.rows import PrintJobRow

    reason = (
        "连接中断：标签可能没有打完整"
        if args.lang.startswith("zh")
        else "The connection broke while sending; the label may be incomplete."
    )
    with ws.session_factory.begin() as session:
        last = session.query(PrintJobRow).order_by(PrintJobRow.id.desc()).first()
        session.execute(update(PrintJobRow).where(PrintJobRow.id == last.id).values(state="unknown", reason=reason))
    window.queue_view.show_pause(reason)
    window.tabs.setCurrentWidget(window.queue_view)
    gui.tasks.wait()
    _settle()
    window.queue_view.table.selectRow(0)
    shot("print-queue")
    dialog = PrinterSetupDialog(
        "tcp://192.168.1.50:9100?lang=tspl&size=100x150&x=0.5",
        gui.tasks,
        window,
        found=[
            Found("usb-file", "/dev/usb/lp0  Xprinter XP-420B", "file:///dev/usb/lp0"),
            Found("serial", "/dev/ttyUSB0  CH340", "serial:///dev/ttyUSB0?baud=115200"),
        ],
    )
    dialog.show()
    dialog.result_label.setText(dialog.tr("Ready"))
    _settle()
    dialog.grab().save(str(args.out / f"printer-setup{suffix}.png"))
    dialog.close()
    done = set(batch)
    cainiao_order = next(
        o.order_no for o in orders[20:] if o.order_no not in done and all(ln.packable for ln in o.lines)
    )
    _products_shots(gui, ws, args.out, suffix)
    _after_dispatch_shots(gui, ws, data, args.out, suffix)
    with TopServer(seed=3, n_trades=5) as top:
        _cainiao_shots(gui, ws, top, cainiao_order, args.out, suffix)
    _merge_shots(gui, ws, args.out, suffix, avoid=done | {cainiao_order, order.order_no})
    _rules_shots(gui, ws, out=args.out, suffix=suffix)  # its stops would hold back the prints above
    _dashboard_shots(gui, ws, args.out, suffix)  # last: its weeks of history add orders the other shots would show
    return _close(gui, ws, args.out)


def _close(gui: Gui, ws: Workspace, out: Path) -> int:
    gui.window.close()
    gui.tasks.wait()
    ws.close()
    QApplication.processEvents()
    print(f"screenshots in {out}")
    return 0


def _dashboard_shots(gui: Gui, ws: Workspace, out: Path, suffix: str) -> None:
    """The Dashboard tab on five weeks of ordinary trade before now in the demo's shops and SKUs (the demo's own
    orders are a few days old and none shipped yet), written as tests/history_seed.py writes history: the last 30
    days as the window shows them (dashboard), and the whole tab scrolled through (dashboard-full)."""
    from history_seed import seed_weeks

    packers = ("王芳", "李强", "张伟") if suffix == "" else ("Wang Fang", "Li Qiang", "Zhang Wei")
    with ws.session_factory.begin() as session:
        seed_weeks(session, datetime.now(UTC), days=35, seed=8, packers=packers)
    window, view = gui.window, gui.window.dashboard_view
    size = window.size()
    window.resize(1366, 900)
    window.tabs.setCurrentWidget(window.dashboard_tab)
    for _ in range(6):  # the shops, then the figures (a choice made meanwhile loads once more)
        gui.tasks.wait()
        _settle(200)
    window.grab().save(str(out / f"dashboard{suffix}.png"))
    body = view.scroll.widget()
    view.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.scroll.setWidgetResizable(False)
    body.resize(view.scroll.viewport().width(), body.sizeHint().height())
    _settle(300)
    body.grab().save(str(out / f"dashboard-full{suffix}.png"))
    view.scroll.setWidgetResizable(True)
    view.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    window.resize(size)


def _workspace_shots(gui: Gui, out: Path, suffix: str) -> None:
    """The order workspace at 1366 px (the narrowest bench screen): a combined filter with a saved one in the bar,
    and an empty result explaining which filter hides how many orders."""
    window, view = gui.window, gui.window.orders_view
    size = window.size()
    window.resize(1366, 768)
    view.save_filter("加急顺丰" if suffix == "" else "Urgent SF")

    def settled() -> None:
        for _ in range(4):
            gui.tasks.wait()
            _settle(150)

    view.apply_filter({"status": "awaiting_shipment", "printed": "no", "due_within_hours": 24, "has_message": True})
    settled()
    view.table.selectRow(0)
    settled()
    window.grab().save(str(out / f"workspace-filters{suffix}.png"))
    view.apply_filter({"status": "on_hold", "has_message": True, "search": "保温杯"})
    settled()
    window.grab().save(str(out / f"workspace-empty{suffix}.png"))
    view.clear_filters()
    view.apply_filter({"status": "awaiting_shipment"})
    settled()
    window.resize(size)


def _action_shots(gui: Gui, ws: Workspace, out: Path, suffix: str) -> None:
    """At 1366 px: the detail pane of an order printed twice (a reprint with its reason) with its buyer message,
    memo, pictures, history and audit trail; and the batch-ship review of a selection where a held, a closed and a
    refunded order are skipped with their reasons."""
    from ui.dialogs.batch_ship import BatchShipDialog

    window, view = gui.window, gui.window.orders_view
    size = window.size()
    window.resize(1366, 768)

    def settled() -> None:
        for _ in range(4):
            gui.tasks.wait()
            _settle(150)

    waiting = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    packable = [o for o in waiting if all(ln.packable for ln in o.lines) and not o.short]
    order = next((o for o in packable if o.buyer_message and o.memo), packable[0])
    reason = "标签被胶带盖住，条码扫不出" if suffix == "" else "Tape over the label: the barcode does not scan"
    window.printing.print_orders([order.order_no])
    settled()
    window.printing.reprint_orders([order.order_no], reason)
    settled()
    view.apply_filter({"search": order.order_no})
    settled()
    view.table.selectRow(0)
    settled()
    window.grab().save(str(out / f"workspace-detail{suffix}.png"))

    view.apply_filter({"status": None})
    settled()
    fine = [o.order_no for o in packable if o != order][30:36]
    held = list_orders(ws.session_factory, status="on_hold", limit=1)
    closed = list_orders(ws.session_factory, status="closed", limit=1)
    refunded = [o.order_no for o in waiting if not any(ln.packable for ln in o.lines)][:1]
    chosen = fine[:3] + [o.order_no for o in held] + fine[3:] + [o.order_no for o in closed] + refunded
    dialog = BatchShipDialog.show_for(window, gui.ops, chosen)
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("ZTO"))
    dialog.take_scan("73100000000017")
    settled()
    dialog.grab().save(str(out / f"batch-ship-review{suffix}.png"))
    dialog.close()
    view.clear_filters()
    view.apply_filter({"status": "awaiting_shipment"})
    settled()
    window.resize(size)


def _rules_shots(gui: Gui, ws: Workspace, out: Path, suffix: str) -> None:
    """At 1366 px: the Carrier stops dialog (the starter list, a regional stop running today, a carrier entered as
    still running), the Carrier rules dialog (rules, the cost table, insurance), the Notices to buyers dialog (its
    triggers, the payment reminder on), and the order list with the orders to the stopped region flagged."""
    import tempfile as _tempfile
    from datetime import timedelta

    from ui.dialogs.notice_settings import NoticeSettingsDialog
    from ui.dialogs.service_rules import CarrierRulesDialog, StopsDialog

    window, desk = gui.window, gui.ops.desk.rules
    size = window.size()
    window.resize(1366, 768)
    today = datetime.now(UTC).date()
    zh = suffix == ""
    desk.import_stops(None)
    first = list_orders(ws.session_factory, status="awaiting_shipment", limit=3)
    stopped = ",".join(dict.fromkeys(o.receiver.address.province for o in first))  # flagged at the top of the list
    desk.add_stop("ZTO", stopped, (today - timedelta(days=1)).isoformat(), (today + timedelta(days=5)).isoformat(),
                  "暴雪，中通暂停揽收" if zh else "Snowstorm: ZTO not collecting there", False)  # fmt: skip
    desk.add_stop("SF", "全国", "2027-01-28", "2027-02-14", "顺丰春节照常收派" if zh else "SF runs over the festival",
                  True)  # fmt: skip
    for carrier, priority, name, conditions in (
        ("SF", "10", "买家指定顺丰" if zh else "Buyer asks for SF", {"keywords": "顺丰,SF"}),
        ("EMS", "20", "偏远地区走邮政" if zh else "Remote regions by EMS", {"provinces": "新疆,西藏,青海"}),
        ("SF", "30", "高价值" if zh else "High value", {"min_value": "1000"}),
        ("YUNDA", "40", "大件" if zh else "Heavy parcels", {"min_weight": "3kg"}),
    ):
        desk.add_rule(carrier, priority, name, conditions)
    table = Path(_tempfile.mkdtemp(prefix="packdesk-costs-")) / "costs.csv"
    table.write_text(
        "carrier,province,first_kg,extra_kg\nZTO,*,5,2\nZTO,新疆,18,12\nYTO,*,4.5,2.5\nSF,*,12,6\n"
        "EMS,*,15,5\nYUNDA,*,4.8,1.8\n",
        encoding="utf-8",
    )
    desk.import_costs(table)
    desk.save_settings("2000", "8")

    def settled() -> None:
        for _ in range(4):
            gui.tasks.wait()
            _settle(150)

    for dialog, name in ((StopsDialog(gui.ops, window), "stops"), (CarrierRulesDialog(gui.ops, window), "rules")):
        dialog.show()
        settled()
        dialog.grab().save(str(out / f"{name}-dialog{suffix}.png"))
        dialog.close()
    # The notice triggers: on ship, before a breach and the payment reminder switched on, as a seller sets them.
    notices = NoticeSettingsDialog(gui.ops, window)
    notices.show()
    settled()
    notices.on_ship.setChecked(True)
    notices.before_breach.setChecked(True)
    notices.breach_hours.setValue(6)
    notices.breach_reason.setText("仓库盘点" if zh else "stocktaking at the warehouse")
    notices.breach_days.setValue(1)
    notices.remind_unpaid.setChecked(True)
    notices.unpaid_minutes.setValue(30)
    notices.unpaid_reason.setText("库存有限" if zh else "stock is limited")
    notices.unpaid_days.setValue(1)
    notices.save()
    settled()
    notices.grab().save(str(out / f"notice-settings{suffix}.png"))
    notices.close()
    view = window.orders_view
    window.tabs.setCurrentWidget(view)
    view.apply_filter({"status": "awaiting_shipment"})
    settled()
    view.table.selectRow(0)
    settled()
    window.grab().save(str(out / f"workspace-stopped{suffix}.png"))
    view.clear_filters()
    view.apply_filter({"status": "awaiting_shipment"})
    settled()
    window.resize(size)


def _after_dispatch_shots(gui: Gui, ws: Workspace, data: Path, out: Path, suffix: str) -> None:
    """At 1366 px: the After dispatch tab (parcels at risk: returned, signed for by a parcel locker, no pickup, no
    movement; the selected parcel's route; two bad-review alerts) and the notice dialog of a parcel at risk with
    its reason and date typed. The routes are read by the same rules a refresh applies (app.domain.parcel_risk);
    the demo's shops have no API connection, so they are stored as the after-sale round would store them."""
    from datetime import timedelta

    from app.domain.parcel_risk import TraceStep, assess
    from app.persistence.notices import NoticeRepository
    from app.persistence.packages import PackageRepository
    from app.persistence.shops import ShopRepository
    from app.services.audit import Actor
    from app.services.shipping import ship_order
    from app.sync.notice_push import add_sms_account
    from ui.dialogs.notice_dialog import NoticeDialog

    window = gui.window
    size = window.size()
    window.resize(1366, 768)
    now = datetime.now(UTC)
    waiting = [o for o in list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
               if all(ln.packable for ln in o.lines) and not o.short][60:66]  # fmt: skip
    routes = [
        [
            (-50, "【杭州市】中通快递 已揽收", "GOT"),
            (-30, "快件已到达【上海转运中心】", "ARRIVAL"),
            (-4, "收件人拒收，快件已退回", "TMS_RETURN"),
        ],
        [
            (-40, "【杭州市】已揽收", "GOT"),
            (-20, "快件已到达【北京海淀营业部】", "ARRIVAL"),
            (-3, "已签收，签收人：丰巢快递柜，如有疑问请联系派件员", "SIGNED"),
        ],
        [(-30, "卖家已发货，等待揽收", "CONSIGN")],
        [(-70, "【杭州市】已揽收", "GOT"), (-60, "快件已发往【成都转运中心】", "DEPARTURE")],
        [(-20, "【杭州市】已揽收", "GOT"), (-2, "快件已到达【南京转运中心】", "ARRIVAL")],
    ]
    actor = Actor("screenshots", "bench")
    with ws.session_factory.begin() as session:
        add_sms_account(session, data, name="阿里云短信", provider="aliyun-sms", gateway="https://dysmsapi.aliyuncs.com/",
                        access_key_id="LTAI5tDemoKey", sign_name="小鹿生活馆", secret="demo", now=now)  # fmt: skip
        NoticeRepository(session).set_template("delay", code="SMS_468201337", body=None, now=now)
    for i, (order, route) in enumerate(zip(waiting, routes, strict=False)):
        shipped_at = now + timedelta(hours=route[0][0] - 2)  # shipped two hours before its route's first step
        shipped = ship_order(ws.session_factory, order.order_no, "ZTO", f"7{i + 31:013d}", actor, shipped_at)
        steps = [TraceStep(now + timedelta(hours=h), desc, action) for h, desc, action in route]
        found = assess(shipped_at, steps, now)
        with ws.session_factory.begin() as session:
            package = PackageRepository(session).by_tracking(shipped.tracking_no)
            assert package is not None
            NoticeRepository(session).save_trace(
                package.id, status="运输中", company="中通快递",
                steps=[{"at": s.at.isoformat(), "desc": s.desc, "action": s.action} for s in steps],
                risk=found.risk.value if found.risk else None, detail=found.detail, now=now,
            )  # fmt: skip
    with ws.session_factory.begin() as session:
        repo = NoticeRepository(session)
        for order, (result, nick, content) in zip(
            waiting[:2], [("bad", "t**9", "等了一周才发货，客服也不回"), ("neutral", "小**", "包装有点破，东西还行")],
            strict=True,
        ):  # fmt: skip
            shop = ShopRepository(session).by_name(order.shop)
            assert shop is not None
            repo.add_alert(shop_id=shop.id, order_no=order.order_no, oid=order.order_no, result=result, nick=nick,
                           item_title="", content=content, rated_at=now - timedelta(hours=1), now=now)  # fmt: skip

    def settled() -> None:
        for _ in range(4):
            gui.tasks.wait()
            _settle(150)

    view = window.risks_view
    window.tabs.setCurrentWidget(view)
    settled()
    view.table.selectRow(0)
    settled()
    window.grab().save(str(out / f"risks{suffix}.png"))
    chosen = view.selected()
    assert chosen is not None
    dialog = NoticeDialog(gui.ops, chosen["order_no"], "delay", window)
    dialog.show()
    settled()
    dialog.reason.setText("快递拒收退回，我们已重新安排顺丰发出" if suffix == "" else "快递拒收退回，已改发顺丰")
    dialog.day.setDate(dialog.day.date().addDays(1))
    dialog.phone.setText("17012345678")
    settled()
    dialog.grab().save(str(out / f"notice-dialog{suffix}.png"))
    dialog.close()
    window.tabs.setCurrentWidget(window.orders_view)
    settled()
    window.resize(size)


def _products_shots(gui: Gui, ws: Workspace, out: Path, suffix: str) -> None:
    """The Products tab after a scan bound a barcode to the selected SKU (two SKUs came without one: the filter
    counts the one left), and a stock count under way."""
    from PySide6.QtCore import Qt

    from app.services.catalogue import list_products
    from app.services.stock import stock_levels
    from ui.models.products_model import COL_ON_HAND

    window, view = gui.window, gui.window.products_view
    products = [p for p in list_products(ws.session_factory, limit=500) if p.barcodes]
    first, second = products[6], products[17]
    for p in (first, second):
        gui.ops.desk.catalogue.unbind_barcode(p.sku, p.barcodes[0])
    window.tabs.setCurrentWidget(view)
    gui.tasks.wait()
    _settle()
    view.select_sku(first.sku)
    _settle(100)
    window.on_barcode_scanned(first.barcodes[0])  # as the scanner sends it: bound to the selected SKU
    gui.tasks.wait()
    _settle(400)
    gui.tasks.wait()
    view.table.sortByColumn(COL_ON_HAND, Qt.SortOrder.DescendingOrder)  # the SKUs whose stock PackDesk keeps first
    view.select_sku(first.sku)
    _settle()
    window.grab().save(str(out / f"products{suffix}.png"))
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.start_count()
    kept = {level.sku for level in stock_levels(ws.session_factory)}  # the SKUs whose stock PackDesk keeps
    tracked = [p for p in products if p.sku in kept]
    for p, times in ((tracked[0], 3), (tracked[1], 1), (products[2], 2), (tracked[0], 1)):
        for _ in range(times):
            window.on_barcode_scanned(p.barcodes[0])
            gui.tasks.wait()
            _settle(50)
    window.on_barcode_scanned("6900000000000")
    gui.tasks.wait()
    _settle()
    window.grab().save(str(out / f"stock-count{suffix}.png"))
    view.count_panel.model.clear()
    view.count_panel.finished.emit(False)
    gui.ops.desk.catalogue.bind_barcode(second.sku, second.barcodes[0])


def _cainiao_shots(gui: Gui, ws: Workspace, top: TopServer, order_no: str, out: Path, suffix: str) -> None:
    """The accounts dialog with a Cainiao account beside the demo's rolls, and a label numbered by Cainiao."""
    import shutil

    top.cainiao.set_balance("YTO", 150)  # under the seller's warning level: the dialog marks it
    with ws.session_factory.begin() as session:
        add_api_shop(
            session, ws.data_dir, name="小鹿淘宝店", platform=Platform.TAOBAO, gateway=top.url, app_key=top.app_key,
            credentials=Credentials(top.secret, top.session), now=datetime.now(UTC), group=GROUP_NAME,
        )  # fmt: skip
    gui.ops.desk.add_waybill_account(
        {"provider": "cainiao", "name": "菜鸟电子面单", "shop": "小鹿淘宝店", "carrier": "ZTO", "make_default": "1"}
    )
    gui.window.reload_balances()
    dialog = WaybillAccountsDialog(gui.ops, gui.window)
    dialog.show()
    dialog.resize(1180, 900)
    gui.tasks.wait()
    _settle(400)
    gui.tasks.wait()
    rows = [dialog.model.row_at(r) for r in range(dialog.model.rowCount())]
    # the new account's default carrier selected; the low balance two rows up shows in the warning colour
    dialog.table.selectRow(next(i for i, r in enumerate(rows) if r.carrier and r.carrier.code == "ZTO"))
    _settle()
    dialog.grab().save(str(out / f"waybill-accounts{suffix}.png"))
    dialog.close()
    labels = Path(ws.settings.printer_uri.removeprefix("png://"))
    before = set(labels.glob("*.png"))
    gui.window.printing.print_orders([order_no])
    gui.tasks.wait()
    _settle()
    gui.tasks.wait()
    printed = sorted(set(labels.glob("*.png")) - before)
    if printed:
        shutil.copyfile(printed[-1], out / f"label-cainiao{suffix}.png")
    else:
        print("no Cainiao label was printed", file=sys.stderr)


def _settled(gui: Gui) -> None:
    """Until the background work a change started (reload, detail, counts) has shown."""
    for _ in range(4):
        gui.tasks.wait()
        _settle(150)


def _merge_shots(gui: Gui, ws: Workspace, out: Path, suffix: str, avoid: set[str]) -> None:
    """合并发货 at 1366 px: three waiting orders of one buyer (the demo has no repeat buyer: two are given the first
    one's buyer and address, the third the same buyer at another address), the list's merge badges on the two that
    could merge, then the two merged and the member's detail pane showing the whole parcel (both orders' lines, memos
    and messages, one waybill)."""
    from sqlalchemy import select

    from app.persistence.rows import OrderRow

    window, view = gui.window, gui.window.orders_view
    size = window.size()
    window.resize(1366, 768)
    waiting = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    free = [o for o in reversed(waiting) if o.order_no not in avoid and all(ln.packable for ln in o.lines)]
    free = [o for o in free if not o.short and o.print_count == 0 and o.shop == free[0].shop]
    lead, member, elsewhere = free[0], free[1], free[2]
    with ws.session_factory.begin() as session:
        rows = {r.order_no: r for r in session.scalars(select(OrderRow).where(OrderRow.order_no.in_(
            [lead.order_no, member.order_no, elsewhere.order_no])))}  # fmt: skip
        first = rows[lead.order_no]
        for other in (rows[member.order_no], rows[elsewhere.order_no]):
            for field in ("buyer_nick", "receiver_name", "receiver_phone", "receiver_province", "receiver_city",
                          "receiver_district", "receiver_town", "receiver_address", "oaid"):  # fmt: skip
                setattr(other, field, getattr(first, field))
        rows[elsewhere.order_no].receiver_address = first.receiver_address + (
            "（公司）" if suffix == "" else " (office)"
        )
        if not rows[member.order_no].seller_memo:
            rows[member.order_no].seller_memo = "送一份小样" if suffix == "" else "Add a free sample"
        buyer = first.buyer_nick
    window.tabs.setCurrentWidget(view)
    view.apply_filter({"search": buyer})
    _settled(gui)
    view.table.selectRow(0)
    _settled(gui)
    window.grab().save(str(out / f"workspace-merge-suggest{suffix}.png"))
    gui.ops.desk.merge_orders([lead.order_no, member.order_no])
    view.reload()
    _settled(gui)
    for row in range(view.model.rowCount()):
        if view.model.order_no_at(row) == member.order_no:
            view.table.selectRow(row)
    _settled(gui)
    window.grab().save(str(out / f"workspace-merge{suffix}.png"))
    view.clear_filters()
    view.apply_filter({"status": "awaiting_shipment"})
    _settled(gui)
    window.resize(size)


if __name__ == "__main__":
    raise SystemExit(main())
