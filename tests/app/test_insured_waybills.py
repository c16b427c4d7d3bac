"""Insurance (保价) above the seller's threshold, end to end through the e-waybill providers on their loopback APIs:
the demo group's ZTO account made a Pinduoduo or a Kuaidi100 account, orders printed through the ledger and the
spooler onto the TSPL printer simulator. The order at the threshold is asked insured (PDD: `logistics_services`
SVC-INSURE in fen; Kuaidi100: `valinsPay` in yuan), the one below is not; the value asked is kept with the number, and
the label printed (decoded from the printer's bytes) carries 保价 ¥X from it on the first print and on reprints after
the seller changed the threshold, while a number issued without insurance never shows the mark. A request whose
answer was lost is asked again with the insurance it first carried. The providers refuse a malformed value."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest
from pdtest.kuaidi100_server import Kuaidi100Server, kd100_sign
from pdtest.label_decode import decode_tspl
from pdtest.label_text import read
from pdtest.simulator import PrinterSimulator
from PIL import Image, ImageChops
from sqlalchemy import select, update

from app.domain.enums import PrintJobState
from app.domain.errors import WaybillUnclear
from app.domain.orders import Order
from app.domain.waybills import WaybillAccount, WaybillRequest
from app.persistence.repositories import OrderRepository
from app.persistence.rows import PackageRow, ShopGroupRow, WaybillAccountRow, WaybillIssueRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.printing.label import waybill_of
from app.services.service_rules import set_insure_above
from app.services.waybills import NumberRoll, WaybillProviders, installed
from app.services.waybills.ports import Refusal
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.shops import Credentials
from app.sync.waybills.kuaidi100 import Kuaidi100Provider
from app.sync.waybills.pdd import PddProvider
from printers.media import Media
from printers.registry import open_printer
from printers.render import provider_label, render_waybill
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer

ACTOR = Actor("tester", "bench-1")
NOW = datetime.now(UTC).replace(second=0, microsecond=0)  # the spooler's clock: labels are rendered at this time
MEDIA = Media(100, 150, 203)
GET = "pdd.waybill.get"
KD_KEY, KD_SECRET, PARTNER_ID, PARTNER_KEY = "kd-key", "kd-secret", "ZT-0571-8801", "branch-pass"
RETRY = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)


def cheap_and_dear(ws: Workspace) -> tuple[Order, Order]:
    """The packable orders worth least and most (different totals)."""
    orders = [
        o for o in list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
        if all(ln.packable for ln in o.lines) and not o.tracking_no
    ]  # fmt: skip
    orders.sort(key=lambda o: o.total)
    assert orders[0].total < orders[-1].total
    return orders[0], orders[-1]


def make_online(ws: Workspace, **values: object) -> None:
    """The demo group's ZTO account becomes the default, served online as `values` say."""
    with ws.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).values(is_default=False))
        s.execute(update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(is_default=True, **values))


@pytest.fixture
def pdd() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN) as server:
        yield server


@pytest.fixture
def pdd_providers(demo: Workspace, pdd: PddServer) -> Iterator[WaybillProviders]:
    """The ZTO account on Pinduoduo's e-waybill; the group's sender is the ZTO branch's subscribed address."""
    make_online(demo, kind="pdd", gateway_url=pdd.url, app_key=CLIENT_ID, settings={"user_id": "1001"})
    with demo.session_factory.begin() as s:
        s.execute(update(ShopGroupRow).values(sender_province="浙江省", sender_city="杭州市", sender_district="余杭区",
                                              sender_detail="文一西路969号3号楼"))  # fmt: skip
    provider = PddProvider(lambda account: Credentials(SECRET, TOKEN), retry=RETRY, sleep=lambda s: None)
    yield WaybillProviders({"pdd": lambda: provider, "roll": NumberRoll})
    provider.close()


@pytest.fixture
def kd() -> Iterator[Kuaidi100Server]:
    with Kuaidi100Server(KD_KEY, KD_SECRET, seed=5) as server:
        server.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY, balance=50)
        yield server


@pytest.fixture
def kd_providers(demo: Workspace, kd: Kuaidi100Server) -> Iterator[WaybillProviders]:
    settings = {"partner_id": PARTNER_ID, "order_prefix": "ins-"}
    make_online(demo, kind="kuaidi100", gateway_url=kd.url, app_key=KD_KEY, settings=settings)
    provider = Kuaidi100Provider(lambda account: Credentials(KD_SECRET, PARTNER_KEY), retry=RETRY, sleep=lambda s: None)
    yield WaybillProviders({"kuaidi100": lambda: provider, "roll": NumberRoll})
    provider.close()


