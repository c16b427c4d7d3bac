"""A print job's reason is stored as a message, reasons inside reasons nested, so the print queue can say it in the
packer's language long after; the queue's JSON and `pack --json` keep the English. Real SQLite, real sockets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.capture import refused_port
from pdtest.simulator import PrinterSimulator
from sqlalchemy import delete, select, update

from app.domain.enums import PrintJobState, ScanOutcome
from app.domain.errors import InvalidInput
from app.domain.messages import Message
from app.persistence.rows import PrintJobRow, WaybillAccountRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService, cancel, list_jobs, resolve
from app.services.workspace import Workspace
from app.station import Station
from printers.registry import open_printer

ACTOR = Actor("tester", "bench-1")


def packable(ws: Workspace, n: int = 1) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    return [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]


def ids(message: Message) -> list[str]:
    return [message.id] + [i for v in message.params.values() if isinstance(v, Message) for i in ids(v)]


def stored_reason(ws: Workspace, job_id: int) -> str | None:
    with ws.session_factory() as session:
        return session.execute(select(PrintJobRow.reason).where(PrintJobRow.id == job_id)).scalar_one()


def test_a_reprint_that_failed_keeps_both_reasons_as_one_message(demo: Workspace, tmp_path: Path) -> None:
    (order_no,) = packable(demo)
    PrintService(demo.session_factory, open_printer(f"png://{tmp_path.as_posix()}"), ACTOR).print_order(order_no)
    sock, port = refused_port()
    try:
        offline = PrintService(demo.session_factory, open_printer(f"tcp://127.0.0.1:{port}"), ACTOR, check_status=False)
        result = offline.print_order(order_no, reprint_reason="买家说面单丢了")
    finally:
        sock.close()
    assert result.state is PrintJobState.QUEUED  # nothing left the station: it waits for the printer
    offline_text = f"No printer answers at 127.0.0.1:{port}. Check that it is on and on the network."
    assert result.message is not None and result.message.id == "printer.tcp_offline"
    assert result.error == offline_text and result.to_json()["error"] == offline_text

    # the job keeps the packer's reprint reason first, then why it did not print: one message, stored
    message = Message.decode(stored_reason(demo, result.job_id))
    assert message is not None and ids(message) == ["print.reasons", "plain", "printer.tcp_offline"]
    table = {
        "{first} / {then}": "{first}；{then}",
        "No printer answers at {address}. Check that it is on and on the network.": "{address} 没有打印机应答。",
    }
    assert message.render(lambda t: table.get(t, t)) == f"买家说面单丢了；127.0.0.1:{port} 没有打印机应答。"
    (view,) = list_jobs(demo.session_factory, states=("queued",))
    english = f"买家说面单丢了 / {offline_text}"
    assert view.message == message and view.reason == english and view.to_json()["reason"] == english


def test_a_print_failure_at_the_bench_carries_its_message_beside_the_english(demo: Workspace, tmp_path: Path) -> None:
    with demo.session_factory.begin() as session:
        session.execute(delete(WaybillAccountRow))
    (order_no,) = packable(demo)
    station = Station(demo.session_factory, ACTOR, PrintService(demo.session_factory, open_printer(
        f"png://{tmp_path.as_posix()}"), ACTOR))  # fmt: skip
    order = next(o for o in list_orders(demo.session_factory, limit=1000) if o.order_no == order_no)
    events = station.scan(order_no)
    for line in order.lines:
        for _ in range(line.qty):
            events = station.scan(line.barcodes[0])
    failed = events[-1]
    assert failed.event is ScanOutcome.PRINT_FAILED and failed.message is not None
    assert failed.message.id.startswith("waybill.") and failed.reason == failed.message.render()
    assert failed.to_json()["reason"] == failed.reason and "message" not in failed.to_json()


def test_a_cancelled_jobs_reason_nests_and_old_english_reasons_still_count(demo: Workspace) -> None:
    first, second = packable(demo, 2)
    with PrinterSimulator("escpos") as sim:
        sim.state = "paper_out"  # the queue stops before sending: both jobs wait
        service = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        jobs = [service.enqueue(first), service.enqueue(second)]
        service.run()
    assert service.pause is not None and service.pause.message.id == "printer.status_paper_out"
    cancel(demo.session_factory, jobs[0], actor=ACTOR, now=datetime.now(UTC))
    message = Message.decode(stored_reason(demo, jobs[0]))
    assert message is not None and ids(message) == ["print.cancelled", "print.taken_out"]
    with pytest.raises(InvalidInput) as refused:
        resolve(demo.session_factory, jobs[0], printed=True, actor=ACTOR, now=datetime.now(UTC))
    assert refused.value.msg.id == "queue.cancelled_not_printed"
    assert (
        str(refused.value) == f"Print job {jobs[0]} was cancelled: taken out of the queue; it cannot count as printed."
    )

    # a job cancelled by an earlier release: its reason is English text, and it is still known as cancelled
    with demo.session_factory.begin() as session:
        session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.id == jobs[1])
            .values(state="failed", reason="cancelled: order closed")
        )
    with pytest.raises(InvalidInput) as old:
        resolve(demo.session_factory, jobs[1], printed=False, actor=ACTOR, now=datetime.now(UTC))
    assert old.value.msg.id == "queue.cancelled_not_resent" and "was cancelled: order closed;" in str(old.value)
    views = {v.id: v for v in list_jobs(demo.session_factory)}
    assert views[jobs[1]].message == Message.plain("cancelled: order closed")
    assert views[jobs[1]].to_json()["reason"] == "cancelled: order closed"
