"""What the core says about Taobao, syncing, ship-backs and the seller centre: ids -> English (domain layer).

Part of the catalogue (app.domain.catalog merges it in). The platform's own words (a refusal's sub_msg) are never
ours to translate: they travel as a plain parameter, `{words}`. A ship-back's last error and a shop's sync error are
stored as these messages (app.domain.messages, encode()).
"""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

SYNC: dict[str, str] = {
    # The Taobao gateway (app.sync.top); {method} is the API method, {code} the platform's error code
    "top.refused": QT_TRANSLATE_NOOP("CoreMessages", "Taobao refused {method}: {words} ({code})"),
    "top.session_expired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao no longer accepts this shop's session key (it has expired or was revoked). "
        "Authorize the shop again and update it with `packdesk shop add`.",
    ),
    "top.rate_limited": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao has stopped this app's calls for {hours} h {minutes} min (daily quota). Sync resumes after that.",
    ),
    "top.offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "Taobao could not be reached for {method}: {failure}. PackDesk will try again later."
    ),
    "top.failure.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "cannot reach Taobao ({error})"),
    "top.failure.http": QT_TRANSLATE_NOOP("CoreMessages", "Taobao answered HTTP {status}"),
    "top.failure.limited": QT_TRANSLATE_NOOP("CoreMessages", "Taobao limited the calls for {seconds} s"),
    "top.failure.busy": QT_TRANSLATE_NOOP("CoreMessages", "Taobao is busy"),
    "top.unclear.broke": QT_TRANSLATE_NOOP(
        "CoreMessages", "The connection to Taobao broke during {method}; it may have been applied."
    ),
    "top.unclear.http": QT_TRANSLATE_NOOP("CoreMessages", "Taobao failed (HTTP {status}) during {method}."),
    "top.unclear.failed": QT_TRANSLATE_NOOP("CoreMessages", "Taobao failed during {method}: {words}"),
    "top.malformed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao answered something PackDesk does not understand ({method}: {why}). Nothing was changed by this "
        "answer; PackDesk will ask again later.",
    ),
    # {why} of top.malformed (the validator's own words travel as plain text)
    "top.why.no_root": QT_TRANSLATE_NOOP("CoreMessages", "the answer has no {root} object"),
    "top.why.too_deep": QT_TRANSLATE_NOOP("CoreMessages", "the answer is nested too deeply"),
    "top.why.not_object": QT_TRANSLATE_NOOP("CoreMessages", "the answer is not a JSON object"),
    "top.why.no_time": QT_TRANSLATE_NOOP("CoreMessages", "trade {tid} has neither pay_time nor created"),
    "top.why.no_oid": QT_TRANSLATE_NOOP("CoreMessages", "a sub-order of trade {tid} has no oid or no item"),
    "top.why.too_many": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "it counts {total} trades between {start} and {end}, more than the {most} PackDesk reads from one listing",
    ),
    # Ship-backs (app.sync.outbox)
    "outbox.not_confirmed": QT_TRANSLATE_NOOP("CoreMessages", "Taobao did not confirm the shipment."),
    "outbox.no_trade": QT_TRANSLATE_NOOP("CoreMessages", "Taobao has no trade {order_no}."),
    "outbox.answer_without_trade": QT_TRANSLATE_NOOP(
        "CoreMessages", "Taobao's answer about trade {order_no} has no trade in it."
    ),
    "outbox.verified": QT_TRANSLATE_NOOP("CoreMessages", "already shipped on the platform (verified)"),
    # Syncing (app.sync.service)
    "sync.no_api": QT_TRANSLATE_NOOP("CoreMessages", "Shop '{name}' has no API connection (it is filled by imports)."),
    "sync.no_api_imports": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{name}' has no API connection: its orders come from imported files."
    ),
    # The seller centre and its bulk-ship file (app.sync.seller_centre, app.sync.bulk_ship)
    "seller_centre.enter": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Enter this shipment in the seller centre: shop '{shop}' has no API connection. Bulk-ship file: "
        "packdesk outbox export FILE --shop '{shop}'.",
    ),
    "seller_centre.has_api": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{name}' reports its shipments through its API: `packdesk outbox flush` sends them."
    ),
    "seller_centre.nothing": QT_TRANSLATE_NOOP("CoreMessages", "No shipment waits to be entered in a seller centre."),
    "seller_centre.several_shops": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Shipments of several shops wait for their seller centres ({names}); each takes its own file: add --shop NAME.",
    ),
    "seller_centre.partial": QT_TRANSLATE_NOOP(
        "CoreMessages", "only part of this order shipped: enter it in the seller centre by hand, item by item"
    ),
    "seller_centre.nothing_for_shop": QT_TRANSLATE_NOOP(
        "CoreMessages", "No shipment of shop '{name}' waits to be entered in its seller centre."
    ),
    "seller_centre.not_waiting": QT_TRANSLATE_NOOP(
        "CoreMessages", "Not a shipment waiting for the seller centre: {ids} (see `packdesk outbox list`)."
    ),
    "seller_centre.nothing_exported": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "No exported shipment waits to be marked entered: export them first (packdesk outbox export FILE), "
        "or give their numbers.",
    ),
    "bulk_ship.suffix": QT_TRANSLATE_NOOP(
        "CoreMessages", "Name the bulk-ship file .csv or .xlsx (not '{name}'); the seller centre imports those."
    ),
    "bulk_ship.no_folder": QT_TRANSLATE_NOOP("CoreMessages", "The folder {folder} does not exist."),
    "bulk_ship.cannot_write": QT_TRANSLATE_NOOP("CoreMessages", "Cannot write {path}: {error}."),
}
