"""What the core says about: Number requests, the ledger, cancels, reprints and the balance gate
(app.services.waybills). Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the
rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

WAYBILLS: dict[str, str] = {}
