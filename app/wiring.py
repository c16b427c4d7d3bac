"""The composition root: builds the services for the window, the command line and the benchmarks; the one production
module allowed to load the demo provider."""

from __future__ import annotations

from app.services.waybills import WaybillProvider, WaybillProviders, install, standard_providers


def _demo_provider() -> WaybillProvider:
    from app.demo.routing import demo_provider  # loaded on the first demo account met, never through a service

    return demo_provider()


def waybill_providers() -> WaybillProviders:
    """The waybill providers of this process: the number roll, and the demo's for the demo accounts `demo seed`
    creates (a data directory seeded once keeps printing in every later process)."""
    providers = standard_providers()
    providers.register("demo", _demo_provider)
    return providers


def install_waybill_providers() -> None:
    """Installs `waybill_providers()` as the process's own (every `packdesk` command, the window and the benchmarks
    start through app.cli.main, which calls this)."""
    install(waybill_providers())
