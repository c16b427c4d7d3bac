"""What the core says about the catalogue synced from a platform (app.sync.catalogue) and the stock pushed back to it
(app.sync.stock_push). Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the
rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

CATALOGUE_SYNC: dict[str, str] = {
    # One SKU of a synced item the catalogue takes without its barcode, or not at all
    "catalogue.barcode": QT_TRANSLATE_NOOP("CoreMessages", "barcode '{code}' left out: {reason}"),
    "catalogue.sku_too_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "the merchant code '{sku}' is longer than {most} characters; the SKU is left out"
    ),
    "catalogue.sku_twice": QT_TRANSLATE_NOOP(
        "CoreMessages", "another SKU of this sync has the same merchant code '{sku}'; this one is left out"
    ),
    "catalogue.no_api": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Shop '{name}' has no API connection, so its catalogue cannot be synced: import its product sheet instead.",
    ),
    "catalogue.not_taobao": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Shop '{name}' is a {platform} shop: PackDesk syncs the catalogue of Taobao and Tmall shops; import its "
        "product sheet instead.",
    ),
    # The stock push (app.sync.stock_push)
    "push.no_item": QT_TRANSLATE_NOOP(
        "CoreMessages", "Taobao's answer about item {item_id} has no item in it; the stock of {sku} is checked again."
    ),
    "push.no_api": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{name}' has no API connection: PackDesk cannot push its stock to the platform."
    ),
    "push.no_sku": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao's item {item_id} has no SKU {sku_id} any more, so the stock of {sku} cannot be sent: sync the "
        "catalogue again.",
    ),
    "push.refused": QT_TRANSLATE_NOOP("CoreMessages", "The stock of {sku} was not sent: {reason}"),
}
