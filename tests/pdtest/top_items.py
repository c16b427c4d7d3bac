"""The seller's items on the loopback TOP gateway (tests/pdtest/top_server.py): the item methods a catalogue sync and
a stock push call, over a seeded catalogue.

    srv.items.items["5123..."]          # num_iid -> the item as the platform holds it (skus, barcodes, modified)
    srv.items.add_generated(20_000)     # a seeded catalogue of about that many SKUs (1-5 per item)
    srv.items.touch("5123...", title=…) # change an item (its `modified` moves to now)
    srv.items.pushes                    # every taobao.item.quantity.update the gateway applied, in order
    srv.items.quantity("5123...", "33395009470")

By default the gateway holds the items the trade generator sells (top_server.CATALOG: the same num_iid, sku_id,
outer ids, titles and properties the trades' sub-orders carry), so orders synced from the same gateway name SKUs
its catalogue holds. About one SKU in seven has no barcode; the others carry a valid EAN-13.

The methods, with the request and answer field names of the platform's metadata (non-simplified JSON, lists wrapped
as ``"items": {"item": [...]}`` and ``"skus": {"sku": [...]}``; a page with no items has no ``items`` key):

- taobao.items.onsale.get: `fields` (only the listing's own fields: num_iid, title, outer_id, modified, price,
  num, pic_url, approve_status, list_time...; others are ignored), `page_no`, `page_size` (1-200, default 40),
  `start_modified` / `end_modified`, `order_by` (list_time / modified / num, :asc or :desc; default list_time:desc);
  answers `items` and `total_results`. Paging past page_no*page_size = 20,000 is refused, as the platform documents.
- taobao.items.seller.list.get: `num_iids` (at most 20, comma-separated), `fields`; the SKUs come with the field
  name ``sku`` (not ``skus``, as the platform's documentation warns). Unknown ids are left out without an error.
- taobao.item.seller.get: `num_iid`, `fields`; answers ``item``.
- taobao.item.quantity.update: `num_iid`, `sku_id` (or the SKU's `outer_id`), `quantity`, `type` (1 full, the
  default; 2 incremental); full quantities must be >= 0. It sets the SKU's quantity, the item's `num` to the sum of
  its SKUs', moves both `modified` to now, records the push, and answers the item with num_iid, num, modified and
  the SKU's sku_id, quantity and modified.

Verified against the platform's published request/response models (the SDK generated from TOP's metadata, and a
recorded items.seller.list.get answer): the method names, parameters, the 20-id limit, the sku/skus naming and the
answer shapes. Not verified, marked [I]: the sub_codes of refusals (isv.item-not-exist...), whether a quantity
update moves the item's `modified`, and that an unbounded `start_modified` is accepted.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

ONSALE = "taobao.items.onsale.get"
LIST = "taobao.items.seller.list.get"
GET = "taobao.item.seller.get"
QUANTITY = "taobao.item.quantity.update"
METHODS = frozenset({ONSALE, LIST, GET, QUANTITY})
WRITES = frozenset({QUANTITY})  # what the after-apply faults and holds act on

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 40
MAX_DEPTH = 20_000  # page_no * page_size
MAX_IDS = 20
ONSALE_FIELDS = frozenset(
    {"approve_status", "num_iid", "title", "nick", "type", "cid", "pic_url", "num", "props", "valid_thru",
     "list_time", "price", "has_discount", "has_invoice", "has_warranty", "has_showcase", "modified", "delist_time",
     "postage_id", "seller_cids", "outer_id", "sold_quantity"}
)  # fmt: skip
SUB_ITEM_NOT_EXIST = "isv.item-not-exist"  # [I]
SUB_SKU_NOT_EXIST = "isv.item-quantity-item-update-service-error:SKU_NOT_EXIST"  # [I]
E_BUSINESS = 15
E_MISSING = 40
E_INVALID = 41
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


class ItemError(Exception):
    """A refusal the gateway answers as TOP's error envelope (top_server turns it into one)."""

    def __init__(self, code: int, sub_code: str, sub_msg: str) -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg


def _missing(name: str) -> ItemError:
    return ItemError(E_MISSING, "isv.missing-parameter", name)


def _invalid(why: str) -> ItemError:
    return ItemError(E_INVALID, "isv.invalid-parameter", why)


class Gateway(Protocol):
    seed: int

    def now_str(self) -> str: ...


