"""Issue 10: receivers are masked everywhere. A synced trade and imported Taobao/PDD/JD exports whose receivers arrive
in plaintext end up masked in the database file, in `packdesk orders --json` and on the printed label; a database an
earlier release filled with plaintext is masked by its upgrade.

The platforms here deliver plaintext on purpose (the real ones mask): the loopback TOP gateway is given a trade for
欧阳明华 / 13912345678, and the export files are rewritten with plaintext receivers.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pdtest.exports import ExportSet, write_jd, write_pdd, write_taobao
from pdtest.top_server import TopServer
from pdtest.top_shop import SECRET, SESSION, synced_shop
from sqlalchemy import select

from app.domain.enums import OrderStatus
from app.persistence.db import current_revision, head_revision, make_engine, sqlite_url, upgrade
from app.persistence.rows import OrderRow, ShopGroupRow, ShopRow, WaybillAccountRow
from app.services.workspace import open_workspace
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.store import upsert_orders

TIMEOUT_S = 120
NOW = datetime(2026, 5, 31, 4, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # no desktop keyring in CI: the 0600 file stands in


@dataclass
class Cli:
    cmd: list[str]
    data_dir: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.cmd, *args, "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_S,
            check=False,
        )

    def orders(self) -> dict[str, dict[str, Any]]:
        done = self.run("orders", "--json", "--limit", "1000")
        assert done.returncode == 0, done.stderr
        return {o["order_no"]: o for o in json.loads(done.stdout)}

    def label_text(self, order_no: str, folder: Path) -> str:
        """Prints `order_no` to a PDF and returns the text on its label, without white space (lines break anywhere)."""
        pdf = folder / f"{order_no}.pdf"
        done = self.run("print", order_no, "--printer", f"pdf://{pdf.as_posix()}", "--json")
        assert done.returncode == 0, done.stderr
        doc = pdfium.PdfDocument(pdf.read_bytes())
        try:
            (page,) = doc
            return re.sub(r"\s+", "", page.get_textpage().get_text_range())
        finally:
            doc.close()


def assert_nowhere(data_dir: Path, plaintexts: list[str]) -> None:
    """None of `plaintexts` is in the database (its rows, read with sqlite3) or in any file of the data directory
    (the database file, its write-ahead log, logs, config)."""
    conn = sqlite3.connect(data_dir / "packdesk.db")
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "packdesk.db" for p in files)
    for text in plaintexts:
        assert text not in dump, text
        for path in files:
            assert text.encode("utf-8") not in path.read_bytes(), (text, path)


def printable(orders: dict[str, dict[str, Any]], order_no: str) -> bool:
    o = orders[order_no]
    return (
        o["status"] == "awaiting_shipment"
        and o["tracking_no"] is None
        and bool(o["lines"])
        and all(ln["refund_status"] == "none" for ln in o["lines"])
    )


# -- synced from the platform -----------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key="12345678", secret=SECRET, session=SESSION, seed=4, n_trades=12) as srv:
        yield srv


def test_synced_plaintext_receiver_is_masked_in_the_database_the_list_and_the_label(
    server: TopServer, data_dir: Path, tmp_path: Path, packdesk_cmd: list[str]
) -> None:
    mobile = server.add_trade(receiver_name="欧阳明华", receiver_mobile="13912345678", receiver_phone="0571-88886666")
    landline = server.add_trade(receiver_name="司马相如", receiver_mobile="", receiver_phone="010-87654321")
    for trade in (mobile, landline):  # a plain waiting trade, so its label can print
        for sub in trade["orders"]["order"]:
            server.modify_order(trade["tid_str"], sub["oid_str"], refund_status="NO_REFUND")
    ws = open_workspace(data_dir)
    try:
        synced_shop(ws, server)
    finally:
        ws.close()
    cli = Cli(packdesk_cmd, data_dir)

    orders = cli.orders()
    first, second = orders[mobile["tid_str"]]["receiver"], orders[landline["tid_str"]]["receiver"]
    assert (first["name"], first["phone"]) == ("欧**", "139****5678")
    assert (second["name"], second["phone"]) == ("司**", "010-****4321")
    assert first["district"] == mobile["receiver_district"] and first["address"] == mobile["receiver_address"]

    assert printable(orders, mobile["tid_str"])
    label = cli.label_text(mobile["tid_str"], tmp_path)
    assert "欧**" in label and "139****5678" in label
    assert re.sub(r"\s+", "", mobile["receiver_address"]) in label  # the carrier still gets the whole address
    for text in ("欧阳明华", "阳明华", "13912345678"):
        assert text not in label, text
    assert_nowhere(data_dir, ["欧阳明华", "阳明华", "13912345678", "88886666", "司马相如", "87654321"])


# -- imported from seller-centre exports ------------------------------------------------------------------------------

# format -> (order number column, receiver name column, phone column)
COLUMNS = {
    "taobao": ("订单编号", "收货人姓名", "联系手机"),
    "pdd": ("订单号", "收货人", "手机"),
    "jd": ("订单号", "客户姓名", "联系电话"),
}
GIVEN = "明华相如子怡建国秀英志强"


def plaintext_receiver(i: int) -> tuple[str, str]:
    """The i-th order's receiver as a platform that does not mask would send it."""
    if i == 0:
        return "欧阳明华", "13912345678"
    name = "司马" if i % 4 == 1 else "赵钱孙李周吴郑王"[i % 8]
    name += GIVEN[(2 * i) % len(GIVEN)] + GIVEN[(2 * i + 1) % len(GIVEN)] * (i % 2)
    phone = f"0571-8888{i:04d}" if i % 3 == 1 else f"1390000{i:04d}"
    return name, phone


