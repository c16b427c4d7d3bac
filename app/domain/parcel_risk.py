"""Parcels at risk after dispatch (domain layer, pure): what a parcel's route says about loss or delay.

The route is the platform's list of transit steps (`taobao.logistics.trace.search`: `status_time`, `status_desc`,
`action`). A parcel is at risk when:

- no pickup scan within 24 hours of shipping (`no_pickup`): the carrier never collected it;
- no movement for 48 hours (`stalled`): the last step is older than that and the parcel is not delivered;
- it is on its way back (`returned`): a return or refusal step;
- it was signed for by someone unexpected (`signed_by_other`): a signing step names a signer who is not the
  receiver (本人, or the receiver's name: the cache keeps its first character), e.g. a guard, a locker or a
  neighbour.

The action codes [I: read from Taobao's trace documentation and sample answers, not from a live gateway]: GOT
(揽收, pickup), ARRIVAL, DEPARTURE, SENT_SCAN (派件), SIGNED, FAILED, TMS_RETURN / RETURN (退回), REJECT (拒收).
Pinduoduo's `pdd.logistics.ordertrace.get` names its own [V: the API's field description in PDD's SDKs]: GOT, SEND
(派件), SIGN, ARRIVAL, DEPARTURE, FAIL (问题件), REJECTION (拒签), STAY_IN_WAREHOUSE (留仓), SIGN_ON_BEHALF
(代收点代签: signed by someone else), OTHER, RETURN (退件), IN_CABINET / OUT_CABINET (入柜, 出柜). A step that shows
the parcel moving (arrival, departure, delivery, a locker) proves the carrier has it, as a pickup scan does.
Kuaidi100 gives a state code per parcel and per step instead (`kuaidi100_action` turns it into one of these).
Where the action is missing, the description's words decide (已揽收, 退回, 拒收, 签收).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.messages import Message, msg

PICKUP_WITHIN = timedelta(hours=24)
STILL_FOR = timedelta(hours=48)

_PICKUP_ACTIONS = {"GOT", "ACCEPT", "COLLECT", "PICKUP"}
# the carrier has the parcel: it moves through its network or waits for delivery
_MOVING_ACTIONS = {"ARRIVAL", "DEPARTURE", "SEND", "SENT_SCAN", "TRANSIT", "STAY_IN_WAREHOUSE", "IN_CABINET",
                   "OUT_CABINET"}  # fmt: skip
_RETURN_ACTIONS = {"TMS_RETURN", "RETURN", "REJECT", "RETURNED", "TMS_REJECT", "REJECTION"}
_SIGN_ACTIONS = {"SIGNED", "SIGN", "TMS_SIGN", "SIGN_ON_BEHALF"}
_BEHALF_ACTIONS = {"SIGN_ON_BEHALF"}  # signed by a pickup point or locker, not the receiver
_PICKUP_WORDS = ("揽收", "揽件", "已收件", "已收取")
_NOT_YET = ("待揽", "等待揽", "未揽")  # 等待揽收: waiting for the pickup, not a pickup
_RETURN_WORDS = ("退回", "拒收", "返回寄件人", "退件")
_SIGN_WORDS = ("签收",)
_SELF_WORDS = ("本人", "收件人", "买家")
_SIGNER = re.compile(r"签收人[:：]?\s*([^，,。；;\s]+)")
_OTHER_WORDS = ("代签", "代收", "门卫", "前台", "快递柜", "丰巢", "驿站", "菜鸟驿站", "保安", "物业", "邻居", "他人")


class Risk(StrEnum):
    NO_PICKUP = "no_pickup"
    STALLED = "stalled"
    RETURNED = "returned"
    SIGNED_BY_OTHER = "signed_by_other"


@dataclass(frozen=True)
class TraceStep:
    at: datetime
    desc: str
    action: str = ""

    @property
    def code(self) -> str:
        """The action as a code: upper case, without spaces (PDD documents `IN_ CABINET`)."""
        return self.action.upper().replace(" ", "")

    @property
    def picked_up(self) -> bool:
        if self.code in _PICKUP_ACTIONS or self.code in _MOVING_ACTIONS:
            return True
        return any(w in self.desc for w in _PICKUP_WORDS) and not any(w in self.desc for w in _NOT_YET)

    @property
    def returning(self) -> bool:
        return self.code in _RETURN_ACTIONS or any(w in self.desc for w in _RETURN_WORDS)

    @property
    def signed(self) -> bool:
        return self.code in _SIGN_ACTIONS or (any(w in self.desc for w in _SIGN_WORDS) and "未签收" not in self.desc)


@dataclass(frozen=True)
class Assessment:
    risk: Risk | None
    detail: str = ""  # the step that shows it, or the hours without one (plain data, worded by the caller)
    delivered: bool = False


def signer(desc: str) -> str:
    """Who signed, as the step names them ("" when it does not)."""
    found = _SIGNER.search(desc)
    return found.group(1) if found else ""


def _signed_by_other(step: TraceStep, receiver: str) -> bool:
    if step.code in _BEHALF_ACTIONS:
        return True
    who = signer(step.desc)
    if who:
        # the receiver signs as 本人, or by name (the cache holds the name masked: its first character)
        named = bool(receiver) and who[0] == receiver[0] and not any(w in who for w in _OTHER_WORDS)
        return not (named or any(w in who for w in _SELF_WORDS))
    return any(w in step.desc for w in _OTHER_WORDS)


def assess(shipped_at: datetime, steps: list[TraceStep], now: datetime, receiver: str = "") -> Assessment:
    """The risk of a parcel shipped at `shipped_at` whose route so far is `steps` (any order), seen at `now`;
    `receiver` is the receiver's name as the cache holds it (masked: 张**)."""
    ordered = sorted(steps, key=lambda s: s.at)
    for step in reversed(ordered):
        if step.returning:
            return Assessment(Risk.RETURNED, step.desc)
    signed = [s for s in ordered if s.signed]
    if signed:
        last = signed[-1]
        if _signed_by_other(last, receiver):
            return Assessment(Risk.SIGNED_BY_OTHER, last.desc, delivered=True)
        return Assessment(None, last.desc, delivered=True)
    if not any(s.picked_up for s in ordered):
        if now - shipped_at > PICKUP_WITHIN:
            return Assessment(Risk.NO_PICKUP, str(int((now - shipped_at).total_seconds() // 3600)))
        return Assessment(None)
    last_move = ordered[-1].at
    if now - last_move > STILL_FOR:
        return Assessment(Risk.STALLED, str(int((now - last_move).total_seconds() // 3600)))
    return Assessment(None)


#: The route-query accounts' providers, and Kuaidi100's real-time query (app.sync.kuaidi100_track asks it). Here, not
#: there, so that `packdesk tracking add` builds its options without loading the client.
TRACKING_PROVIDERS = ("kuaidi100",)
QUERY_GATEWAY = "https://poll.kuaidi100.com/poll/query.do"

#: Kuaidi100's state codes (快递单当前状态 of the parcel, and 签收状态 of each step) as trace actions [V: kuaidi100-api
#: java-demo QueryTrackResp / QueryTrackData]: 0 在途, 1 揽收, 2 疑难 (a problem parcel), 3 签收, 4 退签 (the return
#: signed for by the sender), 5 派件, 6 退回, 7 转投, 10-13 customs, 14 拒签. With `resultv2` a step names its
#: state in words [I], which map the same way.
KUAIDI100_STATES: dict[str, str] = {
    "0": "TRANSIT", "1": "GOT", "2": "FAILED", "3": "SIGNED", "4": "RETURN", "5": "SENT_SCAN", "6": "RETURN",
    "7": "TRANSIT", "10": "TRANSIT", "11": "TRANSIT", "12": "TRANSIT", "13": "TRANSIT", "14": "REJECT",
    "在途": "TRANSIT", "揽收": "GOT", "疑难": "FAILED", "签收": "SIGNED", "退签": "RETURN", "派件": "SENT_SCAN",
    "退回": "RETURN", "转投": "TRANSIT", "拒签": "REJECT", "清关": "TRANSIT",
}  # fmt: skip


def kuaidi100_action(state: str) -> str:
    """The trace action of a Kuaidi100 state (a code or its words); "" for one it does not name."""
    state = (state or "").strip()
    return KUAIDI100_STATES.get(state) or next((a for w, a in KUAIDI100_STATES.items() if w in state and
                                               not w.isdigit()), "")  # fmt: skip


def describe(risk: str, detail: str) -> Message:
    """Why a parcel is at risk, in the seller's words."""
    if risk == Risk.NO_PICKUP:
        return msg("risk.no_pickup", hours=detail)
    if risk == Risk.STALLED:
        return msg("risk.stalled", hours=detail)
    if risk == Risk.RETURNED:
        return msg("risk.returned", step=detail)
    return msg("risk.signed_by_other", step=detail)
