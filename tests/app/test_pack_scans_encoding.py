"""`packdesk pack --scans` reads scans as bytes: UTF-8, else GB18030, UTF-16 with its byte-order mark; a line that
is no text is reported and skipped, never a traceback, and the JSON events stay those of the contract."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import pick, simple, units_scans
from sqlalchemy import select

from app.demo.seed import seed_demo
from app.domain.orders import Order
from app.persistence.rows import BarcodeRow, ProductRow, ScanEventRow
from app.services.workspace import open_workspace

CONTRACT = {
    "order_opened", "item_ok", "wrong_item", "over_scan", "unknown_code", "order_complete", "label_printed",
    "intercepted", "shipped",
}  # fmt: skip
CHINESE_CODE = "货号-甲001"  # a code a seller bound to a product, typed by a scanner set up for Chinese


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, Order]:
    """A demo shop; the first line of a waiting order also answers to CHINESE_CODE."""
    data_dir = tmp_path / "data"
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as s:
            seed_demo(s, orders=30, seed=7, anchor=datetime(2025, 3, 14, 4, tzinfo=UTC))
        order = pick(ws, simple())
        with ws.session_factory.begin() as s:
            product = s.execute(select(ProductRow).where(ProductRow.sku == order.lines[0].sku)).scalar_one()
            s.add(BarcodeRow(code=CHINESE_CODE, product_id=product.id, units=1))
    finally:
        ws.close()
    return data_dir, order


def pack(packdesk_cmd: list[str], data_dir: Path, scans: bytes, *extra: str) -> subprocess.CompletedProcess[bytes]:
    cmd = [*packdesk_cmd, "--data-dir", str(data_dir), "pack", "--scans", "-", "--printer",
           f"png://{data_dir.parent / 'labels'}", *extra]  # fmt: skip
    done = subprocess.run(cmd, input=scans, capture_output=True, timeout=120)
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr, done.stderr.decode()
    return done


def events(done: subprocess.CompletedProcess[bytes]) -> list[dict]:
    assert done.returncode == 0, done.stderr.decode()
    found = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert {e["event"] for e in found} <= CONTRACT
    return found


def recorded_codes(data_dir: Path) -> list[str]:
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory() as s:
            return list(s.execute(select(ScanEventRow.code).order_by(ScanEventRow.id)).scalars())
    finally:
        ws.close()


def test_gb18030_scans_count_and_a_line_that_is_no_text_is_skipped(
    shop: tuple[Path, Order], packdesk_cmd: list[str]
) -> None:
    data_dir, order = shop
    scans = units_scans(order)
    lines = [
        order.order_no.encode(),
        b"\xb6\xa9\xff",  # no text in any encoding: a scanner glitch
        CHINESE_CODE.encode("gb18030") + b"\r",  # the first unit, scanned by its Chinese code, CRLF
        *(code.encode() for code in scans[1:]),
    ]
    got = events(pack(packdesk_cmd, data_dir, b"\n".join(lines) + b"\n", "--json"))
    kinds = [e["event"] for e in got]
    assert kinds == ["order_opened", "unknown_code", *["item_ok"] * len(scans), "order_complete", "label_printed",
                     "shipped"]  # fmt: skip
    skipped = got[1]
    assert (skipped["reason"], skipped["code"], skipped["line"]) == ("unreadable", "\\xb6\\xa9\\xff", 2)
    assert (got[2]["code"], got[2]["sku"]) == (CHINESE_CODE, order.lines[0].sku)
    codes = recorded_codes(data_dir)
    assert CHINESE_CODE in codes and not any("\\x" in c or "\ufffd" in c for c in codes)  # the junk changed nothing


def test_the_bytes_of_the_issue_decode_as_gb18030(shop: tuple[Path, Order], packdesk_cmd: list[str]) -> None:
    data_dir, _order = shop
    (unknown,) = events(pack(packdesk_cmd, data_dir, b"\xb6\xa9\n", "--json"))  # printf '\xb6\xa9\n'
    assert (unknown["event"], unknown["code"], unknown["reason"]) == ("unknown_code", "订", "unknown")


def test_without_json_the_skipped_line_is_named_on_stderr(shop: tuple[Path, Order], packdesk_cmd: list[str]) -> None:
    data_dir, order = shop
    done = pack(packdesk_cmd, data_dir, order.order_no.encode() + b"\n\xff\xfe\x00\n")
    assert done.returncode == 0
    message = done.stderr.decode("utf-8")
    assert "line 2" in message and "GB18030" in message and "skipped" in message
    assert done.stdout.decode("utf-8").splitlines()[0].startswith("order_opened")


def test_a_utf16_file_with_its_byte_order_mark(shop: tuple[Path, Order], packdesk_cmd: list[str]) -> None:
    data_dir, order = shop
    text = "\r\n".join([order.order_no, *units_scans(order)]) + "\r\n"
    got = events(pack(packdesk_cmd, data_dir, text.encode("utf-16"), "--json"))  # Windows "Unicode" text
    assert [e["event"] for e in got][-3:] == ["order_complete", "label_printed", "shipped"]
    assert got[0]["order_no"] == order.order_no
