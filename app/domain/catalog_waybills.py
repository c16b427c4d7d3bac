"""What the core says about: Number requests, the ledger, cancels, reprints and the balance gate
(app.services.waybills). Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the
rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

WAYBILLS: dict[str, str] = {
    # Taking numbers from an online provider (app.services.waybills.issuing); {reason} is the provider's own words
    "waybill.no_balance": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill account '{account}' has no {carrier} numbers left: nothing was asked for order {order_no}. Top "
        "the account up with the carrier's branch, refresh its balance, then print again.",
    ),
    "waybill.unreachable": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "No number was taken for order {order_no}; print it again when the connection is back. The waybill account "
        "'{account}' ({carrier}) cannot be reached: {reason}",
    ),
    "waybill.answer_lost": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Print order {order_no} again: PackDesk first looks up whether a number was issued, and never takes a second "
        "one. The answer of the waybill account '{account}' ({carrier}) was lost: {reason}",
    ),
    "waybill.not_numbered": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} has no number yet: its waybill account gave none. Print it again."
    ),
    "waybill.no_answer": QT_TRANSLATE_NOOP("CoreMessages", "the provider answered the batch without this parcel"),
    "waybill.refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill account '{account}' refused a {carrier} number for order {order_no}: {reason}",
    ),
    "waybill.account_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} was not numbered, and the rest of the batch on this account was not asked. The waybill "
        "account '{account}' cannot issue {carrier} numbers now: {reason}",
    ),
    "waybill.not_looked_up": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} asked the waybill account '{account}' for a number before, and PackDesk does not ask again "
        "before it has looked up that request. Print it again later; the look-up failed: {reason}",
    ),
    "waybill.number_in_use": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill account '{account}' answered {tracking_no} for order {order_no}, but that number is already on "
        "order {other}: it was not used. Print order {order_no} again for another number.",
    ),
    "waybill.order_changed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} changed while its number was being asked ({reason}): the number {tracking_no} is not used "
        "and will be cancelled.",
    ),
    "waybill.numbered_meanwhile": QT_TRANSLATE_NOOP("CoreMessages", "it has a number already"),
    "waybill.not_needed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} no longer needed this number when it arrived: to cancel."
    ),
    "waybill.not_asked": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} no longer needed a number: the request was withdrawn before it was asked."
    ),
    # An address changed after the number was issued
    "waybill.address_updated": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Address changed for order {order_no}: number {tracking_no} kept, label updated with the new address.",
    ),
    "waybill.address_new_number": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Address changed for order {order_no}: the provider could not update number {old} ({reason}); it is "
        "cancelled and the parcel has a new number, {tracking_no}. Use the new label only.",
    ),
    "waybill.update_failed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The address of order {order_no} changed after its number {tracking_no} was issued: its old label must not "
        "be used. Print it again once the waybill account '{account}' can update the number; it could not now: "
        "{reason}",
    ),
    # Cancelling numbers (app.services.waybills.cancels)
    "waybill.cancel_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "No parcel or waybill number {tracking_no} is known here. Check the number."
    ),
    "waybill.cancel_shipped": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Number {tracking_no} cannot be cancelled: its parcel (order {order_no}) has shipped, and a shipped number "
        "travels with it.",
    ),
    "waybill.cancel_local": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Number {tracking_no} (order {order_no}) is voided: it comes from a number roll, which has nobody to cancel it "
        "with, and is never used again.",
    ),
    "waybill.cancelled": QT_TRANSLATE_NOOP(
        "CoreMessages", "Number {tracking_no} (order {order_no}) is cancelled with the waybill account '{account}'."
    ),
    "waybill.cancelled_before": QT_TRANSLATE_NOOP(
        "CoreMessages", "Number {tracking_no} (order {order_no}) was cancelled before."
    ),
    "waybill.cancel_later": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Number {tracking_no} (order {order_no}) is voided and will be cancelled with the next outbox round; the "
        "waybill account '{account}' could not be told now: {reason}",
    ),
    "waybill.cancel_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill account '{account}' refused to cancel number {tracking_no} (order {order_no}): {reason}",
    ),
    "waybill.unknown_account": QT_TRANSLATE_NOOP(
        "CoreMessages", "The waybill account of number {tracking_no} no longer exists here."
    ),
}
