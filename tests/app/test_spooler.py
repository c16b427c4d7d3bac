"""The print spooler against a simulated printer with faults: nothing lost, nothing counted that was not sent."""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.label_decode import decode_zpl
from pdtest.simulator import PrinterSimulator, SerialPrinterSimulator
from sqlalchemy import func, select

from app.domain.enums import PrintJobState
from app.persistence.rows import PackageRow, PrintJobRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService, list_jobs, recover, resolve
from app.services.workspace import Workspace
from printers.registry import open_printer
from printers.status import State

ACTOR = Actor("tester", "bench-1")


def _packable(ws: Workspace, n: int) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    return [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]


def _service(ws: Workspace, uri: str) -> PrintService:
    return PrintService(ws.session_factory, open_printer(uri), ACTOR)


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.session_factory() as s:
        return dict(s.execute(select(PrintJobRow.state, func.count()).group_by(PrintJobRow.state)).all())


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl"])
def test_paper_out_pauses_before_sending_and_resumes(demo: Workspace, lang: str) -> None:
    with PrinterSimulator(lang) as sim:
        service = _service(demo, sim.uri)
        sim.state = "paper_out"
        result = service.print_order(_packable(demo, 1)[0])
        assert result.state is PrintJobState.QUEUED and result.tracking_no
        assert service.pause is not None and service.pause.state is State.PAPER_OUT
        assert sim.jobs == []
        sim.state = "ready"
        (done,) = service.run()
        assert done.state is PrintJobState.SENT and done.job_id == result.job_id
        assert len(sim.wait_jobs(1)) == 1
    assert _counts(demo) == {"sent": 1}


def test_connection_cut_mid_job_is_unknown_then_answered(demo: Workspace) -> None:
    order_no = _packable(demo, 1)[0]
    with PrinterSimulator("escpos") as sim:
        service = _service(demo, sim.uri)
        sim.close_after = 4000
        result = service.print_order(order_no)
        assert result.state is PrintJobState.UNKNOWN, result
        assert service.pause is not None
        with demo.session_factory() as s:
            assert s.execute(select(PackageRow.print_count)).scalar_one() == 0  # not counted as printed
        # "Print it again": the cut-off copy may be on the bench with a barcode that scans, so it counts, and the
        # label sent now is copy 2, a reprint with its reason.
        view = resolve(demo.session_factory, result.job_id, printed=False, actor=ACTOR, now=datetime.now(UTC))
        assert (view.state, view.copy_no) == (PrintJobState.QUEUED, 2)
        assert view.reason and view.reason.startswith("reprint: copy 1 may have been cut off")
        sim.close_after = None
        (again,) = service.run()
        assert again.state is PrintJobState.SENT and again.tracking_no == result.tracking_no
        assert again.copy_no == 2
        sim.wait_jobs(1)
    with demo.session_factory() as s:
        assert s.execute(select(PackageRow.print_count)).scalar_one() == 2


def test_printer_that_never_answers_pauses_until_status_checks_are_off(demo: Workspace) -> None:
    order_no = _packable(demo, 1)[0]
    with PrinterSimulator("escpos") as sim:
        sim.silent = True
        assert open_printer(sim.uri).status().state is State.UNKNOWN  # never "ready" without an answer
        service = _service(demo, sim.uri)
        result = service.print_order(order_no)
        assert result.state is PrintJobState.QUEUED
        assert service.pause is not None and service.pause.state is State.UNKNOWN
        assert sim.jobs == []
        # a model known never to answer: the seller turns status checks off for it
        quiet = _service(demo, sim.uri + "&status=off")
        quiet_job = quiet.enqueue(_packable(demo, 1)[0])
        (sent,) = quiet.run()
        assert sent.job_id == quiet_job and sent.state is PrintJobState.SENT
        sim.wait_jobs(1)


def test_offline_printer_keeps_the_batch_queued_in_order(demo: Workspace) -> None:
    orders = _packable(demo, 3)
    with PrinterSimulator("escpos") as sim:
        port = sim.port
    # the simulator is gone: nothing listens on that port any more
    service = _service(demo, f"tcp://127.0.0.1:{port}?lang=escpos")
    jobs = [service.enqueue(o) for o in orders]
    results = service.run()
    assert service.pause is not None and service.pause.state is State.OFFLINE
    assert all(r.state is PrintJobState.QUEUED for r in results)
    assert service.pending() == jobs
    with PrinterSimulator("escpos") as sim:
        service = _service(demo, sim.uri)
        service.enqueue(_packable(demo, 1)[0])  # a job for this printer address; the old ones wait for theirs
        assert [r.state for r in service.run()] == [PrintJobState.SENT]


def test_slow_printer_gets_every_job_in_order(demo: Workspace) -> None:
    orders = _packable(demo, 3)
    with PrinterSimulator("tspl") as sim:
        sim.delay_s = 0.01
        service = _service(demo, sim.uri)
        for o in orders:
            service.enqueue(o)
        results = service.run()
        assert [r.order_no for r in results] == orders
        assert all(r.state is PrintJobState.SENT for r in results)
        assert len(sim.wait_jobs(3)) == 3


