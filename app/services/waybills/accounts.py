"""Setting up waybill accounts (services layer): the checks a new or changed account passes, the account written
with the carriers its provider answered, the group's default account and carrier, and the balance asked again.

Nothing here talks to a provider inside a transaction: app.sync.waybills.setup asks `search()` first and hands the
answer to `save_account`; `refresh` asks each online account's provider with no session open, then writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.messages import Message, msg
from app.domain.tracking import CARRIERS, CarrierFormat, carrier
from app.domain.waybill_accounts import KINDS, LOCAL_KINDS, ONLINE_KINDS, AccountView, address_line
from app.domain.waybills import CarrierBalance, SenderAddress
from app.persistence.shops import ShopRepository
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.waybills.registry import WaybillProviders

DEFAULT_WARN_BELOW = 200


class ChooseAddress(InvalidInput):
    """The provider returned several sender addresses and none was chosen; `addresses` holds them to choose from."""

    def __init__(self, message: Message, addresses: Sequence[SenderAddress]) -> None:
        super().__init__(message)
        self.addresses = tuple(addresses)


@dataclass(frozen=True)
class AccountSpec:
    """An account as the seller describes it (`waybill add`, the accounts dialog).

    Attributes:
        kind: the provider: cainiao | pdd | kuaidi100 | roll | demo.
        carrier: the default carrier ("": the provider's first subscribed one).
        group, for_shop: who prints with it: a shop group by name (created when new), or a shop's group (a shop in
            none gets one named after it). Neither: the only group there is.
        gateway, app_key: where an online provider is reached (app key, PDD client id, Kuaidi100 key).
        credentials_ref: the keyring entry of its secrets; source_shop: a Taobao shop lending its app key and session.
        settings: the provider's own options (Kuaidi100's branch partner id...).
        address_id: the sender address chosen among those the provider returned.
        first, count: a roll's first number and how many numbers it holds.
        make_default: the group's default account from now on (the first account of a group always is).
        sender_name, sender_phone: the group's sender (an online provider needs both with every request); None
            keeps the group's.
    """

    name: str
    kind: str
    carrier: str = ""
    group: str | None = None
    for_shop: str | None = None
    gateway: str = ""
    app_key: str = ""
    credentials_ref: str | None = None
    source_shop: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    address_id: str | None = None
    warn_below: int | None = None
    first: str = ""
    count: int = 0
    make_default: bool = False
    sender_name: str | None = None
    sender_phone: str | None = None

    @property
    def online(self) -> bool:
        return self.kind in ONLINE_KINDS


def check_spec(spec: AccountSpec) -> AccountSpec:
    """The spec with its texts trimmed and codes in capitals, after the checks that need no database or network.

    Raises:
        InvalidInput: no name; an unknown provider or carrier; a gateway that is not http(s); an empty key; a roll
            without its carrier, first number or a positive count; a negative warning threshold; both a group and
            a shop.
    """
    name, kind = spec.name.strip(), spec.kind.strip().lower()
    if not name:
        raise InvalidInput(msg("accounts.name_missing"))
    if kind not in KINDS:
        raise InvalidInput(msg("accounts.unknown_provider", provider=spec.kind, known=", ".join(KINDS)))
    code = spec.carrier.strip().upper()
    if code and code not in CARRIERS:
        raise InvalidInput(msg("carrier.unknown", carrier=spec.carrier, known=", ".join(CARRIERS)))
    group = (spec.group or "").strip() or None
    for_shop = (spec.for_shop or "").strip() or None
    if group and for_shop:
        raise InvalidInput(msg("accounts.group_and_shop"))
    if spec.warn_below is not None and spec.warn_below < 0:
        raise InvalidInput(msg("accounts.warn_below_negative", value=spec.warn_below))
    gateway, app_key = spec.gateway.strip(), spec.app_key.strip()
    if kind in ONLINE_KINDS and not spec.source_shop:
        if not _http_url(gateway):
            raise InvalidInput(msg("accounts.gateway_not_http", gateway=gateway))
        if not app_key:
            raise InvalidInput(msg("accounts.key_empty", field=msg(f"accounts.field.{kind}")))
    if kind == "kuaidi100" and not code:
        raise InvalidInput(msg("accounts.kuaidi100_carrier"))
    if kind in LOCAL_KINDS:
        if not code or not spec.first.strip():
            raise InvalidInput(msg("accounts.roll_needs"))
        roll_range(code, spec.first, spec.count)
    address_id = (spec.address_id or "").strip() or None
    sender_name, sender_phone = _contact(spec.sender_name, spec.sender_phone)
    return replace(
        spec,
        name=name,
        kind=kind,
        carrier=code,
        group=group,
        for_shop=for_shop,
        gateway=gateway,
        app_key=app_key,
        address_id=address_id,
        first=re.sub(r"\s+", "", spec.first).upper(),
        sender_name=sender_name,
        sender_phone=sender_phone,
    )


def _contact(name: str | None, phone: str | None) -> tuple[str | None, str | None]:
    """The sender's name and phone trimmed (None: not given).

    Raises:
        InvalidInput: a name longer than providers take, or a phone that is no phone number.
    """
    name = name.strip() if name is not None else None
    phone = phone.strip() if phone is not None else None
    if name is not None and len(name) > 40:
        raise InvalidInput(msg("accounts.sender_name_long", name=name))
    if phone and not re.fullmatch(r"\+?[\d\- ]{5,20}", phone):
        raise InvalidInput(msg("accounts.sender_phone_bad", phone=phone))
    return name or None, phone or None


def _http_url(text: str) -> bool:
    """An http(s) address with a host and, if any, a valid port."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not one
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def roll_range(code: str, first: str, count: int) -> tuple[int, int]:
    """The serial range (first, end exclusive) of a roll of `count` numbers of carrier `code` from `first`.

    Raises:
        InvalidInput: `first` is not in the carrier's format or its check digit is wrong; `count` is not positive;
            the roll runs past the carrier's last number.
    """
    fmt = carrier(code)
    number = re.sub(r"\s+", "", first).upper()
    if count <= 0:
        raise InvalidInput(msg("accounts.count_positive", count=count))
    body = number[len(fmt.prefix) : len(fmt.prefix) + fmt.serial_digits]
    if not (number.startswith(fmt.prefix) and len(body) == fmt.serial_digits and body.isdigit()):
        raise InvalidInput(msg("accounts.roll_not_carrier", number=number, carrier=fmt.name, example=_example(fmt)))
    serial = int(body)
    expected = fmt.number(serial)
    if expected != number:
        if fmt.s10 and len(number) == len(expected) and number.endswith(fmt.suffix):
            raise InvalidInput(msg("accounts.roll_check_digit", number=number, carrier=fmt.name, expected=expected))
        raise InvalidInput(msg("accounts.roll_not_carrier", number=number, carrier=fmt.name, example=_example(fmt)))
    if serial + count > fmt.capacity:
        raise InvalidInput(msg("accounts.roll_past_end", count=count, number=number, carrier=fmt.name))
    return serial, serial + count


