"""Printing waybills (services layer): what goes on a label (label), the spooler of one printer (spooler, with its
batch on one connection in batch), and the print queue across printers (queue). The print_jobs table's reads and
writes are in app.persistence.print_jobs.
"""

from __future__ import annotations

from app.domain.print_jobs import JobView
from app.persistence.print_jobs import OPEN_STATES
from app.services.printing.label import PREVIEW_NUMBER, build_waybill, preview_waybill
from app.services.printing.leases import SEND_LEASE, interrupted, process_alive, this_process
from app.services.printing.queue import cancel, cancel_queued, count_print, list_jobs, recover, resolve
from app.services.printing.results import PrintResult, QueuePause
from app.services.printing.spooler import WAITING_MESSAGES, PrintService

__all__ = [
    "OPEN_STATES",
    "PREVIEW_NUMBER",
    "SEND_LEASE",
    "WAITING_MESSAGES",
    "JobView",
    "PrintResult",
    "PrintService",
    "QueuePause",
    "build_waybill",
    "cancel",
    "cancel_queued",
    "count_print",
    "interrupted",
    "list_jobs",
    "preview_waybill",
    "process_alive",
    "recover",
    "resolve",
    "this_process",
]
