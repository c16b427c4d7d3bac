"""The catalogue of what the core says: message id -> English template (domain layer).

Ids are dotted, lower-case and stable (they are stored, see app.domain.messages); the English may be reworded, and
the .ts file follows through lupdate, which finds each template by its `QT_TRANSLATE_NOOP("CoreMessages", ...)` mark
(so a template is always written out literally here, never built). Parameters are `{name}` placeholders in
str.format syntax, without format specs: callers pass numbers and lists preformatted, and a parameter may be another
message (a reason inside a refusal). Printers' own ids (prefix "printer.") live in printers.errors, and the larger
areas in app.domain.catalog_* modules; all are merged in here.
"""

from __future__ import annotations

from app.domain.catalog_accounts import WAYBILL_ACCOUNTS
from app.domain.catalog_batch_ship import BATCH_SHIP
from app.domain.catalog_cainiao import CAINIAO
from app.domain.catalog_catalogue_sync import CATALOGUE_SYNC
from app.domain.catalog_imports import IMPORTS
from app.domain.catalog_kuaidi100 import KUAIDI100
from app.domain.catalog_merges import MERGES
from app.domain.catalog_notices import NOTICES
from app.domain.catalog_order_actions import ORDER_ACTIONS
from app.domain.catalog_pdd import PDD
from app.domain.catalog_pdd_ship import PDD_SHIP
from app.domain.catalog_printing import PRINTING
from app.domain.catalog_products import PRODUCTS
from app.domain.catalog_reports import REPORTS
from app.domain.catalog_service_rules import SERVICE_RULES
from app.domain.catalog_splits import SPLITS
from app.domain.catalog_station import STATION
from app.domain.catalog_stock import STOCK
from app.domain.catalog_sync import SYNC
from app.domain.catalog_tracking import TRACKING
from app.domain.catalog_waybills import WAYBILLS
from printers.errors import PRINTER_MESSAGES


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation in `context` and returns it unchanged."""
    return text


PLAIN = "plain"

CATALOG: dict[str, str] = {
    PLAIN: "{text}",
    # Shops and their secrets (app.sync.shops)
    "shop.unknown_platform": QT_TRANSLATE_NOOP("CoreMessages", "Unknown platform '{platform}'. Use one of: {known}."),
    "shop.not_found": QT_TRANSLATE_NOOP("CoreMessages", "No shop named '{name}'. Shops here: {names}."),
    "shop.none_yet": QT_TRANSLATE_NOOP(
        "CoreMessages", "No shop named '{name}'. There are no shops yet: add one with `shop add`."
    ),
    "shop.name_missing": QT_TRANSLATE_NOOP("CoreMessages", "A shop needs a name."),
    "shop.other_platform": QT_TRANSLATE_NOOP("CoreMessages", "Shop '{name}' is a {platform} shop, not {wanted}."),
    "shop.gateway_not_http": QT_TRANSLATE_NOOP(
        "CoreMessages", "The gateway '{gateway}' is not an http(s) address, e.g. https://eco.taobao.com/router/rest"
    ),
    "shop.app_key_empty": QT_TRANSLATE_NOOP("CoreMessages", "The app key is empty."),
    "shop.key_missing": QT_TRANSLATE_NOOP("CoreMessages", "A {platform} shop needs {option}."),
    "shop.no_api_platform": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "PackDesk cannot sync {platform} shops through an API (only {known}); fill them with `packdesk import`.",
    ),
    "shop.secrets_missing": QT_TRANSLATE_NOOP("CoreMessages", "The app secret and the session key are both needed."),
    "shop.secrets_file_unreadable": QT_TRANSLATE_NOOP(
        "CoreMessages", "The secrets file {path} cannot be read: {error}"
    ),
    "shop.secrets_not_stored": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "This shop's app secret and session key are not stored here: add the shop again with `shop add`.",
    ),
    "shop.secrets_in_file": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "No system keyring is available, so the shop's secrets are kept in {path} (readable only by you). "
        "Install and unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager) to keep them there.",
    ),
    "shop.sender_incomplete": QT_TRANSLATE_NOOP(
        "CoreMessages", "A sender needs a name, a phone number, a province and a street address."
    ),
    # Orders (app.services.orders, app.services.shipping); order.blocked.* are the {reason} of a refusal
    "orders.unknown_status": QT_TRANSLATE_NOOP("CoreMessages", "Unknown status '{status}'. Use one of: {known}."),
    "orders.limit_too_small": QT_TRANSLATE_NOOP("CoreMessages", "--limit must be at least 1."),
    "orders.offset_negative": QT_TRANSLATE_NOOP("CoreMessages", "The offset cannot be below 0."),
    "orders.unknown_platform": QT_TRANSLATE_NOOP("CoreMessages", "Unknown platform '{platform}'. Use one of: {known}."),
    "orders.unknown_flag": QT_TRANSLATE_NOOP("CoreMessages", "Unknown flag colour '{colour}'. Use one of: {known}."),
    "orders.unknown_printed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Unknown print status '{printed}'. Use yes, no or reprinted."
    ),
    "orders.unknown_sort": QT_TRANSLATE_NOOP(
        "CoreMessages", "The list cannot sort by '{key}'. Sort by: {known} (a leading - sorts from the highest)."
    ),
    "orders.hours_negative": QT_TRANSLATE_NOOP("CoreMessages", "The hours cannot be below 0."),
    "orders.paid_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "The paid range ends before it starts: give the earlier date first."
    ),
    "orders.bad_date": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not a date: write it as 2024-06-18 (or 2024-06-18T14:30)."
    ),
    "order.not_found": QT_TRANSLATE_NOOP("CoreMessages", "No order {order_no} in the cache."),
    "order.blocked.closed": QT_TRANSLATE_NOOP("CoreMessages", "closed"),
    "order.blocked.shipped": QT_TRANSLATE_NOOP("CoreMessages", "shipped"),
    "order.blocked.on_hold": QT_TRANSLATE_NOOP("CoreMessages", "on hold"),
    "order.blocked.refund": QT_TRANSLATE_NOOP("CoreMessages", "refund"),
    "order.blocked.unpaid": QT_TRANSLATE_NOOP("CoreMessages", "not paid yet"),
    # Shipping by hand (app.services.shipping)
    "carrier.unknown": QT_TRANSLATE_NOOP("CoreMessages", "Unknown carrier '{carrier}'. Known carriers: {known}."),
    "shipping.not_tracking_number": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{tracking_no}' is not a tracking number: use 8-40 letters and digits."
    ),
    "shipping.number_unlike_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "{number} does not look like a {carrier} number; recorded as {carrier} as you said."
    ),
    "shipping.blocked": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} cannot ship: {reason}."),
    "shipping.tracking_in_use": QT_TRANSLATE_NOOP(
        "CoreMessages", "Tracking number {number} is already used by order {order_no}."
    ),
    "shipping.already_printed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} already has the printed waybill {tracking_no}; ship it with that number or void it first.",
    ),
    "shipping.platform_pattern": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{number} is not a {carrier} tracking number as {platform} checks them (pattern {pattern}); "
        "the platform would refuse the shipment.",
    ),
    # Waybill accounts (app.services.waybills)
    "waybill.no_group": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{shop}' has no waybill account. Add the shop to a group with an account."
    ),
    "waybill.no_account": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{shop}' has no waybill account: add one for its shop group, then print again."
    ),
    "waybill.no_carrier_account": QT_TRANSLATE_NOOP(
        "CoreMessages", "Shop '{shop}' has no {carrier} waybill account: add one for its shop group, then print again."
    ),
    "waybill.exhausted": QT_TRANSLATE_NOOP(
        "CoreMessages", "The {carrier} waybill account '{account}' has no tracking numbers left."
    ),
    "waybill.no_provider": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill account '{account}' is of kind '{kind}', which this installation cannot issue numbers for "
        "(it can for: {known}).",
    ),
    # Station settings (app.services.station_options); station.field.* are the {field} of a refusal
    "station.out_of_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "{field} must be between {low} and {high}; it is {value}."
    ),
    "station.affix_too_long": QT_TRANSLATE_NOOP("CoreMessages", "{field} must be at most 8 printable characters."),
    "station.serial_invalid": QT_TRANSLATE_NOOP("CoreMessages", "{field}: {reason}"),
    "station.same_port": QT_TRANSLATE_NOOP(
        "CoreMessages", "The serial scanner and the scale cannot use the same port."
    ),
    "station.field.lock_after": QT_TRANSLATE_NOOP("CoreMessages", "Lock after (minutes)"),
    "station.field.shortest_scan": QT_TRANSLATE_NOOP("CoreMessages", "Shortest scan"),
    "station.field.longest_gap": QT_TRANSLATE_NOOP("CoreMessages", "Longest gap between a scanner's keys (ms)"),
    "station.field.packaging": QT_TRANSLATE_NOOP("CoreMessages", "Box and filler weight (g)"),
    "station.field.prefix": QT_TRANSLATE_NOOP("CoreMessages", "Scanner prefix"),
    "station.field.suffix": QT_TRANSLATE_NOOP("CoreMessages", "Scanner suffix"),
    "station.field.serial_scanner": QT_TRANSLATE_NOOP("CoreMessages", "Serial scanner"),
    "station.field.scale": QT_TRANSLATE_NOOP("CoreMessages", "Scale"),
    # Serial scanners and scales (app.scanning.serial_devices)
    "serial.not_serial": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{uri}' is not a serial address; use serial:///dev/ttyUSB0?baud=9600 or serial://COM3."
    ),
    "serial.baud": QT_TRANSLATE_NOOP("CoreMessages", "baud={baud} is not a number"),
    "serial.no_port": QT_TRANSLATE_NOOP("CoreMessages", "'{uri}' names no port."),
    "serial.cannot_open": QT_TRANSLATE_NOOP("CoreMessages", "Cannot open serial port {port}: {error}"),
    # The database (app.persistence.db)
    "database.newer": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "This database was written by a newer PackDesk (schema {revision}); update PackDesk before opening it.",
    ),
    "database.foreign": QT_TRANSLATE_NOOP(
        "CoreMessages", "This file is a database, but not a PackDesk one: it has tables PackDesk did not make."
    ),
    "database.upgrade_broken": QT_TRANSLATE_NOOP(
        "CoreMessages", "Upgrading the database left broken references; it was not changed."
    ),
    "database.busy": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The database is busy: another PackDesk window or command is writing to it. Wait a moment and try again.",
    ),
    "database.damaged": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The database file is damaged or is not a PackDesk database. Restore it from a backup, "
        "or point PackDesk at another data directory.",
    ),
    "database.not_writable": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "PackDesk cannot write its database here. Check that the data directory exists and is writable.",
    ),
    "database.error": QT_TRANSLATE_NOOP("CoreMessages", "The database reported an error: {error}"),
    # Printing, the print queue and the bench; Taobao, ship-backs and the seller centre; imports; the data
    # directory, packers, PINs and the command line (one module each, to keep this one short)
    **PRINTING,
    **SYNC,
    **TRACKING,
    **IMPORTS,
    **STATION,
    **PRODUCTS,
    **REPORTS,
    **SERVICE_RULES,
    **CATALOGUE_SYNC,
    **STOCK,
    **BATCH_SHIP,
    **ORDER_ACTIONS,
    **MERGES,
    **SPLITS,
    # E-waybills: the ledger, accounts, and each provider
    **WAYBILLS,
    **WAYBILL_ACCOUNTS,
    **CAINIAO,
    **PDD,
    **PDD_SHIP,
    **KUAIDI100,
    # Notices to the buyer, the SMS provider, parcels at risk
    **NOTICES,
    # Printers (printers.errors)
    **PRINTER_MESSAGES,
}
