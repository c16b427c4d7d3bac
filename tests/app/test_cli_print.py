"""`packdesk print` end to end, in a subprocess: allocate once, print once, reprint only with a reason, real bytes.

Every test works on its own copy of one data directory seeded with `demo seed --orders 30 --seed 5`.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pdtest.capture import TcpCapture, refused_port
from pdtest.escpos_decode import STATUS_QUERY, STATUS_READY, code128_texts, decode_escpos
from pdtest.simulator import PrinterSimulator
from PIL import Image, ImageChops

from app.domain.messages import english
from app.domain.tracking import CARRIERS, is_valid_s10

TIMEOUT_S = 120


def _run(cmd: list[str], data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("template") / "data"
    # The same argv as the packdesk_cmd fixture (function-scoped, so not usable from a module-scoped fixture).
    done = _run([sys.executable, "-m", "ui.launcher"], data_dir, "demo", "seed", "--orders", "30", "--seed", "5")
    assert done.returncode == 0, done.stderr
    return data_dir


@dataclass
class Shop:
    cmd: list[str]
    data_dir: Path
    labels: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(self.cmd, self.data_dir, *args)

    def print(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run("print", *args)

    def orders(self) -> dict[str, dict[str, Any]]:
        done = self.run("orders", "--json", "--limit", "1000")
        assert done.returncode == 0, done.stderr
        return {o["order_no"]: o for o in json.loads(done.stdout)}

    def packable(self) -> list[str]:
        return [
            no
            for no, o in self.orders().items()
            if o["status"] == "awaiting_shipment"
            and o["tracking_no"] is None
            and all(ln["refund_status"] == "none" for ln in o["lines"])
        ]

    def pngs(self) -> list[Path]:
        return sorted(self.labels.glob("*.png")) if self.labels.exists() else []

    def sql(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(self.data_dir / "packdesk.db")
        try:
            with conn:
                return conn.execute(query, params).fetchall()
        finally:
            conn.close()


@pytest.fixture
def shop(seeded_template: Path, tmp_path: Path, packdesk_cmd: list[str]) -> Iterator[Shop]:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_template, data_dir)
    yield Shop(packdesk_cmd, data_dir, tmp_path / "labels")


def _png_uri(shop: Shop) -> str:
    return f"png://{shop.labels.as_posix()}"


def _label(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("1")


def _results(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_print_to_png_allocates_a_number_and_prints_it(shop: Shop) -> None:
    order_no = shop.packable()[0]
    done = shop.print(order_no, "--printer", _png_uri(shop), "--json")
    assert done.returncode == 0, done.stderr

    order = shop.orders()[order_no]
    assert order["tracking_no"] and order["print_count"] == 1
    (result,) = _results(done)
    assert (result["order_no"], result["tracking_no"], result["copy_no"]) == (order_no, order["tracking_no"], 1)
    (png,) = shop.pngs()
    assert [p.name for p in shop.labels.iterdir()] == [png.name]  # no .part or other leftovers
    image = _label(png)
    assert abs(image.width - 800) <= 8 and abs(image.height - 1200) <= 8
    assert code128_texts(image) == [order["tracking_no"]]


def test_second_print_needs_a_reprint_reason(shop: Shop) -> None:
    order_no = shop.packable()[0]
    assert shop.print(order_no, "--printer", _png_uri(shop)).returncode == 0
    (first,) = shop.pngs()
    first_bytes = first.read_bytes()
    tracking_no = shop.orders()[order_no]["tracking_no"]

    for extra in ([], ["--reprint", "  "]):
        again = shop.print(order_no, "--printer", _png_uri(shop), *extra)
        assert again.returncode != 0
        assert "--reprint" in again.stderr and again.stderr.startswith("packdesk:")
        assert "Traceback" not in again.stderr
        assert shop.pngs() == [first] and first.read_bytes() == first_bytes
        assert shop.orders()[order_no]["print_count"] == 1

    done = shop.print(order_no, "--printer", _png_uri(shop), "--reprint", "jammed", "--json")
    assert done.returncode == 0, done.stderr
    (result,) = _results(done)
    assert (result["tracking_no"], result["copy_no"]) == (tracking_no, 2)
    order = shop.orders()[order_no]
    assert (order["tracking_no"], order["print_count"]) == (tracking_no, 2)
    (second,) = set(shop.pngs()) - {first}
    copy2 = _label(second)
    assert code128_texts(copy2) == [tracking_no]
    # The reprint is visibly marked in the header (the first 9.5 mm), and only there: same number, same parcel.
    box = ImageChops.difference(_label(first).convert("L"), copy2.convert("L")).getbbox()
    assert box is not None and box[3] <= 76


def _jobs_and_queries(conns: list[Any]) -> tuple[list[bytes], list[bytes]]:
    """Splits captured connections into label jobs (ESC @ ...) and status queries (DLE EOT), nothing else."""
    jobs = [bytes(c.data) for c in conns if c.data.startswith(b"\x1b@")]
    queries = [bytes(c.data) for c in conns if not c.data.startswith(b"\x1b@")]
    assert set(queries) <= {STATUS_QUERY}, f"unexpected bytes sent: {[q[:16] for q in queries]}"
    return jobs, queries


def test_print_over_tcp_sends_escpos_that_scans(shop: Shop) -> None:
    order_no = shop.packable()[0]
    with TcpCapture(answer_to={STATUS_QUERY: STATUS_READY}) as cap:
        done = shop.print(order_no, "--printer", cap.uri, "--json")
        assert done.returncode == 0, done.stderr
        (job,), _queries = _jobs_and_queries(cap.wait_idle())
    image = decode_escpos(job).image()
    assert image.size == (800, 1200)
    tracking_no = shop.orders()[order_no]["tracking_no"]
    assert code128_texts(image) == [tracking_no]
    assert _results(done)[0]["bytes_sent"] == len(job)


def test_76x130_labels(shop: Shop) -> None:
    order_no = shop.packable()[0]
    done = shop.print(order_no, "--printer", _png_uri(shop), "--size", "76x130")
    assert done.returncode == 0, done.stderr
    (png,) = shop.pngs()
    image = _label(png)
    assert abs(image.width - 608) <= 8 and abs(image.height - 1040) <= 8
    assert code128_texts(image) == [shop.orders()[order_no]["tracking_no"]]


@pytest.mark.parametrize("code", ["ZTO", "YTO", "STO", "YUNDA", "SF", "EMS"])
def test_each_carrier_account_allocates_its_own_format(shop: Shop, code: str) -> None:
    order_no = shop.packable()[0]
    done = shop.print(order_no, "--printer", _png_uri(shop), "--carrier", code, "--json")
    assert done.returncode == 0, done.stderr
    order = shop.orders()[order_no]
    tracking_no = order["tracking_no"]
    assert order["carrier"] == code and _results(done)[0]["carrier"] == code
    assert CARRIERS[code].matches(tracking_no), f"{tracking_no} is not a {code} number"
    if code == "EMS":
        assert is_valid_s10(tracking_no)
    (png,) = shop.pngs()
    assert code128_texts(_label(png)) == [tracking_no]


def test_tracking_numbers_never_repeat(shop: Shop) -> None:
    orders = shop.packable()[:20]
    assert len(orders) == 20
    # The default account is ZTO: the batch without --carrier and the ZTO batch share one counter.
    for batch, carrier in zip(range(0, 20, 5), (None, "ZTO", "SF", "EMS"), strict=True):
        args = [*orders[batch : batch + 5], "--printer", _png_uri(shop), "--json"]
        done = shop.print(*args, *(["--carrier", carrier] if carrier else []))
        assert done.returncode == 0, done.stderr
    listed = shop.orders()
    numbers = [listed[no]["tracking_no"] for no in orders]
    assert all(numbers) and len(set(numbers)) == 20, numbers
    assert len(shop.pngs()) == 20
    in_db = [row[0] for row in shop.sql("SELECT tracking_no FROM packages")]
    assert sorted(in_db) == sorted(numbers)


def _allocation_state(shop: Shop) -> tuple[Any, ...]:
    return (
        shop.sql("SELECT id, next_serial FROM waybill_accounts ORDER BY id"),
        shop.sql("SELECT count(*) FROM packages"),
        shop.sql("SELECT count(*) FROM print_jobs"),
    )


@pytest.mark.parametrize("block", ["closed", "requested", "refunded"])
def test_orders_that_must_not_ship_print_nothing(shop: Shop, block: str) -> None:
    order_no = shop.packable()[0]
    # The seed has no such order among its 30, so one is made in the database as a platform sync would leave it.
    (order_id,) = shop.sql("SELECT id FROM orders WHERE order_no = ?", order_no)[0]
    if block == "closed":
        shop.sql("UPDATE orders SET status = 'closed' WHERE id = ?", order_id)
    else:
        shop.sql("UPDATE order_lines SET refund_status = ? WHERE order_id = ?", block, order_id)
    before = _allocation_state(shop)

    done = shop.print(order_no, "--printer", _png_uri(shop))
    assert done.returncode != 0
    assert done.stderr.startswith("packdesk:") and order_no in done.stderr and "Traceback" not in done.stderr
    assert shop.pngs() == []
    order = shop.orders()[order_no]
    assert (order["tracking_no"], order["print_count"]) == (None, 0)
    assert _allocation_state(shop) == before


def test_failed_print_keeps_its_number_for_the_retry(shop: Shop) -> None:
    order_no = shop.packable()[0]
    sock, port = refused_port()  # held (bound, not listening) so the same address can come back below
    uri = f"tcp://127.0.0.1:{port}"
    try:
        done = shop.print(order_no, "--printer", uri)
        assert done.returncode != 0
        # design.md: errors go to stderr, with a message a seller understands (here: which printer did not answer).
        assert done.stderr.startswith("packdesk:") and f"127.0.0.1:{port}" in done.stderr, (
            f"stderr={done.stderr!r} stdout={done.stdout!r}"
        )
        order = shop.orders()[order_no]
        tracking_no = order["tracking_no"]
        assert tracking_no and order["print_count"] == 0  # the number is this parcel's, but nothing printed

        # Asking again does not allocate a second number for the same parcel.
        again = shop.print(order_no, "--printer", uri)
        assert again.returncode != 0 and again.stderr.startswith("packdesk:")
        assert shop.sql("SELECT tracking_no FROM packages") == [(tracking_no,)]

        # The printer comes back at the same address: the waiting job prints, with the number it was given.
        with TcpCapture(bound=sock, answer_to={STATUS_QUERY: STATUS_READY}) as cap:
            retry = shop.run("queue", "run", "--printer", uri)
            assert retry.returncode == 0, retry.stderr
            (job,), _queries = _jobs_and_queries(cap.wait_idle())
    finally:
        sock.close()
    assert code128_texts(decode_escpos(job).image()) == [tracking_no]
    order = shop.orders()[order_no]
    assert (order["tracking_no"], order["print_count"]) == (tracking_no, 1)
    assert shop.sql("SELECT tracking_no FROM packages") == [(tracking_no,)]


def test_a_blocked_order_in_a_batch_does_not_stop_the_others(shop: Shop) -> None:
    first, blocked, last = shop.packable()[:3]
    shop.sql("UPDATE orders SET status = 'closed' WHERE order_no = ?", blocked)
    done = shop.print(first, blocked, last, "--printer", _png_uri(shop))
    assert done.returncode != 0 and blocked in done.stderr
    listed = shop.orders()
    assert listed[blocked]["tracking_no"] is None
    assert listed[first]["print_count"] == 1
    assert listed[last]["print_count"] == 1, "the order after the blocked one was silently not printed"
    assert len(shop.pngs()) == 2


# -- printing that tells the truth: cut-off labels, kills, resuming ------------------------------------------------


def _jobs(shop: Shop, order_no: str) -> list[tuple[Any, ...]]:
    """(id, state, copy, reason) of the order's jobs; the reason is stored as a message, read here in English."""
    rows = shop.sql(
        "SELECT j.id, j.state, j.copy_no, j.reason FROM print_jobs j JOIN packages p ON p.id = j.package_id "
        "JOIN orders o ON o.id = p.order_id WHERE o.order_no = ? ORDER BY j.id",
        order_no,
    )
    return [(*row[:3], english(row[3])) for row in rows]


