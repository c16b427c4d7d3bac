"""The gateway clients of a provider's waybill accounts (sync layer): one per account, made when first needed with
the account's secrets, made again when the account's gateway or key changed, dropped when the seller re-authorised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from app.domain.errors import PackDeskError, WaybillRefused
from app.domain.messages import msg
from app.domain.waybills import WaybillAccount
from app.sync.shops import Credentials


class _Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=_Closable)


class AccountClients(Generic[C]):
    """Per-account clients made by `make(account, credentials)`; `messages` names the provider's own words for an
    account with no gateway and for secrets that cannot be read (message ids taking `account`, and `reason`)."""

    def __init__(
        self,
        credentials: Callable[[WaybillAccount], Credentials],
        make: Callable[[WaybillAccount, Credentials], C],
        *,
        no_gateway: str,
        no_secrets: str,
    ) -> None:
        self.credentials, self.make = credentials, make
        self.no_gateway, self.no_secrets = no_gateway, no_secrets
        self._clients: dict[int, tuple[tuple[str, str], C]] = {}
        self._lock = threading.Lock()

    def get(self, account: WaybillAccount) -> C:
        """The account's client.

        Raises:
            WaybillRefused: (account level) the account has no gateway or key, or its secrets cannot be read.
        """
        if not account.gateway or not account.app_key:
            raise WaybillRefused(msg(self.no_gateway, account=account.name), account_level=True)
        key = (account.gateway, account.app_key)
        with self._lock:
            cached = self._clients.get(account.id)
            if cached is not None and cached[0] == key:
                return cached[1]
        try:
            creds = self.credentials(account)
        except PackDeskError as exc:
            raise WaybillRefused(
                msg(self.no_secrets, account=account.name, reason=exc.msg), account_level=True
            ) from None
        client = self.make(account, creds)
        with self._lock:
            old = self._clients.get(account.id)
            self._clients[account.id] = (key, client)
        if old is not None:
            old[1].close()
        return client

    def forget(self, account: WaybillAccount) -> None:
        """Drops the account's client: the next call reads its secrets again (the seller re-authorised it)."""
        with self._lock:
            old = self._clients.pop(account.id, None)
        if old is not None:
            old[1].close()

    def close(self) -> None:
        with self._lock:
            clients, self._clients = [c for _, c in self._clients.values()], {}
        for client in clients:
            client.close()
