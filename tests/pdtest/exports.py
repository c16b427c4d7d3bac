"""Seller-centre export files for the import tests: Taobao order + item reports, a Pinduoduo and a JD export.

Everything comes from one `random.Random(seed)` and a fixed anchor time, so a seed always writes the same bytes. Each
writer injects the quirks of shared/reference/platforms.md §2 at known orders (see the `TB_*`, `PDD_*` and `JD_*`
indexes) and returns an `ExportSet`: what a correct importer makes of the files, i.e. the orders it imports with every
field, the orders it skips as unpaid, and each rejected row with its Excel row number and a keyword of its reason.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from app.demo.geo import COMPOUNDS, PROVINCES, STREETS
from app.domain.masking import mask_name, mask_phone
from app.domain.orders import CHINA_TZ, DEFAULT_SHIP_WITHIN

ANCHOR = datetime(2026, 5, 31, 4, 0, tzinfo=UTC)  # 12:00 China time: the moment the seller clicked "export"
EXCEL_EPOCH = datetime(1899, 12, 30)

# (merchant code, title, price, spec)
CATALOGUE = (
    ("TEE-01", "纯棉圆领短袖T恤", "59.00", "颜色分类:白色;尺码:L"),
    ("TEE-02", "纯棉圆领短袖T恤", "59.00", "颜色分类:黑色;尺码:XL"),
    ("MUG-03", "陶瓷马克杯 350ml", "29.90", "颜色分类:豆绿"),
    ("BOTTLE-01", "316不锈钢保温杯 500ml", "89.00", "颜色分类:曜石黑"),
    ("TOWEL-02", "长绒棉毛巾 三条装", "39.90", "颜色分类:粉白黄"),
    ("CABLE-04", "Type-C 快充数据线 1.5m", "15.90", "颜色分类:编织红"),
    ("LAMP-01", "LED护眼台灯", "159.00", "颜色分类:白色"),
    ("TEA-02", "明前龙井 罐装 100g", "128.00", "等级:特级"),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


@dataclass(frozen=True)
class Line:
    line_no: str
    sku: str
    title: str
    qty: int
    price: Decimal
    spec: str = ""
    refund: str = "none"


@dataclass(frozen=True)
class Order:
    """An order as the cache must hold it after the import."""

    order_no: str
    status: str
    total: Decimal
    paid_at: datetime
    deadline: datetime
    lines: tuple[Line, ...]
    buyer_nick: str = ""
    name: str = ""
    phone: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    detail: str = ""
    message: str = ""
    memo: str = ""
    flag: int = 0


@dataclass(frozen=True)
class Rejected:
    file: str  # the file's name
    row: int  # as Excel numbers it: the header is row 1
    keyword: str  # a piece of the reason


@dataclass
class ExportSet:
    platform: str
    files: list[Path] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # file name -> format
    rows: dict[str, int] = field(default_factory=dict)  # file name -> data rows (blank rows left out)
    skipped: dict[str, int] = field(default_factory=dict)  # file name -> unpaid orders
    orders: dict[str, Order] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)


class _Sheet:
    """Rows of one CSV, numbered as Excel shows them."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.records: list[list[str]] = []

    @property
    def next_row(self) -> int:
        return len(self.records) + 2

    def add(self, values: dict[str, str]) -> int:
        """Appends a row (`values` by header name, stripped names accepted); returns its row number."""
        by_name = {name.strip(): value for name, value in values.items()}
        unknown = set(by_name) - {h.strip() for h in self.header}
        assert not unknown, f"not in the header: {unknown}"
        row = self.next_row
        self.records.append([by_name.get(h.strip(), "") for h in self.header])
        return row

    def blank(self) -> None:
        self.records.append([])

    def write(self, path: Path, encoding: str) -> int:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(self.header)
        writer.writerows(self.records)
        path.write_bytes(buf.getvalue().encode(encoding))
        return sum(1 for r in self.records if any(r))