def _kill_mid_label(shop: Shop, sim: PrinterSimulator, *args: str, after_jobs: int = 0) -> None:
    """Starts `packdesk print ARGS` and SIGKILLs it once the printer holds `after_jobs` whole jobs and the first
    band of the next label (the header with the reprint marker's place), well before that label's end."""
    proc = subprocess.Popen(
        [*shop.cmd, "print", *args, "--data-dir", str(shop.data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (len(sim.jobs) >= after_jobs and sim.receiving >= 26_000):
            assert proc.poll() is None, "the print finished before it could be killed"
            assert time.monotonic() < deadline, "the printer never received the label"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    sim.wait_jobs(after_jobs + 1)  # the part that reached the printer before the connection closed


def _whole_bands(data: bytes) -> bytes:
    """The ESC/POS job cut after its last complete raster band (what a printer can have printed of a cut label)."""
    end, i = 2, 2  # after ESC @
    while data[i : i + 4] == b"\x1dv0\x00" and i + 8 <= len(data):
        size = int.from_bytes(data[i + 4 : i + 6], "little") * int.from_bytes(data[i + 6 : i + 8], "little")
        if i + 8 + size > len(data):
            break
        i = end = i + 8 + size
    return data[:end]


def test_a_label_the_printer_cut_off_is_not_recorded_as_printed(shop: Shop) -> None:
    order_no = shop.packable()[0]
    with PrinterSimulator("zpl") as sim:
        sim.close_after, sim.reset_delay_s = 16_000, 0.3  # takes 16,000 bytes, jams, resets: the rest was in flight
        done = shop.print(order_no, "--printer", sim.uri, "--json")
        assert done.returncode != 0
        assert f"{order_no} NOT printed" in done.stderr and "may be incomplete" in done.stderr
        assert [len(cut) for cut in sim.cut_jobs] == [16_000] and sim.jobs == []
    (result,) = _results(done)
    assert (result["state"], result["copy_no"]) == ("unknown", 1)
    assert shop.orders()[order_no]["print_count"] == 0
    assert [row[1] for row in _jobs(shop, order_no)] == ["unknown"]


def test_a_label_cut_off_by_a_kill_and_sent_again_is_a_marked_counted_reprint(shop: Shop) -> None:
    order_no = shop.packable()[0]
    with PrinterSimulator("escpos") as sim:
        sim.delay_s = 0.05  # about 80 KB/s: the 120 KB label takes 1.5 s
        _kill_mid_label(shop, sim, order_no, "--printer", sim.uri)
        ((job_id, state, copy_no, _reason),) = _jobs(shop, order_no)
        assert (state, copy_no) == ("sending", 1)  # the killed process could not say; `queue` finds out
        requeued = shop.run("queue", "requeue", str(job_id), "--json")
        assert requeued.returncode == 0, requeued.stderr
        view = json.loads(requeued.stdout)
        assert (view["state"], view["copy_no"]) == ("queued", 2)
        sim.delay_s = 0
        resumed = shop.run("queue", "run", "--printer", sim.uri)
        assert resumed.returncode == 0, resumed.stderr
        partial, again = sim.wait_jobs(2)
    tracking_no = shop.orders()[order_no]["tracking_no"]
    assert len(partial) < len(again)
    # The printer got the top of copy 1, then copy 2 whole: the same label and barcode, and only its header differs,
    # where copy 2 carries the inverted 重打 box (many more black dots).
    first, second = decode_escpos(_whole_bands(partial)).image(), decode_escpos(again).image()
    assert code128_texts(second) == [tracking_no]
    box = ImageChops.difference(first.convert("L"), second.crop((0, 0, *first.size)).convert("L")).getbbox()
    assert box is not None and box[3] <= 76
    header = (0, 0, first.width, 76)
    black = [im.crop(header).convert("L").histogram()[0] for im in (first, second)]
    assert black[1] > black[0] + 200, black
    ((_, state, copy_no, reason),) = _jobs(shop, order_no)
    assert (state, copy_no) == ("sent", 2)
    assert reason.startswith("reprint: copy 1 may have been cut off"), reason
    assert shop.orders()[order_no]["print_count"] == 2
    reprints = shop.sql("SELECT detail FROM audit_log WHERE action = 'reprint' AND entity_id = ?", order_no)
    assert [json.loads(d)["reason"] for (d,) in reprints] == [reason]


def test_printing_the_same_batch_again_after_a_kill_resumes_it(shop: Shop) -> None:
    orders = shop.packable()[:4]
    with PrinterSimulator("escpos") as sim:
        sim.delay_s = 0.05
        _kill_mid_label(shop, sim, *orders, "--printer", sim.uri, after_jobs=1)  # killed in the second label
        states = [_jobs(shop, o)[0][1] for o in orders]
        cut = orders[states.index("sending")]
        printed = [o for o, state in zip(orders, states, strict=True) if state == "sent"]
        waiting = [o for o, state in zip(orders, states, strict=True) if state == "queued"]
        assert printed and waiting and len(printed) + len(waiting) == 3, states
        cut_job = _jobs(shop, cut)[0][0]

        sim.delay_s = 0
        again = shop.print(*orders, "--printer", sim.uri)
        assert again.returncode != 0
        # The waiting labels printed; the other refusals each name the command that resolves them.
        assert [_jobs(shop, o)[0][1] for o in waiting] == ["sent"] * len(waiting), again.stderr
        assert f"packdesk queue confirm {cut_job}" in again.stderr
        assert f"packdesk queue requeue {cut_job}" in again.stderr
        assert "--reprint REASON" in again.stderr and "Traceback" not in again.stderr

        confirm = shop.run("queue", "confirm", str(_jobs(shop, waiting[0])[0][0]))
        assert confirm.returncode != 0 and "--reprint REASON" in confirm.stderr

        assert shop.run("queue", "requeue", str(cut_job)).returncode == 0
        last = shop.print(cut, "--printer", sim.uri, "--json")
        assert last.returncode == 0, last.stderr
        assert [(r["order_no"], r["copy_no"]) for r in _results(last)] == [(cut, 2)]
        sim.wait_jobs(5)  # four labels and the cut part of one
    counts = {no: o["print_count"] for no, o in shop.orders().items() if no in orders}
    assert counts == {o: 2 if o == cut else 1 for o in orders}


def test_a_queued_job_can_be_cancelled_and_confirm_says_how_it_prints(shop: Shop) -> None:
    order_no = shop.packable()[0]
    sock, port = refused_port()
    try:
        uri = f"tcp://127.0.0.1:{port}"
        assert shop.print(order_no, "--printer", uri).returncode != 0  # offline: the job waits
    finally:
        sock.close()
    ((job_id, state, _copy, _reason),) = _jobs(shop, order_no)
    assert state == "queued"
    confirm = shop.run("queue", "confirm", str(job_id))
    assert confirm.returncode != 0
    assert (
        f"packdesk queue run --printer {uri}" in confirm.stderr and f"packdesk queue cancel {job_id}" in confirm.stderr
    )
    again = shop.print(order_no, "--printer", _png_uri(shop))  # resumes the waiting job on this printer
    assert again.returncode == 0, again.stderr
    assert len(shop.pngs()) == 1 and _jobs(shop, order_no)[0][1] == "sent"
    second = shop.print(order_no, "--printer", uri, "--reprint", "smudged")
    assert second.returncode != 0
    (job2,) = [row[0] for row in _jobs(shop, order_no) if row[1] == "queued"]
    cancelled = shop.run("queue", "cancel", str(job2), "--json")
    assert cancelled.returncode == 0, cancelled.stderr
    assert json.loads(cancelled.stdout)["state"] == "failed"
    assert shop.run("queue", "cancel", str(job2)).returncode != 0
    assert shop.orders()[order_no]["print_count"] == 1
