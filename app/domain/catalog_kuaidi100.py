"""What the core says about: Kuaidi100 e-waybills (app.sync.waybills.kuaidi100). Message id -> English template, merged
into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

KUAIDI100: dict[str, str] = {}
