"""What the core says about: Kuaidi100 e-waybills (app.sync.waybills.kuaidi100). Message id -> English template, merged
into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

KUAIDI100: dict[str, str] = {
    # Refusals: Kuaidi100's own words travel in {words} as it answered them (Chinese), with its return code.
    "kuaidi100.refused": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 refused the number request ({code}): {words}"),
    "kuaidi100.cancel_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100 did not cancel {tracking_no} ({code}): {words}"
    ),
    "kuaidi100.reprint_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Kuaidi100 did not return the label of {tracking_no} again ({code}: {words}). It answers a repeated order "
        "for 48 hours only: print PackDesk's own label of this number instead.",
    ),
    "kuaidi100.reprint_other_number": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Kuaidi100 answered a new number {new_no} instead of the label of {tracking_no}; PackDesk cancelled {new_no}. "
        "Print PackDesk's own label of {tracking_no} instead.",
    ),
    "kuaidi100.reprint_other_number_live": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Kuaidi100 answered a new number {new_no} instead of the label of {tracking_no}, and cancelling {new_no} "
        "failed ({reason}). Ask the carrier branch to cancel {new_no}; print PackDesk's own label of {tracking_no}.",
    ),
    "kuaidi100.no_update": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Kuaidi100 cannot change the receiver of a number already issued: the number is cancelled and a new one taken.",
    ),
    # The account's own set-up
    "kuaidi100.not_configured": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Kuaidi100 account '{account}' has no API address or key: add it again with --gateway and --key.",
    ),
    "kuaidi100.gateway_not_http": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Kuaidi100 address '{gateway}' of account '{account}' is not an http(s) address, e.g. "
        "https://api.kuaidi100.com/label/order",
    ),
    "kuaidi100.partner_missing": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Kuaidi100 account '{account}' has no branch account id (partnerId): add it again with "
        "PACKDESK_PARTNER_ID set to the id the carrier branch gave you.",
    ),
    "kuaidi100.carrier_unknown": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100 has no company code for the carrier '{carrier}'. Carriers it serves here: {known}."
    ),
    "kuaidi100.no_sender": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Kuaidi100 account '{account}' has no sender address: set the sender of the shop group it serves first.",
    ),
    "kuaidi100.receiver_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} cannot get a Kuaidi100 number: the receiver needs a name, a phone number and an address.",
    ),
    # The network (app.sync.gateway's call loop says its failures with these)
    "kuaidi100.offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100 could not be reached for {method}: {failure}. PackDesk will try again later."
    ),
    "kuaidi100.failure.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "cannot reach Kuaidi100 ({error})"),
    "kuaidi100.failure.http": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 answered HTTP {status}"),
    "kuaidi100.failure.limited": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 limited the calls for {seconds} s"),
    "kuaidi100.failure.busy": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 is busy"),
    "kuaidi100.unclear.broke": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The connection to Kuaidi100 broke during {method}; it may have been applied. Asking again is safe: the same "
        "order id gets the first number back, never a second one, and a cancel asked again changes nothing.",
    ),
    "kuaidi100.unclear.http": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 failed (HTTP {status}) during {method}."),
    "kuaidi100.unclear.failed": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 failed during {method}: {words}"),
    "kuaidi100.no_number": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Kuaidi100 ({gateway}) took the request but answered no tracking number PackDesk can read ({why}). PackDesk "
        "asks again with the same order id.",
    ),
    "kuaidi100.no_label_link": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100's answer has no label image link"),
    "kuaidi100.http_status": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100's address {gateway} answered HTTP {status}: check the account's API address."
    ),
    "kuaidi100.label_unavailable": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The label image of {tracking_no} could not be downloaded from Kuaidi100 ({failure}). The number is kept: "
        "try the print again later.",
    ),
}
