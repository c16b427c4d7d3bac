"""Printing through the print components (Cainiao's 菜鸟打印组件, PDD's 拼多多打印组件) over real WebSockets on
127.0.0.1, against a simulated component that prints, fails, stays silent or drops the connection; and the spooler's
job states for each outcome: printed is sent, failed is failed, no word is "did it print?"."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import zxingcpp
from pdtest.capture import TcpCapture, refused_port
from pdtest.print_component import NO_SUCH_PRINTER, PAPER_OUT, PrintComponentSimulator
from pdtest.samples import sample_waybill
from PIL import Image

from printers.errors import PrinterError, PrinterOffline, PrinterUriError, PrinterWriteError
from printers.registry import open_printer, printer_status
from printers.status import State
from printers.uri import SCHEMES, parse_printer_uri
from printers.waybill import Waybill

TRACKING = "78123456789012"
SHORT = {"timeout": "0.5"}  # how long a test waits for a result that will not come


def cainiao_document(code: str = TRACKING) -> dict[str, Any]:
    """Unencrypted Cainiao print data as `cainiao.waybill.ii.get` answers it (platforms.md 3.2)."""
    return {
        "templateURL": "http://cloudprint.cainiao.com/template/standard/101/605",
        "signature": "",
        "data": {
            "waybillCode": code,
            "qrCode": code,
            "sender": {"name": "小鹿家居", "mobile": "0571-88881234", "address": {"province": "浙江省"}},
            "recipient": {"name": "张*", "mobile": "138****5678", "address": {"province": "四川省", "city": "成都市"}},
            "routingInfo": {
                "sortation": {"name": "830 都江堰", "code": ""},
                "routeCode": "830-120-00 012",
                "consolidation": {"name": "成都中转包", "code": "280104"},
                "origin": {"name": "", "code": ""},
            },
        },
    }


def encrypted_document() -> dict[str, Any]:
    return {
        "encryptedData": "AES:rU904rj6UH2oqfSUb43+Z+XlOkZaULeerkScS5xbmfjZC78uvsMTa3g6l33hRAz",
        "signature": "19d6f7a8c",
        "templateURL": "http://cloudprint.cainiao.com/template/standard/101/123",
        "ver": "waybill_print_secret_version_1",
    }


def pdd_document(code: str = "789874377392539700") -> dict[str, Any]:
    """Unencrypted PDD print data (PDD's routing names: bigShotName, threeSegmentCode, endBranchName)."""
    return {
        "templateUrl": "http://pinduoduoimg.yangkeduo.com/msfe/2019-02-28/f6dcc423fda11614d04c0cddc13fc26c.xml",
        "signature": "",
        "data": {
            "waybillCode": code,
            "wpCode": "YTO",
            "recipient": {"name": "廖*", "address": {"province": "浙江省", "city": "台州市"}},
            "routingInfo": {"bigShotName": "386临海", "threeSegmentCode": "386-12 07", "endBranchName": "临海集包"},
        },
    }


def waybill(document: dict[str, Any] | None = None, **changes: Any) -> Waybill:
    return replace(sample_waybill(**changes), document=cainiao_document() if document is None else document)


def decoded(png: bytes | None) -> list[str]:
    assert png is not None
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


@pytest.fixture
def component() -> Iterator[PrintComponentSimulator]:
    with PrintComponentSimulator("cainiao") as sim:
        yield sim


def refusal(action: Any, kind: type[PrinterError]) -> PrinterError:
    with pytest.raises(PrinterError) as caught:
        action()
    assert type(caught.value) is kind, caught.value  # the class decides the job's state: exactly this one
    return caught.value


# -- addresses -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "target", "printer"),
    [
        ("cainiao://127.0.0.1:13528?printer=XP-420B", "127.0.0.1:13528", "XP-420B"),
        ("cainiao://localhost?printer=XP-420B", "localhost:13528", "XP-420B"),
        ("CAINIAO://192.168.1.8/", "192.168.1.8:13528", ""),
        ("pddprint://127.0.0.1", "127.0.0.1:5000", ""),
        ("pddprint://[::1]:5001?printer=Deli%20DL-888D%20(%E9%9D%A2%E5%8D%95)", "[::1]:5001", "Deli DL-888D (面单)"),
        ("cainiao://127.0.0.1?printer=得力+面单", "127.0.0.1:13528", "得力 面单"),
    ],
)
def test_component_addresses_parse_with_their_usual_ports(uri: str, target: str, printer: str) -> None:
    spec = parse_printer_uri(uri)
    assert spec.target == target
    assert spec.options.get("printer", "") == printer
    assert open_printer(spec).printer == printer  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("uri", "ids"),
    [
        ("cainiao://127.0.0.1:99999", ["printer.uri_invalid", "printer.component.uri_address"]),
        ("pddprint://a:b:c", ["printer.uri_invalid", "printer.component.uri_address"]),
        ("cainiao://127.0.0.1?timeout=soon", ["printer.uri_invalid", "printer.uri_not_number"]),
        ("cainiao://127.0.0.1?timeout=0", ["printer.uri_invalid", "printer.component.uri_timeout"]),
        ("cainiao://127.0.0.1?timeout=9000", ["printer.uri_invalid", "printer.component.uri_timeout"]),
    ],
)
def test_a_bad_component_address_says_what_is_wrong(uri: str, ids: list[str]) -> None:
    with pytest.raises(PrinterUriError) as caught:
        parse_printer_uri(uri)
    reason = caught.value.params["reason"]
    assert [caught.value.message_id, reason.message_id] == ids
    if ids[1] == "printer.component.uri_address":
        assert "?printer=NAME" in str(caught.value)