def test_a_printer_as_slow_as_a_serial_line_prints_the_whole_batch(demo: Workspace) -> None:
    """A network printer taking 11.5 kB/s (what a 115200-baud line carries) and, like a real port 9100, one
    connection at a time: the status question after a label waits until the printer has taken all of it, so the batch
    goes on instead of ending with "the printer does not report its status" after one label."""
    orders = _packable(demo, 2)
    with PrinterSimulator("zpl") as sim:
        sim.one_at_a_time, sim.delay_s = True, 4096 / 11_520
        service = _service(demo, f"{sim.uri}&size=100x150")  # ~37 KB a label: 3 s, most of it after sendall()
        jobs = [service.enqueue(o) for o in orders]
        results = service.run()
        assert service.pause is None, service.pause
        assert [(r.job_id, r.state) for r in results] == [(j, PrintJobState.SENT) for j in jobs]
        assert len(sim.wait_jobs(2)) == 2
    assert _counts(demo) == {"sent": 2}


def test_a_serial_printer_answers_behind_each_label_and_the_batch_goes_on(demo: Workspace) -> None:
    """On a serial line only the printer's answer to a question sent after the label says it took all of it."""
    orders = _packable(demo, 2)
    with SerialPrinterSimulator(baud=115200) as sim:
        service = _service(demo, f"{sim.uri}&size=76x130")  # ZPL, ~25 KB a label: ~2 s on this line
        jobs = [service.enqueue(o) for o in orders]
        results = service.run()
        assert service.pause is None, service.pause
        assert [(r.job_id, r.state) for r in results] == [(j, PrintJobState.SENT) for j in jobs]
        labels = sim.wait_jobs(2)
        assert sim.status_queries >= 3  # before the run, and behind each label
    assert [decode_zpl(label).image is not None for label in labels] == [True, True]
    assert _counts(demo) == {"sent": 2}


def test_refund_while_queued_cancels_the_job(demo: Workspace) -> None:
    from sqlalchemy import update

    from app.persistence.rows import OrderRow

    order_no = _packable(demo, 1)[0]
    with PrinterSimulator("escpos") as sim:
        service = _service(demo, sim.uri)
        service.enqueue(order_no)
        with demo.session_factory.begin() as s:
            s.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(status="closed"))
        (result,) = service.run()
        assert result.state is PrintJobState.FAILED and "cancelled" in (result.error or "")
        assert sim.jobs == []


def test_interrupted_job_of_a_dead_process_becomes_unknown(demo: Workspace) -> None:
    order_no = _packable(demo, 1)[0]
    with PrinterSimulator("escpos") as sim:
        service = _service(demo, sim.uri)
        job_id = service.enqueue(order_no)
    dead = subprocess.Popen(["true"])
    dead.wait()
    with demo.session_factory.begin() as s:
        job = s.get(PrintJobRow, job_id)
        job.state = "sending"
        job.claimed_by = f"{platform.node()}/{dead.pid}"
        job.claimed_at = datetime.now(UTC)
    assert recover(demo.session_factory, ACTOR, datetime.now(UTC)) == [job_id]
    (view,) = [j for j in list_jobs(demo.session_factory) if j.id == job_id]
    assert view.state is PrintJobState.UNKNOWN
    # the packer saw the label on the parcel
    resolve(demo.session_factory, job_id, printed=True, actor=ACTOR, now=datetime.now(UTC))
    with demo.session_factory() as s:
        assert s.execute(select(PackageRow.print_count)).scalar_one() == 1


def test_kill_9_during_a_batch_loses_nothing(demo: Workspace, packdesk_cmd: list[str], data_dir: Path) -> None:
    """A batch print killed mid-way: every order is printed once, queued, or unknown; no number is used twice;
    answering the unknowns and running the queue finishes the batch with each waybill printed exactly once."""
    orders = _packable(demo, 6)
    demo.close()
    env = {**os.environ, "PACKDESK_BUSY_TIMEOUT": "5"}
    with PrinterSimulator("escpos") as sim:
        sim.delay_s = 0.05  # about 80 KB/s: a label takes over a second to go out
        proc = subprocess.Popen(
            [*packdesk_cmd, "--data-dir", str(data_dir), "print", *orders, "--printer", sim.uri],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 60
        # Killed while the third label's bytes go: the commit that claimed it counted the second (the second's
        # answer alone leaves a moment before that commit in which a kill finds it `sending`).
        while not (len(sim.jobs) >= 2 and sim.receiving) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)

        def run(*a: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*packdesk_cmd, "--data-dir", str(data_dir), *a], capture_output=True, text=True, env=env, timeout=120
            )

        listed = run("queue", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        jobs = json.loads(listed.stdout)
        states = {j["order_no"]: j["state"] for j in jobs}
        assert set(states) <= set(orders)
        assert set(states.values()) <= {"sent", "queued", "unknown"}, states
        assert list(states.values()).count("sent") >= 2
        tracking = [j["tracking_no"] for j in jobs]
        assert len(tracking) == len(set(tracking))
        for job in jobs:
            if job["state"] == "unknown":
                assert run("queue", "requeue", str(job["id"])).returncode == 0
        sim.delay_s = 0
        finished = run("queue", "run", "--printer", sim.uri)
        assert finished.returncode == 0, finished.stderr
        missing = [o for o in orders if o not in states]
        if missing:  # never queued before the kill: print them now
            assert run("print", *missing, "--printer", sim.uri).returncode == 0
        after = json.loads(run("orders", "--json", "--limit", "1000").stdout)
    counts = {o["order_no"]: o["print_count"] for o in after if o["order_no"] in orders}
    # A label cut off by the kill and sent again is a counted reprint: its order shows two copies.
    assert counts == {o: 2 if states.get(o) == "unknown" else 1 for o in orders}, counts
    numbers = [o["tracking_no"] for o in after if o["tracking_no"]]
    assert len(numbers) == len(set(numbers))
