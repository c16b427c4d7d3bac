"""Cainiao e-waybills on the loopback TOP gateway (tests/pdtest/top_server.py): the cainiao.waybill.ii.* methods
and the gateway's own ledger of every number it issued.

    srv.cainiao.subscribe("ZTO", quantity=100)     # a carrier, one branch with that balance and the default address
    srv.cainiao.set_balance("ZTO", 0)              # an exhausted balance
    srv.cainiao.unreachable.add("天山区")          # recipients whose address holds this text are refused
    srv.cainiao.get_requests                       # every ii.get request as sent (parsed JSON), refused ones too
    srv.waybills                                   # number -> {order_no, order_nos, object_id, cp_code, state, ...}

The methods follow the platform's metadata for cainiao.waybill.ii.get / search / cancel / query.by.tradecode /
query.by.waybillcode / update (request and answer field names, non-simplified JSON: lists wrapped as
``"modules": {"waybill_cloud_print_response": [...]}``) and waybills-pdd-notices.md section 1 and platforms.md
section 3 for what the platform checks and answers:

- ii.get takes at most 10 trade_order_info_dtos; the sender address must be one the account's subscription returned
  for that cp_code, exactly; a plain recipient needs a name, a phone, province, city, district and detail; a privacy
  order passes `oaid` + `tid` instead (the gateway "decrypts" it from its trade, and refuses an oaid that does not
  belong to the trade); numbers come in the carrier's real format (app.domain.tracking) and take one from the
  branch's `quantity`; `print_data` is a JSON string with data.routingInfo (大头笔, 三段码, 集包地), or the encrypted
  shape when need_encrypt. A call is applied whole or not at all: one bad request refuses the call, its sub_msg
  naming the request as ``object_id=ID``.
- The same order number and package id asked again for the same carrier answers the SAME live number (the platform
  asks not to request twice; the ledger stays honest: every number is recorded with its order and object_id).
- A cancelled number is never answered again and gives its quantity back; cancelling it again, or cancelling or
  updating a number that shipped (taobao.logistics.offline.send used it), answers the platform's refusal.
- ii.update keeps the number and answers new print data (new routing for a new recipient).

The error sub_codes are modelled on TOP's ``isv.*`` convention; the platform's exact codes were not verified, so a
client should read them as the business refusals they are, with the words of sub_msg for the seller.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.domain.tracking import CARRIERS

GET = "cainiao.waybill.ii.get"
SEARCH = "cainiao.waybill.ii.search"
CANCEL = "cainiao.waybill.ii.cancel"
UPDATE = "cainiao.waybill.ii.update"
BY_TRADECODE = "cainiao.waybill.ii.query.by.tradecode"
BY_WAYBILLCODE = "cainiao.waybill.ii.query.by.waybillcode"
METHODS = frozenset({GET, SEARCH, CANCEL, UPDATE, BY_TRADECODE, BY_WAYBILLCODE})
WRITES = frozenset({GET, CANCEL, UPDATE})  # what the after-apply faults and holds act on

MAX_DTOS = 10
MAX_TRADECODE_QUERIES = 10
MAX_WAYBILLCODE_QUERIES = 20
CHANNELS = frozenset(
    {"TB", "TM", "JD", "PDD", "DY", "KS", "XHS", "WX", "YZ", "SN", "VIP", "1688", "AMAZON", "DD", "YHD", "OTHERS"}
)
ENCRYPTED_VERSION = "waybill_print_secret_version_1"
TEMPLATE_PREFIXES = ("http://cloudprint.cainiao.com/template/", "https://cloudprint.cainiao.com/template/")

SUB_NOT_SUBSCRIBED = "isv.cp-not-subscribed"
SUB_SENDER_ADDRESS = "isv.sender-address-not-subscribed"
SUB_QUANTITY = "isv.waybill-quantity-not-enough"
SUB_UNREACHABLE = "isv.address-unreachable"
SUB_OAID = "isv.oaid-not-match"
SUB_NOT_EXIST = "isv.waybill-not-exist"
SUB_CANCELLED = "isv.waybill-already-cancelled"
SUB_SHIPPED = "isv.waybill-already-shipped"
E_BUSINESS = 15  # TOP's "Remote service error": the platform's business refusals
E_MISSING = 40
E_INVALID = 41

_ORDER_NO = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_PACKAGE_ID = re.compile(r"^[A-Za-z0-9_]{1,64}$")
_PROVINCE_CODES = {
    "上海": "200", "北京": "100", "浙江": "310", "广东": "510", "江苏": "210", "四川": "610", "湖北": "430",
    "河南": "450", "新疆": "830", "西藏": "850", "山东": "266", "福建": "361",
}  # fmt: skip
DEFAULT_ADDRESS = {
    "province": "浙江省",
    "city": "杭州市",
    "district": "余杭区",
    "town": "仓前街道",
    "detail": "文一西路969号",
    "waybill_address_id": "1001",
}


class CainiaoError(Exception):
    """A refusal the gateway answers as TOP's error envelope (top_server turns it into one)."""

    def __init__(self, code: int, sub_code: str, sub_msg: str) -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg


