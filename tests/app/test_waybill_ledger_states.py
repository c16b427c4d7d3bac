"""The number ledger under random sequences of what happens at a station (hypothesis stateful testing): batches
printed, answers lost, the provider unreachable or refusing, the process dying after the provider applied, labels
voided, orders closed, addresses changed, reprints, cancels by hand and outbox rounds. After every step: no order has
two live parcels, no number is on two parcels, every number live at the provider is on its order's live parcel, to
be cancelled, or an answer still to look up; after a quiet resume, exactly the live parcels' numbers are live there.
A real SQLite file per run and the in-process provider of tests/pdtest/waybill_ledger_fake.py."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from pdtest.waybill_ledger_fake import FakeRemoteProvider
from sqlalchemy import select, update

from app.demo.seed import seed_demo
from app.domain.enums import OrderStatus, PackageState
from app.domain.errors import PackDeskError
from app.domain.waybills import IssueState
from app.persistence.packages import PackageRepository
from app.persistence.rows import OrderRow, PackageRow, WaybillAccountRow, WaybillIssueRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.waybills import NumberRoll, WaybillProviders
from app.services.waybills.cancels import cancel_number, cancel_pending
from app.services.workspace import open_workspace
from printers.fake import MemoryPrinter

ACTOR = Actor("tester", "bench-1")
POOL = 8


class Crash(BaseException):
    """The process dies here (kill -9)."""


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="ledger-"))
        self.ws = open_workspace(self.tmp / "data")
        with self.ws.session_factory.begin() as s:
            seed_demo(s, orders=30, seed=5, anchor=datetime.now(UTC).replace(microsecond=0))
            s.execute(update(WaybillAccountRow).values(is_default=False))
            s.execute(
                update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(kind="fake", is_default=True)
            )
        self.fake = FakeRemoteProvider(max_batch=3)
        self.providers = WaybillProviders({"fake": lambda: self.fake, "roll": NumberRoll})
        orders = list_orders(self.ws.session_factory, status="awaiting_shipment", limit=500)
        self.pool = [o.order_no for o in orders if all(ln.packable for ln in o.lines)][:POOL]
        self.crash_next = False

    def teardown(self) -> None:
        self.ws.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def spooler(self) -> PrintService:
        return PrintService(self.ws.session_factory, MemoryPrinter(), ACTOR, waybills=self.providers)

    def _arm(self) -> None:
        if self.crash_next:
            self.crash_next = False

            def die(requests: object) -> None:
                self.fake.after_apply = None
                raise Crash

            self.fake.after_apply = die

    # -- what happens ------------------------------------------------------------------------------------------

    @rule(picks=st.lists(st.integers(0, POOL - 1), min_size=1, max_size=POOL, unique=True))
    def print_batch(self, picks: list[int]) -> None:
        self._arm()
        spooler = self.spooler()
        try:
            spooler.enqueue_batch([self.pool[i] for i in picks])
        except Crash:
            return
        spooler.run()

    @rule(i=st.integers(0, POOL - 1), reason=st.sampled_from(["torn", ""]))
    def print_one(self, i: int, reason: str) -> None:
        self._arm()
        try:
            self.spooler().print_order(self.pool[i], reprint_reason=reason or None)
        except (PackDeskError, Crash):
            pass

    @rule()
    def lose_the_next_answer(self) -> None:
        self.fake.lose_answers = 1

    @rule()
    def lose_the_next_cancel_answer(self) -> None:
        self.fake.lose_cancel_answers = 1

    @rule(down=st.booleans())
    def network(self, down: bool) -> None:
        self.fake.unreachable = down

    @rule()
    def die_after_the_next_apply(self) -> None:
        self.crash_next = True

    @rule(i=st.integers(0, POOL - 1), refuse=st.booleans())
    def refuse_an_order(self, i: int, refuse: bool) -> None:
        if refuse:
            self.fake.refuse_orders[self.pool[i]] = "地址不可达"
        else:
            self.fake.refuse_orders.pop(self.pool[i], None)

    @rule(refuse=st.booleans())
    def updates(self, refuse: bool) -> None:
        self.fake.refuse_updates = refuse

    @rule(i=st.integers(0, POOL - 1))
    def void_its_label(self, i: int) -> None:
        with self.ws.session_factory.begin() as s:
            row = s.execute(
                select(PackageRow)
                .join(OrderRow, OrderRow.id == PackageRow.order_id)
                .where(OrderRow.order_no == self.pool[i], PackageRow.state != PackageState.VOID.value)
            ).scalar_one_or_none()
            if row is not None and row.state != PackageState.SHIPPED.value:
                PackageRepository(s).void(row.id)

    @rule(i=st.integers(0, POOL - 1))
    def close_the_order(self, i: int) -> None:
        with self.ws.session_factory.begin() as s:
            s.execute(update(OrderRow).where(OrderRow.order_no == self.pool[i]).values(status=OrderStatus.CLOSED.value))

    @rule(i=st.integers(0, POOL - 1), n=st.integers(1, 99))
    def change_the_address(self, i: int, n: int) -> None:
        with self.ws.session_factory.begin() as s:
            s.execute(
                update(OrderRow).where(OrderRow.order_no == self.pool[i]).values(receiver_address=f"莫干山路{n}号")
            )

    @rule()
    def outbox_round(self) -> None:
        cancel_pending(self.ws.session_factory, self.providers)

    @precondition(lambda self: bool(self.fake.numbers))
    @rule(data=st.data())
    def cancel_by_hand(self, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(sorted(self.fake.numbers)))
        try:
            cancel_number(self.ws.session_factory, self.providers, number, ACTOR)
        except PackDeskError:
            pass

    # -- what must hold ----------------------------------------------------------------------------------------

    def _live_parcels(self) -> dict[str, str]:
        with self.ws.session_factory() as s:
            rows = s.execute(
                select(OrderRow.order_no, PackageRow.tracking_no)
                .join(PackageRow, PackageRow.order_id == OrderRow.id)
                .where(PackageRow.state != PackageState.VOID.value)
            ).all()
        parcels: dict[str, str] = {}
        for order_no, tracking_no in rows:
            assert order_no not in parcels, f"{order_no} has two live parcels"
            parcels[order_no] = tracking_no
        return parcels

    def _ledger(self) -> list[WaybillIssueRow]:
        with self.ws.session_factory() as s:
            rows = list(s.execute(select(WaybillIssueRow)).scalars())
            s.expunge_all()
        return rows

    @invariant()
    def every_live_number_is_known(self) -> None:
        parcels = self._live_parcels()
        rows = self._ledger()
        by_number = {r.tracking_no: r for r in rows if r.tracking_no}
        in_flight = {str(r.id) for r in rows if r.state == IssueState.REQUESTED.value}
        for no, number in self.fake.issued_numbers().items():
            row = by_number.get(no)
            on_parcel = parcels.get(number.order_no) == no
            to_cancel = row is not None and row.state in (IssueState.CANCEL_PENDING.value, IssueState.FAILED.value)
            assert on_parcel or to_cancel or number.object_id in in_flight, f"{no} is live, unknown here"
        for no in parcels.values():
            if no in by_number:
                assert by_number[no].state == IssueState.ISSUED.value
                assert self.fake.numbers[no].live, f"{no} is on a live parcel but cancelled at the provider"

    @invariant()
    def one_request_in_flight_per_order(self) -> None:
        open_orders = [r.order_id for r in self._ledger() if r.state == IssueState.REQUESTED.value]
        assert len(open_orders) == len(set(open_orders))

    def quiet_resume(self) -> None:
        """The network back, no faults: the batch again and an outbox round settle everything."""
        self.fake.unreachable = False
        self.fake.lose_answers = self.fake.lose_cancel_answers = 0
        self.fake.after_apply = None
        self.crash_next = False
        self.spooler().enqueue_batch(self.pool)
        cancel_pending(self.ws.session_factory, self.providers)
        parcels = self._live_parcels()
        numbered = {no for no in parcels.values() if no in self.fake.numbers}
        refused_cancels = {r.tracking_no for r in self._ledger() if r.state == IssueState.FAILED.value}
        assert set(self.fake.issued_numbers()) - refused_cancels == numbered
        assert not [r for r in self._ledger() if r.state == IssueState.CANCEL_PENDING.value]


def test_the_ledger_under_random_station_life() -> None:
    class Resuming(LedgerMachine):
        def teardown(self) -> None:
            try:
                self.quiet_resume()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Resuming,
        settings=settings(
            max_examples=25, stateful_step_count=25, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )  # fmt: skip