class Bench:
    """A spooler on the TSPL simulator at a fixed time: prints and returns the label the printer got."""

    def __init__(self, ws: Workspace, providers: WaybillProviders, sim: PrinterSimulator) -> None:
        self.ws, self.sim = ws, sim
        printer = open_printer(f"{sim.uri}&size=100x150&dpi=203")
        self.spooler = PrintService(ws.session_factory, printer, ACTOR, lambda: NOW, waybills=providers)
        self.jobs = 0

    def print(self, order_no: str, reprint: str | None = None) -> Image.Image:
        result = self.spooler.print_order(order_no, reprint_reason=reprint)
        assert result.state is PrintJobState.SENT, result
        self.jobs += 1
        image = decode_tspl(self.sim.wait_jobs(self.jobs)[-1]).image
        assert image is not None
        return image

    def label(self, order_no: str, copy_no: int, insured: str) -> Image.Image:
        """The label `order_no` should print as copy `copy_no`, its 保价 mark saying `insured` ("" none)."""
        with self.ws.session_factory() as session:
            stored = OrderRepository(session).stored(order_no)
            assert stored is not None and stored.package is not None
            waybill = replace(waybill_of(session, stored, stored.package, copy_no, NOW), insured=insured)
        marks = [t for t, _ in read(waybill, MEDIA).texts if t.startswith("保价")]
        assert marks == ([f"保价 ¥{insured}"] if insured else [])
        return render_waybill(waybill, MEDIA)


def same(printed: Image.Image, expected: Image.Image) -> bool:
    """Whether the printed label (decoded, maybe padded to whole bytes) is exactly the expected raster."""
    cropped = printed.crop((0, 0, expected.width, expected.height))
    return ImageChops.logical_xor(cropped.convert("1"), expected.convert("1")).getbbox() is None


def stored_insured(ws: Workspace, order: Order) -> tuple[Decimal | None, Decimal | None]:
    """What the order's ledger row and parcel keep as insured."""
    with ws.session_factory() as s:
        stored = OrderRepository(s).stored(order.order_no)
        assert stored is not None and stored.package is not None
        row = s.execute(select(WaybillIssueRow).where(WaybillIssueRow.package_id == stored.package.id)).scalar_one()
        return row.insured, s.get(PackageRow, stored.package.id).insured  # type: ignore[union-attr]


def pdd_services(pdd: PddServer) -> dict[str, list[dict[str, object]]]:
    """Per order number, the logistics_services of every pdd.waybill.get parcel asked for it, in order."""
    out: dict[str, list[dict[str, object]]] = {}
    for form in pdd.requests:
        if form.get("type") == GET:
            for dto in json.loads(form["param_waybill_cloud_print_apply_new_request"])["trade_order_info_dtos"]:
                raw = dto.get("logistics_services")
                out.setdefault(dto["order_info"]["trade_order_list"][0], []).append(json.loads(raw) if raw else {})
    return out


def test_pdd_insures_above_the_threshold_and_the_label_keeps_what_was_asked(
    demo: Workspace, pdd: PddServer, pdd_providers: WaybillProviders
) -> None:
    cheap, dear = cheap_and_dear(demo)
    set_insure_above(demo.session_factory, str(dear.total), ACTOR)
    fen = str(int(dear.total * 100))
    with PrinterSimulator("tspl") as sim:
        bench = Bench(demo, pdd_providers, sim)
        first = {o.order_no: bench.print(o.order_no) for o in (cheap, dear)}
        assert pdd_services(pdd) == {dear.order_no: [{"SVC-INSURE": {"value": fen}}], cheap.order_no: [{}]}
        ledger = {r["order_nos"][0]: r["services"] for r in pdd.desk.snapshot().values()}
        assert ledger == {dear.order_no: {"SVC-INSURE": {"value": fen}}, cheap.order_no: {}}
        assert stored_insured(demo, dear) == (dear.total, dear.total)
        assert stored_insured(demo, cheap) == (None, None)
        assert same(first[dear.order_no], bench.label(dear.order_no, 1, f"{dear.total:.2f}"))
        assert same(first[cheap.order_no], bench.label(cheap.order_no, 1, ""))

        # The seller lowers the threshold below the cheap order: its number was issued uninsured, its reprint shows
        # no mark; then switches insurance off: the dear parcel's reprint still says what its request asked.
        set_insure_above(demo.session_factory, str(cheap.total), ACTOR)
        again = bench.print(cheap.order_no, reprint="label torn")
        assert same(again, bench.label(cheap.order_no, 2, ""))
        assert not same(again, bench.label(cheap.order_no, 2, f"{cheap.total:.2f}"))
        set_insure_above(demo.session_factory, "", ACTOR)
        again = bench.print(dear.order_no, reprint="label torn")
        assert same(again, bench.label(dear.order_no, 2, f"{dear.total:.2f}"))
        assert not same(again, bench.label(dear.order_no, 2, ""))
    assert sum(1 for f in pdd.requests if f.get("type") == GET) == 2  # one per order: the reprints took no number


