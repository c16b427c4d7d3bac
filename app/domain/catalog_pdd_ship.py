"""What the core says about Pinduoduo ship-backs, receiver decryption and the bench's live look at a PDD order
(app.sync.pdd_ship, app.sync.pdd_receiver). Message id -> English template, merged into
app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

PDD_SHIP: dict[str, str] = {
    "pdd.ship.refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo refused the shipment of order {order_no}: {words} ({code})"
    ),
    "pdd.ship.not_confirmed": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo did not confirm the shipment."),
    "pdd.ship.unknown_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Pinduoduo does not list the carrier {carrier} for order {order_no}. Ship it with a carrier Pinduoduo knows.",
    ),
    "pdd.ship.no_order": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo has no order {order_no}."),
    "pdd.decrypt.failed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Pinduoduo did not decrypt the receiver of order {order_no}: {words} ({code})"
    ),
    "pdd.decrypt.no_shop": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The Pinduoduo shop {shop} has no API connection here, so the receivers of its orders cannot be decrypted "
        "for this waybill account. Connect the shop, or print its orders with a Pinduoduo e-waybill account.",
    ),
}
