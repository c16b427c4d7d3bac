"""The composition root: builds the services for the window, the command line and the benchmarks alike (app layer,
above the services, the station and sync; Qt-free).

The station engine is constructed here and nowhere else (tests/app/test_wiring.py checks it): the window, `packdesk
pack` and the benchmarks ask `build_station` for it. The heavy parts are imported inside the functions, so a headless
command that needs none of them starts without loading them. This is also the one production module allowed to load
the demo's waybill provider and seed the demo's data directory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import InvalidInput, PackDeskError
from app.domain.messages import Message, msg
from app.domain.waybills import WaybillAccount, WaybillRequest
from app.services.waybills import WaybillProvider, WaybillProviders, install, standard_providers
from app.services.waybills.ports import ReceiverReveal, RemoteWaybillProvider

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.services.audit import Actor
    from app.services.printing import PrintService
    from app.services.station_options import StationOptions
    from app.services.workspace import Workspace
    from app.station import Station
    from app.station.ports import Scale
    from app.sync.live import LiveCheck
    from app.sync.shops import Credentials

CredentialsOf = Callable[[WaybillAccount], "Credentials"]

log = logging.getLogger("packdesk")

DEMO_ORDERS = 200
DEMO_PACKER = "演示打包员"


def _demo_provider() -> WaybillProvider:
    from app.demo.routing import demo_provider  # loaded on the first demo account met, never through a service

    return demo_provider()


def _cainiao(credentials: CredentialsOf, **options: Any) -> RemoteWaybillProvider:
    from app.sync.waybills.cainiao import CainiaoProvider

    return CainiaoProvider(credentials, **options)


def _pdd(credentials: CredentialsOf, **options: Any) -> RemoteWaybillProvider:
    from app.sync.waybills.pdd import PddProvider

    return PddProvider(credentials, **options)


def _kuaidi100(credentials: CredentialsOf, **options: Any) -> RemoteWaybillProvider:
    from app.sync.waybills.kuaidi100 import Kuaidi100Provider

    return Kuaidi100Provider(credentials, **options)


_REMOTE: dict[str, Callable[..., RemoteWaybillProvider]] = {
    "cainiao": _cainiao,
    "pdd": _pdd,
    "kuaidi100": _kuaidi100,
}


def remote_provider(kind: str, credentials: CredentialsOf, **options: Any) -> RemoteWaybillProvider:
    """The online provider of accounts of `kind` (cainiao, pdd, kuaidi100), finding an account's secrets through
    `credentials` (`options`: its client's, e.g. `retry`). Its module is imported here, when an account of that
    kind is first used.

    Raises:
        InvalidInput: this installation has no provider of that kind.
    """
    build = _REMOTE.get(kind)
    try:
        if build is None:
            raise ImportError(kind)
        return build(credentials, **options)
    except ImportError:
        log.exception("no %s waybill provider", kind)
        raise InvalidInput(msg("accounts.provider_missing", kind=kind)) from None


def setup_provider(kind: str, credentials: CredentialsOf) -> RemoteWaybillProvider:
    """The provider an account being set up is checked with (app.sync.waybills.setup): the seller waits for its
    answer, so a gateway that does not answer is said after one quick retry, not after the backoff of a background
    round."""
    from app.sync.gateway import RetryPolicy

    return remote_provider(kind, credentials, retry=RetryPolicy(attempts=2, backoff_s=0.5, max_backoff_s=1.0))


def waybill_providers(data_dir: Path | None = None) -> WaybillProviders:
    """The waybill providers of this process: the number roll, the demo's for the demo accounts `demo seed`
    creates (a data directory seeded once keeps printing in every later process), and the online ones (Cainiao,
    Pinduoduo, Kuaidi100), which read an account's secrets from the keyring (or the secrets file of `data_dir`,
    default: the one `--data-dir` or PACKDESK_HOME names)."""
    from app.services.workspace import resolve_data_dir
    from app.sync.shops import load_credentials

    root = resolve_data_dir(data_dir)
    providers = standard_providers()
    providers.register("demo", _demo_provider)

    def secrets(account: WaybillAccount) -> Credentials:
        return load_credentials(root, account.credentials_ref)

    for kind in _REMOTE:
        providers.register(kind, partial(remote_provider, kind, secrets))
    providers.reveal = _PddReveal(root)
    return providers


class _PddReveal:
    """Pinduoduo's receiver decryption (app.sync.pdd_receiver), its module loaded when a request first needs it."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._impl: ReceiverReveal | None = None

    def reveal(
        self, session_factory: sessionmaker[Session], requests: Sequence[WaybillRequest]
    ) -> dict[str, WaybillRequest | Message]:
        if not any(r.cipher for r in requests):
            return {}
        if self._impl is None:
            from app.sync.pdd_receiver import PddReceivers

            self._impl = PddReceivers(self.data_dir)
        return self._impl.reveal(session_factory, requests)


def install_waybill_providers(data_dir: Path | None = None) -> None:
    """Installs `waybill_providers(data_dir)` as the process's own (every `packdesk` command, the window and the
    benchmarks start through app.cli.main, which calls this once it knows the data directory)."""
    install(waybill_providers(data_dir))


