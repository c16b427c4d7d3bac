"""What the core says about printing, the print queue and the packing bench: ids -> English (domain layer).

Part of the catalogue (app.domain.catalog merges it in); the same rules hold: ids are stored, so they never change,
and every template is written out literally in a `QT_TRANSLATE_NOOP("CoreMessages", ...)` mark for lupdate.
A print job's stored reason is one of these messages; `{reason}` parameters are nested messages.
"""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

PRINTING: dict[str, str] = {
    # Printing waybills (app.services.printing)
    "print.order_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "No order {order_no} in the cache. Check the number, or sync the shop first."
    ),
    "print.blocked.closed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is closed (refunded or cancelled): it must not ship."
    ),
    "print.blocked.shipped": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} has already shipped."),
    "print.blocked.on_hold": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is on hold: release it before printing."
    ),
    "print.blocked.unpaid": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is not paid yet: it ships once the buyer pays."
    ),
    "print.blocked.refund": QT_TRANSLATE_NOOP(
        "CoreMessages", "Every item of order {order_no} has a refund requested: it must not ship."
    ),
    "print.waiting.queued": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill of order {order_no} ({tracking_no}) is already waiting in the print queue (job {job}). Print it "
        "with `packdesk queue run --printer URI` (or print the order again: its waiting job resumes), or take it out "
        "with `packdesk queue cancel {job}`.",
    ),
    "print.waiting.sending": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill of order {order_no} ({tracking_no}) is being sent to a printer right now (job {job}). Wait for "
        "it; if that print stops, answer with `packdesk queue confirm {job}` (it came out whole) or "
        "`packdesk queue requeue {job}`.",
    ),
    "print.waiting.unknown": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill of order {order_no} ({tracking_no}) may have printed only in part (job {job}: did it print?). "
        "If the label came out whole, run `packdesk queue confirm {job}`; to print it again, marked as a reprint, "
        "run `packdesk queue requeue {job}` and then print again.",
    ),
    "print.already_printed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill of order {order_no} ({tracking_no}) was already printed {count} time(s). Give a reason to print "
        "it again (--reprint REASON).",
    ),
    # A print job's reason (print_jobs.reason); reasons inside reasons are nested messages
    "print.packed_again": QT_TRANSLATE_NOOP("CoreMessages", "packed again at the station"),
    "print.not_printed": QT_TRANSLATE_NOOP("CoreMessages", "not printed"),
    "print.after_sending": QT_TRANSLATE_NOOP("CoreMessages", "after sending: {reason}"),
    "print.reasons": QT_TRANSLATE_NOOP("CoreMessages", "{first} / {then}"),
    "print.cancelled": QT_TRANSLATE_NOOP("CoreMessages", "cancelled: {reason}"),
    "print.order_stopped": QT_TRANSLATE_NOOP("CoreMessages", "order {reason}"),
    "print.stopped_at_bench": QT_TRANSLATE_NOOP("CoreMessages", "order stopped at the bench ({stop})"),
    "print.taken_out": QT_TRANSLATE_NOOP("CoreMessages", "taken out of the queue"),
    "print.interrupted": QT_TRANSLATE_NOOP("CoreMessages", "interrupted while sending: did it print?"),
    "print.did_it_print": QT_TRANSLATE_NOOP("CoreMessages", "did it print?"),
    "print.reprint_cut_off": QT_TRANSLATE_NOOP("CoreMessages", "reprint: copy {copy} may have been cut off ({reason})"),
    "print.may_have_printed": QT_TRANSLATE_NOOP(
        "CoreMessages", "the label may have printed: answer in the print queue"
    ),
    # The print queue (app.services.printing.queue); {state} is a job's state as `packdesk queue list` shows it
    "queue.job_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "No print job {job}. `packdesk queue list` shows the jobs."
    ),
    "queue.not_answerable": QT_TRANSLATE_NOOP(
        "CoreMessages", "Print job {job} is {state}; only unknown or failed jobs need an answer."
    ),
    "queue.not_answerable.queued": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} has not been sent yet, so there is nothing to answer: it prints with "
        "`packdesk queue run --printer {printer}`, or `packdesk queue cancel {job}` takes it out.",
    ),
    "queue.not_answerable.sending": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} is being sent right now; answer once it has stopped (`packdesk queue list` shows it).",
    ),
    "queue.not_answerable.sent": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} has printed. To print its waybill again: `packdesk print ORDER_NO --reprint REASON`.",
    ),
    "queue.cancelled_not_printed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Print job {job} was {reason}; it cannot count as printed."
    ),
    "queue.cancelled_not_resent": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} was {reason}; it cannot be resent. If the order may ship, print it again "
        "(`packdesk print ORDER_NO --printer URI`).",
    ),
    "queue.cancel_not_waiting": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled.",
    ),
    "queue.cancel_unknown": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled. Answer it "
        "with `packdesk queue confirm {job}` or `packdesk queue requeue {job}`.",
    ),
    # The packing bench (app.station); {reason} is an order.blocked.* message
    "bench.override_needs_reason": QT_TRANSLATE_NOOP("CoreMessages", "Say why the order may ship after all."),
    "bench.cannot_override": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} cannot ship: {reason}. No override can change that."
    ),
    "bench.not_stopped": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is not stopped."),
    "bench.finish_open_parcel": QT_TRANSLATE_NOOP("CoreMessages", "Finish or park the open parcel first."),
    "bench.shipped_cannot_reopen": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} has shipped: it can no longer be reopened."
    ),
    "bench.bind_needs_parcel": QT_TRANSLATE_NOOP(
        "CoreMessages", "Open the parcel the item belongs to, then bind its code."
    ),
    "bench.sku_not_in_order": QT_TRANSLATE_NOOP("CoreMessages", "{sku} is not in order {order_no}."),
    "bench.units_range": QT_TRANSLATE_NOOP("CoreMessages", "A code counts 1 to 999 units."),
    "bench.code_taken": QT_TRANSLATE_NOOP("CoreMessages", "The code {code} already belongs to a product."),
    "bench.no_parcel_to_confirm": QT_TRANSLATE_NOOP("CoreMessages", "There is no open parcel to confirm an item in."),
    "bench.confirm_needs_reason": QT_TRANSLATE_NOOP("CoreMessages", "Say why the item cannot be scanned."),
    "bench.no_order_for_code": QT_TRANSLATE_NOOP("CoreMessages", "No order for {code}."),
}