def test_an_unknown_scheme_lists_the_components_among_the_addresses() -> None:
    assert {"cainiao", "pddprint"} <= set(SCHEMES)
    with pytest.raises(PrinterUriError, match="cainiao://, pddprint://"):
        parse_printer_uri("jd://127.0.0.1:9113")


# -- printing ----------------------------------------------------------------------------------------------------


def test_a_cainiao_waybill_prints_and_its_barcode_reads_back(component: PrintComponentSimulator) -> None:
    printer = open_printer(component.uri())
    assert (printer.answers_status, printer.combined, printer.batches) == (True, False, False)
    sent = printer.print_waybill(waybill(), "label")
    (printed,) = component.printed
    assert printed.printer == "XP-420B" and printed.document_id == TRACKING
    assert printed.contents == [cainiao_document()]  # the provider's document as it answered, nothing added
    assert decoded(printed.image) == [TRACKING]
    assert printed.lines[:3] == ("830 都江堰", "830-120-00 012", "成都中转包")
    (request,) = component.requests
    assert (request["cmd"], request["version"]) == ("print", "1.0")
    assert request["task"]["printer"] == "XP-420B" and request["task"]["preview"] is False
    assert sent > len(str(cainiao_document()).encode())  # the size of the request that carried it


def test_encrypted_print_data_goes_to_the_component_untouched(component: PrintComponentSimulator) -> None:
    open_printer(component.uri()).print_waybill(waybill(encrypted_document()), "label")
    (printed,) = component.printed
    assert printed.encrypted and printed.image is None
    assert printed.contents == [encrypted_document()]


def test_the_default_printer_prints_when_the_address_names_none(component: PrintComponentSimulator) -> None:
    printer = open_printer(component.uri(""))
    assert printer.status().state is State.READY and "XP-420B" in printer.status().detail
    printer.print_waybill(waybill(), "label")
    assert component.printed[0].printer == "XP-420B"


def test_the_custom_area_lists_the_items_when_the_seller_has_one(component: PrintComponentSimulator) -> None:
    custom = "http://cloudprint.cainiao.com/template/customArea/440439"
    open_printer(component.uri(custom=custom)).print_waybill(waybill(), "label")
    (printed,) = component.printed
    assert printed.contents[1] == {
        "templateURL": custom,
        "data": {"value": "纯棉毛巾 蓝色 x2; 竹纤维菜板 大号 x1"},
    }