def test_a_lost_answer_is_asked_again_with_the_insurance_it_first_carried(
    demo: Workspace, pdd: PddServer, pdd_providers: WaybillProviders
) -> None:
    _, dear = cheap_and_dear(demo)
    set_insure_above(demo.session_factory, str(dear.total), ACTOR)
    pdd.faults.drop_after_apply, pdd.faults.only_methods = 1.0, frozenset({GET})
    with PrinterSimulator("tspl") as sim:
        bench = Bench(demo, pdd_providers, sim)
        with pytest.raises(WaybillUnclear):  # the number was issued, its answer never came back
            bench.spooler.print_order(dear.order_no)
        with demo.session_factory() as s:
            (open_row,) = s.execute(select(WaybillIssueRow)).scalars().all()
            assert (open_row.state, open_row.insured) == ("requested", dear.total)
        pdd.faults.reset()
        set_insure_above(demo.session_factory, "", ACTOR)  # insurance switched off meanwhile
        printed = bench.print(dear.order_no, reprint=None)
        assert same(printed, bench.label(dear.order_no, 1, f"{dear.total:.2f}"))
    fen = {"SVC-INSURE": {"value": str(int(dear.total * 100))}}
    assert pdd_services(pdd)[dear.order_no] == [fen, fen]  # asked again as first asked
    assert len(pdd.desk.live_numbers()) == 1 and stored_insured(demo, dear) == (dear.total, dear.total)


def test_kuaidi100_insures_above_the_threshold_in_yuan_and_prints_its_own_label(
    demo: Workspace, kd: Kuaidi100Server, kd_providers: WaybillProviders
) -> None:
    cheap, dear = cheap_and_dear(demo)
    set_insure_above(demo.session_factory, str(dear.total), ACTOR)
    with PrinterSimulator("tspl") as sim:
        bench = Bench(demo, kd_providers, sim)
        printed = {o.order_no: bench.print(o.order_no) for o in (cheap, dear)}
        set_insure_above(demo.session_factory, "", ACTOR)
        reprinted = bench.print(dear.order_no, reprint="label torn")
    asked = {p["thirdOrderId"]: p for p in kd.params}
    assert asked[dear.order_no]["valinsPay"] == float(dear.total)
    assert "valinsPay" not in asked[cheap.order_no]
    issues = {i.order_id: i for i in kd.ledger.values()}
    with demo.session_factory() as s:
        ids = dict(s.execute(select(WaybillIssueRow.package_id, WaybillIssueRow.id)).all())
        by_order = {
            o.order_no: ids[OrderRepository(s).stored(o.order_no).package.id]  # type: ignore[union-attr]
            for o in (cheap, dear)
        }
    assert issues["ins-" + str(by_order[dear.order_no])].valins == f"{dear.total:.2f}"
    assert issues["ins-" + str(by_order[cheap.order_no])].valins == ""
    assert stored_insured(demo, dear) == (dear.total, dear.total) and stored_insured(demo, cheap) == (None, None)
    # the labels are Kuaidi100's own images (its own 保价 mark on the dear one), printed as it rendered them, the
    # reprint too: PackDesk adds nothing to a provider's label
    for order_no, image in (*printed.items(), (dear.order_no, reprinted)):
        theirs = provider_label(issues["ins-" + str(by_order[order_no])].label_png, MEDIA)
        assert theirs is not None and same(image, theirs)


