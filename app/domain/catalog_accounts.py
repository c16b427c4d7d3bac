"""What the core says about: Setting up waybill accounts, the command line `waybill` (app.services.waybills.accounts,
app.cli.waybills). Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

WAYBILL_ACCOUNTS: dict[str, str] = {
    # Checks of a new or changed account (app.services.waybills.accounts, app.sync.waybills.setup)
    "accounts.name_missing": QT_TRANSLATE_NOOP("CoreMessages", "A waybill account needs a name."),
    "accounts.unknown_provider": QT_TRANSLATE_NOOP(
        "CoreMessages", "Unknown waybill provider '{provider}'. Use one of: {known}."
    ),
    "accounts.gateway_not_http": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The gateway '{gateway}' is not an http(s) address, e.g. https://gw-api.pinduoduo.com/api/router",
    ),
    "accounts.key_empty": QT_TRANSLATE_NOOP("CoreMessages", "The account's {field} is empty."),
    "accounts.field.cainiao": QT_TRANSLATE_NOOP("CoreMessages", "app key"),
    "accounts.field.pdd": QT_TRANSLATE_NOOP("CoreMessages", "client id"),
    "accounts.field.kuaidi100": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100 key"),
    "accounts.provider.cainiao": QT_TRANSLATE_NOOP("CoreMessages", "Cainiao"),
    "accounts.provider.pdd": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo"),
    "accounts.provider.kuaidi100": QT_TRANSLATE_NOOP("CoreMessages", "Kuaidi100"),
    "accounts.secrets_missing": QT_TRANSLATE_NOOP("CoreMessages", "The waybill account '{name}' needs {needed}."),
    "accounts.secrets.cainiao": QT_TRANSLATE_NOOP("CoreMessages", "its app secret and session key"),
    "accounts.secrets.pdd": QT_TRANSLATE_NOOP("CoreMessages", "its client secret and access token"),
    "accounts.secrets.kuaidi100": QT_TRANSLATE_NOOP("CoreMessages", "its Kuaidi100 secret"),
    "accounts.cainiao_source": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "A Cainiao account needs a Taobao shop whose app key and session it uses (--shop SHOP), "
        "or its own gateway and app key (--gateway URL --app-key KEY).",
    ),
    "accounts.shop_not_top": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Shop '{shop}' does not sync through the Taobao Open Platform, so it has no app key and session to lend a "
        "Cainiao account: give the account its own gateway and app key.",
    ),
    "accounts.kuaidi100_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "A Kuaidi100 account needs the carrier its branch account prints for (--carrier CODE)."
    ),
    "accounts.roll_needs": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "A number roll needs its carrier, its first number and how many numbers it holds "
        "(--carrier CODE --first NO --count N).",
    ),
    "accounts.count_positive": QT_TRANSLATE_NOOP(
        "CoreMessages", "A number roll holds at least one number; the count given was {count}."
    ),
    "accounts.roll_not_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "{number} is not a {carrier} tracking number; they look like {example}."
    ),
    "accounts.roll_check_digit": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The check digit of {number} is wrong: with that serial the {carrier} number is {expected}. "
        "Check the first number of the roll.",
    ),
    "accounts.roll_past_end": QT_TRANSLATE_NOOP(
        "CoreMessages", "A roll of {count} numbers from {number} runs past the last {carrier} tracking number."
    ),
    "accounts.roll_overlaps": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The numbers {first} to {last} overlap the number roll of account '{account}': "
        "a tracking number is never given to two parcels.",
    ),
    "accounts.roll_exists": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The number roll '{name}' exists already and its range cannot change (numbers taken are never given "
        "again). Add the new roll under another name.",
    ),
    "accounts.roll_one_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "The number roll '{name}' holds {carrier} numbers only."
    ),
    "accounts.other_kind": QT_TRANSLATE_NOOP(
        "CoreMessages", "A waybill account named '{name}' exists already ({kind}); choose another name."
    ),
    "accounts.group_and_shop": QT_TRANSLATE_NOOP(
        "CoreMessages", "Give the shop group or the shop that uses the account, not both."
    ),
    "accounts.group_or_shop": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Say which shops use the waybill account '{name}': a shop group (--group GROUP) or a shop (--for-shop "
        "SHOP). Groups: {groups}. Shops: {shops}.",
    ),
    "accounts.sender_name_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "The sender name '{name}' is too long: the waybill providers take at most 40 characters."
    ),
    "accounts.sender_phone_bad": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{phone}' is not a phone number, e.g. 13800000000 or 0571-88888888."
    ),
    "accounts.sender_missing": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The shop group '{group}' has no sender name or phone: {provider} needs both with every number. "
        "Set them before printing.",
    ),
    "accounts.warn_below_negative": QT_TRANSLATE_NOOP(
        "CoreMessages", "The balance warning threshold must be 0 or more; it was {value}."
    ),
    "accounts.provider_missing": QT_TRANSLATE_NOOP(
        "CoreMessages", "This installation of PackDesk cannot reach {kind} waybill accounts: its provider is missing."
    ),
    # What the provider answered
    "accounts.no_carriers": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The provider says the account '{name}' is subscribed to no carrier. Subscribe to a carrier's e-waybills "
        "(开通电子面单) first.",
    ),
    "accounts.not_subscribed": QT_TRANSLATE_NOOP(
        "CoreMessages", "The account '{name}' is not subscribed to {carrier}; it is to: {known}."
    ),
    "accounts.address_unknown": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The provider returned no sender address '{address_id}' for the account '{name}'. It returned: {known}.",
    ),
    "accounts.address_choose": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The provider returned several sender addresses for the account '{name}'; choose one (--address-id): {known}.",
    ),
    # Finding an account
    "accounts.not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "No waybill account named '{name}'. Accounts here: {names}."
    ),
    "accounts.none_yet": QT_TRANSLATE_NOOP(
        "CoreMessages", "No waybill account named '{name}'. There are none yet: add one with `waybill add`."
    ),
}
