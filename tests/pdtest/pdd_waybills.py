"""Pinduoduo's e-waybill service (电子面单) on the test gateway (tests/pdtest/pdd_server.py), with a ledger like a real
provider's: `pdd.waybill.search`, `pdd.waybill.get`, `pdd.waybill.cancel`, `pdd.waybill.query.by.waybillcode` and
`pdd.waybill.update`, with the request and answer fields of PDD's documentation (lywzx/pdd-node-sdk
packages/pdd-origin-api/src/dianZiMianDan).

- search: the carriers the account subscribes to (`wp_code`), each with branch accounts whose `quantity` is the
  balance and whose `shipp_address_cols` are the sender addresses the account may use.
- get: `param_waybill_cloud_print_apply_new_request` with 1-10 `trade_order_info_dtos`. The sender's address must
  be one of the carrier's branch addresses (province, city, district and detail as listed); sender and recipient
  need province, city, district and detail ("仅支持非空值"), a name and a phone; `object_id` and `package_info.id`
  are unique in a call. Everything is checked before anything is applied: a refusal issues nothing. A package asked
  for again (same carrier, same order numbers, same `package_info.id`) while its number is live gets that number
  again, with print data for the request as now asked, and costs no balance: how a client that lost an answer
  finds its number. `print_data` is JSON text: `{"data": {..., "routingInfo": {"bigShotName", "threeSegmentCode",
  "endBranchCode", "endBranchName", ...}}, "signature", "templateUrl"}`, or with `need_encrypt` only
  `{"encryptedData", "signature", "templateUrl", "ver"}`. A dto's `logistics_services` (value-added services, JSON
  text of {SERVICE_CODE: {attribute: value}}) is checked and kept on the number as `services`: insurance
  (SVC-INSURE, as PackDesk sends it [I]) needs a `value` of whole fen above 0; anything else malformed is refused
  with 10000 like a wrong parameter.
- cancel: a live number not yet collected by the carrier is cancelled, its balance returned; a cancelled, unknown or
  collected (`ship`) number is refused with its real reason.
- query.by.waybillcode: the print data of live numbers again (reprints never take a new number).
- update: a live, uncollected number gets a new recipient (same number, new print data and routing).

Business refusals answer 50001 with these sub_codes: WP_NOT_SUBSCRIBED, SENDER_ADDRESS_INVALID,
WAYBILL_QUANTITY_NOT_ENOUGH (电子面单余额不足), ADDRESS_UNREACHABLE, WAYBILL_NOT_EXIST, WAYBILL_CANCELLED,
WAYBILL_USED, WAYBILL_UPDATE_REFUSED. Wrong or missing parameters answer 10000.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tests.pdtest.cainiao_waybills import value_added_services
from tests.pdtest.pdd_server import E_BUSINESS, PddFault, param_error

if TYPE_CHECKING:
    from tests.pdtest.pdd_server import PddServer

MAX_DTOS = 10
CHANNELS = frozenset(
    "PDD TB TM JD ALBB YZ WD MGJ YJ BB ZZ KS DD XMYP SK JM MY XHS MT WPH PP EBAY AMAZON SN GM YHD VANCL YL YG LF JS "
    "PX YT DY OTHERS".split()
)
#: wp_code -> (prefix, serial digits) of its numbers.
FORMATS = {
    "YTO": ("YT", 13),
    "ZTO": ("7", 13),
    "STO": ("77", 13),
    "YUNDA": ("4", 14),
    "SF": ("SF", 13),
    "JTSD": ("JT", 13),
    "YZXB": ("9", 12),
}
ADDRESS_PARTS = ("province", "city", "district", "detail")


def default_subscriptions() -> list[dict[str, Any]]:
    """YTO with one branch and two sender addresses, ZTO with one: 1000 numbers each."""

    def branch(code: str, name: str, *addresses: tuple[str, str, str, str]) -> dict[str, Any]:
        cols = [
            dict(zip(("province", "city", "district", "detail"), a, strict=True), country="中国") for a in addresses
        ]
        return {
            "branch_code": code,
            "branch_name": name,
            "quantity": 1000,
            "allocated_quantity": 0,
            "cancel_quantity": 0,
            "recycled_quantity": 0,
            "shipp_address_cols": cols,
            "service_info_cols": [],
        }

    return [
        {
            "wp_code": "YTO",
            "wp_type": 1,
            "branch_account_cols": [
                branch(
                    "571045",
                    "浙江省杭州市余杭区五常网点",
                    ("浙江省", "杭州市", "余杭区", "文一西路969号3号楼"),
                    ("浙江省", "杭州市", "余杭区", "五常大道181号仓库B"),
                )
            ],
        },
        {
            "wp_code": "ZTO",
            "wp_type": 1,
            "branch_account_cols": [
                branch("57101", "杭州余杭中通", ("浙江省", "杭州市", "余杭区", "文一西路969号3号楼"))
            ],
        },
    ]


class WaybillDesk:
    """The e-waybill APIs and their ledger, on `server` (whose lock guards everything here).

    Attributes: `subscriptions` (pdd.waybill.search's answer, mutable), `ledger` (number -> {waybill_code, wp_code,
    order_nos, object_id, package_id, state "live"/"cancelled", used, branch_code, recipient, sender, print_data,
    services: the value-added services last asked for it, asked: how many get calls answered it}),
    `refuse_districts` (recipients there are refused as unreachable),
    `refuse_updates`, `omit_routing` (the carrier gives no routing: empty fields).
    """

    def __init__(self, server: PddServer) -> None:
        self.server = server
        self.subscriptions = default_subscriptions()
        self.ledger: dict[str, dict[str, Any]] = {}
        self.refuse_districts: set[str] = set()
        self.refuse_updates = False
        self.omit_routing = False
        self._live: dict[tuple[str, tuple[str, ...], str], str] = {}
        self._serial = 10**10 + server.seed * 7919
        server.route("pdd.waybill.search", self._search)
        server.route("pdd.waybill.get", self._get, write=True)
        server.route("pdd.waybill.cancel", self._cancel, write=True)
        server.route("pdd.waybill.query.by.waybillcode", self._query)
        server.route("pdd.waybill.update", self._update, write=True)

    # ---- for tests

    def set_balance(self, wp_code: str, quantity: int) -> None:
        """Sets the balance of `wp_code`'s first branch."""
        with self.server.lock:
            self._subscription(wp_code)["branch_account_cols"][0]["quantity"] = quantity

    def balance(self, wp_code: str) -> int:
        with self.server.lock:
            return sum(b["quantity"] for b in self._subscription(wp_code)["branch_account_cols"])

    def ship(self, number: str) -> None:
        """The carrier collected parcel `number`: it can no longer be cancelled or updated."""
        with self.server.lock:
            self.ledger[number]["used"] = True

    def live_numbers(self) -> set[str]:
        with self.server.lock:
            return {n for n, r in self.ledger.items() if r["state"] == "live"}

    def snapshot(self) -> dict[str, dict[str, Any]]:
        with self.server.lock:
            return copy.deepcopy(self.ledger)

    # ---- APIs

    def _search(self, params: Mapping[str, str]) -> dict[str, Any]:
        wp_code = params.get("wp_code", "").strip()
        with self.server.lock:
            cols = [s for s in self.subscriptions if not wp_code or s["wp_code"] == wp_code]
            return {"pdd_waybill_search_response": {"waybill_apply_subscription_cols": copy.deepcopy(cols)}}

    def _get(self, params: Mapping[str, str]) -> dict[str, Any]:
        req = _object(params, "param_waybill_cloud_print_apply_new_request")
        wp_code = _text(req, "wp_code", "param_waybill_cloud_print_apply_new_request")
        sender = _person(req.get("sender"), "sender")
        dtos = req.get("trade_order_info_dtos")
        if not isinstance(dtos, list) or not dtos:
            raise param_error("trade_order_info_dtos", "不能为空")
        if len(dtos) > MAX_DTOS:
            raise param_error("trade_order_info_dtos", f"数量限制为{MAX_DTOS}")
        asks = [self._dto(dto, n) for n, dto in enumerate(dtos)]
        for field_name in ("object_id", "package_id"):
            seen = [a[field_name] for a in asks]
            if len(set(seen)) != len(seen):
                raise param_error(f"trade_order_info_dtos.{field_name}", "同一请求内不能重复")
        encrypt = req.get("need_encrypt") in (True, "true")
        with self.server.lock:
            sub = self._subscription(wp_code)
            branch = self._branch_of(sub, sender["address"])
            for a in asks:
                district = a["recipient"]["address"]["district"]
                if district in self.refuse_districts:
                    raise PddFault(
                        E_BUSINESS,
                        "ADDRESS_UNREACHABLE",
                        f"object_id {a['object_id']}: 收件地址 {district} 不在 {wp_code} 服务范围内",
                    )
            new = [a for a in asks if (wp_code, a["orders"], a["package_id"]) not in self._live]
            if branch["quantity"] < len(new):
                raise PddFault(
                    E_BUSINESS,
                    "WAYBILL_QUANTITY_NOT_ENOUGH",
                    f"电子面单余额不足：{wp_code} 网点 {branch['branch_code']} 剩余 {branch['quantity']} 单",
                )
            modules = [self._issue(wp_code, branch, sender, a, encrypt) for a in asks]
        return {"pdd_waybill_get_response": {"modules": modules, "request_id": self.server.request_id()}}

    def _cancel(self, params: Mapping[str, str]) -> dict[str, Any]:
        number = params.get("waybill_code", "").strip()
        wp_code = params.get("wp_code", "").strip()
        if not number:
            raise param_error("waybill_code", "不能为空")
        if not wp_code:
            raise param_error("wp_code", "不能为空")
        with self.server.lock:
            record = self._record(number, wp_code)
            if record["state"] == "cancelled":
                raise PddFault(E_BUSINESS, "WAYBILL_CANCELLED", f"面单号 {number} 已取消")
            if record["used"]:
                raise PddFault(E_BUSINESS, "WAYBILL_USED", f"面单号 {number} 已揽收，不能取消")
            record["state"] = "cancelled"
            self._live.pop((wp_code, tuple(record["order_nos"]), record["package_id"]), None)
            branch = self._branch_by_code(wp_code, record["branch_code"])
            branch["quantity"] += 1
            branch["cancel_quantity"] += 1
        return {"pdd_waybill_cancel_response": {"cancel_result": True}}

    def _query(self, params: Mapping[str, str]) -> dict[str, Any]:
        asked = _json_param(params, "param_list")
        if not isinstance(asked, list) or not asked:
            raise param_error("param_list", "不能为空")
        modules = []
        with self.server.lock:
            for n, item in enumerate(asked):
                if not isinstance(item, dict):
                    raise param_error(f"param_list[{n}]", "应为对象")
                number = _text(item, "waybill_code", f"param_list[{n}]")
                record = self._record(number, _text(item, "wp_code", f"param_list[{n}]"))
                if record["state"] != "live":
                    raise PddFault(E_BUSINESS, "WAYBILL_CANCELLED", f"面单号 {number} 已取消")
                print_data = record["print_data"]
                modules.append(
                    {
                        "waybill_cloud_print_response": {
                            "object_id": str(item.get("object_id") or record["object_id"]),
                            "waybill_code": number,
                            "print_data": print_data,
                        }
                    }
                )
        return {"pdd_waybill_query_by_waybillcode_response": {"modules": modules}}

    def _update(self, params: Mapping[str, str]) -> dict[str, Any]:
        req = _object(params, "param_waybill_cloud_print_update_request")
        number = _text(req, "waybill_code", "param_waybill_cloud_print_update_request")
        wp_code = _text(req, "wp_code", "param_waybill_cloud_print_update_request")
        recipient = _person(req["recipient"], "recipient") if req.get("recipient") is not None else None
        with self.server.lock:
            record = self._record(number, wp_code)
            if record["state"] != "live":
                raise PddFault(E_BUSINESS, "WAYBILL_CANCELLED", f"面单号 {number} 已取消")
            if record["used"]:
                raise PddFault(E_BUSINESS, "WAYBILL_USED", f"面单号 {number} 已揽收，不能修改")
            if self.refuse_updates:
                raise PddFault(E_BUSINESS, "WAYBILL_UPDATE_REFUSED", f"面单号 {number} 不支持修改收件信息")
            if recipient is not None:
                record["recipient"] = recipient
            encrypt = "encryptedData" in json.loads(record["print_data"])
            record["print_data"] = self._print_data(record, req.get("template_url") or record["template_url"], encrypt)
            return {"pdd_waybill_update_response": {"waybill_code": number, "print_data": record["print_data"]}}

    # ---- internals (under the server's lock)

    def _dto(self, dto: Any, n: int) -> dict[str, Any]:
        where = f"trade_order_info_dtos[{n}]"
        if not isinstance(dto, dict):
            raise param_error(where, "应为对象")
        object_id = _text(dto, "object_id", where)
        order_info = dto.get("order_info")
        if not isinstance(order_info, dict):
            raise param_error(f"{where}.order_info", "不能为空")
        channel = _text(order_info, "order_channels_type", f"{where}.order_info")
        if channel not in CHANNELS:
            raise param_error(f"{where}.order_info.order_channels_type", f"不支持的订单渠道 {channel}")
        orders = order_info.get("trade_order_list")
        if not isinstance(orders, list) or not orders or len(orders) > 100 or not all(orders):
            raise param_error(f"{where}.order_info.trade_order_list", "订单号数量应为1-100")
        package = dto.get("package_info")
        if not isinstance(package, dict):
            raise param_error(f"{where}.package_info", "不能为空")
        items = package.get("items")
        if not isinstance(items, list) or not items or len(items) > 100:
            raise param_error(f"{where}.package_info.items", "商品数量应为1-100")
        for item in items:
            if not isinstance(item, dict) or not item.get("name") or int(item.get("count") or 0) < 1:
                raise param_error(f"{where}.package_info.items", "商品需有名称和数量")
        template_url = _text(dto, "template_url", where)
        if dto.get("user_id") in (None, ""):
            raise param_error(f"{where}.user_id", "不能为空")
        return {
            "object_id": object_id,
            "services": _services(dto.get("logistics_services"), where),
            "package_id": str(package.get("id") or object_id),
            "orders": tuple(str(o) for o in orders),
            "channel": channel,
            "recipient": self._decipher(_person(dto.get("recipient"), f"{where}.recipient"), orders, where),
            "template_url": template_url,
        }

    def _decipher(self, person: dict[str, Any], orders: list[Any], where: str) -> dict[str, Any]:
        """A recipient given as a PDD order's ciphertexts (`~...~`) read as PDD does: each must be a ciphertext of one
        of the package's orders. The ledger keeps what was sent (the ciphertexts)."""
        fields = {"name": person["name"], "mobile": person["mobile"], "detail": person["address"]["detail"]}
        for key, value in fields.items():
            if value.startswith("~") and value.endswith("~"):
                if not self.server.ciphers.get(value, set()) & {str(o) for o in orders}:
                    raise PddFault(E_BUSINESS, "DECRYPT_FAILED", f"{where}.recipient.{key}: 密文无法解密或与订单不匹配")
        return person

    def _issue(
        self, wp_code: str, branch: dict[str, Any], sender: dict[str, Any], ask: dict[str, Any], encrypt: bool
    ) -> dict[str, Any]:
        key = (wp_code, ask["orders"], ask["package_id"])
        number = self._live.get(key)
        if number is None:
            prefix, digits = FORMATS.get(wp_code, ("", 12))
            self._serial += 1
            number = f"{prefix}{self._serial % 10**digits:0{digits}d}"
            self._live[key] = number
            branch["quantity"] -= 1
            branch["allocated_quantity"] += 1
            self.ledger[number] = {
                "waybill_code": number,
                "wp_code": wp_code,
                "order_nos": list(ask["orders"]),
                "object_id": ask["object_id"],
                "package_id": ask["package_id"],
                "channel": ask["channel"],
                "state": "live",
                "used": False,
                "branch_code": branch["branch_code"],
                "asked": 0,
            }
        record = self.ledger[number]
        record.update(sender=sender, recipient=ask["recipient"], template_url=ask["template_url"])
        record["object_id"] = ask["object_id"]
        record["services"] = ask["services"]
        record["asked"] += 1
        record["print_data"] = self._print_data(record, ask["template_url"], encrypt)
        return {"object_id": ask["object_id"], "waybill_code": number, "print_data": record["print_data"]}

    def _print_data(self, record: dict[str, Any], template_url: str, encrypt: bool) -> str:
        number = record["waybill_code"]
        signature = hashlib.md5(f"{number}:{template_url}".encode()).hexdigest()
        if encrypt:
            secret = hashlib.sha256(json.dumps(record["recipient"], ensure_ascii=False).encode()).digest()
            document: dict[str, Any] = {
                "encryptedData": base64.b64encode(secret + number.encode()).decode(),
                "signature": signature,
                "templateUrl": template_url,
                "ver": "3",
            }
        else:
            document = {
                "data": {
                    "waybillCode": number,
                    "wpCode": record["wp_code"],
                    "sender": record["sender"],
                    "recipient": record["recipient"],
                    "routingInfo": self._routing(record["recipient"]["address"]),
                },
                "signature": signature,
                "templateUrl": template_url,
            }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    def _routing(self, address: Mapping[str, str]) -> dict[str, str]:
        """The carrier's routing for `address`: derived from city and district, the same every time."""
        if self.omit_routing:
            keys = ("bigShotName", "bigShotCode", "threeSegmentCode", "endBranchCode", "endBranchName")
            return {**dict.fromkeys(keys, ""), "originBranchCode": "", "originBranchName": ""}
        h = int(hashlib.sha1(f"{address['city']}|{address['district']}".encode()).hexdigest()[:8], 16)
        area = 300 + h % 600
        return {
            "bigShotName": f"{area} {address['district']}",
            "bigShotCode": str(area),
            "threeSegmentCode": f"{area}-{h // 7 % 900 + 100:03d}-{h // 11 % 90 + 10:02d}",
            "endBranchCode": f"{h % 900000 + 100000}",
            "endBranchName": f"{address['city']}集包中心",
            "originBranchCode": "571045",
            "originBranchName": "杭州余杭分拨中心",
        }

    def _subscription(self, wp_code: str) -> dict[str, Any]:
        for sub in self.subscriptions:
            if sub["wp_code"] == wp_code:
                return sub
        raise PddFault(E_BUSINESS, "WP_NOT_SUBSCRIBED", f"未订购 {wp_code} 电子面单服务")

    @staticmethod
    def _branch_of(sub: dict[str, Any], address: Mapping[str, str]) -> dict[str, Any]:
        for branch in sub["branch_account_cols"]:
            for col in branch["shipp_address_cols"]:
                if all(col.get(part, "") == address.get(part, "") for part in ADDRESS_PARTS):
                    return branch
        raise PddFault(
            E_BUSINESS,
            "SENDER_ADDRESS_INVALID",
            f"发货地址不是 {sub['wp_code']} 网点的订购地址：{address.get('detail')}",
        )

    def _branch_by_code(self, wp_code: str, code: str) -> dict[str, Any]:
        return next(b for b in self._subscription(wp_code)["branch_account_cols"] if b["branch_code"] == code)

    def _record(self, number: str, wp_code: str) -> dict[str, Any]:
        record = self.ledger.get(number)
        if record is None or record["wp_code"] != wp_code:
            raise PddFault(E_BUSINESS, "WAYBILL_NOT_EXIST", f"面单号 {number} 不存在")
        return record


