"""A Pinduoduo shop's orders on the test gateway (tests/pdtest/pdd_server.py): the order and after-sale APIs with
PDD's rules, encrypted receivers, and the ways a real shop changes while a client pages.

    with PddServer(clock=clock) as srv:
        shop = PddShop(srv, n_orders=300, seed=3)     # registers its APIs on srv
        shop.faults.mutate_between_pages = 0.3         # after a listing page: an order changes (or a new one comes)
        shop.refund(order_sn)                          # the buyer asks for a refund (the order's updated_at stays)
        shop.change_address(order_sn)                  # a new receiver: new ciphertexts and masks
        shop.place(order_sn, name="张三", items=(("1001", "PDD-MUG", 1),))  # an order of a given receiver and SKUs
        shop.ship(order_sn, 85, "YT7000000000001")      # shipped (in the seller centre, or by online.send)
        shop.awaiting()                                # what PackDesk should hold as waiting to ship
        shop.plaintexts()                              # every receiver's real name, phone and street

APIs (field names of lywzx/pdd-node-sdk, generated from PDD's documentation):
- `pdd.time.get` -> time_get_response {time}: the server's clock (China time).
- `pdd.order.list.get` (start_confirm_at/end_confirm_at, at most 24 hours apart; order_status, refund_status, page,
  page_size <= 100) -> order_list_get_response {total_count, order_list}, by confirm time, oldest first [I].
- `pdd.order.number.list.increment.get` (start_updated_at/end_updated_at, at most 30 minutes apart) ->
  order_sn_increment_get_response {total_count, has_next, order_sn_list}, by updated_at, oldest first [I]. An order
  written at T is listed only from T + lag on (drawn per change between half `shop.lag_s` and all of it): PDD's own
  index lag, why its
  documentation asks to stay 3 minutes behind its clock.
- `pdd.order.information.get` (order_sn) -> order_info_get_response {order_info}; an unknown number answers 50001
  ORDER_NOT_EXIST.
- `pdd.refund.list.increment.get` (start/end_updated_at, at most 30 minutes; after_sales_status, after_sales_type) ->
  refund_increment_get_response {total_count, refund_list}.

Receivers: `receiver_name`, `receiver_phone`, `receiver_address` and `address` are ciphertext ("~" + base64 + "~"
+ a tag + "~1~~", deterministic per shop secret and value, as PDD's searchable ciphertexts are [I]) while the order
awaits shipment and is not under risk control, else ""; the `*_mask` fields are always there. `decrypt(text)` gives
the plaintext back, and the server's `ciphers` say which orders' receivers a ciphertext given out belongs to: the
ship-back and decryption APIs of tests/pdtest/pdd_logistics.py and the e-waybill desk read them.
"""

from __future__ import annotations

import base64
import hashlib
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from tests.pdtest.pdd_server import E_BUSINESS, PddFault, param_error

if TYPE_CHECKING:
    from tests.pdtest.pdd_server import PddServer

CHINA = timezone(timedelta(hours=8))
MAX_INCREMENT_S = 30 * 60
MAX_LIST_S = 24 * 3600
MAX_PAGE_SIZE = 100
_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂"
_PLACES = (
    ("上海", "上海市", "杨浦区", "平凉路"), ("北京", "北京市", "朝阳区", "阜通东大街"),
    ("浙江省", "杭州市", "余杭区", "文一西路"), ("广东省", "深圳市", "南山区", "科技南路"),
    ("四川省", "成都市", "武侯区", "玉林南路"), ("湖北省", "武汉市", "洪山区", "珞喻路"),
)  # fmt: skip
_GOODS = tuple(
    {
        "goods_id": 300_000_000 + g,
        "goods_name": name,
        "outer_goods_id": f"PG{g:03d}",
        # (sku_id, outer_id ("" = the seller set none), spec)
        "skus": [
            (700_000_000_000 + g * 10 + k, f"PG{g:03d}-{k}" if (g + k) % 7 else "", spec)
            for k, spec in enumerate(specs)
        ],
    }
    for g, (name, specs) in enumerate(
        (
            ("加厚保暖珊瑚绒睡衣套装", ("粉色,L", "粉色,XL", "灰色,L")), ("家用304不锈钢炒锅", ("32cm", "34cm")),
            ("宠物冻干猫粮", ("500g", "1kg")), ("儿童保温水杯", ("蓝色", "粉色")), ("车载手机支架", ("标准款",)),
            ("洗脸巾一次性", ("3包", "6包")), ("运动速干T恤", ("黑色,M", "白色,L")), ("陶瓷马克杯", ("白色",)),
        )
    )
)  # fmt: skip


