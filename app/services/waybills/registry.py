"""Which provider serves an account (services layer): providers registered by the kind of account they serve.

The composition root (app.wiring) decides which providers a process has and installs them once at start; an account
whose kind has none is refused with a message that names the account and its kind, never served by another provider.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.services.waybills.ports import ReceiverReveal, RemoteWaybillProvider, WaybillAccount, WaybillProvider
from app.services.waybills.roll import NumberRoll

AnyProvider = WaybillProvider | RemoteWaybillProvider
ProviderFactory = Callable[[], AnyProvider]


class WaybillProviders:
    """The providers of one process, keyed by account kind ("roll", "cainiao", ...); each is built on first use, so
    a provider nobody needs costs nothing at start."""

    def __init__(self, factories: dict[str, ProviderFactory] | None = None) -> None:
        self._factories: dict[str, ProviderFactory] = dict(factories or {})
        self._built: dict[str, AnyProvider] = {}
        # who reads the receiver of an order held as ciphertexts for a provider that cannot (None: nobody; the
        # composition root installs Pinduoduo's decryption)
        self.reveal: ReceiverReveal | None = None

    def register(self, kind: str, factory: ProviderFactory) -> None:
        self._factories[kind] = factory
        self._built.pop(kind, None)

    def close(self) -> None:
        """Closes the providers built so far that hold connections (their `close()`); they are built again when
        next used."""
        built, self._built = list(self._built.values()), {}
        for provider in built:
            close = getattr(provider, "close", None)
            if close is not None:
                close()

    def kinds(self) -> list[str]:
        return sorted(self._factories)

    def provider(self, account: WaybillAccount) -> AnyProvider:
        """The provider for `account`'s kind.

        Raises:
            InvalidInput: no provider serves accounts of that kind here.
        """
        if account.kind not in self._built:
            factory = self._factories.get(account.kind)
            if factory is None:
                known = ", ".join(self.kinds())
                raise InvalidInput(msg("waybill.no_provider", account=account.name, kind=account.kind, known=known))
            self._built[account.kind] = factory()
        return self._built[account.kind]


def standard_providers() -> WaybillProviders:
    """The providers every installation has: the carrier-issued number roll."""
    return WaybillProviders({"roll": NumberRoll})


_installed = standard_providers()


def install(providers: WaybillProviders) -> None:
    """Makes `providers` the process's own (the composition root calls this once, at start)."""
    global _installed
    _installed = providers


def installed() -> WaybillProviders:
    """The providers the composition root installed (the standard ones until it does)."""
    return _installed
