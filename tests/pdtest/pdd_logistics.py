"""A Pinduoduo shop's orders, ship-backs and receiver decryption on the test gateway (tests/pdtest/pdd_server.py):
`pdd.logistics.companies.get`, `pdd.logistics.online.send` (a write: the after-apply faults and holds apply),
`pdd.order.information.get` and `pdd.open.decrypt.batch`, over one world of orders (`LogisticsDesk.orders`).

    desk = LogisticsDesk(srv)                       # registers its routes on the server
    desk.add_order("261203-000000001", name="张三", phone="13800138000", address="文一西路969号")
    desk.refund("261203-000000001")                 # the buyer was refunded: online.send is refused
    desk.sends["261203-000000001"]                  # how many sends were applied (exactly once means 1)

Shapes follow PDD's documentation (lywzx/pdd-node-sdk): companies.get answers `logistics_companies_get_response`
{`logistics_companies`: [{`id`, `logistics_company`, `code`, `available`}]}; online.send takes `order_sn`,
`logistics_id`, `tracking_number` and answers `logistics_online_send_response` {`is_success`};
information.get answers `order_info_get_response` {`order_info`: {...}}; decrypt.batch takes `data_list` [{`data_tag`
(the order_sn), `encrypted_data`}] (at most 100) and answers `open_decrypt_batch_response` {`data_decrypt_list`:
[{`data_tag`, `encrypted_data`, `decrypted_data`, `error_code`}]}.

The receiver's name, phone and address are ciphertexts (`~...~`) with `*_mask` variants; the plaintext lives only
here (`plain`). Decryption is strictly limited: at most `decrypt_per_window` calls per `window_s` seconds of the
server's clock, else 70031; `decrypt_calls` and `decrypted` count what was asked.

Ship-back rules, this gateway's within PDD's ranges (50001 with a sub_code): an order in after-sale or refunded is
refused (ORDER_REFUNDING 订单售后中，不可发货 / ORDER_REFUNDED 订单已退款，不可发货), a closed one too; an order
already shipped with the same number and carrier answers `is_success` again (nothing applied twice), with another
number it is refused (ORDER_SHIPPED 订单已发货); an unknown logistics_id is a parameter error.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from tests.pdtest.pdd_server import E_BUSINESS, E_LIMITED, PddFault, param_error

if TYPE_CHECKING:
    from tests.pdtest.pdd_server import PddServer

#: PDD's logistics ids of the carriers this world knows (id, name, code).
COMPANIES = (
    (85, "圆通快递", "YTO"),
    (115, "中通快递", "ZTO"),
    (1, "申通快递", "STO"),
    (121, "韵达快递", "YUNDA"),
    (44, "顺丰快递", "SF"),
    (384, "极兔速递", "JTSD"),
    (132, "邮政快递包裹", "YZXB"),
)
MAX_DECRYPT = 100
CHINA = timedelta(hours=8)


def cipher(order_sn: str, field: str, plain: str) -> str:
    """A ciphertext as PDD's look: opaque, different per order and field, nothing of the plaintext in it."""
    digest = hashlib.sha256(f"{order_sn}|{field}|{plain}".encode()).digest()
    return "~" + base64.b64encode(digest).decode("ascii") + "~"


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "*" * len(phone)


