"""A Pinduoduo order's receiver in plaintext, for the one waybill request that needs it (sync layer).

PDD sends the receiver's name, phone and street address only as ciphertexts (the cache keeps them with PDD's masks).
PDD's own e-waybill reads them as they are (app.sync.waybills.pdd_requests), so nothing is decrypted for it; a
Cainiao or Kuaidi100 account needs the address itself, and gets it from `pdd.open.decrypt.batch` here: only for the
requests about to be sent, in calls of at most 100 ciphertexts, at most `per_s` calls a second for the process (PDD
limits decryption strictly; a limit it still answers is waited out by the client as told). The plaintext lives in
the request objects only: it is never logged, never stored, and the print data a provider answers with it is not
kept (app.services.waybills.issuing).

Each order is decrypted through its own shop's authorisation (a shop's client id is its app key; its client secret
and access token are its stored secrets, app.sync.shops).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import msgspec
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg
from app.domain.waybills import WaybillRequest
from app.persistence.shops import ShopRepository
from app.sync.gateway import RetryPolicy
from app.sync.pdd import PddClient
from app.sync.shops import load_credentials
from app.sync.waybills.pdd_requests import ciphertexts

DECRYPT = "pdd.open.decrypt.batch"
MAX_ITEMS = 100  # ciphertexts per call (PDD's limit)
ClientFor = Callable[[sessionmaker[Session], str], PddClient]


class Decrypted(msgspec.Struct, frozen=True):
    data_tag: str
    encrypted_data: str
    decrypted_data: str | None = None
    error_code: int | None = None
    error_msg: str | None = None


class DecryptAnswer(msgspec.Struct, frozen=True):
    data_decrypt_list: list[Decrypted] = []


class PddReceivers:
    """Reveals PDD orders' receivers for waybill requests (app.services.waybills.ports.ReceiverReveal).

    Args:
        data_dir: where the shops' secrets file is (when there is no keyring).
        per_s: decryption calls a second at most, for the process.
        client_for: the PDD client of a shop by name (default: from its stored secrets); tests give their own.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        per_s: float = 2.0,
        retry: RetryPolicy | None = None,
        client_for: ClientFor | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.data_dir, self.per_s, self.retry = data_dir, per_s, retry
        self.client_for = client_for or self._client
        self.clock, self.sleep = clock, sleep
        self._lock = threading.Lock()
        self._next_at = 0.0
        self.calls = 0

    def reveal(
        self, session_factory: sessionmaker[Session], requests: Sequence[WaybillRequest]
    ) -> dict[str, WaybillRequest | Message]:
        """By object_id: each PDD request with ciphertexts, with its receiver decrypted, or why it cannot be."""
        by_shop: dict[str, list[WaybillRequest]] = {}
        for request in requests:
            if ciphertexts(request) is not None:
                by_shop.setdefault(request.shop, []).append(request)
        revealed: dict[str, WaybillRequest | Message] = {}
        for shop, asked in by_shop.items():
            try:
                client = self.client_for(session_factory, shop)
                try:
                    plain = self._decrypt(client, asked)
                finally:
                    client.close()
            except PackDeskError as exc:
                revealed.update({r.object_id: _failed(r, exc.msg.render(), exc.code) for r in asked})
                continue
            for request in asked:
                revealed[request.object_id] = _filled(request, plain)
        return revealed

    def _decrypt(self, client: PddClient, requests: list[WaybillRequest]) -> dict[tuple[str, str], Decrypted]:
        """Every ciphertext of `requests`, asked in calls of at most MAX_ITEMS, by (order number, ciphertext)."""
        items = list(
            dict.fromkeys((r.order_no, c) for r in requests for c in (ciphertexts(r) or {}).values())
        )  # an order asked twice (a batch and its retry) is decrypted once
        found: dict[tuple[str, str], Decrypted] = {}
        for start in range(0, len(items), MAX_ITEMS):
            chunk = items[start : start + MAX_ITEMS]
            found.update(self.decrypt(client, chunk))
        return found

    def decrypt(self, client: PddClient, items: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Decrypted]:
        """One `pdd.open.decrypt.batch` of at most MAX_ITEMS (data tag, ciphertext) pairs, paced: the items PDD
        answered, by pair (a buyer notice's number asks here too, app.sync.platform_numbers).

        Raises:
            PddError, Offline, TokenExpired, MalformedAnswer: as PddClient.read.
        """
        self._pace()
        data = [{"data_tag": tag, "encrypted_data": text} for tag, text in items[:MAX_ITEMS]]
        answer = client.read(DECRYPT, {"data_list": data}, DecryptAnswer, root="open_decrypt_batch_response")
        self.calls += 1
        return {(item.data_tag, item.encrypted_data): item for item in answer.data_decrypt_list}

    def _pace(self) -> None:
        """Waits until the next decryption call is allowed (at most `per_s` a second for the process)."""
        with self._lock:
            now = self.clock()
            at = max(now, self._next_at)
            self._next_at = at + 1.0 / self.per_s
        if at > now:
            self.sleep(at - now)

    def _client(self, session_factory: sessionmaker[Session], shop_name: str) -> PddClient:
        with session_factory() as session:
            shop = ShopRepository(session).by_name(shop_name)
        if shop is None or shop.platform != Platform.PDD or not shop.gateway_url:
            raise PackDeskError(msg("pdd.decrypt.no_shop", shop=shop_name))
        creds = load_credentials(self.data_dir, shop.credentials_ref)
        return PddClient(shop.gateway_url, shop.app_key or "", creds.app_secret, creds.session_key, retry=self.retry)


def _failed(request: WaybillRequest, words: str, code: str) -> Message:
    return msg("pdd.decrypt.failed", order_no=request.order_no, words=words, code=code)


def _filled(request: WaybillRequest, plain: dict[tuple[str, str], Decrypted]) -> WaybillRequest | Message:
    sealed = ciphertexts(request) or {}
    values: dict[str, str] = {}
    for field_name, text in sealed.items():
        item = plain.get((request.order_no, text))
        if item is None or item.error_code or item.decrypted_data is None:
            words = (item.error_msg or "") if item is not None else ""
            code = str(item.error_code or "") if item is not None else "missing"
            return _failed(request, words, code)
        values[field_name] = item.decrypted_data
    return replace(request, name=values["name"], phone=values["phone"], address=values["address"])