def _example(fmt: CarrierFormat) -> str:
    return fmt.number(int("12345678901234567890"[: fmt.serial_digits]))


def save_account(
    session: Session, spec: AccountSpec, carriers: Sequence[CarrierBalance] | None, now: datetime
) -> AccountView:
    """Adds the account `spec` describes, or changes the online account of that name (in the caller's
    transaction), with the carriers its provider answered (`carriers`; None for a roll).

    Raises:
        InvalidInput: the name is taken by an account of another kind, or by a roll (whose range cannot change);
            a roll overlapping another; the provider answered no carrier; a default carrier the account is not
            subscribed to; an address the provider did not return (ChooseAddress: several and none chosen).
        NotFound: no shop of that name.
    """
    spec = check_spec(spec)
    accounts = WaybillAccounts(session)
    existing = accounts.view(spec.name)
    if existing is not None and existing.provider != spec.kind:
        raise InvalidInput(msg("accounts.other_kind", name=spec.name, kind=existing.provider))
    if existing is not None and spec.kind in LOCAL_KINDS:
        raise InvalidInput(msg("accounts.roll_exists", name=spec.name))
    group_id = _group(session, spec, existing)
    source_shop_id = None
    if spec.source_shop:
        shop = ShopRepository(session).by_name(spec.source_shop)
        source_shop_id = shop.id if shop else None
    if spec.kind in LOCAL_KINDS:
        first, end = roll_range(spec.carrier, spec.first, spec.count)
        for other, start, stop in accounts.serial_ranges(spec.carrier):
            if first < stop and start < end:
                fmt = carrier(spec.carrier)
                raise InvalidInput(
                    msg(
                        "accounts.roll_overlaps",
                        first=fmt.number(first),
                        last=fmt.number(end - 1),
                        account=other,
                    )
                )
        account_id = accounts.save(
            spec.name,
            kind=spec.kind,
            group_id=group_id,
            carrier=spec.carrier,
            settings={**spec.settings, "first": first},
            warn_below=spec.warn_below if spec.warn_below is not None else DEFAULT_WARN_BELOW,
            serials=(first, end),
        )
    else:
        answered = list(carriers or ())
        if not answered:
            raise InvalidInput(msg("accounts.no_carriers", name=spec.name))
        codes = [c.code.upper() for c in answered]
        default = spec.carrier or (existing.carrier if existing and existing.carrier in codes else codes[0])
        if default not in codes:
            raise InvalidInput(msg("accounts.not_subscribed", name=spec.name, carrier=default, known=", ".join(codes)))
        address_id = _address(spec, existing, answered)
        account_id = accounts.save(
            spec.name,
            kind=spec.kind,
            group_id=group_id,
            carrier=default,
            gateway=spec.gateway or None,
            app_key=spec.app_key or None,
            credentials_ref=spec.credentials_ref,
            source_shop_id=source_shop_id,
            settings=spec.settings,
            address_id=address_id,
            warn_below=spec.warn_below if spec.warn_below is not None else (None if existing else DEFAULT_WARN_BELOW),
        )
        accounts.store_carriers(account_id, answered, now)
    if spec.make_default or not accounts.has_default(group_id):
        accounts.set_default(account_id)
    chosen = accounts.by_name(spec.name)
    accounts.set_group_sender(group_id, spec.sender_name, spec.sender_phone, chosen.sender if chosen else None)
    view = accounts.view(spec.name)
    assert view is not None
    return view


