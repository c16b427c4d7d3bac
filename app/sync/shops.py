"""Shops and their secrets.

A shop row holds what is not secret (platform, gateway, app key, its associated-shop group); the app secret and the
session key live in the OS keyring under the service "PackDesk" and the name `credentials_ref`. Where no keyring
exists (a headless Linux box without Secret Service), they go into a 0600 file in the data directory, with a warning.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.persistence.rows import ShopGroupRow, ShopRow

log = logging.getLogger(__name__)
SERVICE = "PackDesk"
FALLBACK_FILE = "secrets.json"


@dataclass(frozen=True)
class Credentials:
    app_secret: str
    session_key: str


def platform_of(text: str) -> Platform:
    try:
        return Platform(text.strip().lower())
    except ValueError:
        known = ", ".join(p.value for p in Platform)
        raise InvalidInput(msg("shop.unknown_platform", platform=text, known=known)) from None


def find_shop(session: Session, name: str) -> ShopRow:
    shop = session.execute(select(ShopRow).where(ShopRow.name == name)).scalar_one_or_none()
    if shop is None:
        names = session.execute(select(ShopRow.name).order_by(ShopRow.name)).scalars().all()
        if names:
            raise NotFound(msg("shop.not_found", name=name, names=", ".join(names)))
        raise NotFound(msg("shop.none_yet", name=name))
    return shop


def ensure_shop(session: Session, name: str, platform: Platform, now: datetime, group: str | None = None) -> ShopRow:
    """The shop called `name`, created when new (in the caller's transaction).

    Raises:
        InvalidInput: a shop of that name exists on another platform.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("shop.name_missing"))
    shop = session.execute(select(ShopRow).where(ShopRow.name == name)).scalar_one_or_none()
    if shop is not None:
        if shop.platform != platform.value:
            raise InvalidInput(msg("shop.other_platform", name=name, platform=shop.platform, wanted=platform.value))
        return shop
    shop = ShopRow(name=name, platform=platform.value, created_at=now)
    if group:
        shop.group = _group(session, group)
    session.add(shop)
    session.flush()
    return shop


def _group(session: Session, name: str) -> ShopGroupRow:
    group = session.execute(select(ShopGroupRow).where(ShopGroupRow.name == name)).scalar_one_or_none()
    if group is None:
        group = ShopGroupRow(name=name)
        session.add(group)
    return group


def add_api_shop(
    session: Session,
    data_dir: Path,
    *,
    name: str,
    platform: Platform,
    gateway: str,
    app_key: str,
    credentials: Credentials,
    now: datetime,
    group: str | None = None,
) -> tuple[ShopRow, Message | None]:
    """Adds (or updates) a shop that syncs through the platform's API; returns it and a warning, if any.

    Raises:
        InvalidInput: a missing gateway, app key, secret or session key.
    """
    if not gateway.startswith(("http://", "https://")):
        raise InvalidInput(msg("shop.gateway_not_http", gateway=gateway))
    if not app_key.strip():
        raise InvalidInput(msg("shop.app_key_empty"))
    if not credentials.app_secret or not credentials.session_key:
        raise InvalidInput(msg("shop.secrets_missing"))
    shop = ensure_shop(session, name, platform, now, group)
    shop.gateway_url = gateway
    shop.app_key = app_key.strip()
    shop.credentials_ref = f"shop:{shop.name}"
    warning = store_credentials(data_dir, shop.credentials_ref, credentials)
    return shop, warning


def _keyring():  # type: ignore[no-untyped-def]
    """The OS keyring, or None when only the fail/null backends exist (or PACKDESK_KEYRING=file)."""
    if os.environ.get("PACKDESK_KEYRING") == "file":
        return None
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if (
        isinstance(backend, fail.Keyring | null.Keyring)
        or type(backend).__name__ == "ChainerBackend"
        and not getattr(backend, "backends", None)
    ):
        return None
    return keyring


def store_credentials(data_dir: Path, ref: str, credentials: Credentials) -> Message | None:
    """Keeps `credentials` under `ref`; returns a warning when they had to go into a file."""
    payload = json.dumps({"app_secret": credentials.app_secret, "session_key": credentials.session_key})
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, ref, payload)
            return None
        except Exception as exc:  # keyring.errors.KeyringError and backend-specific failures
            log.warning("keyring refused the secret (%s); using the file fallback", exc)
    path = data_dir / FALLBACK_FILE
    secrets = _read_file(path)
    secrets[ref] = json.loads(payload)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(secrets, f)
    os.replace(tmp, path)
    return msg("shop.secrets_in_file", path=str(path))


def _read_file(path: Path) -> dict[str, dict[str, str]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InvalidInput(msg("shop.secrets_file_unreadable", path=str(path), error=str(exc))) from None


def load_credentials(data_dir: Path, ref: str | None) -> Credentials:
    """The secrets stored under `ref`.

    Raises:
        NotFound: nothing is stored (the shop must be added again with its secrets).
    """
    if ref:
        ring = _keyring()
        raw = None
        if ring is not None:
            try:
                raw = ring.get_password(SERVICE, ref)
            except Exception as exc:
                log.warning("keyring lookup failed (%s)", exc)
        data = json.loads(raw) if raw else _read_file(data_dir / FALLBACK_FILE).get(ref)
        if data:
            return Credentials(data["app_secret"], data["session_key"])
    raise NotFound(msg("shop.secrets_not_stored"))


@dataclass(frozen=True)
class ShopView:
    name: str
    platform: str
    api: bool  # syncs through the platform's API (else filled by imports)
    group: str
    sender: str
    last_sync: datetime | None
    last_error: Message | None  # why its last sync failed


def list_shops(session: Session) -> list[ShopView]:
    from app.persistence.rows import SyncStateRow

    views = []
    for shop in session.execute(select(ShopRow).order_by(ShopRow.name)).scalars():
        state = session.get(SyncStateRow, shop.id)
        group = shop.group
        sender = (
            f"{group.sender_name} {group.sender_phone} {group.sender_province}{group.sender_city}"
            f"{group.sender_district}{group.sender_detail}".strip()
            if group
            else ""
        )
        views.append(
            ShopView(
                shop.name,
                shop.platform,
                bool(shop.gateway_url),
                group.name if group else "",
                sender,
                state.last_success_at if state else None,
                Message.decode(state.last_error) if state else None,
            )
        )
    return views


def set_group_sender(
    session: Session, group: str, *, name: str, phone: str, province: str, city: str, district: str, detail: str
) -> None:
    """Sets the sender printed on every waybill of the associated-shop group `group` (created when new).

    Raises:
        InvalidInput: a sender needs a name, a phone and an address.
    """
    if not (name.strip() and phone.strip() and province.strip() and detail.strip()):
        raise InvalidInput(msg("shop.sender_incomplete"))
    row = _group(session, group.strip())
    row.sender_name, row.sender_phone = name.strip(), phone.strip()
    row.sender_province, row.sender_city, row.sender_district = province.strip(), city.strip(), district.strip()
    row.sender_detail = detail.strip()