def expected_mask(name: str, phone: str) -> tuple[str, str]:
    masked_phone = f"0571-****{phone[-4:]}" if phone.startswith("0571-") else f"{phone[:3]}****{phone[-4:]}"
    return name[0] + "**", masked_phone


def unmask_receivers(export: ExportSet, fmt: str) -> dict[str, tuple[str, str]]:
    """Rewrites the export's (masked) receivers with plaintext ones; returns order number digits -> (name, phone)."""
    no_col, name_col, phone_col = COLUMNS[fmt]
    path = next(p for p in export.files if name_col in p.read_bytes().decode(_encoding(p), errors="replace"))
    encoding = _encoding(path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))
    header = [h.strip() for h in rows[0]]
    no_at, name_at, phone_at = header.index(no_col), header.index(name_col), header.index(phone_col)
    plain: dict[str, tuple[str, str]] = {}
    for row in rows[1:]:
        if len(row) <= phone_at or not row[name_at]:
            continue
        key = digits(row[no_at])
        name, phone = plain.setdefault(key, plaintext_receiver(len(plain)))
        row[name_at] = name
        old = row[phone_at]
        row[phone_at] = old[: len(old) - len(old.lstrip("'\t"))] + phone  # keep the file's anti-Excel prefix
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return plain


def digits(order_no: str) -> str:
    """An order number without the wrapping a file gives it (="…", a tab, a quote) or its dashes."""
    return re.sub(r"\D", "", order_no)


def _encoding(path: Path) -> str:
    try:
        path.read_bytes().decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gbk"


def give_waybill_account(data_dir: Path, shop: str) -> None:
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as session:
            row = session.execute(select(ShopRow).where(ShopRow.name == shop)).scalar_one()
            row.group = ShopGroupRow(name="导入组", sender_name="小鹿", sender_phone="0571-88881234")
            session.add(
                WaybillAccountRow(group=row.group, carrier="ZTO", name="ZTO", kind="demo", next_serial=7 * 10**9,
                                  serial_end=8 * 10**9, is_default=True)
            )  # fmt: skip
    finally:
        ws.close()


WRITERS = {"taobao": write_taobao, "pdd": write_pdd, "jd": write_jd}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_imported_plaintext_receivers_are_masked_in_the_database_the_list_and_the_label(
    fmt: str, data_dir: Path, tmp_path: Path, packdesk_cmd: list[str]
) -> None:
    export = WRITERS[fmt](tmp_path)
    plain = unmask_receivers(export, fmt)
    cli = Cli(packdesk_cmd, data_dir)
    done = cli.run("import", *map(str, export.files), "--shop", "导入店", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] == len(export.orders)

    orders = cli.orders()
    assert set(orders) == set(export.orders)
    for order_no, o in orders.items():
        name, phone = plain[digits(order_no)]
        masked_name, masked_phone = expected_mask(name, phone)
        assert o["receiver"]["name"] == masked_name, order_no
        assert o["receiver"]["phone"].startswith(masked_phone), order_no  # a PDD extension may follow: -3821
        assert o["receiver"]["address"] == export.orders[order_no].detail, order_no
    first = next(no for no in orders if plain[digits(no)][0] == "欧阳明华")
    assert orders[first]["receiver"]["name"] == "欧**" and orders[first]["receiver"]["phone"] == "139****5678"

    give_waybill_account(data_dir, "导入店")
    order_no = next(no for no in sorted(orders) if printable(orders, no))
    name, phone = plain[digits(order_no)]
    label = cli.label_text(order_no, tmp_path)
    for text in (*expected_mask(name, phone), orders[order_no]["receiver"]["address"]):
        assert text in label, text
    assert name not in label and phone not in label and phone.replace("-", "") not in label

    secrets = [text for receiver in plain.values() for text in receiver]
    secrets += [phone.replace("-", "") for _, phone in plain.values()] + ["阳明华"]
    secrets += [phone[-8:] for _, phone in plain.values() if phone.startswith("0571-")]  # a landline's own number
    assert_nowhere(data_dir, secrets)


# -- the store, whatever connector calls it ---------------------------------------------------------------------------


