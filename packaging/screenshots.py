"""Takes the screenshots used in README.md and the store listings: the real window on a fresh demo shop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [--lang zh_CN|en] [--out packaging/screenshots]

Each station state (idle, packing, wrong item, complete, STOP) and the order list is grabbed from the window as a
packer would see it, after real scans through the station engine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.demo.seed import seed_demo  # noqa: E402
from app.services.orders import list_orders  # noqa: E402
from app.services.workspace import open_workspace  # noqa: E402
from app.wiring import install_waybill_providers  # noqa: E402
from printers.discovery import Found  # noqa: E402
from ui.dialogs.printer_setup import PrinterSetupDialog  # noqa: E402
from ui.main import build_gui, make_app  # noqa: E402


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("screenshots"))
    args = parser.parse_args()
    os.environ["PACKDESK_LANG"] = args.lang
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="packdesk-shots-"))
    make_app(language=args.lang)
    install_waybill_providers()  # as every `packdesk` start does: the demo account's numbers come from its provider
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
    # a batch print, one job then cut off mid-send and left for the packer to confirm
    batch = [o.order_no for o in orders if all(ln.packable for ln in o.lines)][5:10]
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
    window.close()
    gui.tasks.wait()
    ws.close()
    QApplication.processEvents()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
