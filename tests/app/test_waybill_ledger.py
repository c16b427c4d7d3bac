"""The ledger of numbers from online waybill providers (app.services.waybills.issuing, cancels; the spooler's use of
them): one number per parcel whatever fails, requests committed before they leave, lost answers looked up before
asking again, batches in calls of the provider's size, the balance gate, reprints without a new number, cancels
through the outbox round, an address changed after printing. Against a real SQLite file and the in-process provider
of tests/pdtest/waybill_ledger_fake.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pdtest.waybill_ledger_fake import FakeRemoteProvider
from sqlalchemy import select, text, update

from app.domain.enums import OrderStatus, PackageState, PrintJobState
from app.domain.errors import (
    InvalidInput,
    NotPackable,
    PackDeskError,
    TrackingExhausted,
    WaybillRefused,
    WaybillUnclear,
    WaybillUnreachable,
)
from app.domain.waybills import IssueState
from app.persistence.packages import PackageRepository
from app.persistence.repositories import OrderRepository
from app.persistence.rows import (
    AuditRow,
    OrderRow,
    PackageRow,
    WaybillAccountCarrierRow,
    WaybillAccountRow,
    WaybillIssueRow,
)
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.shipping import ship_order
from app.services.waybills import NumberRoll, WaybillProviders
from app.services.waybills.cancels import cancel_number, cancel_pending, refused_cancels
from app.services.waybills.issuing import issue_numbers
from app.services.workspace import Workspace
from app.sync.outbox import OutboxWorker
from printers.fake import MemoryPrinter

ACTOR = Actor("tester", "bench-1")
NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)


class Crash(BaseException):
    """The process dies here (kill -9): nothing after it runs, no handler sees it."""


@pytest.fixture
def fake() -> FakeRemoteProvider:
    return FakeRemoteProvider()


@pytest.fixture
def online(demo: Workspace, fake: FakeRemoteProvider) -> WaybillProviders:
    """The demo group's ZTO account made an online one (served by `fake`) and the group's default."""
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).values(is_default=False))
        s.execute(
            update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(kind="fake", is_default=True)
        )
    return WaybillProviders({"fake": lambda: fake, "roll": NumberRoll})


def packable(ws: Workspace, n: int) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    found = [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]
    assert len(found) == n
    return found


def service(ws: Workspace, providers: WaybillProviders, printer: MemoryPrinter | None = None) -> PrintService:
    return PrintService(ws.session_factory, printer or MemoryPrinter(), ACTOR, waybills=providers)


def ledger(ws: Workspace) -> list[WaybillIssueRow]:
    with ws.session_factory() as s:
        rows = s.execute(select(WaybillIssueRow).order_by(WaybillIssueRow.id)).scalars().all()
        s.expunge_all()
        return list(rows)


def live_numbers(ws: Workspace) -> dict[str, str]:
    """Live parcels: order number -> tracking number (an order with two would fail here)."""
    with ws.session_factory() as s:
        rows = s.execute(
            select(OrderRow.order_no, PackageRow.tracking_no)
            .join(PackageRow, PackageRow.order_id == OrderRow.id)
            .where(PackageRow.state != PackageState.VOID.value)
        ).all()
    found: dict[str, str] = {}
    for order_no, tracking_no in rows:
        assert order_no not in found, f"{order_no} has two live parcels"
        found[order_no] = tracking_no
    return found


def assert_consistent(ws: Workspace, fake: FakeRemoteProvider) -> None:
    """Every live parcel's number is live at the provider for that order; every number live at the provider is on
    a live parcel of its order, or in the ledger to cancel, or an answer still to look up (a request in flight)."""
    parcels = live_numbers(ws)
    assert len(set(parcels.values())) == len(parcels), "a number on two parcels"
    rows = ledger(ws)
    to_cancel = {r.tracking_no for r in rows if r.state == IssueState.CANCEL_PENDING.value}
    in_flight = {str(r.id) for r in rows if r.state == IssueState.REQUESTED.value}
    online = {no for no in parcels.values() if no in {r.tracking_no for r in rows}}
    for no in online:
        assert fake.numbers[no].live
    for no, number in fake.issued_numbers().items():
        on_parcel = parcels.get(number.order_no) == no
        assert on_parcel or no in to_cancel or number.object_id in in_flight, f"{no} is live, unknown here"


# -- numbers -----------------------------------------------------------------------------------------------------


def test_a_batch_of_30_is_asked_in_calls_of_10_and_each_parcel_gets_one_number(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 30)
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    jobs = spooler.enqueue_batch(orders)
    assert all(isinstance(j, int) for j in jobs), jobs
    assert fake.batches == [10, 10, 10] and fake.calls["find"] == 0
    parcels = live_numbers(demo)
    assert sorted(parcels) == sorted(orders)
    assert sorted(parcels.values()) == sorted(fake.issued_numbers())
    for no, number in fake.issued_numbers().items():
        assert parcels[number.order_no] == no
    rows = ledger(demo)
    assert [r.state for r in rows] == [IssueState.ISSUED.value] * 30
    assert all(r.attempts == 1 and not r.unclear and r.receiver_digest for r in rows)
    # the request's id is what the provider was given as object_id (and package_info.id)
    assert {str(r.id) for r in rows} == {n.object_id for n in fake.numbers.values()}
    spooler.run()
    assert len(printer.received) == 30
    _, first = printer.received[0]
    assert first.document is not None and first.document["data"]["waybillCode"] == first.tracking_no
    assert first.routing.sort_headline.endswith("大头笔")  # the provider's routing, on our own label too
    assert_consistent(demo, fake)


def test_the_label_prints_the_sender_address_the_number_was_issued_for(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    """The group's own address is in Hangzhou; the account's chosen provider address is the Shanghai one, so the
    label shows Shanghai (what the carrier checks the number against), with the group's sender name and phone."""
    shanghai = {"address_id": "202", "province": "上海市", "city": "上海市", "district": "青浦区", "town": "华新镇",
                "detail": "华志路1号"}  # fmt: skip
    with demo.session_factory.begin() as s:
        account = s.execute(select(WaybillAccountRow).where(WaybillAccountRow.kind == "fake")).scalar_one()
        account.address_id = "202"
        s.add(
            WaybillAccountCarrierRow(
                account_id=account.id, carrier="ZTO", balance=100, addresses=[shanghai], updated_at=NOW
            )
        )
        group_name = account.group.sender_name
    order = packable(demo, 1)[0]
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    spooler.enqueue_batch([order])
    spooler.run()
    ((_, label),) = printer.received
    assert label.sender.address == "上海市上海市青浦区华新镇华志路1号"
    assert group_name and label.sender.name == group_name


