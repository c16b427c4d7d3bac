"""An in-process online waybill provider for the ledger's unit tests (app.services.waybills.issuing and cancels).

It keeps its own ledger of the numbers it issued, as a provider does (number -> order number, object_id, carrier,
live or cancelled), and behaves as the RemoteWaybillProvider contract says: the same object_id of the same order
asked again gets the same live number, `find` answers live numbers only, a cancelled number is never issued again,
calls carry at most `max_batch` requests. It can be told to fail the ways a network provider fails:

    fake = FakeRemoteProvider(balance=25)
    fake.unreachable = True            # every call: WaybillUnreachable (nothing applied)
    fake.lose_answers = 1              # the next issue call applies, then its answer is lost (WaybillUnclear)
    fake.refuse_orders["T1"] = "地址不可达"  # that order's request is refused, the rest of the call answered
    fake.refuse_account = "授权已过期"    # every call refused for the whole account
    fake.after_apply = callback        # called with the requests once applied, before answering (a crash there)
    fake.issued_numbers()              # the numbers live at the provider

The end-to-end tests use the real Cainiao gateway (tests/pdtest/top_server.py) instead; this one is for the
orchestration's unit tests only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.errors import WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import Message
from app.domain.tracking import carrier as carrier_format
from app.services.waybills.ports import CarrierBalance, Issued, Refusal, WaybillAccount, WaybillRequest
from printers.waybill import Routing


@dataclass
class FakeNumber:
    tracking_no: str
    order_no: str
    object_id: str
    carrier: str
    address: tuple[str, ...]
    live: bool = True
    shipped: bool = False  # the carrier collected the parcel: it cannot be cancelled


@dataclass
class FakeRemoteProvider:
    """A RemoteWaybillProvider with a ledger and switchable faults (see the module's docstring)."""

    balance: int | None = None
    max_batch: int = 10
    encrypted: bool = False
    image: bytes | None = None
    first_serial: int = 31_000_000_001
    remote: bool = True
    numbers: dict[str, FakeNumber] = field(default_factory=dict)
    calls: Counter[str] = field(default_factory=Counter)  # per method
    batches: list[int] = field(default_factory=list)  # the size of each issue call
    unreachable: bool = False
    lose_answers: int = 0
    lose_cancel_answers: int = 0
    refuse_orders: dict[str, str] = field(default_factory=dict)
    refuse_account: str | None = None
    refuse_updates: bool = False
    without_print_data: bool = False  # issue answers carry no print data (reprint gives it)
    after_apply: Callable[[Sequence[WaybillRequest]], None] | None = None
    _serial: int = 0

    def issued_numbers(self) -> dict[str, FakeNumber]:
        """The numbers live at the provider, by number."""
        return {no: n for no, n in self.numbers.items() if n.live}

    def live_of(self, order_no: str) -> list[str]:
        return [no for no, n in self.numbers.items() if n.live and n.order_no == order_no]

    # -- the contract ---------------------------------------------------------------------------------------------

    def issue(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> list[Issued | Refusal]:
        self.calls["issue"] += 1
        assert 0 < len(requests) <= self.max_batch, f"{len(requests)} requests in one call"
        assert len({r.object_id for r in requests}) == len(requests), "package_info.id must be unique in a call"
        self._reach(account)
        self.batches.append(len(requests))
        answers: list[Issued | Refusal] = []
        for request in requests:
            known = self._live(request)
            if known is not None:  # asked twice: the same number, as Cainiao answers a repeated object_id
                answers.append(self._issued(known, print_data=not self.without_print_data))
            elif request.order_no in self.refuse_orders:
                answers.append(Refusal(request.object_id, Message.plain(self.refuse_orders[request.order_no])))
            elif self.balance is not None and self.balance <= 0:
                answers.append(Refusal(request.object_id, Message.plain("电子面单余额不足"), account_level=True))
            else:
                number = self._new(account, request)
                answers.append(self._issued(number, print_data=not self.without_print_data))
        if self.after_apply is not None:
            self.after_apply(requests)
        if self.lose_answers > 0:
            self.lose_answers -= 1
            raise WaybillUnclear(Message.plain("connection reset after the request was sent"))
        return answers

    def find(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> dict[str, Issued]:
        self.calls["find"] += 1
        self._reach(account)
        found = {}
        for request in requests:
            known = self._live(request)
            if known is not None:
                found[request.object_id] = self._issued(known)
        return found

    def reprint(self, account: WaybillAccount, carrier: str, tracking_no: str, object_id: str) -> Issued:
        self.calls["reprint"] += 1
        self._reach(account)
        number = self.numbers.get(tracking_no)
        if number is None or not number.live:
            raise WaybillRefused(Message.plain(f"面单号{tracking_no}不存在或已取消"))
        return self._issued(number)

    def cancel(self, account: WaybillAccount, carrier: str, tracking_no: str) -> None:
        self.calls["cancel"] += 1
        self._reach(account, refuse=False)
        number = self.numbers.get(tracking_no)
        if number is None:
            raise WaybillRefused(Message.plain(f"面单号{tracking_no}不存在"))
        if number.shipped:
            raise WaybillRefused(Message.plain(f"面单号{tracking_no}已揽收，不能取消"))
        number.live = False  # cancelled before counts as cancelled
        if self.lose_cancel_answers > 0:
            self.lose_cancel_answers -= 1
            raise WaybillUnclear(Message.plain("connection reset after the request was sent"))

    def update(self, account: WaybillAccount, carrier: str, tracking_no: str, request: WaybillRequest) -> Issued:
        self.calls["update"] += 1
        self._reach(account)
        number = self.numbers.get(tracking_no)
        if number is None or not number.live:
            raise WaybillRefused(Message.plain(f"面单号{tracking_no}不存在或已取消"))
        if self.refuse_updates:
            raise WaybillRefused(Message.plain("该快递公司不支持修改收件地址"))
        number.address = _address(request)
        return self._issued(number)

    def search(self, account: WaybillAccount) -> list[CarrierBalance]:
        self.calls["search"] += 1
        self._reach(account)
        return [CarrierBalance(account.carrier, self.balance)]

    # -- the ledger -----------------------------------------------------------------------------------------------

    def _reach(self, account: WaybillAccount, *, refuse: bool = True) -> None:
        if self.unreachable:
            raise WaybillUnreachable(Message.plain("connection refused"))
        if refuse and self.refuse_account is not None:
            raise WaybillRefused(Message.plain(self.refuse_account), account_level=True)

    def _live(self, request: WaybillRequest) -> FakeNumber | None:
        return next(
            (
                n
                for n in self.numbers.values()
                if n.live and n.object_id == request.object_id and n.order_no == request.order_no
            ),
            None,
        )

    def _new(self, account: WaybillAccount, request: WaybillRequest) -> FakeNumber:
        self._serial += 1
        tracking_no = carrier_format(account.carrier).number(self.first_serial + self._serial)
        number = FakeNumber(tracking_no, request.order_no, request.object_id, account.carrier, _address(request))
        self.numbers[tracking_no] = number
        if self.balance is not None:
            self.balance -= 1
        return number

    def _issued(self, number: FakeNumber, *, print_data: bool = True) -> Issued:
        province, city, district, detail = number.address
        routing = Routing(f"{city[:2]} 大头笔", f"{len(district):03d}-{len(detail):03d}", f"{province}集包地")
        data: dict[str, Any] = {}
        if print_data and self.encrypted:
            data = {"encryptedData": f"AES:{number.tracking_no}", "signature": "sig", "templateURL": "tpl",
                    "ver": "waybill_print_secret_version_1"}  # fmt: skip
        elif print_data:
            data = {
                "data": {
                    "waybillCode": number.tracking_no,
                    "recipient": {"address": {"province": province, "city": city, "district": district,
                                              "detail": detail}},
                    "routingInfo": {"sortation": {"name": routing.sort_headline}, "routeCode": routing.route_code,
                                    "consolidation": {"name": routing.consolidation}},
                },
                "signature": "sig",
                "templateURL": "tpl",
            }  # fmt: skip
        return Issued(
            number.tracking_no, routing, object_id=number.object_id, carrier=number.carrier, print_data=data,
            encrypted=self.encrypted and print_data, image=self.image,
        )  # fmt: skip


def _address(request: WaybillRequest) -> tuple[str, ...]:
    return (request.province, request.city, request.district, request.address)