class LogisticsDesk:
    """The shop's orders at PDD and the ship-back and decryption APIs (see the module docstring), on `server`,
    whose lock guards everything here."""

    def __init__(self, server: PddServer, *, decrypt_per_window: int = 5, window_s: float = 1.0) -> None:
        self.server = server
        self.orders: dict[str, dict[str, Any]] = {}
        self.plain: dict[str, tuple[str, str]] = {}  # ciphertext -> (order_sn, plaintext)
        self.companies = [{"id": i, "logistics_company": n, "code": c, "available": 1} for i, n, c in COMPANIES]
        self.sends: Counter[str] = Counter()  # order_sn -> sends applied
        self.decrypt_per_window, self.window_s = decrypt_per_window, window_s
        self.decrypt_calls = 0
        self.decrypted: Counter[str] = Counter()  # order_sn -> fields decrypted
        self._window: list[float] = []
        server.ciphers = self.plain  # the e-waybill desk reads a PDD order's receiver from its ciphertexts
        server.route("pdd.logistics.companies.get", self._companies)
        server.route("pdd.logistics.online.send", self._send, write=True)
        server.route("pdd.order.information.get", self._information)
        server.route("pdd.open.decrypt.batch", self._decrypt)

    # ---- for tests

    def add_order(
        self,
        order_sn: str,
        *,
        name: str = "张三",
        phone: str = "13800138000",
        province: str = "浙江省",
        city: str = "杭州市",
        town: str = "西湖区",
        address: str = "文一西路969号",
        items: tuple[tuple[str, str, int], ...] = (("1001", "PDD-SKU-1", 1),),
        **fields: Any,
    ) -> dict[str, Any]:
        """An order waiting to ship, its receiver as ciphertexts with masks; `items`: (sku_id, outer_id, count)."""
        now = self.server.clock() + CHINA
        stamp = now.strftime("%Y-%m-%d %H:%M:%S")
        full = f"{province}{city}{town}{address}"
        order = {
            "order_sn": order_sn,
            "order_status": 1,
            "refund_status": 1,
            "after_sales_status": 0,
            "confirm_status": 1,
            "confirm_time": stamp,
            "created_time": stamp,
            "updated_at": stamp,
            "last_ship_time": (now + timedelta(hours=48)).strftime("%Y-%m-%d %H:%M:%S"),
            "province": province,
            "city": city,
            "town": town,
            "receiver_name": cipher(order_sn, "name", name),
            "receiver_name_mask": mask_name(name),
            "receiver_phone": cipher(order_sn, "phone", phone),
            "receiver_phone_mask": mask_phone(phone),
            "receiver_address": cipher(order_sn, "address", address),  # the street part (详细地址)
            "receiver_address_mask": address[:2] + "****",
            "address": cipher(order_sn, "full", full),  # the whole address
            "address_mask": f"{province}{city}{town}{address[:2]}****",
            "item_list": [
                {
                    "goods_id": 9000 + n,
                    "sku_id": sku_id,
                    "goods_name": f"商品{n}",
                    "goods_spec": "默认",
                    "goods_count": count,
                    "outer_id": outer,
                    "goods_price": 19.9,
                    "goods_img": "",
                }
                for n, (sku_id, outer, count) in enumerate(items, 1)
            ],  # fmt: skip
            "buyer_memo": "",
            "remark": "",
            "remark_tag": None,
            "pay_amount": 19.9,
            "postage": 0.0,
            "tracking_number": "",
            "logistics_id": 0,
            "shipping_time": "",
            **fields,
        }
        with self.server.lock:
            self.orders[order_sn] = order
            plains = (
                ("receiver_name", name),
                ("receiver_phone", phone),
                ("receiver_address", address),
                ("address", full),
            )
            for key, plain in plains:
                self.plain[order[key]] = (order_sn, plain)
        return order

    def refund(self, order_sn: str, *, done: bool = True) -> None:
        """The buyer was refunded (`done`), or asked for a refund that is under way."""
        with self.server.lock:
            order = self.orders[order_sn]
            order["refund_status"] = 4 if done else 3
            order["after_sales_status"] = 5 if done else 1
            order["updated_at"] = (self.server.clock() + CHINA).strftime("%Y-%m-%d %H:%M:%S")

    def ship(self, order_sn: str, logistics_id: int, tracking_number: str) -> None:
        """The seller shipped it elsewhere (in the seller centre)."""
        with self.server.lock:
            self._apply(self.orders[order_sn], logistics_id, tracking_number)

    # ---- APIs

    def _companies(self, params: Mapping[str, str]) -> dict[str, Any]:
        with self.server.lock:
            return {"logistics_companies_get_response": {"logistics_companies": [dict(c) for c in self.companies]}}

    def _send(self, params: Mapping[str, str]) -> dict[str, Any]:
        order_sn = _required(params, "order_sn")
        tracking = _required(params, "tracking_number")
        raw_id = _required(params, "logistics_id")
        if not raw_id.isdigit():
            raise param_error("logistics_id", "应为数字")
        logistics_id = int(raw_id)
        with self.server.lock:
            if not any(c["id"] == logistics_id for c in self.companies):
                raise param_error("logistics_id", f"快递公司 {logistics_id} 不存在")
            order = self.orders.get(order_sn)
            if order is None:
                raise PddFault(E_BUSINESS, "ORDER_NOT_EXIST", f"订单 {order_sn} 不存在")
            if order["order_status"] != 1:
                if order["tracking_number"] == tracking and order["logistics_id"] == logistics_id:
                    return _sent()  # the same shipment again: nothing applied twice
                raise PddFault(
                    E_BUSINESS, "ORDER_SHIPPED", f"订单 {order_sn} 已发货，运单号 {order['tracking_number']}"
                )
            if order["refund_status"] == 4:
                raise PddFault(E_BUSINESS, "ORDER_REFUNDED", f"订单 {order_sn} 已退款，不可发货")
            if order["refund_status"] in (2, 3) or order["after_sales_status"] not in (0, 6, 12):
                raise PddFault(E_BUSINESS, "ORDER_REFUNDING", f"订单 {order_sn} 售后中，不可发货")
            self._apply(order, logistics_id, tracking)
            self.sends[order_sn] += 1
        return _sent()

    def _information(self, params: Mapping[str, str]) -> dict[str, Any]:
        order_sn = _required(params, "order_sn")
        with self.server.lock:
            order = self.orders.get(order_sn)
            if order is None:
                raise PddFault(E_BUSINESS, "ORDER_NOT_EXIST", f"订单 {order_sn} 不存在")
            return {"order_info_get_response": {"order_info": dict(order)}}

    def _decrypt(self, params: Mapping[str, str]) -> dict[str, Any]:
        import json

        raw = _required(params, "data_list")
        try:
            items = json.loads(raw)
        except ValueError:
            raise param_error("data_list", "应为JSON数组") from None
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_DECRYPT:
            raise param_error("data_list", f"数量应为1-{MAX_DECRYPT}")
        with self.server.lock:
            now = self.server.clock().timestamp()
            self._window = [t for t in self._window if now - t < self.window_s]
            if len(self._window) >= self.decrypt_per_window:
                raise PddFault(E_LIMITED, "", "解密接口调用过于频繁，请1秒后重试")
            self._window.append(now)
            self.decrypt_calls += 1
            answers = []
            for item in items:
                tag, data = str(item.get("data_tag", "")), str(item.get("encrypted_data", ""))
                found = self.plain.get(data)
                if found is None or found[0] != tag:
                    answers.append({"data_tag": tag, "encrypted_data": data, "error_code": 20003,
                                    "error_msg": "密文与订单不匹配"})  # fmt: skip
                    continue
                self.decrypted[tag] += 1
                answers.append({"data_tag": tag, "encrypted_data": data, "decrypted_data": found[1], "error_code": 0})
        return {"open_decrypt_batch_response": {"data_decrypt_list": answers}}

    # ---- internals (under the server's lock)

    def _apply(self, order: dict[str, Any], logistics_id: int, tracking: str) -> None:
        stamp = (self.server.clock() + CHINA).strftime("%Y-%m-%d %H:%M:%S")
        order.update(order_status=2, tracking_number=tracking, logistics_id=logistics_id, shipping_time=stamp)
        order["updated_at"] = stamp


def _sent() -> dict[str, Any]:
    return {"logistics_online_send_response": {"is_success": True}}


def _required(params: Mapping[str, str], name: str) -> str:
    value = params.get(name, "").strip()
    if not value:
        raise param_error(name, "不能为空")
    return value
