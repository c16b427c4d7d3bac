"""Shops and their secrets.

A shop row holds what is not secret (platform, gateway, app key, its associated-shop group); the app secret and the
session key live in the OS keyring under the service "PackDesk" and the name `credentials_ref`. Where no keyring
exists (a headless Linux box without Secret Service), they go into a 0600 file in the data directory, with a warning.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import astuple, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.domain.shops import Sender, Shop, ShopView
from app.persistence.shops import ShopRepository

log = logging.getLogger(__name__)
SERVICE = "PackDesk"
API_PLATFORMS = (Platform.TAOBAO, Platform.PDD)  # whose orders `sync` pulls (app.sync.service); others: imports
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


def find_shop(session: Session, name: str) -> Shop:
    shops = ShopRepository(session)
    shop = shops.by_name(name)
    if shop is None:
        names = shops.names()
        if names:
            raise NotFound(msg("shop.not_found", name=name, names=", ".join(names)))
        raise NotFound(msg("shop.none_yet", name=name))
    return shop


def ensure_shop(session: Session, name: str, platform: Platform, now: datetime, group: str | None = None) -> Shop:
    """The shop called `name`, created when new (in the caller's transaction).

    Raises:
        InvalidInput: a shop of that name exists on another platform.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("shop.name_missing"))
    shops = ShopRepository(session)
    shop = shops.by_name(name)
    if shop is not None:
        if shop.platform != platform.value:
            raise InvalidInput(msg("shop.other_platform", name=name, platform=shop.platform, wanted=platform.value))
        return shop
    return shops.add(name, platform, now, group)


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
) -> tuple[Shop, Message | None]:
    """Adds (or updates) a shop that syncs through the platform's API; returns it and a warning, if any.

    Raises:
        InvalidInput: a platform PackDesk does not sync through an API; a missing gateway, app key, secret or session
            key.
    """
    check_api_platform(platform)
    if not gateway.startswith(("http://", "https://")):
        raise InvalidInput(msg("shop.gateway_not_http", gateway=gateway))
    if not app_key.strip():
        raise InvalidInput(msg("shop.app_key_empty"))
    if not credentials.app_secret or not credentials.session_key:
        raise InvalidInput(msg("shop.secrets_missing"))
    shop = ensure_shop(session, name, platform, now, group)
    ref = f"shop:{shop.name}"
    shop = ShopRepository(session).connect_api(shop.id, gateway=gateway, app_key=app_key.strip(), credentials_ref=ref)
    warning = store_credentials(data_dir, ref, credentials)
    return shop, warning


def check_api_platform(platform: Platform) -> None:
    """Raises InvalidInput when PackDesk cannot sync shops of `platform` through its API."""
    if platform not in API_PLATFORMS:
        known = ", ".join(p.value for p in API_PLATFORMS)
        raise InvalidInput(msg("shop.no_api_platform", platform=platform.value, known=known))


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


def list_shops(session: Session) -> list[ShopView]:
    return ShopRepository(session).views()


def set_group_sender(
    session: Session, group: str, *, name: str, phone: str, province: str, city: str, district: str, detail: str
) -> None:
    """Sets the sender printed on every waybill of the associated-shop group `group` (created when new).

    Raises:
        InvalidInput: a sender needs a name, a phone and an address.
    """
    if not (name.strip() and phone.strip() and province.strip() and detail.strip()):
        raise InvalidInput(msg("shop.sender_incomplete"))
    sender = Sender(name, phone, province, city, district, detail)
    ShopRepository(session).set_group_sender(group.strip(), Sender(*(part.strip() for part in astuple(sender))))
