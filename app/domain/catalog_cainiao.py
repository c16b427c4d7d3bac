"""What the core says about: Cainiao e-waybills through TOP (app.sync.waybills.cainiao). Message id -> English
template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

CAINIAO: dict[str, str] = {}