def ean13(body12: str) -> str:
    """`body12` (12 digits) with its EAN-13 check digit (GS1: weights 1,3 from the left)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def spoiled(code: str) -> str:
    """An EAN-13 with a wrong check digit (a seller's typo)."""
    return code[:-1] + str((int(code[-1]) + 3) % 10)


def _properties(spec: str, salt: int) -> tuple[str, str]:
    """A sub-order's "name:value;..." spec as an item SKU's properties ("pid:vid;...") and properties_name
    ("pid:vid:name:value;...")."""
    props, names = [], []
    for n, part in enumerate(p for p in spec.split(";") if p):
        name, _, value = part.partition(":")
        pid, vid = 1627207 + n * 1000 + len(name), 28000 + (salt * 7 + n * 131 + sum(map(ord, value))) % 90000
        props.append(f"{pid}:{vid}")
        names.append(f"{pid}:{vid}:{name}:{value}")
    return ";".join(props), ";".join(names)


def catalog_items(products: Iterable[Mapping[str, Any]], modified: str, seed: int = 1) -> dict[str, dict[str, Any]]:
    """The items of the trade generator's catalogue (top_server.CATALOG), with barcodes on most SKUs."""
    rng = random.Random(f"{seed}:catalog-barcodes")
    items: dict[str, dict[str, Any]] = {}
    for p in products:
        skus = []
        for s in p["skus"]:
            props, names = _properties(s["sku_properties_name"], int(s["sku_id"]) % 997)
            sku: dict[str, Any] = {
                "sku_id": int(s["sku_id"]),
                "properties": props,
                "properties_name": names,
                "price": s["price_str"],
                "quantity": 100,
                "created": modified,
                "modified": modified,
                "status": "normal",
            }
            if s["outer_sku_id"]:
                sku["outer_id"] = s["outer_sku_id"]
            if rng.random() >= 1 / 7:
                sku["barcode"] = ean13("69" + s["sku_id"][-10:])
            skus.append(sku)
        items[str(p["num_iid"])] = _item(p["num_iid"], p["title"], p["outer_iid"], skus, modified)
    return items


def _item(num_iid: int, title: str, outer_id: str, skus: list[dict[str, Any]], modified: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "num_iid": num_iid,
        "title": title,
        "approve_status": "onsale",
        "type": "fixed",
        "pic_url": f"https://img.alicdn.com/bao/uploaded/i{num_iid % 4 + 1}/{num_iid}.jpg",
        "price": min((s["price"] for s in skus), key=lambda p: float(p)) if skus else "9.90",
        "num": sum(s["quantity"] for s in skus) if skus else 100,
        "list_time": modified,
        "modified": modified,
        "skus": skus,
    }
    if outer_id:
        item["outer_id"] = outer_id
    return item


_TITLES = (
    "纯棉短袖T恤", "保温杯大容量", "蓝牙耳机降噪", "儿童双肩书包", "陶瓷马克杯", "手机壳全包", "收纳置物架",
    "运动跑步鞋", "智能体脂秤", "有机绿茶", "机械键盘", "护眼台灯", "防晒霜", "牛仔裤高腰", "瑜伽垫加厚",
)  # fmt: skip
_SPECS = (("颜色", ("白色", "黑色", "灰色", "藏青", "卡其")), ("尺码", ("S", "M", "L", "XL", "XXL")))


@dataclass
class Generated:
    """What `add_generated` made: its items and SKUs, and the barcodes it meant to be refused."""

    items: int = 0
    skus: int = 0
    without_barcode: int = 0
    bad_barcodes: int = 0
    clashing_barcodes: int = 0


class TopItems:
    """The item methods over one gateway's catalogue; every public method runs under the gateway's lock (the caller
    holds it), except the set-up helpers, which the test calls before traffic or under `srv._lock` itself."""

    def __init__(self, gateway: Gateway, products: Iterable[Mapping[str, Any]] = ()) -> None:
        self.gateway = gateway
        listed = (datetime.strptime(gateway.now_str(), TIME_FORMAT) - timedelta(days=1)).strftime(TIME_FORMAT)
        self.items: dict[str, dict[str, Any]] = catalog_items(products, listed, gateway.seed)
        self.pushes: list[dict[str, Any]] = []
        self.detail_calls: list[list[str]] = []  # the num_iids of each seller.list.get / seller.get call
        self._version = 0
        self._sorted: dict[str, tuple[int, list[str]]] = {}

    # ---- set-up and assertions

    def clear(self) -> None:
        self.items.clear()
        self._version += 1

    def add_generated(self, skus: int, *, seed: int = 1, days: int = 30) -> Generated:
        """About `skus` SKUs in items of 1-5 SKUs, modified over the last `days` days: 80% with a unique valid
        EAN-13, 12% without a barcode, 5% with a wrong check digit, 3% with another SKU's barcode."""
        rng = random.Random(f"{seed}:generated-items")
        now = datetime.strptime(self.gateway.now_str(), TIME_FORMAT)
        made = Generated()
        n = len(self.items)
        codes: list[str] = []
        while made.skus < skus:
            n += 1
            num_iid = 600_000_000_000 + seed * 10_000_000 + n
            outer = f"G{seed}-{n:06d}"
            modified = (now - timedelta(seconds=rng.randrange(60, days * 86400))).strftime(TIME_FORMAT)
            size = min(rng.randint(1, 5), skus - made.skus)
            combos = [f"颜色:{c};尺码:{s}" for c in _SPECS[0][1] for s in _SPECS[1][1]]
            item_skus = []
            for s, spec in enumerate(rng.sample(combos, size)):
                props, names = _properties(spec, n)
                sku: dict[str, Any] = {
                    "sku_id": 4_000_000_000_000 + seed * 100_000_000 + n * 10 + s,
                    "outer_id": f"{outer}-{s + 1}",
                    "properties": props,
                    "properties_name": names,
                    "price": f"{rng.randint(9, 299)}.90",
                    "quantity": rng.randint(0, 500),
                    "created": modified,
                    "modified": modified,
                    "status": "normal",
                }
                x = rng.random()
                if x < 0.80 or (x >= 0.97 and not codes):
                    code = ean13(f"69{seed % 10}{n:06d}{s:03d}"[:12])
                    codes.append(code)
                    sku["barcode"] = code
                elif x < 0.92:
                    made.without_barcode += 1
                elif x < 0.97:
                    sku["barcode"] = spoiled(ean13(f"68{seed % 10}{n:06d}{s:03d}"[:12]))
                    made.bad_barcodes += 1
                else:
                    sku["barcode"] = codes[rng.randrange(len(codes))]
                    made.clashing_barcodes += 1
                item_skus.append(sku)
            title = f"{_TITLES[n % len(_TITLES)]} {n}号"
            self.items[str(num_iid)] = _item(num_iid, title, outer, item_skus, modified)
            made.items += 1
            made.skus += size
        self._version += 1
        return made

    def touch(self, num_iid: str, **changes: Any) -> dict[str, Any]:
        """Change item `num_iid` (top-level fields) and move its `modified` to now."""
        item = self.items[num_iid]
        item.update(changes)
        item["modified"] = self.gateway.now_str()
        self._version += 1
        return item

    def touch_sku(self, num_iid: str, sku_id: int, **changes: Any) -> dict[str, Any]:
        """Change one SKU of item `num_iid` (its barcode, outer_id...) and move both `modified` to now."""
        item = self.items[num_iid]
        sku = next(s for s in item["skus"] if s["sku_id"] == sku_id)
        sku.update(changes)
        sku["modified"] = item["modified"] = self.gateway.now_str()
        self._version += 1
        return sku

    def quantity(self, num_iid: str, sku_id: int | str | None = None) -> int:
        item = self.items[num_iid]
        if sku_id in (None, ""):
            return int(item["num"])
        return int(next(s for s in item["skus"] if str(s["sku_id"]) == str(sku_id))["quantity"])

    def sku_count(self) -> int:
        return sum(max(1, len(i["skus"])) for i in self.items.values())

    # ---- the methods

    def handle(self, method: str, params: dict[str, str]) -> dict[str, Any]:
        """The answer object of `method` (under its ``..._response`` root, without request_id)."""
        if method == ONSALE:
            return self._onsale(params)
        if method == LIST:
            return self._list(params)
        if method == GET:
            return self._get(params)
        return self._quantity(params)

    def _onsale(self, params: dict[str, str]) -> dict[str, Any]:
        wanted = _fields(params) & ONSALE_FIELDS
        page_no = _int(params, "page_no", 1, 1)
        page_size = _int(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        if page_no * page_size > MAX_DEPTH:
            raise _invalid(f"page_no*page_size must not exceed {MAX_DEPTH}: narrow the query by modified time")
        lo = _time(params, "start_modified") or ""
        hi = _time(params, "end_modified") or "9999"
        ids = [i for i in self._ordered(params.get("order_by", "") or "list_time:desc")
               if lo <= self.items[i]["modified"] <= hi and self.items[i]["approve_status"] == "onsale"]  # fmt: skip
        start = (page_no - 1) * page_size
        page = [{k: v for k, v in self.items[i].items() if k in wanted} for i in ids[start : start + page_size]]
        body: dict[str, Any] = {"total_results": len(ids)}
        if page:
            body["items"] = {"item": page}
        return body

    def _ordered(self, order_by: str) -> list[str]:
        column, _, direction = order_by.partition(":")
        if column not in ("list_time", "modified", "num", "delist_time", "sold_quantity") or direction not in (
            "asc",
            "desc",
        ):
            raise _invalid(f"order_by {order_by} is not column:asc or column:desc")
        hit = self._sorted.get(order_by)
        if hit is not None and hit[0] == self._version:
            return hit[1]
        key = column if column in ("list_time", "modified", "num") else "list_time"
        ids = sorted(self.items, key=lambda i: (self.items[i][key], int(i)), reverse=direction == "desc")
        self._sorted[order_by] = (self._version, ids)
        return ids

    def _list(self, params: dict[str, str]) -> dict[str, Any]:
        wanted = _fields(params)
        raw = params.get("num_iids", "").strip()
        if not raw:
            raise _missing("num_iids")
        ids = [i.strip() for i in raw.split(",") if i.strip()]
        if len(ids) > MAX_IDS:
            raise _invalid(f"num_iids holds {len(ids)} ids; at most {MAX_IDS}")
        if not all(i.isdigit() for i in ids):
            raise _invalid("num_iids must be numbers")
        self.detail_calls.append(ids)
        found = [_render(self.items[i], wanted) for i in dict.fromkeys(ids) if i in self.items]
        return {"items": {"item": found}} if found else {}

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        wanted = _fields(params)
        num_iid = self._num_iid(params)
        self.detail_calls.append([num_iid])
        return {"item": _render(self.items[num_iid], wanted)}

    def _num_iid(self, params: dict[str, str]) -> str:
        num_iid = params.get("num_iid", "").strip()
        if not num_iid:
            raise _missing("num_iid")
        if not num_iid.isdigit():
            raise _invalid("num_iid must be a number")
        if num_iid not in self.items:
            raise ItemError(E_BUSINESS, SUB_ITEM_NOT_EXIST, f"商品不存在 (item {num_iid} does not exist)")
        return num_iid

    def _quantity(self, params: dict[str, str]) -> dict[str, Any]:
        num_iid = self._num_iid(params)
        item = self.items[num_iid]
        raw = params.get("quantity", "").strip()
        if not raw:
            raise _missing("quantity")
        try:
            quantity = int(raw)
        except ValueError:
            raise _invalid("quantity must be a whole number") from None
        kind = params.get("type", "").strip() or "1"
        if kind not in ("1", "2"):
            raise _invalid("type must be 1 (full) or 2 (incremental)")
        if kind == "1" and quantity < 0:
            raise _invalid("a full quantity must be 0 or more")
        sku_id, outer_id = params.get("sku_id", "").strip(), params.get("outer_id", "").strip()
        sku = None
        if sku_id or outer_id:
            for s in item["skus"]:
                if (sku_id and str(s["sku_id"]) == sku_id) or (not sku_id and s.get("outer_id") == outer_id):
                    sku = s
                    break
            if sku is None:
                raise ItemError(E_BUSINESS, SUB_SKU_NOT_EXIST, f"SKU {sku_id or outer_id} is not a SKU of {num_iid}")
        elif item["skus"]:
            raise _invalid("this item has SKUs: name the sku_id whose quantity to set")
        holder = sku if sku is not None else item
        current = int(holder["quantity"] if sku is not None else item["num"])
        new = quantity if kind == "1" else current + quantity
        if new < 0:
            raise ItemError(E_BUSINESS, "isv.item-quantity-invalid", "the quantity would fall below 0")
        now = self.gateway.now_str()
        if sku is not None:
            sku["quantity"] = new
            sku["modified"] = now
            item["num"] = sum(int(s["quantity"]) for s in item["skus"])
        else:
            item["num"] = new
        item["modified"] = now  # [I]: whether a stock change moves the item's modified is not verified
        self._version += 1
        self.pushes.append({"num_iid": num_iid, "sku_id": sku_id, "quantity": quantity, "type": int(kind)})
        answer: dict[str, Any] = {"iid": num_iid, "num_iid": int(num_iid), "num": item["num"], "modified": now}
        if sku is not None:
            answer["skus"] = {"sku": [{"sku_id": sku["sku_id"], "quantity": new, "modified": now}]}
        return {"item": answer}


def _render(item: Mapping[str, Any], wanted: frozenset[str]) -> dict[str, Any]:
    out = {k: v for k, v in item.items() if k in wanted and k != "skus"}
    if "sku" in wanted and item["skus"]:
        out["skus"] = {"sku": [dict(s) for s in item["skus"]]}
    return out


def _fields(params: Mapping[str, str]) -> frozenset[str]:
    raw = params.get("fields", "")
    if not raw.strip():
        raise _missing("fields")
    return frozenset(f.strip() for f in raw.split(",") if f.strip())


def _int(params: Mapping[str, str], name: str, default: int, lo: int, hi: int | None = None) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(f"{name} must be an integer") from None
    if value < lo or (hi is not None and value > hi):
        raise _invalid(f"{name} must be between {lo} and {hi}" if hi else f"{name} must be >= {lo}")
    return value


def _time(params: Mapping[str, str], name: str) -> str | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        return datetime.strptime(raw, TIME_FORMAT).strftime(TIME_FORMAT)
    except ValueError:
        raise _invalid(f"{name} must be yyyy-MM-dd HH:mm:ss") from None