def _json_param(params: Mapping[str, str], name: str) -> Any:
    raw = params.get(name, "")
    if not raw:
        raise param_error(name, "不能为空")
    try:
        return json.loads(raw)
    except ValueError:
        raise param_error(name, "不是合法的JSON") from None


def _object(params: Mapping[str, str], name: str) -> dict[str, Any]:
    value = _json_param(params, name)
    if not isinstance(value, dict):
        raise param_error(name, "应为对象")
    return value


def _services(raw: Any, where: str) -> dict[str, Any]:
    """A dto's `logistics_services`, read as Cainiao's (tests/pdtest/cainiao_waybills.py), refused as PDD refuses a
    wrong parameter."""
    services, wrong = value_added_services(raw)
    if wrong == "logistics_services":
        raise param_error(f"{where}.logistics_services", "格式错误，应为JSON对象的字符串")
    if wrong:
        raise param_error(f"{where}.logistics_services.SVC-INSURE.value", "保价金额不正确，应为大于0的整数（分）")
    return services


def _text(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if value is None or not str(value).strip():
        raise param_error(f"{where}.{key}", "不能为空")
    return str(value).strip()


def _person(value: Any, where: str) -> dict[str, Any]:
    """A sender or recipient as checked by pdd.waybill.get: name, a phone, and an address whose province, city,
    district and detail are not empty."""
    if not isinstance(value, dict):
        raise param_error(where, "不能为空")
    name = _text(value, "name", where)
    mobile, phone = str(value.get("mobile") or ""), str(value.get("phone") or "")
    if not (mobile or phone):
        raise param_error(f"{where}.mobile", "手机号码和固定电话不能同时为空")
    address = value.get("address")
    if not isinstance(address, dict):
        raise param_error(f"{where}.address", "不能为空")
    clean = {part: _text(address, part, f"{where}.address") for part in ADDRESS_PARTS}
    clean["town"] = str(address.get("town") or "")
    return {"name": name, "mobile": mobile, "phone": phone, "address": clean}
