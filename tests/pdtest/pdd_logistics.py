"""Ship-backs and receiver decryption of a Pinduoduo shop on the test gateway (tests/pdtest/pdd_server.py):
`pdd.logistics.companies.get`, `pdd.logistics.online.send` (a write: the after-apply faults and holds apply) and
`pdd.open.decrypt.batch`, acting on the orders of the shop's PddShop (tests/pdtest/pdd_orders.py), which answers the
order APIs (`pdd.order.information.get` among them): one world, so a sync after a ship-back sees the order shipped.

    shop = PddShop(srv, n_orders=0)                 # the shop's orders and order APIs
    desk = LogisticsDesk(shop)                      # registers the ship-back and decryption routes on the server
    shop.place("261203-000000001", name="张三", phone="13800138000", address="文一西路969号")
    shop.refund("261203-000000001", done=True)      # the buyer was refunded: online.send is refused
    desk.sends["261203-000000001"]                  # how many sends were applied (exactly once means 1)

Shapes follow PDD's documentation (lywzx/pdd-node-sdk): companies.get answers `logistics_companies_get_response`
{`logistics_companies`: [{`id`, `logistics_company`, `code`, `available`}]}; online.send takes `order_sn`,
`logistics_id`, `tracking_number` and answers `logistics_online_send_response` {`is_success`}; decrypt.batch takes
`data_list` [{`data_tag` (the order_sn), `encrypted_data`}] (at most 100) and answers `open_decrypt_batch_response`
{`data_decrypt_list`: [{`data_tag`, `encrypted_data`, `decrypted_data`, `error_code`}]}.

Decryption: a ciphertext the shop gave out as an order's receiver (`srv.ciphers`) is decrypted with the shop's key
(`PddShop.decrypt`), anything else refused per item (20003). It is strictly limited: at most `decrypt_per_window`
calls per `window_s` seconds of the server's clock, else 70031; `decrypt_calls` and `decrypted` count what was asked.

Routes: `pdd.logistics.ordertrace.get` takes `company_code` (a code of companies.get) and `mail_no` and answers
`logistics_ordertrace_get_resposne` (sic, PDD's spelling) {`trace_list`: [{`status_time`, `status_desc`, `action`,
`node_description`, `time`, `desc`}]}, newest first [I: the order is not documented], from the route a test gave
the number (`desk.set_route`; none yet: an empty list). Only a number an order of the shop shipped with is known
(else 50001 WAYBILL_NOT_EXIST), with the carrier it shipped with (else 50001 COMPANY_NOT_MATCH); PDD lists the API as
needing no seller authorisation, so no access token is asked. `desk.trace_calls` counts the queries answered.

Ship-back rules, this gateway's within PDD's ranges (50001 with a sub_code): an order refunded is refused
(ORDER_REFUNDED 订单已退款，不可发货), one in after-sale too (ORDER_REFUNDING 订单售后中，不可发货); an order
already shipped with the same number and carrier answers `is_success` again (nothing applied twice), with another
number it is refused (ORDER_SHIPPED 订单已发货); an unknown logistics_id is a parameter error.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tests.pdtest.pdd_orders import china
from tests.pdtest.pdd_server import E_BUSINESS, E_LIMITED, PddFault, param_error

if TYPE_CHECKING:
    from tests.pdtest.pdd_orders import PddShop

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
# after_sales_status codes with no after-sale under way (none, refused, withdrawn, lapsed, exchange or repair over)
_AFTER_SALE_OVER = {0, 9, 11, 12, 13, 16, 17, 24, 25}
_REFUNDED = 10


class LogisticsDesk:
    """The ship-back and decryption APIs of `shop` (see the module docstring), on its server, whose lock guards
    everything here."""

    def __init__(self, shop: PddShop, *, decrypt_per_window: int = 5, window_s: float = 1.0) -> None:
        self.shop, self.server = shop, shop.srv
        self.companies = [{"id": i, "logistics_company": n, "code": c, "available": 1} for i, n, c in COMPANIES]
        self.sends: Counter[str] = Counter()  # order_sn -> sends applied
        self.decrypt_per_window, self.window_s = decrypt_per_window, window_s
        self.decrypt_calls = 0
        self.decrypted: Counter[str] = Counter()  # order_sn -> fields decrypted
        self._window: list[float] = []
        self.server.route("pdd.logistics.companies.get", self._companies)
        self.server.route("pdd.logistics.online.send", self._send, write=True)
        self.server.route("pdd.open.decrypt.batch", self._decrypt)
        self.routes: dict[str, list[tuple[datetime, str, str]]] = {}  # tracking number -> (time, desc, action)
        self.trace_calls: Counter[str] = Counter()  # tracking number -> queries answered
        self.server.route("pdd.logistics.ordertrace.get", self._trace, needs_token=False)

    def set_route(self, tracking_number: str, steps: Sequence[tuple[datetime, str, str]]) -> None:
        """The parcel's route from now on: (when, status_desc, action) per step."""
        with self.server.lock:
            self.routes[tracking_number] = list(steps)

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
            order = self.shop.orders.get(order_sn)
            if order is None:
                raise PddFault(E_BUSINESS, "ORDER_NOT_EXIST", f"订单 {order_sn} 不存在")
            if order["order_status"] != 1:
                if order.get("tracking_number") == tracking and order.get("logistics_id") == logistics_id:
                    return _sent()  # the same shipment again: nothing applied twice
                raise PddFault(
                    E_BUSINESS, "ORDER_SHIPPED", f"订单 {order_sn} 已发货，运单号 {order.get('tracking_number')}"
                )
            if order["refund_status"] == 4 or order["after_sales_status"] == _REFUNDED:
                raise PddFault(E_BUSINESS, "ORDER_REFUNDED", f"订单 {order_sn} 已退款，不可发货")
            if order["refund_status"] in (2, 3) or order["after_sales_status"] not in _AFTER_SALE_OVER:
                raise PddFault(E_BUSINESS, "ORDER_REFUNDING", f"订单 {order_sn} 售后中，不可发货")
            self.shop.ship(order_sn, logistics_id, tracking)
            self.sends[order_sn] += 1
        return _sent()

    def _decrypt(self, params: Mapping[str, str]) -> dict[str, Any]:
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
                if tag not in self.server.ciphers.get(data, set()):
                    answers.append({"data_tag": tag, "encrypted_data": data, "error_code": 20003,
                                    "error_msg": "密文与订单不匹配"})  # fmt: skip
                    continue
                self.decrypted[tag] += 1
                plain = self.shop.decrypt(data)
                answers.append({"data_tag": tag, "encrypted_data": data, "decrypted_data": plain, "error_code": 0})
        return {"open_decrypt_batch_response": {"data_decrypt_list": answers}}

    def _trace(self, params: Mapping[str, str]) -> dict[str, Any]:
        code = _required(params, "company_code")
        number = _required(params, "mail_no")
        with self.server.lock:
            order = next(
                (o for o in self.shop.orders.values() if o.get("tracking_number") == number and o["order_status"] != 1),
                None,
            )
            if order is None:
                raise PddFault(E_BUSINESS, "WAYBILL_NOT_EXIST", f"运单 {number} 不存在")
            shipped_code = next(c["code"] for c in self.companies if c["id"] == order.get("logistics_id"))
            if code != shipped_code:
                raise PddFault(E_BUSINESS, "COMPANY_NOT_MATCH", f"运单 {number} 不属于快递公司 {code}")
            self.trace_calls[number] += 1
            steps = sorted(self.routes.get(number, []), key=lambda s: s[0], reverse=True)
        trace = [
            {"status_time": china(at), "status_desc": desc, "action": action, "node_description": "",
             "time": china(at), "desc": desc}
            for at, desc, action in steps
        ]  # fmt: skip
        return {"logistics_ordertrace_get_resposne": {"trace_list": trace}}


def _sent() -> dict[str, Any]:
    return {"logistics_online_send_response": {"is_success": True}}


def _required(params: Mapping[str, str], name: str) -> str:
    value = params.get(name, "").strip()
    if not value:
        raise param_error(name, "不能为空")
    return value