def demo_workspace(data_dir: Path | None) -> Workspace:
    """Opens the demo data directory (`packdesk gui --demo`), filling it with the demo shop the first time."""
    from app.demo.seed import seed_demo
    from app.demo.station import add_demo_packer, demo_supervisor_hash
    from app.services.workspace import default_data_dir, open_workspace

    ws = open_workspace(data_dir or default_data_dir() / "demo")
    with ws.session_factory.begin() as session:
        try:
            seed_demo(session, orders=DEMO_ORDERS, seed=1)
        except PackDeskError as exc:  # seeded before: it refuses before writing anything
            if exc.msg.id != "demo.already_seeded":
                raise
        add_demo_packer(session, ws.settings.packer or DEMO_PACKER)
    if not ws.settings.printer_uri:
        ws.settings.printer_uri = f"png://{ws.labels_dir.as_posix()}"
    ws.settings.packer = ws.settings.packer or DEMO_PACKER
    ws.settings.supervisor_pin = demo_supervisor_hash(ws.settings.supervisor_pin)  # the demo's: 000000
    ws.save_settings()
    return ws


# -- the printer and the station ------------------------------------------------------------------------------------


def print_service(
    session_factory: sessionmaker[Session], actor: Actor, uri: str, label_size: str = ""
) -> PrintService | None:
    """The spooler over the printer at `uri` (raises PrinterUriError for a bad one); None when `uri` is empty."""
    if not uri:
        return None
    from app.services.printing import PrintService
    from printers.registry import open_printer

    return PrintService(session_factory, open_printer(uri, default_size=label_size or None), actor)


def build_station(
    session_factory: sessionmaker[Session],
    actor: Actor,
    printer: PrintService | None = None,
    *,
    options: StationOptions | None = None,
    scale: Scale | None = None,
    live: LiveCheck | None = None,
    live_at_open: bool = True,
) -> Station:
    """THE station engine of a bench (the one place it is constructed).

    Args:
        printer: the spooler the waybills go to; None stops a parcel at `order_complete`.
        options: the bench's flows and box weight (StationOptions); None: order-first, no confirm scan, no box.
        scale: weighs complete parcels; live: asks the platform about an order before the bench acts on it.
        live_at_open: False when the caller asks `live` in the background once a parcel is open (the window).
    """
    from app.station import Station

    return Station(
        session_factory,
        actor,
        printer,
        sku_first=options.sku_first if options else False,
        confirm_scan=options.confirm_scan if options else False,
        packaging_g=float(options.packaging_g) if options else 0.0,
        scale=scale,
        live=live,
        live_at_open=live_at_open,
    )


def apply_options(station: Station, options: StationOptions) -> None:
    """Gives a running engine new flows and box weight; call it on the engine's own lane, between two scans."""
    station.sku_first, station.confirm_scan = options.sku_first, options.confirm_scan
    station.packaging_g = float(options.packaging_g)


def set_printer(station: Station, printer: PrintService | None) -> None:
    """Points a running engine at another spooler; call it on the engine's own lane, between two scans."""
    station.printer = printer


# -- the bench's devices --------------------------------------------------------------------------------------------


def live_check(ws: Workspace) -> LiveCheck:
    """The platform's word on an order before the bench acts on it (close it when done)."""
    from app.sync.live import LiveCheck

    return LiveCheck(ws.session_factory, ws.data_dir)


def start_scale(uri: str) -> Any:
    """The bench scale, started, when one is configured and can be opened (else the station packs without
    weighing); stop it when done."""
    if not uri:
        return None
    from app.scanning.serial_devices import Scale

    try:
        scale = Scale(uri)
        scale.start()
    except PackDeskError as exc:
        log.warning("scale not used: %s", exc.message)
        return None
    return scale


def start_serial_scanner(uri: str, on_scan: Callable[[str], None]) -> Any:
    """A serial scanner, started, calling `on_scan(code)` from its own thread; None when none is configured or it
    cannot be opened. Stop it when done."""
    if not uri:
        return None
    from app.scanning.serial_devices import SerialScanner

    try:
        scanner = SerialScanner(uri, on_scan)
        scanner.start()
    except PackDeskError as exc:
        log.warning("serial scanner not used: %s", exc.message)
        return None
    return scanner


@dataclass
class Bench:
    """A packing bench as the window runs it: the engine, its spooler and the devices it was given."""

    station: Station
    printing: PrintService | None
    live: LiveCheck
    scale: Any


def window_bench(ws: Workspace, actor: Actor) -> Bench:
    """The window's bench: the configured printer, scale and options; the platform asked in the background."""
    from app.services.station_options import current

    options = current(ws.settings)
    printing = print_service(ws.session_factory, actor, ws.settings.printer_uri, ws.settings.label_size)
    scale = start_scale(ws.settings.scale_uri)
    live = live_check(ws)
    # the panel asks the platform in the background once the parcel is open (StationView), never the scan itself
    station = build_station(
        ws.session_factory, actor, printing, options=options, scale=scale, live=live, live_at_open=False
    )
    return Bench(station, printing, live, scale)