def china(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class OrderFaults:
    mutate_between_pages: float = 0.0  # after a listing page, one order changes (or a new one comes)


class PddShop:
    """One PDD shop's orders and after-sales on `srv` (see the module docstring)."""

    def __init__(
        self, srv: PddServer, n_orders: int = 300, *, seed: int = 1, lag_s: float = 0.0, days: float = 10
    ) -> None:
        """`n_orders` confirmed over the last `days` (at least ten minutes ago)."""
        self.srv, self.seed, self.lag_s, self.days = srv, seed, lag_s, days
        self.rng = random.Random(f"pdd-orders:{seed}")
        self.faults = OrderFaults()
        self.injected: Counter[str] = Counter()
        self.orders: dict[str, dict[str, Any]] = {}
        self.plain: dict[str, dict[str, str]] = {}  # order_sn -> the receiver's real name, phone, street
        self.visible: dict[str, float] = {}  # order_sn -> when the increment index lists its last change
        self.refunds: list[dict[str, Any]] = []
        self._serial = 0
        self._past: set[str] = set()  # receivers replaced by a change of address
        self._version = 0  # bumped by every change: listings are cached until the next one
        self._listings: dict[tuple[Any, ...], list[str]] = {}
        self._ciphers: dict[str, str] = {}
        now = srv.clock()
        for _ in range(n_orders):
            self._add(now, fresh=False)
        for name, handler in (
            ("pdd.time.get", self._time),
            ("pdd.order.list.get", self._list),
            ("pdd.order.number.list.increment.get", self._increment),
            ("pdd.order.information.get", self._information),
            ("pdd.refund.list.increment.get", self._refund_list),
        ):
            srv.route(name, handler)

    # ---- the world

    def _add(self, now: datetime, *, fresh: bool) -> dict[str, Any]:
        r = self.rng
        self._serial += 1
        confirmed = now - timedelta(
            seconds=r.randrange(0, 60) if fresh else r.randrange(600, max(601, int(self.days * 86400)))
        )
        sn = f"{confirmed.astimezone(CHINA):%y%m%d}-{self.seed % 1000:03d}{self._serial:06d}{r.randrange(10**5):05d}"
        x = r.random()
        order_status, refund_status, after = (1, 1, 0)
        if not fresh and x >= 0.72:
            order_status, refund_status, after = (
                (2, 1, 0) if x < 0.84 else (3, 1, 0) if x < 0.9 else (1, 3, 2) if x < 0.94 else (1, 4, 10)
            )
        items = []
        for _ in range(1 if r.random() < 0.7 else r.randrange(2, 4)):
            goods = _GOODS[r.randrange(len(_GOODS))]
            sku_id, outer_id, spec = goods["skus"][r.randrange(len(goods["skus"]))]
            items.append(
                {"goods_id": goods["goods_id"], "sku_id": sku_id, "goods_name": goods["goods_name"],
                 "goods_spec": spec, "goods_count": 1 if r.random() < 0.85 else 2, "outer_id": outer_id,
                 "outer_goods_id": goods["outer_goods_id"], "goods_price": f"{r.randrange(990, 9990) / 100:.2f}",
                 "goods_img": f"https://img.pddpic.com/goods/{goods['goods_id']}.jpeg"}
            )  # fmt: skip
        fields = {
            "order_status": order_status, "refund_status": refund_status, "after_sales_status": after,
            "risk_control_status": 1 if r.random() < 0.02 else 0, "buyer_memo": "尽快发货" if r.random() < 0.2 else "",
            "remark_tag": r.randrange(1, 6) if r.random() < 0.2 else 0,
        }  # fmt: skip
        return self._put(sn, confirmed, items, None, fields)

    def _put(
        self,
        sn: str,
        confirmed: datetime,
        items: list[dict[str, Any]],
        receiver: tuple[str, str, str, str, str, str] | None,
        fields: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Stores order `sn` (waiting to ship unless `fields` say otherwise) with its receiver (drawn when None)."""
        amount = sum(float(i["goods_price"]) * i["goods_count"] for i in items)
        order = {
            "order_sn": sn, "order_status": 1, "refund_status": 1, "after_sales_status": 0, "confirm_status": 1,
            "risk_control_status": 0, "confirm_time": china(confirmed), "pay_time": china(confirmed),
            "created_time": china(confirmed), "last_ship_time": china(confirmed + timedelta(hours=48)),
            "updated_at": china(confirmed), "item_list": items, "buyer_memo": "", "remark": "", "remark_tag": 0,
            "pay_amount": f"{amount:.2f}", "postage": "0.00", "is_lucky_flag": 1, **fields,
        }  # fmt: skip
        self.orders[sn] = order
        self._new_receiver(sn, receiver)
        self._touch(sn, confirmed)
        return order

    def _new_receiver(self, sn: str, given: tuple[str, str, str, str, str, str] | None = None) -> None:
        """A receiver for order `sn`: `given` (province, city, town, name, phone, street) or one drawn."""
        if given is None:
            r = self.rng
            province, city, town, road = _PLACES[r.randrange(len(_PLACES))]
            name = _SURNAMES[r.randrange(len(_SURNAMES))] + "".join(_GIVEN[r.randrange(len(_GIVEN))] for _ in range(2))
            phone = f"1{r.choice('3589')}{r.randrange(10**9):09d}"
            street = f"{road}{r.randrange(1, 999)}号{r.randrange(1, 30)}栋{r.randrange(101, 2999)}室"
        else:
            province, city, town, name, phone, street = given
            road = street[:2]
        self.plain[sn] = {"name": name, "phone": phone, "street": street}
        order = self.orders[sn]
        order.update(province=province, city=city, town=town)
        order.update(
            receiver_name_mask=name[0] + "*" * (len(name) - 1),
            receiver_phone_mask=f"{phone[:3]}****{phone[-4:]}",
            receiver_address_mask=road + "*" * 6,
            address_mask=f"{province}{city}{town}{road}" + "*" * 6,
        )

    def _touch(self, sn: str, when: datetime) -> None:
        self._version += 1
        self.orders[sn]["updated_at"] = china(when)
        lag = self.rng.uniform(0.5, 1.0) * self.lag_s if self.lag_s else 0.0
        self.visible[sn] = when.timestamp() + lag

    def encrypt(self, text: str) -> str:
        known = self._ciphers.get(text)
        if known is not None:
            return known
        key = hashlib.sha256(f"{self.srv.client_secret}:{self.seed}".encode()).digest()
        raw = text.encode("utf-8")
        sealed = bytes(b ^ key[i % len(key)] for i, b in enumerate(raw))
        tag = hashlib.md5(raw).hexdigest()[:4]
        body = base64.b64encode(bytes([2]) + sealed).decode()
        self._ciphers[text] = cipher = f"~{body}~{tag}~1~~"
        return cipher

    def decrypt(self, text: str) -> str:
        key = hashlib.sha256(f"{self.srv.client_secret}:{self.seed}".encode()).digest()
        sealed = base64.b64decode(text.split("~")[1])[1:]
        return bytes(b ^ key[i % len(key)] for i, b in enumerate(sealed)).decode("utf-8")

    def plaintexts(self) -> set[str]:
        """Every receiver's real name, phone number and street, past ones included."""
        return {value for receiver in self.plain.values() for value in receiver.values()} | self._past

    def awaiting(self) -> set[str]:
        """The orders PackDesk should hold as open or held: awaiting shipment, confirmed, not refunded."""
        return {
            sn for sn, o in self.orders.items()
            if o["order_status"] == 1 and o["confirm_status"] == 1 and o["refund_status"] != 4
        }  # fmt: skip

    # ---- changes, as the platform makes them (call under srv.lock when calls run)

    def add_order(self) -> str:
        with self.srv.lock:
            return self._add(self.srv.clock(), fresh=True)["order_sn"]

    def place(
        self,
        sn: str,
        *,
        name: str = "张三",
        phone: str = "13800138000",
        address: str = "文一西路969号",
        province: str = "浙江省",
        city: str = "杭州市",
        town: str = "西湖区",
        items: tuple[tuple[str, str, int], ...] = (("1001", "PDD-SKU-1", 1),),
        **fields: Any,
    ) -> dict[str, Any]:
        """Order `sn` confirmed a minute ago and waiting to ship (`fields` override), to the receiver given (its
        street as `address`); `items`: (sku_id, outer_id, count), each at 19.90."""
        lines = [
            {"goods_id": 9000 + n, "sku_id": sku_id, "goods_name": f"商品{n}", "goods_spec": "默认",
             "goods_count": count, "outer_id": outer, "goods_price": "19.90", "goods_img": ""}
            for n, (sku_id, outer, count) in enumerate(items, 1)
        ]  # fmt: skip
        with self.srv.lock:
            confirmed = self.srv.clock() - timedelta(minutes=1)
            return self._put(sn, confirmed, lines, (province, city, town, name, phone, address), fields)

    def ship(self, sn: str, logistics_id: int, tracking_number: str) -> None:
        """The order ships with `tracking_number` of carrier `logistics_id` (PDD's id)."""
        with self.srv.lock:
            now = self.srv.clock()
            self.orders[sn].update(
                order_status=2, tracking_number=tracking_number, logistics_id=logistics_id, shipping_time=china(now)
            )
            self._touch(sn, now)

    def refund(
        self,
        sn: str,
        *,
        done: bool = False,
        after_sales_status: int = 2,
        refund_status: int = 2,
        touch: bool = False,
    ) -> None:
        """The buyer asks for a refund (`done`: refunded, after_sales_status=10 and refund_status=4). The order's
        updated_at stays unless `touch` [I]: only the after-sale listing tells."""
        if done:
            after_sales_status, refund_status = 10, 4
        with self.srv.lock:
            now = self.srv.clock()
            order = self.orders[sn]
            order.update(refund_status=refund_status, after_sales_status=after_sales_status)
            self._version += 1
            if touch:
                self._touch(sn, now)
            self.refunds.append(
                {"id": 9_000_000 + len(self.refunds), "order_sn": sn, "after_sales_status": after_sales_status,
                 "after_sales_type": 2, "updated_time": china(now), "goods_id": order["item_list"][0]["goods_id"],
                 "refund_amount": order["pay_amount"]}
            )  # fmt: skip

    def change_address(self, sn: str) -> None:
        with self.srv.lock:
            self._past = self._past | set(self.plain[sn].values())
            self._new_receiver(sn)
            self._touch(sn, self.srv.clock())

    def modify(self, sn: str, **changes: Any) -> None:
        with self.srv.lock:
            self.orders[sn].update(changes)
            self._touch(sn, self.srv.clock())

    def _mutate(self) -> None:
        """One change while a client pages (called under the lock after a listing page)."""
        rng = random.Random(f"{self.seed}:mutate:{sum(self.injected.values())}")
        x = rng.random()
        open_sns = sorted(self.awaiting())
        if x < 0.25 or not open_sns:
            self._add(self.srv.clock(), fresh=True)
            self.injected["new_order"] += 1
            return
        sn = open_sns[rng.randrange(len(open_sns))]
        if x < 0.45:
            self.modify(sn, remark=self.orders[sn]["remark"] + "已联系")
            self.injected["memo"] += 1
        elif x < 0.65:
            self.refund(sn)
            self.injected["refund"] += 1
        elif x < 0.85:
            self.change_address(sn)
            self.injected["address"] += 1
        else:
            self.ship(sn, 85, f"YT{rng.randrange(10**12, 10**13)}")
            self.injected["shipped"] += 1

    # ---- answers

    def answer(self, sn: str) -> dict[str, Any]:
        """Order `sn` as PDD's order APIs answer it now (its receiver as ciphertexts while it can ship)."""
        with self.srv.lock:
            return self._render(sn)

    def _render(self, sn: str) -> dict[str, Any]:
        order = dict(self.orders[sn])
        readable = order["order_status"] == 1 and not order["risk_control_status"]
        plain = self.plain[sn]
        full = f"{order['province']}{order['city']}{order['town']}{plain['street']}"
        for field, value in (("receiver_name", plain["name"]), ("receiver_phone", plain["phone"]),
                             ("receiver_address", plain["street"]), ("address", full)):  # fmt: skip
            order[field] = self.encrypt(value) if readable else ""
            if order[field]:  # given out: PDD decrypts it for this order from now on
                self.srv.ciphers.setdefault(order[field], set()).add(sn)
        return order

    def _time(self, params: Mapping[str, str]) -> dict[str, Any]:
        return {"time_get_response": {"time": china(self.srv.clock())}}

    def _list(self, params: Mapping[str, str]) -> dict[str, Any]:
        lo, hi = _span(params, "start_confirm_at", "end_confirm_at", MAX_LIST_S)
        status, refund = _int(params, "order_status", 5), _int(params, "refund_status", 5)
        with self.srv.lock:
            key = ("list", lo, hi, status, refund, self._version)
            if key not in self._listings:
                rows = sorted(
                    (o["confirm_time"], sn) for sn, o in self.orders.items()
                    if lo <= o["confirm_time"] <= hi and _status_fits(o, status, refund)
                )  # fmt: skip
                self._listings = {key: [sn for _, sn in rows]}  # one listing is paged at a time
            return self._page(params, self._listings[key], "order_list_get_response", "order_list")

    def _increment(self, params: Mapping[str, str]) -> dict[str, Any]:
        lo, hi = _span(params, "start_updated_at", "end_updated_at", MAX_INCREMENT_S)
        status, refund = _int(params, "order_status", 5), _int(params, "refund_status", 5)
        with self.srv.lock:
            now = self.srv.clock().timestamp()
            rows = sorted(
                (o["updated_at"], sn) for sn, o in self.orders.items()
                if lo <= o["updated_at"] <= hi and self.visible[sn] <= now and _status_fits(o, status, refund)
            )  # fmt: skip
            return self._page(params, [sn for _, sn in rows], "order_sn_increment_get_response", "order_sn_list")

    def _page(self, params: Mapping[str, str], sns: list[str], root: str, key: str) -> dict[str, Any]:
        page, size = _int(params, "page", 1), _int(params, "page_size", MAX_PAGE_SIZE)
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise param_error("page_size" if page >= 1 else "page", "超出范围")
        rows = [self._render(sn) for sn in sns[(page - 1) * size : page * size]]
        body = {"total_count": len(sns), "has_next": page * size < len(sns), key: rows}
        if self.srv.chance("mutate_between_pages", self.faults.mutate_between_pages):
            self._mutate()
        return {root: body}

    def _information(self, params: Mapping[str, str]) -> dict[str, Any]:
        sn = params.get("order_sn", "")
        if not sn:
            raise param_error("order_sn", "不能为空")
        with self.srv.lock:
            if sn not in self.orders:
                raise PddFault(E_BUSINESS, "ORDER_NOT_EXIST", f"订单不存在: {sn}")
            return {"order_info_get_response": {"order_info": self._render(sn)}}

    def _refund_list(self, params: Mapping[str, str]) -> dict[str, Any]:
        lo, hi = _span(params, "start_updated_at", "end_updated_at", MAX_INCREMENT_S)
        for name in ("after_sales_status", "after_sales_type"):
            if not params.get(name, "").isdigit():
                raise param_error(name, "必填")
        with self.srv.lock:
            rows = sorted((r["updated_time"], r["id"], r) for r in self.refunds if lo <= r["updated_time"] <= hi)
            page, size = _int(params, "page", 1), _int(params, "page_size", MAX_PAGE_SIZE)
            chosen = [dict(r) for _, _, r in rows[(page - 1) * size : page * size]]
            return {"refund_increment_get_response": {"total_count": len(rows), "refund_list": chosen}}


def _int(params: Mapping[str, str], name: str, default: int) -> int:
    raw = params.get(name, "")
    if not raw:
        return default
    if not raw.lstrip("-").isdigit():
        raise param_error(name, "应为整数")
    return int(raw)


def _span(params: Mapping[str, str], start: str, end: str, most_s: int) -> tuple[str, str]:
    """The [start, end] of a listing as China-time texts (comparable as strings), after PDD's checks."""
    lo, hi = _int(params, start, -1), _int(params, end, -1)
    if lo < 0 or hi < 0:
        raise param_error(start if lo < 0 else end, "必填")
    if hi < lo:
        raise param_error(end, "结束时间不能早于开始时间")
    if hi - lo > most_s:
        raise param_error(end, f"时间间隔不能超过{most_s // 60}分钟")
    return china(datetime.fromtimestamp(lo, CHINA)), china(datetime.fromtimestamp(hi, CHINA))


def _status_fits(order: Mapping[str, Any], status: int, refund: int) -> bool:
    return (status == 5 or order["order_status"] == status) and (refund == 5 or order["refund_status"] == refund)