def _missing(name: str) -> CainiaoError:
    return CainiaoError(E_MISSING, "isv.missing-parameter", name)


def _invalid(why: str) -> CainiaoError:
    return CainiaoError(E_INVALID, "isv.invalid-parameter", why)


class Gateway(Protocol):
    """What the ledger needs of the TOP gateway it lives in."""

    seed: int
    secret: str
    trades: dict[str, dict[str, Any]]
    shipments: list[dict[str, Any]]

    def now_str(self) -> str: ...


@dataclass
class IssuedWaybill:
    """One number the gateway issued: what it was issued for, and where it stands."""

    code: str
    cp_code: str
    order_nos: tuple[str, ...]
    object_id: str
    package_id: str
    branch_code: str
    recipient: dict[str, Any]
    sender: dict[str, Any]
    template_url: str
    need_encrypt: bool
    print_data: dict[str, Any]
    issued_at: str
    user_id: str = ""
    state: str = "live"  # live | cancelled
    updates: int = 0
    services: dict[str, Any] = field(default_factory=dict)  # logistics_services as asked (SVC-INSURE: 保价)

    def record(self) -> dict[str, Any]:
        return {
            "order_no": self.order_nos[0],
            "order_nos": list(self.order_nos),
            "object_id": self.object_id,
            "package_id": self.package_id,
            "cp_code": self.cp_code,
            "state": self.state,
            "updates": self.updates,
            "recipient": dict(self.recipient),
            "print_data": json.loads(json.dumps(self.print_data)),
            "services": json.loads(json.dumps(self.services)),
        }


@dataclass
class Branch:
    """A carrier branch (网点) the account is subscribed with: its balance and sender addresses."""

    branch_code: str
    branch_name: str
    quantity: int
    addresses: list[dict[str, str]] = field(default_factory=list)
    allocated_quantity: int = 0
    cancel_quantity: int = 0
    print_quantity: int = 0

    def answer(self) -> dict[str, Any]:
        return {
            "branch_code": self.branch_code,
            "branch_name": self.branch_name,
            "branch_status": 1,
            "quantity": self.quantity,
            "allocated_quantity": self.allocated_quantity,
            "cancel_quantity": self.cancel_quantity,
            "print_quantity": self.print_quantity,
            "shipp_address_cols": {"address_dto": [dict(a) for a in self.addresses]},
            "service_info_cols": {"service_info_dto": []},
        }


