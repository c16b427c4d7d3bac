"""Adding a waybill account (sync layer: it asks the provider and keeps the secrets in the keyring).

An online account is asked for its carriers, balances and sender addresses (`search()`) with the secrets as given,
before anything is written: wrong secrets or a wrong gateway change nothing. The secrets go to the keyring under
"waybill:NAME" (app.sync.shops.store_credentials) only once the account passed every check, inside the transaction
that writes it. A Cainiao account may instead use a Taobao shop's app key and session (its keyring entry is the
shop's). A number roll needs no provider: it is checked and written at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from secrets import token_hex

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.domain.waybill_accounts import LOCAL_KINDS, AccountView
from app.domain.waybills import WaybillAccount
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.waybills.accounts import AccountSpec, check_spec, save_account
from app.services.waybills.ports import RemoteWaybillProvider
from app.sync.shops import Credentials, find_shop, load_credentials, store_credentials

CredentialsOf = Callable[[WaybillAccount], Credentials]
Connect = Callable[[str, CredentialsOf], RemoteWaybillProvider]
TOP_PLATFORMS = (Platform.TAOBAO, Platform.TMALL)


@dataclass(frozen=True)
class Added:
    """The account as written, and a warning for the seller (secrets kept in a file for want of a keyring)."""

    account: AccountView
    warning: Message | None = None


def credentials_ref(name: str) -> str:
    """The keyring entry of an account's own secrets."""
    return f"waybill:{name}"


def add_account(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    spec: AccountSpec,
    secrets: Credentials | None,
    connect: Connect,
    now: Callable[[], datetime],
) -> Added:
    """Adds the account `spec` describes (or changes the online account of that name).

    Args:
        secrets: the provider's secrets (app secret and session key; PDD's client secret and access token;
            Kuaidi100's secret and, for a branch account, its partner key). None or empty: those the account of
            that name keeps (a change), or the Taobao shop's for a Cainiao account set up from a shop.
        connect: the provider of an account kind, given how it finds an account's secrets (app.wiring).
        now: the current UTC time.

    Raises:
        InvalidInput: what app.services.waybills.accounts.check_spec and save_account refuse; a Cainiao account
            with neither a shop nor a gateway, or from a shop that does not sync through TOP; missing secrets.
        NotFound: no such shop; the shop's secrets are not stored.
        WaybillUnreachable, WaybillRefused: the provider could not be asked, or refused (wrong secrets).
    """
    if spec.kind.strip().lower() == "cainiao" and not spec.source_shop and not spec.gateway.strip():
        raise InvalidInput(msg("accounts.cainiao_source"))
    spec = check_spec(spec)
    if spec.kind in LOCAL_KINDS:
        with session_factory.begin() as session:
            return Added(save_account(session, spec, None, now()))
    with session_factory() as session:
        existing = WaybillAccounts(session).by_name(spec.name)
        if existing is not None and existing.kind != spec.kind:
            raise InvalidInput(msg("accounts.other_kind", name=spec.name, kind=existing.kind))
        if spec.source_shop:
            shop = find_shop(session, spec.source_shop)
            if shop.platform not in TOP_PLATFORMS or not shop.has_api:
                raise InvalidInput(msg("accounts.shop_not_top", shop=shop.name))
            spec = replace(
                spec,
                source_shop=shop.name,
                gateway=shop.gateway_url or "",
                app_key=shop.app_key or "",
                credentials_ref=shop.credentials_ref,
            )
    fresh = _complete(spec.kind, secrets) and not spec.source_shop
    if spec.source_shop:
        creds = load_credentials(data_dir, spec.credentials_ref)
    else:
        spec = replace(spec, credentials_ref=credentials_ref(spec.name))
        if fresh:
            assert secrets is not None
            creds = secrets
        else:
            creds = _stored(data_dir, spec, existing)
    if spec.kind == "kuaidi100" and not spec.settings.get("order_prefix"):
        # Kuaidi100 keeps every orderId it saw: ids from a database rebuilt from scratch must not repeat old ones
        kept = existing.settings.get("order_prefix") if existing else None
        spec = replace(spec, settings={**spec.settings, "order_prefix": kept or f"{token_hex(3)}-"})
    account = WaybillAccount(
        existing.id if existing else 0,
        spec.name,
        spec.kind,
        spec.carrier,
        gateway=spec.gateway,
        app_key=spec.app_key,
        credentials_ref=spec.credentials_ref,
        settings=dict(spec.settings),
    )
    provider = connect(spec.kind, lambda _account: creds)
    try:
        answered = provider.search(account)  # no transaction is open
    finally:
        close = getattr(provider, "close", None)
        if close is not None:
            close()
    warning = None
    with session_factory.begin() as session:
        view = save_account(session, spec, answered, now())
        if fresh:  # checked and written: the secrets are kept (a failure here rolls the account back)
            warning = store_credentials(data_dir, spec.credentials_ref or credentials_ref(spec.name), creds)
    return Added(view, warning)


def _complete(kind: str, secrets: Credentials | None) -> bool:
    if secrets is None:
        return False
    if kind == "kuaidi100":  # a platform-authorised Kuaidi100 account has no partner key
        return bool(secrets.app_secret)
    return bool(secrets.app_secret and secrets.session_key)


def _stored(data_dir: Path, spec: AccountSpec, existing: WaybillAccount | None) -> Credentials:
    """The secrets the account of that name keeps (changing it without giving them again)."""
    missing = InvalidInput(msg("accounts.secrets_missing", name=spec.name, needed=msg(f"accounts.secrets.{spec.kind}")))
    if existing is None or existing.credentials_ref != spec.credentials_ref:
        raise missing
    try:
        return load_credentials(data_dir, spec.credentials_ref)
    except NotFound:
        raise missing from None
