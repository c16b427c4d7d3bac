"""A Pinduoduo parcel's route (sync layer): `pdd.logistics.ordertrace.get`, read with the shop's PddClient.

The call [V: PDD's SDKs generated from its documentation (lywzx/pdd-node-sdk, the Java and PHP pop SDKs)]:
`company_code` (the carrier's code as `pdd.logistics.companies.get` lists it: ZTO, YTO, JTSD...), `mail_no` (the
tracking number; not `tracking_number` as in the ship-back) and an optional `cache` (boolean). The answer's root is
spelt `logistics_ordertrace_get_resposne` (sic: PDD's own spelling, the same in every SDK), holding `trace_list[]`
{`status_time`, `status_desc`, `action`, `node_description`, `time`, `desc`}; the actions are listed in
app.domain.parcel_risk.

[I] The times are China time as `yyyy-MM-dd HH:mm:ss` like every other PDD text time; `status_time` is read first,
`time` when it is missing, and `desc` when `status_desc` is. Whether the list comes newest or oldest first is not
documented: the steps are sorted by time. PDD marks the API as free and needing no seller authorisation; the shop's
access token goes with it anyway, as with every call of the client.
"""

from __future__ import annotations

import msgspec

from app.domain.parcel_risk import TraceStep
from app.sync.pdd import PddClient
from app.sync.top import parse_china_time
from app.sync.waybills.pdd_requests import wp_code

ORDERTRACE = "pdd.logistics.ordertrace.get"
ROOT = "logistics_ordertrace_get_resposne"  # sic


class _Step(msgspec.Struct, frozen=True):
    status_time: str | None = None
    status_desc: str | None = None
    action: str | None = None
    node_description: str | None = None
    time: str | None = None
    desc: str | None = None


class OrderTrace(msgspec.Struct, frozen=True):
    trace_list: list[_Step] | None = None


def read_route(client: PddClient, carrier: str, tracking_no: str) -> list[TraceStep]:
    """The route of parcel `tracking_no` of `carrier` (our code) as PDD gives it, oldest first; a step whose time
    cannot be read is left out.

    Raises:
        PddError (TokenExpired, its `caller`), MalformedAnswer, Offline: as PddClient.call says.
    """
    params = {"company_code": wp_code(carrier), "mail_no": tracking_no}
    answer = client.read(ORDERTRACE, params, OrderTrace, root=ROOT)
    steps = []
    for s in answer.trace_list or []:
        try:
            at = parse_china_time(s.status_time or s.time or "")
        except ValueError:
            continue
        desc = s.status_desc or s.desc or ""
        steps.append(TraceStep(at, desc, s.action or ""))
    return sorted(steps, key=lambda s: s.at)