class CainiaoWaybills:
    """The cainiao.waybill.ii.* methods over one gateway's ledger; every public method runs under the gateway's lock
    (the caller holds it)."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway
        self.subscriptions: dict[str, tuple[int, list[Branch]]] = {}  # cp_code -> (cp_type, branches)
        self.ledger: dict[str, IssuedWaybill] = {}  # number -> what it was issued for
        self.live: dict[tuple[str, tuple[str, ...], str], str] = {}  # (cp, orders, package id) -> live number
        self.get_requests: list[dict[str, Any]] = []
        self.unreachable: set[str] = set()  # address texts the carriers do not deliver to
        self.omit_routing: set[str] = set()  # address texts the carriers give no routing for
        self._serials: dict[str, random.Random] = {}
        for cp, cp_type in (("ZTO", 2), ("YTO", 2), ("STO", 2), ("YUNDA", 2), ("SF", 1), ("EMS", 1)):
            self.subscribe(cp, quantity=5000, cp_type=cp_type)

    # ---- set-up and assertions

    def subscribe(
        self, cp_code: str, *, quantity: int, cp_type: int = 2, addresses: list[dict[str, str]] | None = None
    ) -> None:
        """Subscribes the account to `cp_code` with one branch holding `quantity` numbers (replacing any before)."""
        branch = Branch(f"{cp_code}-571001", f"{cp_code}杭州余杭网点", quantity, [dict(a) for a in addresses or ()])
        if addresses is None:
            branch.addresses.append(dict(DEFAULT_ADDRESS))
        self.subscriptions[cp_code] = (cp_type, [branch])

    def set_balance(self, cp_code: str, quantity: int) -> None:
        self.subscriptions[cp_code][1][0].quantity = quantity

    def balance(self, cp_code: str) -> int:
        return sum(b.quantity for b in self.subscriptions[cp_code][1])

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {code: w.record() for code, w in self.ledger.items()}

    # ---- the methods

    def handle(self, method: str, params: dict[str, str]) -> dict[str, Any]:
        """The answer object of `method` (under its ``..._response`` root, without request_id)."""
        if method == GET:
            return self._get(params)
        if method == SEARCH:
            return self._search(params)
        if method == CANCEL:
            return self._cancel(params)
        if method == UPDATE:
            return self._update(params)
        if method == BY_TRADECODE:
            return self._by_tradecode(params)
        return self._by_waybillcode(params)

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        req = _json_param(params, "param_waybill_cloud_print_apply_new_request", dict)
        self.get_requests.append(req)
        cp = _text(req, "cp_code")
        if not cp:
            raise _missing("cp_code")
        branch = self._sender_branch(cp, req.get("sender"))
        dtos = req.get("trade_order_info_dtos")
        if not isinstance(dtos, list) or not dtos:
            raise _missing("trade_order_info_dtos")
        if len(dtos) > MAX_DTOS:
            raise _invalid(f"trade_order_info_dtos 数量不能超过{MAX_DTOS} (at most {MAX_DTOS}, got {len(dtos)})")
        encrypt = req.get("need_encrypt") in (True, "true")
        checked, seen = [], set()
        for dto in dtos:
            item = self._check_dto(dto)
            if item["package_id"].lower() in seen:
                raise _invalid(f"object_id={item['object_id']}: package_info.id {item['package_id']} 重复 (repeated)")
            seen.add(item["package_id"].lower())
            checked.append(item)
        fresh = [c for c in checked if (cp, c["order_nos"], c["package_id"]) not in self.live]
        if len(fresh) > branch.quantity:
            raise CainiaoError(
                E_BUSINESS,
                SUB_QUANTITY,
                f"电子面单余额不足 (the {cp} balance is {branch.quantity}, {len(fresh)} numbers asked)",
            )
        modules = []
        for c in checked:
            key = (cp, c["order_nos"], c["package_id"])
            number = self.live.get(key)
            if number is None:
                number = self._new_number(cp)
                sender = json.loads(json.dumps(req["sender"]))
                waybill = IssuedWaybill(
                    number, cp, c["order_nos"], c["object_id"], c["package_id"], branch.branch_code, c["recipient"],
                    sender, c["template_url"], encrypt, {}, self.gateway.now_str(), c["user_id"],
                    services=c["services"],
                )  # fmt: skip
                waybill.print_data = self._print_data(waybill, branch)
                self.ledger[number] = waybill
                self.live[key] = number
                branch.quantity -= 1
                branch.allocated_quantity += 1
            waybill = self.ledger[number]
            modules.append(
                {
                    "object_id": c["object_id"],
                    "waybill_code": number,
                    "print_data": _dumps(waybill.print_data),
                    "parent_waybill_code": "",
                    "cp_code": cp,
                    "real_cp_code": cp,
                }
            )
        return {"modules": {"waybill_cloud_print_response": modules}}

    def _search(self, params: dict[str, str]) -> dict[str, Any]:
        wanted = params.get("cp_code", "").strip()
        infos = [
            {
                "cp_code": cp,
                "cp_type": cp_type,
                "branch_account_cols": {"waybill_branch_account": [b.answer() for b in branches]},
            }
            for cp, (cp_type, branches) in sorted(self.subscriptions.items())
            if not wanted or cp == wanted
        ]
        return {"waybill_apply_subscription_cols": {"waybill_apply_subscription_info": infos}} if infos else {}

    def _cancel(self, params: dict[str, str]) -> dict[str, Any]:
        cp, code = params.get("cp_code", "").strip(), params.get("waybill_code", "").strip()
        if not cp:
            raise _missing("cp_code")
        if not code:
            raise _missing("waybill_code")
        waybill = self._live(cp, code, "取消")
        waybill.state = "cancelled"
        self.live.pop((waybill.cp_code, waybill.order_nos, waybill.package_id), None)
        for branch in self.subscriptions.get(cp, (0, []))[1]:
            if branch.branch_code == waybill.branch_code:
                branch.quantity += 1  # 面单回收: a cancelled number goes back to the balance
                branch.cancel_quantity += 1
        return {"cancel_result": True}

    def _update(self, params: dict[str, str]) -> dict[str, Any]:
        req = _json_param(params, "param_waybill_cloud_print_update_request", dict)
        cp, code = _text(req, "cp_code"), _text(req, "waybill_code")
        if not cp:
            raise _missing("cp_code")
        if not code:
            raise _missing("waybill_code")
        waybill = self._live(cp, code, "更新")
        object_id = _text(req, "object_id") or waybill.object_id
        recipient = waybill.recipient
        if isinstance(req.get("recipient"), dict):
            recipient = self._recipient(req["recipient"], object_id, waybill.order_nos[0])
        if isinstance(req.get("sender"), dict):
            for k in ("name", "mobile", "phone"):
                if _text(req["sender"], k):
                    waybill.sender[k] = _text(req["sender"], k)
        if _text(req, "template_url"):
            waybill.template_url = self._template(req, object_id)
        waybill.recipient = recipient
        waybill.updates += 1
        branch = next(b for b in self.subscriptions[cp][1] if b.branch_code == waybill.branch_code)
        waybill.print_data = self._print_data(waybill, branch)
        return {"waybill_code": code, "print_data": _dumps(waybill.print_data)}

    def _by_tradecode(self, params: dict[str, str]) -> dict[str, Any]:
        queries = _json_param(params, "param_list", list)
        if not queries:
            raise _missing("param_list")
        if len(queries) > MAX_TRADECODE_QUERIES:
            raise _invalid(f"param_list holds at most {MAX_TRADECODE_QUERIES}")
        modules = []
        for q in queries:
            order_no, object_id = _text(q, "biz_sub_code"), _text(q, "object_id")
            if not order_no:
                raise _missing("biz_sub_code")
            found = [
                w
                for w in self.ledger.values()
                if w.state == "live" and order_no in w.order_nos and (not object_id or w.object_id == object_id)
            ]
            for w in found:
                modules.append(
                    {
                        "object_id": object_id or w.object_id,
                        "success": True,
                        "waybill_cloud_print_response": {"waybill_code": w.code, "print_data": _dumps(w.print_data)},
                    }
                )
            if not found:
                modules.append(
                    {
                        "object_id": object_id,
                        "success": False,
                        "error_code": SUB_NOT_EXIST,
                        "error_message": f"未查询到面单 (no live waybill for order {order_no})",
                    }
                )
        return {"modules": {"waybill_cloud_print_with_result_desc_response": modules}}

    def _by_waybillcode(self, params: dict[str, str]) -> dict[str, Any]:
        queries = _json_param(params, "param_list", list)
        if not queries:
            raise _missing("param_list")
        if len(queries) > MAX_WAYBILLCODE_QUERIES:
            raise _invalid(f"param_list holds at most {MAX_WAYBILLCODE_QUERIES}")
        modules = []
        for q in queries:
            cp, code, object_id = _text(q, "cp_code"), _text(q, "waybill_code"), _text(q, "object_id")
            if not cp or not code:
                raise _missing("cp_code" if not cp else "waybill_code")
            w = self.ledger.get(code)
            if w is None or w.cp_code != cp:
                modules.append(_query_error(object_id, SUB_NOT_EXIST, f"面单号不存在 (no waybill {code})"))
            elif w.state != "live":
                modules.append(_query_error(object_id, SUB_CANCELLED, f"面单已取消 (waybill {code} is cancelled)"))
            else:
                print_response = {"waybill_code": code, "print_data": _dumps(w.print_data), "parent_waybill_code": ""}
                modules.append(
                    {"object_id": object_id, "success": True, "waybill_cloud_print_response": print_response}
                )
        return {"modules": {"waybill_cloud_print_with_result_desc_response": modules}}

    # ---- checks

    def _sender_branch(self, cp: str, sender: Any) -> Branch:
        """The subscribed branch whose address `sender` ships from, exactly as ii.search returned it."""
        subscription = self.subscriptions.get(cp)
        if subscription is None:
            raise CainiaoError(E_BUSINESS, SUB_NOT_SUBSCRIBED, f"未开通{cp}的电子面单服务 (no subscription for {cp})")
        if not isinstance(sender, dict):
            raise _missing("sender")
        if not _text(sender, "name"):
            raise _missing("sender.name")
        if not (_text(sender, "mobile") or _text(sender, "phone")):
            raise _invalid("sender: 手机号和固定电话不能同时为空 (a mobile or a phone is required)")
        address = sender.get("address") if isinstance(sender.get("address"), dict) else {}
        parts = ("province", "city", "district", "town", "detail")
        for branch in subscription[1]:
            for known in branch.addresses:
                if all(_text(address, k) == known.get(k, "") for k in parts):
                    return branch
        raise CainiaoError(
            E_BUSINESS,
            SUB_SENDER_ADDRESS,
            f"发货地址与订购关系不匹配 (the sender address is not one of the {cp} subscription's addresses)",
        )

    def _check_dto(self, dto: Any) -> dict[str, Any]:
        if not isinstance(dto, dict):
            raise _invalid("trade_order_info_dtos holds objects")
        object_id = _text(dto, "object_id")
        if not object_id:
            raise _missing("object_id")
        where = f"object_id={object_id}"
        info = dto.get("order_info") if isinstance(dto.get("order_info"), dict) else {}
        channel = _text(info, "order_channels_type")
        if channel not in CHANNELS:
            raise _invalid(f"{where}: order_channels_type {channel!r} 不支持 (unknown channel)")
        orders = info.get("trade_order_list")
        if not isinstance(orders, list) or not 1 <= len(orders) <= 100:
            raise _invalid(f"{where}: trade_order_list holds 1 to 100 order numbers")
        order_nos = tuple(str(o) for o in orders)
        if not all(_ORDER_NO.match(o) for o in order_nos):
            raise _invalid(f"{where}: 订单号只限数字、字母、下划线和中划线 (order numbers: letters, digits, _ and -)")
        package = dto.get("package_info") if isinstance(dto.get("package_info"), dict) else {}
        package_id = _text(package, "id") or object_id
        if not _PACKAGE_ID.match(package_id):
            raise _invalid(f"{where}: package_info.id 只能传入数字、字母和下划线 (letters, digits and _ only)")
        items = package.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= 100:
            raise _invalid(f"{where}: package_info.items holds 1 to 100 items")
        for item in items:
            if not isinstance(item, dict) or not _text(item, "name") or not _positive(item.get("count")):
                raise _invalid(f"{where}: every item needs a name and a count of at least 1")
        user_id = _text(dto, "user_id")
        if user_id and not user_id.isdigit():
            raise _invalid(f"{where}: user_id must be a number")
        recipient = dto.get("recipient")
        if not isinstance(recipient, dict):
            raise _missing(f"{where}: recipient")
        services = _services(dto.get("logistics_services"), where)
        return {
            "services": services,
            "object_id": object_id,
            "order_nos": order_nos,
            "package_id": package_id,
            "template_url": self._template(dto, object_id),
            "user_id": user_id,
            "recipient": self._recipient(recipient, object_id, order_nos[0]),
        }

    def _template(self, dto: dict[str, Any], object_id: str) -> str:
        url = _text(dto, "template_url")
        if not url:
            raise _missing(f"object_id={object_id}: template_url")
        if not url.startswith(TEMPLATE_PREFIXES):
            raise _invalid(f"object_id={object_id}: template_url 不是云打印模板地址 (not a cloud print template URL)")
        return url

    def _recipient(self, recipient: dict[str, Any], object_id: str, order_no: str) -> dict[str, Any]:
        """The recipient as the carrier will deliver (a privacy order's read from its trade), checked."""
        where = f"object_id={object_id}"
        oaid = _text(recipient, "oaid")
        if oaid:
            tid = _text(recipient, "tid") or order_no
            trade = self.gateway.trades.get(tid)
            if trade is None or trade.get("oaid") != oaid:
                raise CainiaoError(
                    E_BUSINESS, SUB_OAID, f"{where}: oaid 与订单不匹配或已失效 (oaid does not fit {tid})"
                )
            address = {
                "province": trade.get("receiver_state", ""),
                "city": trade.get("receiver_city") or trade.get("receiver_district", ""),
                "district": trade.get("receiver_district", ""),
                "town": trade.get("receiver_town", ""),
                "detail": trade.get("receiver_address", ""),
            }
            out = {"name": trade.get("receiver_name", ""), "mobile": trade.get("receiver_mobile", ""), "phone": ""}
            out.update(address=address, oaid=oaid, tid=tid)
        else:
            address = recipient.get("address") if isinstance(recipient.get("address"), dict) else {}
            if not _text(recipient, "name"):
                raise _missing(f"{where}: recipient.name")
            if not (_text(recipient, "mobile") or _text(recipient, "phone")):
                raise _invalid(f"{where}: recipient 手机号和固定电话不能同时为空 (a mobile or a phone is required)")
            for part in ("province", "city", "district", "detail"):
                if not _text(address, part):
                    raise _invalid(f"{where}: 收件人地址缺少{part} (the recipient's {part} is required)")
            address = {k: _text(address, k) for k in ("province", "city", "district", "town", "detail")}
            out = {k: _text(recipient, k) for k in ("name", "mobile", "phone")}
            out["address"] = address
        text = "".join(address.values())
        if any(t in text for t in self.unreachable):
            raise CainiaoError(
                E_BUSINESS,
                SUB_UNREACHABLE,
                f"{where}: 收件地址超出服务范围 (the carrier does not deliver to {address['district']})",
            )
        return out

    def _live(self, cp: str, code: str, doing: str) -> IssuedWaybill:
        waybill = self.ledger.get(code)
        if waybill is None or waybill.cp_code != cp:
            raise CainiaoError(E_BUSINESS, SUB_NOT_EXIST, f"面单号不存在 (no {cp} waybill {code})")
        if waybill.state == "cancelled":
            raise CainiaoError(E_BUSINESS, SUB_CANCELLED, f"面单已取消，不能{doing} (waybill {code} is cancelled)")
        if any(s["out_sid"] == code for s in self.gateway.shipments):
            raise CainiaoError(E_BUSINESS, SUB_SHIPPED, f"面单已发货，不能{doing} (waybill {code} has shipped)")
        return waybill

    # ---- numbers and print data

    def _new_number(self, cp: str) -> str:
        rng = self._serials.get(cp)
        if rng is None:
            rng = self._serials[cp] = random.Random(f"{self.gateway.seed}:waybill:{cp}")
        fmt = CARRIERS.get(cp)
        while True:
            if fmt is not None:
                number = fmt.number(rng.randrange(fmt.capacity // 10, fmt.capacity))
            else:  # POSTB and others: 13 digits starting 1 or 9, as their reg_mail_no wants
                number = f"{rng.choice('19')}{rng.randrange(10**11, 10**12)}"
            if number not in self.ledger:
                return number

    def _print_data(self, waybill: IssuedWaybill, branch: Branch) -> dict[str, Any]:
        address = waybill.recipient["address"]
        recipient = {k: waybill.recipient.get(k, "") for k in ("name", "mobile", "phone")}
        recipient["address"] = dict(address)
        sender = {k: waybill.sender.get(k, "") for k in ("name", "mobile", "phone")}
        sender["address"] = {k: v for k, v in waybill.sender.get("address", {}).items() if k != "waybill_address_id"}
        data = {
            "cpCode": waybill.cp_code,
            "waybillCode": waybill.code,
            "qrCode": waybill.code,
            "shippingOption": {"code": "STANDARD_EXPRESS", "title": "标准快递"},
            "sender": sender,
            "recipient": recipient,
            "routingInfo": self._routing(waybill.cp_code, address, branch),
        }
        signature = hashlib.md5(f"{self.gateway.secret}{waybill.code}{waybill.updates}".encode()).hexdigest()
        if not waybill.need_encrypt:
            return {"data": data, "signature": signature, "templateURL": waybill.template_url}
        plain = json.dumps(data, ensure_ascii=False).encode("utf-8")
        key = hashlib.sha256(f"{self.gateway.secret}:{waybill.code}".encode()).digest()
        sealed = bytes(b ^ key[i % len(key)] for i, b in enumerate(plain))
        return {
            "encryptedData": "AES:" + base64.b64encode(sealed).decode("ascii"),
            "signature": signature,
            "templateURL": waybill.template_url,
            "ver": ENCRYPTED_VERSION,
        }

    def _routing(self, cp: str, address: dict[str, str], branch: Branch) -> dict[str, Any]:
        """大头笔, 三段码 and 集包地 for a destination: fixed per carrier and district, as a carrier's sorting plan."""
        origin = {"name": branch.branch_name, "code": branch.branch_code}
        if any(t in "".join(address.values()) for t in self.omit_routing):
            return {
                "sortation": {"name": ""},
                "routeCode": "",
                "consolidation": {"name": "", "code": ""},
                "origin": origin,
            }
        province, city, district = address.get("province", ""), address.get("city", ""), address.get("district", "")
        digest = hashlib.sha1(f"{cp}|{province}|{city}|{district}".encode()).digest()
        head = next((code for name, code in _PROVINCE_CODES.items() if province.startswith(name)), None)
        head = head or f"{100 + digest[0] * 3 % 800:03d}"
        place = district or city
        return {
            "sortation": {"name": f"{head} {place}", "code": ""},
            "routeCode": f"{head}-{digest[1] % 900 + 100}-{digest[2] % 100:02d} {digest[3] * 4 % 1000:03d}",
            "consolidation": {
                "name": f"{(city or province).removesuffix('市')}转运中心包",
                "code": f"{head}{digest[4]:03d}",
            },
            "origin": origin,
        }


def _json_param(params: dict[str, str], name: str, kind: type) -> Any:
    raw = params.get(name, "")
    if not raw.strip():
        raise _missing(name)
    try:
        value = json.loads(raw)
    except ValueError:
        raise _invalid(f"{name} is not JSON") from None
    if not isinstance(value, kind):
        raise _invalid(f"{name} must be a JSON {'object' if kind is dict else 'list'}")
    return value


def value_added_services(raw: Any) -> tuple[dict[str, Any], str]:
    """`logistics_services` (Cainiao's, and PDD's after it): a JSON string of {SERVICE_CODE: {attribute: value}}
    ({} when left out); SVC-INSURE's value is a whole number of fen, more than 0. The services and what is wrong with
    them ("" when nothing is), for each server to refuse in its own words."""
    if raw in (None, ""):
        return {}, ""
    try:
        services = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        services = None
    if not isinstance(services, dict) or not all(isinstance(v, dict) for v in services.values()):
        return {}, "logistics_services"
    insure = services.get("SVC-INSURE")
    if insure is not None and not (str(insure.get("value", "")).isdigit() and int(insure["value"]) > 0):
        return {}, "SVC-INSURE"
    return services, ""


def _services(raw: Any, where: str) -> dict[str, Any]:
    services, wrong = value_added_services(raw)
    if wrong == "logistics_services":
        raise _invalid(f"{where}: logistics_services 格式错误 (a JSON object of services, each an object)")
    if wrong:
        raise _invalid(f"{where}: SVC-INSURE value 保价金额不正确 (a whole number of fen above 0)")
    return services


def _text(obj: Any, key: str) -> str:
    value = obj.get(key) if isinstance(obj, dict) else None
    return "" if value is None else str(value).strip()


def _positive(value: Any) -> bool:
    try:
        return int(value) >= 1
    except (TypeError, ValueError):
        return False


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _query_error(object_id: str, code: str, message: str) -> dict[str, Any]:
    return {"object_id": object_id, "success": False, "error_code": code, "error_message": message}
