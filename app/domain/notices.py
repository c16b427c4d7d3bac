"""Notices to the buyer (domain layer, pure): templates with ${variables}, the numbers an SMS may go to, and the
payload of a notice in the outbox.

A notice is a template the SMS provider approved in advance plus the values of its variables, never free text
(waybills-pdd-notices.md §4): Alibaba Cloud SMS takes `TemplateCode` and `TemplateParam` (JSON of the variables). The
body stored here is the seller's copy of the approved text, with the same ${name} variables, so PackDesk can show the
notice as the buyer will read it, check that every variable has a value, and hand the text to the seller's chat
window when no SMS account is set ("copy").

Seed 003 asks that a delay notice never says "it may ship late" but "because of [the reason], we expect to ship on
[the date]": the templates that speak of a delay or a stock problem require a non-empty reason and a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.masking import is_masked
from app.domain.messages import msg

NOTICE_VERSION = 1
VARIABLE = re.compile(r"\$\{([a-z_]+)\}")

# The variables a template may use, and what fills them.
VARIABLES = ("order_no", "reason", "date", "carrier", "tracking_no", "items_shipped", "items_to_come", "buyer")
# The variables a template needs from the seller (the others come from the order).
SELLER_GIVES = frozenset({"reason", "date"})


@dataclass(frozen=True)
class Starter:
    key: str
    body: str


# The starter set, in Chinese as the buyer reads it; the migration writes them and the seller edits them. Each must
# be approved by the SMS provider with the same variables before it can be sent by SMS (its template code).
STARTERS: tuple[Starter, ...] = (
    Starter("delay", "亲，您的订单${order_no}由于${reason}，我们预计在${date}发货，给您带来不便非常抱歉。"),
    Starter(
        "partial",
        "亲，您的订单${order_no}已先发出${items_shipped}（${carrier} ${tracking_no}），${items_to_come}由于${reason}"
        "预计在${date}发出。",
    ),
    Starter(
        "out_of_stock_wait",
        "亲，您的订单${order_no}中${items_to_come}由于${reason}暂时缺货，预计${date}补货后立即发货，请您耐心等待。",
    ),
    Starter(
        "out_of_stock_swap",
        "亲，您的订单${order_no}中${items_to_come}由于${reason}缺货（预计${date}到货），可为您换成其他款式，请回复旺旺告知。",
    ),
    Starter(
        "out_of_stock_refund",
        "亲，您的订单${order_no}中${items_to_come}由于${reason}缺货，${date}前无法发货，如需退款请在订单页申请，我们会立即同意。",
    ),
    Starter("shipped", "亲，您的订单${order_no}已于${date}发出，${carrier}运单号${tracking_no}，请留意查收。"),
    Starter(
        "payment_reminder",
        "亲，您的订单${order_no}还未付款，${reason}，请在${date}前完成付款，我们将尽快为您发货。",
    ),
    Starter("holiday", "亲，由于${reason}，本店${date}起暂停发货，您的订单${order_no}将在恢复后第一时间发出。"),
    Starter(
        "apology",
        "亲，您的包裹${tracking_no}（${carrier}）由于${reason}未能及时送达，我们正在跟进，预计${date}前给您答复。",
    ),
)
SELLER_ALERT = "review_alert"  # the SMS to the seller's own number about a bad review (not a buyer notice)
STARTERS += (Starter(SELLER_ALERT, "差评提醒：订单${order_no}的买家${buyer}给了中差评：${reason}，请尽快处理。"),)
KEYS = tuple(s.key for s in STARTERS)
PROVIDERS = ("aliyun-sms",)  # who sends the SMS


def variables_of(body: str) -> list[str]:
    """The ${variables} of `body`, in order of first use."""
    found: list[str] = []
    for name in VARIABLE.findall(body):
        if name not in found:
            found.append(name)
    return found


def check_body(key: str, body: str) -> None:
    """Refuses a template text that names an unknown variable, or a delay/stock/holiday text without its reason and
    date (seed 003: the concrete reason and date, always).

    Raises:
        InvalidInput: with the seller's words.
    """
    if not body.strip():
        raise InvalidInput(msg("notice.body_empty", key=key))
    unknown = [v for v in variables_of(body) if v not in VARIABLES]
    if unknown:
        raise InvalidInput(
            msg("notice.unknown_variable", key=key, names=", ".join(unknown), known=", ".join(VARIABLES))
        )
    needs = {"shipped": frozenset({"date"}), SELLER_ALERT: frozenset({"reason"})}.get(key, SELLER_GIVES)
    missing = [v for v in sorted(needs) if v not in variables_of(body)]
    if missing:
        raise InvalidInput(msg("notice.body_needs", key=key, names=", ".join(missing)))


def render(body: str, values: dict[str, str]) -> str:
    """`body` with its variables filled from `values`.

    Raises:
        InvalidInput: a variable without a value (the notice would say nothing concrete).
    """
    missing = [v for v in variables_of(body) if not str(values.get(v, "")).strip()]
    if missing:
        raise InvalidInput(msg("notice.value_missing", names=", ".join(missing)))
    return VARIABLE.sub(lambda m: str(values[m.group(1)]).strip(), body)


def chinese_date(day: date) -> str:
    """A date as a buyer reads it in a notice: 12月5日."""
    return f"{day.month}月{day.day}日"


_DIGITS = re.compile(r"\d+")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def sendable_number(phone: str) -> str:
    """The number an SMS can go to, from what the platform or the seller gave: a whole mainland mobile number (the
    platform's virtual number, 隐私号, is one).

    Raises:
        InvalidInput: a masked number (138****5678: the platform hides it, nothing can be sent to it), an empty one,
            a virtual number's extension (分机号: it takes calls, not messages), or no mobile number at all.
    """
    text = phone.strip()
    if not text:
        raise InvalidInput(msg("notice.no_number"))
    if is_masked(text):
        raise InvalidInput(msg("notice.masked_number", phone=text))
    groups = _DIGITS.findall(text.removeprefix("+86").removeprefix("0086"))
    if len(groups) == 2 and _MOBILE.fullmatch(groups[0]) and len(groups[1]) <= 6:
        raise InvalidInput(msg("notice.extension_number", phone=text))
    digits = "".join(groups)
    if _MOBILE.fullmatch(digits):
        return digits
    raise InvalidInput(msg("notice.not_mobile", phone=text))


@dataclass(frozen=True)
class NoticePayload:
    """A notice in the outbox: what it says, to whom, and what its delivery has learned so far.

    `phone` is the whole number only while the notice may still be sent or checked; once it is done or refused it
    is replaced by its mask (`closed()`), so no finished notice keeps a buyer's number.
    """

    order_no: str
    template: str  # the template's key
    template_code: str  # the provider's approved code ("" for a copied notice)
    params: dict[str, str]
    text: str  # as the buyer reads it
    phone: str  # the number (masked once closed; "" for a copied notice)
    buyer: str  # whose daily limit it counts against: the buyer's nick, else the number
    channel: str = "sms"  # sms | copy (no SMS account: the seller pastes it in the chat window)
    account: str = ""  # the SMS account's name
    trigger: str = ""  # what queued it: "" (the seller), ship, split, out_of_stock, breach
    unclear: bool = False  # an attempt's answer was lost: look before sending again
    attempt_days: tuple[str, ...] = ()  # the provider's days (yyyyMMdd, China) of the attempts, where to look
    biz_id: str = ""  # the provider's receipt id
    last_attempt_at: str = ""  # ISO time the last attempt left
    check_first: bool = False  # it could not be checked: the seller checks before it is sent again
    # The number is the platform's (a privacy order: Taobao's oaid, PDD's ciphertext): `phone` holds only its mask,
    # and each attempt and each look-up asks the platform for the number, kept in memory only (app.sync.notice_push)
    platform_number: bool = False
    version: int = NOTICE_VERSION

    def to_json(self) -> dict[str, Any]:
        data = {
            "order_no": self.order_no, "template": self.template, "template_code": self.template_code,
            "params": dict(self.params), "text": self.text, "phone": self.phone, "buyer": self.buyer,
            "channel": self.channel, "account": self.account, "trigger": self.trigger, "version": self.version,
        }  # fmt: skip
        for key in ("unclear", "attempt_days", "biz_id", "last_attempt_at", "check_first", "platform_number"):
            value = getattr(self, key)
            if value:
                data[key] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoticePayload:
        return cls(
            order_no=str(data["order_no"]),
            template=str(data["template"]),
            template_code=str(data.get("template_code", "")),
            params={str(k): str(v) for k, v in (data.get("params") or {}).items()},
            text=str(data.get("text", "")),
            phone=str(data.get("phone", "")),
            buyer=str(data.get("buyer", "")),
            channel=str(data.get("channel", "sms")),
            account=str(data.get("account", "")),
            trigger=str(data.get("trigger", "")),
            unclear=bool(data.get("unclear")),
            attempt_days=tuple(str(d) for d in data.get("attempt_days") or ()),
            biz_id=str(data.get("biz_id", "")),
            last_attempt_at=str(data.get("last_attempt_at", "")),
            check_first=bool(data.get("check_first")),
            platform_number=bool(data.get("platform_number")),
            version=int(data.get("version", NOTICE_VERSION)),
        )

    def attempted(self, day: str, at: datetime) -> NoticePayload:
        """Before an attempt at `at`, the provider's day `day`: where and from when to look if its answer is lost."""
        days = self.attempt_days if day in self.attempt_days else (*self.attempt_days, day)
        return replace(self, attempt_days=days, last_attempt_at=at.isoformat())

    def for_chat(self) -> NoticePayload:
        """The notice turned into one for the seller's chat window (the platform's number cannot take a message)."""
        return replace(self, channel="copy", template_code="", account="", unclear=False)

    def closed(self, masked_phone: str, biz_id: str = "") -> NoticePayload:
        """Done or refused: the number is masked, the marks of the attempts go."""
        return replace(self, phone=masked_phone, unclear=False, biz_id=biz_id or self.biz_id)
