"""What the core says about: Cainiao e-waybills through TOP (app.sync.waybills.cainiao). Message id -> English
template, merged into app.domain.catalog.CATALOG (see there for the rules).

The platform's own words (a refusal's sub_msg) are never ours to translate: they travel as the plain parameter
`{words}`, with its error code as `{code}`; `{reason}` is another message (the TOP client's account of a failure).
"""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

CAINIAO: dict[str, str] = {
    # One request of a batch refused (nothing issued for it)
    "cainiao.refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Cainiao refused a waybill number for order {order_no}: {words} ({code})"
    ),
    "cainiao.address_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} cannot get a Cainiao waybill number: its receiver's province, city, district or street "
        "address is missing. Complete the address, then print again.",
    ),
    "cainiao.receiver_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} cannot get a Cainiao waybill number: its receiver's name or phone number is missing.",
    ),
    # The whole account refused (the batch stops)
    "cainiao.account_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "The Cainiao waybill account '{account}' cannot issue {carrier} numbers: {words} ({code})"
    ),
    "cainiao.balance_exhausted": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Cainiao waybill account '{account}' has no {carrier} numbers left ({words}). Top it up with the "
        "carrier's branch, then print again.",
    ),
    "cainiao.session_expired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao no longer accepts the session key of the waybill account '{account}' (it expired or was revoked). "
        "Authorise it again, then add the account again with `packdesk waybill add`.",
    ),
    "cainiao.bad_credentials": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao refused the app key or app secret of the waybill account '{account}': {words} ({code}). Check them, "
        "then add the account again with `packdesk waybill add`.",
    ),
    "cainiao.no_gateway": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Cainiao waybill account '{account}' has no gateway or app key. Add it again with `packdesk waybill add`.",
    ),
    "cainiao.no_secrets": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The app secret and session key of the Cainiao waybill account '{account}' cannot be read: {reason}",
    ),
    "cainiao.no_sender": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Cainiao waybill account '{account}' has no sender address chosen. Choose one of the addresses Cainiao "
        "returned for it (`packdesk waybill add ... --address-id`).",
    ),
    "cainiao.sender_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The sender of the Cainiao waybill account '{account}' has no name or phone number: set them for its shop "
        "group.",
    ),
    # A read refused
    "cainiao.call_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Cainiao refused {method} for the waybill account '{account}': {words} ({code})"
    ),
    # Numbers already issued: reprint, cancel, update
    "cainiao.not_live": QT_TRANSLATE_NOOP(
        "CoreMessages", "Cainiao has no live waybill {tracking_no} to print again: {words} ({code})"
    ),
    "cainiao.cancel_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Cainiao refused to cancel waybill {tracking_no}: {words} ({code})"
    ),
    "cainiao.update_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Cainiao refused to change the receiver of waybill {tracking_no}: {words} ({code})"
    ),
    # {why} of top.malformed for an answer without what was asked
    "cainiao.why.no_module": QT_TRANSLATE_NOOP("CoreMessages", "the answer has no number for request {object_id}"),
    "cainiao.why.print_data": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print data of waybill {tracking_no} cannot be read: {error}"
    ),
}
