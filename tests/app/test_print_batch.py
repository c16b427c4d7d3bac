"""A batch to a network printer (app.services.printing.batch): one connection, the next label rendered while one is
sent, one transaction to queue it all; a label changed after it was rendered ahead is rendered again, and a printer
that stops leaves the labels rendered ahead queued, untouched. Observed with an instrumented simulator, not a clock."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from pdtest.simulator import PrinterSimulator
from sqlalchemy import event, func, select, update

from app.domain.enums import PrintJobState
from app.domain.errors import NotFound
from app.persistence.rows import OrderRow, PrintJobRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.workspace import Workspace
from printers.registry import RawPrinter, open_printer
from printers.waybill import Waybill

ACTOR = Actor("tester", "bench-1")
WAIT_S = 10.0  # a bound for waiting on another thread, never a measurement


def _packable(ws: Workspace, n: int) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    return [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]


@dataclass
class Renders:
    """Records every label the printer renders, as the render starts, with the bytes it came to."""

    printer: RawPrinter
    started: list[Waybill] = field(default_factory=list)
    done: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        render = self.printer.render

        def recording(waybill: Waybill) -> bytes:
            self.started.append(waybill)
            data = render(waybill)
            self.done.append(data)
            return data

        self.printer.render = recording  # type: ignore[method-assign]

    @classmethod
    def on(cls, uri: str) -> Renders:
        printer = open_printer(uri)
        assert isinstance(printer, RawPrinter)
        return cls(printer)

    def wait(self, count: int) -> int:
        deadline = time.monotonic() + WAIT_S
        while len(self.started) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        return len(self.started)


def _count(ws: Workspace, state: PrintJobState) -> int:
    with ws.session_factory() as s:
        return s.execute(
            select(func.count()).select_from(PrintJobRow).where(PrintJobRow.state == state.value)
        ).scalar_one()


def test_a_batch_goes_on_one_connection_and_renders_the_next_label_while_one_is_sent(demo: Workspace) -> None:
    orders = _packable(demo, 4)
    with PrinterSimulator("escpos") as sim:
        renders = Renders.on(sim.uri)
        printer = renders.printer
        held: list[tuple[int, int]] = []  # (labels whose render had started, jobs `sending`) while label k waited

        def hold(k: int) -> None:
            # The printer has label k and holds its answer: label k+1 must be rendering meanwhile, and not claimed.
            held.append((renders.wait(min(k + 2, len(orders))), _count(demo, PrintJobState.SENDING)))

        sim.before_answer = hold
        service = PrintService(demo.session_factory, printer, ACTOR)
        jobs = service.enqueue_batch(orders)
        results = service.run()
        assert [(r.job_id, r.state) for r in results] == [(j, PrintJobState.SENT) for j in jobs]
        assert sim.wait_jobs(4) == renders.done
        assert sim.connections == 2  # the status question before the run, and one connection for all four labels
    # While label k waited for its answer, label k+1 had started rendering (more may have, up to the queue's room).
    assert [started >= min(k + 2, 4) for k, (started, _) in enumerate(held)] == [True] * 4
    assert [sending for _, sending in held] == [1, 1, 1, 1]  # only the label on the wire is ever `sending`


def test_a_batch_is_queued_in_one_transaction_and_a_refused_order_does_not_stop_it(demo: Workspace) -> None:
    orders = _packable(demo, 5)
    engine = demo.session_factory.kw["bind"]
    commits: list[int] = []

    def counted(_conn: object) -> None:
        commits.append(1)

    event.listen(engine, "commit", counted)
    try:
        service = PrintService(demo.session_factory, open_printer("tcp://127.0.0.1:9?lang=escpos"), ACTOR)
        queued = service.enqueue_batch([*orders[:2], "NO-SUCH-ORDER", *orders[2:]])
        assert len(commits) == 1
        assert isinstance(queued[2], NotFound)
        jobs = [j for j in queued if isinstance(j, int)]
        assert service.pending() == jobs and len(jobs) == 5
        # The same batch again (after a crash, a printer that stopped): its waiting jobs, with their numbers.
        assert service.enqueue_batch(orders) == jobs
    finally:
        event.remove(engine, "commit", counted)


def test_between_two_labels_one_commit_counts_the_one_and_claims_the_next(demo: Workspace) -> None:
    orders = _packable(demo, 5)
    engine = demo.session_factory.kw["bind"]
    commits: list[int] = []

    def counted(_conn: object) -> None:
        commits.append(1)

    with PrinterSimulator("escpos") as sim:
        # While label k waits for its answer: the commits so far, and the jobs sent and `sending`.
        held: list[tuple[int, int, int]] = []

        def hold(_k: int) -> None:
            held.append((len(commits), _count(demo, PrintJobState.SENT), _count(demo, PrintJobState.SENDING)))

        sim.before_answer = hold
        service = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        service.enqueue_batch(orders)
        event.listen(engine, "commit", counted)
        try:
            results = service.run()
        finally:
            event.remove(engine, "commit", counted)
    assert [r.state for r in results] == [PrintJobState.SENT] * 5
    # The first claim is a commit of its own; after it, each answer is followed by one commit (label k counted,
    # label k+1 claimed) before the next label's bytes, and the last label's count is the last commit.
    assert held == [(1 + k, k, 1) for k in range(5)]
    assert len(commits) == 1 + 5


def test_a_label_changed_after_it_was_rendered_ahead_is_rendered_again(demo: Workspace) -> None:
    orders = _packable(demo, 3)
    with PrinterSimulator("escpos") as sim:
        renders = Renders.on(sim.uri)
        printer = renders.printer

        def change_the_third(k: int) -> None:
            if k == 0:  # the third label is rendered ahead; then the seller edits its memo
                assert renders.wait(3) == 3
                with demo.session_factory.begin() as s:
                    s.execute(update(OrderRow).where(OrderRow.order_no == orders[2]).values(seller_memo="改送公司"))

        sim.before_answer = change_the_third
        service = PrintService(demo.session_factory, printer, ACTOR)
        service.enqueue_batch(orders)
        assert [r.state for r in service.run()] == [PrintJobState.SENT] * 3
        assert [w.order_no for w in renders.started] == [*orders, orders[2]]
        assert renders.started[-1].seller_memo == "改送公司" and renders.started[2].seller_memo != "改送公司"
        assert sim.wait_jobs(3) == [*renders.done[:2], renders.done[3]]


@pytest.mark.parametrize("lang", ["escpos", "zpl"])
def test_a_printer_that_stops_mid_batch_leaves_the_labels_rendered_ahead_queued(demo: Workspace, lang: str) -> None:
    orders = _packable(demo, 4)
    with PrinterSimulator(lang) as sim:
        renders = Renders.on(sim.uri)
        printer = renders.printer

        def paper_runs_out(k: int) -> None:
            if k == 1:
                renders.wait(4)
                sim.state = "paper_out"

        sim.before_answer = paper_runs_out
        service = PrintService(demo.session_factory, printer, ACTOR)
        jobs = service.enqueue_batch(orders)
        results = service.run()
        # The second label was taken, then the printer said paper out: did it print? Never counted.
        assert [r.state for r in results] == [PrintJobState.SENT, PrintJobState.UNKNOWN]
        assert service.pause is not None and service.pause.state.value == "paper_out"
        assert len(sim.wait_jobs(2)) == 2
    assert service.pending() == jobs[2:]
    with demo.session_factory() as s:
        attempts = dict(s.execute(select(PrintJobRow.id, PrintJobRow.attempts)).all())
    assert [attempts[j] for j in jobs] == [1, 1, 0, 0]  # rendered ahead, never claimed


def test_a_batch_ended_by_an_error_puts_back_the_job_it_claimed_but_never_sent(demo: Workspace) -> None:
    """Between two labels one commit counts the one and claims the next; if the batch then ends on an error raised
    here (a failing progress callback, a label that cannot be rendered), the next job goes back to the queue: not
    stuck `sending` in a live process, not asked "did it print?" after the next start, since no byte of it left."""
    orders = _packable(demo, 3)
    with PrinterSimulator("escpos") as sim:
        service = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        jobs = service.enqueue_batch(orders)

        def failing(_result: object) -> None:
            raise RuntimeError("the window went away")

        with pytest.raises(RuntimeError):
            service.run(progress=failing)
        assert sim.wait_jobs(1)
    assert _count(demo, PrintJobState.SENT) == 1
    assert _count(demo, PrintJobState.SENDING) == 0
    assert service.pending() == jobs[1:]  # the rest wait in the queue, in order