@pytest.mark.parametrize("document", [None, {}])
def test_a_waybill_without_print_data_is_refused_before_anything_is_sent(
    component: PrintComponentSimulator, document: dict[str, Any] | None
) -> None:
    plain = replace(sample_waybill(), document=document)  # a number roll's or the demo account's number
    error = refusal(lambda: open_printer(component.uri()).print_waybill(plain, "label"), PrinterError)
    assert error.message_id == "printer.component.no_document" and TRACKING in str(error)
    assert "Cainiao or Pinduoduo account" in str(error)
    assert component.requests == [] and component.connections == 0


def test_paper_out_fails_the_label_with_the_components_words(component: PrintComponentSimulator) -> None:
    component.paper_out = True
    error = refusal(lambda: open_printer(component.uri()).print_waybill(waybill(), "label"), PrinterError)
    assert error.message_id == "printer.component.print_failed" and error.params["reason"] == PAPER_OUT
    assert component.printed == []


def test_a_refused_task_fails_with_the_components_words(component: PrintComponentSimulator) -> None:
    component.refuse = "模板下载失败"
    error = refusal(lambda: open_printer(component.uri()).print_waybill(waybill(), "label"), PrinterError)
    assert error.message_id == "printer.component.refused" and "模板下载失败" in str(error)


def test_a_printer_the_component_does_not_have_is_refused(component: PrintComponentSimulator) -> None:
    printer = open_printer(component.uri("Zebra ZD420"))
    error = refusal(lambda: printer.print_waybill(waybill(), "label"), PrinterError)
    assert error.message_id == "printer.component.refused" and NO_SUCH_PRINTER in str(error)
    assert component.printed == []


def test_no_result_in_time_asks_whether_it_printed(component: PrintComponentSimulator) -> None:
    component.push = False
    printer = open_printer(component.uri(**SHORT))
    error = refusal(lambda: printer.print_waybill(waybill(), "label"), PrinterWriteError)
    assert error.message_id == "printer.component.no_result" and str(error).endswith("did it print?")


def test_a_connection_dropped_after_the_task_was_taken_asks_whether_it_printed(
    component: PrintComponentSimulator,
) -> None:
    component.drop_after_accept = True
    error = refusal(lambda: open_printer(component.uri()).print_waybill(waybill(), "label"), PrinterWriteError)
    assert error.message_id == "printer.component.dropped" and TRACKING in str(error)


def test_a_component_that_is_not_running_takes_nothing() -> None:
    sock, port = refused_port()
    try:
        printer = open_printer(f"cainiao://127.0.0.1:{port}?printer=XP-420B")
        error = refusal(lambda: printer.print_waybill(waybill(), "label"), PrinterOffline)
        assert error.message_id == "printer.component.cainiao_not_running" and "菜鸟打印组件" in str(error)
    finally:
        sock.close()


def test_a_newer_components_document_notices_decide_as_well(component: PrintComponentSimulator) -> None:
    component.doc_results = True
    printer = open_printer(component.uri())
    printer.print_waybill(waybill(), "label")
    assert [p.document_id for p in component.printed] == [TRACKING]
    component.paper_out = True
    error = refusal(lambda: printer.print_waybill(waybill(), "label"), PrinterError)
    assert error.message_id == "printer.component.print_failed" and error.params["reason"] == PAPER_OUT


# -- status ------------------------------------------------------------------------------------------------------


def test_status_is_ready_only_for_a_printer_the_component_lists(component: PrintComponentSimulator) -> None:
    ready = printer_status(component.uri("Deli DL-888D"))
    assert ready.state is State.READY and ready.message_id == "printer.component.ready"
    missing = printer_status(component.uri("Zebra ZD420"))
    assert missing.state is State.ERROR and missing.message_id == "printer.component.no_printer"
    assert "Zebra ZD420" in missing.detail and "XP-420B, Deli DL-888D" in missing.detail
    component.printers = []
    empty = printer_status(component.uri("XP-420B"))
    assert empty.state is State.ERROR and empty.message_id == "printer.component.no_printers"