def _platform_order(name: str, phone: str, memo: str = "", modified: datetime = NOW) -> PlatformOrder:
    return PlatformOrder(
        order_no="5118609024991031607",
        status=OrderStatus.AWAITING_SHIPMENT,
        platform_status="WAIT_SELLER_SEND_GOODS",
        paid_at=NOW - timedelta(hours=2),
        deadline=NOW + timedelta(hours=46),
        modified_at=modified,
        lines=(PlatformLine("51186090249910316071", "MUG-03", "陶瓷马克杯", 1, Decimal("29.90")),),
        receiver_name=name,
        receiver_phone=phone,
        receiver_province="浙江省",
        receiver_city="杭州市",
        receiver_district="西湖区",
        receiver_address="文三路90号东部软件园3号楼",
        seller_memo=memo,
    )


def test_the_store_masks_plaintext_from_any_connector_and_compares_masked_values(data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as session:
            shop = ShopRow(name="店", platform="taobao", created_at=NOW)
            session.add(shop)
            session.flush()
            shop_id = shop.id

        def upsert(order: PlatformOrder) -> Any:
            with ws.session_factory.begin() as session:
                return upsert_orders(session, shop_id, "taobao", [order])

        assert upsert(_platform_order("欧阳明华", "13912345678")).inserted == 1
        with ws.session_factory() as session:
            row = session.execute(select(OrderRow)).scalar_one()
            assert (row.receiver_name, row.receiver_phone) == ("欧**", "139****5678")
            assert row.receiver_address == "文三路90号东部软件园3号楼"

        # the same plaintext again is the same order; masked as the platform sends it, too
        assert upsert(_platform_order("欧阳明华", "13912345678")).unchanged == 1
        assert upsert(_platform_order("欧**", "139****5678")).unchanged == 1
        # another change is no change of address; another receiver is
        later = upsert(_platform_order("欧阳明华", "13912345678", memo="加急", modified=NOW + timedelta(minutes=1)))
        assert later.updated == 1 and later.changes == []
        moved = upsert(_platform_order("林小华", "13912345678", memo="加急", modified=NOW + timedelta(minutes=2)))
        assert [c.kind for c in moved.changes] == ["address"]
    finally:
        ws.close()
    assert_nowhere(data_dir, ["欧阳明华", "13912345678", "林小华"])


# -- the upgrade of a database filled by an earlier release -----------------------------------------------------------

# (name, phone) as an earlier release stored them -> as the upgrade leaves them
STORED = [
    (("欧阳明华", "13912345678"), ("欧**", "139****5678")),
    (("司马相如", "0571-88886666"), ("司**", "0571-****6666")),
    (("王", "17012345678-3821"), ("王**", "170****5678-3821")),
    (("张*", "138****5678"), ("张*", "138****5678")),  # masked by the platform: untouched
    (("", ""), ("", "")),
]


def test_upgrade_masks_receivers_stored_in_plaintext(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "packdesk.db"
    engine = make_engine(sqlite_url(db))
    try:
        upgrade(engine, "0007_scan_index")
    finally:
        engine.dispose()
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute(
                "INSERT INTO shops (id, name, platform, created_at) VALUES (1, '老店', 'taobao', '2024-06-01 00:00:00')"
            )
            for i, ((name, phone), _) in enumerate(STORED, start=1):
                conn.execute(
                    "INSERT INTO orders (id, shop_id, order_no, platform, status, platform_status, buyer_nick, "
                    "receiver_name, receiver_phone, receiver_province, receiver_city, receiver_district, "
                    "receiver_town, receiver_address, buyer_message, seller_memo, flag, total, post_fee, paid_at, "
                    "deadline, modified_at, content_hash) VALUES (?, 1, ?, 'taobao', 'awaiting_shipment', "
                    "'WAIT_SELLER_SEND_GOODS', 'tb欧阳', ?, ?, '浙江省', '杭州市', '西湖区', '', '文三路1号', '', '', "
                    "0, 8970, 0, '2024-06-01 02:30:00.000000', '2024-06-03 02:30:00.000000', "
                    "'2024-06-01 02:31:00.000000', '')",
                    (i, f"49175697149763180{i:02d}", name, phone),
                )
    finally:
        conn.close()

    ws = open_workspace(data_dir)
    try:
        assert current_revision(ws.engine) == head_revision()
    finally:
        ws.close()

    conn = sqlite3.connect(db)
    try:
        stored = conn.execute(
            "SELECT receiver_name, receiver_phone, receiver_address, buyer_nick FROM orders ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    assert [(name, phone) for name, phone, _, _ in stored] == [masked for _, masked in STORED]
    assert {(address, nick) for _, _, address, nick in stored} == {("文三路1号", "tb欧阳")}  # nothing else changed
    assert_nowhere(data_dir, ["欧阳明华", "阳明华", "13912345678", "司马相如", "88886666", "17012345678"])
