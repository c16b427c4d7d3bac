"""What the core says about reading parcels' routes after dispatch beyond Taobao: Pinduoduo's route query
(app.sync.pdd_trace), Kuaidi100's real-time query and its accounts (app.sync.kuaidi100_track), and the round that
picks one per parcel (app.sync.parcel_traces). Message id -> English template, merged into app.domain.catalog.CATALOG
(see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

TRACKING: dict[str, str] = {
    "track.carrier_unknown": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100 has no code for carrier {carrier}: the route of {tracking_no} cannot be queried."
    ),
    "track.kuaidi100_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "Kuaidi100 refused the route query of {tracking_no}: {words} ({code})"
    ),
    "track.key_not_stored": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The key of tracking account '{account}' is not stored here: set the account again with `tracking add`.",
    ),
    "track.account_name_missing": QT_TRANSLATE_NOOP("CoreMessages", "A tracking account needs a name."),
    "track.unknown_provider": QT_TRANSLATE_NOOP(
        "CoreMessages", "Unknown tracking provider '{provider}'. Use one of: {known}."
    ),
    "track.gateway_not_http": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The address '{gateway}' is not an http(s) address, e.g. https://poll.kuaidi100.com/poll/query.do",
    ),
    "track.customer_missing": QT_TRANSLATE_NOOP(
        "CoreMessages", "A Kuaidi100 tracking account needs its customer id (公司编号, --customer)."
    ),
    "track.key_missing": QT_TRANSLATE_NOOP("CoreMessages", "A Kuaidi100 tracking account needs its key (授权key)."),
}