def test_status_of_a_silent_component_is_unknown_never_ready(component: PrintComponentSimulator) -> None:
    component.silent = True
    status = printer_status(component.uri(**SHORT))
    assert status.state is State.UNKNOWN and status.message_id == "printer.component.silent"


@pytest.mark.parametrize(
    ("scheme", "name"), [("cainiao", "菜鸟打印组件"), ("pddprint", "拼多多打印组件")]
)  # fmt: skip
def test_status_of_a_component_that_is_not_running_says_to_start_it(scheme: str, name: str) -> None:
    sock, port = refused_port()
    try:
        status = printer_status(f"{scheme}://127.0.0.1:{port}?printer=XP-420B")
    finally:
        sock.close()
    assert status.state is State.OFFLINE and name in status.detail and "start it" in status.detail


def test_something_else_on_the_port_is_not_taken_for_a_component() -> None:
    with TcpCapture(reply=b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n") as web:
        status = printer_status(f"cainiao://127.0.0.1:{web.port}?printer=XP-420B")
    assert status.state is State.OFFLINE and status.message_id == "printer.component.not_component"


# -- Pinduoduo's dialect -----------------------------------------------------------------------------------------


def test_pdd_component_prints_pdd_print_data() -> None:
    with PrintComponentSimulator("pddprint", printers=("得力 面单",)) as sim:
        printer = open_printer(sim.uri())
        assert printer.status().state is State.READY
        printer.print_waybill(waybill(pdd_document(), tracking_no="789874377392539700"), "label")
        (printed,) = sim.printed
        assert printed.printer == "得力 面单" and printed.document_id == "789874377392539700"
        assert decoded(printed.image) == ["789874377392539700"]
        assert printed.lines[:3] == ("386临海", "386-12 07", "临海集包")
        custom = "https://duoduo-pic.oss-cn-hangzhou.aliyuncs.com/pdd_custom_template_free.xml"
        open_printer(sim.uri(custom=custom)).print_waybill(waybill(pdd_document()), "label")
        assert sim.wait_printed(2)[1].contents[1]["templateUrl"] == custom


def test_the_dialect_decides_which_push_is_the_result() -> None:
    """PDD's component pushes PrintResultNotify: a client waiting for Cainiao's notifyPrintResult never hears of its
    label, and says so; failures come through PDD's push as well."""
    with PrintComponentSimulator("pddprint") as sim:
        wrong = open_printer(f"cainiao://127.0.0.1:{sim.port}?printer=XP-420B&timeout=0.5")
        refusal(lambda: wrong.print_waybill(waybill(), "label"), PrinterWriteError)
        sim.paper_out = True
        error = refusal(lambda: open_printer(sim.uri()).print_waybill(waybill(), "label"), PrinterError)
        assert error.params["reason"] == PAPER_OUT


# -- through the spooler -----------------------------------------------------------------------------------------


@pytest.fixture
def print_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The label of a job carries Cainiao print data for its own number, as the ledger's answer would give it (the
    demo account's numbers have none)."""
    from app.services.printing import spooler

    label_of = spooler.waybill_of

    def with_document(*args: Any, **kwargs: Any) -> Waybill:
        made = label_of(*args, **kwargs)
        return made if made.document else replace(made, document=cainiao_document(made.tracking_no))

    monkeypatch.setattr(spooler, "waybill_of", with_document)


def _spooler(ws: Any, uri: str) -> Any:
    from app.services.audit import Actor
    from app.services.printing import PrintService

    return PrintService(ws.session_factory, open_printer(uri), Actor("tester", "bench-1"))


def _an_order(ws: Any) -> str:
    from app.services.orders import list_orders

    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    return next(o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no)


def _print_count(ws: Any, tracking_no: str) -> int:
    from sqlalchemy import select

    from app.persistence.rows import PackageRow

    with ws.session_factory() as s:
        return s.execute(select(PackageRow.print_count).where(PackageRow.tracking_no == tracking_no)).scalar_one()


@pytest.mark.usefixtures("print_data")
def test_a_printed_result_makes_the_job_sent_and_counted(demo: Any, component: PrintComponentSimulator) -> None:
    from app.domain.enums import PrintJobState

    result = _spooler(demo, component.uri()).print_order(_an_order(demo))
    assert result.state is PrintJobState.SENT and result.bytes_sent > 0
    (printed,) = component.printed
    assert printed.document_id == result.tracking_no and decoded(printed.image) == [result.tracking_no]
    assert _print_count(demo, result.tracking_no) == 1


@pytest.mark.usefixtures("print_data")
def test_a_failed_result_fails_the_job_with_the_reason(demo: Any, component: PrintComponentSimulator) -> None:
    from app.domain.enums import PrintJobState

    component.paper_out = True
    service = _spooler(demo, component.uri())
    result = service.print_order(_an_order(demo))
    assert result.state is PrintJobState.FAILED and result.error is not None and PAPER_OUT in result.error
    assert service.pause is not None and service.pause.state is State.ERROR
    assert _print_count(demo, result.tracking_no) == 0


@pytest.mark.usefixtures("print_data")
@pytest.mark.parametrize("fault", ["push", "drop_after_accept"])
def test_no_result_or_a_dropped_connection_leaves_did_it_print(
    demo: Any, component: PrintComponentSimulator, fault: str
) -> None:
    from app.domain.enums import PrintJobState

    if fault == "push":
        component.push = False
    else:
        component.drop_after_accept = True
    result = _spooler(demo, component.uri(**SHORT)).print_order(_an_order(demo))
    assert result.state is PrintJobState.UNKNOWN and result.error is not None
    assert result.error.endswith("did it print?")
    assert _print_count(demo, result.tracking_no) == 0  # never counted until the packer says it came out


@pytest.mark.usefixtures("print_data")
def test_a_component_not_running_keeps_the_job_queued_until_it_starts(demo: Any) -> None:
    from app.domain.enums import PrintJobState

    sock, port = refused_port()
    uri = f"cainiao://127.0.0.1:{port}?printer=XP-420B"
    service = _spooler(demo, uri)
    waiting = service.print_order(_an_order(demo))
    assert waiting.state is PrintJobState.QUEUED
    assert service.pause is not None and service.pause.state is State.OFFLINE
    assert service.pause.message.render().startswith("The Cainiao print component (菜鸟打印组件) does not answer")
    with PrintComponentSimulator("cainiao", bound=sock) as sim:  # the seller starts the component
        (done,) = service.run()
        assert done.job_id == waiting.job_id and done.state is PrintJobState.SENT
        assert [p.document_id for p in sim.printed] == [waiting.tracking_no]


@pytest.mark.usefixtures("print_data")
def test_a_printer_the_component_lacks_pauses_the_queue_naming_its_printers(
    demo: Any, component: PrintComponentSimulator
) -> None:
    from app.domain.enums import PrintJobState

    service = _spooler(demo, component.uri("Zebra ZD420"))
    result = service.print_order(_an_order(demo))
    assert result.state is PrintJobState.QUEUED and component.printed == []
    assert service.pause is not None and service.pause.state is State.ERROR
    assert "XP-420B, Deli DL-888D" in service.pause.message.render()


def test_a_demo_number_without_print_data_fails_with_a_clear_reason(
    demo: Any, component: PrintComponentSimulator
) -> None:
    from app.domain.enums import PrintJobState

    result = _spooler(demo, component.uri()).print_order(_an_order(demo))
    assert result.state is PrintJobState.FAILED and result.error is not None
    assert "a print component prints only e-waybills of a Cainiao or Pinduoduo account" in result.error
    assert not any(r.get("cmd") == "print" for r in component.requests)
