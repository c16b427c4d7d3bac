"""What the core says about: Setting up waybill accounts, the command line `waybill` (app.services.waybills.accounts,
app.cli.waybills). Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

WAYBILL_ACCOUNTS: dict[str, str] = {}
