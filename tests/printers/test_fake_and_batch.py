"""The shipped in-memory printer, and a batch's labels on one TCP connection, each confirmed by the answer behind it."""

from __future__ import annotations

import pytest

from printers.errors import PrinterOffline, PrinterWriteError
from printers.fake import MemoryPrinter
from printers.registry import RawPrinter, open_printer
from printers.status import State
from printers.waybill import Waybill
from tests.pdtest.samples import sample_waybill
from tests.pdtest.simulator import PrinterSimulator


def test_memory_printer_records_in_order_and_fails_as_told() -> None:
    printer = MemoryPrinter()
    first, second = sample_waybill(), sample_waybill(copy_no=2)
    assert printer.print_waybill(first, "a") == printer.label_size
    printer.fail_with = PrinterWriteError("printer.tcp_broke", address="memory")
    with pytest.raises(PrinterWriteError):
        printer.print_waybill(second, "b")
    printer.print_waybill(second, "b")
    assert printer.received == [("a", first), ("b", second)]
    printer.state = State.PAPER_OUT
    assert printer.status().state is State.PAPER_OUT
    with pytest.raises(PrinterOffline):
        printer.print_waybill(first, "c")
    assert len(printer.received) == 2


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl"])
def test_a_batch_shares_one_connection_and_each_label_is_answered(lang: str) -> None:
    waybills: list[Waybill] = [sample_waybill(copy_no=n) for n in (1, 2, 3)]
    with PrinterSimulator(lang) as sim:
        printer = open_printer(f"{sim.uri}&size=76x130")
        assert isinstance(printer, RawPrinter) and printer.batches
        labels = [printer.render(w) for w in waybills]
        batch = printer.open_batch()
        try:
            states = [batch.send(data).state for data in labels]
        finally:
            batch.close()
        assert states == [State.READY] * 3
        assert sim.wait_jobs(3) == labels and sim.status_queries == 3


def test_a_label_cut_off_inside_a_batch_raises_and_the_earlier_ones_were_answered() -> None:
    with PrinterSimulator("escpos") as sim:
        printer = open_printer(sim.uri)
        assert isinstance(printer, RawPrinter)
        small, label = b"\x1b@small", printer.render(sample_waybill())
        sim.close_after, sim.reset_delay_s = 5000, 0.2  # takes 5,000 bytes of a job, jams, resets
        batch = printer.open_batch()
        try:
            assert batch.send(small).state is State.READY
            with pytest.raises(PrinterWriteError):
                batch.send(label)
        finally:
            batch.close()
        assert sim.wait_jobs(1) == [small] and [len(c) for c in sim.cut_jobs] == [5000]


def test_status_off_or_a_link_that_cannot_answer_never_batches() -> None:
    assert not open_printer("tcp://127.0.0.1:9?status=off").batches  # type: ignore[attr-defined]
    assert not open_printer("file:///tmp/x.prn").batches  # type: ignore[attr-defined]
