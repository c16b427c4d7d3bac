"""Tracking numbers and label routing from waybill accounts (services layer): the provider Protocol, the registry
keyed by account kind, the carrier-issued number roll, the allocation that records a parcel's number, and for online
providers the ledger's use cases (issuing: numbers asked outside transactions, crash-safe; cancels)."""

from __future__ import annotations

from app.services.waybills.allocation import RemoteNumberNeeded, account_for, allocate, preview_routing
from app.services.waybills.ports import Allocation, WaybillAccount, WaybillProvider, WaybillRequest
from app.services.waybills.registry import WaybillProviders, install, installed, standard_providers
from app.services.waybills.roll import NumberRoll

__all__ = [
    "Allocation",
    "NumberRoll",
    "RemoteNumberNeeded",
    "WaybillAccount",
    "WaybillProvider",
    "WaybillProviders",
    "WaybillRequest",
    "account_for",
    "allocate",
    "install",
    "installed",
    "preview_routing",
    "standard_providers",
]