def _group(session: Session, spec: AccountSpec, existing: AccountView | None) -> int:
    """The group the account serves: the one named, the shop's, the one it served, else the only one there is."""
    accounts = WaybillAccounts(session)
    if spec.group:
        return accounts.group_named(spec.group)
    shop_name = spec.for_shop or (spec.source_shop if existing is None else None)
    if shop_name:
        return accounts.group_of_shop(_shop_id(session, shop_name))
    if existing is not None:
        return accounts.group_named(existing.group)
    groups = accounts.group_names()
    if len(groups) == 1:
        return accounts.group_named(groups[0])
    shops = ShopRepository(session).names()
    if not groups and len(shops) == 1:
        return accounts.group_of_shop(_shop_id(session, shops[0]))
    raise InvalidInput(
        msg(
            "accounts.group_or_shop",
            name=spec.name,
            groups=", ".join(groups) or "-",
            shops=", ".join(shops) or "-",
        )
    )


def _shop_id(session: Session, name: str) -> int:
    shops = ShopRepository(session)
    shop = shops.by_name(name)
    if shop is None:
        names = shops.names()
        if names:
            raise NotFound(msg("shop.not_found", name=name, names=", ".join(names)))
        raise NotFound(msg("shop.none_yet", name=name))
    return shop.id


def _address(spec: AccountSpec, existing: AccountView | None, answered: Sequence[CarrierBalance]) -> str | None:
    """The sender address: the one chosen, else the one kept from before, else the only one returned."""
    returned: dict[str, SenderAddress] = {}
    for balance in answered:
        for address in balance.addresses:
            returned.setdefault(address.address_id, address)
    known = "; ".join(f"{a.address_id} ({address_line(a)})" for a in returned.values()) or "-"
    if spec.address_id:
        if spec.address_id not in returned:
            raise InvalidInput(msg("accounts.address_unknown", address_id=spec.address_id, name=spec.name, known=known))
        return spec.address_id
    if existing is not None and existing.address_id in returned:
        return existing.address_id
    if len(returned) > 1:
        raise ChooseAddress(msg("accounts.address_choose", name=spec.name, known=known), list(returned.values()))
    return next(iter(returned), None)


# -- reading and changing --------------------------------------------------------------------------------------------


def list_accounts(session: Session) -> list[AccountView]:
    """Every account with its carriers, balances and the shops it serves."""
    return WaybillAccounts(session).views()


def find_account(session: Session, name: str) -> AccountView:
    """The account called `name`.

    Raises:
        NotFound: none is, with the names there are.
    """
    accounts = WaybillAccounts(session)
    view = accounts.view(name.strip())
    if view is None:
        names = accounts.names()
        if names:
            raise NotFound(msg("accounts.not_found", name=name, names=", ".join(names)))
        raise NotFound(msg("accounts.none_yet", name=name))
    return view


