"""What the core says about: Pinduoduo's open API and its e-waybills (app.sync.pdd, app.sync.waybills.pdd). Message id
-> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

PDD: dict[str, str] = {
    # The gateway client (app.sync.pdd)
    "pdd.refused": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo refused {method}: {words} ({code})"),
    "pdd.token_expired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Pinduoduo no longer accepts this access token (it has expired or was revoked). Authorize PackDesk again "
        "in Pinduoduo's service market and store the new access token.",
    ),
    "pdd.offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo could not be reached for {method}: {failure}. PackDesk will try again later."
    ),
    "pdd.failure.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "cannot reach Pinduoduo ({error})"),
    "pdd.failure.http": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo answered HTTP {status}"),
    "pdd.failure.limited": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo limited the calls for {seconds} s"),
    "pdd.failure.busy": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo is busy"),
    "pdd.unclear.broke": QT_TRANSLATE_NOOP(
        "CoreMessages", "The connection to Pinduoduo broke during {method}; it may have been applied."
    ),
    "pdd.unclear.http": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo failed (HTTP {status}) during {method}."),
    "pdd.unclear.failed": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo failed during {method}: {words}"),
    "pdd.malformed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Pinduoduo answered something PackDesk does not understand ({method}: {why}). Nothing was changed by this "
        "answer; PackDesk will ask again later.",
    ),
    "pdd.why.no_root": QT_TRANSLATE_NOOP("CoreMessages", "the answer has no {root} object"),
    "pdd.why.too_deep": QT_TRANSLATE_NOOP("CoreMessages", "the answer is nested too deeply"),
    "pdd.why.not_object": QT_TRANSLATE_NOOP("CoreMessages", "the answer is not a JSON object"),
    # Orders (app.sync.pdd_orders, app.sync.pdd_order_answers)
    "pdd.why.no_time": QT_TRANSLATE_NOOP(
        "CoreMessages", "order {order_sn} has neither pay_time nor confirm_time nor created_time"
    ),
    "pdd.why.no_sku": QT_TRANSLATE_NOOP("CoreMessages", "an item of order {order_sn} has no goods or SKU id"),
    "pdd.why.too_many": QT_TRANSLATE_NOOP(
        "CoreMessages", "it counts {total} orders in one window, more than the {most} PackDesk reads from one listing"
    ),
    # E-waybills (app.sync.waybills.pdd); pdd.part.* are the {part} a waybill request lacks
    "pdd.waybill.no_gateway": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Waybill account '{account}' has no Pinduoduo gateway or client id: add it again with `waybill add`.",
    ),
    "pdd.waybill.no_secrets": QT_TRANSLATE_NOOP(
        "CoreMessages", "The client secret and access token of waybill account '{account}' cannot be read: {reason}"
    ),
    "pdd.waybill.token_expired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Pinduoduo no longer accepts the access token of waybill account '{account}' (it has expired or was "
        "revoked). Authorize PackDesk again, then store the new token with `waybill add`.",
    ),
    "pdd.waybill.credentials": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo refused the client id or secret of waybill account '{account}': {words} ({code})"
    ),
    "pdd.waybill.exhausted": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Waybill account '{account}' has no {carrier} numbers left at Pinduoduo ({words}). Top it up, then print "
        "again.",
    ),
    "pdd.waybill.account_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo refused numbers from waybill account '{account}' ({carrier}): {words} ({code})"
    ),
    "pdd.waybill.call_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo refused {method} for waybill account '{account}': {words} ({code})"
    ),
    "pdd.waybill.refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo gave no waybill number for order {order_no}: {words} ({code})"
    ),
    "pdd.waybill.no_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "Waybill account '{account}' has no carrier: choose one it subscribes to at Pinduoduo."
    ),
    "pdd.waybill.no_sender": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Waybill account '{account}' has no sender address: choose one of the addresses Pinduoduo lists for it.",
    ),
    "pdd.waybill.sender_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The sender of waybill account '{account}' lacks the {part}: Pinduoduo needs a name, a phone number and an "
        "address with province, city, district and street.",
    ),
    "pdd.waybill.receiver_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} cannot get a Pinduoduo waybill: the receiver lacks the {part}. Complete the address, then "
        "print again.",
    ),
    "pdd.waybill.privacy_order": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is a Taobao privacy order: only a Cainiao waybill account can print its address, not a "
        "Pinduoduo one.",
    ),
    "pdd.part.name": QT_TRANSLATE_NOOP("CoreMessages", "name"),
    "pdd.part.phone": QT_TRANSLATE_NOOP("CoreMessages", "phone number"),
    "pdd.part.province": QT_TRANSLATE_NOOP("CoreMessages", "province"),
    "pdd.part.city": QT_TRANSLATE_NOOP("CoreMessages", "city"),
    "pdd.part.district": QT_TRANSLATE_NOOP("CoreMessages", "district"),
    "pdd.part.detail": QT_TRANSLATE_NOOP("CoreMessages", "street address"),
    "pdd.waybill.unreachable": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo's waybill service could not be reached for account '{account}': {reason}"
    ),
    "pdd.waybill.unclear": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Pinduoduo may have issued numbers for waybill account '{account}' without PackDesk hearing the answer "
        "({reason}). Asking again for the same parcels gives the same numbers back.",
    ),
    "pdd.waybill.no_module": QT_TRANSLATE_NOOP("CoreMessages", "the answer has no number for request {object_id}"),
    "pdd.waybill.print_data": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print data of waybill {tracking_no} cannot be read: {error}"
    ),
    "pdd.waybill.other_number": QT_TRANSLATE_NOOP(
        "CoreMessages", "the print data answered for waybill {tracking_no} is that of {other}"
    ),
    "pdd.waybill.not_live": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo has no live waybill {tracking_no} to print again: {words} ({code})"
    ),
    "pdd.waybill.cancel_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo did not cancel waybill {tracking_no}: {words} ({code})"
    ),
    "pdd.waybill.update_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo did not change the receiver of waybill {tracking_no}: {words} ({code})"
    ),
}