class _People:
    """Buyers, receivers and addresses from one random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def digits(self, n: int) -> str:
        return str(self.rng.randint(1, 9)) + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def receiver(self) -> tuple[str, str, str, str, str, str]:
        """(masked name, masked phone, province, city, district, detail)."""
        rng = self.rng
        province = rng.choice([p for p in PROVINCES if PROVINCES[p][0][0]])
        city, _prefix, districts, _centre = rng.choice([c for c in PROVINCES[province] if c[0]])
        detail = f"{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.choice(COMPOUNDS)}{rng.randint(1, 30)}栋"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = "1" + rng.choice("3456789") + self.digits(9)
        return mask_name(name), mask_phone(phone), province, city, rng.choice(districts), detail

    def paid(self) -> datetime:
        return ANCHOR - timedelta(seconds=self.rng.randint(600, 60 * 3600))

    def items(self, n: int) -> list[tuple[str, str, Decimal, str, int]]:
        picked = self.rng.sample(CATALOGUE, n)
        return [(sku, title, Decimal(price), spec, self.rng.randint(1, 3)) for sku, title, price, spec in picked]


def china(when: datetime) -> str:
    return when.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")


def excel_slashes(when: datetime) -> str:
    """How Excel re-saves a time: 2026/5/31 9:05 (no seconds)."""
    local = when.astimezone(CHINA_TZ)
    return f"{local.year}/{local.month}/{local.day} {local.hour}:{local.minute:02d}"


def excel_serial(when: datetime) -> str:
    local = when.astimezone(CHINA_TZ).replace(tzinfo=None)
    return f"{(local - EXCEL_EPOCH).total_seconds() / 86400:.10f}"


def money(value: Decimal) -> str:
    return f"{value:.2f}"


# -- Taobao -----------------------------------------------------------------------------------------------------------

TAOBAO_ORDER_HEADER = [
    "订单编号", "买家会员名", "买家支付宝账号", "支付交易号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额",
    "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式",
    "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司",
    "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头",
    "是否手机订单", "分阶段订单信息", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣",
    "集分宝抵扣", "是否是O2O交易", "买家姓名", "买家身份证号", "买家手机号",
]  # fmt: skip
TAOBAO_ITEM_HEADER = [
    "订单编号",
    "标题",
    "价格",
    "购买数量",
    "外部系统编号",
    "商品属性",
    "套餐信息",
    "备注",
    "订单状态",
    "商家编码",
]
TAOBAO_SUB_ORDER_HEADER = [
    "子订单编号", "主订单编号", "商品标题", "商品属性", "商家编码", "外部系统编号", "购买数量", "价格", "订单状态",
    "退款状态", "物流单号", "物流公司",
]  # fmt: skip

# Which order carries which quirk (index in the order report).
TB_WRAPPED = 0  # ="…" around the order number; full-width comma in the status
TB_TAB = 1  # leading tab; half-width comma; a buyer message over two lines; three lines, one with a refund open
TB_QUOTE = 2  # leading ' on the order number; pay time as Excel re-saves it (2026/5/31 9:05)
TB_SERIAL = 3  # pay time as an Excel serial number
TB_UNPAID = 4  # 等待买家付款: skipped
TB_CLOSED = 5  # 交易关闭
TB_SHIPPED = 6  # 卖家已发货，等待买家确认
TB_DONE = 7  # 交易成功
TB_SCIENTIFIC = 8  # 5.11861E+18 in both reports: every row rejected
TB_BAD_AMOUNT = 9  # 买家实际支付金额 "12..50": order row rejected (its item rows are then left alone)
TB_BAD_DATE = 10  # 订单付款时间 "2026-13-45 25:61:00": rejected
TB_CHANGED_ADDRESS = 11  # 修改后的收货地址 wins over 收货地址
TB_MUNICIPALITY = 12  # 上海 上海市 浦东新区 …
TB_YUAN = 13  # "￥1,234.50"
TB_NO_QTY = 14  # two lines, the first without 购买数量: that row rejected, the order imports with line -2
TB_NO_GOOD_LINE = 15  # its only item row has neither title nor merchant code: both rows rejected
TB_NO_ITEMS = 16  # no item rows at all: order row rejected
TB_LINE_CLOSED = 17  # two lines, the second 交易关闭: refunded
TB_SKU_FALLBACK = 18  # 商家编码 empty -> 外部系统编号; both empty -> the title
TB_UNKNOWN_STATUS = 19  # 风控审核中: rejected
TB_BAD_CREATED = 20  # 订单创建时间 "2026-02-30 25:61:00" (a column the import does not need): rejected
TB_HUGE_AMOUNT = 21  # 买家实际支付金额 "1E+30": rejected
TB_HUGE_QTY = 22  # its only item row's 购买数量 is 99999999999999999999: both rows rejected
TB_ORDERS = 26


def write_taobao(directory: Path, *, seed: int = 7, encoding: str = "gbk", sub_orders: bool = False) -> ExportSet:
    """The order report and the item report of one Taobao export.

    Args:
        encoding: "gbk" (legacy) or "utf-8-sig".
        sub_orders: write the newer item report (子订单编号, 主订单编号, 商品标题 … 退款状态) instead of the legacy one.
    """
    rng = random.Random(seed)
    people = _People(rng)
    yen = "￥" if encoding == "gbk" else "¥"
    orders_sheet = _Sheet(TAOBAO_ORDER_HEADER)
    items_sheet = _Sheet(TAOBAO_SUB_ORDER_HEADER if sub_orders else TAOBAO_ITEM_HEADER)
    tag = "utf8" if encoding.startswith("utf") else encoding
    orders_path = directory / f"ExportOrderList{seed}-{tag}.csv"
    items_path = directory / f"ExportOrderDetailList{seed}-{tag}.csv"
    result = ExportSet("taobao")
    first_order_row: tuple[int, dict[str, str]] | None = None

    def reject(path: Path, row: int, keyword: str) -> None:
        result.rejected.append(Rejected(path.name, row, keyword))

    for i in range(TB_ORDERS):
        order_no = "5" + people.digits(18)
        name, phone, province, city, district, detail = people.receiver()
        paid = people.paid()
        if i == TB_QUOTE:
            paid = paid.replace(second=0)
        lines = people.items(3 if i == TB_TAB else 2 if i in (TB_NO_QTY, TB_LINE_CLOSED, TB_SKU_FALLBACK) else 1)
        goods = sum((price * qty for _sku, _title, price, _spec, qty in lines), Decimal("0.00"))
        post = Decimal(rng.choice(("0.00", "0.00", "8.00")))
        total = goods + post
        status = "买家已付款,等待卖家发货" if i == TB_TAB else "买家已付款，等待卖家发货"
        status = {
            TB_UNPAID: "等待买家付款",
            TB_CLOSED: "交易关闭",
            TB_SHIPPED: "卖家已发货，等待买家确认",
            TB_DONE: "交易成功",
            TB_UNKNOWN_STATUS: "风控审核中",
        }.get(i, status)
        nick = f"tb{people.digits(8)}" if i % 3 else "t**1"
        message = "请尽快发货\n谢谢老板" if i == TB_TAB else rng.choice(("", "", "送人的，不要放价格单"))
        memo = rng.choice(("", "送小样", "加急"))
        address = f"{province} {city} {district} {detail}"
        changed = ""
        if i == TB_CHANGED_ADDRESS:
            province, city, district, detail = "浙江省", "杭州市", "西湖区", "文三路90号东部软件园3号楼"
            changed = f"{province} {city} {district} {detail}"
        if i == TB_MUNICIPALITY:
            province, city, district = "上海", "上海市", "浦东新区"
            address = f"{province} {city} {district} {detail}"
        if i == TB_YUAN:
            total = Decimal("1234.50")
        shown_no = {
            TB_WRAPPED: f'="{order_no}"',
            TB_TAB: f"\t{order_no}",
            TB_QUOTE: f"'{order_no}",
            TB_SCIENTIFIC: f"{order_no[0]}.{order_no[1:6]}E+18",
        }.get(i, order_no)
        values = {
            "订单编号": shown_no,
            "买家会员名": nick,
            "买家应付货款": money(goods),
            "买家应付邮费": money(post),
            "总金额": money(total),
            "买家实际支付金额": {TB_YUAN: f"{yen}1,234.50", TB_BAD_AMOUNT: "12..50", TB_HUGE_AMOUNT: "1E+30"}.get(
                i, money(total)
            ),
            "订单状态": status,
            "买家留言": message,
            "收货人姓名": name,
            "收货地址": address,
            "运送方式": "快递",
            "联系手机": f"'{phone}",
            "订单创建时间": "2026-02-30 25:61:00" if i == TB_BAD_CREATED else china(paid - timedelta(minutes=3)),
            "订单付款时间": "" if i == TB_UNPAID else china(paid),
            "宝贝标题": "，".join(title for _sku, title, _price, _spec, _qty in lines),
            "宝贝种类": str(len(lines)),
            "订单备注": memo,
            "宝贝总数量": str(sum(qty for *_rest, qty in lines)),
            "店铺名称": "小鹿生活馆",
            "是否手机订单": "手机订单",
            "修改后的收货地址": changed,
        }
        if i == TB_QUOTE:
            values["订单付款时间"] = excel_slashes(paid)
        if i == TB_SERIAL:
            values["订单付款时间"] = excel_serial(paid)
        if i == TB_BAD_DATE:
            values["订单付款时间"] = "2026-13-45 25:61:00"
        row = orders_sheet.add(values)
        if i == 0:
            first_order_row = (row, values)

        expected_lines: list[Line] = []
        position = 0
        for n, (sku, title, price, spec, qty) in enumerate(lines):
            if i == TB_NO_ITEMS:
                break
            position += 1
            sub_no = order_no + f"{n:02d}"
            line_status = "交易关闭" if i == TB_LINE_CLOSED and n == 1 else status
            refund_text = "买家已经申请退款，等待卖家同意" if i == TB_TAB and n == 2 else "没有申请退款"
            outer_sku = sku
            alt = f"OUT-{sku}"
            if i == TB_SKU_FALLBACK:
                outer_sku, alt = "", ("" if n == 1 else alt)
            item_title = "" if i == TB_NO_GOOD_LINE else title
            if i == TB_NO_GOOD_LINE:
                outer_sku = alt = ""
            qty_text = "" if i == TB_NO_QTY and n == 0 else "99999999999999999999" if i == TB_HUGE_QTY else str(qty)
            item_no = shown_no if i in (TB_SCIENTIFIC, TB_TAB) else order_no
            if sub_orders:
                item_row = items_sheet.add(
                    {
                        "子订单编号": f'="{sub_no}"',
                        "主订单编号": item_no,
                        "商品标题": item_title,
                        "商品属性": spec,
                        "商家编码": outer_sku,
                        "外部系统编号": alt,
                        "购买数量": qty_text,
                        "价格": money(price),
                        "订单状态": line_status,
                        "退款状态": refund_text,
                    }
                )
            else:
                item_row = items_sheet.add(
                    {
                        "订单编号": item_no,
                        "标题": item_title,
                        "价格": money(price),
                        "购买数量": qty_text,
                        "外部系统编号": alt,
                        "商品属性": spec,
                        "订单状态": line_status,
                        "商家编码": outer_sku,
                    }
                )
            if i == TB_SCIENTIFIC:
                reject(items_path, item_row, "scientific notation")
                continue
            if i == TB_NO_QTY and n == 0:
                reject(items_path, item_row, "购买数量")
                continue
            if i == TB_NO_GOOD_LINE:
                reject(items_path, item_row, "no item title")
                continue
            if i == TB_HUGE_QTY:
                reject(items_path, item_row, "more than PackDesk takes")
                continue
            refund = "refunded" if line_status == "交易关闭" and i != TB_CLOSED else "none"
            if sub_orders and i == TB_TAB and n == 2:
                refund = "requested"
            expected_lines.append(
                Line(
                    sub_no if sub_orders else f"{order_no}-{position}",
                    outer_sku or alt or title,
                    title,
                    qty,
                    price,
                    spec,
                    refund,
                )
            )
        if i == TB_UNPAID:
            items_sheet.blank()  # Excel shows an empty row here: the rows below keep their numbers
            result.skipped[orders_path.name] = result.skipped.get(orders_path.name, 0) + 1
            continue
        keyword = {
            TB_SCIENTIFIC: "scientific notation",
            TB_BAD_AMOUNT: "not an amount",
            TB_BAD_DATE: "not a date",
            TB_BAD_CREATED: "订单创建时间 '2026-02-30 25:61:00' is not a date that exists",
            TB_HUGE_AMOUNT: "not an amount",
            TB_NO_GOOD_LINE: "none of order",
            TB_HUGE_QTY: "none of order",
            TB_NO_ITEMS: "no lines in the item report",
            TB_UNKNOWN_STATUS: "unknown",
        }.get(i)
        if keyword:
            reject(orders_path, row, keyword)
            continue
        result.orders[order_no] = Order(
            order_no=order_no,
            status={TB_CLOSED: "closed", TB_SHIPPED: "shipped", TB_DONE: "shipped"}.get(i, "awaiting_shipment"),
            total=total,
            paid_at=paid,
            deadline=paid + DEFAULT_SHIP_WITHIN,
            lines=tuple(expected_lines),
            buyer_nick=nick,
            name=name,
            phone=phone,
            province=province,
            city=city,
            district=district,
            detail=detail,
            message=message,
            memo=memo,
        )

    # Rows that make no order: the first order again, and an item row of an order the order report lacks.
    assert first_order_row is not None
    reject(orders_path, orders_sheet.add(first_order_row[1]), "appears twice")
    stray = "5" + people.digits(18)
    sku, title, price, spec = CATALOGUE[0]
    stray_values = (
        {"子订单编号": stray + "00", "主订单编号": stray, "商品标题": title, "购买数量": "1", "商家编码": sku}
        if sub_orders
        else {"订单编号": stray, "标题": title, "购买数量": "1", "价格": price, "商家编码": sku}
    )
    reject(items_path, items_sheet.add(stray_values), "not in the order report")
    items_sheet.blank()  # exports end with an empty line now and then

    result.rows[orders_path.name] = orders_sheet.write(orders_path, encoding)
    result.rows[items_path.name] = items_sheet.write(items_path, encoding)
    result.files = [orders_path, items_path]
    result.formats = {orders_path.name: "taobao_orders", items_path.name: "taobao_items"}
    result.skipped.setdefault(items_path.name, 0)
    return result


# -- Pinduoduo --------------------------------------------------------------------------------------------------------

PDD_HEADER = [
    "商品", "订单号", "订单状态", "商品总价（元）", "店铺优惠折扣（元）", "平台优惠折扣（元）", "邮费（元）",
    "用户实付金额（元）", "商品数量（件）", "身份证姓名", "身份证号码", "收货人", "手机", "是否异常", "省", "市", "区",
    "街道", "支付时间", "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id",
    "商品规格", "用户购买手机号", "样式ID", "商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司",
    "商家备注", "售后状态", "买家留言", "隐私号的四位分机号", "商家实收金额(元)",
]  # fmt: skip

PDD_TWO_LINES = 1  # two rows, one order
PDD_REFUNDING = 2  # two rows; the first's 售后状态 退款中: requested
PDD_REFUND_CODE = 3  # 售后状态 code 5: refunded
PDD_SHIPPED = 4  # 已发货，待签收
PDD_UNPAID = 5  # 待支付: skipped
PDD_CANCELLED = 6  # 已取消
PDD_BAD_QTY = 7  # 商品数量 "两": rejected
PDD_NO_ITEM = 8  # neither 商品 nor a merchant code: rejected
PDD_BAD_PROMISE = 9  # 承诺发货时间 "明天": rejected
PDD_HALF_BAD = 10  # two rows, the first with a bad amount: imports with line -2 only
PDD_EARLY_PROMISE = 11  # 承诺发货时间 24 h after payment: that is the deadline
PDD_NO_PROMISE = 12  # no 承诺发货时间: pay time + 48 h
PDD_EXTENSION = 13  # virtual number with its four-digit extension
PDD_SERIAL = 14  # 支付时间 as an Excel serial number
PDD_REFUNDED_CLOSED = 15  # 未发货，退款成功: closed
PDD_HUGE_QTY = 16  # 商品数量 99999999999999999999: rejected
PDD_HUGE_AMOUNT = 17  # 用户实付金额 1E+30: rejected
PDD_BAD_SHIPPED_TIME = 18  # 发货时间 (a column the import does not need) "2026-02-30 25:61:00": rejected
PDD_ORDERS = 20


def write_pdd(directory: Path, *, seed: int = 11, encoding: str = "utf-8") -> ExportSet:
    """A Pinduoduo export: tab-prefixed values, full-width parentheses in the headers, one row per line."""
    rng = random.Random(seed)
    people = _People(rng)
    sheet = _Sheet(PDD_HEADER)
    path = directory / f"pdd-orders-{seed}.csv"
    result = ExportSet("pdd")
    skipped = 0
    for i in range(PDD_ORDERS):
        order_no = ANCHOR.astimezone(CHINA_TZ).strftime("%y%m%d") + "-" + people.digits(15)
        name, phone, province, city, district, detail = people.receiver()
        paid = people.paid()
        promise = paid + timedelta(hours=24 if i == PDD_EARLY_PROMISE else 48)
        lines = people.items(2 if i in (PDD_TWO_LINES, PDD_REFUNDING, PDD_HALF_BAD) else 1)
        post = Decimal("0.00")
        total = sum((price * qty for _s, _t, price, _sp, qty in lines), Decimal("0.00"))
        status = {
            PDD_SHIPPED: "已发货，待签收",
            PDD_UNPAID: "待支付",
            PDD_CANCELLED: "已取消",
            PDD_REFUNDED_CLOSED: "未发货，退款成功",
        }.get(i, "待发货")
        message = rng.choice(("", "麻烦发顺丰"))
        memo = rng.choice(("", "老客户"))
        expected: list[Line] = []
        rejected_rows = 0
        for n, (sku, title, price, spec, qty) in enumerate(lines):
            after_sale = "无售后或售后取消"
            if i == PDD_REFUNDING and n == 0:
                after_sale = "退款中"
            if i == PDD_REFUND_CODE:
                after_sale = "5"
            values = {
                "商品": "" if i == PDD_NO_ITEM else title,
                "订单号": f"\t{order_no}",
                "订单状态": status,
                "商品总价（元）": money(price * qty),
                "邮费（元）": money(post),
                "用户实付金额（元）": "9.9.9"
                if i == PDD_HALF_BAD and n == 0
                else "1E+30"
                if i == PDD_HUGE_AMOUNT
                else f"{money(total)}元",
                "商品数量（件）": {PDD_BAD_QTY: "两", PDD_HUGE_QTY: "99999999999999999999"}.get(i, str(qty)),
                "收货人": name,
                "手机": f"\t{phone}",
                "省": province,
                "市": city,
                "区": district,
                "街道": detail,
                "支付时间": excel_serial(paid) if i == PDD_SERIAL else china(paid),
                "拼单成功时间": china(paid + timedelta(seconds=5)),
                "订单确认时间": china(paid + timedelta(seconds=5)),
                "承诺发货时间": "明天" if i == PDD_BAD_PROMISE else "" if i == PDD_NO_PROMISE else china(promise),
                "发货时间": "2026-02-30 25:61:00" if i == PDD_BAD_SHIPPED_TIME else "",
                "商品id": people.digits(11),
                "商品规格": spec,
                "商家编码-SKU维度": "" if i == PDD_NO_ITEM else f"\t{sku}",
                "商家编码-商品维度": "" if i == PDD_NO_ITEM else f"\t{sku.split('-')[0]}",
                "商家备注": memo,
                "售后状态": after_sale,
                "买家留言": message,
                "隐私号的四位分机号": "3821" if i == PDD_EXTENSION else "",
                "商家实收金额(元)": money(total),
            }
            row = sheet.add(values)
            keyword = {
                PDD_BAD_QTY: "not a whole number",
                PDD_NO_ITEM: "no item title",
                PDD_BAD_PROMISE: "not a date",
                PDD_HUGE_QTY: "商品数量（件） '99999999999999999999' is more than PackDesk takes",
                PDD_HUGE_AMOUNT: "'1E+30' is not an amount",
                PDD_BAD_SHIPPED_TIME: "发货时间 '2026-02-30 25:61:00' is not a date that exists",
            }
            if i in keyword:
                result.rejected.append(Rejected(path.name, row, keyword[i]))
                rejected_rows += 1
                continue
            if i == PDD_HALF_BAD and n == 0:
                result.rejected.append(Rejected(path.name, row, "not an amount"))
                continue
            refund = {"退款中": "requested", "5": "refunded"}.get(after_sale, "none")
            expected.append(
                Line(
                    f"{order_no}-{n + 1}", sku, title, qty, (price * qty / qty).quantize(Decimal("0.01")), spec, refund
                )
            )
        if i == PDD_UNPAID:
            skipped += 1
            continue
        if not expected:
            continue
        result.orders[order_no] = Order(
            order_no=order_no,
            status={PDD_SHIPPED: "shipped", PDD_CANCELLED: "closed", PDD_REFUNDED_CLOSED: "closed"}.get(
                i, "awaiting_shipment"
            ),
            total=total,
            paid_at=paid,
            deadline=paid + DEFAULT_SHIP_WITHIN if i == PDD_NO_PROMISE else promise,
            lines=tuple(expected),
            name=name,
            phone=f"{phone}-3821" if i == PDD_EXTENSION else phone,
            province=province,
            city=city,
            district=district,
            detail=detail,
            message=message,
            memo=memo,
        )
    result.rows[path.name] = sheet.write(path, encoding)
    result.files = [path]
    result.formats = {path.name: "pdd"}
    result.skipped[path.name] = skipped
    return result


# -- JD ---------------------------------------------------------------------------------------------------------------

JD_HEADER = [
    "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付",
    "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型",
    "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票",
    "货号", "订单完成时间", "订单来源", "订单渠道",
]  # fmt: skip

JD_TWO_LINES = 0  # two rows, one order
JD_SCIENTIFIC = 1  # 2.34568E+11: rejected
JD_WAIT_RECEIPT = 2  # 等待确认收货: shipped
JD_FINISHED = 3  # 完成: shipped
JD_CANCELLED = 4  # (删除)订单取消: closed
JD_UNPAID = 5  # 等待付款: skipped
JD_LOCKED = 6  # 锁定: on hold
JD_UNSPACED = 7  # 客户地址 without spaces: split on the suffixes
JD_FLAG = 8  # 商家备注等级 3
JD_NO_ITEM_CODE = 9  # empty 货号: the title is the SKU
JD_BAD_PRICE = 10  # 京东价 "abc": rejected
JD_COD = 11  # cash on delivery: no 付款确认时间, the order time counts
JD_YUAN = 12  # "￥59.00" and "1,059.00"
JD_ZERO_QTY = 13  # 订购数量 0: rejected
JD_UNKNOWN_STATUS = 14  # 拣货中: rejected
JD_HUGE_QTY = 15  # 订购数量 99999999999999999999: rejected
JD_BAD_FINISHED = 16  # 订单完成时间 (a column the import does not need) "2026-02-30 25:61:00": rejected
JD_ORDERS = 18


def write_jd(directory: Path, *, seed: int = 5, encoding: str = "gbk") -> ExportSet:
    """A JD export: one row per line, order numbers of 12 digits (which Excel shows as 2.34568E+11)."""
    rng = random.Random(seed)
    people = _People(rng)
    sheet = _Sheet(JD_HEADER)
    path = directory / f"jd-orders-{seed}.csv"
    result = ExportSet("jd")
    skipped = 0
    for i in range(JD_ORDERS):
        order_no = "2" + people.digits(11)
        name, phone, province, city, district, detail = people.receiver()
        paid = people.paid()
        lines = people.items(2 if i == JD_TWO_LINES else 1)
        post = Decimal("6.00") if i % 4 == 0 else Decimal("0.00")
        total = sum((price * qty for _s, _t, price, _sp, qty in lines), post)
        if i == JD_YUAN:
            total = Decimal("1059.00")
        status = {
            JD_WAIT_RECEIPT: "等待确认收货",
            JD_FINISHED: "完成",
            JD_CANCELLED: "(删除)订单取消",
            JD_UNPAID: "等待付款",
            JD_LOCKED: "锁定",
            JD_UNKNOWN_STATUS: "拣货中",
        }.get(i, "等待出库")
        address = f"{province} {city} {district} {detail}"
        if i == JD_UNSPACED:
            province, city, district = "江苏省", "南京市", "建邺区"
            address = f"{province}{city}{district}{detail}"
        nick = f"jd_{people.digits(6)}"
        memo = "加急" if i == JD_FLAG else ""
        expected: list[Line] = []
        for n, (sku, title, price, _spec, qty) in enumerate(lines):
            values = {
                "订单号": f"{order_no[0]}.{order_no[1:6]}E+11" if i == JD_SCIENTIFIC else order_no,
                "商品ID": people.digits(12),
                "商品名称": title,
                "订购数量": {JD_ZERO_QTY: "0", JD_HUGE_QTY: "99999999999999999999"}.get(i, str(qty)),
                "支付方式": "货到付款" if i == JD_COD else "在线支付",
                "下单时间": china(paid - timedelta(minutes=1) if i != JD_COD else paid),
                "京东价": "abc" if i == JD_BAD_PRICE else "￥59.00" if i == JD_YUAN else money(price),
                "订单金额": money(total),
                "应付金额": "1,059.00" if i == JD_YUAN else money(total),
                "订单状态": status,
                "订单类型": "SOP",
                "下单帐号": nick,
                "客户姓名": name,
                "客户地址": address,
                "联系电话": phone,
                "商家备注": memo,
                "商家备注等级（等级1-5为由高到低）": "3" if i == JD_FLAG else "",
                "运费金额": money(post),
                "付款确认时间": "" if i in (JD_COD, JD_UNPAID) else china(paid),
                "货号": "" if i == JD_NO_ITEM_CODE else sku,
                "订单来源": "移动端订单",
                "订单完成时间": "2026-02-30 25:61:00" if i == JD_BAD_FINISHED else "",
            }
            row = sheet.add(values)
            keyword = {
                JD_SCIENTIFIC: "scientific notation",
                JD_BAD_PRICE: "not an amount",
                JD_ZERO_QTY: "at least 1",
                JD_UNKNOWN_STATUS: "unknown",
                JD_HUGE_QTY: "is more than PackDesk takes",
                JD_BAD_FINISHED: "订单完成时间 '2026-02-30 25:61:00' is not a date that exists",
            }
            if i in keyword:
                result.rejected.append(Rejected(path.name, row, keyword[i]))
                continue
            expected.append(
                Line(
                    f"{order_no}-{n + 1}",
                    title if i == JD_NO_ITEM_CODE else sku,
                    title,
                    qty,
                    Decimal("59.00") if i == JD_YUAN else price,
                    "",
                )
            )
        if i == JD_UNPAID:
            skipped += 1
            continue
        if not expected:
            continue
        result.orders[order_no] = Order(
            order_no=order_no,
            status={
                JD_WAIT_RECEIPT: "shipped",
                JD_FINISHED: "shipped",
                JD_CANCELLED: "closed",
                JD_LOCKED: "on_hold",
            }.get(i, "awaiting_shipment"),
            total=total,
            paid_at=paid,
            deadline=paid + DEFAULT_SHIP_WITHIN,
            lines=tuple(expected),
            buyer_nick=nick,
            name=name,
            phone=phone,
            province=province,
            city=city,
            district=district,
            detail=detail,
            memo=memo,
            flag=3 if i == JD_FLAG else 0,
        )
    result.rows[path.name] = sheet.write(path, encoding)
    result.files = [path]
    result.formats = {path.name: "jd"}
    result.skipped[path.name] = skipped
    return result


def without(export: ExportSet, *names: str) -> ExportSet:
    """The same expectations with some files left out (for the "order report alone" cases)."""
    return replace(export, files=[p for p in export.files if p.name not in names])


# -- fuzzing -----------------------------------------------------------------------------------------------------------

#: Cells that have broken importers: numbers past every limit, times that do not exist, Excel's damage, odd digits.
NASTY_CELLS = (
    "1E+30", "-1E+30", "99999999999999999999", "1e400", "NaN", "Infinity", "-1", "0", "1.5", "12..50", "￥-0.00",
    "2026-02-30 25:61:00", "2026/2/30", "9999-12-31 23:59:59", "0001-01-01 00:00:00", "99999", "5.11861E+18",
    '=""', '="1E+30"', "'", "\t", "", "１２３", "٣", "交易关闭", "5", "退款成功",
)  # fmt: skip


@dataclass(frozen=True)
class CellEdit:
    """One cell a fuzzer overwrote: the file, the row (as Excel numbers it) and the row before and after."""

    path: Path
    row: int
    header: list[str]
    before: list[str]
    after: list[str]


def edit_cells(path: Path, edits: list[tuple[int, int, str]], encoding: str = "utf-8") -> list[CellEdit]:
    """Overwrites cells of an export: each edit is (row, column, text), the row and column taken modulo the data rows
    and the header's width (so a fuzzer may draw any numbers). Returns what changed, row by row."""
    data = path.read_bytes().decode(encoding)
    records = list(csv.reader(io.StringIO(data, newline="")))
    header, rows = records[0], records[1:]
    done = []
    for row, column, text in edits:
        index = row % len(rows)
        before = list(rows[index])
        cells = before + [""] * (len(header) - len(before))
        cells[column % len(header)] = text
        rows[index] = cells
        done.append(CellEdit(path, index + 2, header, before, cells))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return done