def change_account(
    session: Session,
    name: str,
    *,
    group: str | None = None,
    for_shop: str | None = None,
    carrier_code: str | None = None,
    make_default: bool = False,
    warn_below: int | None = None,
    address_id: str | None = None,
    sender_name: str | None = None,
    sender_phone: str | None = None,
) -> AccountView:
    """Changes who prints with the account, its default carrier, whether it is its group's default, its warning
    threshold, its sender address (one the provider returned) or its group's sender name and phone; what is not
    given stays.

    Raises:
        NotFound: no such account or shop.
        InvalidInput: a carrier it is not subscribed to (a roll holds one carrier's numbers); an address the
            provider did not return; a negative threshold; both a group and a shop.
    """
    view = find_account(session, name)
    accounts = WaybillAccounts(session)
    group, for_shop = (group or "").strip() or None, (for_shop or "").strip() or None
    if group and for_shop:
        raise InvalidInput(msg("accounts.group_and_shop"))
    if warn_below is not None and warn_below < 0:
        raise InvalidInput(msg("accounts.warn_below_negative", value=warn_below))
    code = (carrier_code or "").strip().upper() or None
    if code:
        if code not in CARRIERS:
            raise InvalidInput(msg("carrier.unknown", carrier=carrier_code, known=", ".join(CARRIERS)))
        subscribed = [c.code for c in view.carriers]
        if code not in subscribed:
            if view.provider in LOCAL_KINDS:
                raise InvalidInput(msg("accounts.roll_one_carrier", name=view.name, carrier=view.carrier))
            raise InvalidInput(
                msg("accounts.not_subscribed", name=view.name, carrier=code, known=", ".join(subscribed) or "-")
            )
    chosen = view.address_id or None
    if address_id is not None and address_id.strip():
        returned = {a.address_id: a for c in view.carriers for a in c.addresses}
        if address_id.strip() not in returned:
            known = "; ".join(f"{a.address_id} ({address_line(a)})" for a in returned.values()) or "-"
            raise InvalidInput(msg("accounts.address_unknown", address_id=address_id, name=view.name, known=known))
        chosen = address_id.strip()
    group_id = accounts.group_named(view.group)
    if group:
        group_id = accounts.group_named(group)
    elif for_shop:
        group_id = accounts.group_of_shop(_shop_id(session, for_shop))
    account = accounts.by_name(view.name)
    assert account is not None
    accounts.save(
        view.name,
        kind=view.provider,
        group_id=group_id,
        carrier=code or view.carrier,
        gateway=view.gateway or None,
        app_key=account.app_key or None,
        credentials_ref=account.credentials_ref,
        source_shop_id=_source_shop_id(session, view),
        address_id=chosen,
        warn_below=warn_below,
    )
    if make_default or not accounts.has_default(group_id):
        accounts.set_default(view.id)
    name, phone = _contact(sender_name, sender_phone)
    chosen_address = accounts.by_name(view.name)
    accounts.set_group_sender(group_id, name, phone, chosen_address.sender if chosen_address else None)
    changed = accounts.view(view.name)
    assert changed is not None
    return changed


def _source_shop_id(session: Session, view: AccountView) -> int | None:
    if not view.source_shop:
        return None
    shop = ShopRepository(session).by_name(view.source_shop)
    return shop.id if shop else None


def set_default(session: Session, name: str, carrier_code: str | None = None) -> AccountView:
    """Makes `name` its group's default account, with `carrier_code` as its default carrier when given."""
    return change_account(session, name, carrier_code=carrier_code, make_default=True)


# -- the balance asked again -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refreshed:
    """One account's refresh: its view after it (as before when the provider could not be asked) and why not."""

    account: AccountView
    error: Message | None = None

    def to_json(self) -> dict[str, Any]:
        data = self.account.to_json()
        data["error"] = self.error.render() if self.error else None
        return data


def refresh(
    session_factory: sessionmaker[Session],
    providers: WaybillProviders,
    now: Callable[[], datetime],
    name: str | None = None,
    *,
    in_use_only: bool = False,
) -> list[Refreshed]:
    """Asks each online account's provider again for its carriers, balances and addresses (`search()`, with no
    transaction open) and stores the answers. A roll's balance is always current: it is listed as it is.

    Args:
        name: only this account (raises NotFound when there is none).
        in_use_only: only the accounts of groups with shops (the status bar's).

    Returns:
        Every account asked (or, with `name`, that one), with the provider's refusal or silence as its error.
    """
    with session_factory() as session:
        if name is not None:
            views = [find_account(session, name)]
        else:
            views = list_accounts(session)
        if in_use_only:
            views = [v for v in views if v.in_use]
        remote = {a.name: a for a in WaybillAccounts(session).online(name.strip() if name else None)}
    results: list[Refreshed] = []
    for view in views:
        account = remote.get(view.name)
        if account is None:
            results.append(Refreshed(view))
            continue
        try:
            answered = providers.provider(account).search(account)  # type: ignore[union-attr]
        except PackDeskError as exc:
            results.append(Refreshed(view, exc.msg))
            continue
        with session_factory.begin() as session:
            WaybillAccounts(session).store_carriers(account.id, answered, now())
            after = WaybillAccounts(session).view(view.name)
        results.append(Refreshed(after or view))
    return results
