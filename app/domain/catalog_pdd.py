"""What the core says about: Pinduoduo's open API and its e-waybills (app.sync.pdd, app.sync.waybills.pdd). Message id
-> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

PDD: dict[str, str] = {}