def test_requests_are_committed_before_the_provider_is_asked_and_no_transaction_is_open(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 3)
    seen: list[list[tuple[int, str]]] = []

    def look(requests: object) -> None:
        with demo.session_factory.begin() as other:  # another writer: it would wait (and fail) on an open write
            seen.append(other.execute(text("SELECT id, state FROM waybill_issues ORDER BY id")).all())
            other.execute(text("UPDATE shops SET name = name"))

    fake.after_apply = look
    service(demo, online).enqueue_batch(orders)
    assert [state for _, state in seen[0]] == ["requested"] * 3
    assert sorted(str(i) for i, _ in seen[0]) == sorted(n.object_id for n in fake.numbers.values())


def test_a_lost_answer_is_looked_up_before_asking_again_and_never_takes_a_second_number(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    fake.lose_answers = 1
    with pytest.raises(WaybillUnclear) as lost:
        service(demo, online).enqueue(order_no)
    assert lost.value.message == (
        f"Print order {order_no} again: PackDesk first looks up whether a number was issued, and never takes a "
        "second one. The answer of the waybill account 'ZTO 演示账户' (中通快递) was lost: connection reset after the "
        "request was sent"
    )
    (row,) = ledger(demo)
    assert (row.state, row.unclear, row.attempts, row.tracking_no) == ("requested", True, 1, None)
    assert live_numbers(demo) == {}
    (issued,) = fake.issued_numbers()  # the provider applied it
    job = service(demo, online).enqueue(order_no)
    assert isinstance(job, int)
    assert fake.calls["find"] == 1 and fake.calls["issue"] == 1  # found: not asked again
    assert live_numbers(demo) == {order_no: issued}
    (row,) = ledger(demo)
    assert (row.state, row.unclear, row.tracking_no) == ("issued", False, issued)
    assert_consistent(demo, fake)


def test_a_crash_after_the_provider_applied_resumes_with_the_same_number(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 12)

    def die(requests: object) -> None:
        raise Crash

    fake.after_apply = die
    with pytest.raises(Crash):
        service(demo, online).enqueue_batch(orders)
    assert [r.state for r in ledger(demo)] == ["requested"] * 12
    assert len(fake.issued_numbers()) == 10  # the first call applied, its answer never recorded
    assert_consistent(demo, fake)
    fake.after_apply = None
    jobs = service(demo, online).enqueue_batch(orders)  # the same batch run again, by a new process
    assert all(isinstance(j, int) for j in jobs), jobs
    assert fake.calls["find"] == 1 and fake.batches == [10, 2]  # found 10, asked for the 2 never sent
    assert len(fake.issued_numbers()) == 12 and len(live_numbers(demo)) == 12
    assert_consistent(demo, fake)


def test_an_unreachable_provider_leaves_the_requests_for_the_next_run(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 2)
    fake.unreachable = True
    results = service(demo, online).enqueue_batch(orders)
    assert all(isinstance(r, WaybillUnreachable) for r in results)
    assert str(results[0]) == (
        f"No number was taken for order {orders[0]}; print it again when the connection is back. The waybill account "
        "'ZTO 演示账户' (中通快递) cannot be reached: connection refused"
    )
    assert [(r.state, r.unclear) for r in ledger(demo)] == [("requested", False)] * 2
    assert fake.issued_numbers() == {}
    fake.unreachable = False
    assert all(isinstance(j, int) for j in service(demo, online).enqueue_batch(orders))
    assert fake.calls["find"] == 1 and fake.batches == [2]  # looked up first: it may have left before the failure
    assert len(live_numbers(demo)) == 2


def test_a_refused_request_fails_with_the_providers_words_and_the_rest_print(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 3)
    fake.refuse_orders[orders[1]] = "收件地址不可达"
    results = service(demo, online).enqueue_batch(orders)
    assert isinstance(results[0], int) and isinstance(results[2], int)
    refused = results[1]
    assert isinstance(refused, WaybillRefused) and not refused.account_level
    assert (
        refused.message
        == f"The waybill account 'ZTO 演示账户' refused a 中通快递 number for order {orders[1]}: 收件地址不可达"
    )
    states = {r.order_id: r.state for r in ledger(demo)}
    assert sorted(states.values()) == ["failed", "issued", "issued"]
    failed = next(r for r in ledger(demo) if r.state == "failed")
    assert failed.error is not None and failed.error["params"]["text"] == "收件地址不可达"
    del fake.refuse_orders[orders[1]]
    assert isinstance(service(demo, online).enqueue(orders[1]), int)  # a new request, a number
    assert len(live_numbers(demo)) == 3 and fake.calls["find"] == 0


def test_an_account_level_refusal_stops_the_rest_of_the_batch(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    orders = packable(demo, 25)
    fake.balance = 12  # the stored balance does not know: the provider says so at the 13th
    results = service(demo, online).enqueue_batch(orders)
    errors = [r for r in results if isinstance(r, PackDeskError)]
    assert len(errors) == 13 and all(isinstance(e, WaybillRefused) and e.account_level for e in errors)
    assert errors[0].message.endswith(
        "The waybill account 'ZTO 演示账户' cannot issue 中通快递 numbers now: 电子面单余额不足"
    )
    assert fake.batches == [10, 10]  # the third call was never made
    assert len(live_numbers(demo)) == 12 and len(fake.issued_numbers()) == 12
    rows = ledger(demo)
    assert sorted({r.state for r in rows}) == ["failed", "issued"]
    never_sent = [r for r in rows if r.state == "failed" and r.attempts == 0]
    assert len(never_sent) == 5
    assert_consistent(demo, fake)


def test_at_zero_balance_the_batch_stops_before_the_first_parcel(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    with demo.session_factory.begin() as s:
        account = s.execute(select(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO")).scalar_one()
        s.add(WaybillAccountCarrierRow(account_id=account.id, carrier="ZTO", balance=0, branch_code="",
                                       branch_name="", addresses=[], updated_at=datetime.now(UTC)))  # fmt: skip
    results = service(demo, online).enqueue_batch(packable(demo, 5))
    assert all(isinstance(r, TrackingExhausted) for r in results)
    assert "The waybill account 'ZTO 演示账户' has no 中通快递 numbers left" in str(results[0])
    assert sum(fake.calls.values()) == 0 and ledger(demo) == [] and live_numbers(demo) == {}


def test_the_known_balance_goes_down_by_the_numbers_issued(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    with demo.session_factory.begin() as s:
        account = s.execute(select(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO")).scalar_one()
        s.add(WaybillAccountCarrierRow(account_id=account.id, carrier="ZTO", balance=50, branch_code="",
                                       branch_name="", addresses=[], updated_at=datetime.now(UTC)))  # fmt: skip
    service(demo, online).enqueue_batch(packable(demo, 30))
    with demo.session_factory() as s:
        assert s.execute(select(WaybillAccountCarrierRow.balance)).scalar_one() == 20


def test_a_number_the_provider_gives_that_a_parcel_already_has_is_not_used_twice(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    first, second = packable(demo, 2)
    upcoming = "7" + f"{fake.first_serial + 1:013d}"
    ship_order(demo.session_factory, first, "ZTO", upcoming, ACTOR, datetime.now(UTC))  # typed by hand, earlier
    with pytest.raises(WaybillRefused) as refused:
        service(demo, online).enqueue(second)
    assert f"already on order {first}" in refused.value.message
    assert live_numbers(demo) == {first: upcoming}
    assert isinstance(service(demo, online).enqueue(second), int)  # printed again: another number
    assert live_numbers(demo)[second] != upcoming


def test_local_accounts_keep_their_single_transaction(
    demo: Workspace, online: WaybillProviders, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(kind="roll"))

    def never(*args: object, **kwargs: object) -> dict[str, PackDeskError]:
        raise AssertionError("a local account's number is taken inside the print transaction")

    monkeypatch.setattr("app.services.printing.spooler.issue_numbers", never)
    spooler = service(demo, online)
    assert all(isinstance(j, int) for j in spooler.enqueue_batch(packable(demo, 3)))
    assert isinstance(spooler.enqueue(packable(demo, 1)[0]), int)
    assert ledger(demo) == []


def test_orders_of_local_accounts_are_left_to_the_print_transaction(demo: Workspace, online: WaybillProviders) -> None:
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(kind="roll"))
    assert issue_numbers(demo.session_factory, packable(demo, 3), online) == {}
    assert ledger(demo) == [] and live_numbers(demo) == {}


# -- reprints ----------------------------------------------------------------------------------------------------


def test_a_reprint_prints_the_stored_print_data_and_never_takes_a_new_number(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    first = spooler.print_order(order_no)
    again = spooler.print_order(order_no, reprint_reason="label torn")
    assert again.state is PrintJobState.SENT and (again.tracking_no, again.copy_no) == (first.tracking_no, 2)
    assert fake.calls == {"issue": 1}
    (_, label1), (_, label2) = printer.received
    assert label2.document == label1.document and label2.document is not None


def test_print_data_missing_from_the_answer_is_fetched_before_the_first_label(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    fake.without_print_data = True
    printer = MemoryPrinter()
    service(demo, online, printer).print_order(order_no)
    assert fake.calls == {"issue": 1, "reprint": 1}
    ((_, label),) = printer.received
    assert label.document is not None and label.document["data"]["waybillCode"] == label.tracking_no


def test_print_data_missing_from_the_ledger_is_fetched_again_for_a_reprint(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    spooler.print_order(order_no)
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillIssueRow).values(print_data=None))
    spooler.print_order(order_no, reprint_reason="label torn")
    spooler.print_order(order_no, reprint_reason="torn again")
    assert fake.calls == {"issue": 1, "reprint": 1}  # fetched once, stored, then printed from the ledger
    assert [w.tracking_no for _, w in printer.received] == [printer.received[0][1].tracking_no] * 3
    assert printer.received[2][1].document == printer.received[0][1].document


# -- cancels -----------------------------------------------------------------------------------------------------


def void(ws: Workspace, order_no: str) -> str:
    with ws.session_factory.begin() as s:
        stored = OrderRepository(s).stored(order_no)
        assert stored is not None and stored.package is not None
        PackageRepository(s).void(stored.package.id)
        return stored.package.tracking_no


def test_a_voided_label_cancels_its_number_in_the_outbox_round_even_after_being_offline(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    service(demo, online).print_order(order_no)
    number = void(demo, order_no)
    (row,) = ledger(demo)
    assert (row.state, row.tracking_no) == ("cancel_pending", number)  # in the void's own transaction
    fake.unreachable = True
    worker = OutboxWorker(demo.session_factory, lambda shop: None, waybills=online)  # type: ignore[arg-type,return-value]
    report = worker.flush(now_too=True)
    assert report.waybill_cancels.to_json() == {"cancelled": 0, "retry_later": 1, "failed": 0, "errors": []}
    assert fake.numbers[number].live and ledger(demo)[0].state == "cancel_pending"
    fake.unreachable = False
    report = worker.flush(now_too=True)
    assert report.to_json()["waybill_cancels"]["cancelled"] == 1
    assert not fake.numbers[number].live and ledger(demo)[0].state == "cancelled"
    assert worker.flush().waybill_cancels.cancelled == 0 and fake.calls["cancel"] == 2


def test_a_lost_cancel_answer_is_cancelled_again_harmlessly(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    service(demo, online).print_order(order_no)
    number = void(demo, order_no)
    fake.lose_cancel_answers = 1
    assert cancel_pending(demo.session_factory, online).retry_later == 1
    assert (ledger(demo)[0].state, ledger(demo)[0].unclear) == ("cancel_pending", True)
    assert cancel_pending(demo.session_factory, online).cancelled == 1
    assert not fake.numbers[number].live and ledger(demo)[0].attempts == 3  # issued once, cancel claimed twice


def test_a_shipped_parcels_number_is_never_cancelled(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    result = service(demo, online).print_order(order_no)
    with demo.session_factory.begin() as s:
        stored = OrderRepository(s).stored(order_no)
        assert stored is not None and stored.package is not None
        PackageRepository(s).mark_shipped(stored.package.id, datetime.now(UTC))
    with pytest.raises(InvalidInput) as refused:
        cancel_number(demo.session_factory, online, result.tracking_no, ACTOR)
    assert refused.value.message == (
        f"Number {result.tracking_no} cannot be cancelled: its parcel (order {order_no}) has shipped, and a shipped "
        "number travels with it."
    )
    with demo.session_factory.begin() as s:
        PackageRepository(s).void(s.execute(select(PackageRow.id)).scalar_one())
    assert ledger(demo)[0].state == "issued"
    assert cancel_pending(demo.session_factory, online).cancelled == 0 and fake.numbers[result.tracking_no].live


def test_cancelling_a_number_by_hand_voids_its_label_audited_and_cancels_it(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    number = service(demo, online).print_order(order_no).tracking_no
    done = cancel_number(demo.session_factory, online, f" {number.lower()} ", ACTOR)
    assert done.to_json() == {
        "tracking_no": number, "order_no": order_no, "state": "cancelled",
        "message": f"Number {number} (order {order_no}) is cancelled with the waybill account 'ZTO 演示账户'.",
    }  # fmt: skip
    assert live_numbers(demo) == {} and not fake.numbers[number].live
    with demo.session_factory() as s:
        actions = s.execute(select(AuditRow.action, AuditRow.entity_id).where(AuditRow.actor == "tester")).all()
    assert ("void", number) in actions and ("waybill_cancel", number) in actions
    assert cancel_number(demo.session_factory, online, number, ACTOR).state == "cancelled"  # again: said so
    assert fake.calls["cancel"] == 1


def test_a_number_cancelled_by_hand_while_offline_is_cancelled_by_a_later_round(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    number = service(demo, online).print_order(order_no).tracking_no
    fake.unreachable = True
    later = cancel_number(demo.session_factory, online, number, ACTOR)
    assert later.state == "cancel_pending"
    assert later.message.render() == (
        f"Number {number} (order {order_no}) is voided and will be cancelled with the next outbox round; the waybill "
        "account 'ZTO 演示账户' could not be told now: connection refused"
    )
    assert live_numbers(demo) == {}
    fake.unreachable = False
    assert cancel_pending(demo.session_factory, online).cancelled == 1 and not fake.numbers[number].live


def test_a_refused_cancel_is_listed_for_the_seller_with_the_providers_words(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    number = service(demo, online).print_order(order_no).tracking_no
    fake.numbers[number].shipped = True  # the courier collected it before the label was voided here
    with pytest.raises(WaybillRefused) as refused:
        cancel_number(demo.session_factory, online, number, ACTOR)
    assert refused.value.message.endswith(
        f"refused to cancel number {number} (order {order_no}): 面单号{number}已揽收，不能取消"
    )
    (listed,) = refused_cancels(demo.session_factory)
    assert (listed["tracking_no"], listed["order_no"]) == (number, order_no) and "已揽收" in listed["reason"]
    assert cancel_pending(demo.session_factory, online).cancelled == 0  # not retried blindly
    fake.numbers[number].shipped = False
    assert cancel_number(demo.session_factory, online, number, ACTOR).state == "cancelled"
    assert refused_cancels(demo.session_factory) == []


def test_a_roll_number_cancelled_by_hand_is_voided(demo: Workspace, online: WaybillProviders) -> None:
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(kind="roll"))
    (order_no,) = packable(demo, 1)
    number = service(demo, online).print_order(order_no).tracking_no
    result = cancel_number(demo.session_factory, online, number, ACTOR)
    assert result.state == "void" and "comes from a number roll" in result.message.render()
    assert live_numbers(demo) == {}
    with pytest.raises(PackDeskError) as unknown:
        cancel_number(demo.session_factory, online, "70000000000000", ACTOR)
    assert unknown.value.code == "not_found"


def test_an_order_stopped_while_its_number_was_asked_hands_the_number_to_the_cancels(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)

    def refunded(requests: object) -> None:
        with demo.session_factory.begin() as s:
            s.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(status=OrderStatus.CLOSED.value))

    fake.after_apply = refunded
    with pytest.raises(NotPackable) as stopped:
        service(demo, online).enqueue(order_no)
    (number,) = fake.issued_numbers()
    assert stopped.value.message == (
        f"Order {order_no} changed while its number was being asked (closed): the number {number} is not used and "
        "will be cancelled."
    )
    (row,) = ledger(demo)
    assert (row.state, row.tracking_no, row.package_id) == ("cancel_pending", number, None)
    assert cancel_pending(demo.session_factory, online).cancelled == 1
    assert fake.issued_numbers() == {}


def test_a_request_left_by_a_crash_for_an_order_closed_meanwhile_is_settled_by_the_round(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    first, second = packable(demo, 2)

    def die(requests: object) -> None:
        raise Crash

    fake.after_apply = die
    with pytest.raises(Crash):
        service(demo, online).enqueue_batch([first, second])
    fake.after_apply = None
    fake.lose_answers = 0
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == first).values(status=OrderStatus.CLOSED.value))
    report = cancel_pending(demo.session_factory, online)
    assert report.cancelled == 1  # looked up, found, cancelled
    assert fake.live_of(first) == [] and len(fake.live_of(second)) == 1
    states = {r.order_id: r.state for r in ledger(demo)}
    assert sorted(states.values()) == ["cancelled", "requested"]  # the other still wanted: its print resolves it
    assert isinstance(service(demo, online).enqueue(second), int)
    assert live_numbers(demo) == {second: fake.live_of(second)[0]}
    assert_consistent(demo, fake)


# -- an address changed after printing ---------------------------------------------------------------------------


def move(ws: Workspace, order_no: str, detail: str) -> None:
    with ws.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(receiver_address=detail))


def test_an_address_changed_after_printing_updates_the_number_and_the_packer_is_told(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    number = spooler.print_order(order_no).tracking_no
    move(demo, order_no, "文三路 478 号 华星时代广场 B 座 1101")
    again = spooler.print_order(order_no, reprint_reason="address changed")
    assert again.tracking_no == number and again.copy_no == 2
    assert fake.calls["update"] == 1 and fake.calls["issue"] == 1
    assert spooler.notices[order_no].render() == (
        f"Address changed for order {order_no}: number {number} kept, label updated with the new address."
    )
    label = printer.received[-1][1]
    assert label.document is not None and "华星时代广场" in label.document["data"]["recipient"]["address"]["detail"]
    assert fake.numbers[number].address[-1].startswith("文三路")
    spooler.print_order(order_no, reprint_reason="one more")
    assert fake.calls["update"] == 1 and spooler.notices == {}  # the ledger knows the new receiver now


def test_an_address_the_provider_cannot_update_gets_a_new_number_and_the_old_one_is_cancelled(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    spooler = service(demo, online)
    old = spooler.print_order(order_no).tracking_no
    move(demo, order_no, "莫干山路 100 号")
    fake.refuse_updates = True
    again = spooler.print_order(order_no, reprint_reason="address changed")
    assert again.state is PrintJobState.SENT and again.tracking_no != old and again.copy_no == 1
    notice = spooler.notices[order_no].render()
    assert f"could not update number {old} (该快递公司不支持修改收件地址)" in notice
    assert f"new number, {again.tracking_no}" in notice
    assert live_numbers(demo) == {order_no: again.tracking_no}
    assert cancel_pending(demo.session_factory, online).cancelled == 1
    assert fake.live_of(order_no) == [again.tracking_no]
    assert_consistent(demo, fake)


def test_an_address_changed_while_the_provider_is_unreachable_does_not_print_the_old_label(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    printer = MemoryPrinter()
    spooler = service(demo, online, printer)
    number = spooler.print_order(order_no).tracking_no
    move(demo, order_no, "莫干山路 100 号")
    fake.unreachable = True
    with pytest.raises(WaybillUnreachable) as refused:
        spooler.print_order(order_no, reprint_reason="address changed")
    assert f"after its number {number} was issued" in refused.value.message
    assert len(printer.received) == 1


def test_an_unprinted_parcel_whose_address_changed_is_updated_before_its_first_label(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    assert issue_numbers(demo.session_factory, [order_no], online) == {}
    move(demo, order_no, "莫干山路 100 号")
    result = service(demo, online).print_order(order_no)
    assert result.copy_no == 1 and fake.calls["update"] == 1


def test_a_printed_parcel_is_not_updated_without_a_reprint(
    demo: Workspace, online: WaybillProviders, fake: FakeRemoteProvider
) -> None:
    (order_no,) = packable(demo, 1)
    spooler = service(demo, online)
    spooler.print_order(order_no)
    move(demo, order_no, "莫干山路 100 号")
    with pytest.raises(InvalidInput):
        spooler.enqueue(order_no)  # printed before: refused without a reason, as always
    assert fake.calls["update"] == 0