def test_pdd_refuses_a_malformed_insured_value(pdd: PddServer) -> None:
    provider = PddProvider(lambda account: Credentials(SECRET, TOKEN), retry=RETRY, sleep=lambda s: None)
    try:
        bare = WaybillAccount(7, "拼多多面单", "pdd", "YTO", gateway=pdd.url, app_key=CLIENT_ID,
                              settings={"user_id": "1001"})  # fmt: skip
        yto = next(c for c in provider.search(bare) if c.code == "YTO")
        account = replace(bare, sender=replace(yto.addresses[0], name="小鹿仓", phone="13900001111"))
        request = WaybillRequest(
            "240101-000001", "浙江省", "杭州市", "西湖区", "文新街道", "文三路90号", object_id="1001", platform="pdd",
            name="张三", phone="138****5678", items=(("保温杯", 1),), insured=Decimal("0.00"),
        )  # fmt: skip
        (refused,) = provider.issue(account, [request])
        assert isinstance(refused, Refusal) and "保价金额不正确" in refused.message.render()
        assert pdd.desk.live_numbers() == set()  # nothing issued
        (good,) = provider.issue(account, [replace(request, insured=Decimal("1288.50"))])
        assert [r["services"] for r in pdd.desk.snapshot().values()] == [{"SVC-INSURE": {"value": "128850"}}]
        assert good.tracking_no in pdd.desk.live_numbers()
    finally:
        provider.close()


@pytest.mark.parametrize("value", ["abc", -5, 0, "12.345", True, [1]])
def test_kuaidi100_refuses_a_malformed_valins_pay(kd: Kuaidi100Server, value: object) -> None:
    param = json.dumps(
        {
            "kuaidicom": "zhongtong", "partnerId": PARTNER_ID, "partnerKey": PARTNER_KEY, "printType": "NON",
            "recMan": {"name": "张三", "mobile": "13800000000", "printAddr": "浙江省杭州市西湖区文三路90号"},
            "sendMan": {"name": "小鹿", "mobile": "13900000000", "printAddr": "浙江省杭州市余杭区文一西路969号"},
            "cargo": "杯子", "count": 1, "valinsPay": value,
        },
        ensure_ascii=False,
    )  # fmt: skip
    t = "1700000000000"
    form = {"method": "order", "key": KD_KEY, "t": t, "param": param, "sign": kd100_sign(param, t, KD_KEY, KD_SECRET)}
    answer = httpx.post(kd.url, data=form).json()
    assert (answer["result"], answer["returnCode"]) == (False, "400") and "valinsPay" in answer["message"]
    assert kd.live_numbers() == set()
    good = json.loads(param) | {"valinsPay": 1288.5}
    text = json.dumps(good, ensure_ascii=False)
    answer = httpx.post(kd.url, data=form | {"param": text, "sign": kd100_sign(text, t, KD_KEY, KD_SECRET)}).json()
    assert answer["result"] is True
    assert [i.valins for i in kd.ledger.values()] == ["1288.50"]


def test_a_local_number_keeps_the_insurance_it_was_taken_with(demo: Workspace) -> None:
    """The demo's own numbers (a local provider, no call): the parcel keeps what its request said when the number was
    taken, so its reprints say the same whatever the threshold says later."""
    cheap, dear = cheap_and_dear(demo)
    set_insure_above(demo.session_factory, str(dear.total), ACTOR)
    with PrinterSimulator("tspl") as sim:
        bench = Bench(demo, installed(), sim)
        printed = {o.order_no: bench.print(o.order_no) for o in (cheap, dear)}
        assert same(printed[dear.order_no], bench.label(dear.order_no, 1, f"{dear.total:.2f}"))
        assert same(printed[cheap.order_no], bench.label(cheap.order_no, 1, ""))
        set_insure_above(demo.session_factory, str(cheap.total), ACTOR)
        assert same(bench.print(cheap.order_no, reprint="smudged"), bench.label(cheap.order_no, 2, ""))
        set_insure_above(demo.session_factory, "", ACTOR)
        assert same(bench.print(dear.order_no, reprint="smudged"), bench.label(dear.order_no, 2, f"{dear.total:.2f}"))
    with demo.session_factory() as s:
        insured = {
            o.order_no: s.get(PackageRow, OrderRepository(s).stored(o.order_no).package.id).insured  # type: ignore[union-attr]
            for o in (cheap, dear)
        }
    assert insured == {cheap.order_no: None, dear.order_no: dear.total}
